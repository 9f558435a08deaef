"""Integrity checks of a data directory: quick at start-up, full on demand (`nilai check`).

Every finding names the problem precisely and the way out; a check never raises on damage.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from app.models.tables import Assessment, Evidence
from app.store import Store, changelog
from app.store.backup import list_backups


@dataclass(frozen=True)
class Finding:
    area: str  # database | foreign keys | change log | evidence | sheets
    message: str

    def __str__(self) -> str:
        return f"{self.area}: {self.message}"


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    checked: dict[str, int]
    way_out: str

    @property
    def ok(self) -> bool:
        return not self.findings


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _way_out(store: Store) -> str:
    """The newest backup that is itself a sound database (a backup of damage is no way out)."""
    from app.store import StoreError
    from app.store.backup import check_backup_file

    for backup in list_backups(store.data_dir):
        try:
            check_backup_file(backup.path)
        except StoreError:
            continue
        return (f"Restore the newest sound backup: nilai restore {backup.path} "
                f"(taken {backup.taken_at:%Y-%m-%d %H:%M}); the current database is set aside first, "
                "so nothing is lost by trying.")
    return "No sound backup exists: copy the data directory somewhere safe before changing anything."


def _sqlite_checks(store: Store, full: bool, findings: list[Finding]) -> None:
    pragma = "integrity_check" if full else "quick_check"
    with store.engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text(f"PRAGMA {pragma}"))]
        if rows != ["ok"]:
            findings += [Finding("database", row) for row in rows[:20]]
        for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check")).fetchall()[:20]:
            findings.append(Finding("foreign keys", f"row {rowid} of {table} points to a missing {parent}"))


def check(store: Store, full: bool = True) -> Report:
    findings: list[Finding] = []
    checked: dict[str, int] = {}
    try:
        if store.is_sqlite:
            _sqlite_checks(store, full, findings)
        if full:
            with store.transaction() as session:
                problems = changelog.verify_chain(session)
                findings += [Finding("change log", str(p)) for p in problems]
                checked["change log entries"] = changelog.count_entries(session)
                evidence = session.exec(select(Evidence.stored_path, Evidence.sha256).distinct()).all()
                sheets = session.exec(select(Assessment.version_id, Assessment.sheet_path, Assessment.sheet_sha256)
                                      .where(Assessment.sheet_path.is_not(None))).all()
            for stored_path, sha in evidence:
                path = store.data_dir / stored_path
                if not path.is_file():
                    findings.append(Finding("evidence", f"{stored_path} is missing"))
                elif _sha256(path) != sha:
                    findings.append(Finding("evidence", f"{stored_path} was changed (its SHA-256 no longer matches)"))
            checked["evidence files"] = len(evidence)
            for version_id, sheet_path, sha in sheets:
                path = store.data_dir / sheet_path
                if not path.is_file():
                    findings.append(Finding("sheets", f"signed sheet of version {version_id[:8]} ({sheet_path}) is missing"))
                elif _sha256(path) != sha:
                    findings.append(Finding("sheets", f"signed sheet {sheet_path} was changed after signing"))
            checked["signed sheets"] = len(sheets)
    except DBAPIError as exc:
        findings.append(Finding("database", f"cannot be read: {getattr(exc, 'orig', exc)}"))
    return Report(tuple(findings), checked, _way_out(store) if findings else "")
