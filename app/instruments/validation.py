"""Instrument validation: the JSON schema, the rules it cannot express, readable problem lines.

Validation collects every problem before raising, because an editor fixing a file wants the whole
list at once, each with its location, rather than one error per run. Problems are
``(location, message)`` pairs; :func:`format_problems` turns them into lines in document order.
"""

from __future__ import annotations

import difflib
import functools
import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from app.instruments.errors import Location
from app.instruments.locations import schema_path

__all__ = ["MIN_LEVELS", "WEIGHT_TOLERANCE", "WEIGHT_TOTAL", "format_problems", "validate"]

WEIGHT_TOTAL = 100.0
WEIGHT_TOLERANCE = 1e-6
MIN_LEVELS = 2


def validate(data: Any) -> list[tuple[Location, str]]:
    if data is None:
        return [((), "the file is empty")]
    if not isinstance(data, Mapping):
        return [((), f"the top level must be a mapping of fields (id, version, …), got {_kind(data)}")]
    return _schema_problems(data) + _semantic_problems(data)


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator  # deferred: slow to import, most CLI commands never validate

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


@functools.lru_cache(maxsize=1)
def _compiled_check() -> Any:
    import fastjsonschema  # deferred: compiles the schema to Python (~15 ms), only when validating

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    # fastjsonschema knows drafts 4-7; every keyword the schema uses means the same there.
    schema.pop("$schema", None)
    return fastjsonschema.compile(schema)


def _passes_schema(data: Mapping[str, Any]) -> bool:
    """The schema's yes or no from the compiled check (~30x faster than jsonschema's walk).

    Only a yes is trusted; a no (or a value the compiled code trips on) goes to jsonschema, which
    decides and words each problem. Its const and type checks keep 1 and true apart as jsonschema does.
    """
    import fastjsonschema  # deferred: see _compiled_check

    try:
        _compiled_check()(data)
    except (fastjsonschema.JsonSchemaException, TypeError, ValueError, RecursionError):
        return False
    return True


def _schema_problems(data: Mapping[str, Any]) -> list[tuple[Location, str]]:
    if _passes_schema(data):
        return []
    problems: list[tuple[Location, str]] = []
    for error in _validator().iter_errors(data):
        problems.append((tuple(error.absolute_path), _schema_message(error)))
    return problems


