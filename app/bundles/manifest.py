"""The documents inside a bundle: record files, read back into insertable rows (written by
:mod:`app.bundles.record_document`).

A record file is one finalized or signed assessment version: the assessment, every score and note,
the evidence it cites, and the record's change log from its first entry up to this version (the
chain's hashes let the coordinator check it, and its ``version`` entries give the version's
ancestry). :func:`parse_record` is the importer's fast, strict reader: it checks exactly what
``docs/schemas/bundle-record.schema.json`` says (a test holds the two together) and returns rows
ready for SQLAlchemy Core bulk inserts.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

import orjson

from app.bundles.entry_hash import (
    ENTRY_FIELDS,
    ENTRY_HASH_KEY,
    ENTRY_HASH_MEMBER,
    ENTRY_VALUES,
    PREV_HASH_KEY,
    PREV_HASH_MEMBER,
    entry_hash_fields,
)
from app.bundles.entry_hash import chained_hash as chained_hash  # re-exported: tests, helpers
from app.bundles.entry_hash import entry_hash_of as entry_hash_of  # re-exported: tests, helpers
from app.bundles.errors import RecordInvalid
from app.bundles.format import DEFAULT_LIMITS, FORMAT_VERSION, RECORD_FORMAT, Limits, json_depth_problem
from app.bundles.schema import DATETIME, SHA256, UUID
from app.store import replay
from app.store.changelog import GENESIS, verify_entries

SCORE_COLUMNS = ("version_id", "indicator_code", "level", "not_applicable", "note", "updated_at")
# A change-log row as the importer writes it: the fields the entry's hash covers in sorted order, then the two
# hashes - the order of the fast reader's Struct (app/bundles/record_fast.py), whose text is then the hashed text
# followed by the two hash members.
ENTRY_ROW_FIELDS = (*sorted(set(ENTRY_FIELDS) - {"entry_hash", "prev_hash"}), "entry_hash", "prev_hash")


# -- back in: a strict, fast reader ------------------------------------------------------------
#
# The importer reads tens of thousands of records, so the checks are written out inline rather than
# run through jsonschema (~1 ms a record). They accept nothing the JSON Schema rejects (a property
# test holds them together); where they differ they are stricter (``$`` patterns must match the whole
# text, times must be real dates, and the record must agree with its own change log).

_UUID_RE = re.compile(UUID.rstrip("$").lstrip("^"))
_SHA_RE = re.compile(SHA256.rstrip("$").lstrip("^"))
_DT_RE = re.compile(DATETIME.rstrip("$").lstrip("^"))
_REGION_RE = re.compile(r"[0-9]{4}|K[0-9]{3}")  # BPS code or calibration case
_UNSAFE_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")  # evidence file names are shown and offered as names to save under
_uuid = _UUID_RE.fullmatch
_sha = _SHA_RE.fullmatch
_dt = _DT_RE.fullmatch


def canonical_time(value: str) -> str:
    """An ISO 8601 time with a zone as canonical UTC text (``2018-03-05T01:00:00.000000+00:00``).

    Raises ValueError for anything the format does not allow, including impossible dates."""
    if type(value) is not str or not _dt(value):
        raise ValueError(f"not a time with a zone: {value!r:.40}")
    moment = datetime.fromisoformat(value)
    if len(value) == 32 and value.endswith("+00:00"):
        return value
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def sqlite_time(canonical: str) -> str:
    """How SQLAlchemy's SQLite DateTime stores a UTC time: ``2018-03-05 01:00:00.000000``."""
    return canonical[:10] + " " + canonical[11:26]


def datetime_time(canonical: str) -> datetime:
    return datetime.fromisoformat(canonical)


@dataclass
class ParsedRecord:
    """One record file, checked, as rows for the store (times converted by ``time_value``; with
    :func:`sqlite_time`, a score's not_applicable as the 0 or 1 SQLite stores: binding a bool costs sqlite3 a
    look-up for an adapter, ~0.2 us a value)."""

    path: str
    record_sha256: str
    substance_sha256: str
    version_id: str
    record_id: str
    previous_version_id: str | None
    status: str
    round_id: str
    region_code: str
    assessor_id: str
    instrument_hash: str
    sheet_sha256: str | None
    assessment_row: dict[str, Any]
    score_rows: list[tuple[Any, ...]]  # in SCORE_COLUMNS order
    evidence_rows: list[dict[str, Any]]
    ancestors: list[str]  # oldest first, from the change log
    evidence_shas: set[str] = field(default_factory=set)
    # The change log's entries as row tuples, built while checking them.
    entry_rows: list[tuple[Any, ...]] = field(default_factory=list, repr=False)  # in ENTRY_ROW_FIELDS order


