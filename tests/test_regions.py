from __future__ import annotations

import re

from app import regions


def test_catalogue_has_514_regions_and_34_provinces() -> None:
    all_regions = regions.regions()
    assert len(all_regions) == 514
    assert sum(r.kind == "kota" for r in all_regions) == 98
    assert len(regions.provinces()) == 34
    assert len({r.code for r in all_regions}) == 514


def test_names_in_title_case() -> None:
    assert regions.region("3325").name == "Kabupaten Batang"
    assert regions.region("3674").name == "Kota Tangerang Selatan"
    assert regions.region("3674").province_name == "Banten"
    assert regions.provinces()["31"] == "DKI Jakarta"
    assert regions.title_case("KABUPATEN TOLI-TOLI") == "Kabupaten Toli-Toli"
    assert regions.region("2171").name == "Kota Batam"  # BPS writes "KOTA B A T A M"
    assert not [r.name for r in regions.regions() if re.search(r"\b\w \w \w\b", r.name)]


def test_search_copes_with_near_duplicates() -> None:
    names = [r.name for r in regions.search("banjar")]
    assert set(names[:2]) == {"Kabupaten Banjar", "Kota Banjar"}
    assert names[2:5] == ["Kota Banjar Baru", "Kota Banjarmasin", "Kabupaten Banjarnegara"]
    assert [r.name for r in regions.search("kota banjar")] == ["Kota Banjar", "Kota Banjar Baru", "Kota Banjarmasin"]
    assert [r.name for r in regions.search("kabupaten banjar")][0] == "Kabupaten Banjar"


def test_search_by_code_and_typo() -> None:
    assert [r.name for r in regions.search("3325")] == ["Kabupaten Batang"]
    assert regions.search("33")[0].province_code == "33"
    assert regions.search("banjarmasn")[0].name == "Kota Banjarmasin"
    assert regions.search("zzzz") == []


def test_unknown_code_is_a_clear_error() -> None:
    try:
        regions.region("9999")
    except LookupError as exc:
        assert "9999" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected LookupError")
