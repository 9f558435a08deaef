"""Detached signatures over bytes (bundle and round-package manifests) with the identity's key."""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

from app.identity.certificates import as_certificate
from app.identity.errors import IdentityError
from app.identity.types import UnlockedIdentity

__all__ = ["sign_bytes", "verify_bytes"]

_PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


def sign_bytes(unlocked: UnlockedIdentity, data: bytes) -> bytes:
    """Detached signature over ``data`` with the identity's key.

    ECDSA keys: ECDSA with SHA-256, DER-encoded (r, s). RSA keys: RSASSA-PSS with SHA-256,
    MGF1-SHA-256, salt length 32. Ed25519 keys: pure Ed25519.
    """
    key = unlocked.private_key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, _PSS, hashes.SHA256())
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    raise IdentityError(f"Signing with a {type(key).__name__} key is not supported.")


def verify_bytes(cert: Any, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` (from :func:`sign_bytes`) is valid for ``data`` under ``cert``'s key."""
    try:
        public_key = as_certificate(cert).public_key()
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, _PSS, hashes.SHA256())
        elif isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError, TypeError, IdentityError):
        return False
    return True