_TOP = frozenset(("format", "format_version", "assessment", "scores", "evidence", "change_log"))
_ASSESSMENT = frozenset(("record_id", "version_id", "previous_version_id", "round_id", "region_code", "assessor_id",
                         "slot_id", "instrument_hash", "status", "delegation", "reopen_reason", "sheet_sha256",
                         "created_at", "updated_at", "finalized_at", "signed_at"))
_SCORE = frozenset(("indicator_code", "level", "not_applicable", "note", "updated_at"))
_SCORE_VALUES = itemgetter("indicator_code", "level", "not_applicable", "note", "updated_at")
_EVIDENCE = frozenset(("id", "indicator_code", "file_name", "sha256", "size", "added_at"))
_ENTRY = frozenset(ENTRY_FIELDS)
_DELEGATE = frozenset(("name", "role"))
_KINDS = frozenset(("edit", "undo", "redo"))
# How deep a record that passes the checks nests: record, assessment, delegation, delegate.
RECORD_DEPTH = 4
_SUBSTANCE_FIELDS = ("record_id", "version_id", "previous_version_id", "round_id", "region_code", "assessor_id",
                     "slot_id", "instrument_hash", "reopen_reason")


def _is_text(value: Any, max_length: int, min_length: int = 0) -> bool:
    return type(value) is str and min_length <= len(value) <= max_length


def _is_uuid(value: Any, nullable: bool = False) -> bool:
    return (nullable and value is None) or (type(value) is str and _uuid(value) is not None)


def _is_sha(value: Any, nullable: bool = False) -> bool:
    return (nullable and value is None) or (type(value) is str and _sha(value) is not None)


# Encoders and the decoder built once (json.dumps/json.loads with options build a new one per call).
_DECODER = json.JSONDecoder(parse_constant=lambda name: _no_constant(name))
# check_circular=False: the values are plain JSON just parsed, or tuples of them (no cycles); the text
# is the same as json.dumps gives.
_DELEGATION_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # json.dumps(v, ensure_ascii=False)
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_ANCESTORS_JSON = json.JSONEncoder(check_circular=False).encode  # = json.dumps(value)


def ancestors_json(ancestors: list[str]) -> str:
    return _ANCESTORS_JSON(ancestors)


def _loads(data: bytes, max_depth: int = Limits.max_json_depth) -> Any:
    """Exactly ``json.loads(data, parse_constant=_no_constant)``, without building a decoder per call, for text
    nested at most ``max_depth`` levels deep (ValueError otherwise)."""
    encoding = json.detect_encoding(data)
    text = data.decode(encoding, "surrogatepass")
    problem = json_depth_problem(data if encoding == "utf-8" else text, max_depth)
    if problem:
        raise ValueError(problem)
    return _DECODER.decode(text)


def parse_record(data: bytes, path: str, record_sha256: str, label: str,
                 time_value: Callable[[str], Any] = datetime_time, limits: Limits = DEFAULT_LIMITS) -> ParsedRecord:
    """Check a record file against the format, the reader's ``limits`` and its own change log; rows for the store."""
    where = f"{label}: {path}"

    def fail(part: str, message: str) -> RecordInvalid:
        return RecordInvalid(f"{where}: {part}: {message}")

    if limits.max_json_depth >= RECORD_DEPTH:
        # The fast way: orjson, and no separate nesting check (a record that passes the checks below nests
        # RECORD_DEPTH deep at most). Whatever it does not accept is judged again the exact way below, so
        # the verdict and its reason are those of the json module's reading (which differs on a few odd
        # inputs: a UTF-8 BOM, other encodings, lone surrogates, numbers past 64 bits).
        try:
            return _checked(orjson.loads(data), path, record_sha256, time_value, limits, fail)
        except Exception:  # noqa: BLE001,S110 - not swallowed: the exact reading below raises what it finds
            pass
    try:
        doc = _loads(data, limits.max_json_depth)
    except (ValueError, UnicodeDecodeError) as exc:
        raise fail("file", f"is not valid JSON ({exc})") from exc
    return _checked(doc, path, record_sha256, time_value, limits, fail)


