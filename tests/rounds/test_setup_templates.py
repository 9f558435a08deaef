"""The shipped spreadsheet templates: made by app.rounds.setup.templates, read by the importers as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.rounds.setup import import_assessors, new_round, read_column, resolve_file, round_assessors
from app.rounds.setup.templates import TEMPLATES, template_path, write_template


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_the_shipped_template_is_what_the_module_makes(kind: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"{kind}.xlsx"
    write_template(kind, fresh)

    def contents(path: Path) -> dict[str, list[tuple]]:
        book = load_workbook(path)
        try:
            return {sheet.title: [tuple(c.value for c in row) for row in sheet.iter_rows()]
                    for sheet in book.worksheets}
        finally:
            book.close()

    assert contents(template_path(kind)) == contents(fresh), "run: python -m app.rounds.setup.templates"
    book = load_workbook(template_path(kind))
    header = book.worksheets[0][1]
    assert all(c.comment is not None and "\n\n" in c.comment.text for c in header)  # Indonesian, then English
    # the examples right under the header, in sight: a coordinator filling rows from 2 writes over them
    # (once they sat at row 1001, out of sight, and were imported with the coordinator's own people)
    filled = [row[0].row for row in book.worksheets[0].iter_rows(min_row=2) if any(c.value for c in row)]
    assert filled == [2, 3]


def test_the_assessors_template_imports_as_it_is(store) -> None:
    round_id = new_round(store, name="R", instrument_id="smart-city-readiness-2018")
    assert import_assessors(store, round_id, template_path("assessors")) == 2
    people = {a.name: a for a in round_assessors(store, round_id)}
    siti = people["Dr. Siti Rahmawati"]
    assert (siti.nip, siti.province_code, siti.region_code, set(siti.conflicts)) == (
        "198001012005012001", "32", "3273", {"3277", "3205"})
    assert people["Budi Santoso"].province_code == "31"


def test_the_candidates_template_resolves_as_it_is() -> None:
    resolved = resolve_file(template_path("candidates"))
    assert [line.region.code for _, line in resolved if line.region] == ["3273", "6303"]
    assert [where for where, _ in resolved] == ["sheet Candidates, row 2, column region",
                                                "sheet Candidates, row 3, column region"]
    assert read_column(template_path("candidates"), "note") == ["Kota Bandung, Jawa Barat", "Kalimantan Selatan"]
