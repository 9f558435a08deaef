"""Assessor identity: keys at rest, certificates, PKCS#12 import, detached signatures, encryption."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app import identity
from app.identity import (
    DecryptionError,
    IdentityError,
    NoIdentity,
    UnlockThrottle,
    WrongPassphrase,
)

FIXTURES = Path(__file__).parent / "data" / "identity"
P12_PASSPHRASE = "fixture-p12-pass"
PASS = "kata sandi rahasia"
NAME = "Siti Nurhaliza Çağrı"
NIP = "198001012005012001"
ORG = "Kementerian Komunikasi dan Informatika"


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``directory`` with its bytes and mode."""
    return {
        str(p.relative_to(directory)): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """One identity for the read-only tests (key derivation is deliberately slow)."""
    data_dir = tmp_path_factory.mktemp("made")
    identity.create_identity(data_dir, NAME, NIP, ORG, PASS)
    return data_dir


@pytest.fixture(scope="module")
def unlocked(made):
    return identity.unlock(made, PASS, throttle=UnlockThrottle())


# --------------------------------------------------------------------------- create


def test_create_writes_encrypted_key_and_self_signed_certificate(made):
    folder = made / "identity"
    assert sorted(p.name for p in folder.iterdir()) == ["cert.pem", "chain.pem", "key.pem", "profile.json"]
    assert stat.S_IMODE((folder / "key.pem").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    key_pem = (folder / "key.pem").read_bytes()
    assert key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert b"ENCRYPTED" in key_pem
    with pytest.raises(TypeError):  # "Password was not given but private key is encrypted"
        serialization.load_pem_private_key(key_pem, password=None)
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(key_pem, password=b"not the passphrase")
    key = serialization.load_pem_private_key(key_pem, password=PASS.encode())
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"

    cert = x509.load_pem_x509_certificate((folder / "cert.pem").read_bytes())
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == NAME
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == NIP
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == ORG
    assert cert.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "ID"
    assert cert.issuer == cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in eku
    cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert 5 * 365 <= lifetime.days <= 5 * 366
    cert.verify_directly_issued_by(cert)  # the self-signature is valid

    profile = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    assert profile["name"] == NAME and profile["nip"] == NIP and profile["organisation"] == ORG
    assert profile["source"] == "self-signed"
    assert (folder / "chain.pem").read_bytes() == b""


def test_key_uses_scrypt_pbes2_not_the_weak_default(made):
    from asn1crypto import keys, pem

    _, _, der = pem.unarmor((made / "identity" / "key.pem").read_bytes())
    algorithm = keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]
    assert algorithm["algorithm"].native == "pbes2"
    params = algorithm["parameters"]
    assert params["key_derivation_func"]["algorithm"].dotted == "1.3.6.1.4.1.11591.4.11"  # id-scrypt
    assert params["encryption_scheme"]["algorithm"].native == "aes256_cbc"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not installed")
def test_key_file_opens_with_standard_openssl(made):
    key_path = made / "identity" / "key.pem"
    ok = subprocess.run(
        ["openssl", "pkey", "-in", str(key_path), "-passin", f"pass:{PASS}", "-noout"], capture_output=True
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        ["openssl", "pkey", "-in", str(key_path), "-passin", "pass:wrong passphrase", "-noout"],
        capture_output=True,
    )
    assert bad.returncode != 0


def test_load_identity_needs_no_passphrase(made):
    info = identity.load_identity(made)
    assert (info.name, info.nip, info.organisation, info.source) == (NAME, NIP, ORG, "self-signed")
    cert = x509.load_pem_x509_certificate((made / "identity" / "cert.pem").read_bytes())
    assert info.fingerprint == identity.certificate_fingerprint(cert)
    assert len(info.fingerprint) == 64 and info.fingerprint == info.fingerprint.lower()
    assert ":" not in info.fingerprint
    assert info.not_after == cert.not_valid_after_utc
    assert info.key_type == "ECDSA P-256"
    assert info.self_signed and not info.expired()
    assert info.certificate == cert


def test_no_identity(tmp_path):
    with pytest.raises(NoIdentity):
        identity.load_identity(tmp_path)
    with pytest.raises(NoIdentity):
        identity.unlock(tmp_path, PASS)
    assert not identity.has_identity(tmp_path)


@pytest.mark.parametrize("passphrase", ["", "short", "1234567"])
def test_passphrase_must_have_eight_characters(tmp_path, passphrase):
    with pytest.raises(IdentityError, match="passphrase"):
        identity.create_identity(tmp_path, NAME, NIP, ORG, passphrase)
    assert not (tmp_path / "identity").exists()


def test_bad_profile_values_are_refused_clearly(tmp_path):
    with pytest.raises(IdentityError, match="name"):
        identity.create_identity(tmp_path, "   ", NIP, ORG, PASS)
    with pytest.raises(IdentityError, match="NIP"):
        identity.create_identity(tmp_path, NAME, "1980-01-01", ORG, PASS)
    with pytest.raises(IdentityError, match="too long"):
        identity.create_identity(tmp_path, "x" * 65, NIP, ORG, PASS)


def test_nip_spaces_are_removed_and_nip_may_be_empty(tmp_path):
    info = identity.create_identity(tmp_path / "a", NAME, "19800101 200501 2 001", ORG, PASS)
    assert info.nip == NIP
    info = identity.create_identity(tmp_path / "b", "Prof. Ahli", "", "Universitas", PASS)
    assert info.nip == ""
    assert not info.certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)


