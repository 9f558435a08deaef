"""Regenerate the PKI fixtures in this folder: `python tests/data/identity/make_fixtures.py`.

A test CA ("Nilai Test CA") issues long-lived leaf certificates (valid 2025-2125) that the
identity and signing tests import:

- ``ca.pem``                 the CA certificate (trust anchor for the p12-signed PDFs)
- ``leaf-ec.p12``            P-256 leaf, KeyUsage digitalSignature+nonRepudiation, CA in the chain
- ``leaf-rsa.p12``           RSA-2048 leaf, same usages, CA in the chain
- ``leaf-no-signing.p12``    P-256 leaf whose KeyUsage is keyEncipherment only (must be refused)
- ``leaf-expired.p12``       P-256 leaf that expired in 2021 (must be refused)
- ``cert-only.p12``          a certificate without its private key (must be refused)

Every .p12 has the passphrase in ``P12_PASSPHRASE``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).resolve().parent
P12_PASSPHRASE = "fixture-p12-pass"
START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2125, 1, 1, tzinfo=dt.UTC)


def _name(cn: str, serial: str | None = None) -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Dinas Komunikasi dan Informatika"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if serial:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(attrs)


def _usage(sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign, content_commitment=sign, key_encipherment=not sign,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False,
    )


def make_ca():
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Nilai Test PKI"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Nilai Test CA"),
    ])
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(START).not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_leaf(ca_key, ca_cert, key, cn, serial, *, sign=True, start=START, end=END):
    return (
        x509.CertificateBuilder().subject_name(_name(cn, serial)).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def p12(name: str, key, cert, cas) -> bytes:
    enc = serialization.BestAvailableEncryption(P12_PASSPHRASE.encode())
    return pkcs12.serialize_key_and_certificates(name.encode(), key, cert, cas, enc)


def main() -> None:
    ca_key, ca_cert = make_ca()
    (HERE / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ec_leaf = make_leaf(ca_key, ca_cert, ec_key, "Budi Santoso", "197502142000031002")
    (HERE / "leaf-ec.p12").write_bytes(p12("budi", ec_key, ec_leaf, [ca_cert]))
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa_leaf = make_leaf(ca_key, ca_cert, rsa_key, "Dewi Lestari", "198203032006042003")
    (HERE / "leaf-rsa.p12").write_bytes(p12("dewi", rsa_key, rsa_leaf, [ca_cert]))
    nosign_key = ec.generate_private_key(ec.SECP256R1())
    nosign = make_leaf(ca_key, ca_cert, nosign_key, "Tanpa Tanda Tangan", None, sign=False)
    (HERE / "leaf-no-signing.p12").write_bytes(p12("nosign", nosign_key, nosign, [ca_cert]))
    old_key = ec.generate_private_key(ec.SECP256R1())
    old = make_leaf(ca_key, ca_cert, old_key, "Kedaluwarsa", None, start=START.replace(year=2020),
                    end=START.replace(year=2021))
    (HERE / "leaf-expired.p12").write_bytes(p12("old", old_key, old, [ca_cert]))
    (HERE / "cert-only.p12").write_bytes(p12("certonly", None, ec_leaf, [ca_cert]))


if __name__ == "__main__":
    main()
