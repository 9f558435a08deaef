"""The change log is append-only in effect: any later edit of an entry is detectable.

Appending follows the chain's tail in the store whatever this process remembers of it: another
engine's entries, a rolled-back append and a tail gone from the store never fork or gap the chain.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import text

from app.store import Store, changelog, open_store


def _write_three(store) -> None:
    with store.transaction() as session:
        for n in range(3):
            changelog.append(session, "record-1", field="level", old=str(n), new=str(n + 1), actor="Siti",
                             version_id="v1", indicator_code="A-1")
        changelog.append(session, "record-2", field="note", old="", new="catatan", actor="Budi")


def test_intact_chain_verifies(store) -> None:
    _write_three(store)
    with store.transaction() as session:
        assert changelog.verify_chain(session) == []
        entries = changelog.chain_entries(session, "record-1")
    assert [e.position for e in entries] == [0, 1, 2]
    assert entries[0].prev_hash == changelog.GENESIS
    assert entries[1].prev_hash == entries[0].entry_hash


def test_edited_row_is_detected(store) -> None:
    _write_three(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE change_log SET new = '5' WHERE chain_id = 'record-1' AND position = 1"))
    with store.transaction() as session:
        problems = changelog.verify_chain(session)
    assert [(p.chain_id, p.position) for p in problems] == [("record-1", 1)]
    assert "edited" in str(problems[0])


def test_deleted_row_is_detected(store) -> None:
    _write_three(store)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM change_log WHERE chain_id = 'record-1' AND position = 1"))
    with store.transaction() as session:
        problems = changelog.verify_chain(session, "record-1")
    assert problems and all(p.chain_id == "record-1" for p in problems)


def test_rehashing_an_edit_still_breaks_the_next_link(store) -> None:
    _write_three(store)
    with store.transaction() as session:
        entry = changelog.chain_entries(session, "record-1")[0]
        entry.new = "forged"
        entry.entry_hash = changelog.entry_hash(entry, entry.prev_hash)  # a careful forger
        session.add(entry)
    with store.transaction() as session:
        problems = changelog.verify_chain(session, "record-1")
    assert [p.position for p in problems] == [1]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)])])
def two_views(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two engines on one store, as two processes (or a window and a background task) have it."""
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    first = open_store(tmp_path, url)
    second = open_store(tmp_path, url)
    yield first, second
    second.close()
    first.close()


def _log(store: Store, n: int) -> None:
    with store.transaction() as session:
        changelog.append(session, "record-1", field="level", old=str(n), new=str(n + 1), actor="Siti",
                         version_id="v1", indicator_code="A-1")


def _chain(store: Store) -> list[tuple[int, str]]:
    with store.transaction() as session:
        assert changelog.verify_chain(session) == []
        return [(e.position, e.new) for e in changelog.chain_entries(session, "record-1")]


def test_writers_taking_turns_extend_one_chain(two_views: tuple[Store, Store]) -> None:
    first, second = two_views
    for n in range(6):  # each writer's remembered tail is stale on every turn after its first
        _log(first if n % 3 else second, n)
    assert _chain(first) == [(n, str(n + 1)) for n in range(6)]


def test_a_rolled_back_append_leaves_no_gap(two_views: tuple[Store, Store]) -> None:
    first, _ = two_views
    _log(first, 0)
    with pytest.raises(ValueError, match="refused"), first.transaction() as session:
        changelog.append(session, "record-1", field="level", old="1", new="9", actor="Siti")
        raise ValueError("refused after its entry was written")  # the whole change rolls back
    _log(first, 1)
    assert _chain(first) == [(0, "1"), (1, "2")]


def test_the_stored_tail_wins_over_the_remembered_one(two_views: tuple[Store, Store]) -> None:
    first, second = two_views
    for n in range(3):
        _log(first, n)
    with second.engine.begin() as conn:  # the tail this process wrote is gone from the store
        conn.execute(text("DELETE FROM change_log WHERE chain_id = 'record-1' AND position = 2"))
    _log(first, 7)
    assert _chain(first) == [(0, "1"), (1, "2"), (2, "8")]


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)  # (a lone surrogate is no UTF-8)


@settings(max_examples=300, deadline=None)
@given(st.builds(changelog.LoggedEntry, id=_text, chain_id=_text, position=st.integers(-1, 2**62), version_id=st.none() | _text,
                 indicator_code=_text, field=_text, old=_text, new=_text, reason=_text, kind=_text,
                 undoes=st.none() | _text, actor=_text, at=_text, prev_hash=_text, entry_hash=st.just("")))
def test_the_hash_append_builds_is_the_definitions(entry: changelog.LoggedEntry) -> None:
    """append formats an entry's text itself (every score change); the definition is json.dumps of its fields."""
    assert changelog.new_entry_hash(entry) == changelog.entry_hash(entry, entry.prev_hash)


def test_a_value_of_another_type_is_hashed_by_the_definition() -> None:
    entry = changelog.LoggedEntry("i", "c", 0, None, "A-1", "level", 3, "4", "", "edit", None, "Siti", "t", "0" * 64, "")  # type: ignore[arg-type]
    assert changelog.new_entry_hash(entry) == changelog.entry_hash(entry, entry.prev_hash)
