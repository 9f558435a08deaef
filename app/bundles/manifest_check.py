"""The manifest's JSON Schema, written out inline: jsonschema takes milliseconds per manifest and half
a millisecond per record entry, which a coordinator importing hundreds of bundles feels.

:func:`manifest_problem` accepts nothing ``docs/schemas/bundle-manifest.schema.json`` rejects (a
property test holds them together); it is stricter in that patterns must match the whole text.
When it finds a problem, the reader asks jsonschema for the clearest message.
"""

from __future__ import annotations

import re
from typing import Any

from app.bundles.manifest import _REGION_RE, _dt, _is_sha, _is_text, _is_uuid
from app.bundles.schema import DATE, EVIDENCE_PATH, INSTRUMENT_PATH, RECORD_PATH, SHEET_PATH

_PLAIN = frozenset(("format", "format_version", "bundle_id", "created_at", "program", "assessor", "encrypted", "rounds",
                    "instruments", "records"))
_ENCRYPTED = frozenset(("format", "format_version", "bundle_id", "created_at", "program", "assessor", "encrypted",
                        "encryption"))
_PROGRAM = frozenset(("name", "version"))
_ASSESSOR = frozenset(("id", "name", "nip", "organisation", "fingerprint", "certificate"))
_ROUND = frozenset(("id", "name", "programme", "instrument_hash", "starts_on", "ends_on"))
_INSTRUMENT = frozenset(("id", "version", "content_hash", "path", "sha256", "size"))
_ENCRYPTION = frozenset(("scheme", "recipient_fingerprint", "payload"))
_PAYLOAD = frozenset(("path", "sha256", "size"))
_DATE_RE = re.compile(DATE.strip("^$"))
_INSTRUMENT_PATH_RE = re.compile(INSTRUMENT_PATH.strip("^$"))


def _is_size(value: Any) -> bool:
    return type(value) is int and value >= 0


def _is_date(value: Any) -> bool:
    return value is None or (type(value) is str and _DATE_RE.fullmatch(value) is not None)


def manifest_problem(data: Any) -> str | None:
    """What is wrong with a manifest (the schema's rules, inline), or None."""
    if type(data) is not dict:
        return "not an object"
    encrypted = data.get("encrypted")
    if type(encrypted) is not bool:
        return "encrypted must be true or false"
    if data.keys() != (_ENCRYPTED if encrypted else _PLAIN):
        return "not exactly the keys of a " + ("encrypted" if encrypted else "plain") + " bundle manifest"
    if data["format"] != "nilai-bundle" or type(data["format"]) is not str:
        return "format"
    if type(data["format_version"]) is not int or data["format_version"] != 1:
        return "format_version"
    if not _is_uuid(data["bundle_id"]):
        return "bundle_id"
    if type(data["created_at"]) is not str or not _dt(data["created_at"]):
        return "created_at"
    program = data["program"]
    if type(program) is not dict or program.keys() != _PROGRAM or program["name"] != "nilai" \
            or type(program["name"]) is not str or not _is_text(program["version"], 40):
        return "program"
    a = data["assessor"]
    if type(a) is not dict or a.keys() != _ASSESSOR or not _is_uuid(a["id"]) or not _is_text(a["name"], 200) \
            or not _is_text(a["nip"], 40) or not _is_text(a["organisation"], 200) or not _is_sha(a["fingerprint"]) \
            or not _is_text(a["certificate"], 65536) or not a["certificate"].startswith("-----BEGIN CERTIFICATE-----"):
        return "assessor"
    if encrypted:
        e = data["encryption"]
        if type(e) is not dict or e.keys() != _ENCRYPTION or e["scheme"] != "nilai-enc-1" \
                or type(e["scheme"]) is not str or not _is_sha(e["recipient_fingerprint"]):
            return "encryption"
        p = e["payload"]
        if type(p) is not dict or p.keys() != _PAYLOAD or p["path"] != "payload.enc" or type(p["path"]) is not str \
                or not _is_sha(p["sha256"]) or not _is_size(p["size"]):
            return "encryption/payload"
        return None
    rounds, instruments, records = data["rounds"], data["instruments"], data["records"]
    if type(rounds) is not list or len(rounds) > 1000:
        return "rounds"
    for i, r in enumerate(rounds):
        if type(r) is not dict or r.keys() != _ROUND or not _is_uuid(r["id"]) or not _is_text(r["name"], 200) \
                or not _is_text(r["programme"], 200) or not _is_sha(r["instrument_hash"]) \
                or not _is_date(r["starts_on"]) or not _is_date(r["ends_on"]):
            return f"rounds/{i}"
    if type(instruments) is not list or len(instruments) > 100:
        return "instruments"
    for i, inst in enumerate(instruments):
        if type(inst) is not dict or inst.keys() != _INSTRUMENT or not _is_text(inst["id"], 100) \
                or not _is_text(inst["version"], 40) or not _is_sha(inst["content_hash"]) \
                or type(inst["path"]) is not str or not _INSTRUMENT_PATH_RE.fullmatch(inst["path"]) \
                or not _is_sha(inst["sha256"]) or not _is_size(inst["size"]):
            return f"instruments/{i}"
    if type(records) is not list or not 1 <= len(records) <= 100000:
        return "records (1 to 100000 entries)"
    for i, entry in enumerate(records):
        problem = manifest_record_problem(entry)
        if problem:
            return f"records/{i}: {problem}"
    return None


