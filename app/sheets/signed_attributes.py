"""The signed attributes of a sheet signature, with what is the same for every signature kept.

pyHanko builds the signing-certificate-v2 attribute afresh for every signature; asn1crypto then
re-encodes a freshly built value (and everything under it) each time the CMS around it is
encoded, which it is many times while the signed attributes are sorted and signed: that was over
half of a signature's CPU. Here it is made once per identity and kept *parsed* (loaded from its
DER), so it encodes from its cached bytes. The CMS holds the same bytes.

Relies on pyHanko 0.38's ``CAdESSignedAttributeProviderSpec`` (used for PAdES signatures).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from pyhanko.sign import attributes
from pyhanko.sign.general import as_signing_certificate_v2
from pyhanko.sign.signers.pdf_cms import CAdESSignedAttributeProviderSpec


def parsed_signing_certificate(cert: asn1_x509.Certificate) -> tsp.SigningCertificateV2:
    """The signing-certificate-v2 value pyHanko would make for ``cert`` (SHA-256), as parsed from DER."""
    return tsp.SigningCertificateV2.load(as_signing_certificate_v2(cert).dump())


def with_known_signing_certificate(spec: Any, known: tsp.SigningCertificateV2) -> Any:
    """pyHanko's PAdES attribute spec with ``known`` for the signing-certificate-v2 attribute; any other spec as is."""
    if type(spec) is not CAdESSignedAttributeProviderSpec:
        return spec
    return _PadesAttributes(known, attr_settings=spec.attr_settings, signing_cert=spec.signing_cert,
                            is_pades=spec.is_pades, timestamper=spec.timestamper)


class _KnownSigningCertificate(attributes.SigningCertificateV2Provider):
    def __init__(self, value: tsp.SigningCertificateV2) -> None:
        self.value = value

    async def build_attr_value(self, dry_run: bool = False) -> tsp.SigningCertificateV2:
        return self.value


class _PadesAttributes(CAdESSignedAttributeProviderSpec):
    def __init__(self, known: tsp.SigningCertificateV2, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.known = known

    def signed_attr_providers(self, data_digest: bytes, digest_algorithm: str) -> Iterator[Any]:
        for provider in super().signed_attr_providers(data_digest, digest_algorithm):
            if type(provider) is attributes.SigningCertificateV2Provider:
                yield _KnownSigningCertificate(self.known)
            else:
                yield provider