def test_refuses_to_overwrite_unless_replace(tmp_path):
    first = identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    before = snapshot(tmp_path / "identity")
    with pytest.raises(IdentityError, match="already exists"):
        identity.create_identity(tmp_path, "Someone Else", NIP, ORG, PASS)
    assert snapshot(tmp_path / "identity") == before
    second = identity.create_identity(tmp_path, "Someone Else", NIP, ORG, "another passphrase", replace=True)
    assert second.fingerprint != first.fingerprint
    assert identity.load_identity(tmp_path).name == "Someone Else"
    assert (
        identity.unlock(tmp_path, "another passphrase", throttle=UnlockThrottle()).fingerprint
        == second.fingerprint
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".identity.lock", "identity"]  # no staging leftovers


def test_interrupted_replacement_recovers_previous_identity(tmp_path):
    info = identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    # a crash between "move the old identity aside" and "move the new one in"
    os.rename(tmp_path / "identity", tmp_path / ".identity.previous")
    assert identity.load_identity(tmp_path).fingerprint == info.fingerprint
    assert (tmp_path / "identity" / "key.pem").exists()


# --------------------------------------------------------------------------- unlock


def test_unlock_returns_reusable_key_matching_certificate(unlocked, made):
    assert isinstance(unlocked.private_key, ec.EllipticCurvePrivateKey)
    assert unlocked.fingerprint == identity.load_identity(made).fingerprint
    assert unlocked.chain == []
    assert PASS not in repr(unlocked)
    built = []
    assert unlocked.cached("x", lambda: built.append(1) or "value") == "value"
    assert unlocked.cached("x", lambda: built.append(1) or "other") == "value"
    assert built == [1]


def test_wrong_passphrase_changes_nothing(tmp_path):
    identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase) as caught:
        identity.unlock(tmp_path, "not the passphrase", throttle=UnlockThrottle())
    assert str(caught.value) == "The passphrase is not correct for this identity. Nothing was changed."
    assert isinstance(caught.value, IdentityError)
    assert snapshot(tmp_path) == before


def test_damaged_key_file_is_not_reported_as_wrong_passphrase(tmp_path):
    identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    (tmp_path / "identity" / "key.pem").write_bytes(b"garbage")
    with pytest.raises(IdentityError, match="damaged") as caught:
        identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert not isinstance(caught.value, WrongPassphrase)


def test_throttle_after_three_wrong_attempts_within_a_minute(made):
    clock = FakeClock()
    throttle = UnlockThrottle(clock=clock)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            identity.unlock(made, "wrong passphrase", throttle=throttle)
        clock.now += 5
    # 4th attempt: refused without trying, even with the right passphrase
    with pytest.raises(IdentityError, match=r"wait 45 seconds") as caught:
        identity.unlock(made, PASS, throttle=throttle)
    assert not isinstance(caught.value, WrongPassphrase)
    clock.now += 44
    with pytest.raises(IdentityError, match=r"wait 1 second before"):
        identity.unlock(made, PASS, throttle=throttle)
    clock.now += 1  # the first failure is now a minute old
    assert identity.unlock(made, PASS, throttle=throttle).info.name == NAME
    # success clears the record: three more tries are allowed
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            identity.unlock(made, "wrong passphrase", throttle=throttle)
    with pytest.raises(IdentityError, match="wait"):
        identity.unlock(made, "wrong passphrase", throttle=throttle)


