"""The record reader's msgspec fast path (app/bundles/record_fast.py) against its exact reading.

Records are mutated (values of every JSON type and near misses of each format: ids in capitals, with a
final newline or two ids on two lines, texts one past a limit, impossible dates, whole numbers past 64
bits, odd characters), their change log re-hashed so the chain holds, and read both ways: the fast path must accept exactly the records
the exact reading accepts and build the same rows and digest; what it refuses is read the exact way, so
the refusal and its message are the exact reading's.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bundles import record_fast
from app.bundles.errors import RecordInvalid
from app.bundles.format import DEFAULT_LIMITS, Limits, canonical_json
from app.bundles.manifest import ParsedRecord, datetime_time, entry_hash_of, parse_record, sqlite_time
from app.store.changelog import GENESIS
from tests.bundles.test_properties import AT, SHA, _mutate, _paths, _record

UUID = str(uuid.UUID(int=2))
ODD_TEXT = st.sampled_from(["", "\"", "\\", "\u2028", "\x00\x1f\x7f", "é", "日本", "\U0001f600", "a\"b\\c\nd", "a" * 40,
                            "a" * 41, "a" * 200, "a" * 201]) | st.text(max_size=8)
NEAR_MISSES = st.sampled_from([
    None, True, False, 0, -1, 1, 3, 2**63, 2**64, 2**80, 1.0, "", [], {},
    UUID, UUID.upper(), UUID + "\n", UUID + "\n" + UUID, UUID[:-1], SHA, SHA.upper(), SHA + "\n", "0" * 64,
    "3325", "K001", "3325\n", "332", "final", "signed", "draft", "edit", "undo", "redo", "Edit",
    AT, "2018-03-05T01:00:00Z", "2018-03-05T08:00:00.5+07:00", "2018-02-30T00:00:00Z", AT + "\n", "2018-3-5T01:00:00Z",
    "nilai-record", "foto.jpg", "a/b.jpg", "..", "level", "note", "status", "NA",
])
VALUES = NEAR_MISSES | ODD_TEXT | st.integers(-2, 5)


def _rehashed(doc: Any) -> Any:
    """The change log's links and hashes made right again where the entries allow it (the chain then holds,
    and the record is judged on everything else)."""
    entries = doc.get("change_log") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return doc
    prev = GENESIS
    for e in entries:
        if not isinstance(e, dict):
            return doc
        e["prev_hash"] = prev
        try:
            e["entry_hash"] = prev = entry_hash_of(e, prev)
        except (KeyError, TypeError, ValueError, UnicodeEncodeError):
            return doc
    return doc


def _edited(data: st.DataObject) -> Any:
    doc = _record()
    paths = [p for p in _paths(doc) if p and p[-1] not in ("prev_hash", "entry_hash")]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        parent: Any = doc
        try:  # (an earlier edit may have replaced a list or an object on the way)
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = data.draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    return _rehashed(doc)


def _exact(raw: bytes, time_value: Any, limits: Limits) -> ParsedRecord | str:
    try:
        return parse_record(raw, "records/x.json", "0" * 64, "test", time_value, limits)
    except RecordInvalid as exc:
        return str(exc)
    except (ValueError, UnicodeEncodeError) as exc:  # a lone surrogate in a hashed text: not a record error
        return type(exc).__name__


def _agree(raw: bytes, limits: Limits = DEFAULT_LIMITS, fast_reads_it: bool = True) -> bool:
    """Both readings of ``raw`` agree; whether the fast path accepted the record. ``fast_reads_it``: msgspec
    reads the text (UTF-8, no BOM), so the fast path accepts whatever the exact reading accepts."""
    for time_value in (sqlite_time, datetime_time):
        fast = record_fast.fast_record(raw, "records/x.json", "0" * 64, time_value, limits)
        exact = _exact(raw, time_value, limits)
        if fast is None:
            assert not (fast_reads_it and isinstance(exact, ParsedRecord)), \
                "the fast path refused a record the exact reading accepts"
        else:
            assert fast == exact
            assert fast.entry_rows == exact.entry_rows and fast.assessment_row == exact.assessment_row
        # And the importer's reading, fast path first, says what the exact reading says.
        try:
            said: ParsedRecord | str = record_fast.read_record(raw, "records/x.json", "0" * 64, "test", time_value,
                                                               limits)
        except RecordInvalid as exc:
            said = str(exc)
        except (ValueError, UnicodeEncodeError) as exc:
            said = type(exc).__name__
        assert said == exact
    return fast is not None


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_records_are_judged_alike_and_read_into_the_same_rows(data: st.DataObject) -> None:
    doc = _edited(data)
    _agree(json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_records_are_judged_alike(data: st.DataObject) -> None:
    """Keys added, dropped and replaced anywhere (test_properties' mutations), the chain re-hashed."""
    _agree(json.dumps(_rehashed(_mutate(_record(), data))).encode())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_reader_limits_are_kept(data: st.DataObject) -> None:
    limits = replace(DEFAULT_LIMITS, max_text=data.draw(st.integers(0, 12)), max_scores=data.draw(st.integers(0, 3)),
                     max_evidence_per_version=data.draw(st.integers(0, 2)),
                     max_change_log=data.draw(st.integers(0, 9)))
    _agree(json.dumps(_edited(data)).encode(), limits)


def test_the_sample_record_takes_the_fast_path() -> None:
    raw = canonical_json(_record())
    assert record_fast.fast_record(raw, "records/x.json", "0" * 64, sqlite_time, DEFAULT_LIMITS) is not None
    assert _agree(raw)


def test_inputs_only_the_exact_reading_takes_are_read_the_exact_way() -> None:
    """A UTF-8 BOM or UTF-16 (which json.loads reads and msgspec does not) still reads; a lone surrogate in a
    hashed text is refused as before."""
    doc = _record()
    for raw in (b"\xef\xbb\xbf" + canonical_json(doc), json.dumps(doc).encode("utf-16")):
        assert record_fast.fast_record(raw, "records/x.json", "0" * 64, sqlite_time, DEFAULT_LIMITS) is None
        assert isinstance(_exact(raw, sqlite_time, DEFAULT_LIMITS), ParsedRecord)
        _agree(raw, fast_reads_it=False)
    doc["change_log"][1]["reason"] = "\ud800"
    _agree(json.dumps(doc).encode())


def test_an_entry_id_of_two_ids_on_two_lines_is_refused_the_exact_way() -> None:
    """The change log's ids are checked all at once: an id (or ``undoes``) holding a newline between two ids
    must not pass as two ids."""
    for key in ("id", "undoes"):
        doc = _record()
        doc["change_log"][1][key] = f"{UUID}\n{uuid.UUID(int=3)}"
        raw = json.dumps(_rehashed(doc)).encode()
        assert record_fast.fast_record(raw, "records/x.json", "0" * 64, sqlite_time, DEFAULT_LIMITS) is None
        assert "is not a valid change-log entry" in str(_exact(raw, sqlite_time, DEFAULT_LIMITS))
        _agree(raw)


def test_msgspec_writes_every_character_as_the_hashed_text_does() -> None:
    """The entry hash is taken over msgspec's text: every code point is written as json.dumps writes it."""
    for start in range(0, 0x110000, 0x1000):
        chars = [chr(c) for c in range(start, start + 0x1000) if not 0xD800 <= c < 0xE000]
        assert msgspec.json.encode(chars) == json.dumps(chars, ensure_ascii=False, separators=(",", ":")).encode()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_change_logs_edited_after_hashing_are_refused_alike(data: st.DataObject) -> None:
    """Entries edited after their hashes were taken (any field, any claimed hash or link, text of other lengths
    than a digest's) are refused by both readings: the fast path's cut of the hash members matches only
    when both are digests."""
    doc = _record()
    entries = doc["change_log"]
    hashes = [e["entry_hash"] for e in entries]
    for _ in range(data.draw(st.integers(1, 3))):
        entry = entries[data.draw(st.integers(0, len(entries) - 1))]
        key = data.draw(st.sampled_from(["actor", "at", "field", "old", "new", "reason", "indicator_code", "position",
                                         "prev_hash", "entry_hash", "undoes", "version_id", "kind", "chain_id"]))
        if key in ("prev_hash", "entry_hash"):
            entry[key] = data.draw(st.sampled_from([*hashes, GENESIS, "f" * 64, "F" * 64, "a" * 63, "a" * 65,
                                                    "a" * 62 + "\"a", "é" * 64]))
        elif key == "position":
            entry[key] = data.draw(st.integers(0, 8))
        else:
            entry[key] = data.draw(VALUES)
    _agree(json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode())
