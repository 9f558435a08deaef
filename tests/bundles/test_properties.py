"""Properties: the fast inline checks accept nothing the published JSON Schemas reject, and a damaged
bundle is always refused with a BundleError (never another exception, never a crash)."""

from __future__ import annotations

import copy
import json
import random
import shutil
import uuid
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bundles.errors import BundleError, RecordInvalid
from app.bundles.format import canonical_json
from app.bundles.manifest import parse_record
from app.bundles.manifest_check import manifest_problem
from app.bundles.schema import MANIFEST_SCHEMA, RECORD_SCHEMA
from tests.bundles.helpers import export

AT = "2018-03-05T01:00:00.000000+00:00"
SHA = "ab" * 32


def _record() -> dict:
    from app.store import changelog

    record_id, version_id = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))
    entries: list[dict] = []
    prev = changelog.GENESIS
    evidence = json.dumps({"id": str(uuid.UUID(int=5)), "file_name": "foto.jpg", "sha256": SHA, "size": 10,
                           "stored_path": f"evidence/{SHA[:2]}/{SHA}"})
    delegation = json.dumps([{"name": "Bupati", "role": "Bupati"}])
    # A history that replays to the scores below (the importer holds the scores against it).
    for code, field, old, new in (("", "status", "", "draft"), ("", "delegation", "[]", delegation),
                                  ("A-1", "level", "", "3"), ("A-1", "note", "", "catatan"), ("A-2", "level", "", "NA"),
                                  ("A-1", "evidence", "-" + evidence, "+" + evidence), ("", "status", "draft", "final")):
        e = SimpleNamespace(id=str(uuid.UUID(int=100 + len(entries))), chain_id=record_id, position=len(entries),
                            version_id=version_id, indicator_code=code, field=field,
                            old=old, new=new, reason="", kind="edit", undoes=None, actor="Penilai", at=AT,
                            prev_hash=prev, entry_hash="")
        e.entry_hash = changelog.entry_hash(e, prev)
        prev = e.entry_hash
        entries.append(dict(vars(e)))
    return {"format": "nilai-record", "format_version": 1,
            "assessment": {"record_id": record_id, "version_id": version_id, "previous_version_id": None,
                           "round_id": str(uuid.UUID(int=3)), "region_code": "3325", "assessor_id": str(uuid.UUID(int=4)),
                           "slot_id": None, "instrument_hash": SHA, "status": "final",
                           "delegation": [{"name": "Bupati", "role": "Bupati"}], "reopen_reason": "",
                           "sheet_sha256": None, "created_at": AT, "updated_at": AT, "finalized_at": AT,
                           "signed_at": None},
            "scores": [{"indicator_code": "A-1", "level": 3, "not_applicable": False, "note": "catatan", "updated_at": AT},
                       {"indicator_code": "A-2", "level": None, "not_applicable": True, "note": "", "updated_at": AT}],
            "evidence": [{"id": str(uuid.UUID(int=5)), "indicator_code": "A-1", "file_name": "foto.jpg", "sha256": SHA,
                          "size": 10, "added_at": AT}],
            "change_log": entries}


def _manifest() -> dict:
    file = {"kind": "record", "path": f"records/{uuid.UUID(int=2)}.json", "sha256": SHA, "size": 10}
    return {"format": "nilai-bundle", "format_version": 1, "bundle_id": str(uuid.UUID(int=9)), "created_at": AT,
            "program": {"name": "nilai", "version": "0.1.0"},
            "assessor": {"id": str(uuid.UUID(int=4)), "name": "Penilai", "nip": "1980", "organisation": "Kominfo",
                         "fingerprint": SHA, "certificate": "-----BEGIN CERTIFICATE-----\nMII...\n"},
            "encrypted": False,
            "rounds": [{"id": str(uuid.UUID(int=3)), "name": "R", "programme": "P", "instrument_hash": SHA,
                        "starts_on": "2018-03-05", "ends_on": None}],
            "instruments": [{"id": "i", "version": "1", "content_hash": SHA, "path": f"instruments/{SHA}.json",
                             "sha256": SHA, "size": 1}],
            "records": [{"record_id": str(uuid.UUID(int=1)), "version_id": str(uuid.UUID(int=2)),
                         "previous_version_id": None, "status": "final", "signed": False,
                         "round_id": str(uuid.UUID(int=3)), "region_code": "3325",
                         "instrument": {"id": "i", "version": "1", "content_hash": SHA}, "files": [file]},
                        {"record_id": str(uuid.UUID(int=6)), "version_id": str(uuid.UUID(int=7)),
                         "previous_version_id": str(uuid.UUID(int=8)), "status": "signed", "signed": True,
                         "round_id": str(uuid.UUID(int=3)), "region_code": "3671",
                         "instrument": {"id": "i", "version": "1", "content_hash": SHA},
                         "files": [dict(file, path=f"records/{uuid.UUID(int=7)}.json"),
                                   {"kind": "sheet", "path": f"sheets/{uuid.UUID(int=7)}.pdf", "sha256": SHA, "size": 5},
                                   {"kind": "evidence", "path": f"evidence/{SHA}", "sha256": SHA, "size": 10}]}]}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "final", "signed", "3325", AT, SHA, str(uuid.UUID(int=2)), "2018-13-45T01:00:00Z",
                       "records/x.json", "a" * 300, "-----BEGIN CERTIFICATE-----", "nilai", "nilai-record"])
    | st.text(max_size=5),
    lambda children: st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2),
    max_leaves=4)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _mutate(doc: dict, data: st.DataObject) -> dict:
    doc = copy.deepcopy(doc)
    paths = [p for p in _paths(doc) if p]
    for _ in range(data.draw(st.integers(1, 2))):
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            if not isinstance(parent, dict | list):
                break
            try:
                parent = parent[key]
            except (KeyError, IndexError, TypeError):
                break
        else:
            action = data.draw(st.sampled_from(["replace", "delete", "add"]))
            last = path[-1]
            try:
                if action == "replace":
                    parent[last] = data.draw(JSON_VALUES)
                elif action == "delete":
                    del parent[last]
                elif isinstance(parent, dict):
                    parent[data.draw(st.text(min_size=1, max_size=4))] = data.draw(JSON_VALUES)
                elif isinstance(parent, list):
                    parent.append(data.draw(JSON_VALUES))
            except (KeyError, IndexError, TypeError):
                pass
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_record_reader_accepts_nothing_the_schema_rejects(data: st.DataObject) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(RECORD_SCHEMA)
    doc = _mutate(_record(), data)
    raw = json.dumps(doc).encode()
    try:
        parse_record(raw, "records/x.json", "0" * 64, "test")
        accepted = True
    except RecordInvalid:
        accepted = False
    if accepted:
        assert validator.is_valid(doc), list(validator.iter_errors(doc))[:1]