def test_throttle_forgets_failures_older_than_the_window(made):
    clock = FakeClock()
    throttle = UnlockThrottle(clock=clock)
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            identity.unlock(made, "wrong passphrase", throttle=throttle)
    clock.now += 61
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            identity.unlock(made, "wrong passphrase", throttle=throttle)
    assert identity.unlock(made, PASS, throttle=throttle).info.nip == NIP


# --------------------------------------------------------------------------- passphrase change


def test_change_passphrase(tmp_path):
    identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    fingerprint = identity.load_identity(tmp_path).fingerprint
    before = (tmp_path / "identity" / "key.pem").read_bytes()
    identity.change_passphrase(tmp_path, PASS, "a brand new passphrase", throttle=UnlockThrottle())
    after = (tmp_path / "identity" / "key.pem").read_bytes()
    assert after != before and b"ENCRYPTED" in after
    assert stat.S_IMODE((tmp_path / "identity" / "key.pem").stat().st_mode) == 0o600
    with pytest.raises(WrongPassphrase):
        identity.unlock(tmp_path, PASS, throttle=UnlockThrottle())
    assert (
        identity.unlock(tmp_path, "a brand new passphrase", throttle=UnlockThrottle()).fingerprint
        == fingerprint
    )


def test_change_passphrase_with_wrong_old_leaves_file_untouched(tmp_path):
    identity.create_identity(tmp_path, NAME, NIP, ORG, PASS)
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase):
        identity.change_passphrase(
            tmp_path, "wrong old passphrase", "a brand new passphrase", throttle=UnlockThrottle()
        )
    with pytest.raises(IdentityError, match="at least 8"):
        identity.change_passphrase(tmp_path, PASS, "short", throttle=UnlockThrottle())
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- certificates


def test_export_certificate_pem_and_der_round_trip(made, tmp_path):
    info = identity.load_identity(made)
    pem_path = identity.export_certificate(made, tmp_path / "assessor.pem")
    der_path = identity.export_certificate(made, tmp_path / "assessor.cer")  # .cer → DER
    forced = identity.export_certificate(made, tmp_path / "assessor.crt", fmt="der")
    assert pem_path.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert not der_path.read_bytes().startswith(b"-----")
    assert der_path.read_bytes() == forced.read_bytes()
    for path in (pem_path, der_path, forced):
        assert identity.certificate_fingerprint(identity.load_certificate(path)) == info.fingerprint
    assert identity.load_certificate(der_path.read_bytes()) == identity.load_certificate(
        pem_path.read_bytes()
    )
    assert identity.load_certificate(info.cert_pem) == info.certificate
    assert b"PRIVATE" not in pem_path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessor.cer", "assessor.crt", "assessor.pem"]
    with pytest.raises(IdentityError):
        identity.export_certificate(made, tmp_path / "x.pem", fmt="p7b")


def test_load_certificate_rejects_garbage(tmp_path):
    (tmp_path / "junk.pem").write_bytes(b"not a certificate")
    with pytest.raises(IdentityError, match="not a readable"):
        identity.load_certificate(tmp_path / "junk.pem")
    with pytest.raises(IdentityError, match="Could not read"):
        identity.load_certificate(tmp_path / "missing.pem")


# --------------------------------------------------------------------------- PKCS#12


