"""A throw-away self-signed TLS certificate for the sync service on loopback.

What a coordinator makes once with openssl (docs/sync-service.md), made here for the self-test and
the tests, which start `nilai serve` on 127.0.0.1 and pin this certificate as a laptop would.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.base.atomic import atomic_write


def loopback_certificate(folder: Path, *, name: str = "nilai sync", hours: float = 1) -> tuple[Path, Path]:
    """``service.crt`` and ``service.key`` in ``folder``: a P-256 certificate for 127.0.0.1, valid ``hours``."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(hours=hours))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "service.crt", folder / "service.key"
    atomic_write(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    atomic_write(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()))
    return cert_path, key_path
