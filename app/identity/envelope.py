"""Hybrid encryption of bundle content to a certificate (:func:`encrypt_for`, :func:`decrypt_with`)."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap

from app.identity.certificates import as_certificate, certificate_fingerprint, key_type
from app.identity.errors import DecryptionError, IdentityError
from app.identity.types import UnlockedIdentity

__all__ = ["decrypt_with", "encrypt_for"]

_ENC_MAGIC = b"NILAIENC"
_ENC_VERSION = 1
_ALG_ECDH_HKDF_A256KW = 1
_ALG_RSA_OAEP_SHA256 = 2
_HKDF_INFO = b"nilai/bundle-content-key/v1"
_OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _uncompressed_point(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def _ecdh_kek(shared: bytes, ephemeral_point: bytes, recipient_point: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO + ephemeral_point + recipient_point
    ).derive(shared)


def encrypt_for(cert: Any, plaintext: bytes) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of ``cert``'s private key can read it.

    Construction (all from ``cryptography``):

    1. A fresh random 256-bit content key CEK and 96-bit nonce.
    2. CEK is wrapped for the recipient:

       * EC certificate (e.g. P-256): an ephemeral key pair on the recipient's curve;
         Z = ECDH(ephemeral private, recipient public); KEK = HKDF-SHA256(Z, salt=none,
         info="nilai/bundle-content-key/v1" || ephemeral point || recipient point, 32 bytes)
         (points X9.62 uncompressed); wrapped = AES-KW(KEK, CEK) (RFC 3394).
       * RSA certificate: wrapped = RSA-OAEP(SHA-256, MGF1-SHA-256, no label)(CEK).

    3. body = AES-256-GCM(CEK, nonce, plaintext, aad=header).

    Output layout (big-endian lengths)::

        "NILAIENC" | version u8 (1) | alg u8 (1=ECDH-HKDF-A256KW, 2=RSA-OAEP-SHA256)
        | recipient certificate SHA-256 (32 bytes)
        | u16 len | ephemeral point (empty for RSA) | u16 len | wrapped CEK | nonce (12)
        | GCM ciphertext || 16-byte tag

    Everything before the ciphertext is the header, authenticated as GCM associated data.
    """
    recipient = as_certificate(cert)
    public_key = recipient.public_key()
    cek = AESGCM.generate_key(bit_length=256)
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        alg = _ALG_ECDH_HKDF_A256KW
        ephemeral = ec.generate_private_key(public_key.curve)
        ephemeral_point = _uncompressed_point(ephemeral.public_key())
        shared = ephemeral.exchange(ec.ECDH(), public_key)
        kek = _ecdh_kek(shared, ephemeral_point, _uncompressed_point(public_key))
        wrapped = aes_key_wrap(kek, cek)
    elif isinstance(public_key, rsa.RSAPublicKey):
        alg = _ALG_RSA_OAEP_SHA256
        ephemeral_point = b""
        wrapped = public_key.encrypt(cek, _OAEP)
    else:
        raise IdentityError(
            f"Cannot encrypt to this certificate: its {key_type(public_key)} key does not support "
            "encryption. The coordinator needs an EC (P-256) or RSA certificate."
        )
    nonce = os.urandom(12)
    header = (
        _ENC_MAGIC
        + bytes([_ENC_VERSION, alg])
        + bytes.fromhex(certificate_fingerprint(recipient))
        + struct.pack(">H", len(ephemeral_point))
        + ephemeral_point
        + struct.pack(">H", len(wrapped))
        + wrapped
        + nonce
    )
    return header + AESGCM(cek).encrypt(nonce, plaintext, header)


@dataclass
class _Envelope:
    alg: int
    fingerprint: str
    ephemeral_point: bytes
    wrapped: bytes
    nonce: bytes
    header: bytes
    ciphertext: bytes = field(repr=False)


def _parse_envelope(blob: bytes) -> _Envelope:
    blob = bytes(blob)
    try:
        if not blob.startswith(_ENC_MAGIC):
            raise ValueError("magic")
        pos = len(_ENC_MAGIC)
        version, alg = blob[pos], blob[pos + 1]
        if version != _ENC_VERSION:
            raise DecryptionError(
                f"This encrypted content uses format version {version}, which this Nilai cannot read."
            )
        pos += 2
        fingerprint = blob[pos : pos + 32].hex()
        pos += 32
        (n,) = struct.unpack_from(">H", blob, pos)
        pos += 2
        ephemeral_point = blob[pos : pos + n]
        pos += n
        (m,) = struct.unpack_from(">H", blob, pos)
        pos += 2
        wrapped = blob[pos : pos + m]
        pos += m
        nonce = blob[pos : pos + 12]
        pos += 12
        if len(ephemeral_point) != n or len(wrapped) != m or len(nonce) != 12 or len(blob) < pos + 16:
            raise ValueError("truncated")
    except (ValueError, IndexError, struct.error) as exc:
        raise DecryptionError("This is not Nilai encrypted content, or it is truncated.") from exc
    return _Envelope(alg, fingerprint, ephemeral_point, wrapped, nonce, blob[:pos], blob[pos:])


def decrypt_with(unlocked: UnlockedIdentity, blob: bytes) -> bytes:
    """Open content made by :func:`encrypt_for` for this identity's certificate.

    Raises :class:`DecryptionError` (never a raw cryptography exception) when the content was
    made for another certificate, the key does not fit, or anything was altered.
    """
    env = _parse_envelope(blob)
    if env.fingerprint != unlocked.fingerprint:
        raise DecryptionError(
            "This content was encrypted for another certificate "
            f"(fingerprint {env.fingerprint[:16]}…), not for this identity ({unlocked.fingerprint[:16]}…)."
        )
    key = unlocked.private_key
    try:
        if env.alg == _ALG_ECDH_HKDF_A256KW and isinstance(key, ec.EllipticCurvePrivateKey):
            ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(key.curve, env.ephemeral_point)
            shared = key.exchange(ec.ECDH(), ephemeral)
            kek = _ecdh_kek(shared, env.ephemeral_point, _uncompressed_point(key.public_key()))
            cek = aes_key_unwrap(kek, env.wrapped)
        elif env.alg == _ALG_RSA_OAEP_SHA256 and isinstance(key, rsa.RSAPrivateKey):
            cek = key.decrypt(env.wrapped, _OAEP)
        else:
            raise DecryptionError(
                "This content was encrypted with a method that does not fit this identity's key."
            )
        return AESGCM(cek).decrypt(env.nonce, env.ciphertext, env.header)
    except DecryptionError:
        raise
    except (InvalidTag, InvalidUnwrap, ValueError, TypeError) as exc:
        raise DecryptionError(
            "The encrypted content could not be opened with this identity: it was altered, "
            "damaged, or made for another key."
        ) from exc
