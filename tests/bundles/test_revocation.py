"""`nilai bundle trust --revoke NIP|FP`: a revoked certificate stays on the list, marked, and no file
import accepts it any more (the sync service refuses it too: tests/sync)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bundles.helpers import Demo, export, run_cli


def test_a_revoked_certificate_is_refused_by_file_import_and_not_trusted_again(demo: Demo, tmp_path: Path,
                                                                                capsys) -> None:
    from app.bundles.trust import cert_info

    coordinator = ("--data-dir", demo.coordinator)
    bundle = export(demo, 0, tmp_path / "a0.nilai")
    info = cert_info(demo.cert(0))
    assert run_cli(*coordinator, "bundle", "trust", demo.cert(0)) == 0
    assert run_cli(*coordinator, "bundle", "trust", "--revoke", info.fingerprint[:12], "--reason", "laptop lost") == 0
    capsys.readouterr()

    assert run_cli(*coordinator, "bundle", "import", bundle, "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["bundles"][0]["error_kind"] == "untrusted" and report["totals"] == {}

    assert run_cli(*coordinator, "bundle", "trust", demo.cert(0)) == 1  # not in passing, not by accident
    assert "revoked" in capsys.readouterr().err
    assert run_cli(*coordinator, "bundle", "import", bundle, "--trust", demo.cert(0), "--json") == 1
    assert "revoked" in json.loads(capsys.readouterr().out)["bundles"][0]["reason"]

    assert run_cli(*coordinator, "bundle", "trust", "--json") == 0
    listed = {c["fingerprint"]: c["source"] for c in json.loads(capsys.readouterr().out)}
    assert listed[info.fingerprint].startswith("revoked ") and "laptop lost" in listed[info.fingerprint]


def test_revoke_names_nothing_known(demo: Demo, capsys) -> None:
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", "--revoke", "199901012020011001") == 1
    err = capsys.readouterr().err
    assert "no certificate on the trust list" in err and len(err.strip().splitlines()) == 1
