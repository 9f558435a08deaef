"""`nilai serve` refuses to start without what it needs, with one line (no server is started)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.helpers import run_cli


@pytest.mark.parametrize(("extra", "expected"), [
    ((), "needs TLS"),
    (("--insecure-http", "--host", "0.0.0.0"), "loopback only"),
    (("--tls-cert", "missing.crt", "--tls-key", "missing.key"), "cannot be used"),
    (("--insecure-http", "--upload-expiry-hours", "0"), "--upload-expiry-hours 0"),
    (("--insecure-http", "--metrics-from", "10.0.0.300"), "not an address or network"),
])
def test_serve_refuses_without_tls(tmp_path: Path, capsys, extra: tuple[str, ...], expected: str) -> None:
    code = run_cli("--data-dir", tmp_path, "serve", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/x",
                   *extra)
    err = capsys.readouterr().err
    assert code != 0 and expected in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "sync").exists()  # nothing was opened or written


def test_serve_needs_a_database_url(tmp_path: Path, capsys) -> None:
    assert run_cli("--data-dir", tmp_path, "serve", "--insecure-http") != 0
    assert "PostgreSQL" in capsys.readouterr().err
