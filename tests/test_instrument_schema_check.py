"""The compiled schema check (fastjsonschema) says yes exactly where jsonschema finds no problem.

Validation trusts the compiled check's yes and lets jsonschema word every no, so a yes the two
disagree on would let a broken instrument through; these tests look for one.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.instruments import validation
from app.instruments.locations import schema_path

DATA = Path(__file__).parent / "data" / "instruments"
RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "instruments"


def _raw(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _jsonschema_problems(data: Any) -> list[Any]:
    from jsonschema import Draft202012Validator  # deferred: as in the module under test

    return list(Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8"))).iter_errors(data))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


BASE = _raw(DATA / "valid-minimal.yaml")
PATHS = _paths(BASE)
# Values that sit on the edges of the schema's keywords: bool against const 1 and integer, 2.0 as an
# integer, 0 and 100 against the weight's bounds, blank and padded texts, dates YAML makes from 2026-01-02.
ODD_VALUES = [True, False, 0, 1, 1.0, 2.0, 2.5, -1, 0.0, 100, 100.0001, 1e308, float("nan"), "", " ", "x",
              "  1.0", "STR-1", "str", "A" * 30, None, [], {}, [1], {"id": "x"}, {"id": " ", "en": "x"},
              {"id": "x", "en": "y"}, {"id": "x", "en": "y", "fr": "z"}, date(2026, 1, 2)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(ODD_VALUES)), min_size=1, max_size=3),
       extra_key=st.sampled_from([None, "comment", "weights", "required"]))
def test_the_compiled_check_agrees_with_jsonschema_on_edited_instruments(edits, extra_key) -> None:
    data = copy.deepcopy(BASE)
    for path, value in edits:
        if not path:
            continue
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced a parent
    if extra_key is not None and isinstance(data.get("dimensions"), list) and data["dimensions"] \
            and isinstance(data["dimensions"][0], dict):
        data["dimensions"][0][extra_key] = 1
    assert validation._passes_schema(data) == (not _jsonschema_problems(data))


@pytest.mark.parametrize("path", [*RESOURCES.glob("*.yaml"), *DATA.glob("*.yaml")], ids=lambda p: p.stem)
def test_the_compiled_check_agrees_with_jsonschema_on_every_instrument_file(path: Path) -> None:
    try:
        data = _raw(path)
    except yaml.YAMLError:
        pytest.skip("not YAML at all: the parser reports it before any schema")
    if not isinstance(data, dict):
        pytest.skip("not a mapping: validate() reports it before any schema")
    assert validation._passes_schema(data) == (not _jsonschema_problems(data))


def test_a_broken_instrument_still_gets_jsonschema_s_wording() -> None:
    data = copy.deepcopy(BASE)
    data["format"] = True  # 1 to Python, not to the schema
    data["dimensions"][0]["weight"] = "50"
    problems = validation.validate(data)
    assert (("format",), "format version must be 1 (got True)") in problems
    assert any(loc == ("dimensions", 0, "weight") and "must be a number" in msg for loc, msg in problems)
