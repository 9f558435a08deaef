"""The record reader's fast path: a record file decoded and type-checked in C by msgspec.

``docs/schemas/bundle-record.schema.json`` written as ``msgspec.Struct`` types: exact keys (no
defaults, unknown fields forbidden), lengths, bounds and patterns anchored to the whole text. What
the types cannot say (the reader's limits, repeated indicator codes, real dates, the hash chain, the
change log's replay) is checked in Python below, as :func:`app.bundles.manifest._checked` checks it.

Only a *yes* is trusted, as with fastjsonschema for instruments: :func:`fast_record` returns None for
anything it does not accept (a msgspec error, a broken chain, a failed check), and :func:`read_record`
then reads the record with :func:`app.bundles.manifest.parse_record`, which refuses it with its usual
message. ``tests/bundles/test_record_fast.py`` holds the two paths together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from hashlib import sha256
from operator import attrgetter
from typing import Annotated, Any, Literal, TypeAlias

import msgspec

from app.bundles.format import DEFAULT_LIMITS, FORMAT_VERSION, RECORD_FORMAT, Limits
from app.bundles.manifest import (
    _DELEGATE,
    _DELEGATION_JSON,
    _REGION_RE,
    _SUBSTANCE_FIELDS,
    _UNSAFE_NAME,
    ENTRY_ROW_FIELDS,
    ParsedRecord,
    _dt,
    _uuid,
    canonical_time,
    datetime_time,
    parse_record,
    sqlite_time,
)
from app.bundles.schema import SHA256, UUID
from app.store import replay
from app.store.changelog import GENESIS


def _whole(pattern: str) -> str:
    # msgspec searches; \A and \Z make it match the whole text (``$`` would let a final newline through).
    return r"\A(?:" + pattern.strip("^$") + r")\Z"


Id: TypeAlias = Annotated[str, msgspec.Meta(pattern=_whole(UUID))]
Sha: TypeAlias = Annotated[str, msgspec.Meta(pattern=_whole(SHA256))]
Region: TypeAlias = Annotated[str, msgspec.Meta(pattern=_whole(_REGION_RE.pattern))]
Code: TypeAlias = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]  # an indicator's code
Short: TypeAlias = Annotated[str, msgspec.Meta(max_length=40)]
Name: TypeAlias = Annotated[str, msgspec.Meta(max_length=200)]
if RECORD_FORMAT != "nilai-record" or FORMAT_VERSION != 1:  # pragma: no cover - the Literals below say these
    raise RuntimeError("record_fast.py describes another record format")


class _Strict(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """Exactly these keys: every field is required (no defaults) and no other is allowed.

    gc=False: the garbage collector need not track the tens of thousands of Structs an import makes (they
    hold text, numbers, and lists of Structs or of texts read from JSON, so they can form no cycle)."""


class _Assessment(_Strict):
    record_id: Id
    version_id: Id
    previous_version_id: Id | None
    round_id: Id
    region_code: Region
    assessor_id: Id
    slot_id: Id | None
    instrument_hash: Sha
    status: Literal["final", "signed"]
    # Dicts, not a Struct: the row keeps the record's own order of "name" and "role" (its JSON text is stored).
    delegation: Annotated[list[dict[str, Name]], msgspec.Meta(max_length=100)]
    reopen_reason: Annotated[str, msgspec.Meta(max_length=10000)]
    sheet_sha256: Sha | None
    created_at: str
    updated_at: str
    finalized_at: str | None
    signed_at: str | None


class _Score(_Strict):
    indicator_code: Code
    level: int | None
    not_applicable: bool
    note: str
    updated_at: str


class _Evidence(_Strict):
    id: Id
    indicator_code: Code
    file_name: Annotated[str, msgspec.Meta(min_length=1, max_length=255)]
    sha256: Sha
    size: Annotated[int, msgspec.Meta(ge=0)]
    added_at: str


class _Entry(_Strict):
    # The hashed fields in sorted order, then the two hashes: msgspec writes a Struct's fields in this order, so
    # its text is the text app.store.changelog.entry_hash hashes (json.dumps(sort_keys=True)'s) with the two hash
    # members at its end (see _chain_rows).
    actor: Name
    at: Short
    chain_id: str
    field: Short
    id: str  # ids: all of the change log's at once, in _chain_rows (_all_ids: one translate, not a match per entry)
    indicator_code: Short
    kind: Literal["edit", "undo", "redo"]
    new: str
    old: str
    position: Annotated[int, msgspec.Meta(ge=0)]
    reason: str
    undoes: str | None
    version_id: str | None  # an id: checked in _ancestry, once for each run of entries of one version
    entry_hash: str  # a broken chain goes the exact way; an intact one holds SHA-256 hexdigests only
    prev_hash: str


class _Record(_Strict):
    format: Literal["nilai-record"]
    format_version: Literal[1]
    assessment: _Assessment
    scores: list[_Score]
    evidence: list[_Evidence]
    change_log: list[_Entry]


if tuple(_Entry.__struct_fields__) != ENTRY_ROW_FIELDS:  # pragma: no cover - the fields above are sorted
    raise RuntimeError("_Entry's fields are not in ENTRY_ROW_FIELDS order")
_DECODE = msgspec.json.Decoder(_Record).decode
_ENCODE = msgspec.json.Encoder().encode
_HASH_MEMBERS = len(b',"entry_hash":"",' + b'"prev_hash":""') + 2 * 64  # the text's last members, both hashes hex
_ID_SHAPE = b"00000000-0000-0000-0000-000000000000"  # an id (UUID's pattern) with each hex digit written 0
_HEX_AS_ZERO = bytes.maketrans(b"123456789abcdef", b"0" * 15)
if not re.fullmatch(UUID, _ID_SHAPE.decode()) or re.fullmatch(UUID, "0" * 36):  # pragma: no cover - the shape
    raise RuntimeError("_ID_SHAPE is not the shape of schema.UUID")
_ENTRY_IDS, _ENTRY_UNDOES = attrgetter("id"), attrgetter("undoes")
_REPLAYED = attrgetter(*replay.FIELDS)
_ROW = msgspec.structs.astuple  # an entry as its change_log row (its fields in order: ENTRY_ROW_FIELDS)
_HEAD = attrgetter(*_SUBSTANCE_FIELDS)
_TIMES = ("created_at", "updated_at", "finalized_at", "signed_at")


def read_record(data: bytes, path: str, record_sha256: str, label: str,
                time_value: Callable[[str], Any] = datetime_time, limits: Limits = DEFAULT_LIMITS) -> ParsedRecord:
    """:func:`app.bundles.manifest.parse_record`, the fast path first: the same rows, refusals and messages."""
    parsed = fast_record(data, path, record_sha256, time_value, limits)
    return parsed if parsed is not None else parse_record(data, path, record_sha256, label, time_value, limits)


def fast_record(data: bytes, path: str, record_sha256: str, time_value: Callable[[str], Any],
                limits: Limits) -> ParsedRecord | None:
    """The record's rows when every check passes; None when anything is amiss (read it the exact way)."""
    try:
        doc = _DECODE(data)
    except (msgspec.DecodeError, UnicodeDecodeError):  # (ValidationError is a DecodeError)
        return None
    a = doc.assessment
    status, sheet_sha, version_id, record_id = a.status, a.sheet_sha256, a.version_id, a.record_id
    if (status == "signed") != (sheet_sha is not None) \
            or any(d.keys() != _DELEGATE for d in a.delegation):
        return None
    times: dict[str, str | None] = {}
    for key in _TIMES:
        value = getattr(a, key)
        if value is None and key in ("finalized_at", "signed_at"):
            times[key] = None
            continue
        try:
            times[key] = canonical_time(value)
        except ValueError:
            return None
    delegation_json = _DELEGATION_JSON(a.delegation)
    row = {
        "version_id": version_id, "record_id": record_id, "previous_version_id": a.previous_version_id,
        "round_id": a.round_id, "region_code": a.region_code, "assessor_id": a.assessor_id,
        "slot_id": a.slot_id, "instrument_hash": a.instrument_hash, "status": status,
        "delegation_json": delegation_json, "reopen_reason": a.reopen_reason, "sheet_sha256": sheet_sha,
        **{key: None if value is None else time_value(value) for key, value in times.items()},
    }

    scores = _score_rows(doc.scores, version_id, time_value, limits)
    if scores is None:
        return None
    score_rows, substance = scores
    evidence = _evidence_rows(doc.evidence, version_id, time_value, limits)
    if evidence is None:
        return None
    evidence_rows, evidence_items, shas = evidence
    entries = doc.change_log
    entry_rows = _chain_rows(entries, record_id, limits)
    if entry_rows is None:
        return None
    ancestors = _ancestry(entries, version_id, a.previous_version_id, status)
    if ancestors is None:
        return None
    logged = replay.replay(entries, version_id, fields=_REPLAYED).get(version_id)
    if logged is None or replay.differences(
            logged, levels={code: replay.level_text(level, na) for code, level, na, _note, _t in substance},
            notes={code: note for code, _level, _na, note, _t in substance},
            evidence=[(item[1], item[3]) for item in evidence_items], delegation_json=delegation_json):
        return None
    head: list[Any] = [*_HEAD(a), times["created_at"], times["updated_at"], times["finalized_at"],
                       [[d["name"], d["role"]] for d in a.delegation]]
    return ParsedRecord(
        path=path, record_sha256=record_sha256, substance_sha256=_substance_digest(head, substance, evidence_items),
        version_id=version_id, record_id=record_id, previous_version_id=a.previous_version_id, status=status,
        round_id=a.round_id, region_code=a.region_code, assessor_id=a.assessor_id,
        instrument_hash=a.instrument_hash, sheet_sha256=sheet_sha, assessment_row=row, score_rows=score_rows,
        evidence_rows=evidence_rows, ancestors=ancestors, evidence_shas=shas, entry_rows=entry_rows,
    )


