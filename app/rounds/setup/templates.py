"""The spreadsheet templates coordinators start from (resources/templates/): the columns the
importers read, two example rows, and notes on every column in Indonesian and English.

The shipped files are made by this module (`python -m app.rounds.setup.templates`), and a test
checks they still match it and import cleanly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.base.paths import resources_dir

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# column -> (Indonesian note, English note)
ASSESSOR_COLUMNS: dict[str, tuple[str, str]] = {
    "name": ("Nama lengkap penilai (wajib).", "The assessor's full name (required)."),
    "nip": ("NIP, hanya angka; kolom ini berformat Teks agar 18 digit tidak terpotong. Penilai yang NIP-nya sudah "
            "dikenal diperbarui, bukan digandakan.",
            "Civil-servant number, digits only; the column is formatted as Text so 18 digits are kept. An assessor "
            "whose NIP is already known is updated, not added twice."),
    "organisation": ("Instansi atau lembaga.", "Organisation or institution."),
    "role": ("Unsur: academic (akademisi), government (pemerintah), practitioner (praktisi), atau teks lain.",
             "Role: academic, government, practitioner, or any other text."),
    "province": ("Provinsi asal: nama atau kode dua digit (32 = Jawa Barat). Penilai tidak dijadwalkan menilai "
                 "daerah dari provinsinya sendiri.",
                 "Home province: name or two-digit code (32 = Jawa Barat). The assessor is never scheduled for a "
                 "candidate of their own province."),
    "region": ("Kabupaten/kota asal (boleh kosong): nama atau kode BPS empat digit.",
               "Home regency/city (may be empty): name or four-digit BPS code."),
    "conflicts": ("Konflik kepentingan lain: kabupaten/kota (kode BPS atau nama) dipisah titik koma ';'.",
                  "Other declared conflicts of interest: regencies/cities (BPS code or name) separated by ';'."),
}
ASSESSOR_EXAMPLES = [
    ["Dr. Siti Rahmawati", "198001012005012001", "Institut Teknologi Bandung", "academic", "Jawa Barat",
     "Kota Bandung", "3277; Kabupaten Garut"],
    ["Budi Santoso", "197503152000031002", "Kementerian Komunikasi dan Informatika", "government", "31", "", ""],
]

CANDIDATE_COLUMNS: dict[str, tuple[str, str]] = {
    "region": ("Kabupaten/kota kandidat: kode BPS empat digit (3273 atau 32.73) atau nama (Kota Bandung, "
               "Kab. Banjar). Nama yang dipakai dua daerah (Banjar, Bandung) harus ditulis lengkap atau dengan kode.",
               "Candidate regency/city: four-digit BPS code (3273 or 32.73) or name (Kota Bandung, Kab. Banjar). "
               "A name two regions share (Banjar, Bandung) must be written in full or as a code."),
    "note": ("Catatan bebas; tidak dibaca saat impor.", "Free notes; not read on import."),
}
CANDIDATE_EXAMPLES = [["3273", "Kota Bandung, Jawa Barat"], ["Kabupaten Banjar", "Kalimantan Selatan"]]

TEMPLATES = {
    "assessors": ("Assessors", ASSESSOR_COLUMNS, ASSESSOR_EXAMPLES),
    "candidates": ("Candidates", CANDIDATE_COLUMNS, CANDIDATE_EXAMPLES),
}
_HEADER_FILL_COLOR = "DDEBF7"  # the header row's solid fill


def template_path(kind: str) -> Path:
    """The shipped template ("assessors" or "candidates") the desktop offers to save a copy of."""
    if kind not in TEMPLATES:
        raise LookupError(f"no template {kind!r}; the templates are {', '.join(TEMPLATES)}")
    return resources_dir() / "templates" / f"{kind}.xlsx"


def _notes_sheet(sheet: Worksheet, columns: dict[str, tuple[str, str]]) -> None:
    # deferred: openpyxl (and numpy) load when a template is written, not at the desktop's start
    from openpyxl.styles import Alignment, Font

    sheet.append(["kolom / column", "Petunjuk (Bahasa Indonesia)", "Notes (English)"])
    for name, (note_id, note_en) in columns.items():
        sheet.append([name, note_id, note_en])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABC", (16, 70, 70), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_template(kind: str, path: Path) -> None:
    """One template workbook: the data sheet first (what the importer reads), then the notes."""
    # deferred: openpyxl (and numpy) load when a template is written, not at the desktop's start
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    title, columns, examples = TEMPLATES[kind]
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = title
    sheet.append(list(columns))
    for example in examples:  # rows 2 and 3, in sight: the coordinator writes over them
        sheet.append(example)
    for letter_index, (name, (note_id, note_en)) in enumerate(columns.items(), start=1):
        cell = sheet.cell(row=1, column=letter_index)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", start_color=_HEADER_FILL_COLOR)
        cell.comment = Comment(f"{note_id}\n\n{note_en}", "Nilai", width=320, height=160)
        letter = get_column_letter(letter_index)
        sheet.column_dimensions[letter].width = max(14, len(name) + 4, *(len(str(r[letter_index - 1])) + 2
                                                                          for r in examples))
        if name == "nip":
            # Typed NIPs stay text: a number cell keeps 15 significant digits and a NIP has 18.
            for number in range(2, 1001):
                sheet.cell(row=number, column=letter_index).number_format = "@"
    sheet.freeze_panes = "A2"
    _notes_sheet(book.create_sheet("Petunjuk - Notes"), columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


if __name__ == "__main__":
    for name in TEMPLATES:
        write_template(name, template_path(name))
        print(template_path(name))
