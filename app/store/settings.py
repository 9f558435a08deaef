"""Settings of one data directory, kept in the store: profile, language, what was open."""

from __future__ import annotations

from sqlmodel import Session, select

from app.models.domain import AssessorInfo
from app.models.tables import Assessor, Setting
from app.store.engine import Store

PROFILE = "profile.assessor_id"
LANGUAGE = "ui.language"
HIGH_CONTRAST = "ui.high_contrast"  # "1": the high-contrast palette (Settings → High contrast)
LAST_OPEN = "ui.last_open_version"
BACKUPS_KEEP = "backup.keep"
AUTO_SYNC = "sync.auto"  # "0": Settings → Sync automatically is off (the desktop's background sync)


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else default


def put(session: Session, key: str, value: str | None) -> None:
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def read(store: Store, key: str, default: str | None = None) -> str | None:
    with store.transaction() as session:
        return get(session, key, default)


def write(store: Store, key: str, value: str | None) -> None:
    with store.transaction() as session:
        put(session, key, value)


def profile(store: Store) -> AssessorInfo | None:
    """This laptop's assessor, or None before the first run has made one."""
    with store.transaction() as session:
        assessor_id = get(session, PROFILE)
        assessor = session.get(Assessor, assessor_id) if assessor_id else None
        if assessor is None:
            return None
        return AssessorInfo(assessor.id, assessor.name, assessor.nip, assessor.organisation)


def save_profile(store: Store, name: str, nip: str, organisation: str) -> AssessorInfo:
    """Create or update this laptop's assessor; an assessor already listed with the NIP is reused."""
    name, nip, organisation = name.strip(), nip.strip(), organisation.strip()
    if not name:
        raise ValueError("The assessor's name is required.")
    with store.transaction() as session:
        assessor_id = get(session, PROFILE)
        assessor = session.get(Assessor, assessor_id) if assessor_id else None
        if assessor is None and nip:
            assessor = session.exec(select(Assessor).where(Assessor.nip == nip)).first()
        if assessor is None:
            assessor = Assessor(name=name, nip=nip, organisation=organisation)
        assessor.name, assessor.nip, assessor.organisation = name, nip, organisation
        session.add(assessor)
        session.flush()
        put(session, PROFILE, assessor.id)
        return AssessorInfo(assessor.id, assessor.name, assessor.nip, assessor.organisation)
