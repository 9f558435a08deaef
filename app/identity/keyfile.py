"""``key.pem``: the private key as a scrypt-encrypted PKCS#8 container.

The key is stored as PKCS#8 ``ENCRYPTED PRIVATE KEY`` (PEM), encrypted with the assessor's
passphrase using PBES2 (RFC 8018) with the **scrypt** KDF (RFC 7914; N=2**14, r=8, p=4, 16-byte
salt) and AES-256-CBC. ``cryptography`` can write PKCS#8 PEM only with PBKDF2-HMAC-SHA256 at 2048
iterations (``BestAvailableEncryption``), which is cheap to brute-force, so the container is
assembled here (asn1crypto) around ``cryptography``'s Scrypt and AES; it is read back by
``cryptography.load_pem_private_key`` and by ``openssl pkey`` (the parameters stay inside
OpenSSL's default 32 MiB scrypt memory limit), so the key can always be recovered with standard
tools.
"""

from __future__ import annotations

import os
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

__all__ = ["SCRYPT_N", "SCRYPT_P", "SCRYPT_R", "decrypt_private_key", "encrypt_private_key"]

# scrypt parameters for key.pem: N=2**14, r=8 needs 16 MiB and stays inside OpenSSL's default
# memory limit (so `openssl pkey` can read the file); p=4 makes one guess ~0.1 s here.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 4
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


def encrypt_private_key(private_key: Any, passphrase: str) -> bytes:
    """PKCS#8 EncryptedPrivateKeyInfo, PBES2 with scrypt + AES-256-CBC, PEM armoured."""
    plain = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt = os.urandom(16)
    iv = os.urandom(16)
    kek = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))
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
                            "cost_parameter": SCRYPT_N,
                            "block_size": SCRYPT_R,
                            "parallelization_parameter": SCRYPT_P,
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
