"""The collector paused while a command loads, then what it loaded frozen; its threshold raised during an
import, and put back (app.base.gcpause)."""

from __future__ import annotations

import gc
import threading

import pytest

from app.base.gcpause import YOUNG, fewer_collections, loaded_then_frozen, paused_gc


def test_loading_pauses_the_collector_then_freezes_what_was_loaded():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with loaded_then_frozen() as loaded:
        assert not gc.isenabled(), "no collection while the command loads"
        library = [object() for _ in range(3)]  # noqa: F841 - stands for what a command imports
        loaded()
        assert gc.isenabled(), "collections resume for the work"
        assert gc.get_freeze_count() > 0, "what was loaded is out of the collector's sight"
        loaded()  # a second call changes nothing
        assert gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0, "thawed on leaving: a test process goes on as before"


def test_a_command_that_fails_before_it_has_loaded_leaves_the_collector_as_it_was():
    try:
        with loaded_then_frozen():
            raise RuntimeError("no store here")
    except RuntimeError:
        pass
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with loaded_then_frozen() as loaded:
            loaded()
            assert not gc.isenabled()
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.fixture
def _usual_threshold():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


@pytest.mark.usefixtures("_usual_threshold")
def test_raised_inside_and_put_back_after_even_on_an_error() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (YOUNG, 10, 10)
        raise RuntimeError("a bundle's import failed")
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.usefixtures("_usual_threshold")
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


@pytest.mark.usefixtures("_usual_threshold")
def test_a_higher_threshold_set_by_the_program_is_kept() -> None:
    gc.set_threshold(100_000, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 100_000
    assert gc.get_threshold() == (100_000, 10, 10)


@pytest.mark.usefixtures("_usual_threshold")
def test_cycles_are_still_collected() -> None:
    class Node:
        pass

    with fewer_collections():
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        del node
        assert gc.collect() >= 1
