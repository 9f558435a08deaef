"""Copying the region catalogue into a store: its Province and Region rows."""

from __future__ import annotations

from sqlmodel import Session, func, select

from app import regions as region_catalogue
from app.models.tables import Province, Region

__all__ = ["ensure_regions"]


def ensure_regions(session: Session) -> int:
    """Load the 34 provinces and 514 regencies/cities if the store does not have them yet."""
    have = session.exec(select(func.count()).select_from(Region)).one()
    if have >= len(region_catalogue.regions()):
        return 0
    known_provinces = set(session.exec(select(Province.code)).all())
    for code, name in region_catalogue.provinces().items():
        if code not in known_provinces:
            session.add(Province(code=code, name=name))
    session.flush()
    known = set(session.exec(select(Region.code)).all())
    added = 0
    for reg in region_catalogue.regions():
        if reg.code not in known:
            session.add(Region(code=reg.code, province_code=reg.province_code, name=reg.name, kind=reg.kind))
            added += 1
    session.flush()
    return added
