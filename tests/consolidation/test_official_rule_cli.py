"""`nilai round official-rule`: the round's official rule and its log, changed with a reason; and every export
(CSV, XLSX, PDF report, and their shortlists) says which rule made it and whether that is the official one."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import select

from app.base.ids import short_id
from app.cli import main
from app.models.tables import ChangeLogEntry, Round
from tests.consolidation.test_adjusted_rule import linked_round, unlinked_round
from tests.consolidation.test_report_pdf import pdf_text

ACTOR = "Koordinator Uji <197501012000031001>"


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def logged(store, round_id: str) -> list[tuple[str, str, str, str]]:
    with store.transaction() as session:
        entries = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == f"ranking-rule:{round_id}")
                               .order_by(ChangeLogEntry.position)).all()
        return [(e.old, e.new, e.actor, e.reason) for e in entries]


def rule_of(store, round_id: str) -> str:
    with store.transaction() as session:
        return session.get(Round, round_id).aggregation_rule


def test_show_set_and_log(store, capsys) -> None:
    round_id = linked_round(store).round_id
    assert run(store.data_dir, "round", "official-rule") == 0
    out = capsys.readouterr().out
    assert f"official rule of round {short_id(round_id)}: mean" in out and "never changed" in out
    assert run(store.data_dir, "round", "official-rule", "--set", "adjusted", "--reason", "panels differ in severity",
               "--actor", ACTOR) == 0
    assert "is now adjusted" in capsys.readouterr().out
    assert rule_of(store, round_id) == "adjusted"
    assert logged(store, round_id) == [("mean", "adjusted", ACTOR, "panels differ in severity")]
    assert run(store.data_dir, "round", "official-rule", "--set", "adjusted", "--reason", "again", "--actor",
               ACTOR) == 0
    assert "already was adjusted; nothing was written" in capsys.readouterr().out
    assert len(logged(store, round_id)) == 1
    assert run(store.data_dir, "round", "official-rule", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["rule"] == "adjusted" and [(e["old"], e["new"], e["actor"]) for e in shown["history"]] == [
        ("mean", "adjusted", ACTOR)]


def test_bad_requests_change_nothing_and_say_so_in_one_line(store, capsys) -> None:
    round_id = unlinked_round(store).round_id
    assert run(store.data_dir, "round", "official-rule", "--set", "median", "--actor", ACTOR) == 1
    err = capsys.readouterr().err
    assert err.startswith("nilai: ") and "--reason" in err and err.count("\n") == 1
    assert run(store.data_dir, "round", "official-rule", "--set", "adjusted", "--reason", "try", "--actor",
               ACTOR) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "not changed" in err and err.count("\n") == 1
    assert run(store.data_dir, "round", "official-rule", "--reason", "no rule") == 1
    assert "go with --set" in capsys.readouterr().err
    assert rule_of(store, round_id) == "mean" and logged(store, round_id) == []


def csv_rules(path: Path) -> tuple[set[tuple[str, str]], list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return ({(r["aggregation_rule"], r["official_rule"]) for r in rows},
            [r["region_code"] for r in rows if r["shortlist_2"] == "yes"])


def test_every_export_names_its_rule_and_whether_it_is_official(store, tmp_path: Path, capsys) -> None:
    linked_round(store)
    assert run(store.data_dir, "round", "official-rule", "--set", "adjusted", "--reason", "linked panels",
               "--actor", ACTOR) == 0
    # the official rule, taken without --rule
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "r.csv")) == 0
    assert csv_rules(tmp_path / "r.csv") == ({("adjusted", "adjusted")}, ["1103", "1104"])  # the shortlist, its rule
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "r.xlsx"), "--report-lang", "en") == 0
    book = load_workbook(tmp_path / "r.xlsx")
    header = [cell.value for cell in book["Ranking"][1]]
    column = header.index("aggregation_rule")
    official = header.index("official_rule")
    assert {(row[column], row[official]) for row in book["Ranking"].iter_rows(min_row=2, values_only=True)} == {
        ("adjusted", "adjusted")}
    method = {row[0]: row[1] for row in book["Method"].iter_rows(values_only=True) if row and row[0]}
    assert method["Official rule"] == ("This ranking and its shortlists are made with the rule adjusted, the "
                                       "round's official rule.")
    assert "adjusted for assessor severity" in method["Combining the panel"]
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "r.pdf"), "--report-lang", "en") == 0
    text = " ".join(pdf_text((tmp_path / "r.pdf").read_bytes(), tmp_path).split())
    assert "Aggregation rule adjusted (official)" in text and "the round's official rule." in text
    assert "· adjusted" in text  # the footer of every page
    # another rule than the official one: every format says the shortlist is not the round's
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "m.csv"), "--rule", "mean") == 0
    assert csv_rules(tmp_path / "m.csv") == ({("mean", "adjusted")}, ["1101", "1103"])  # not the round's shortlist
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "m.xlsx"), "--rule", "mean",
               "--report-lang", "id") == 0
    method = {row[0]: row[1] for row in load_workbook(tmp_path / "m.xlsx")["Method"].iter_rows(values_only=True)
              if row and row[0]}
    assert "BUKAN aturan resmi putaran (adjusted)" in method["Aturan resmi"]
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "m.pdf"), "--rule", "mean",
               "--report-lang", "en") == 0
    text = " ".join(pdf_text((tmp_path / "m.pdf").read_bytes(), tmp_path).split())
    assert "mean (NOT official: adjusted)" in text and "NOT the round's official rule (adjusted)" in text