_KIND_WANTED = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def _schema_message(error: Any) -> str:
    """A sentence a human editor understands, instead of jsonschema's developer wording."""
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    noun = schema.get("title")
    value = error.instance
    validator = error.validator
    if validator == "required":
        missing = [k for k in error.validator_value if not isinstance(value, Mapping) or k not in value]
        names = {"en": "English text (en)", "id": "Indonesian text (id)"} if noun == "bilingual text" else {}
        return "missing " + ", ".join(names.get(k, f"field {k!r}") for k in missing)
    if validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [k for k in value if k not in allowed] if isinstance(value, Mapping) else []
        parts = []
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            parts.append(f"unknown field {key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        return "; ".join(parts) or error.message
    if validator == "type":
        wanted = error.validator_value
        wanted_text = _KIND_WANTED.get(wanted, str(wanted)) if isinstance(wanted, str) else str(wanted)
        if noun == "bilingual text":
            return f"must be a mapping with 'id' and 'en' texts, got {_kind(value)}"
        hint = ""
        if wanted == "string" and isinstance(value, bool | int | float | date):
            hint = " (put the value in quotes)"
        label = noun or "value"
        return f"{label} must be {wanted_text}, got {_kind(value)}{hint}"
    if validator in ("pattern", "minLength") and noun in ("Indonesian text", "English text"):
        return f"{noun} is empty"
    if validator in ("pattern", "minLength"):
        hint = schema.get("x-hint") or ""
        label = noun or "value"
        return f"{value!r} is not a valid {label}" + (f": {hint}" if hint else "")
    if validator == "minItems":
        label = noun or "list"
        count = len(value) if isinstance(value, list | tuple | dict | str) else 0
        return f"{label} needs at least {error.validator_value} entries (got {count})"
    if validator == "exclusiveMinimum":
        return f"{noun or 'value'} must be greater than {_num(error.validator_value)} (got {_num(value)})"
    if validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        return f"{noun or 'value'} must be {bound} {_num(error.validator_value)} (got {_num(value)})"
    if validator == "const":
        return f"{noun or 'value'} must be {error.validator_value!r} (got {value!r})"
    return error.message


def _semantic_problems(data: Mapping[str, Any]) -> list[tuple[Location, str]]:
    """Rules a JSON schema cannot express: uniqueness, weight sums, level sequences.

    Runs on data that may also have schema errors, so every access is defensive and a rule is
    skipped where its inputs are malformed (the schema has already reported those).
    """
    problems: list[tuple[Location, str]] = []
    dimensions = data.get("dimensions")
    if not isinstance(dimensions, list):
        return problems

    dim_codes: dict[str, int] = {}
    ind_codes: dict[str, tuple[int, int]] = {}
    dim_weights: list[float] = []
    for d, dim in enumerate(dimensions):
        if not isinstance(dim, Mapping):
            continue
        path: Location = ("dimensions", d)
        code = dim.get("code")
        if isinstance(code, str):
            if code in dim_codes:
                problems.append((path, f"code {code!r} is already used by dimension {dim_codes[code] + 1}"))
            else:
                dim_codes[code] = d
        dim_weights.append(_weight(dim.get("weight")))

        indicators = dim.get("indicators")
        if not isinstance(indicators, list):
            continue
        ind_weights: list[float] = []
        for i, ind in enumerate(indicators):
            if not isinstance(ind, Mapping):
                ind_weights.append(math.nan)
                continue
            ipath: Location = (*path, "indicators", i)
            icode = ind.get("code")
            if isinstance(icode, str):
                if icode in ind_codes:
                    od, oi = ind_codes[icode]
                    other = _describe(("dimensions", od, "indicators", oi), data)
                    problems.append((ipath, f"code {icode!r} is already used by {other}"))
                else:
                    ind_codes[icode] = (d, i)
            ind_weights.append(_weight(ind.get("weight")))
            problems += _level_problems(ind.get("levels"), ipath)
        if ind_weights and not any(math.isnan(w) for w in ind_weights):
            total = math.fsum(ind_weights)
            if abs(total - WEIGHT_TOTAL) > WEIGHT_TOLERANCE:
                problems.append(
                    (path, f"indicator weights do not sum to {_num(WEIGHT_TOTAL)} (got {_num(total)})")
                )

    if dim_weights and not any(math.isnan(w) for w in dim_weights):
        total = math.fsum(dim_weights)
        if abs(total - WEIGHT_TOTAL) > WEIGHT_TOLERANCE:
            problems.append(
                (("dimensions",), f"dimension weights do not sum to {_num(WEIGHT_TOTAL)} (got {_num(total)})")
            )
    return problems


def _level_problems(levels: Any, path: Location) -> list[tuple[Location, str]]:
    if not isinstance(levels, list) or len(levels) < MIN_LEVELS:
        return []  # the schema reports a missing list or too few levels
    raw: list[Any] = [lv.get("level") if isinstance(lv, Mapping) else None for lv in levels]
    if not all(_is_whole(n) for n in raw):
        return []  # the schema reports the malformed entries
    numbers = [int(n) for n in raw]
    expected = list(range(1, len(numbers) + 1))
    if numbers == expected:
        return []
    first_wrong = next(k for k, (n, e) in enumerate(zip(numbers, expected, strict=True)) if n != e)
    got = ", ".join(str(n) for n in numbers)
    want = ", ".join(str(n) for n in expected)
    return [
        (
            (*path, "levels", first_wrong),  # point at the first entry that is out of line
            f"levels must be numbered 1, 2, 3, … in order, without gaps (expected {want}; got {got})",
        )
    ]


def _is_whole(value: Any) -> bool:
    # JSON Schema counts 2.0 as an integer, so the level rules must too.
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _weight(value: Any) -> float:
    # NaN for anything the schema rejects, so a sum is only reported when it is the one mistake.
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return math.nan
    if not 0 < value <= WEIGHT_TOTAL:
        return math.nan
    return float(value)


# --------------------------------------------------------------------------------------------------
# Problem formatting


def format_problems(
    problems: list[tuple[Location, str]], data: Any, lines: dict[Location, int] | None
) -> list[str]:
    order = _document_order(data)

    def sort_key(item: tuple[int, tuple[Location, str]]) -> tuple[int, int]:
        index, (path, _) = item
        return (_nearest(order, path, default=-1), index)

    out: list[str] = []
    for _, (path, message) in sorted(enumerate(problems), key=sort_key):
        where = _describe(path, data)
        line = _nearest(lines, path, default=0) if lines else 0
        if line:
            where = f"{where} [line {line}]"
        out.append(f"{where}: {message}")
    return out


def _nearest(table: dict[Location, int] | None, path: Location, default: int) -> int:
    """The value for ``path`` or its closest ancestor (a missing key has no node of its own)."""
    if not table:
        return default
    for cut in range(len(path), -1, -1):
        found = table.get(path[:cut])
        if found is not None:
            return found
    return default


def _document_order(data: Any) -> dict[Location, int]:
    """Pre-order position of every location, so problems are listed top to bottom."""
    order: dict[Location, int] = {}

    def visit(value: Any, path: Location, depth: int) -> None:
        order[path] = len(order)
        if depth > 64:
            return
        if isinstance(value, Mapping):
            for key, item in value.items():
                visit(item, (*path, key), depth + 1)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, (*path, index), depth + 1)

    visit(data, (), 0)
    return order


def _describe(path: Location, data: Any) -> str:
    """``("dimensions", 1, "indicators", 2, "title", "en")`` → ``dimension 2 (INF), indicator 3 (INF-3), title.en``."""
    parts: list[str] = []
    fields: list[str] = []
    node = data
    i = 0
    while i < len(path):
        key = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if key in ("dimensions", "indicators", "levels") and isinstance(nxt, int):
            items = node.get(key) if isinstance(node, Mapping) else None
            item = items[nxt] if isinstance(items, list) and nxt < len(items) else None
            parts.append(_describe_item(str(key), nxt, item))
            node = item
            i += 2
            continue
        fields.append(str(key))
        node = node.get(key) if isinstance(node, Mapping) else None
        i += 1
    if fields:
        parts.append(".".join(fields))
    return ", ".join(parts) or "instrument"


def _describe_item(kind: str, index: int, item: Any) -> str:
    if kind == "levels":
        declared = item.get("level") if isinstance(item, Mapping) else None
        if isinstance(declared, int) and not isinstance(declared, bool) and declared != index + 1:
            return f"level entry {index + 1} (level {declared})"
        return f"level {index + 1}"
    noun = "dimension" if kind == "dimensions" else "indicator"
    code = item.get("code") if isinstance(item, Mapping) else None
    return f"{noun} {index + 1} ({code})" if isinstance(code, str) and code else f"{noun} {index + 1}"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {_num(value)}"
    if isinstance(value, datetime | date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
