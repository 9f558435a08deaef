"""A bundle whose round has the name of a round here but another id: the import says so, and the round
list tells the two apart by id and origin (created here / from bundle)."""

from __future__ import annotations

import json
from pathlib import Path

from app.base.ids import short_id
from tests.bundles.helpers import Demo, export, run_cli


def test_a_namesake_round_is_named_in_the_import_and_told_apart_in_the_round_list(demo: Demo, tmp_path: Path,
                                                                                   capsys) -> None:
    here = tmp_path / "other-coordinator"
    assert run_cli("--data-dir", here, "demo", "--regions", "2", "--assessors", "1") == 0
    bundle = export(demo, 0, tmp_path / "assessor0.nilai")
    capsys.readouterr()
    assert run_cli("--data-dir", here, "round", "list", "--json") == 0
    [own] = json.loads(capsys.readouterr().out)
    assert own["origin"] == "here"

    assert run_cli("--data-dir", here, "bundle", "import", bundle, "--trust-dir", demo.certs, "--json") == 0
    [report] = json.loads(capsys.readouterr().out)["bundles"]
    [note] = [n for n in report["notes"] if "already exists here" in n]
    assert f"a round named {own['name']!r} already exists here with another id ({short_id(own['id'])})" in note
    assert "created beside it" in note

    assert run_cli("--data-dir", here, "round", "list") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(own["name"] in line for line in lines)
    mine = next(line for line in lines if line.startswith(short_id(own["id"])))
    theirs = next(line for line in lines if not line.startswith(short_id(own["id"])))
    assert mine.endswith("(created here)") and theirs.endswith("(from bundle)")
    assert theirs.split()[0] != short_id(own["id"])