def test_import_pkcs12_keeps_chain_and_reencrypts(tmp_path):
    p12 = (FIXTURES / "leaf-ec.p12").read_bytes()
    ca = identity.load_certificate(FIXTURES / "ca.pem")
    info = identity.import_pkcs12(tmp_path, p12, P12_PASSPHRASE, "passphrase on this laptop")
    assert (info.name, info.nip, info.source) == ("Budi Santoso", "197502142000031002", "pkcs12")
    assert info.organisation == "Dinas Komunikasi dan Informatika"
    assert not info.self_signed
    chain = x509.load_pem_x509_certificates((tmp_path / "identity" / "chain.pem").read_bytes())
    assert chain == [ca]
    assert stat.S_IMODE((tmp_path / "identity" / "key.pem").stat().st_mode) == 0o600
    with pytest.raises(WrongPassphrase):
        identity.unlock(tmp_path, P12_PASSPHRASE, throttle=UnlockThrottle())
    unlocked = identity.unlock(tmp_path, "passphrase on this laptop", throttle=UnlockThrottle())
    assert unlocked.chain == [ca]
    unlocked.certificate.verify_directly_issued_by(ca)


def test_import_pkcs12_defaults_to_the_p12_passphrase(tmp_path):
    info = identity.import_pkcs12(tmp_path, (FIXTURES / "leaf-rsa.p12").read_bytes(), P12_PASSPHRASE)
    assert info.key_type == "RSA 2048"
    assert isinstance(
        identity.unlock(tmp_path, P12_PASSPHRASE, throttle=UnlockThrottle()).private_key, rsa.RSAPrivateKey
    )


def test_import_pkcs12_wrong_passphrase(tmp_path):
    with pytest.raises(WrongPassphrase, match="PKCS#12"):
        identity.import_pkcs12(tmp_path, (FIXTURES / "leaf-ec.p12").read_bytes(), "wrong p12 pass")
    assert not (tmp_path / "identity").exists()


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("cert-only.p12", "no private key"),
        ("leaf-no-signing.p12", "not allowed to sign"),
        ("leaf-expired.p12", "expired"),
    ],
)
def test_import_pkcs12_rejects_unusable_certificates(tmp_path, fixture, message):
    with pytest.raises(IdentityError, match=message):
        identity.import_pkcs12(tmp_path, (FIXTURES / fixture).read_bytes(), P12_PASSPHRASE)
    assert not (tmp_path / "identity").exists()


def test_import_pkcs12_rejects_non_pkcs12_and_existing_identity(tmp_path, made):
    with pytest.raises(IdentityError, match="not a PKCS#12"):
        identity.import_pkcs12(tmp_path, b"this is not a p12 file", P12_PASSPHRASE)
    before = snapshot(made / "identity")
    with pytest.raises(IdentityError, match="already exists"):
        identity.import_pkcs12(made, (FIXTURES / "leaf-ec.p12").read_bytes(), P12_PASSPHRASE)
    assert snapshot(made / "identity") == before


def test_import_pkcs12_short_passphrase_needs_new_one(tmp_path):
    from cryptography.hazmat.primitives.serialization import pkcs12

    loaded = pkcs12.load_pkcs12((FIXTURES / "leaf-ec.p12").read_bytes(), P12_PASSPHRASE.encode())
    short = pkcs12.serialize_key_and_certificates(
        b"x", loaded.key, loaded.cert.certificate, None, serialization.BestAvailableEncryption(b"1234")
    )
    with pytest.raises(IdentityError, match="new passphrase"):
        identity.import_pkcs12(tmp_path, short, "1234")
    info = identity.import_pkcs12(tmp_path, short, "1234", new_passphrase="long enough now")
    assert info.name == "Budi Santoso"


# --------------------------------------------------------------------------- detached signatures


def _unlocked_p12(tmp_path: Path, fixture: str):
    identity.import_pkcs12(tmp_path, (FIXTURES / fixture).read_bytes(), P12_PASSPHRASE)
    return identity.unlock(tmp_path, P12_PASSPHRASE, throttle=UnlockThrottle())


def test_sign_and_verify_bytes_ecdsa(unlocked):
    manifest = b'{"files": {"sheet.pdf": "ab12"}}'
    signature = identity.sign_bytes(unlocked, manifest)
    assert identity.verify_bytes(unlocked.certificate, manifest, signature)
    assert identity.verify_bytes(unlocked.info.cert_pem, manifest, signature)  # PEM text works too
    assert not identity.verify_bytes(unlocked.certificate, manifest + b" ", signature)
    tampered = bytearray(signature)
    tampered[-1] ^= 0x01
    assert not identity.verify_bytes(unlocked.certificate, manifest, bytes(tampered))
    assert not identity.verify_bytes(unlocked.certificate, manifest, b"")
    other = identity.load_certificate(FIXTURES / "ca.pem")
    assert not identity.verify_bytes(other, manifest, signature)


