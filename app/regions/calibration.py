"""Calibration cases: fictional regions a round's assessors all score before the real interviews.

A calibration case is stored as a Region row with a reserved code, "K001".."K999": BPS codes are four
digits, so a letter prefix never collides with a real regency or city. Its kind is ``kalibrasi``; its
province is the one the coordinator names, or the reserved province "K0" (fictional, so no assessor
comes from it). Only the store knows these rows; the 514-region catalogue never does.
"""

from __future__ import annotations

import re

from sqlmodel import Session

from app import regions as catalogue
from app.models.domain import RegionInfo
from app.models.tables import Province, Region

CALIBRATION_KIND = "kalibrasi"
CALIBRATION_PROVINCE = "K0"
CALIBRATION_PROVINCE_NAME = "Kasus Kalibrasi"
_CODE = re.compile(r"K[0-9]{3}")


def is_calibration_code(code: str) -> bool:
    """A code from the reserved calibration range (never a BPS code)."""
    return bool(_CODE.fullmatch(code))


def calibration_code(number: int) -> str:
    if not 1 <= number <= 999:
        raise ValueError("a round store holds at most 999 calibration cases")
    return f"K{number:03d}"


def stored_region(session: Session, code: str) -> RegionInfo:
    """The region of a code: the catalogue's for a BPS code, the store's row for a calibration case.

    Raises LookupError naming the code when neither knows it."""
    if not is_calibration_code(code):
        return catalogue.region(code)
    row = session.get(Region, code)
    if row is None:
        raise LookupError(f"calibration case {code!r} is not declared in this store (it comes with its round package)")
    province = session.get(Province, row.province_code)
    return RegionInfo(row.code, row.name, row.kind, row.province_code, province.name if province else row.province_code)


def ensure_calibration_region(session: Session, code: str, name: str, province_code: str, province_name: str) -> None:
    """Store (or rename) a calibration case's region row and, for the reserved province, its province row."""
    if not is_calibration_code(code):
        raise ValueError(f"{code!r} is not a calibration case code (K001..K999)")
    if session.get(Province, province_code) is None:
        session.add(Province(code=province_code, name=province_name[:100]))
        session.flush()
    row = session.get(Region, code)
    if row is None:
        session.add(Region(code=code, province_code=province_code, name=name[:100], kind=CALIBRATION_KIND))
    else:
        row.name, row.province_code, row.kind = name[:100], province_code, CALIBRATION_KIND
        session.add(row)
    session.flush()