def _checked(doc: Any, path: str, record_sha256: str, time_value: Callable[[str], Any], limits: Limits,
             fail: Callable[[str, str], RecordInvalid]) -> ParsedRecord:
    """The checks of :func:`parse_record` on the parsed document."""
    if type(doc) is not dict or doc.keys() != _TOP:
        raise fail("record", "does not have exactly the keys of a record file")
    if doc["format"] != RECORD_FORMAT or type(doc["format"]) is not str:
        raise fail("format", f"is {doc['format']!r:.40}, not {RECORD_FORMAT!r}")
    if type(doc["format_version"]) is not int or doc["format_version"] != FORMAT_VERSION:
        raise fail("format_version", f"{doc['format_version']!r:.20} is not supported (this Nilai reads {FORMAT_VERSION})")
    a = doc["assessment"]
    if type(a) is not dict or a.keys() != _ASSESSMENT:
        raise fail("assessment", "does not have exactly the keys of an assessment")
    for key in ("record_id", "version_id", "round_id", "assessor_id"):
        if not _is_uuid(a[key]):
            raise fail(f"assessment.{key}", "is not an id")
    for key in ("previous_version_id", "slot_id"):
        if not _is_uuid(a[key], nullable=True):
            raise fail(f"assessment.{key}", "is not an id")
    if not _is_sha(a["instrument_hash"]):
        raise fail("assessment.instrument_hash", "is not a SHA-256")
    if not _is_sha(a["sheet_sha256"], nullable=True):
        raise fail("assessment.sheet_sha256", "is not a SHA-256")
    if type(a["region_code"]) is not str or not _REGION_RE.fullmatch(a["region_code"]):
        raise fail("assessment.region_code", "is not a four-digit BPS code nor a calibration case code")
    status = a["status"]
    if status not in ("final", "signed") or type(status) is not str:
        raise fail("assessment.status", f"{status!r:.40} (only final and signed versions travel in bundles)")
    if not _is_text(a["reopen_reason"], 10000):
        raise fail("assessment.reopen_reason", "must be text (at most 10000 characters)")
    delegation = a["delegation"]
    if type(delegation) is not list or len(delegation) > 100:
        raise fail("assessment.delegation", "must be a list of at most 100 delegates")
    for i, d in enumerate(delegation):
        if type(d) is not dict or d.keys() != _DELEGATE or not _is_text(d["name"], 200) or not _is_text(d["role"], 200):
            raise fail(f"assessment.delegation[{i}]", "must be a name and a role")
    version_id, record_id, previous = a["version_id"], a["record_id"], a["previous_version_id"]
    sheet_sha = a["sheet_sha256"]
    if (status == "signed") != (sheet_sha is not None):
        raise fail("assessment", "a signed version must name its sheet, and only a signed one")
    times = {key: _canonical_or_fail(a[key], f"assessment.{key}", fail, nullable=key in ("finalized_at", "signed_at"))
             for key in ("created_at", "updated_at", "finalized_at", "signed_at")}
    row = {
        "version_id": version_id, "record_id": record_id, "previous_version_id": previous,
        "round_id": a["round_id"], "region_code": a["region_code"], "assessor_id": a["assessor_id"],
        "slot_id": a["slot_id"], "instrument_hash": a["instrument_hash"], "status": status,
        "delegation_json": _DELEGATION_JSON(delegation), "reopen_reason": a["reopen_reason"],
        "sheet_sha256": sheet_sha,
        **{key: None if value is None else time_value(value) for key, value in times.items()},
    }

    scores = doc["scores"]
    if type(scores) is not list or len(scores) > limits.max_scores:
        raise fail("scores", f"must be a list of at most {limits.max_scores} scores")
    score_rows: list[tuple[Any, ...]] = []
    append = score_rows.append
    substance: list[tuple[Any, ...]] = []
    remember = substance.append
    codes: set[str] = set()
    add_code = codes.add
    dt_match, from_iso = _dt, datetime.fromisoformat
    stored_text = time_value is sqlite_time  # inlined below: this loop runs for every score of every record
    seen_times: dict[str, tuple[str, Any]] = {}  # updated_at text -> (canonical text, column value), checked
    score_values, score_size = _SCORE_VALUES, len(_SCORE)
    for i, s in enumerate(scores):
        try:  # exactly the keys of a score: as many, and each of them there
            if type(s) is not dict or len(s) != score_size:
                raise KeyError
            code, level, na, note, t = score_values(s)
        except KeyError:
            raise fail(f"scores[{i}]", "does not have exactly the keys of a score") from None
        if type(code) is not str or not 0 < len(code) <= 40 or code in codes:
            raise fail(f"scores[{i}]", f"indicator code {code!r:.50} is missing, too long or repeated")
        if (level is not None and type(level) is not int) or type(na) is not bool or type(note) is not str:
            raise fail(f"scores[{i}]", "level must be a whole number or null, not_applicable true or false, note text")
        if len(note) > limits.max_text:
            raise fail(f"scores[{i}].note", f"is longer than {limits.max_text} characters (the limit on text)")
        # The time, inline (the common case: canonical UTC text already, often the same for many scores).
        known = seen_times.get(t) if type(t) is str else None
        if known is None:
            try:
                if type(t) is not str or dt_match(t) is None:
                    raise ValueError(t)
                if len(t) == 32 and t[26:] == "+00:00":
                    from_iso(t)
                    canonical = t
                else:
                    canonical = canonical_time(t)
            except ValueError as exc:
                raise fail(f"scores[{i}].updated_at", f"is not a valid time ({t!r:.40})") from exc
            known = seen_times[t] = (canonical, canonical[:10] + " " + canonical[11:26] if stored_text
                                     else time_value(canonical))
        add_code(code)
        remember((code, level, na, note, known[0]))
        append((version_id, code, level, +na if stored_text else na, note, known[1]))  # (SQLite: 0/1, as stored)

    evidence = doc["evidence"]
    if type(evidence) is not list or len(evidence) > limits.max_evidence_per_version:
        raise fail("evidence", f"must be a list of at most {limits.max_evidence_per_version} files")
    evidence_rows = []
    evidence_items: list[list[Any]] = []
    shas: set[str] = set()
    for i, e in enumerate(evidence):
        if type(e) is not dict or e.keys() != _EVIDENCE or not _is_uuid(e["id"]) or not _is_sha(e["sha256"]) \
                or not _is_text(e["indicator_code"], 40, 1) or not _is_text(e["file_name"], 255, 1) \
                or type(e["size"]) is not int or e["size"] < 0:
            raise fail(f"evidence[{i}]", "is not a valid evidence entry")
        if _UNSAFE_NAME.search(e["file_name"]) or e["file_name"] in (".", ".."):
            raise fail(f"evidence[{i}].file_name", "must be a plain file name (no folders, no control characters)")
        shas.add(e["sha256"])
        added = _canonical_or_fail(e["added_at"], f"evidence[{i}].added_at", fail)
        evidence_items.append([e["id"], e["indicator_code"], e["file_name"], e["sha256"], e["size"], added])
        evidence_rows.append({
            "id": e["id"], "version_id": version_id, "indicator_code": e["indicator_code"],
            "file_name": e["file_name"], "sha256": e["sha256"], "size": e["size"],
            "stored_path": f"evidence/{e['sha256'][:2]}/{e['sha256']}",
            "added_at": time_value(added),
        })

    entries = doc["change_log"]
    if type(entries) is not list or not entries:
        raise fail("change_log", "must be a non-empty list")
    if len(entries) > limits.max_change_log:
        raise fail("change_log", f"has more than {limits.max_change_log} entries (the limit on change-log entries)")
    uuid_match, sha_match, kinds, entry_size, max_text = _uuid, _sha, _KINDS, len(_ENTRY), limits.max_text
    values, entry_hash = ENTRY_VALUES, entry_hash_fields
    # One pass: each entry's format, then its hash against the chain so far (what verify_entries checks:
    # positions, links, every entry's hash); the first broken link is explained by verify_entries below.
    prev, intact = GENESIS, True
    prev_bytes = prev.encode("ascii")
    entry_rows: list[tuple[Any, ...]] = []
    add_row = entry_rows.append
    dumps, sorted_keys, encode_error, sha256 = orjson.dumps, orjson.OPT_SORT_KEYS, orjson.JSONEncodeError, hashlib.sha256
    eh_key, ph_key, eh_member, ph_member = ENTRY_HASH_KEY, PREV_HASH_KEY, ENTRY_HASH_MEMBER, PREV_HASH_MEMBER
    join = b"".join
    for i, e in enumerate(entries):
        text = None
        try:  # exactly the keys of an entry: as many, and each of them there
            if type(e) is not dict or len(e) != entry_size:
                raise KeyError
            (actor, at, chain_id, entry_hash_, field_, entry_id, indicator, kind, new, old, position, prev_hash, reason,
             undoes, entry_version) = values(e)
        except KeyError:
            raise fail(f"change_log[{i}]", "does not have exactly the keys of a change-log entry") from None
        if chain_id != record_id:
            raise fail(f"change_log[{i}].chain_id", "belongs to another record")
        # The same tests as _is_uuid/_is_text/_is_sha, written out (a record may carry thousands of entries).
        if not (type(entry_id) is str and uuid_match(entry_id) is not None
                and type(position) is int and position >= 0
                and (entry_version is None or entry_version == version_id  # (the record's version id: checked)
                     or (type(entry_version) is str and uuid_match(entry_version) is not None))
                and type(indicator) is str and len(indicator) <= 40
                and type(field_) is str and len(field_) <= 40
                and type(old) is str and type(new) is str
                and type(reason) is str and type(kind) is str and kind in kinds
                and (undoes is None or (type(undoes) is str and uuid_match(undoes) is not None))
                and type(actor) is str and len(actor) <= 200 and type(at) is str and len(at) <= 40
                and type(prev_hash) is str and type(entry_hash_) is str):
            raise fail(f"change_log[{i}]", "is not a valid change-log entry")
        if intact:  # (every field the hash covers has its type checked just above)
            intact = position == i and prev_hash == prev
            if intact:
                try:  # chained_hash(e, prev), inline (prev: GENESIS or the hexdigest the last entry matched)
                    text = dumps(e, option=sorted_keys)
                except encode_error:
                    text = None
                if text is not None:
                    k = text.find(eh_key)
                    m = text.find(ph_key, k)
                    intact = sha256(join((prev_bytes, text[:k], text[k + eh_member:m],
                                          text[m + ph_member:]))).hexdigest() == entry_hash_
                else:
                    try:
                        intact = entry_hash(prev, actor, at, chain_id, field_, entry_id, indicator, kind, new, old,
                                            position, reason, undoes, entry_version) == entry_hash_
                    except UnicodeEncodeError:  # a lone surrogate: let verify_entries say what it says
                        intact = False
        # While the chain holds, both hashes are SHA-256 hex digests (GENESIS or one computed just now);
        # after a broken link, they are checked as text.
        if not intact and (sha_match(prev_hash) is None or sha_match(entry_hash_) is None):
            raise fail(f"change_log[{i}]", "is not a valid change-log entry")
        # (orjson's text of the entry, when there is one, is at least as long as any of its values)
        if (text is None or len(text) > max_text) and (len(old) > max_text or len(new) > max_text
                                                        or len(reason) > max_text):
            raise fail(f"change_log[{i}]", f"a value or reason is longer than {max_text} characters (the limit on text)")
        prev = entry_hash_
        if intact:
            prev_bytes = prev.encode("ascii")
        add_row((actor, at, chain_id, field_, entry_id, indicator, kind, new, old, position, reason, undoes,
                 entry_version, entry_hash_, prev_hash))  # ENTRY_ROW_FIELDS
    if not intact:
        problems = verify_entries(record_id, [SimpleNamespace(**e) for e in entries])
        if problems:
            raise fail("change_log", f"the hash chain is broken: {problems[0]}")
    ancestors = _ancestry(fail, entries, version_id, previous, status)
    _agrees_with_log(fail, entries, version_id, substance, evidence_items, row["delegation_json"])
    return ParsedRecord(
        path=path, record_sha256=record_sha256,
        substance_sha256=_digest(_head(a, times), substance, evidence_items),
        version_id=version_id, record_id=record_id, previous_version_id=previous, status=status,
        round_id=a["round_id"], region_code=a["region_code"], assessor_id=a["assessor_id"],
        instrument_hash=a["instrument_hash"], sheet_sha256=sheet_sha, assessment_row=row, score_rows=score_rows,
        evidence_rows=evidence_rows, ancestors=ancestors, evidence_shas=shas, entry_rows=entry_rows,
    )


