"""``key.pem``: the private key as a scrypt-encrypted PKCS#8 container, and what its cost is.

The key is stored as PKCS#8 ``ENCRYPTED PRIVATE KEY`` (PEM), encrypted with the assessor's
passphrase using PBES2 (RFC 8018) with the **scrypt** KDF (RFC 7914; :data:`PRODUCTION_COST`,
16-byte salt) and AES-256-CBC. ``cryptography`` can write PKCS#8 PEM only with PBKDF2-HMAC-SHA256
at 2048 iterations (``BestAvailableEncryption``), which is cheap to brute-force, so the container
is assembled here (asn1crypto) around ``cryptography``'s Scrypt and AES; it is read back by
``cryptography.load_pem_private_key`` and by ``openssl pkey`` (the parameters stay inside
OpenSSL's default 32 MiB scrypt memory limit), so the key can always be recovered with standard
tools.

The scrypt parameters travel inside the file, so a key written at an older, cheaper cost still
opens; :func:`key_file_cost` reads them and :func:`is_weaker_than_current` tells the unlock to
re-wrap the key at today's cost (:mod:`app.identity.rewrap`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from asn1crypto import algos as asn1_algos
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.identity.errors import IdentityError, WrongPassphrase

__all__ = [
    "PRODUCTION_COST",
    "TEST_COST",
    "TEST_COST_SWITCH",
    "ScryptCost",
    "current_cost",
    "decrypt_private_key",
    "encrypt_private_key",
    "is_weaker_than_current",
    "key_file_cost",
]


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's cost parameters: N (CPU/memory cost), r (block size), p (parallel lanes)."""

    n: int
    r: int
    p: int

    def weaker_than(self, other: ScryptCost) -> bool:
        """True if a guess costs an attacker less memory or less work than under ``other``."""
        return self.n * self.r < other.n * other.r or self.n * self.r * self.p < other.n * other.r * other.p

    def __str__(self) -> str:
        exponent = self.n.bit_length() - 1
        n = f"2^{exponent}" if self.n == 1 << exponent else str(self.n)
        return f"N={n}, r={self.r}, p={self.p}"


# What Nilai writes, chosen from `python -m benchmarks.bench_kdf --n 7` on the development machine
# (2 CPUs, 2026-12-05; CPU seconds per guess, the cost on an idle machine): the cost written until
# now, N=2^14 r=8 p=4, is 0.11 s. N=2^15 r=8 needs 32 MiB plus a few bytes, which `openssl pkey`
# refuses (OpenSSL's default scrypt limit is 32 MiB), so r=7 keeps the largest N*r that fits:
# 28 MiB a lane, 1.75x what an attacker's hardware must hold for each lane at N=2^14 r=8. One lane
# costs 0.050 s; p=12 lanes (the lanes run one after the other) make a guess 0.60 s, above the
# 0.5 s target with a margin. The assessor waits that long at each unlock, twice on the first unlock
# of an older key (:mod:`app.identity.rewrap`).
PRODUCTION_COST = ScryptCost(n=2**15, r=7, p=12)

# TEST ONLY. The test suite creates and unlocks hundreds of identities; tests/conftest.py sets
# this variable to "1" so their keys are written at TEST_COST. Never set it for real use:
# tests/test_key_cost.py checks that without it keys are written at PRODUCTION_COST.
TEST_COST_SWITCH = "NILAI_TEST_ONLY_CHEAP_KDF"
TEST_COST = ScryptCost(n=2**10, r=8, p=1)

_SCRYPT_OID = "1.3.6.1.4.1.11591.4.11"  # id-scrypt, RFC 7914 section 7


class _ScryptParams(asn1_core.Sequence):
    # RFC 7914 section 7.1 scrypt-params
    _fields = [
        ("salt", asn1_core.OctetString),
        ("cost_parameter", asn1_core.Integer),
        ("block_size", asn1_core.Integer),
        ("parallelization_parameter", asn1_core.Integer),
        ("key_length", asn1_core.Integer, {"optional": True}),
    ]


def current_cost() -> ScryptCost:
    """The cost new key files get: :data:`PRODUCTION_COST`, unless the test-only switch is set."""
    return TEST_COST if os.environ.get(TEST_COST_SWITCH) == "1" else PRODUCTION_COST


def encrypt_private_key(private_key: Any, passphrase: str, *, cost: ScryptCost | None = None) -> bytes:
    """PKCS#8 EncryptedPrivateKeyInfo, PBES2 with scrypt (``cost``, default :func:`current_cost`) + AES-256-CBC, PEM."""
    cost = cost or current_cost()
    plain = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt = os.urandom(16)
    iv = os.urandom(16)
    kek = Scrypt(salt=salt, length=32, n=cost.n, r=cost.r, p=cost.p).derive(passphrase.encode("utf-8"))
    padder = sym_padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padded) + encryptor.finalize()
    algorithm = asn1_algos.EncryptionAlgorithm(
        {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {
                    "algorithm": _SCRYPT_OID,
                    "parameters": _ScryptParams(
                        {
                            "salt": salt,
                            "cost_parameter": cost.n,
                            "block_size": cost.r,
                            "parallelization_parameter": cost.p,
                            "key_length": 32,
                        }
                    ),
                },
                "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
            },
        }
    )
    info = asn1_keys.EncryptedPrivateKeyInfo({"encryption_algorithm": algorithm, "encrypted_data": encrypted})
    return asn1_pem.armor("ENCRYPTED PRIVATE KEY", info.dump())


def key_file_cost(key_pem: bytes) -> ScryptCost | None:
    """The scrypt parameters a key file was written with; None if it is not PBES2 with scrypt."""
    try:
        _, _, der = asn1_pem.unarmor(key_pem)
        algorithm = asn1_keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]
        if algorithm["algorithm"].native != "pbes2":
            return None
        kdf = algorithm["parameters"]["key_derivation_func"]
        if kdf["algorithm"].dotted != _SCRYPT_OID:
            return None
        params = _ScryptParams.load(kdf["parameters"].dump()).native
        return ScryptCost(n=params["cost_parameter"], r=params["block_size"], p=params["parallelization_parameter"])
    except Exception:  # a damaged file: decrypt_private_key says so
        return None


def is_weaker_than_current(key_pem: bytes) -> bool:
    """True if ``key_pem`` should be re-wrapped at :func:`current_cost` (a cheaper cost, or not scrypt at all)."""
    cost = key_file_cost(key_pem)
    return cost is None or cost.weaker_than(current_cost())


def decrypt_private_key(key_pem: bytes, passphrase: str) -> Any:
    """The private key object; WrongPassphrase if the passphrase does not open it."""
    try:
        _, _, der = asn1_pem.unarmor(key_pem)
        asn1_keys.EncryptedPrivateKeyInfo.load(der).native  # noqa: B018 - structure check
    except Exception as exc:
        raise IdentityError(
            "The identity's key file is damaged or not an encrypted key. Nothing was changed."
        ) from exc
    try:
        return serialization.load_pem_private_key(key_pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase(
            "The passphrase is not correct for this identity. Nothing was changed."
        ) from exc
    except UnsupportedAlgorithm as exc:
        raise IdentityError(f"The identity's key uses an unsupported algorithm: {exc}") from exc
