"""Fixtures for bundle tests: one small demo (coordinator + three assessors with identities) built
once per session through the real CLI (`nilai demo --assessor-dirs`), copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bundles.helpers import PASSPHRASE, Demo, Rich, make_rich, run_cli


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    from app.identity import export_certificate

    root = tmp_path_factory.mktemp("bundle-demo")
    passphrase_file = root / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = run_cli("--data-dir", root / "coordinator", "demo", "--regions", "6", "--assessors", "3",
                   "--assessor-dirs", root / "assessors", "--passphrase-file", passphrase_file)
    assert code == 0
    assessors = sorted(p for p in (root / "assessors").iterdir() if p.is_dir())
    assert len(assessors) == 3
    certs = root / "certs"
    certs.mkdir()
    for directory in assessors:
        export_certificate(directory, certs / f"{directory.name}.pem")
    return Demo(root, root / "coordinator", assessors, certs, passphrase_file)


@pytest.fixture
def demo(demo_template: Demo, tmp_path: Path) -> Demo:
    root = tmp_path / "demo"
    shutil.copytree(demo_template.root, root)
    return Demo(root, root / "coordinator", [root / "assessors" / p.name for p in demo_template.assessors],
                root / "certs", root / "pass.txt")




@pytest.fixture(scope="module")
def rich(demo_template: Demo, tmp_path_factory: pytest.TempPathFactory) -> Rich:
    """Assessor 0's bundle with evidence and signed sheets, and a coordinator holding another bundle."""
    return make_rich(demo_template, tmp_path_factory.mktemp("rich"))
