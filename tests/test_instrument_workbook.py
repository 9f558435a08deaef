"""Instruments as XLSForm-style workbooks: the round trip keeps the content hash, and every bad cell
is reported by sheet, row and column with nothing stored."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.instruments import InstrumentError, builtin_instruments, parse_instrument
from app.instruments.catalogue import stored_instruments
from app.instruments.workbooks import (
    export_instrument_workbook,
    find_known_instrument,
    import_instrument_workbook,
    template_path,
)
from app.instruments.xlsform_read import read_workbook
from app.instruments.xlsform_write import write_workbook
from app.models.domain import Instrument
from tests.conftest import small_instrument_data


@pytest.mark.parametrize("instrument", builtin_instruments(), ids=lambda i: i.id)
def test_builtin_instruments_survive_the_round_trip(instrument: Instrument, tmp_path: Path) -> None:
    path = tmp_path / "instrument.xlsx"
    write_workbook(instrument, path)
    back = read_workbook(path)
    assert back.content_hash == instrument.content_hash
    assert back == instrument


@pytest.mark.parametrize("instrument", builtin_instruments(), ids=lambda i: i.id)
def test_shipped_templates_match_what_the_exporter_writes(instrument: Instrument) -> None:
    # Regenerate with: nilai instruments export-xlsx ID --out resources/instruments/ID.xlsx
    template = template_path(instrument.id)
    assert template.is_file(), f"{template.name} is not shipped"
    assert read_workbook(template).content_hash == instrument.content_hash


def test_the_workbook_is_laid_out_for_people(tmp_path: Path, small_instrument: Instrument) -> None:
    path = tmp_path / "i.xlsx"
    write_workbook(small_instrument, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["README", "survey", "choices", "settings"]
    survey = book["survey"]
    assert survey.freeze_panes == "C2"
    assert [c.value for c in survey[1]][:6] == ["type", "name", "label::Indonesian (id)", "label::English (en)",
                                                 "weight", "required"]
    assert [c.value for c in survey[2]][:5] == ["begin group", "A", "Dimensi A", "Dimension A", 60]
    assert survey["A3"].value == "select_one A-1" and survey["F3"].value == "yes"
    assert survey.column_dimensions["G"].width >= 40 and survey["G3"].alignment.wrap_text
    choices = book["choices"]
    assert [c.value for c in choices[2]][:4] == ["A-1", "1", "Tingkat 1", "Level 1"]
    assert "Bahasa Indonesia" in book["README"]["A1"].value


# texts a spreadsheet might mangle: formulas, booleans, numbers, non-breaking spaces, smart quotes
_AWKWARD = st.sampled_from(["=SUM(A1)", "TRUE", "1", "1e5", "0012", " lead", "a\u00a0b", "\u201cquoted\u2019",
                            "line\nbreak", "tab\there", "emoji 🙂", "-", "'apostrophe", "50%"])
_TEXT = st.one_of(_AWKWARD, st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
                  .filter(str.strip))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=4, max_size=4), weight=st.floats(1, 99).map(lambda w: round(w, 7)))
def test_awkward_texts_and_weights_keep_the_hash(tmp_path: Path, texts: list[str], weight: float) -> None:
    data = small_instrument_data()
    data["title"]["id"], data["dimensions"][0]["title"]["en"] = texts[0], texts[1]
    level = data["dimensions"][0]["indicators"][0]["levels"][2]
    level["label"]["id"], level["descriptor"]["en"] = texts[2], texts[3]
    data["dimensions"][0]["weight"], data["dimensions"][1]["weight"] = weight, 100 - weight
    instrument = parse_instrument(data)
    path = tmp_path / "awkward.xlsx"
    write_workbook(instrument, path)
    assert read_workbook(path).content_hash == instrument.content_hash


# --------------------------------------------------------------------------------------------------
# Problems, each named by sheet, row and column


@pytest.fixture
def workbook(tmp_path: Path, small_instrument: Instrument) -> Path:
    path = tmp_path / "small.xlsx"
    write_workbook(small_instrument, path)
    return path


def _edit(path: Path, *edits: tuple[str, str, Any]) -> None:
    book = openpyxl.load_workbook(path)
    for sheet, cell, value in edits:
        book[sheet][cell] = value
    book.save(path)


def _problems(path: Path) -> list[str]:
    with pytest.raises(InstrumentError) as caught:
        read_workbook(path)
    return caught.value.problems


# survey rows of the small instrument: 2 begin A, 3-5 A-1..A-3, 6 end, 7 begin B, 8 B-1, 9 end


def test_a_weight_that_is_not_a_number(workbook: Path) -> None:
    _edit(workbook, ("survey", "E4", "abc"))
    assert _problems(workbook) == ["survey row 4, column weight: 'abc' is not a number"]


def test_every_bad_cell_is_reported_at_once(workbook: Path) -> None:
    _edit(workbook, ("survey", "E4", "abc"), ("survey", "F5", "maybe"), ("survey", "D8", " "),
          ("choices", "G3", "perhaps"), ("settings", "A2", "Not An Id"))
    assert _problems(workbook) == [
        "settings row 2, column form_id: 'Not An Id' is not a valid instrument id: use lower-case letters and "
        "digits joined by '-', e.g. smart-city-readiness-2018",
        "survey row 4, column weight: 'abc' is not a number",
        "survey row 5, column required: 'maybe' is not yes or no",
        "survey row 8, column label::English (en): English text is empty",
        "choices row 3, column requires_note: 'perhaps' is not yes or no",
    ]


def test_blank_cells_are_named_as_missing(workbook: Path) -> None:
    _edit(workbook, ("settings", "B2", None), ("survey", "B4", None), ("survey", "E8", None))
    assert _problems(workbook) == [
        'settings row 2, column version: no version given; write a non-empty version without leading or trailing '
        'spaces, e.g. "1.0"',
        "survey row 4, column name: no indicator code given; use upper-case letters and digits in parts joined by "
        "'-', e.g. STR-1",
        "survey row 8, column weight: no weight given; write a number such as 25",
    ]


def test_weights_that_do_not_sum_to_100(workbook: Path) -> None:
    _edit(workbook, ("survey", "E2", 50), ("survey", "E5", 25))
    assert _problems(workbook) == [
        "survey row 2: indicator weights do not sum to 100 (got 105)",
        "survey, column weight: dimension weights do not sum to 100 (got 90)",
    ]


def test_duplicate_codes_and_levels(workbook: Path) -> None:
    _edit(workbook, ("survey", "B4", "A-1"), ("survey", "B7", "A"), ("choices", "B4", 2))
    assert _problems(workbook) == [
        "survey row 4, column name: code 'A-1' is already used in row 3; every indicator needs its own code",
        "survey row 7, column name: code 'A' is already used in row 2; every dimension needs its own code",
        "choices row 4, column name: level 2 of list 'A-1' appears twice (rows 3 and 4); number the levels 1, 2, 3, …",
    ]


def test_a_list_with_no_choices(workbook: Path) -> None:
    _edit(workbook, ("survey", "A8", "select_one B-9"))
    assert _problems(workbook) == [
        "survey row 8, column type: list 'B-9' has no levels on the choices sheet; add its rubric levels there "
        "(list_name 'B-9')",
    ]


def test_groups_that_do_not_close_or_nest(workbook: Path) -> None:
    _edit(workbook, ("survey", "A9", None), ("survey", "B9", None))
    assert _problems(workbook) == ["survey row 7, column type: group 'B' is never closed: add an end group row "
                                   "after its last indicator"]
    _edit(workbook, ("survey", "A9", "end group"), ("survey", "A6", "begin group"), ("survey", "B6", "C"))
    problems = _problems(workbook)
    assert ("survey row 6, column type: a group inside group 'A' (row 2): dimensions cannot be nested; close that "
            "one with an end group row first") in problems


def test_an_indicator_outside_a_group_and_an_empty_group(workbook: Path) -> None:
    _edit(workbook, ("survey", "A7", "end group"), ("survey", "A9", "begin group"), ("survey", "B9", "C"),
          ("survey", "A10", "end group"))
    assert _problems(workbook)[:3] == [
        "survey row 7, column type: end group without a begin group above it",
        "survey row 8, column type: this indicator is outside any group: every indicator belongs to a dimension "
        "(put it between begin group and end group)",
        "survey row 9, column type: this group has no indicator: put select_one LIST rows between begin group and "
        "end group",
    ]


def test_rows_of_other_xlsform_types_are_named(workbook: Path) -> None:
    _edit(workbook, ("survey", "A3", "text"), ("survey", "A4", "select_multiple A-2"), ("survey", "A5", None))
    assert _problems(workbook) == [
        "survey row 3, column type: 'text' is not a row type of an instrument: use begin group, select_one LIST "
        "or end group",
        "survey row 4, column type: 'select_multiple A-2': an indicator is given one level, so its type is "
        "select_one LIST",
        "survey row 5, column type: no type: write begin group, select_one LIST or end group",
    ]


def test_missing_sheet_and_missing_column(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    del book["choices"]
    book["survey"]["E1"] = "wieght"
    book.save(workbook)
    assert _problems(workbook) == [
        "survey row 1: no column 'weight' (is 'wieght' meant to be it?); add it to the header row",
        "choices: the workbook has no sheet 'choices' (it has 'README', 'survey', 'settings')",
    ]


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("id,version\n", encoding="utf-8")
    assert _problems(path) == ["is not an Excel workbook (.xlsx) that can be read (BadZipFile); save it from "
                               "the spreadsheet program as .xlsx"]
    assert _problems(tmp_path / "absent.xlsx") == ["file not found"]
    old = tmp_path / "old.xls"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    assert _problems(old) == ["is an Excel 97-2003 workbook (.xls) or a password-protected one; save it from the "
                              "spreadsheet program as .xlsx, without a password"]


def test_xlsform_spellings_are_understood(workbook: Path, small_instrument: Instrument) -> None:
    # older XLSForm spellings, other capitalisation, a number typed as text with a decimal comma
    book = openpyxl.load_workbook(workbook)
    book["choices"]["A1"] = "list name"
    book["survey"]["D1"] = "Label::English (en)"
    book["survey"]["A3"] = "select one A-1"
    book["survey"]["E3"] = "50,0"
    book.save(workbook)
    assert read_workbook(workbook).content_hash == small_instrument.content_hash


# --------------------------------------------------------------------------------------------------
# The store and the command line


def test_import_keeps_the_instrument_and_a_bad_workbook_stores_nothing(store, workbook: Path,
                                                                      small_instrument: Instrument) -> None:
    bad = workbook.with_name("bad.xlsx")
    bad.write_bytes(workbook.read_bytes())
    _edit(bad, ("survey", "E4", "abc"))
    with pytest.raises(InstrumentError):
        import_instrument_workbook(store, bad)
    with store.transaction() as session:
        assert stored_instruments(session) == []
    instrument, added = import_instrument_workbook(store, workbook)
    assert added and instrument.content_hash == small_instrument.content_hash
    assert find_known_instrument(store, "test-instrument").content_hash == small_instrument.content_hash
    assert import_instrument_workbook(store, workbook)[1] is False


def test_cli_export_then_import(tmp_path: Path, capsys) -> None:
    from app.cli import main

    data, out = tmp_path / "data", tmp_path / "six.xlsx"
    assert main(["--data-dir", str(data), "instruments", "export-xlsx", "smart-city-six-dimensions",
                 "--out", str(out)]) == 0
    expected = find_known_instrument(None, "smart-city-six-dimensions").content_hash
    assert expected in capsys.readouterr().out
    assert main(["--data-dir", str(data), "instruments", "import-xlsx", str(out), "--json"]) == 0
    assert f'"hash": "{expected}"' in capsys.readouterr().out

    _edit(out, ("survey", "E3", "abc"))
    assert main(["--data-dir", str(data), "instruments", "import-xlsx", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"nilai: {out}: 1 problem(s), nothing was imported"
    assert err[1] == "  survey row 3, column weight: 'abc' is not a number"


def test_cli_export_of_an_unknown_instrument_is_one_line(tmp_path: Path, capsys) -> None:
    from app.cli import main

    code = main(["--data-dir", str(tmp_path / "d"), "instruments", "export-xlsx", "nope", "--out",
                 str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("nilai: no instrument matches 'nope'") and len(err.splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_export_refuses_a_text_a_workbook_cannot_hold(tmp_path: Path) -> None:
    data = small_instrument_data()
    data["title"]["en"] = "bell\x07"
    with pytest.raises(InstrumentError) as caught:
        export_instrument_workbook(parse_instrument(data), tmp_path / "x.xlsx")
    assert caught.value.problems == ["title (en): contains a control character that a workbook cannot hold"]
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_workbook_saved_again_by_libreoffice_keeps_the_hash(tmp_path: Path) -> None:
    instrument = find_known_instrument(None, "smart-city-readiness-2018")
    source = tmp_path / "in" / "instrument.xlsx"
    source.parent.mkdir()
    write_workbook(instrument, source)
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", str(source), "--outdir", str(tmp_path / "out")],
                   check=True, capture_output=True, timeout=120)
    assert read_workbook(tmp_path / "out" / "instrument.xlsx").content_hash == instrument.content_hash


def test_the_documented_example_imports(tmp_path: Path) -> None:
    # The tables under "### Example" in docs/instrument-format.md, typed into a workbook as a person would.
    doc = (Path(__file__).resolve().parents[1] / "docs" / "instrument-format.md").read_text(encoding="utf-8")
    example = doc.split("### Example", 1)[1].split("### Problems", 1)[0]
    book = openpyxl.Workbook()
    del book[book.sheetnames[0]]
    for part in example.split("`")[1::2]:
        if part not in ("survey", "choices", "settings"):
            continue
        table = example.split(f"`{part}`:", 1)[1].split("\n\n", 2)[1]
        sheet = book.create_sheet(part)
        for line in table.splitlines():
            if set(line) <= {"|", "-", " "}:
                continue
            sheet.append([cell.strip() or None for cell in line.strip().strip("|").split("|")])
    path = tmp_path / "example.xlsx"
    book.save(path)
    instrument = read_workbook(path)
    assert [d.code for d in instrument.dimensions] == ["STR", "INF"]
    assert instrument.indicator("INF-1").required is False
    assert instrument.indicator("STR-1").levels[1].requires_evidence is True
    assert instrument.indicator("INF-1").levels[1].label.id == "≥ 50% kecamatan"


def test_an_instrument_written_in_a_spreadsheet_is_used_by_a_new_round(tmp_path: Path, capsys) -> None:
    from app.cli import main

    data, path = tmp_path / "data", tmp_path / "own.xlsx"
    assert main(["--data-dir", str(data), "instruments", "export-xlsx", "smart-city-six-dimensions",
                 "--out", str(path)]) == 0
    capsys.readouterr()
    _edit(path, ("settings", "A2", "kota-cerdas-2019"), ("settings", "B2", "0.1"),
          ("choices", "E2", "Belum ada kebijakan sama sekali."))
    assert main(["--data-dir", str(data), "instruments", "import-xlsx", str(path), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert (imported["id"], imported["version"], imported["new"]) == ("kota-cerdas-2019", "0.1", True)
    assert main(["--data-dir", str(data), "round", "create", "--name", "Uji 2019", "--instrument",
                 "kota-cerdas-2019"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "round", "list", "--json"]) == 0
    assert "Uji 2019" in capsys.readouterr().out