def _substance_digest(head: list[Any], scores: list[Any], evidence: list[list[Any]]) -> str:
    """manifest._digest, with msgspec's compact text (the same bytes as json.dumps's: lists, text, whole numbers,
    true, false and null only, no lone surrogates after msgspec's decoding)."""
    scores.sort()
    evidence.sort()
    return sha256(_ENCODE([head, scores, evidence])).hexdigest()


def _score_rows(scores: list[_Score], version_id: str, time_value: Callable[[str], Any],
                limits: Limits) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]] | None:
    """The score rows and the scores' substance (canonical times), or None."""
    if len(scores) > limits.max_scores:
        return None
    rows: list[tuple[Any, ...]] = []
    substance: list[tuple[Any, ...]] = []
    codes: set[str] = set()
    seen_times: dict[str, tuple[str, Any]] = {}  # updated_at text -> (canonical text, column value), checked
    stored_text, max_text, dt_match, from_iso = time_value is sqlite_time, limits.max_text, _dt, datetime.fromisoformat
    for s in scores:
        code, note, t = s.indicator_code, s.note, s.updated_at
        if code in codes or len(note) > max_text:
            return None
        known = seen_times.get(t)
        if known is None:
            try:
                if dt_match(t) is None:
                    return None
                if len(t) == 32 and t[26:] == "+00:00":
                    from_iso(t)
                    canonical = t
                else:
                    canonical = canonical_time(t)
            except ValueError:
                return None
            known = seen_times[t] = (canonical, canonical[:10] + " " + canonical[11:26] if stored_text
                                     else time_value(canonical))
        codes.add(code)
        na = s.not_applicable
        substance.append((code, s.level, na, note, known[0]))
        rows.append((version_id, code, s.level, +na if stored_text else na, note, known[1]))  # (SQLite: 0/1)
    return rows, substance


