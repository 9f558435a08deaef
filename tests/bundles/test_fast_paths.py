"""The importer's fast paths give exactly what the straightforward code gives.

* the record reader against the reader as it was before (tests/bundles/reference_reader.py): the same
  records accepted with the same rows and digests, the same records refused with the same message;
* a change-log entry's hash built directly against app.store.changelog.entry_hash;
* a batch import that checks bundles ahead while a commit runs: a bundle that adds what the checks
  depend on is not checked ahead of, a known bundle is not checked again, a bundle whose commit fails
  is rejected whole and the next one still imports.
"""

from __future__ import annotations

import copy
import json
import shutil
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bundles.errors import RecordInvalid
from app.bundles.format import canonical_json
from app.bundles.manifest import entry_hash_of, parse_record, sqlite_time
from tests.bundles import reference_reader
from tests.bundles.helpers import Demo, db_digest, export, open_store_at
from tests.bundles.test_properties import _mutate, _record


def _outcome(reader, raw: bytes, time_value) -> tuple[str, object]:
    try:
        return "ok", reader(raw, "records/x.json", "0" * 64, "test", time_value)
    except RecordInvalid as exc:
        return "refused", str(exc)


def _same(raw: bytes) -> None:
    for time_value in (sqlite_time, reference_reader.datetime_time):
        fast = _outcome(parse_record, raw, time_value)
        reference = _outcome(reference_reader.parse_record, raw, time_value)
        assert fast == reference


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_record_reader_agrees_with_the_reference(data: st.DataObject) -> None:
    doc = _mutate(_record(), data)
    _same(json.dumps(doc).encode())


