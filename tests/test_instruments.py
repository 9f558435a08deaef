"""Instrument files: loading, validation messages, normalisation, hashing, shipped content."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import app.base.paths
from app import instruments as inst_mod
from app.instruments import (
    InstrumentError,
    builtin_instruments,
    canonical_hash,
    find_instrument,
    instrument_to_dict,
    load_instrument,
    parse_instrument,
)
from app.models.domain import Instrument, Text

DATA = Path(__file__).parent / "data" / "instruments"
RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "instruments"
READINESS = RESOURCES / "smart-city-readiness-2018.yaml"
SIX = RESOURCES / "smart-city-six-dimensions.yaml"
MINIMAL = DATA / "valid-minimal.yaml"


def raw(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def problems_of(data: Any) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        parse_instrument(data, source="test-data")
    return info.value.problems


def only_problem(data: Any) -> str:
    found = problems_of(data)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------------
# Shipped instruments


def test_builtin_instruments_are_both_shipped_files_sorted_by_id() -> None:
    shipped = builtin_instruments()
    assert [i.id for i in shipped] == ["smart-city-readiness-2018", "smart-city-six-dimensions"]
    assert all(isinstance(i, Instrument) for i in shipped)
    assert len({i.content_hash for i in shipped}) == 2


@pytest.mark.parametrize("path", [READINESS, SIX], ids=lambda p: p.stem)
def test_shipped_instrument_is_complete_and_consistent(path: Path) -> None:
    instrument = load_instrument(path)
    assert sum(d.weight for d in instrument.dimensions) == pytest.approx(100)
    for dim in instrument.dimensions:
        assert sum(i.weight for i in dim.indicators) == pytest.approx(100), dim.code
        for ind in dim.indicators:
            assert ind.code.startswith(dim.code + "-"), ind.code
            assert (ind.min_level, ind.max_level) == (1, 5), ind.code
            assert [lv.level for lv in ind.levels] == [1, 2, 3, 4, 5]
            # Shipped files fill in the optional texts too: interviewers rely on them.
            texts = [ind.title, ind.question, ind.guidance, ind.evidence_hint]
            texts += [t for lv in ind.levels for t in (lv.label, lv.descriptor)]
            for text in texts:
                assert text.id.strip() and text.en.strip(), (ind.code, text)
            for lv in ind.levels:
                assert lv.descriptor.id != lv.descriptor.en, (ind.code, lv.level)
            # Descriptors must tell the levels apart.
            assert len({lv.descriptor.en for lv in ind.levels}) == 5, ind.code
            assert len({lv.label.en for lv in ind.levels}) == 5, ind.code
    codes = [i.code for i in instrument.indicators()]
    assert len(codes) == len(set(codes))
    assert 12 <= len(codes) <= 16
    required = [i.required for i in instrument.indicators()]
    assert 1 <= required.count(False) <= 2, "one or two optional indicators"
    assert any(lv.requires_evidence for i in instrument.indicators() for lv in i.levels)
    assert any(lv.requires_note for i in instrument.indicators() for lv in i.levels)


@pytest.mark.parametrize("path", [READINESS, SIX], ids=lambda p: p.stem)
def test_shipped_instrument_says_it_is_not_an_official_document(path: Path) -> None:
    instrument = load_instrument(path)
    assert "NOT an official" in instrument.source_note.en
    assert "BUKAN dokumen resmi" in instrument.source_note.id
    header = path.read_text(encoding="utf-8").split("\nid:")[0]
    assert "NOT AN OFFICIAL MINISTRY DOCUMENT" in header
    assert all(line.startswith("#") or not line.strip() for line in header.splitlines())


def test_readiness_2018_structure_weights_and_key_descriptors() -> None:
    instrument = load_instrument(READINESS)
    assert instrument.id == "smart-city-readiness-2018"
    assert "Kominfo" in instrument.source_note.en and "2018" in instrument.source_note.en
    assert [(d.code, d.weight) for d in instrument.dimensions] == [
        ("STR", 35.0),
        ("INF", 35.0),
        ("SUP", 20.0),
        ("KAP", 10.0),
    ]
    assert [d.title.id for d in instrument.dimensions][:3] == ["Struktur", "Infrastruktur", "Superstruktur"]
    coverage = instrument.indicator("INF-1")
    assert coverage is not None
    assert "fewer than 25% of kecamatan" in coverage.levels[0].descriptor.en
    assert "kurang dari 25% kecamatan" in coverage.levels[0].descriptor.id
    assert "more than 75% of villages" in coverage.levels[4].descriptor.en
    masterplan = instrument.indicator("SUP-2")
    assert masterplan is not None and masterplan.max_level == 5
    top = masterplan.level(5)
    assert top is not None and top.requires_evidence and "adopted" in top.descriptor.en
    assert not masterplan.levels[0].requires_evidence
    fiscal = instrument.indicator("KAP-1")
    assert fiscal is not None and "PAD" in fiscal.question.en
    assert instrument.dimension_of("KAP-1").code == "KAP"  # type: ignore[union-attr]


def test_six_dimensions_instrument_covers_the_six_dimensions() -> None:
    instrument = load_instrument(SIX)
    assert [d.title.en for d in instrument.dimensions] == [
        "Smart Governance",
        "Smart Branding",
        "Smart Economy",
        "Smart Living",
        "Smart Society",
        "Smart Environment",
    ]
    assert all(2 <= len(d.indicators) <= 3 for d in instrument.dimensions)


def test_shipped_files_validate_against_the_schema_on_their_own() -> None:
    # The schema is published for editors (yaml-language-server); it must agree with the loader.
    from jsonschema import Draft202012Validator

    schema = json.loads((RESOURCES / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for path in (READINESS, SIX, MINIMAL):
        assert list(validator.iter_errors(raw(path))) == [], path
    assert list(validator.iter_errors(raw(DATA / "broken-several.yaml")))


@pytest.mark.parametrize(
    "path",
    [READINESS, SIX, *sorted(DATA.glob("valid-*.yaml")), DATA / "broken-several.yaml"],
    ids=lambda p: p.stem,
)
def test_files_parse_alike_with_the_c_and_the_pure_python_yaml_parser(path: Path) -> None:
    # libyaml accepts some plain scalars PyYAML rejects (a '?' inside {...}); the loader prefers the
    # C parser, so files must stay portable to machines where only the Python one exists.
    text = path.read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader is safe_load's loader
    assert pure == yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def test_the_example_in_the_format_documentation_is_valid(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "instrument-format.md").read_text("utf-8")
    example = doc.split("## A complete small example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    target = tmp_path / "example.yaml"
    target.write_text(example, encoding="utf-8")
    instrument = load_instrument(target)
    assert [d.code for d in instrument.dimensions] == ["STR", "INF"]
    assert instrument.indicator("INF-1").required is False  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------------------
# Normalisation and round trip


def test_defaults_are_filled_in_and_texts_normalised() -> None:
    instrument = load_instrument(MINIMAL)
    str1 = instrument.indicator("STR-1")
    str2 = instrument.indicator("STR-2")
    assert str1 is not None and str2 is not None
    assert str1.required is True  # default
    assert str2.required is False
    assert str2.guidance == Text("", "") and str2.evidence_hint == Text("", "")  # optional, omitted
    assert (str1.max_level, str2.max_level) == (3, 2)
    assert str1.min_level == 1
    # Folded YAML text loses its trailing newline.
    assert str1.levels[2].descriptor.en == "The vision is adopted and broken down into programmes."
    assert (str1.levels[2].requires_evidence, str1.levels[2].requires_note) == (True, False)
    assert (str1.levels[0].requires_evidence, str1.levels[0].requires_note) == (False, False)
    assert str2.levels[1].requires_note is True
    assert isinstance(instrument.dimensions[0].weight, float) and isinstance(str1.weight, float)
    assert [lv.level for lv in str1.levels] == [1, 2, 3]


@pytest.mark.parametrize("path", [READINESS, SIX, MINIMAL], ids=lambda p: p.stem)
def test_round_trip_through_dict_and_json(path: Path) -> None:
    instrument = load_instrument(path)
    as_dict = instrument_to_dict(instrument)
    assert parse_instrument(as_dict) == instrument
    assert parse_instrument(json.loads(json.dumps(as_dict))) == instrument
    assert instrument_to_dict(parse_instrument(as_dict)) == as_dict


def test_content_hash_is_sha256_of_canonical_json_of_the_normalised_dict() -> None:
    instrument = load_instrument(READINESS)
    normalised = instrument_to_dict(instrument)
    canonical = json.dumps(normalised, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert instrument.content_hash == expected
    assert canonical_hash(normalised) == expected
    assert canonical_hash(raw(READINESS)) == expected  # raw and normalised data hash alike
    assert "—" in canonical  # ensure_ascii=False: the title's dash is stored as UTF-8, not \u2014


def test_canonical_hash_refuses_an_invalid_definition() -> None:
    data = raw(MINIMAL)
    data["dimensions"][0]["weight"] = 10
    with pytest.raises(InstrumentError, match="do not sum to 100"):
        canonical_hash(data)


# --------------------------------------------------------------------------------------------------
# Hash stability


def test_hash_ignores_formatting_key_order_comments_and_spelled_out_defaults() -> None:
    original = load_instrument(MINIMAL)
    reformatted = load_instrument(DATA / "valid-minimal-reformatted.yaml")
    assert reformatted.content_hash == original.content_hash
    assert reformatted == original


def _reverse_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reverse_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reverse_keys(v) for v in value]
    return value


@pytest.mark.parametrize("path", [READINESS, SIX], ids=lambda p: p.stem)
def test_hash_of_shipped_file_survives_rewriting_the_yaml(path: Path, tmp_path: Path) -> None:
    original = load_instrument(path)
    data = raw(path)
    rewritten = [
        yaml.safe_dump(data, sort_keys=True, allow_unicode=True, width=60),
        yaml.safe_dump(_reverse_keys(data), sort_keys=False, allow_unicode=False, default_flow_style=True),
        # Comments between list items, and blank lines between top-level fields.
        "# a new comment\n\n"
        + path.read_text(encoding="utf-8")
        .replace("\n      - code:", "\n      # the next indicator\n      - code:")
        .replace("\nversion:", "\n\n\nversion:   "),
        json.dumps(data, ensure_ascii=True, indent=3),  # JSON is YAML too
    ]
    for n, text in enumerate(rewritten):
        target = tmp_path / f"rewritten-{n}.yaml"
        target.write_text(text, encoding="utf-8")
        assert load_instrument(target).content_hash == original.content_hash, n


def test_hash_survives_crlf_line_endings_and_a_byte_order_mark(tmp_path: Path) -> None:
    original = load_instrument(MINIMAL)
    target = tmp_path / "windows.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes().replace(b"\n", b"\r\n"))
    assert load_instrument(target).content_hash == original.content_hash


def test_hash_ignores_how_an_editor_encodes_accented_letters(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    hashes = []
    for n, cafe in enumerate(("caf\u00e9", "cafe\u0301")):  # composed and decomposed é
        target = tmp_path / f"accent-{n}.yaml"
        target.write_text(text.replace("en: Test instrument", f"en: Test instrument {cafe}"), "utf-8")
        instrument = load_instrument(target)
        assert instrument.title.en == "Test instrument caf\u00e9"  # stored composed (NFC)
        hashes.append(instrument.content_hash)
    assert hashes[0] == hashes[1] != load_instrument(MINIMAL).content_hash


def _edit(data: dict[str, Any], where: str) -> None:
    dim = data["dimensions"][1]
    ind = dim["indicators"][0]
    if where == "descriptor letter":
        text = ind["levels"][2]["descriptor"]["en"]
        ind["levels"][2]["descriptor"]["en"] = text.replace("a", "e", 1)
    elif where == "indonesian label":
        ind["levels"][0]["label"]["id"] += "."
    elif where == "weights swapped":
        a, b = dim["indicators"][0], dim["indicators"][1]
        a["weight"], b["weight"] = b["weight"], a["weight"]
    elif where == "required flag":
        ind["required"] = not ind.get("required", True)
    elif where == "requires_evidence":
        ind["levels"][0]["requires_evidence"] = True
    elif where == "requires_note":
        ind["levels"][0]["requires_note"] = True
    elif where == "guidance":
        ind["guidance"]["en"] += " Also ask for a map."
    elif where == "code":
        ind["code"] = ind["code"] + "A"
    elif where == "version":
        data["version"] = data["version"] + ".1"
    elif where == "indicator order":
        dim["indicators"].reverse()
    else:  # pragma: no cover
        raise AssertionError(where)


EDITS = [
    "descriptor letter",
    "indonesian label",
    "weights swapped",
    "required flag",
    "requires_evidence",
    "requires_note",
    "guidance",
    "code",
    "version",
    "indicator order",
]


@pytest.mark.parametrize("where", EDITS)
def test_hash_changes_on_any_content_edit(where: str) -> None:
    data = raw(READINESS)
    before = canonical_hash(data)
    edited = copy.deepcopy(data)
    _edit(edited, where)
    assert edited != data
    after = parse_instrument(edited).content_hash
    assert after != before


def test_one_letter_changed_in_the_file_changes_the_hash(tmp_path: Path) -> None:
    text = READINESS.read_text(encoding="utf-8")
    needle = "Internet reaches fewer than 25% of kecamatan."
    assert text.count(needle) == 1
    target = tmp_path / "edited.yaml"
    target.write_text(text.replace(needle, needle.replace("fewer", "fawer")), encoding="utf-8")
    assert load_instrument(target).content_hash != load_instrument(READINESS).content_hash


# --------------------------------------------------------------------------------------------------
# Problems: all of them, each with its location


def test_broken_file_reports_every_problem_with_its_location() -> None:
    path = DATA / "broken-several.yaml"
    with pytest.raises(InstrumentError) as info:
        load_instrument(path)
    error = info.value
    assert error.path == str(path)
    assert len(error.problems) == 4, error.problems
    missing_en, weights, levels, duplicate = error.problems  # in file order
    assert missing_en.startswith("dimension 1 (STR), indicator 1 (STR-1), level 2, descriptor [line 26]: ")
    assert "missing English text (en)" in missing_en
    assert weights.startswith("dimension 2 (INF) [line 27]: ")
    assert "indicator weights do not sum to 100 (got 90)" in weights
    assert levels.startswith("dimension 2 (INF), indicator 1 (INF-1), level entry 3 (level 4) [line 42]: ")
    assert "expected 1, 2, 3; got 1, 2, 4" in levels
    assert duplicate.startswith("dimension 2 (INF), indicator 2 (STR-1) [line 45]: ")
    assert "code 'STR-1' is already used by dimension 1 (STR), indicator 1 (STR-1)" in duplicate
    message = str(error)
    assert message.splitlines()[0] == f"{path}: invalid instrument (4 problems)"
    for problem in error.problems:
        assert problem in message


def test_invalid_yaml_reports_line_and_column() -> None:
    path = DATA / "invalid-syntax.yaml"
    with pytest.raises(InstrumentError) as info:
        load_instrument(path)
    (problem,) = info.value.problems
    assert problem.startswith("line 7, column 11: YAML syntax error")
    assert "starts at line 6" in problem  # points back to the unclosed '{'
    assert str(path) in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(InstrumentError) as info:
        load_instrument(missing)
    assert info.value.problems == ["file not found"]
    assert info.value.path == str(missing)
    assert str(info.value) == f"{missing}: invalid instrument (1 problem)\n  - file not found"
    with pytest.raises(InstrumentError, match="is a directory"):
        load_instrument(tmp_path)


def test_non_utf8_and_empty_files(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("id: kota-\xe9\n".encode("latin-1"))
    with pytest.raises(InstrumentError, match="not UTF-8 text"):
        load_instrument(latin1)
    empty = tmp_path / "empty.yaml"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match="the file is empty"):
        load_instrument(empty)
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match="top level must be a mapping"):
        load_instrument(listing)


def test_duplicate_yaml_keys_are_reported_not_silently_merged(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "        weight: 70\n", "        weight: 70\n        weight: 70\n", 1
    )
    target = tmp_path / "dup.yaml"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(InstrumentError) as info:
        load_instrument(target)
    (problem,) = info.value.problems
    assert problem.startswith("dimension 1 (STR), indicator 1 (STR-1) [line 12]: ")
    assert "key 'weight' appears twice (lines 17 and 18)" in problem


def test_version_written_as_a_number_asks_for_quotes(tmp_path: Path) -> None:
    target = tmp_path / "version.yaml"
    target.write_text(MINIMAL.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.0"), "utf-8")
    with pytest.raises(InstrumentError) as info:
        load_instrument(target)
    assert info.value.problems == [
        "version [line 3]: version must be text, got the number 1 (put the value in quotes)"
    ]


def _mutated(change: Any) -> dict[str, Any]:
    data = raw(MINIMAL)
    change(data)
    return data


def _dim(data: dict[str, Any], d: int) -> dict[str, Any]:
    return data["dimensions"][d]


def _ind(data: dict[str, Any], d: int, i: int) -> dict[str, Any]:
    return data["dimensions"][d]["indicators"][i]


SINGLE_PROBLEMS = [
    pytest.param(
        lambda d: _dim(d, 1).update(weight=30),
        "dimensions: dimension weights do not sum to 100 (got 90)",
        id="dimension-weights",
    ),
    pytest.param(
        lambda d: (_ind(d, 0, 0).update(weight=69.9), _ind(d, 0, 1).update(weight=30.0000001)),
        "dimension 1 (STR): indicator weights do not sum to 100 (got 99.9000001)",
        id="indicator-weights-float",
    ),
    pytest.param(
        lambda d: _ind(d, 1, 0).update(weight=0),
        "dimension 2 (INF), indicator 1 (INF-1), weight: weight must be greater than 0 (got 0)",
        id="zero-weight",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 1)["levels"].pop(),
        "dimension 1 (STR), indicator 2 (STR-2), levels: levels needs at least 2 entries (got 1)",
        id="one-level",
    ),
    pytest.param(
        lambda d: _dim(d, 1).update(code="STR"),
        "dimension 2 (STR): code 'STR' is already used by dimension 1",
        id="duplicate-dimension-code",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 0)["title"].update(en="   "),
        "dimension 1 (STR), indicator 1 (STR-1), title.en: English text is empty",
        id="blank-english",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 0)["title"].pop("id"),
        "dimension 1 (STR), indicator 1 (STR-1), title: missing Indonesian text (id)",
        id="missing-indonesian",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 0).update(question="What is the vision?"),
        "dimension 1 (STR), indicator 1 (STR-1), question: must be a mapping with 'id' and 'en' texts, got text",
        id="text-not-bilingual",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 0)["levels"][2].update(requires_evidense=True),
        "dimension 1 (STR), indicator 1 (STR-1), level 3: unknown field 'requires_evidense'"
        " (did you mean 'requires_evidence'?)",
        id="typo-in-field",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 0).pop("question"),
        "dimension 1 (STR), indicator 1 (STR-1): missing field 'question'",
        id="missing-field",
    ),
    pytest.param(
        lambda d: _ind(d, 1, 0).update(code="inf 1"),
        "dimension 2 (INF), indicator 1 (inf 1), code: 'inf 1' is not a valid indicator code:"
        " use upper-case letters and digits in parts joined by '-', e.g. STR-1",
        id="bad-code",
    ),
    pytest.param(
        lambda d: _ind(d, 0, 1).update(required="yes please"),
        "dimension 1 (STR), indicator 2 (STR-2), required: required must be true or false, got text",
        id="required-not-boolean",
    ),
    pytest.param(
        lambda d: d.update(format=2),
        "format: format version must be 1 (got 2)",
        id="future-format",
    ),
    pytest.param(
        lambda d: d.update(dimensions=[]),
        "dimensions: dimensions needs at least 1 entries (got 0)",
        id="no-dimensions",
    ),
]


@pytest.mark.parametrize(("change", "expected"), SINGLE_PROBLEMS)
def test_single_problem_message(change: Any, expected: str) -> None:
    assert only_problem(_mutated(change)) == expected


def test_levels_must_start_at_one_and_be_in_order() -> None:
    def start_at_zero(data: dict[str, Any]) -> None:
        for n, level in enumerate(_ind(data, 1, 0)["levels"]):
            level["level"] = n

    found = problems_of(_mutated(start_at_zero))
    assert found == [
        "dimension 2 (INF), indicator 1 (INF-1), level entry 1 (level 0): levels must be numbered"
        " 1, 2, 3, … in order, without gaps (expected 1, 2; got 0, 1)",
        "dimension 2 (INF), indicator 1 (INF-1), level entry 1 (level 0), level: level number must be"
        " at least 1 (got 0)",
    ]

    def swap(data: dict[str, Any]) -> None:
        _ind(data, 1, 0)["levels"].reverse()

    assert "expected 1, 2; got 2, 1" in only_problem(_mutated(swap))


def test_schema_and_semantic_problems_are_reported_together() -> None:
    def many(data: dict[str, Any]) -> None:
        data.pop("source_note")
        _dim(data, 0)["title"] = {"id": "Struktur"}
        _ind(data, 0, 1).update(code="STR-1", weight=-5)
        _ind(data, 1, 0)["levels"][1]["level"] = 5

    found = problems_of(_mutated(many))
    assert found == [
        "instrument: missing field 'source_note'",
        "dimension 1 (STR), title: missing English text (en)",
        "dimension 1 (STR), indicator 2 (STR-1): code 'STR-1' is already used by dimension 1 (STR),"
        " indicator 1 (STR-1)",
        "dimension 1 (STR), indicator 2 (STR-1), weight: weight must be greater than 0 (got -5)",
        "dimension 2 (INF), indicator 1 (INF-1), level entry 2 (level 5): levels must be numbered"
        " 1, 2, 3, … in order, without gaps (expected 1, 2; got 1, 5)",
    ]


def test_parse_instrument_rejects_non_mappings() -> None:
    assert problems_of(None) == ["instrument: the file is empty"]
    assert problems_of(["x"]) == [
        "instrument: the top level must be a mapping of fields (id, version, …), got a list"
    ]


def test_error_source_names_the_data() -> None:
    with pytest.raises(InstrumentError) as info:
        parse_instrument({"id": "x"}, source="bundle.zip:instrument.json")
    assert info.value.path == "bundle.zip:instrument.json"
    assert str(info.value).startswith("bundle.zip:instrument.json: invalid instrument (")


# --------------------------------------------------------------------------------------------------
# Lookup


def test_find_instrument_by_id_version_and_hash_prefix() -> None:
    readiness = load_instrument(READINESS)
    assert find_instrument("smart-city-readiness-2018") == readiness
    assert find_instrument("smart-city-readiness-2018@1.0") == readiness
    assert find_instrument(readiness.content_hash[:8]) == readiness
    assert find_instrument(readiness.content_hash.upper()) == readiness
    with pytest.raises(LookupError, match="no instrument matches 'nope'.*smart-city-six-dimensions@1.0"):
        find_instrument("nope")
    with pytest.raises(LookupError, match="at least 6 hex digits"):
        find_instrument(readiness.content_hash[:4])
    with pytest.raises(LookupError, match="no instrument given"):
        find_instrument("  ")


def test_find_instrument_in_a_given_pool_reports_ambiguity() -> None:
    first = load_instrument(MINIMAL)
    data = raw(MINIMAL)
    data["version"] = "2.0"
    second = parse_instrument(data)
    pool = [first, second]
    with pytest.raises(LookupError, match="ambiguous, it matches 2 instruments"):
        find_instrument("test-minimal", pool)
    assert find_instrument("test-minimal@2.0", pool) == second
    assert find_instrument(second.content_hash[:10], pool) == second
    with pytest.raises(LookupError):
        find_instrument("smart-city-readiness-2018", pool)


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "instruments").mkdir()
    (tmp_path / "instruments" / "schema.json").write_bytes((RESOURCES / "schema.json").read_bytes())
    monkeypatch.setattr(app.base.paths, "resources_dir", lambda: tmp_path)
    return tmp_path / "instruments"


def test_builtin_instruments_reload_an_edited_file(resources: Path) -> None:
    target = resources / "mini.yaml"
    target.write_bytes(MINIMAL.read_bytes())
    (before,) = builtin_instruments()
    text = MINIMAL.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"')
    target.write_text(text, encoding="utf-8")
    os.utime(target, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))  # coarse mtime clocks
    (after,) = builtin_instruments()
    assert (before.version, after.version) == ("1.0", "1.1")
    assert before.content_hash != after.content_hash


def test_builtin_instruments_refuse_two_files_with_the_same_id_and_version(resources: Path) -> None:
    (resources / "a.yaml").write_bytes(MINIMAL.read_bytes())
    (resources / "b.yaml").write_bytes(MINIMAL.read_bytes())
    with pytest.raises(InstrumentError, match=r"b\.yaml: test-minimal@1\.0 is defined by more than one file"):
        builtin_instruments()


def test_builtin_instruments_ignore_non_yaml_files(resources: Path) -> None:
    (resources / "notes.txt").write_text("not an instrument", encoding="utf-8")
    assert builtin_instruments() == []
    assert inst_mod.instruments_dir() == resources


def test_rebuild_trusts_the_hash_and_falls_back_to_validation() -> None:
    from app.instruments import InstrumentError, builtin_instruments, instrument_to_dict, rebuild_instrument

    inst = builtin_instruments()[0]
    definition = instrument_to_dict(inst)
    assert rebuild_instrument(definition, inst.content_hash) == inst
    definition["dimensions"][0]["weight"] = 99.0  # no longer what the hash names, and invalid
    with pytest.raises(InstrumentError, match="weights"):
        rebuild_instrument(definition, inst.content_hash)
