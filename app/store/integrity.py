"""Integrity checks of a data directory: quick at start-up, full on demand (`nilai check`).

Every finding names the problem precisely and the way out; a check never raises on damage.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from app.base.ids import short_id
from app.models.sync import BranchChangeLog
from app.models.tables import Assessment, ChangeLogEntry, Evidence, Score
from app.store import changelog, replay, sealed
from app.store.damage import newest_sound_backup
from app.store.engine import Store
from app.store.errors import CorruptStore

_REPLAY_BATCH = 500  # records whose chains and rows are read together


@dataclass(frozen=True)
class Finding:
    area: str  # database | foreign keys | change log | scores | evidence | sheets
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
    for chunk in sealed.chunks(path):  # the content, whether the file is sealed or not
        digest.update(chunk)
    return digest.hexdigest()


def _way_out(store: Store) -> str:
    """The newest backup that is itself a sound database (a backup of damage is no way out)."""
    sound = newest_sound_backup(store.data_dir)
    if sound is None:
        return "No sound backup exists: copy the data directory somewhere safe before changing anything."
    return (f"Restore the newest sound backup: nilai restore {sound.path} "
            f"(taken {sound.taken_at:%Y-%m-%d %H:%M}); the current database is set aside first, "
            "so nothing is lost by trying.")


def _sqlite_checks(store: Store, full: bool, findings: list[Finding]) -> None:
    pragma = "integrity_check" if full else "quick_check"
    with store.engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text(f"PRAGMA {pragma}"))]
        if rows != ["ok"]:
            findings += [Finding("database", row) for row in rows[:20]]
        for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check")).fetchall()[:20]:
            findings.append(Finding("foreign keys", f"row {rowid} of {table} points to a missing {parent}"))


def _replay_versions(session: Session, findings: list[Finding]) -> int:
    """Every version's scores, notes, evidence and delegation against its replayed change log.

    A version whose content came in on a forked chain (a conflict) is held against that fork too:
    it passes when any of its chains replays to its rows.
    """
    record_ids = list(session.exec(select(Assessment.record_id).distinct().order_by(Assessment.record_id)))
    replayed = 0
    for start in range(0, len(record_ids), _REPLAY_BATCH):
        batch = record_ids[start:start + _REPLAY_BATCH]
        chains: dict[str, list[ChangeLogEntry]] = defaultdict(list)
        for entry in session.exec(select(ChangeLogEntry).where(col(ChangeLogEntry.chain_id).in_(batch))
                                  .order_by(col(ChangeLogEntry.chain_id), col(ChangeLogEntry.position))):
            chains[entry.chain_id].append(entry)
        forks: dict[str, list[BranchChangeLog]] = defaultdict(list)
        for fork in session.exec(select(BranchChangeLog).where(col(BranchChangeLog.record_id).in_(batch))):
            forks[fork.version_id].append(fork)
        versions = list(session.exec(select(Assessment).where(col(Assessment.record_id).in_(batch))))
        ids = [v.version_id for v in versions]
        levels: dict[str, dict[str, str]] = defaultdict(dict)
        notes: dict[str, dict[str, str]] = defaultdict(dict)
        for score in session.exec(select(Score).where(col(Score.version_id).in_(ids))):
            levels[score.version_id][score.indicator_code] = replay.level_text(score.level, score.not_applicable)
            notes[score.version_id][score.indicator_code] = score.note
        evidence: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ev in session.exec(select(Evidence).where(col(Evidence.version_id).in_(ids))):
            evidence[ev.version_id].append((ev.indicator_code, ev.sha256))
        for version in versions:
            main = chains.get(version.record_id, [])
            candidates: list[list[Any]] = [list(main)]
            for fork in forks.get(version.version_id, []):
                candidates.append([*main[:fork.from_position], *json.loads(fork.entries_json)])
            found: list[str] = ["it has no entries in the change log"]
            for chain in candidates:
                logged = replay.replay(chain).get(version.version_id)
                if logged is None:
                    continue
                found = replay.differences(logged, levels=levels[version.version_id],
                                           notes=notes[version.version_id], evidence=evidence[version.version_id],
                                           delegation_json=version.delegation_json)
                if not found:
                    break
            if found:
                findings.append(Finding("scores", f"version {short_id(version.version_id)} of record "
                                                  f"{short_id(version.record_id)}: {found[0]} (changed without a "
                                                  "change-log entry)"))
            replayed += 1
    return replayed


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
                checked["versions replayed"] = _replay_versions(session, findings)
                evidence = session.exec(select(Evidence.stored_path, Evidence.sha256).distinct()).all()
                sheets = session.exec(select(Assessment.version_id, Assessment.sheet_path, Assessment.sheet_sha256)
                                      .where(col(Assessment.sheet_path).is_not(None))).all()
            for stored_path, sha in evidence:
                path = store.data_dir / stored_path
                if not path.is_file():
                    findings.append(Finding("evidence", f"{stored_path} is missing"))
                elif _sha256(path) != sha:
                    findings.append(Finding("evidence", f"{stored_path} was changed (its SHA-256 no longer matches)"))
            checked["evidence files"] = len(evidence)
            for version_id, sheet_path, sheet_sha in sheets:
                assert sheet_path is not None  # the query keeps only versions with a sheet
                path = store.data_dir / sheet_path
                if not path.is_file():
                    findings.append(Finding("sheets", f"signed sheet of version {short_id(version_id)} ({sheet_path}) is missing"))
                elif _sha256(path) != sheet_sha:
                    findings.append(Finding("sheets", f"signed sheet {sheet_path} was changed after signing"))
            checked["signed sheets"] = len(sheets)
    except DBAPIError as exc:
        findings.append(Finding("database", f"cannot be read: {getattr(exc, 'orig', exc)}"))
    except CorruptStore as exc:  # damage met while reading (a value that is not UTF-8)
        findings.append(Finding("database", f"damaged: {exc.reason}"))
    except UnicodeDecodeError:  # SQLite's findings quote damaged bytes that are not text
        findings.append(Finding("database", "damaged: the integrity check's findings are unreadable"))
    return Report(tuple(findings), checked, _way_out(store) if findings else "")