TEXT = st.text(max_size=12) | st.sampled_from(["", "\"", "\\", "\u2028", "\x00\x1f", "é", "日本", "\U0001f600",
                                                 "</script>", "a\"b\\c\nd"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_change_logs_are_judged_like_the_reference(data: st.DataObject) -> None:
    """Entries edited after hashing (any text, positions, links) are refused with the same first problem."""
    doc = _record()
    entries = doc["change_log"]
    for _ in range(data.draw(st.integers(1, 3))):
        entry = entries[data.draw(st.integers(0, len(entries) - 1))]
        key = data.draw(st.sampled_from(["actor", "at", "field", "old", "new", "reason", "indicator_code", "position",
                                         "prev_hash", "entry_hash", "undoes", "version_id", "kind"]))
        if key == "position":
            entry[key] = data.draw(st.integers(0, 5))
        elif key in ("prev_hash", "entry_hash"):
            entry[key] = data.draw(st.sampled_from([e["entry_hash"] for e in entries] + ["0" * 64, "f" * 64]))
        elif key in ("undoes", "version_id"):
            entry[key] = data.draw(st.sampled_from([None, str(uuid.UUID(int=2)), str(uuid.UUID(int=77))]))
        elif key == "kind":
            entry[key] = data.draw(st.sampled_from(["edit", "undo", "redo"]))
        else:
            entry[key] = data.draw(TEXT)
    _same(canonical_json(doc))


def test_the_unmutated_record_reads_the_same() -> None:
    raw = canonical_json(_record())
    _same(raw)
    assert _outcome(parse_record, raw, sqlite_time)[0] == "ok"


def test_many_scores_and_times_read_the_same() -> None:
    """Scores at many different times (the reader remembers times it has checked) and in other zones."""
    doc = _record()
    doc["scores"] = [{"indicator_code": f"A-{i}", "level": i % 5 or None, "not_applicable": i % 5 == 0,
                      "note": "n" * (i % 3), "updated_at": f"2018-03-0{1 + i % 7}T0{i % 10}:00:00{'.5' if i % 2 else ''}"
                      + ("+07:00" if i % 3 else "Z")} for i in range(60)]
    doc["scores"][7]["updated_at"] = doc["scores"][3]["updated_at"]
    _same(canonical_json(doc))
    bad = copy.deepcopy(doc)
    bad["scores"][40]["updated_at"] = "2018-02-30T00:00:00Z"  # well formed, but no such day
    _same(canonical_json(bad))
    bad["scores"][20]["updated_at"] = bad["scores"][40]["updated_at"]  # the first bad one is named
    _same(canonical_json(bad))


def _judged(reader, raw: bytes) -> tuple[str, str]:
    """What a reader makes of a record: ok, or the exception it raises (a lone surrogate in a change-log
    text is not a RecordInvalid in either reader: the import rejects the bundle as one it could not check)."""
    try:
        reader(raw, "records/x.json", "0" * 64, "test", sqlite_time)
    except Exception as exc:  # noqa: BLE001 - compared, not swallowed
        return type(exc).__name__, str(exc)
    return "ok", ""


def test_inputs_the_two_json_readers_take_differently_read_the_same() -> None:
    """The fast reading (orjson) refuses a UTF-8 BOM, other encodings, lone surrogates; it reads a whole number
    past 64 bits as a float. Each such record is judged exactly as the json module's reading judges it."""
    doc = _record()
    raw = canonical_json(doc)
    _same(b"\xef\xbb\xbf" + raw)  # accepted by both
    assert _outcome(parse_record, b"\xef\xbb\xbf" + raw, sqlite_time)[0] == "ok"
    _same(json.dumps(doc).encode("utf-16"))
    assert _outcome(parse_record, json.dumps(doc).encode("utf-16"), sqlite_time)[0] == "ok"
    for edit in ({"position": 2**70}, {"position": 2**64 - 1}, {"old": "\ud800"}, {"new": "a\udfff"}):
        bad = copy.deepcopy(doc)
        bad["change_log"][1].update(edit)
        raw = json.dumps(bad).encode()  # surrogates escaped, as json.dumps writes them
        judged = {_judged(reader, raw) for reader in (parse_record, reference_reader.parse_record)}
        assert len(judged) == 1 and next(iter(judged))[0] != "ok", judged
    scored = copy.deepcopy(doc)
    scored["scores"][0]["level"] = 2**80
    _same(json.dumps(scored).encode())
    assert "level" in str(_outcome(parse_record, json.dumps(scored).encode(), sqlite_time)[1])


def test_a_record_nests_record_depth_deep_so_the_fast_reading_skips_the_nesting_check() -> None:
    """A record that passes the checks is RECORD_DEPTH levels deep at most, so the fast reading, which has no
    nesting check, accepts nothing the nesting check refuses; a reader whose limit is below that depth reads
    the exact way, and refuses the record for its nesting."""
    from dataclasses import replace

    from app.bundles.format import DEFAULT_LIMITS, json_depth_problem
    from app.bundles.manifest import RECORD_DEPTH

    raw = canonical_json(_record())
    assert json_depth_problem(raw, RECORD_DEPTH) is None
    assert json_depth_problem(raw, RECORD_DEPTH - 1) is not None
    shallow = replace(DEFAULT_LIMITS, max_json_depth=RECORD_DEPTH - 1)
    with pytest.raises(RecordInvalid, match=f"nested more than {RECORD_DEPTH - 1} levels deep"):
        parse_record(raw, "records/x.json", "0" * 64, "test", sqlite_time, shallow)
    nested = copy.deepcopy(_record())
    nested["scores"][0]["note"] = [[["deep"]]]  # too deep for any valid record, well within the limit
    _same(json.dumps(nested).encode())


ENTRY_VALUES = st.fixed_dictionaries({
    "id": st.uuids().map(str), "chain_id": TEXT, "position": st.integers(0, 10**12),
    "version_id": st.none() | st.uuids().map(str), "indicator_code": TEXT, "field": TEXT, "old": TEXT, "new": TEXT,
    "reason": TEXT, "kind": st.sampled_from(["edit", "undo", "redo"]), "undoes": st.none() | st.uuids().map(str),
    "actor": TEXT, "at": TEXT, "prev_hash": st.just("0" * 64), "entry_hash": st.just(""),
})


@settings(max_examples=500, deadline=None)
@given(ENTRY_VALUES, st.sampled_from(["0" * 64, "ab" * 32]))
def test_entry_hash_of_is_entry_hash(entry: dict, prev: str) -> None:
    from app.store.changelog import entry_hash

    assert entry_hash_of(entry, prev) == entry_hash(SimpleNamespace(**entry), prev)


HEX = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


@settings(max_examples=500, deadline=None)
@given(ENTRY_VALUES, HEX, HEX | TEXT)
def test_the_chained_hash_is_entry_hash_and_matches_no_other_claim(entry: dict, prev: str, claimed: str) -> None:
    """orjson's text of an entry minus its two hash members hashes as app.store.changelog.entry_hash does; a claimed
    entry_hash that is not the real hash is never matched (whatever text it is)."""
    from app.bundles.manifest import chained_hash
    from app.store.changelog import entry_hash

    real = entry_hash(SimpleNamespace(**entry), prev)  # (st.text() has no lone surrogates: orjson writes them all)
    for value in (real, claimed):
        entry = {**entry, "prev_hash": prev, "entry_hash": value}
        fast = chained_hash(entry, prev)
        if value == real or (len(value) == 64 and set(value) <= set("0123456789abcdef")):
            assert fast == real  # the two hash members cut out exactly
        assert (fast == value) == (value == real)


def test_orjson_writes_every_character_as_the_hashed_text_does() -> None:
    """The chained hash leans on orjson escaping exactly as json.dumps(ensure_ascii=False): every code point."""
    import orjson

    for start in range(0, 0x110000, 0x10000):
        text = "".join(chr(c) for c in range(start, start + 0x10000) if not 0xD800 <= c <= 0xDFFF)
        assert orjson.dumps(text) == json.dumps(text, ensure_ascii=False).encode("utf-8")
    with pytest.raises(orjson.JSONEncodeError):  # a lone surrogate: the reader hashes the exact way instead
        orjson.dumps("\ud800")


def test_a_change_log_value_past_the_text_limit_is_refused_in_an_intact_chain() -> None:
    """The reader skips the three length checks of an entry whose whole text is within the limit; one value
    past it, in a chain that holds, is still refused (and one at it read)."""
    from dataclasses import replace

    from app.bundles.format import DEFAULT_LIMITS

    record = _record()
    longest = max(len(e[key]) for e in record["change_log"] for key in ("old", "new", "reason"))
    assert longest > max(len(s["note"]) for s in record["scores"])  # the longest text is in the change log
    raw = canonical_json(record)
    parse_record(raw, "records/x.json", "0" * 64, "test", sqlite_time, replace(DEFAULT_LIMITS, max_text=longest))
    with pytest.raises(RecordInvalid, match="the limit on text"):
        parse_record(raw, "records/x.json", "0" * 64, "test", sqlite_time,
                     replace(DEFAULT_LIMITS, max_text=longest - 1))


def test_the_entry_rows_are_the_entries_in_column_order() -> None:
    from app.bundles.manifest import ENTRY_FIELDS, ENTRY_ROW_FIELDS
    from app.models.tables import ChangeLogEntry

    record = _record()
    parsed = parse_record(canonical_json(record), "records/x.json", "0" * 64, "test", sqlite_time)
    assert tuple(ChangeLogEntry.__table__.columns.keys()) == ENTRY_FIELDS
    assert parsed.entry_rows == [tuple(e[name] for name in ENTRY_ROW_FIELDS) for e in record["change_log"]]


# -- batches: checking ahead while a commit runs ----------------------------------------------


def _coordinator(demo: Demo, tmp_path: Path) -> Path:
    coordinator = tmp_path / "coordinator"
    shutil.copytree(demo.coordinator, coordinator)
    return coordinator


def _trust(demo: Demo) -> dict:
    from app.bundles.trust import certs_from

    return certs_from(directory=demo.certs)


def test_a_batch_with_a_bundle_twice_imports_it_once(demo: Demo, tmp_path: Path) -> None:
    from app.bundles.importer import import_bundles

    one, two = export(demo, 0, tmp_path / "a.nilai"), export(demo, 1, tmp_path / "b.nilai")
    store = open_store_at(_coordinator(demo, tmp_path))
    try:
        report = import_bundles(store, [one, one, two, one, two], extra_trust=_trust(demo), workers=0)
    finally:
        store.close()
    assert [b.outcome for b in report.bundles] == ["imported", "already_imported", "imported", "already_imported",
                                                    "already_imported"]


def test_known_bundles_are_not_checked_again(demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.bundles import import_steps, importer

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    store = open_store_at(_coordinator(demo, tmp_path))
    try:
        first = importer.import_bundles(store, bundles, extra_trust=_trust(demo), workers=0)
        assert [b.outcome for b in first.bundles] == ["imported"] * 3
        checked = []
        real = import_steps.verify_opened
        monkeypatch.setattr(import_steps, "verify_opened", lambda opened, context: checked.append(opened.label)
                            or real(opened, context))
        again = importer.import_bundles(store, bundles, extra_trust=_trust(demo), workers=0)
    finally:
        store.close()
    assert [b.outcome for b in again.bundles] == ["already_imported"] * 3
    assert checked == []


def test_nothing_is_checked_ahead_of_a_bundle_that_adds_a_round(demo: Demo, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Into an empty store: the first bundle brings the round and instrument that the checks of the next
    bundles use, so they are checked only once it has committed; after that, bundles are checked ahead."""
    from app.bundles import importer
    from app.store import open_store

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in (0, 1, 2)]
    calls: list[tuple[str, bool]] = []
    real = importer.check
    monkeypatch.setattr(importer, "check", lambda store, path, context, ahead=False: calls.append((path.name, ahead))
                        or real(store, path, context, ahead))
    store = open_store(tmp_path / "empty")
    try:
        report = importer.import_bundles(store, bundles, extra_trust=_trust(demo), workers=0)
    finally:
        store.close()
    assert [b.outcome for b in report.bundles] == ["imported"] * 3
    assert calls == [("0.nilai", False), ("1.nilai", False), ("2.nilai", True)]


def test_a_bundle_whose_commit_fails_is_rejected_whole_and_the_next_one_imports(
        demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import IntegrityError
    from sqlmodel import func, select

    from app.bundles import importer, merge_transaction
    from app.models.sync import BundleReceipt
    from app.models.tables import Assessment

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    coordinator = _coordinator(demo, tmp_path)
    store = open_store_at(coordinator)
    commits = []
    real = merge_transaction.Pending.commit

    def commit(self) -> None:
        commits.append(self)
        if len(commits) == 2:  # the second bundle's commit is refused by the database
            self.transaction.__exit__(IntegrityError, IntegrityError("COMMIT", {}, Exception("constraint")), None)
            raise IntegrityError("COMMIT", {}, Exception("constraint failed at commit"))
        real(self)

    monkeypatch.setattr(merge_transaction.Pending, "commit", commit)
    try:
        report = importer.import_bundles(store, bundles, extra_trust=_trust(demo), workers=0)
        with store.transaction() as session:
            receipts = session.exec(select(func.count()).select_from(BundleReceipt)).one()
            rejected = report.bundles[1]
            versions = {r.version_id for r in rejected.records}
            kept = session.exec(select(func.count()).select_from(Assessment)
                                .where(Assessment.version_id.in_(versions))).one()  # type: ignore[attr-defined]
    finally:
        store.close()
    assert [b.outcome for b in report.bundles] == ["imported", "rejected", "imported"]
    assert rejected.error_kind == "refused" and "constraint failed at commit" in rejected.reason
    assert all(r.outcome == "rejected" for r in rejected.records)
    assert kept == 0
    assert receipts == 2


def test_a_rejected_batch_leaves_the_database_unchanged(demo: Demo, tmp_path: Path) -> None:
    """Checking ahead and the checkpoint helper write nothing for bundles that are all rejected."""
    from app.bundles.importer import import_bundles

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    for path in bundles:
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 1
        path.write_bytes(bytes(data))
    coordinator = _coordinator(demo, tmp_path)
    before = db_digest(coordinator)
    store = open_store_at(coordinator)
    try:
        report = import_bundles(store, bundles, extra_trust=_trust(demo), workers=0)
    finally:
        store.close()
    assert [b.outcome for b in report.bundles] == ["rejected"] * 3
    assert db_digest(coordinator) == before


# Columns an import fills with the moment or a fresh random id (not from the bundles): not compared.
_VOLATILE = {
    "imported_version": {"imported_at"}, "bundle_receipt": {"imported_at"},
    "record_conflict": {"id", "variant_id", "detected_at"}, "branch_change_log": {"id", "variant_id"},
    "version_variant": {"id", "received_at"}, "round": {"created_at"}, "candidate": {"id"},
    "assessor": {"created_at"}, "trusted_certificate": {"trusted_at"},
}


def _rows(data_dir: Path) -> dict[str, list[tuple]]:
    """Every row of the tables an import writes (all columns but those in _VOLATILE)."""
    import sqlite3

    from tests.bundles.helpers import db_file

    connection = sqlite3.connect(db_file(data_dir))
    try:
        found = {}
        for table in ("assessment", "score", "evidence", "change_log", "imported_version", "bundle_receipt",
                      "record_conflict", "branch_change_log", "version_variant", "round", "candidate", "assessor",
                      "trusted_certificate"):
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info({table})")
                       if c[1] not in _VOLATILE.get(table, set())]
            found[table] = sorted(connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(),
                                  key=repr)
        return found
    finally:
        connection.close()


def test_a_batch_imports_exactly_like_one_bundle_at_a_time(demo: Demo, tmp_path: Path) -> None:
    """Checking ahead while commits run changes nothing: a batch of good, damaged, forged, repeated,
    newer and conflicting bundles gives the same outcomes and the same rows as importing each alone."""
    import random

    from app.bundles.importer import import_bundles
    from app.bundles.trust import cert_info
    from app.identity import create_identity, load_identity
    from tests.bundles.helpers import PASSPHRASE
    from tests.bundles.hostile import OPERATORS, Ctx
    from tests.bundles.test_end_to_end import _make_bundles

    b = _make_bundles(demo, tmp_path)
    outsider = tmp_path / "outsider"
    outsider.mkdir()
    create_identity(outsider, "Penyusup", "199001012020011001", "Tidak Dikenal", PASSPHRASE)
    other = load_identity(demo.assessors[1]).cert_pem.encode("ascii")
    mutants = []
    for n, (name, seed) in enumerate([("flip entry bytes", 3), ("re-signed broken manifest", 5),
                                      ("drop entry", 7), ("forged signature", 11), ("truncate file", 13)]):
        ctx = Ctx(b["first"][n % 3], tmp_path / f"mutant-{n}.nilai", demo.assessors[n % 3], outsider, other)
        mutants.append(OPERATORS[name](ctx, random.Random(seed)))
    batch = [b["first"][0], mutants[0], b["edited"], b["first"][1], mutants[1], b["first"][0], b["branch_b"],
             mutants[2], b["first"][2], mutants[3], b["branch_a"], mutants[4], b["edited"]]
    trust = {info.fingerprint: cert_info(info.cert_pem.encode("ascii"), info.name)
             for info in (load_identity(d) for d in demo.assessors)}

    def outcomes(report) -> list[tuple]:
        return [(r.file, r.outcome, r.error_kind, r.reason, sorted((x.version_id, x.outcome) for x in r.records))
                for r in report.bundles]

    together, alone = tmp_path / "together", tmp_path / "alone"
    for target in (together, alone):
        shutil.copytree(demo.coordinator, target)
    store = open_store_at(together)
    try:
        batch_report = outcomes(import_bundles(store, batch, extra_trust=trust, workers=0))
    finally:
        store.close()
    single_report = []
    for path in batch:
        store = open_store_at(alone)
        try:
            single_report += outcomes(import_bundles(store, [path], extra_trust=trust, workers=0))
        finally:
            store.close()
    assert batch_report == single_report
    assert {o[1] for o in batch_report} == {"imported", "already_imported", "rejected"}
    assert any(outcome == "conflict" for o in batch_report for _v, outcome in o[4])
    rows = _rows(together)
    assert rows == _rows(alone)
    assert rows["record_conflict"] and rows["score"] and rows["change_log"]


def test_the_helper_process_checks_are_not_used_once_the_batch_added_a_round(demo: Demo, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper process knows the store as it was when the batch began: after a bundle added a round
    and its instrument, the next bundles are checked here, against what the store knows now."""
    from app.bundles import import_steps, importer
    from app.store import open_store

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    here: list[str] = []
    real = import_steps.verify_bundle
    monkeypatch.setattr(import_steps, "verify_bundle", lambda path, context: here.append(Path(path).name)
                        or real(path, context))
    store = open_store(tmp_path / "empty")
    try:
        report = importer.import_bundles(store, bundles, extra_trust=_trust(demo), workers=1)
    finally:
        store.close()
    assert [b.outcome for b in report.bundles] == ["imported"] * 3
    assert here == ["1.nilai", "2.nilai"]
