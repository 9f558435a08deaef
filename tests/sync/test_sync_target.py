"""The sync target's checks and `nilai sync` without a service named (no PostgreSQL needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.helpers import Demo, db_digest, run_cli
from tests.sync.service import make_tls_certificate


@pytest.mark.parametrize(("url", "words"), [
    ("ftp://nilai.example", "https://HOST"),
    ("http://nilai.example:8080", "plain http is for loopback only"),
])
def test_bad_sync_url_is_one_line_and_writes_nothing(demo: Demo, tmp_path: Path, url: str, words: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    cert, _key = make_tls_certificate(tmp_path)
    before = db_digest(demo.coordinator)
    code = run_cli("--data-dir", demo.coordinator, "round", "export", "--out", tmp_path / "r.nilairound",
                   "--passphrase-file", demo.passphrase_file, "--sync-url", url, "--sync-cert", cert)
    err = capsys.readouterr().err
    assert code == 1 and words in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "r.nilairound").exists() and db_digest(demo.coordinator) == before


def test_sync_cert_that_is_not_a_certificate(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "service.crt"
    junk.write_text("not a certificate\n")
    code = run_cli("--data-dir", demo.coordinator, "round", "export", "--out", tmp_path / "r.nilairound",
                   "--sync-url", "https://nilai.example", "--sync-cert", junk)
    assert code == 1 and "sync service certificate cannot be read" in capsys.readouterr().err


def test_sync_without_a_service_in_the_round_package_keeps_the_versions(demo: Demo,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from sqlmodel import select

    from app.models.sync import OutboxEntry
    from app.store import open_store

    code = run_cli("--data-dir", demo.assessors[0], "sync", "--passphrase-file", demo.passphrase_file)
    out = capsys.readouterr().out
    assert code == 1 and "its round package names no sync service" in out, out
    store = open_store(demo.assessors[0])
    try:
        with store.transaction() as session:
            entries = list(session.exec(select(OutboxEntry)))
    finally:
        store.close()
    assert entries and all(e.sent_at is None and e.outcome == "no_target" for e in entries)
