"""The consolidation benchmark still runs (at a toy size; the real run is benchmarks/bench_consolidation.py)."""

from __future__ import annotations

from benchmarks.bench_consolidation import main


def test_benchmark_runs_small(capsys) -> None:
    assert main(["--regions", "12", "--assessors", "3", "--indicators", "6", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "ratio consolidate / baseline" in out and "baseline" in out