def _evidence_rows(evidence: list[_Evidence], version_id: str, time_value: Callable[[str], Any], limits: Limits
                   ) -> tuple[list[dict[str, Any]], list[list[Any]], set[str]] | None:
    if len(evidence) > limits.max_evidence_per_version:
        return None
    rows: list[dict[str, Any]] = []
    items: list[list[Any]] = []
    shas: set[str] = set()
    for e in evidence:
        if _UNSAFE_NAME.search(e.file_name) or e.file_name in (".", ".."):
            return None
        try:
            added = canonical_time(e.added_at)
        except ValueError:
            return None
        shas.add(e.sha256)
        items.append([e.id, e.indicator_code, e.file_name, e.sha256, e.size, added])
        rows.append({"id": e.id, "version_id": version_id, "indicator_code": e.indicator_code,
                     "file_name": e.file_name, "sha256": e.sha256, "size": e.size,
                     "stored_path": f"evidence/{e.sha256[:2]}/{e.sha256}", "added_at": time_value(added)})
    return rows, items, shas


def _chain_rows(entries: list[_Entry], record_id: str, limits: Limits) -> list[tuple[Any, ...]] | None:
    """The change-log rows when the chain holds from its first entry to its last (every entry's position,
    link and hash) and no text is past the limit; None otherwise.

    An entry's hash is taken over msgspec's text of it without its last two members, the hashes: the same
    bytes app.store.changelog.entry_hash hashes (the members in sorted order, the escapes json.dumps's: a test
    checks). Where a hash can match, both hashes are 64 hex digits (prev_hash is GENESIS or the digest the
    entry before matched; an entry_hash of any other text equals no digest), so those members are
    _HASH_MEMBERS bytes long; for any other entry_hash the cut is wrong and the hash cannot match it."""
    if not entries or len(entries) > limits.max_change_log or not _all_ids(list(map(_ENTRY_IDS, entries))):
        return None
    undoes = [u for u in map(_ENTRY_UNDOES, entries) if u is not None]
    if undoes and not _all_ids(undoes):
        return None
    max_text, encode, cut = limits.max_text, _ENCODE, -_HASH_MEMBERS - 1  # (and the closing brace)
    prev = GENESIS
    prev_bytes = prev.encode("ascii")
    for i, e in enumerate(entries):
        if e.position != i or e.prev_hash != prev or e.chain_id != record_id:
            return None
        text = encode(e)
        prev = e.entry_hash
        if sha256(prev_bytes + text[:cut] + b"}").hexdigest() != prev:
            return None
        if len(text) > max_text and (len(e.old) > max_text or len(e.new) > max_text or len(e.reason) > max_text):
            return None
        prev_bytes = prev.encode("ascii")
    return list(map(_ROW, entries))


def _all_ids(texts: list[str]) -> bool:
    """Each text matches schema.UUID (lowercase hex digits in 8-4-4-4-12), all at once: their lines, each hex digit
    written 0, are the shape of an id repeated. (The lines must be as many as the texts: none may hold a newline.)"""
    lines = "\n".join(texts)
    return lines.isascii() and lines.encode("ascii").translate(_HEX_AS_ZERO) == b"\n".join([_ID_SHAPE] * len(texts))


def _ancestry(entries: list[_Entry], version_id: str, previous: str | None, status: str) -> list[str] | None:
    """manifest._ancestry on the Structs: the versions before this one, or None where it would refuse."""
    lineage: list[str] = []
    for e in entries:
        v = e.version_id
        if v is not None and (not lineage or lineage[-1] != v):
            if v in lineage or _uuid(v) is None:
                return None
            lineage.append(v)
    if not lineage or lineage[-1] != version_id or previous != (lineage[-2] if len(lineage) > 1 else None):
        return None
    last_status = next((e.new for e in reversed(entries) if e.field == "status" and e.version_id == version_id), None)
    return lineage[:-1] if last_status == status else None
