"""User-facing errors of bundle export, verification and import.

Every error names what is wrong and, where the user can act, what to do. ``kind`` is a short,
stable word for reports and scripts (``damaged``, ``unsafe``, ``tampered`` ...).
"""

from __future__ import annotations


class BundleError(Exception):
    """A bundle that cannot be written, read or taken in; ``str(error)`` is meant for the user."""

    kind = "bundle"

    def __init__(self, message: str, *, fingerprint: str | None = None) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


class DamagedBundle(BundleError):
    """Not a zip, truncated, or an entry that fails its CRC."""

    kind = "damaged"


class UnsafeBundle(BundleError):
    """A zip that could harm the reader: paths leaving the folder, links, bombs, too many or too big files."""

    kind = "unsafe"


class ManifestInvalid(BundleError):
    """manifest.json missing, not JSON, or not following the bundle format."""

    kind = "manifest"


class UnsupportedFormat(ManifestInvalid):
    """A bundle format version this Nilai does not read."""

    kind = "format"


class SignatureInvalid(BundleError):
    """The manifest's signature does not verify with the certificate it names."""

    kind = "signature"


class UntrustedCertificate(BundleError):
    """A correctly signed bundle from a certificate this store does not trust (yet)."""

    kind = "untrusted"


class TamperedFile(BundleError):
    """A file whose bytes or size differ from the signed manifest, a missing or an extra file."""

    kind = "tampered"


class RecordInvalid(BundleError):
    """A record file that does not follow the format or contradicts its manifest or change log."""

    kind = "record"


class InstrumentMismatch(BundleError):
    """An instrument that is neither known nor carried, or differs from the round's by hash."""

    kind = "instrument"


class EncryptedBundleError(BundleError):
    """An encrypted bundle that cannot be opened here (no identity, another recipient, damaged)."""

    kind = "encrypted"


class NeedsIdentity(EncryptedBundleError):
    """An encrypted bundle checked where no identity can be unlocked (a helper process): check it here."""


class ImportRefused(BundleError):
    """A verified bundle that still cannot be merged (assessor mismatch, unknown region ...)."""

    kind = "refused"


class NothingToExport(BundleError):
    kind = "nothing"


class ExportFailed(BundleError):
    kind = "export"


class ConflictError(BundleError):
    """A conflict resolution request that does not fit the record."""

    kind = "conflict"


class CheckFailed(BundleError):
    """A check that ended in an unexpected error (content no check foresaw): the bundle is rejected with it,
    and the rest of a batch goes on."""

    kind = "failed"