def test_sign_and_verify_bytes_rsa_pss(tmp_path):
    rsa_identity = _unlocked_p12(tmp_path, "leaf-rsa.p12")
    signature = identity.sign_bytes(rsa_identity, b"manifest")
    assert len(signature) == 256
    assert identity.verify_bytes(rsa_identity.certificate, b"manifest", signature)
    assert not identity.verify_bytes(rsa_identity.certificate, b"manifesT", signature)


def test_sign_and_verify_bytes_ed25519():
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ed")])
    import datetime as dt

    from cryptography.x509 import CertificateBuilder, random_serial_number

    now = dt.datetime.now(dt.UTC)
    cert = (
        CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, None)
    )
    info = identity._info_from(cert, [], {"name": "ed"})
    holder = identity.UnlockedIdentity(info, key, cert, [])
    signature = identity.sign_bytes(holder, b"data")
    assert identity.verify_bytes(cert, b"data", signature)
    assert not identity.verify_bytes(cert, b"dat4", signature)


# --------------------------------------------------------------------------- hybrid encryption


def test_encrypt_for_ec_certificate(unlocked, tmp_path):
    plaintext = os.urandom(5000) + "catatan penilai: ✓ é".encode()
    blob = identity.encrypt_for(unlocked.certificate, plaintext)
    assert blob.startswith(b"NILAIENC") and plaintext not in blob
    assert identity.decrypt_with(unlocked, blob) == plaintext
    assert identity.encrypt_for(unlocked.certificate, plaintext) != blob  # fresh key and nonce
    assert identity.decrypt_with(unlocked, identity.encrypt_for(unlocked.info.cert_pem.encode(), b"")) == b""


def test_encrypt_for_rsa_certificate(tmp_path):
    rsa_identity = _unlocked_p12(tmp_path, "leaf-rsa.p12")
    blob = identity.encrypt_for(rsa_identity.certificate, b"bundle content")
    assert blob[9] == 2  # RSA-OAEP
    assert identity.decrypt_with(rsa_identity, blob) == b"bundle content"


def test_decrypt_with_wrong_identity_or_tampering_fails_cleanly(unlocked, tmp_path):
    other = _unlocked_p12(tmp_path, "leaf-ec.p12")
    blob = identity.encrypt_for(unlocked.certificate, b"secret scores")
    with pytest.raises(DecryptionError, match="another certificate"):
        identity.decrypt_with(other, blob)
    # pretend the content was for `other`: the header is authenticated and the key unwrap fails
    forged = blob[:10] + bytes.fromhex(other.fingerprint) + blob[42:]
    with pytest.raises(DecryptionError, match="could not be opened"):
        identity.decrypt_with(other, forged)
    flipped = bytearray(blob)
    flipped[-20] ^= 0xFF
    with pytest.raises(DecryptionError, match="could not be opened"):
        identity.decrypt_with(unlocked, bytes(flipped))
    with pytest.raises(DecryptionError, match="not Nilai encrypted content"):
        identity.decrypt_with(unlocked, b"NILAIENC\x01")
    with pytest.raises(DecryptionError):
        identity.decrypt_with(unlocked, b"plain text")


def test_encrypt_for_rejects_signature_only_keys():
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ed")])
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, None)
    )
    with pytest.raises(IdentityError, match="EC \\(P-256\\) or RSA"):
        identity.encrypt_for(cert, b"x")


def test_a_drawn_signature_alone_is_no_identity_and_survives_replacement(tmp_path):
    (tmp_path / "identity").mkdir()
    (tmp_path / "identity" / "signature.png").write_bytes(b"\x89PNG drawn")
    assert not identity.has_identity(tmp_path)
    identity.create_identity(tmp_path, "Siti", "198001012005012001", "Kominfo", PASS)
    identity.create_identity(tmp_path, "Siti", "198001012005012001", "Kominfo", PASS, replace=True)
    assert (tmp_path / "identity" / "signature.png").read_bytes() == b"\x89PNG drawn"
