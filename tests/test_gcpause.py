"""The collector paused while a command loads, then what it loaded frozen (app.base.gcpause)."""

from __future__ import annotations

import gc

from app.base.gcpause import loaded_then_frozen, paused_gc


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
