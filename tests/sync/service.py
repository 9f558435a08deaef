"""`nilai serve` as a real process for tests and benchmarks: a self-signed TLS certificate made with
`cryptography`, a free loopback port, start (waits for /health), SIGKILL, stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.bundles.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]


def make_tls_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (what a coordinator makes once and pins in the round package)."""
    from app.sync.tls import loopback_certificate

    return loopback_certificate(folder, name="nilai sync test", hours=24)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    database_url: str
    data_dir: Path  # the service's data directory (quarantine, reports, log)
    cert: Path
    key: Path
    port: int
    process: subprocess.Popen | None = None
    extra: tuple[str, ...] = ()  # further `nilai serve` options

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(self.data_dir.parent / "serve.err", "ab") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app", "--data-dir", str(self.data_dir), "serve", "--database-url",
                 self.database_url, "--tls-cert", str(self.cert), "--tls-key", str(self.key), "--port", str(self.port), *self.extra],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + 90
        with httpx.Client(verify=_pinned(self.cert)) as client:
            while time.monotonic() < deadline:
                assert self.process.poll() is None, (self.data_dir.parent / "serve.err").read_text()
                try:
                    if client.get(f"{self.url}/health", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        raise AssertionError("nilai serve did not answer /health in 90 s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def cli(self, *args: str | Path) -> int:
        """`nilai` on the coordinator's store (the same PostgreSQL database the service uses)."""
        return run_cli("--data-dir", self.data_dir.parent / "coordinator-desk", "--database-url", self.database_url,
                       *args)


def _pinned(cert: Path):
    from app.sync.client import pinned_context

    return pinned_context(cert)