def test_the_unmutated_samples_pass_both() -> None:
    from jsonschema import Draft202012Validator

    record = _record()
    Draft202012Validator(RECORD_SCHEMA).validate(record)
    parse_record(canonical_json(record), "records/x.json", "0" * 64, "test")
    Draft202012Validator(MANIFEST_SCHEMA).validate(_manifest())
    assert manifest_problem(_manifest()) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_manifest_check_accepts_nothing_the_schema_rejects(data: st.DataObject) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(MANIFEST_SCHEMA)
    doc = _mutate(_manifest(), data)
    if manifest_problem(doc) is None:
        assert validator.is_valid(doc), list(validator.iter_errors(doc))[:1]


# -- damaged bundles --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_bundle(demo_template, tmp_path_factory) -> tuple[Path, object]:
    from app.bundles.trust import certs_from
    from app.bundles.verified import VerifyContext

    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(demo_template.root, root / "demo")
    demo = SimpleNamespace(assessors=[root / "demo" / "assessors" / p.name for p in demo_template.assessors],
                           passphrase_file=root / "demo" / "pass.txt")
    bundle = export(demo, 2, root / "sample.nilai")
    return bundle, VerifyContext(trusted=certs_from(directory=root / "demo" / "certs"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 8), cut=st.booleans())
def test_a_damaged_bundle_is_refused_with_a_bundle_error(sample_bundle, tmp_path_factory, seed: int, flips: int,
                                                         cut: bool) -> None:
    from app.bundles.verify import verify_bundle

    bundle, context = sample_bundle
    rng = random.Random(seed)
    data = bytearray(bundle.read_bytes())
    for _ in range(flips):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    if cut:
        data = data[: rng.randrange(len(data))]
    target = tmp_path_factory.mktemp("damaged") / "damaged.nilai"
    target.write_bytes(bytes(data))
    try:
        # Only bytes nobody reads can change unnoticed (zip timestamps, unused header fields).
        with verify_bundle(target, context) as verified, zipfile.ZipFile(bundle) as original:
            for record in verified.records:
                assert original.read(record.path) == verified.archive.read(record.path)
    except BundleError:
        pass


def test_substance_digest_is_the_same_from_a_file_and_from_a_document() -> None:
    from app.bundles.manifest import sqlite_time, substance_digest

    record = _record()
    raw = canonical_json(record)
    expected = substance_digest(record)
    assert parse_record(raw, "records/x.json", "0" * 64, "test").substance_sha256 == expected
    assert parse_record(raw, "records/x.json", "0" * 64, "test", sqlite_time).substance_sha256 == expected
    signed = copy.deepcopy(record)
    signed["assessment"].update(status="signed", sheet_sha256=SHA, signed_at=AT)
    assert substance_digest(signed) == expected  # signing is not a change of substance
    signed["scores"][0]["note"] = "lain"
    assert substance_digest(signed) != expected


@pytest.mark.parametrize("name", ["../../.bashrc", "/etc/passwd", "a\\b.pdf", "..", "nama\nbaru.pdf"])
def test_evidence_file_names_are_plain_names(name: str) -> None:
    record = _record()
    record["evidence"][0]["file_name"] = name
    with pytest.raises(RecordInvalid, match="plain file name"):
        parse_record(canonical_json(record), "records/x.json", "0" * 64, "test")