_MANIFEST_RECORD = frozenset(("record_id", "version_id", "previous_version_id", "status", "signed", "round_id",
                              "region_code", "instrument", "files"))
_MANIFEST_INSTRUMENT = frozenset(("id", "version", "content_hash"))
_MANIFEST_FILE = frozenset(("path", "kind", "sha256", "size"))
_FILE_PATHS = (re.compile(RECORD_PATH.strip("^$")), re.compile(SHEET_PATH.strip("^$")),
               re.compile(EVIDENCE_PATH.strip("^$")))
_FILE_KINDS = frozenset(("record", "sheet", "evidence"))


def manifest_record_problem(entry: Any) -> str | None:
    """What is wrong with one entry of the manifest's ``records`` (the schema's rules, inline), or None."""
    if type(entry) is not dict or entry.keys() != _MANIFEST_RECORD:
        return "not exactly the keys of a record entry"
    if not (_is_uuid(entry["record_id"]) and _is_uuid(entry["version_id"]) and _is_uuid(entry["round_id"])
            and _is_uuid(entry["previous_version_id"], nullable=True)):
        return "an id is not valid"
    if entry["status"] not in ("final", "signed") or type(entry["status"]) is not str or type(entry["signed"]) is not bool:
        return "status must be final or signed, signed true or false"
    if type(entry["region_code"]) is not str or not _REGION_RE.fullmatch(entry["region_code"]):
        return "region_code is not a four-digit BPS code nor a calibration case code"
    instrument = entry["instrument"]
    if type(instrument) is not dict or instrument.keys() != _MANIFEST_INSTRUMENT or not _is_text(instrument["id"], 100) \
            or not _is_text(instrument["version"], 40) or not _is_sha(instrument["content_hash"]):
        return "instrument must be an id, a version and a content hash"
    files = entry["files"]
    if type(files) is not list or not 1 <= len(files) <= 10000:
        return "files must be a list of 1 to 10000 files"
    for f in files:
        if type(f) is not dict or f.keys() != _MANIFEST_FILE or type(f["path"]) is not str \
                or not any(p.fullmatch(f["path"]) for p in _FILE_PATHS) or type(f["kind"]) is not str \
                or f["kind"] not in _FILE_KINDS or not _is_sha(f["sha256"]) or type(f["size"]) is not int or f["size"] < 0:
            return "a file entry is not valid"
    return None
