"""The garbage collector's threshold during an import (app/bundles/collector.py): raised, and put back."""

from __future__ import annotations

import gc
import threading

import pytest

from app.bundles.collector import YOUNG, fewer_collections


@pytest.fixture(autouse=True)
def _usual_threshold():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_raised_inside_and_put_back_after_even_on_an_error() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (YOUNG, 10, 10)
        raise RuntimeError("a bundle's import failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_and_concurrent_imports_put_back_the_threshold_from_before_the_first() -> None:
    inner_in, outer_out = threading.Event(), threading.Event()
    seen: list[int] = []

    def other_import() -> None:  # begins inside the first import and ends after it
        with fewer_collections():
            inner_in.set()
            outer_out.wait(5)
            seen.append(gc.get_threshold()[0])  # still importing: the first one's end must not have put it back

    with fewer_collections():
        worker = threading.Thread(target=other_import)
        worker.start()
        assert inner_in.wait(5)
        with fewer_collections():
            pass
        assert gc.get_threshold()[0] == YOUNG
    outer_out.set()
    worker.join(5)
    assert seen == [YOUNG]
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_set_by_the_program_is_kept() -> None:
    gc.set_threshold(100_000, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 100_000
    assert gc.get_threshold() == (100_000, 10, 10)


def test_cycles_are_still_collected() -> None:
    class Node:
        pass

    with fewer_collections():
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        del node
        assert gc.collect() >= 1