def _agrees_with_log(fail: Callable[[str, str], RecordInvalid], entries: list[dict[str, Any]], version_id: str,
                     substance: list[tuple[Any, ...]], evidence_items: list[list[Any]], delegation_json: str) -> None:
    """The version's scores, notes, evidence and delegation are what its change log replays to."""
    logged = replay.replay(entries, version_id).get(version_id)
    if logged is None:
        raise fail("change_log", "has no entries for this version")
    found = replay.differences(
        logged,
        levels={code: replay.level_text(level, na) for code, level, na, _note, _t in substance},
        notes={code: note for code, _level, _na, note, _t in substance},
        evidence=[(item[1], item[3]) for item in evidence_items],
        delegation_json=delegation_json)
    if found:
        raise fail("scores", f"{found[0]}: changed without a change-log entry")


def _ancestry(fail: Callable[[str, str], RecordInvalid], entries: list[dict[str, Any]], version_id: str,
              previous: str | None, status: str) -> list[str]:
    """The versions before this one, from the change log; it must agree with the record."""
    lineage: list[str] = []
    for e in entries:
        v = e["version_id"]
        if v is not None and (not lineage or lineage[-1] != v):
            if v in lineage:
                raise fail("change_log", f"version {v} reappears after a later version")
            lineage.append(v)
    if not lineage or lineage[-1] != version_id:
        raise fail("change_log", "does not end with this version's entries")
    expected_previous = lineage[-2] if len(lineage) > 1 else None
    if previous != expected_previous:
        raise fail("assessment.previous_version_id", "disagrees with the change log")
    last_status = next((e["new"] for e in reversed(entries) if e["field"] == "status" and e["version_id"] == version_id),
                       None)
    if last_status != status:
        raise fail("assessment.status", f"is {status} but the change log last says {last_status!r}")
    return lineage[:-1]


