"""Assessors: where they come from, their declared conflicts, and a spreadsheet of them (all or nothing)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from app import assessments as A
from app.models.tables import Assessor, RoundAssessor
from app.rounds.setup import (
    FileProblems,
    SetupError,
    add_assessor,
    import_assessors,
    remove_assessor,
    round_assessors,
    update_assessor,
)


def test_an_assessor_joins_with_origin_and_conflicts(store, scoring_round) -> None:
    round_id, me = scoring_round
    budi = add_assessor(store, round_id, name=" Budi  Hidayat ", nip="1975 0101 2000 031001", organisation="ITB",
                        role="academic", region_code="3273", conflicts={"3279": "konsultan 2017"})
    info = {a.id: a for a in round_assessors(store, round_id)}
    assert set(info) == {budi, me.id}  # me: seated on the round's panel by its schedule
    assert (info[budi].name, info[budi].nip, info[budi].province_code, info[budi].region_code) == (
        "Budi Hidayat", "197501012000031001", "32", "3273")
    assert info[budi].conflicts == {"3279": "konsultan 2017"}
    # The same NIP is the same person: found again, details brought up to date, not a second assessor.
    assert add_assessor(store, round_id, name="Budi Hidayat, S.T.", nip="197501012000031001",
                        conflicts={"3204": "rumah"}) == budi
    again = {a.id: a for a in round_assessors(store, round_id)}[budi]
    assert again.name == "Budi Hidayat, S.T." and again.organisation == "ITB"
    assert again.conflicts == {"3204": "rumah", "3279": "konsultan 2017"}


def test_an_assessor_known_by_name_only_gets_their_nip(store, scoring_round) -> None:
    round_id, _ = scoring_round
    first = add_assessor(store, round_id, name="Ani Lestari")  # e.g. named in a schedule file, no NIP
    assert add_assessor(store, round_id, name="Ani Lestari") == first
    assert add_assessor(store, round_id, name="Ani Lestari", nip="198502022010012003", province_code="35") == first
    ani = {a.id: a for a in round_assessors(store, round_id)}[first]
    assert (ani.nip, ani.province_code) == ("198502022010012003", "35")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": ""}, "needs a name"),
    ({"name": "A", "nip": "19750101-x"}, "digits"),
    ({"name": "A", "province_code": "99"}, "not a province code"),
    ({"name": "A", "region_code": "9999"}, "BPS code '9999'"),
    ({"name": "A", "province_code": "63", "region_code": "3273"}, r"Kota Bandung \(3273, Jawa Barat\) is not in "
                                                                  "Kalimantan Selatan"),
    ({"name": "A", "conflicts": {"12": ""}}, "Conflict with '12'"),
])
def test_bad_assessor_details_are_named_and_nothing_is_added(store, scoring_round, kwargs, message) -> None:
    round_id, _ = scoring_round
    with pytest.raises(SetupError, match=message):
        add_assessor(store, round_id, **kwargs)
    assert len(round_assessors(store, round_id)) == 1


def test_update_assessor(store, scoring_round) -> None:
    round_id, _ = scoring_round
    budi = add_assessor(store, round_id, name="Budi", nip="1", region_code="3273", conflicts={"3279": ""})
    add_assessor(store, round_id, name="Ani", nip="2")
    info = update_assessor(store, budi, province_code="63", conflicts={"6303": "lahir di sana"}, role="government")
    assert (info.province_code, info.region_code, info.role) == ("63", None, "government")  # region left its province
    assert info.conflicts == {"6303": "lahir di sana"}
    info = update_assessor(store, budi, region_code="3578")
    assert (info.province_code, info.region_code) == ("35", "3578")  # the province follows the regency/city
    with pytest.raises(SetupError, match="NIP 2 already belongs to Ani"):
        update_assessor(store, budi, nip="2")
    with pytest.raises(SetupError, match="no field email"):
        update_assessor(store, budi, email="x@y")
    assert {a.nip for a in round_assessors(store, round_id)} >= {"1", "2"}


def test_remove_assessor_refused_once_they_scored(store, scoring_round) -> None:
    round_id, me = scoring_round
    budi = add_assessor(store, round_id, name="Budi")
    remove_assessor(store, round_id, budi)
    assert budi not in {a.id for a in round_assessors(store, round_id)}
    with store.transaction() as session:
        assert session.get(Assessor, budi) is not None  # still known to other rounds
    A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    with pytest.raises(SetupError, match="already has assessments in this round"):
        remove_assessor(store, round_id, me.id)
    with pytest.raises(SetupError, match="not an assessor of this round"):
        remove_assessor(store, round_id, budi)


HEADER = ["Nama", "NIP", "Instansi", "Peran", "Provinsi", "Kabupaten/Kota", "Konflik"]
GOOD = [
    ["Siti Aminah", "198001012005012002", "Universitas Indonesia", "academic", "Jawa Barat", "Banjar", "3273; kab. bandung"],
    ["Made Wirawan", "197001011995031001", "Pemprov Bali", "government", "51", "", ""],
    ["Rina Kusuma", "", "PT Data", "practitioner", "kalimantan selatan", "Banjar", ""],
]


def _xlsx(tmp_path: Path, rows: list[list[object]], sheet: str = "Assessors") -> Path:
    book = Workbook()
    book.active.title = "Petunjuk"
    data = book.create_sheet(sheet)
    data.append(HEADER)
    for row in rows:
        data.append(row)
    path = tmp_path / "penilai.xlsx"
    book.save(path)
    return path


def test_import_assessors_from_xlsx(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    assert import_assessors(store, round_id, _xlsx(tmp_path, GOOD)) == 3
    people = {a.name: a for a in round_assessors(store, round_id)}
    # "Banjar" is read within the row's province: Kota Banjar in Jawa Barat, Kabupaten Banjar in Kalimantan Selatan.
    assert (people["Siti Aminah"].province_code, people["Siti Aminah"].region_code) == ("32", "3279")
    assert (people["Rina Kusuma"].province_code, people["Rina Kusuma"].region_code) == ("63", "6303")
    assert set(people["Siti Aminah"].conflicts) == {"3273", "3204"}
    assert people["Made Wirawan"].nip == "197001011995031001" and people["Made Wirawan"].province_code == "51"
    assert import_assessors(store, round_id, _xlsx(tmp_path, GOOD)) == 3  # again: the same people, no doubles
    assert len(round_assessors(store, round_id)) == 4


def test_every_bad_cell_is_named_and_nothing_is_imported(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    bad = GOOD + [
        ["Ahmad", "", "", "", "Jawa Baratt", "", ""],  # row 5
        ["", "123", "", "", "", "", ""],  # row 6
        ["Dewi", "12a", "", "", "", "Banjar", ""],  # row 7
        ["Eko", "", "", "", "Jawa Tengah", "Kota Bandung", "Kota Atlantis"],  # row 8
        ["Fajar", "198001012005012002", "", "", "", "", ""],  # row 9
        ["Gita", 197001011995031001, "", "", "", "", ""],  # row 10: a NIP typed as a number
    ]
    with pytest.raises(FileProblems) as caught:
        import_assessors(store, round_id, _xlsx(tmp_path, bad))
    assert caught.value.problems[0] == ("sheet Assessors, row 5, column province: 'Jawa Baratt' is not a province "
                                        "(did you mean Jawa Barat?)")
    text = "\n".join(caught.value.problems)
    assert "sheet Assessors, row 6, column name: the assessor's name is empty" in text
    assert "row 7, column nip: '12a' is not a NIP" in text
    assert "row 7, column region: 'Banjar' is ambiguous" in text
    assert "row 8, column region: 'Kota Bandung' is not a regency or city in Jawa Tengah" in text
    assert "row 8, column conflicts: 'Kota Atlantis' is not a regency or city" in text
    assert "row 9, column nip: NIP 198001012005012002 is also on row 2" in text
    assert "row 10, column nip: 197001011995031008 was kept as a number and has lost its last digits" in text
    with store.transaction() as session:
        assert len(session.exec(select(RoundAssessor).where(RoundAssessor.round_id == round_id)).all()) == 0
        assert session.exec(select(Assessor).where(Assessor.name == "Siti Aminah")).first() is None


def test_import_assessors_from_semicolon_csv(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    path = tmp_path / "penilai.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["name", "nip", "organisation", "role", "province", "region", "conflicts"])
        writer.writerow(["Yohanes", "", "Unpatti", "academic", "81", "", "8171"])
        writer.writerow(["Wayan", "", "", "", "Balii", "", ""])
    with pytest.raises(FileProblems, match=r"row 3, column province: 'Balii' is not a province \(did you mean Bali\?\)"):
        import_assessors(store, round_id, path)
    path.write_text(path.read_text(encoding="utf-8-sig").replace("Balii", "Bali"), encoding="utf-8")
    assert import_assessors(store, round_id, path) == 2
    assert {a.name: a.conflicts for a in round_assessors(store, round_id)}["Yohanes"] == {"8171": "declared"}


def test_a_file_without_a_name_column_is_refused(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    path = tmp_path / "x.csv"
    path.write_text("nip,province\n1,32\n", encoding="utf-8")
    with pytest.raises(FileProblems, match="row 1: no column 'name'"):
        import_assessors(store, round_id, path)
