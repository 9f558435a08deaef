"""Instrument definitions: load, validate, normalise, hash.

An instrument is a human-edited YAML file under ``resources/instruments/`` (format described in
``docs/instrument-format.md`` and ``resources/instruments/schema.json``). Bundles and round packages
carry the same definition as a JSON mapping, so validation works on plain data
(:func:`parse_instrument`) and the YAML loader is a thin layer on top (:func:`load_instrument`).

Validation collects every problem before raising, because an editor fixing a file wants the whole
list at once, each with its location, rather than one error per run.

Every score records the instrument's ``content_hash``: sha256 over the canonical JSON of the
*normalised* definition (defaults filled in, texts trimmed and NFC-normalised, weights as floats),
so reformatting a file does not change it and any change of content does.

Pure Python, no Qt, no database: the CLI, the store and the bundle code all build on this.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from app.models.domain import Dimension, Indicator, Instrument, RubricLevel, Text

__all__ = [
    "FORMAT_VERSION",
    "InstrumentError",
    "builtin_instruments",
    "canonical_hash",
    "find_instrument",
    "instrument_to_dict",
    "instruments_dir",
    "load_instrument",
    "parse_instrument",
    "schema_path",
]

FORMAT_VERSION = 1
WEIGHT_TOTAL = 100.0
WEIGHT_TOLERANCE = 1e-6
MIN_LEVELS = 2
# A hash prefix shorter than this is too likely to match by accident (or to be a typo'd id).
MIN_HASH_PREFIX = 6

Location = tuple[str | int, ...]  # a location inside the definition, e.g. ("dimensions", 1, "weight")


class InstrumentError(Exception):
    """An instrument definition that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, path: str | Path, problems: Sequence[str]) -> None:
        self.path = str(path)
        self.problems: list[str] = list(problems) or ["invalid instrument"]
        super().__init__(self.path, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.path}: invalid instrument ({count} {noun})"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Public API


