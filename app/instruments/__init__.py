"""Instrument definitions: load, validate, normalise, hash.

An instrument is a human-edited YAML file under ``resources/instruments/`` (format described in
``docs/instrument-format.md`` and ``resources/instruments/schema.json``). Bundles and round packages
carry the same definition as a JSON mapping, so validation works on plain data
(:func:`parse_instrument`) and the YAML loader is a thin layer on top (:func:`load_instrument`).

Validation lives in :mod:`app.instruments.validation`, file locations in
:mod:`app.instruments.locations`, YAML parsing with line numbers in
:mod:`app.instruments.yaml_format`, the error type in :mod:`app.instruments.errors`; the names callers use
are re-exported here.

Every score records the instrument's ``content_hash``: sha256 over the canonical JSON of the
*normalised* definition (defaults filled in, texts trimmed and NFC-normalised, weights as floats),
so reformatting a file does not change it and any change of content does.

Pure Python, no Qt, no database: the CLI, the store and the bundle code all build on this.
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from app.instruments.errors import InstrumentError, Location
from app.instruments.locations import instruments_dir, schema_path
from app.instruments.validation import MIN_LEVELS as MIN_LEVELS
from app.instruments.validation import WEIGHT_TOLERANCE as WEIGHT_TOLERANCE
from app.instruments.validation import WEIGHT_TOTAL as WEIGHT_TOTAL
from app.instruments.validation import format_problems, validate
from app.instruments.yaml_format import parse_yaml
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
# A hash prefix shorter than this is too likely to match by accident (or to be a typo'd id).
MIN_HASH_PREFIX = 6


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

    data, lines, yaml_problems = parse_yaml(text, str(path))
    return _build(data, str(path), lines, yaml_problems)


def parse_instrument(data: Mapping[str, Any], source: str = "<data>") -> Instrument:
    """Validate and normalise an already-parsed definition (e.g. JSON from a bundle)."""
    return _build(data, source, None, [])


def instrument_from_checked(data: Mapping[str, Any]) -> Instrument:
    """An instrument from a definition that :func:`validate` has just found no problem in.

    For readers of other formats (the XLSX workbook) that validate themselves to place each problem
    in their own terms; it spares a second pass of the schema.
    """
    normalised = _normalise(data)
    return _to_instrument(normalised, _hash_normalised(normalised))


def rebuild_instrument(definition: Mapping[str, Any], content_hash: str, source: str = "<store>") -> Instrument:
    """An instrument stored earlier, trusted by its hash instead of validated again.

    It was validated when it was stored; if the normalised content still has ``content_hash`` it
    is that same definition, so the schema (and importing jsonschema, ~0.1 s at start-up) can be
    skipped. Anything else goes through the full validation and its error messages.
    """
    try:
        normalised = _normalise(definition)
        if _hash_normalised(normalised) == content_hash:
            return _to_instrument(normalised, content_hash)
    except (KeyError, TypeError, ValueError, AttributeError):
        pass
    return parse_instrument(definition, source)


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
    problems = validate(data)
    if problems:
        raise InstrumentError("<data>", format_problems(problems, data, None))
    return _hash_normalised(_normalise(data))


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


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


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


def _build(
    data: Any, source: str, lines: dict[Location, int] | None, extra: list[tuple[Location, str]]
) -> Instrument:
    problems = extra + validate(data)
    if problems:
        raise InstrumentError(source, format_problems(problems, data, lines))
    normalised = _normalise(data)
    return _to_instrument(normalised, _hash_normalised(normalised))


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
