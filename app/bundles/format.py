"""Constants of the bundle format (version 1) and the limits a reader enforces before trusting a zip."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

FORMAT = "nilai-bundle"
RECORD_FORMAT = "nilai-record"
FORMAT_VERSION = 1
ENCRYPTION_SCHEME = "nilai-enc-1"
SUFFIX = ".nilai"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CERTIFICATE = "certificate.pem"  # the signer's certificate, to check manifest.sig before parsing anything
PAYLOAD = "payload.enc"

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
RECORD_NAME = re.compile(rf"^records/({_UUID})\.json$")
SHEET_NAME = re.compile(rf"^sheets/({_UUID})\.pdf$")
EVIDENCE_NAME = re.compile(r"^evidence/([0-9a-f]{64})$")
INSTRUMENT_NAME = re.compile(r"^instruments/([0-9a-f]{64})\.json$")
UUID_RE = re.compile(rf"^{_UUID}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

PLAIN_NAMES = (RECORD_NAME, SHEET_NAME, EVIDENCE_NAME, INSTRUMENT_NAME)


def record_path(version_id: str) -> str:
    return f"records/{version_id}.json"


def sheet_path(version_id: str) -> str:
    return f"sheets/{version_id}.pdf"


def evidence_path(sha256: str) -> str:
    return f"evidence/{sha256}"


def instrument_path(content_hash: str) -> str:
    return f"instruments/{content_hash}.json"


@dataclass(frozen=True)
class Limits:
    """Everything a bundle controls, bounded: what a reader accepts before reading a single byte of content
    (zip bombs, huge files), then what it accepts inside the manifest and the records it parses.

    The defaults are the format's own maxima (docs/schemas say the same); a reader may set lower ones.
    Going past any of them rejects the bundle with a reason naming the limit."""

    max_bundle_bytes: int = 4 << 30  # the .nilai file on disk
    max_entries: int = 200_000
    max_total_bytes: int = 8 << 30  # sum of uncompressed sizes
    max_manifest_bytes: int = 64 << 20
    max_signature_bytes: int = 64 << 10  # manifest.sig, certificate.pem
    max_record_bytes: int = 32 << 20
    max_instrument_bytes: int = 8 << 20
    max_sheet_bytes: int = 64 << 20
    max_evidence_bytes: int = 512 << 20
    max_payload_bytes: int = 2 << 30  # encrypted payload (decrypted in memory)
    max_sender_upload_bytes: int = 8 << 30  # the sync service: one sender's unfinished resumable uploads, summed
    max_ratio: float = 200.0  # uncompressed / compressed, for entries above ratio_floor
    ratio_floor: int = 1 << 20
    # inside the documents (manifest.json, records, instruments)
    max_json_depth: int = 32  # nesting of arrays and objects; a bundle's own documents go 8 deep at most
    max_versions: int = 100_000  # records listed in one manifest
    max_rounds: int = 1000  # rounds described in one manifest
    max_instruments: int = 100  # instruments carried by one bundle
    max_files_per_version: int = 10_000  # files listed for one version (its record, sheet, evidence)
    max_scores: int = 10_000  # scores in one record
    max_evidence_per_version: int = 10_000  # evidence files cited by one record
    max_change_log: int = 1_000_000  # change-log entries in one record
    max_text: int = 100_000  # characters of a note, or of a change-log value or reason

    def entry_limit(self, name: str) -> int:
        if name == MANIFEST:
            return self.max_manifest_bytes
        if name in (SIGNATURE, CERTIFICATE):
            return self.max_signature_bytes
        if name == PAYLOAD:
            return self.max_payload_bytes
        if name.startswith("records/"):
            return self.max_record_bytes
        if name.startswith("instruments/"):
            return self.max_instrument_bytes
        if name.startswith("sheets/"):
            return self.max_sheet_bytes
        return self.max_evidence_bytes


DEFAULT_LIMITS = Limits()


def canonical_json(data: Any) -> bytes:
    """Compact, sorted, UTF-8: the bytes of record files (hashed in the manifest)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def manifest_json(data: Any) -> bytes:
    """The manifest is signed over its exact bytes; it is indented so a person can read it."""
    return (json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"time without a zone: {text}")
    return value


_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')  # bytes.translate deletes all but these
_INNERMOST = re.compile(rb"\[\]|\{\}")


def json_depth_problem(data: bytes | str, max_depth: int) -> str | None:
    """Why this JSON text (UTF-8 bytes, or str) must not be handed to a parser because of its nesting, or None.

    Deep nesting makes a recursive parser (and anything walking the result) fail with a RecursionError.
    Only brackets outside strings count, found with bytes operations in C, never a Python loop per
    character (benchmarks/bench_bundle_checks.py: 0.6x what json.loads takes on the same documents):

    1. escaped backslashes, then escaped quotes are dropped (in UTF-8 these bytes never occur inside
       another character), so every quote left opens or closes a string;
    2. everything but brackets and quotes is dropped; then ``""`` (an empty string, or the end of one
       string and the start of the next with nothing outside between them) is dropped - most strings
       vanish here - and what is between the remaining quotes is string content and goes too;
    3. each pass removes the innermost bracket pairs; what is left after ``max_depth`` passes is too deep.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in skeleton:
        skeleton = b"".join(skeleton.split(b'"')[::2])
    for _ in range(max_depth):
        if not skeleton:
            return None
        inner = _INNERMOST.sub(b"", skeleton)
        if len(inner) == len(skeleton):
            return "its brackets do not match"
        skeleton = inner
    return f"it is nested more than {max_depth} levels deep" if skeleton else None


def strict_json_loads(data: bytes, what: str, max_depth: int = Limits.max_json_depth) -> Any:
    """JSON without NaN/Infinity and without duplicate keys (which would let two readers disagree), nested at most
    ``max_depth`` levels deep. Raises ValueError (or UnicodeDecodeError) with the reason."""

    def no_constants(name: str) -> Any:
        raise ValueError(f"{what}: {name} is not allowed")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise ValueError(f"{what}: key {key!r} appears twice")
            result[key] = value
        return result

    text = data.decode("utf-8")
    problem = json_depth_problem(data, max_depth)
    if problem:
        raise ValueError(f"{what}: {problem}")
    return json.loads(text, parse_constant=no_constants, object_pairs_hook=no_duplicates)
