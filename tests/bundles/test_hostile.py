"""Hostile bundles (resilience): thousands of damaged and forged bundles through the real importer.

Each mutant is either rejected with a specific reason, leaving the coordinator's database
byte-for-byte unchanged, or is a valid bundle that imports; no exception escapes the importer.
NILAI_HOSTILE_BUNDLES sets the campaign size (CI default below; try 5000 for a manual run).
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bundles.helpers import PASSPHRASE, Demo, db_digest, export
from tests.bundles.hostile import OPERATORS, REASONS, Ctx

CAMPAIGN = int(os.environ.get("NILAI_HOSTILE_BUNDLES", "2000"))


@dataclass
class Arena:
    ctx: Ctx
    coordinator: Path
    pristine: Path
    trust: dict


@pytest.fixture(scope="module")
def arena(demo_template: Demo, tmp_path_factory: pytest.TempPathFactory) -> Arena:
    from app.bundles.trust import cert_info
    from app.identity import create_identity, load_identity

    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(demo_template.root, root / "demo")
    demo = Demo(root / "demo", root / "demo" / "coordinator",
                [root / "demo" / "assessors" / p.name for p in demo_template.assessors], root / "demo" / "certs",
                root / "demo" / "pass.txt")
    bundle = export(demo, 0, root / "valid.nilai")
    outsider = root / "outsider"
    outsider.mkdir()
    create_identity(outsider, "Penyusup", "199001012020011001", "Tidak Dikenal", PASSPHRASE)
    mine, other = load_identity(demo.assessors[0]), load_identity(demo.assessors[1])
    trust = {info.fingerprint: cert_info(info.cert_pem.encode("ascii"), info.name) for info in (mine, other)}
    pristine = root / "pristine"
    shutil.copytree(demo.coordinator, pristine)
    ctx = Ctx(bundle, root / "mutant.nilai", demo.assessors[0], outsider, other.cert_pem.encode("ascii"))
    return Arena(ctx, demo.coordinator, pristine, trust)


def _import(arena: Arena, path: Path):
    from app.bundles.importer import import_bundles
    from app.store import open_store

    store = open_store(arena.coordinator)
    try:
        return import_bundles(store, [path], extra_trust=arena.trust, workers=0).bundles[0]
    finally:
        store.close()


def _reset(arena: Arena) -> None:
    shutil.rmtree(arena.coordinator)
    shutil.copytree(arena.pristine, arena.coordinator)


def test_the_unmutated_bundle_imports(arena: Arena) -> None:
    report = _import(arena, arena.ctx.source)
    assert report.outcome == "imported", report.line()
    _reset(arena)


# A third of the suite's time; `make test-fast` leaves it out, CI runs it.
@pytest.mark.slow
def test_hostile_bundle_campaign(arena: Arena, capsys) -> None:
    from app.bundles import report as R

    outcomes: Counter[str] = Counter()
    by_operator: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    survivors: Counter[str] = Counter()
    before = db_digest(arena.coordinator)

    @settings(max_examples=CAMPAIGN, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(operator=st.sampled_from(sorted(OPERATORS)), seed=st.integers(0, 2**32 - 1))
    def campaign(operator: str, seed: int) -> None:
        mutant = OPERATORS[operator](arena.ctx, random.Random(seed))
        by_operator[operator] += 1
        result = _import(arena, mutant)  # any exception other than a report fails the campaign
        if result.outcome == R.BUNDLE_REJECTED:
            assert result.error_kind and result.reason, f"{operator}: rejected without a reason"
            assert result.error_kind != "bundle", f"{operator}: rejection not specific: {result.reason}"
            if operator in REASONS:
                assert any(words in result.reason for words in REASONS[operator]), f"{operator}: {result.reason}"
            assert db_digest(arena.coordinator) == before, f"{operator}: rejected but the database changed"
            outcomes["rejected"] += 1
            kinds[result.error_kind] += 1
        else:
            # A mutant that survives every check must be a genuine bundle from the trusted assessor.
            assert result.fingerprint in arena.trust, f"{operator}: accepted from {result.fingerprint}"
            outcomes[result.outcome] += 1
            survivors[operator] += 1
            _reset(arena)

    campaign()
    total = sum(by_operator.values())
    assert total == CAMPAIGN
    assert outcomes["rejected"] > total * 0.8  # almost every mutation is damage that must be refused
    assert len(by_operator) == len(OPERATORS)  # every kind of damage was tried
    with capsys.disabled():
        print(f"\nhostile bundles: {total} mutated, {outcomes['rejected']} rejected with a specific reason and the "
              f"database unchanged, {total - outcomes['rejected']} still valid and imported")
        print("  rejections by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        print("  valid mutants by operator: " + ", ".join(f"{k} {n}" for k, n in survivors.most_common()))
        print("  mutations by operator: " + ", ".join(f"{k} {n}" for k, n in sorted(by_operator.items())))