def substance_digest(document: dict[str, Any]) -> str:
    """SHA-256 of what a version *says* (ids, scores, notes, evidence, delegation), not of its signing state.

    Normalised (scores by indicator, evidence by id, times as canonical UTC) so the same version
    gives the same digest whether it comes from a record file or is rebuilt from a store."""
    a = document["assessment"]
    times = {key: None if a[key] is None else canonical_time(a[key]) for key in ("created_at", "updated_at",
                                                                                 "finalized_at")}
    scores = [[s["indicator_code"], s["level"], s["not_applicable"], s["note"], canonical_time(s["updated_at"])]
              for s in document["scores"]]
    evidence = [[e["id"], e["indicator_code"], e["file_name"], e["sha256"], e["size"], canonical_time(e["added_at"])]
                for e in document["evidence"]]
    return _digest(_head(a, times), scores, evidence)


def _head(a: dict[str, Any], times: dict[str, str | None]) -> list[Any]:
    head: list[Any] = [a[k] for k in _SUBSTANCE_FIELDS]
    head += [times["created_at"], times["updated_at"], times["finalized_at"]]
    head.append([[d["name"], d["role"]] for d in a["delegation"]])
    return head


def _digest(head: list[Any], scores: list[Any], evidence: list[list[Any]]) -> str:
    scores.sort()
    evidence.sort()
    payload = _COMPACT_JSON([head, scores, evidence])  # = json.dumps(..., ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _canonical_or_fail(value: Any, part: str, fail: Callable[[str, str], RecordInvalid], nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    try:
        return canonical_time(value)
    except ValueError as exc:
        raise fail(part, f"is not a valid time ({value!r:.40})") from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