def load_instrument(path: str | Path) -> Instrument:
    """Read, validate and normalise one YAML instrument file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InstrumentError(path, ["file not found"]) from exc
    except IsADirectoryError as exc:
        raise InstrumentError(path, ["is a directory, not an instrument file"]) from exc
    except OSError as exc:
        raise InstrumentError(path, [f"cannot read the file: {exc.strerror or exc}"]) from exc
    try:
        # utf-8-sig: Windows editors like to prepend a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InstrumentError(path, [f"not UTF-8 text (bad byte at offset {exc.start})"]) from exc

    data, lines, yaml_problems = _parse_yaml(text, str(path))
    return _build(data, str(path), lines, yaml_problems)


def parse_instrument(data: Mapping[str, Any], source: str = "<data>") -> Instrument:
    """Validate and normalise an already-parsed definition (e.g. JSON from a bundle)."""
    return _build(data, source, None, [])


def instrument_to_dict(instrument: Instrument) -> dict[str, Any]:
    """The normalised, JSON-ready definition; ``parse_instrument`` of it gives back ``instrument``."""
    return {
        "format": FORMAT_VERSION,
        "id": instrument.id,
        "version": instrument.version,
        "title": _text_dict(instrument.title),
        "description": _text_dict(instrument.description),
        "source_note": _text_dict(instrument.source_note),
        "dimensions": [
            {
                "code": dim.code,
                "title": _text_dict(dim.title),
                "weight": float(dim.weight),
                "indicators": [
                    {
                        "code": ind.code,
                        "title": _text_dict(ind.title),
                        "question": _text_dict(ind.question),
                        **{
                            key: _text_dict(text)
                            for key, text in (
                                ("guidance", ind.guidance),
                                ("evidence_hint", ind.evidence_hint),
                            )
                            if text.id or text.en
                        },
                        "weight": float(ind.weight),
                        "required": ind.required,
                        "levels": [
                            {
                                "level": lv.level,
                                "label": _text_dict(lv.label),
                                "descriptor": _text_dict(lv.descriptor),
                                "requires_note": lv.requires_note,
                                "requires_evidence": lv.requires_evidence,
                            }
                            for lv in ind.levels
                        ],
                    }
                    for ind in dim.indicators
                ],
            }
            for dim in instrument.dimensions
        ],
    }


def canonical_hash(data: Mapping[str, Any]) -> str:
    """sha256 hex of the canonical JSON of the normalised definition ``data``.

    ``data`` may be raw (as parsed from YAML) or already normalised (``instrument_to_dict``): both
    give the same hash. An invalid definition raises :class:`InstrumentError`, since a hash of
    something that is not an instrument would identify nothing.
    """
    problems = _validate(data)
    if problems:
        raise InstrumentError("<data>", _format_problems(problems, data, None))
    return _hash_normalised(_normalise(data))


def instruments_dir() -> Path:
    from app.paths import resources_dir

    return resources_dir() / "instruments"


def schema_path() -> Path:
    return instruments_dir() / "schema.json"


def builtin_instruments() -> list[Instrument]:
    """Every shipped instrument (``resources/instruments/*.yaml``), sorted by id then version."""
    directory = instruments_dir()
    files = sorted(directory.glob("*.yaml"))
    # Keyed on size and mtime so an edited file is picked up without restarting.
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return list(_load_many(stamp))


def find_instrument(id_or_hash_prefix: str, instruments: Iterable[Instrument] | None = None) -> Instrument:
    """Look an instrument up by id, ``id@version``, or a prefix (>= 6 hex digits) of its content hash."""
    pool = list(builtin_instruments() if instruments is None else instruments)
    key = id_or_hash_prefix.strip()
    if not key:
        raise LookupError("no instrument given (expected an id or a content-hash prefix)")

    if "@" in key:
        wanted_id, _, wanted_version = key.partition("@")
        matches = [i for i in pool if i.id == wanted_id and i.version == wanted_version]
    else:
        matches = [i for i in pool if i.id == key]
    what = f"id {key!r}"
    if not matches and len(key) >= MIN_HASH_PREFIX and _is_hex(key):
        matches = [i for i in pool if i.content_hash.startswith(key.lower())]
        what = f"hash prefix {key!r}"

    if len(matches) == 1:
        return matches[0]
    if not matches:
        available = ", ".join(f"{i.id}@{i.version} ({i.content_hash[:12]})" for i in pool) or "none"
        hint = ""
        if _is_hex(key) and len(key) < MIN_HASH_PREFIX:
            hint = f" (a hash prefix needs at least {MIN_HASH_PREFIX} hex digits)"
        raise LookupError(f"no instrument matches {key!r}{hint}; available: {available}")
    listed = ", ".join(f"{i.id}@{i.version} ({i.content_hash[:12]})" for i in matches)
    raise LookupError(f"{what} is ambiguous, it matches {len(matches)} instruments: {listed}")


# --------------------------------------------------------------------------------------------------
# Loading


@functools.lru_cache(maxsize=4)
def _load_many(stamp: tuple[tuple[str, int, int], ...]) -> tuple[Instrument, ...]:
    loaded = [load_instrument(name) for name, _, _ in stamp]
    seen: dict[tuple[str, str], Instrument] = {}
    clashes: list[str] = []
    for (name, _, _), inst in zip(stamp, loaded, strict=True):
        other = seen.setdefault((inst.id, inst.version), inst)
        if other is not inst:
            clashes.append(f"{Path(name).name}: {inst.id}@{inst.version} is defined by more than one file")
    if clashes:
        raise InstrumentError(instruments_dir(), clashes)
    return tuple(sorted(loaded, key=lambda i: (i.id, i.version)))


def _yaml_loader() -> type:
    # The C loader is ~10x faster and accepts exactly the same safe subset as yaml.safe_load.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[Location, int], list[tuple[Location, str]]]:
    """The data, a map from location to 1-based line, and duplicate-key problems.

    Composing the node tree first (instead of ``safe_load``) keeps the line of every value, so a
    problem found later can point into the file; it also sees duplicate keys, which PyYAML would
    otherwise resolve silently to the last one.
    """
    loader = _yaml_loader()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise InstrumentError(source, [_yaml_error_message(exc)]) from exc
    except yaml.YAMLError as exc:
        raise InstrumentError(source, [f"YAML error: {exc}"]) from exc
    finally:
        loader.dispose()
    lines: dict[Location, int] = {}
    duplicates: list[tuple[Location, str]] = []
    if node is not None:
        _walk_nodes(node, (), lines, duplicates, depth=0)
    return data, lines, duplicates


def _yaml_error_message(exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = exc.problem or "invalid YAML"
    context = ""
    if exc.context and exc.context != problem:
        context = f" ({exc.context}"
        # The parser notices a mistake where it gives up, often a line after the real slip; the
        # start of the enclosing construct points the editor at it.
        if exc.context_mark is not None and exc.context_mark is not mark:
            context += (
                f" that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
            )
        context += ")"
    return f"{where}YAML syntax error: {problem}{context}"


def _walk_nodes(
    node: yaml.Node,
    path: Location,
    lines: dict[Location, int],
    duplicates: list[tuple[Location, str]],
    depth: int,
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if depth > 64:  # aliases can nest deeply; no real instrument does
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                duplicates.append((path, f"key {key!r} appears twice (lines {seen[key]} and {line})"))
                continue  # the later value is what PyYAML kept; keep the first line for locations
            seen[key] = line
            _walk_nodes(value_node, (*path, key), lines, duplicates, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk_nodes(item, (*path, index), lines, duplicates, depth + 1)


# --------------------------------------------------------------------------------------------------
# Validation


def _build(
    data: Any, source: str, lines: dict[Location, int] | None, extra: list[tuple[Location, str]]
) -> Instrument:
    problems = extra + _validate(data)
    if problems:
        raise InstrumentError(source, _format_problems(problems, data, lines))
    normalised = _normalise(data)
    return _to_instrument(normalised, _hash_normalised(normalised))


def _validate(data: Any) -> list[tuple[Location, str]]:
    if data is None:
        return [((), "the file is empty")]
    if not isinstance(data, Mapping):
        return [((), f"the top level must be a mapping of fields (id, version, …), got {_kind(data)}")]
    return _schema_problems(data) + _semantic_problems(data)


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    # Imported lazily: jsonschema is slow to import and most CLI commands never validate.
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _schema_problems(data: Mapping[str, Any]) -> list[tuple[Location, str]]:
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
        hint = schema.get("x-hint")
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
    raw = [lv.get("level") if isinstance(lv, Mapping) else None for lv in levels]
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


def _format_problems(
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


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


# --------------------------------------------------------------------------------------------------
# Normalisation, hashing, conversion (only ever called on validated data)


def _clean(text: str) -> str:
    # Trim: folded YAML blocks end in "\n" and the newline is never content. NFC: editors differ in
    # how they store accented letters, and the hash must not.
    return unicodedata.normalize("NFC", text.strip())


def _norm_text(value: Mapping[str, Any]) -> dict[str, str]:
    return {"id": _clean(value["id"]), "en": _clean(value["en"])}


OPTIONAL_TEXTS = ("guidance", "evidence_hint")


def _optional_texts(indicator: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    # Absent stays absent (an empty text would fail validation when the dict is parsed again);
    # the Indicator gets Text("", "") for it.
    return {key: _norm_text(indicator[key]) for key in OPTIONAL_TEXTS if indicator.get(key) is not None}


def _normalise(data: Mapping[str, Any]) -> dict[str, Any]:
    """The definition with every default filled in and a fixed shape; idempotent."""
    return {
        "format": FORMAT_VERSION,
        "id": data["id"].strip(),
        "version": data["version"].strip(),
        "title": _norm_text(data["title"]),
        "description": _norm_text(data["description"]),
        "source_note": _norm_text(data["source_note"]),
        "dimensions": [
            {
                "code": dim["code"],
                "title": _norm_text(dim["title"]),
                "weight": float(dim["weight"]),
                "indicators": [
                    {
                        "code": ind["code"],
                        "title": _norm_text(ind["title"]),
                        "question": _norm_text(ind["question"]),
                        **_optional_texts(ind),
                        "weight": float(ind["weight"]),
                        "required": bool(ind.get("required", True)),
                        "levels": [
                            {
                                "level": int(lv["level"]),
                                "label": _norm_text(lv["label"]),
                                "descriptor": _norm_text(lv["descriptor"]),
                                "requires_note": bool(lv.get("requires_note", False)),
                                "requires_evidence": bool(lv.get("requires_evidence", False)),
                            }
                            for lv in ind["levels"]
                        ],
                    }
                    for ind in dim["indicators"]
                ],
            }
            for dim in data["dimensions"]
        ],
    }


def _hash_normalised(normalised: Mapping[str, Any]) -> str:
    canonical = json.dumps(normalised, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_EMPTY = {"id": "", "en": ""}


def _text(value: Mapping[str, str]) -> Text:
    return Text(id=value["id"], en=value["en"])


def _text_dict(text: Text) -> dict[str, str]:
    return {"id": text.id, "en": text.en}


def _to_instrument(n: Mapping[str, Any], content_hash: str) -> Instrument:
    return Instrument(
        id=n["id"],
        version=n["version"],
        title=_text(n["title"]),
        description=_text(n["description"]),
        source_note=_text(n["source_note"]),
        dimensions=tuple(
            Dimension(
                code=dim["code"],
                title=_text(dim["title"]),
                weight=dim["weight"],
                indicators=tuple(
                    Indicator(
                        code=ind["code"],
                        title=_text(ind["title"]),
                        question=_text(ind["question"]),
                        guidance=_text(ind.get("guidance", _EMPTY)),
                        evidence_hint=_text(ind.get("evidence_hint", _EMPTY)),
                        weight=ind["weight"],
                        required=ind["required"],
                        levels=tuple(
                            RubricLevel(
                                level=lv["level"],
                                label=_text(lv["label"]),
                                descriptor=_text(lv["descriptor"]),
                                requires_note=lv["requires_note"],
                                requires_evidence=lv["requires_evidence"],
                            )
                            for lv in ind["levels"]
                        ),
                    )
                    for ind in dim["indicators"]
                ),
            )
            for dim in n["dimensions"]
        ),
        content_hash=content_hash,
    )
