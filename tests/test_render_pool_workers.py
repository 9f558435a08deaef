"""How many render processes a batch of sheets gets, and the environment variable that overrides it."""

from __future__ import annotations

import pytest

from app.sheets import render_pool
from app.sheets.render_pool import WORKERS_VARIABLE, default_workers


def test_small_batches_render_in_process(monkeypatch) -> None:
    monkeypatch.delenv(WORKERS_VARIABLE, raising=False)
    assert default_workers(render_pool.POOL_THRESHOLD - 1) == 1
    assert 1 <= default_workers(116) <= render_pool.MAX_WORKERS


@pytest.mark.parametrize(("value", "count", "expected"), [("1", 116, 1), ("3", 116, 3), ("3", 2, 2), ("2", 0, 1)])
def test_the_variable_chooses(monkeypatch, value: str, count: int, expected: int) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, value)
    assert default_workers(count) == expected


@pytest.mark.parametrize("value", ["", "0", "two", "-1"])
def test_a_value_that_is_not_a_positive_whole_number_is_ignored(monkeypatch, value: str) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, value)
    assert default_workers(3) == 1  # below the threshold: in-process, as without the variable
