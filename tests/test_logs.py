from __future__ import annotations

import logging
from pathlib import Path

from app.base import logs


def test_log_file_rotates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NILAI_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setattr(logs, "_configured", None)
    path = logs.setup(max_bytes=100_000)
    try:
        assert path == tmp_path / "log" / "nilai.log"
        logger = logging.getLogger("app.test")
        for n in range(5_000):
            logger.info("baris log %05d — Kabupaten Batang", n)
        files = sorted(p.name for p in (tmp_path / "log").iterdir())
        assert files[0] == "nilai.log" and "nilai.log.1" in files and len(files) <= 6
        assert "baris log 04999" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(logging.getLogger("app").handlers):
            handler.close()
            logging.getLogger("app").removeHandler(handler)
