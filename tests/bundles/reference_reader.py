"""The record reader as it was before the fast paths (commit 59ff123, app/bundles/manifest.py), kept
verbatim as the reference the fast reader is compared with (tests/bundles/test_fast_paths.py) — plus,
at the end, the replay of the change log against the scores that both readers share (added later)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from app.bundles.errors import RecordInvalid
from app.bundles.format import FORMAT_VERSION, RECORD_FORMAT
from app.bundles.manifest import (
    _ASSESSMENT,
    _DELEGATE,
    _ENTRY,
    _EVIDENCE,
    _KINDS,
    _REGION_RE,
    _SCORE,
    _SUBSTANCE_FIELDS,
    _TOP,
    _UNSAFE_NAME,
    ENTRY_ROW_FIELDS,
    ParsedRecord,
    _agrees_with_log,
    _dt,
    _sha,
    _uuid,
    canonical_time,
    datetime_time,
    sqlite_time,
)
from app.store.changelog import verify_entries


def _is_text(value: Any, max_length: int, min_length: int = 0) -> bool:
    return type(value) is str and min_length <= len(value) <= max_length


def _is_uuid(value: Any, nullable: bool = False) -> bool:
    return (nullable and value is None) or (type(value) is str and _uuid(value) is not None)


def _is_sha(value: Any, nullable: bool = False) -> bool:
    return (nullable and value is None) or (type(value) is str and _sha(value) is not None)


def parse_record(data: bytes, path: str, record_sha256: str, label: str,
                 time_value: Callable[[str], Any] = datetime_time) -> ParsedRecord:
    """Check a record file against the format and its own change log; rows for the store."""
    where = f"{label}: {path}"

    def fail(part: str, message: str) -> RecordInvalid:
        return RecordInvalid(f"{where}: {part}: {message}")

    try:
        doc = json.loads(data, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise fail("file", f"is not valid JSON ({exc})") from exc
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
    # (the message names calibration cases since they travel in bundles, commit 2c790ba)
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
        "delegation_json": json.dumps(delegation, ensure_ascii=False), "reopen_reason": a["reopen_reason"],
        "sheet_sha256": sheet_sha,
        **{key: None if value is None else time_value(value) for key, value in times.items()},
    }

    scores = doc["scores"]
    if type(scores) is not list or len(scores) > 10000:
        raise fail("scores", "must be a list of at most 10000 scores")
    score_rows = []
    append = score_rows.append
    substance: list[tuple[Any, ...]] = []
    remember = substance.append
    codes: set[str] = set()
    dt_match, from_iso = _dt, datetime.fromisoformat
    stored_text = time_value is sqlite_time  # inlined below: this loop runs for every score of every record
    for i, s in enumerate(scores):
        if type(s) is not dict or s.keys() != _SCORE:
            raise fail(f"scores[{i}]", "does not have exactly the keys of a score")
        code, level, na, note, t = s["indicator_code"], s["level"], s["not_applicable"], s["note"], s["updated_at"]
        if type(code) is not str or not 0 < len(code) <= 40 or code in codes:
            raise fail(f"scores[{i}]", f"indicator code {code!r:.50} is missing, too long or repeated")
        if (level is not None and type(level) is not int) or type(na) is not bool or type(note) is not str \
                or len(note) > 100000:
            raise fail(f"scores[{i}]", "level must be a whole number or null, not_applicable true or false, note text")
        # The time, inline (the common case: canonical UTC text already).
        try:
            if type(t) is not str or dt_match(t) is None:
                raise ValueError(t)
            if len(t) == 32 and t[26:] == "+00:00":
                from_iso(t)
            else:
                t = canonical_time(t)
        except ValueError as exc:
            raise fail(f"scores[{i}].updated_at", f"is not a valid time ({t!r:.40})") from exc
        codes.add(code)
        remember((code, level, na, note, t))
        append((version_id, code, level, na, note, t[:10] + " " + t[11:26] if stored_text else time_value(t)))

    evidence = doc["evidence"]
    if type(evidence) is not list or len(evidence) > 10000:
        raise fail("evidence", "must be a list of at most 10000 files")
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
    if type(entries) is not list or not 1 <= len(entries) <= 1000000:
        raise fail("change_log", "must be a non-empty list")
    for i, e in enumerate(entries):
        if type(e) is not dict or e.keys() != _ENTRY:
            raise fail(f"change_log[{i}]", "does not have exactly the keys of a change-log entry")
        if e["chain_id"] != record_id:
            raise fail(f"change_log[{i}].chain_id", "belongs to another record")
        position = e["position"]
        if not (_is_uuid(e["id"]) and type(position) is int and position >= 0
                and _is_uuid(e["version_id"], nullable=True) and _is_text(e["indicator_code"], 40)
                and _is_text(e["field"], 40) and type(e["old"]) is str and type(e["new"]) is str
                and type(e["reason"]) is str and type(e["kind"]) is str and e["kind"] in _KINDS
                and _is_uuid(e["undoes"], nullable=True) and _is_text(e["actor"], 200) and _is_text(e["at"], 40)
                and _is_sha(e["prev_hash"]) and _is_sha(e["entry_hash"])):
            raise fail(f"change_log[{i}]", "is not a valid change-log entry")
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
        evidence_rows=evidence_rows, ancestors=ancestors, evidence_shas=shas,
        entry_rows=[tuple(e[name] for name in ENTRY_ROW_FIELDS) for e in entries],
    )


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
    payload = json.dumps([head, scores, evidence], ensure_ascii=False, separators=(",", ":"))
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
