"""The region catalogue (514 regencies and cities, 34 provinces, BPS codes) and region search."""

from __future__ import annotations

import csv
import difflib
import functools
import re
from pathlib import Path

from app.base.paths import resources_dir
from app.models.domain import RegionInfo

# Abbreviations that stay upper case when BPS names are shown in title case.
_KEEP_UPPER = {"DKI", "DI"}


def title_case(name: str) -> str:
    """"KABUPATEN TOLI-TOLI" -> "Kabupaten Toli-Toli", "DKI JAKARTA" -> "DKI Jakarta"."""
    # BPS spells one city out letter by letter ("KOTA B A T A M"): join such runs into one word.
    name = re.sub(r"\b[A-Z](?: [A-Z]\b){2,}", lambda m: m.group(0).replace(" ", ""), name)
    words = []
    for word in name.split():
        if word in _KEEP_UPPER:
            words.append(word)
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def _catalogue_dir() -> Path:
    return resources_dir() / "regions"


@functools.cache
def provinces() -> dict[str, str]:
    with open(_catalogue_dir() / "provinces-2018.csv", encoding="utf-8", newline="") as handle:
        return {code: title_case(name) for code, name in csv.reader(handle)}


@functools.cache
def regions() -> tuple[RegionInfo, ...]:
    names = provinces()
    result = []
    with open(_catalogue_dir() / "regencies-2018.csv", encoding="utf-8", newline="") as handle:
        for code, province_code, name in csv.reader(handle):
            kind = "kota" if name.startswith("KOTA ") else "kabupaten"
            result.append(RegionInfo(code, title_case(name), kind, province_code, names[province_code]))
    return tuple(result)


@functools.cache
def by_code() -> dict[str, RegionInfo]:
    return {region.code: region for region in regions()}


def region(code: str) -> RegionInfo:
    try:
        return by_code()[code]
    except KeyError:
        raise LookupError(f"no regency or city has the BPS code {code!r}") from None


_PREFIX = re.compile(r"^(kabupaten|kab\.?|kota|kt\.?)\s+", re.IGNORECASE)


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", text.lower()).strip()


def core_name(name: str) -> str:
    """The name without "Kabupaten"/"Kota": "Kota Banjar Baru" -> "banjar baru"."""
    return _fold(_PREFIX.sub("", name))


def _kind_in_query(query: str) -> str | None:
    match = _PREFIX.match(query.strip())
    if not match:
        return None
    return "kota" if match.group(1).lower().startswith(("kota", "kt")) else "kabupaten"


def search(query: str, limit: int = 20, candidates: tuple[RegionInfo, ...] | None = None) -> list[RegionInfo]:
    """Regions matching a partial name or code, best first.

    Exact core names come first ("banjar" -> Kabupaten Banjar, Kota Banjar), then names that
    start with the query (Banjar Baru, Banjarmasin, Banjarnegara), then words that start with
    it, then substrings, then close spellings (typos). "kota banjar" narrows to cities.
    """
    pool = candidates if candidates is not None else regions()
    text = query.strip()
    if not text:
        return list(pool[:limit])
    if text.isdigit():
        return [r for r in pool if r.code.startswith(text) or r.province_code == text][:limit]
    kind = _kind_in_query(text)
    wanted = core_name(text)
    squeezed = wanted.replace(" ", "")
    ranked: list[tuple[int, str, RegionInfo]] = []
    for reg in pool:
        if kind and reg.kind != kind:
            continue
        name = core_name(reg.name)
        flat = name.replace(" ", "")
        if name == wanted:
            rank = 0
        elif flat.startswith(squeezed):
            rank = 1
        elif any(word.startswith(wanted) for word in name.split()):
            rank = 2
        elif squeezed in flat or wanted in _fold(reg.province_name):
            rank = 3
        elif difflib.SequenceMatcher(None, wanted, name).ratio() >= 0.8:
            rank = 4
        else:
            continue
        ranked.append((rank, reg.name, reg))
    ranked.sort(key=lambda item: (item[0], len(item[1]), item[1]))
    return [reg for _, _, reg in ranked[:limit]]
