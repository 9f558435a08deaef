"""Assessors from a spreadsheet: every bad cell named by sheet, row and column; all rows or none.

Columns (header row, any order; English or Indonesian names): name, nip, organisation, role,
province (name or two-digit code), region (regency/city name or BPS code, optional), conflicts
(regions as codes or names, separated by ";").
"""

from __future__ import annotations

from pathlib import Path

from app.base.notes import Note
from app.regions.seed import ensure_regions
from app.rounds.setup.assessors import AssessorFields, check_fields, join_round
from app.rounds.setup.errors import FileProblems, SetupError
from app.rounds.setup.files import Table, cell, read_table
from app.rounds.setup.names import describe, find_province, find_region, near_provinces
from app.rounds.setup.round_details import get_round
from app.store import Store

SHEETS = ("Assessors", "Penilai", "Asesor")
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("nama", "full name", "nama lengkap"),
    "nip": ("NIP", "nomor induk pegawai"),
    "organisation": ("organization", "organisasi", "instansi", "lembaga"),
    "role": ("peran", "unsur", "kategori"),
    "province": ("provinsi", "province code", "kode provinsi"),
    "region": ("kabupaten/kota", "kabupaten kota", "regency/city", "wilayah", "daerah", "kode wilayah"),
    "conflicts": ("conflict", "konflik", "konflik kepentingan", "conflicts of interest"),
}


def _row(table: Table, number: int, values: tuple[str, ...], where: dict[str, int],
         problems: list[Note]) -> AssessorFields | None:
    """One row checked; its problems appended (each naming its cell); None when it has any."""
    before = len(problems)

    def bad(column: str, message: str, kind: str, **data: object) -> None:
        problems.append(Note(f"{table.where(number, column)}: {message}", kind, sheet=table.sheet, row=number,
                             column=column, **data))

    name = cell(values, where.get("name"))
    if not name:
        bad("name", "the assessor's name is empty", "name_empty")
    nip = "".join(cell(values, where.get("nip")).split())
    if nip and not nip.isdigit():
        bad("nip", f"{nip!r} is not a NIP (digits only)", "nip_not_digits", nip=nip)
    elif len(nip) > 15 and (number, where.get("nip")) in table.numbers:
        bad("nip", f"{nip} was kept as a number and has lost its last digits; format the column as Text "
                   "and type the NIP again", "nip_lost_digits", nip=nip)
    province_text = cell(values, where.get("province"))
    province_code = find_province(province_text) if province_text else None
    if province_text and province_code is None:
        near = near_provinces(province_text)
        bad("province", f"{province_text!r} is not a province" + (f" (did you mean {' or '.join(near)}?)" if near else ""),
            "province_unknown", text=province_text, near=near)
    region_text = cell(values, where.get("region"))
    region_code = None
    if region_text:
        found = find_region(region_text, province_code)
        if found.region is not None:
            region_code = found.region.code
        elif found.choices:
            bad("region", f"{region_text!r} is ambiguous: {' or '.join(describe(r) for r in found.choices)}; "
                          "write the BPS code", "ambiguous", text=region_text, choices=[r.code for r in found.choices])
        else:
            bad("region", found.problem, "region", found=found.problem_kind, found_data=found.problem_data)
    conflicts: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in cell(values, where.get("conflicts")).split(";"))):
        found = find_region(part)
        if found.region is not None:
            conflicts[found.region.code] = "declared"
        elif found.choices:
            bad("conflicts", f"{part!r} is ambiguous: {' or '.join(describe(r) for r in found.choices)}; "
                             "write the BPS code", "ambiguous", text=part, choices=[r.code for r in found.choices])
        else:
            bad("conflicts", found.problem, "region", found=found.problem_kind, found_data=found.problem_data)
    if len(problems) > before:
        return None
    try:
        return check_fields(name=name, nip=nip, organisation=cell(values, where.get("organisation")),
                            role=cell(values, where.get("role")), province_code=province_code,
                            region_code=region_code, conflicts=conflicts)
    except SetupError as exc:
        problems.append(Note(f"{table.where(number)}: {exc}", "row", sheet=table.sheet, row=number, column=None,
                             said=str(exc)))
        return None


def read_assessors(path: Path) -> list[AssessorFields]:
    """Every row of the file checked; FileProblems lists every bad cell."""
    table = read_table(path, SHEETS)
    where = table.columns(COLUMNS)
    if "name" not in where:
        found = ", ".join(repr(h) for h in table.header if h) or "none"
        raise FileProblems(table.source, [Note(f"{table.where(1)}: no column 'name' (the columns are {found}); "
                                               "start from the assessors template", "no_name_column",
                                               sheet=table.sheet, row=1, column=None, columns=found)])
    problems: list[Note] = []
    people: list[AssessorFields] = []
    seen_nip: dict[str, int] = {}
    for number, values in table.rows:
        fields = _row(table, number, values, where, problems)
        if fields is None:
            continue
        if fields.nip and fields.nip in seen_nip:
            problems.append(Note(f"{table.where(number, 'nip')}: NIP {fields.nip} is also on row {seen_nip[fields.nip]}",
                                 "nip_twice", sheet=table.sheet, row=number, column="nip", nip=fields.nip,
                                 other=seen_nip[fields.nip]))
            continue
        if fields.nip:
            seen_nip[fields.nip] = number
        people.append(fields)
    if problems:
        raise FileProblems(table.source, problems)
    if not people:
        raise FileProblems(table.source, [Note(f"{table.where(2)}: the sheet has no assessor rows", "no_rows",
                                               sheet=table.sheet, row=2, column=None)])
    return people


def import_assessors(store: Store, round_id: str, path: Path) -> int:
    """XLSX or CSV with columns name, nip, organisation, role, province, region, conflicts;
    all or nothing; FileProblems names sheet, row and column of every bad cell."""
    people = read_assessors(path)
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        ensure_regions(session)
        for fields in people:
            join_round(session, round_id, fields)
        return len(people)
