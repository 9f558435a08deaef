"""Several real processes writing one store at once, on SQLite and on PostgreSQL.

Importers started together with the same bundles in different orders end with exactly the store a
sequential import makes, row for row; every process exits 0 with no traceback. Processes opening an
empty store at once do not fight over its migration, and moderators writing one round's moderation
chain at once each get their entry, in one intact chain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database
from sqlalchemy import create_engine, text

from tests.bundles.helpers import Demo, current_versions, export, reopen_edit_finalize

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4

# What an import writes, with the columns that do not depend on when or in which order it ran.
TABLES = {
    "assessor": "id, name, nip, organisation, cert_fingerprint",
    "round": "id, name, programme, instrument_hash",
    "candidate": "round_id, region_code",
    "instrument": "content_hash",
    "assessment": "version_id, record_id, previous_version_id, status, is_current, in_conflict, region_code, "
                  "assessor_id, sheet_sha256",
    "score": "version_id, indicator_code, level, not_applicable, note",
    "evidence": "id, version_id, indicator_code, sha256",
    "change_log": "id, chain_id, position, version_id, field, old, new, entry_hash",
    "imported_version": "record_id, version_id, record_sha256",
    "bundle_receipt": "manifest_sha256, bundle_id, assessor_id, records",
    "trusted_certificate": "fingerprint",
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)])])
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param


class Target:
    """A fresh, empty store: a data directory, and a PostgreSQL database where the kind says so."""

    def __init__(self, root: Path, url: str | None) -> None:
        self.data_dir, self.url = root, url
        root.mkdir(parents=True)

    def args(self) -> list[str]:
        return ["--data-dir", str(self.data_dir), *(["--database-url", self.url] if self.url else [])]

    def rows(self) -> dict[str, list[tuple]]:
        engine = create_engine(self.url or f"sqlite:///{self.data_dir / 'nilai.sqlite3'}")
        try:
            with engine.connect() as conn:
                return {table: sorted(tuple(map(str, row)) for row in conn.execute(text(
                    f"SELECT {columns} FROM {table}"))) for table, columns in TABLES.items()}
        finally:
            engine.dispose()


@pytest.fixture
def targets(engine_kind: str, tmp_path: Path) -> Iterator[Callable[[str], Target]]:
    made: list[Iterator[str]] = []

    def make(name: str) -> Target:
        url = None
        if engine_kind == "postgresql":
            database = postgres_database("nilai_conc")
            url = next(database)
            made.append(database)
        return Target(tmp_path / name, url)

    yield make
    for database in made:
        next(database, None)


def _nilai(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _all(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    finished = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        finished.append((process.returncode, out, err))
    return finished


def _bundles(demo: Demo, tmp_path: Path) -> list[Path]:
    """Each assessor's bundle, and a later one of the first assessor with a reopened, changed version."""
    first = [export(demo, i, tmp_path / f"b{i}.nilai") for i in range(len(demo.assessors))]
    _, version, _ = current_versions(demo.assessors[0])[0]
    reopen_edit_finalize(demo.assessors[0], version)
    return [*first, export(demo, 0, tmp_path / "b0-later.nilai")]


def test_importers_at_once_end_with_the_store_a_sequential_import_makes(demo: Demo, targets, tmp_path: Path) -> None:
    bundles = [str(b) for b in _bundles(demo, tmp_path)]
    sequential, concurrent = targets("sequential"), targets("concurrent")
    done = _all([_nilai(*sequential.args(), "bundle", "import", *bundles, "--trust-dir", str(demo.certs))])
    assert done[0][0] == 0, done[0][2]

    orders = [bundles[k:] + bundles[:k] for k in range(PROCESSES - 1)] + [bundles[::-1]]
    reports = [tmp_path / f"report-{k}.json" for k in range(PROCESSES)]
    results = _all([_nilai(*concurrent.args(), "bundle", "import", *order, "--trust-dir", str(demo.certs),
                           "--report", str(report)) for order, report in zip(orders, reports, strict=True)])
    for code, _out, err in results:
        assert "Traceback" not in err, err
        assert code == 0, err
    assert all(report.is_file() for report in reports)
    assert concurrent.rows() == sequential.rows()


def test_processes_opening_an_empty_store_at_once_all_succeed(targets) -> None:
    target = targets("empty")
    results = _all([_nilai(*target.args(), "round", "list") for _ in range(PROCESSES)])
    for code, _out, err in results:
        assert (code, "Traceback" in err) == (0, False), err
    assert target.rows()["round"] == []


def test_moderators_at_once_each_get_their_entry_in_one_intact_chain(demo: Demo, targets, tmp_path: Path) -> None:
    target = targets("moderated")
    bundles = [str(b) for b in _bundles(demo, tmp_path)]
    done = _all([_nilai(*target.args(), "bundle", "import", *bundles, "--trust-dir", str(demo.certs))])
    assert done[0][0] == 0, done[0][2]
    rows = target.rows()
    region_of = {row[0]: row[6] for row in rows["assessment"]}
    scored = sorted({(region_of[v], code) for v, code, *_ in rows["score"]})
    cases = scored[:PROCESSES]
    assert len(cases) == PROCESSES
    results = _all([_nilai(*target.args(), "moderation", "set", region, code, "2", "--reason", f"panel {k}",
                           "--actor", f"Koordinator {k}") for k, (region, code) in enumerate(cases)])
    for code, _out, err in results:
        assert (code, "Traceback" in err) == (0, False), err
    chain = [row for row in target.rows()["change_log"] if row[1].startswith("moderation:")]
    assert sorted(int(row[2]) for row in chain) == list(range(len(cases)))
    check = _all([_nilai(*target.args(), "check")])[0]
    assert check[0] == 0, check
