"""Regions and provinces named the way people write them: BPS codes ("3273", "32.73") or names
("Kota Bandung", "Kab. Bandung", "kabupaten banjar"), folded for case, diacritics and spacing.
An ambiguous name gives its choices and an unknown one its near names: nothing is guessed."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from app import regions as catalogue
from app.models.domain import RegionInfo

_CODE = re.compile(r"^(\d{2})\.?(\d{2})$")
_PROVINCE_CODE = re.compile(r"^\d{2}$")
_KIND = re.compile(r"^(kabupaten|kab\.?|kota|kt\.?)\s+", re.IGNORECASE)
_PROVINCE_PREFIX = re.compile(r"^(provinsi|prov\.?|province)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as spaces, single spaces: "Kab.  Bandúng" -> "kab bandung"."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


@dataclass(frozen=True)
class Found:
    """A region text resolved: one region, or the choices it could mean, or why it is none."""

    region: RegionInfo | None = None
    choices: tuple[RegionInfo, ...] = ()
    problem: str = ""  # in English, for the command line
    # what the problem says, for a UI in another language: no_code | not_in_province | province_code | empty
    # | province | unknown; with the text, and the code, province and near regions where they apply
    problem_kind: str = ""
    problem_data: dict = field(default_factory=dict, compare=False, hash=False)


def _kind_and_core(text: str) -> tuple[str | None, str]:
    text = unicodedata.normalize("NFKC", text).strip()
    match = _KIND.match(text)
    kind = None
    if match:
        kind = "kota" if match.group(1).lower().startswith(("kota", "kt")) else "kabupaten"
        text = text[match.end():]
    return kind, fold(text)


@functools.cache
def _by_core_name() -> dict[str, tuple[RegionInfo, ...]]:
    """The catalogue keyed by folded name without "Kabupaten"/"Kota" and spaces ("banjarbaru")."""
    index: dict[str, list[RegionInfo]] = {}
    for reg in catalogue.regions():
        index.setdefault(fold(catalogue.core_name(reg.name)).replace(" ", ""), []).append(reg)
    return {key: tuple(regs) for key, regs in index.items()}


def find_region(text: str, province_code: str | None = None) -> Found:
    """One regency or city by BPS code or name; within one province when it is given."""
    text = " ".join(text.split())
    code = _CODE.match(text)
    if code:
        wanted = code.group(1) + code.group(2)
        try:
            found = catalogue.region(wanted)
        except LookupError:
            return Found(problem=f"{text!r}: no regency or city has the BPS code {wanted}", problem_kind="no_code",
                         problem_data={"text": text, "code": wanted})
        if province_code and found.province_code != province_code:
            return Found(problem=f"{text!r}: {found.name} is not in {province_name(province_code)}",
                         problem_kind="not_in_province",
                         problem_data={"text": text, "code": wanted, "province": province_code})
        return Found(region=found)
    if _PROVINCE_CODE.match(text):
        return Found(problem=f"{text!r} is a province code; give a regency or city (four-digit BPS code or name)",
                     problem_kind="province_code", problem_data={"text": text})
    kind, core = _kind_and_core(text)
    if not core:
        return Found(problem=f"{text!r} is not a regency or city name or BPS code", problem_kind="empty",
                     problem_data={"text": text})
    matches = tuple(r for r in _by_core_name().get(core.replace(" ", ""), ())
                    if (kind is None or r.kind == kind) and (province_code is None or r.province_code == province_code))
    if len(matches) == 1:
        return Found(region=matches[0])
    if matches:
        return Found(choices=matches)
    if find_province(text) is not None:
        return Found(problem=f"{text!r} is a province; give a regency or city", problem_kind="province",
                     problem_data={"text": text})
    pool = [r for r in catalogue.regions() if province_code is None or r.province_code == province_code]
    near = near_regions(text, pool)
    where = f" in {province_name(province_code)}" if province_code else ""
    hint = f" (did you mean {', '.join(f'{r.name} {r.code}' for r in near)}?)" if near else ""
    return Found(problem=f"{text!r} is not a regency or city{where}{hint}", problem_kind="unknown",
                 problem_data={"text": text, "province": province_code, "near": [r.code for r in near]})


def near_regions(text: str, pool: list[RegionInfo] | None = None, limit: int = 3) -> list[RegionInfo]:
    """Names close to a misspelt or partial one, best first."""
    candidates = tuple(pool) if pool is not None else catalogue.regions()
    hits = catalogue.search(fold(text), limit=limit, candidates=candidates)
    if hits:
        return hits
    names = {fold(r.name): r for r in candidates}
    return [names[n] for n in difflib.get_close_matches(fold(text), list(names), n=limit, cutoff=0.6)]


def province_name(code: str) -> str:
    return catalogue.provinces().get(code, code)


def find_province(text: str) -> str | None:
    """A province's two-digit code from its code or name ("32", "Jawa Barat", "Prov. Jawa Barat")."""
    text = " ".join(text.split())
    if text in catalogue.provinces():
        return text
    wanted = fold(_PROVINCE_PREFIX.sub("", text))
    for code, name in catalogue.provinces().items():
        if fold(name) == wanted or fold(name).replace(" ", "") == wanted.replace(" ", ""):
            return code
    return None


def near_provinces(text: str, limit: int = 1) -> list[str]:
    names = {fold(name): name for name in catalogue.provinces().values()}
    return [names[n] for n in difflib.get_close_matches(fold(text), list(names), n=limit, cutoff=0.6)]


def describe(region: RegionInfo) -> str:
    """ "Kota Banjar (3279, Jawa Barat)" - enough to choose between two regions of one name."""
    return f"{region.name} ({region.code}, {region.province_name})"
