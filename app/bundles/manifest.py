"""The documents inside a bundle: record files (out of a store, and back into insertable rows).

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlmodel import Session, col, select

from app.bundles.errors import RecordInvalid
from app.bundles.format import FORMAT_VERSION, RECORD_FORMAT, canonical_json, iso, parse_iso
from app.bundles.schema import DATETIME, SHA256, UUID
from app.changelog import verify_entries
from app.models.tables import Assessment, ChangeLogEntry, Evidence, Score

ENTRY_FIELDS = ("id", "chain_id", "position", "version_id", "indicator_code", "field", "old", "new", "reason",
                "kind", "undoes", "actor", "at", "prev_hash", "entry_hash")
# What may differ between two exports of the same version without being a conflict: signing it.
STATE_FIELDS = ("status", "sheet_sha256", "signed_at")


# -- out of a store ---------------------------------------------------------------------------


def entry_dict(entry: ChangeLogEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ENTRY_FIELDS}


def chain_of(session: Session, record_id: str) -> list[ChangeLogEntry]:
    return list(session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == record_id)
                             .order_by(col(ChangeLogEntry.position))))


def chain_prefix(chain: Sequence[ChangeLogEntry], version_id: str) -> list[ChangeLogEntry]:
    """The chain from its start up to the last entry written for ``version_id``."""
    last = max((i for i, e in enumerate(chain) if e.version_id == version_id), default=-1)
    return list(chain[: last + 1])


def record_document(session: Session, assessment: Assessment, chain: Sequence[ChangeLogEntry]) -> dict[str, Any]:
    """The record file of one version, as a JSON-ready dict."""
    scores = session.exec(select(Score).where(Score.version_id == assessment.version_id)
                          .order_by(col(Score.indicator_code))).all()
    evidence = session.exec(select(Evidence).where(Evidence.version_id == assessment.version_id)
                            .order_by(col(Evidence.added_at), col(Evidence.id))).all()
    return {
        "format": RECORD_FORMAT,
        "format_version": FORMAT_VERSION,
        "assessment": {
            "record_id": assessment.record_id,
            "version_id": assessment.version_id,
            "previous_version_id": assessment.previous_version_id,
            "round_id": assessment.round_id,
            "region_code": assessment.region_code,
            "assessor_id": assessment.assessor_id,
            "slot_id": assessment.slot_id,
            "instrument_hash": assessment.instrument_hash,
            "status": str(assessment.status),
            "delegation": json.loads(assessment.delegation_json or "[]"),
            "reopen_reason": assessment.reopen_reason,
            "sheet_sha256": assessment.sheet_sha256,
            "created_at": iso(assessment.created_at),
            "updated_at": iso(assessment.updated_at),
            "finalized_at": iso(assessment.finalized_at),
            "signed_at": iso(assessment.signed_at),
        },
        "scores": [{"indicator_code": s.indicator_code, "level": s.level, "not_applicable": bool(s.not_applicable),
                    "note": s.note, "updated_at": iso(s.updated_at)} for s in scores],
        "evidence": [{"id": e.id, "indicator_code": e.indicator_code, "file_name": e.file_name, "sha256": e.sha256,
                      "size": e.size, "added_at": iso(e.added_at)} for e in evidence],
        "change_log": [entry_dict(e) for e in chain_prefix(chain, assessment.version_id)],
    }


def substance_digest(document: dict[str, Any]) -> str:
    """SHA-256 of what a version *says* (ids, scores, notes, evidence, delegation), not of its signing state."""
    assessment = {k: v for k, v in document["assessment"].items() if k not in STATE_FIELDS}
    return hashlib.sha256(canonical_json({"assessment": assessment, "scores": document["scores"],
                                          "evidence": document["evidence"]})).hexdigest()


# -- back in: a strict, fast reader ------------------------------------------------------------

_UUID_RE = re.compile(UUID)
_SHA_RE = re.compile(SHA256)
_DT_RE = re.compile(DATETIME)
_REGION_RE = re.compile(r"^[0-9]{4}$")


@dataclass
class ParsedRecord:
    """One record file, checked, as rows for the store."""

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
    score_rows: list[dict[str, Any]]
    evidence_rows: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    ancestors: list[str]  # oldest first, from the change log
    evidence_shas: set[str] = field(default_factory=set)

    @property
    def entry_hashes(self) -> list[str]:
        return [e["entry_hash"] for e in self.entries]


class _Checker:
    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, where: str, message: str) -> RecordInvalid:
        return RecordInvalid(f"{self.label}: {where}: {message}")

    def obj(self, value: Any, where: str, keys: frozenset[str]) -> dict[str, Any]:
        if type(value) is not dict:
            raise self.fail(where, "must be an object")
        if value.keys() != keys:
            missing, extra = sorted(keys - value.keys()), sorted(value.keys() - keys)
            raise self.fail(where, f"missing {missing}" if missing else f"unexpected {extra}")
        return value

    def text(self, value: Any, where: str, max_length: int | None = None, min_length: int = 0) -> str:
        if type(value) is not str:
            raise self.fail(where, "must be text")
        if (max_length is not None and len(value) > max_length) or len(value) < min_length:
            raise self.fail(where, "has the wrong length")
        return value

    def match(self, value: Any, where: str, pattern: re.Pattern[str], nullable: bool = False) -> Any:
        if value is None and nullable:
            return None
        if type(value) is not str or not pattern.match(value):
            raise self.fail(where, f"is not a valid value ({value!r:.80})")
        return value

    def integer(self, value: Any, where: str, nullable: bool = False, minimum: int | None = None) -> int | None:
        if value is None and nullable:
            return None
        if type(value) is not int or (minimum is not None and value < minimum):
            raise self.fail(where, "must be a whole number")
        return value

    def boolean(self, value: Any, where: str) -> bool:
        if type(value) is not bool:
            raise self.fail(where, "must be true or false")
        return value

    def array(self, value: Any, where: str, max_items: int, min_items: int = 0) -> list[Any]:
        if type(value) is not list or not min_items <= len(value) <= max_items:
            raise self.fail(where, "must be a list of the right length")
        return value

    def time(self, value: Any, where: str, nullable: bool = False) -> Any:
        if value is None and nullable:
            return None
        self.match(value, where, _DT_RE)
        try:
            return parse_iso(value)
        except ValueError as exc:
            raise self.fail(where, f"is not a valid time ({value!r:.40})") from exc


_TOP = frozenset(("format", "format_version", "assessment", "scores", "evidence", "change_log"))
_ASSESSMENT = frozenset(("record_id", "version_id", "previous_version_id", "round_id", "region_code", "assessor_id",
                         "slot_id", "instrument_hash", "status", "delegation", "reopen_reason", "sheet_sha256",
                         "created_at", "updated_at", "finalized_at", "signed_at"))
_SCORE = frozenset(("indicator_code", "level", "not_applicable", "note", "updated_at"))
_EVIDENCE = frozenset(("id", "indicator_code", "file_name", "sha256", "size", "added_at"))
_ENTRY = frozenset(ENTRY_FIELDS)
_DELEGATE = frozenset(("name", "role"))
_KINDS = frozenset(("edit", "undo", "redo"))


def parse_record(data: bytes, path: str, record_sha256: str, label: str) -> ParsedRecord:
    """Check a record file against the format and its own change log; rows for the store."""
    c = _Checker(f"{label}: {path}")
    try:
        doc = json.loads(data, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise c.fail("file", f"is not valid JSON ({exc})") from exc
    c.obj(doc, "record", _TOP)
    if doc["format"] != RECORD_FORMAT:
        raise c.fail("format", f"is {doc['format']!r}, not {RECORD_FORMAT!r}")
    if type(doc["format_version"]) is not int or doc["format_version"] != FORMAT_VERSION:
        raise c.fail("format_version", f"{doc['format_version']!r} is not supported (this Nilai reads {FORMAT_VERSION})")
    a = c.obj(doc["assessment"], "assessment", _ASSESSMENT)
    version_id = c.match(a["version_id"], "assessment.version_id", _UUID_RE)
    record_id = c.match(a["record_id"], "assessment.record_id", _UUID_RE)
    previous = c.match(a["previous_version_id"], "assessment.previous_version_id", _UUID_RE, nullable=True)
    status = a["status"]
    if status not in ("final", "signed"):
        raise c.fail("assessment.status", f"{status!r:.40} (only final and signed versions travel in bundles)")
    delegation = c.array(a["delegation"], "assessment.delegation", 100)
    for i, d in enumerate(delegation):
        c.obj(d, f"assessment.delegation[{i}]", _DELEGATE)
        c.text(d["name"], f"assessment.delegation[{i}].name", 200)
        c.text(d["role"], f"assessment.delegation[{i}].role", 200)
    sheet_sha = c.match(a["sheet_sha256"], "assessment.sheet_sha256", _SHA_RE, nullable=True)
    row = {
        "version_id": version_id,
        "record_id": record_id,
        "previous_version_id": previous,
        "round_id": c.match(a["round_id"], "assessment.round_id", _UUID_RE),
        "region_code": c.match(a["region_code"], "assessment.region_code", _REGION_RE),
        "assessor_id": c.match(a["assessor_id"], "assessment.assessor_id", _UUID_RE),
        "slot_id": c.match(a["slot_id"], "assessment.slot_id", _UUID_RE, nullable=True),
        "instrument_hash": c.match(a["instrument_hash"], "assessment.instrument_hash", _SHA_RE),
        "status": status,
        "delegation_json": json.dumps(delegation, ensure_ascii=False),
        "reopen_reason": c.text(a["reopen_reason"], "assessment.reopen_reason", 10000),
        "sheet_sha256": sheet_sha,
        "created_at": c.time(a["created_at"], "assessment.created_at"),
        "updated_at": c.time(a["updated_at"], "assessment.updated_at"),
        "finalized_at": c.time(a["finalized_at"], "assessment.finalized_at", nullable=True),
        "signed_at": c.time(a["signed_at"], "assessment.signed_at", nullable=True),
    }
    if (status == "signed") != (sheet_sha is not None):
        raise c.fail("assessment", "a signed version must name its sheet, and only a signed one")

    scores = c.array(doc["scores"], "scores", 10000)
    score_rows = []
    seen: set[str] = set()
    for i, s in enumerate(scores):
        c.obj(s, f"scores[{i}]", _SCORE)
        code = c.text(s["indicator_code"], f"scores[{i}].indicator_code", 40, 1)
        if code in seen:
            raise c.fail(f"scores[{i}]", f"indicator {code} is scored twice")
        seen.add(code)
        score_rows.append({
            "version_id": version_id, "indicator_code": code,
            "level": c.integer(s["level"], f"scores[{i}].level", nullable=True),
            "not_applicable": c.boolean(s["not_applicable"], f"scores[{i}].not_applicable"),
            "note": c.text(s["note"], f"scores[{i}].note", 100000),
            "updated_at": c.time(s["updated_at"], f"scores[{i}].updated_at"),
        })

    evidence = c.array(doc["evidence"], "evidence", 10000)
    evidence_rows = []
    shas: set[str] = set()
    for i, e in enumerate(evidence):
        c.obj(e, f"evidence[{i}]", _EVIDENCE)
        sha = c.match(e["sha256"], f"evidence[{i}].sha256", _SHA_RE)
        shas.add(sha)
        evidence_rows.append({
            "id": c.match(e["id"], f"evidence[{i}].id", _UUID_RE), "version_id": version_id,
            "indicator_code": c.text(e["indicator_code"], f"evidence[{i}].indicator_code", 40, 1),
            "file_name": c.text(e["file_name"], f"evidence[{i}].file_name", 255, 1), "sha256": sha,
            "size": c.integer(e["size"], f"evidence[{i}].size", minimum=0),
            "stored_path": f"evidence/{sha[:2]}/{sha}",
            "added_at": c.time(e["added_at"], f"evidence[{i}].added_at"),
        })

    entries = c.array(doc["change_log"], "change_log", 1000000, 1)
    for i, e in enumerate(entries):
        where = f"change_log[{i}]"
        c.obj(e, where, _ENTRY)
        c.match(e["id"], f"{where}.id", _UUID_RE)
        if e["chain_id"] != record_id:
            raise c.fail(f"{where}.chain_id", "belongs to another record")
        c.integer(e["position"], f"{where}.position", minimum=0)
        c.match(e["version_id"], f"{where}.version_id", _UUID_RE, nullable=True)
        c.text(e["indicator_code"], f"{where}.indicator_code", 40)
        c.text(e["field"], f"{where}.field", 40)
        c.text(e["old"], f"{where}.old")
        c.text(e["new"], f"{where}.new")
        c.text(e["reason"], f"{where}.reason")
        if e["kind"] not in _KINDS:
            raise c.fail(f"{where}.kind", "is not edit, undo or redo")
        c.match(e["undoes"], f"{where}.undoes", _UUID_RE, nullable=True)
        c.text(e["actor"], f"{where}.actor", 200)
        c.text(e["at"], f"{where}.at", 40)
        c.match(e["prev_hash"], f"{where}.prev_hash", _SHA_RE)
        c.match(e["entry_hash"], f"{where}.entry_hash", _SHA_RE)
    problems = verify_entries(record_id, [SimpleNamespace(**e) for e in entries])
    if problems:
        raise c.fail("change_log", f"the hash chain is broken: {problems[0]}")
    ancestors = _ancestry(c, entries, version_id, previous, status)

    document_for_digest = {"assessment": a, "scores": scores, "evidence": evidence}
    return ParsedRecord(
        path=path, record_sha256=record_sha256, substance_sha256=substance_digest(document_for_digest),
        version_id=version_id, record_id=record_id, previous_version_id=previous, status=status,
        round_id=row["round_id"], region_code=row["region_code"], assessor_id=row["assessor_id"],
        instrument_hash=row["instrument_hash"], sheet_sha256=sheet_sha, assessment_row=row, score_rows=score_rows,
        evidence_rows=evidence_rows, entries=entries, ancestors=ancestors, evidence_shas=shas,
    )


def _ancestry(c: _Checker, entries: list[dict[str, Any]], version_id: str, previous: str | None,
              status: str) -> list[str]:
    """The versions before this one, from the change log; it must agree with the record."""
    lineage: list[str] = []
    for e in entries:
        v = e["version_id"]
        if v is not None and (not lineage or lineage[-1] != v):
            if v in lineage:
                raise c.fail("change_log", f"version {v} reappears after a later version")
            lineage.append(v)
    if not lineage or lineage[-1] != version_id:
        raise c.fail("change_log", "does not end with this version's entries")
    expected_previous = lineage[-2] if len(lineage) > 1 else None
    if previous != expected_previous:
        raise c.fail("assessment.previous_version_id", "disagrees with the change log")
    last_status = next((e["new"] for e in reversed(entries) if e["field"] == "status" and e["version_id"] == version_id), None)
    if last_status != status:
        raise c.fail("assessment.status", f"is {status} but the change log last says {last_status!r}")
    return lineage[:-1]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
