"""The change log is append-only in effect: any later edit of an entry is detectable."""

from __future__ import annotations

from sqlalchemy import text

from app.store import changelog


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
