"""Telling a damaged SQLite store from a sound one, and naming the way out.

The checks of the file itself live in :mod:`app.store.soundness`; this module names the way out.
A store file is damaged when it is empty, is not a SQLite file at all (a PDF or zip renamed), is
shorter than its own header says (cut short by a failed copy or a full disk), or fails SQLite's
integrity check. Such a file is never opened as a new store nor written to: every message names it
and the newest backup that is itself sound (a backup of damage is no way out).
"""

from __future__ import annotations

from pathlib import Path

from app.store.backup import BackupInfo, check_backup_file, list_backups
from app.store.errors import CorruptStore, StoreError
from app.store.soundness import HEADER as HEADER
from app.store.soundness import check_problem as check_problem
from app.store.soundness import diagnose as diagnose
from app.store.soundness import file_damage as file_damage
from app.store.soundness import integrity_problem as integrity_problem
from app.store.soundness import schema_problem as schema_problem


def newest_sound_backup(data_dir: Path) -> BackupInfo | None:
    for info in list_backups(data_dir):
        try:
            check_backup_file(info.path)
        except StoreError:
            continue
        return info
    return None


def way_out(data_dir: Path, sound: BackupInfo | None) -> str:
    if sound is None:
        return ("No sound backup exists: copy the data directory somewhere safe before changing anything "
                "(if the first start of Nilai was interrupted, delete the file and start again).")
    return (f"Restore the newest sound backup: nilai restore {sound.path} (taken {sound.taken_at:%Y-%m-%d %H:%M}); "
            "the damaged file is set aside first, so nothing is lost by trying.")


def damaged(where: str, data_dir: Path, reason: str) -> CorruptStore:
    """One line: what is damaged, why, that nothing was changed, and the newest sound backup to restore."""
    sound = newest_sound_backup(data_dir)
    return CorruptStore(f"{where} is damaged ({reason}); nothing was changed. {way_out(data_dir, sound)}",
                        reason, sound.path if sound else None)
