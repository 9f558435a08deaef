"""Real faults for the sync service's tests: a PostgreSQL server of the test's own that it can stop and start
again (the shared test server must stay up). A small file system that fills up is tests/fs_limits.py's."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.sync.service import free_port


@dataclass
class PrivatePostgres:
    """initdb + pg_ctl in a folder of the test's (as the postgres user when run as root), on a free port."""

    folder: Path
    port: int = 0

    @staticmethod
    def binaries() -> Path | None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
                       if p.parts[-3].isdigit() else 0)
        return found[-1].parent if found else None

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{command[0]}: {done.stderr.strip() or done.stdout.strip()}"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://nilai@127.0.0.1:{self.port}/nilai"

    def init(self) -> None:
        pgbin = self.binaries()
        assert pgbin is not None
        self.port = free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run(str(pgbin / "initdb"), "-D", str(self.folder / "data"), "-U", "nilai", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(str(pgbin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "nilai", "nilai")

    def start(self) -> None:
        self._run(str(self.binaries() / "pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                  "-w", "-o", f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                  f"-c unix_socket_directories={self.folder} -c fsync=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.binaries() / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")
