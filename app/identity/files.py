"""The identity on disk: ``<data_dir>/identity/``, written as a whole and read back.

``key.pem``
    The private key, scrypt-encrypted PKCS#8 (mode 0600); see :mod:`app.identity.keyfile`.
``cert.pem``
    The signing certificate (self-signed by default, or from an imported PKCS#12 file).
``chain.pem``
    The CA certificates that came with an imported PKCS#12 file (may be empty).
``profile.json``
    name, nip, organisation, created_at, source (``"self-signed"`` or ``"pkcs12"``).

A new identity is written into a staging directory (every file through :mod:`app.base.atomic`) and
renamed into place as a whole, so a crash leaves the old identity or the new one, never a mix.
Whoever replaces ``key.pem`` (a new identity, a passphrase change, a re-wrap at a higher cost) holds
:func:`key_file_lock`, so two Nilai processes never undo each other's change.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography import x509
from filelock import FileLock

from app.base.atomic import atomic_write, fsync_path
from app.identity.certificates import cert_pem, certificate_fingerprint, load_pem_certificates, utcnow
from app.identity.errors import IdentityError, NoIdentity

__all__ = [
    "CERT_FILE",
    "CHAIN_FILE",
    "IDENTITY_DIR",
    "KEY_FILE",
    "PROFILE_FILE",
    "identity_files",
    "install_identity",
    "key_file_lock",
    "new_profile",
    "read_identity",
    "recover",
]

IDENTITY_DIR = "identity"
KEY_FILE = "key.pem"
CERT_FILE = "cert.pem"
CHAIN_FILE = "chain.pem"
PROFILE_FILE = "profile.json"
_STAGING_DIR = ".identity.staging"
_PREVIOUS_DIR = ".identity.previous"
_KEY_LOCK = ".identity.lock"  # beside the identity folder, which install_identity renames
KEY_LOCK_WAIT_SECONDS = 10


@contextlib.contextmanager
def key_file_lock(data_dir: Path) -> Iterator[None]:
    """Held while ``key.pem`` is replaced; raises filelock's Timeout (an OSError) after a while."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(data_dir / _KEY_LOCK), timeout=KEY_LOCK_WAIT_SECONDS):
        yield


def recover(data_dir: Path) -> None:
    """Finish an identity replacement that a crash interrupted between its two renames."""
    target = data_dir / IDENTITY_DIR
    previous = data_dir / _PREVIOUS_DIR
    if not target.exists() and previous.is_dir():
        os.rename(previous, target)


def install_identity(data_dir: Path, files: dict[str, tuple[bytes, int]], replace: bool) -> None:
    """Write ``files`` as the identity, replacing an existing one only when ``replace``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    recover(data_dir)
    target = data_dir / IDENTITY_DIR
    if (target / CERT_FILE).is_file() and not replace:
        raise IdentityError(
            "An identity already exists on this computer. Replacing it makes sheets signed with it "
            "unverifiable against the new certificate; confirm the replacement to continue."
        )
    staging = data_dir / _STAGING_DIR
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(mode=0o700)
    for name, (data, mode) in files.items():
        atomic_write(staging / name, data, mode=mode)
    # What else lives beside the key (the drawn signature) belongs to the assessor, not to the key.
    if target.is_dir():
        for kept in target.iterdir():
            if kept.is_file() and kept.name not in files and kept.name not in (KEY_FILE, CERT_FILE, CHAIN_FILE, PROFILE_FILE):
                shutil.copy2(kept, staging / kept.name)
    previous = data_dir / _PREVIOUS_DIR
    with key_file_lock(data_dir):
        if target.exists():
            if previous.exists():
                shutil.rmtree(previous)
            os.rename(target, previous)
        os.rename(staging, target)
        fsync_path(data_dir)  # the renames must reach the disk too; the same helper atomic_write uses
    if previous.exists():
        shutil.rmtree(previous)


def identity_files(
    key_pem: bytes,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    profile: dict[str, Any],
) -> dict[str, tuple[bytes, int]]:
    """The identity's files for :func:`install_identity`: name → (bytes, mode)."""
    return {
        KEY_FILE: (key_pem, 0o600),
        CERT_FILE: (cert_pem(cert), 0o644),
        CHAIN_FILE: (b"".join(cert_pem(c) for c in chain), 0o644),
        PROFILE_FILE: (json.dumps(profile, ensure_ascii=False, indent=2).encode("utf-8") + b"\n", 0o644),
    }


def new_profile(
    cert: x509.Certificate, source: str, name: str, nip: str, organisation: str
) -> dict[str, Any]:
    """What profile.json holds for a new identity."""
    return {
        "name": name,
        "nip": nip,
        "organisation": organisation,
        "created_at": utcnow().isoformat(timespec="seconds"),
        "source": source,
        "fingerprint": certificate_fingerprint(cert),
    }


def read_identity(
    data_dir: str | os.PathLike[str],
) -> tuple[Path, x509.Certificate, list[x509.Certificate], dict]:
    """(identity directory, certificate, chain, profile); NoIdentity if there is none."""
    data_dir = Path(data_dir)
    recover(data_dir)
    directory = data_dir / IDENTITY_DIR
    if not (directory / CERT_FILE).is_file() or not (directory / KEY_FILE).is_file():
        raise NoIdentity(
            "No assessor identity has been set up on this computer yet. "
            "Create one, or import a PKCS#12 (.p12/.pfx) file from your organisation."
        )
    try:
        cert = x509.load_pem_x509_certificate((directory / CERT_FILE).read_bytes())
        chain_path = directory / CHAIN_FILE
        chain = load_pem_certificates(chain_path.read_bytes()) if chain_path.exists() else []
    except (OSError, ValueError) as exc:
        raise IdentityError(f"The identity's certificate files are damaged: {exc}") from exc
    try:
        profile = json.loads((directory / PROFILE_FILE).read_text(encoding="utf-8"))
        if not isinstance(profile, dict):
            raise ValueError("profile.json is not an object")
    except FileNotFoundError:
        profile = {}
    except (OSError, ValueError) as exc:
        raise IdentityError(f"The identity's profile is damaged: {exc}") from exc
    return directory, cert, chain, profile
