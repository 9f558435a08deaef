"""Limits on everything a bundle controls (issue 13, item 3): each one tested at and just past it, and any
failure while checking one bundle is that bundle's rejection - the batch goes on, the report is written.

The limits are measured on a real bundle (with sheets, evidence, an instrument): set to exactly what the
bundle has, it verifies; set one below, it is refused with a reason naming that limit."""

from __future__ import annotations

import json
import logging
import zipfile
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bundles.helpers import Rich, db_digest, export, run_cli
from tests.bundles.hostile import Ctx, nested, replace_record


def _depth(value: object) -> int:
    """Nesting of a parsed JSON value: a scalar 0, ``[]`` 1, ``{"a": [1]}`` 2."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def measure(bundle: Path) -> dict[str, int]:
    """What this bundle uses of each limit (independently of the reader)."""
    with zipfile.ZipFile(bundle) as archive:
        infos = {info.filename: info.file_size for info in archive.infolist()}
        manifest = json.loads(archive.read("manifest.json"))
        records = [json.loads(archive.read(n)) for n in infos if n.startswith("records/")]
        instruments = [json.loads(archive.read(n)) for n in infos if n.startswith("instruments/")]

    def largest(prefix: str) -> int:
        return max(size for name, size in infos.items() if name.startswith(prefix))

    texts = [len(s["note"]) for r in records for s in r["scores"]]
    texts += [len(e[key]) for r in records for e in r["change_log"] for key in ("old", "new", "reason")]
    return {
        "max_bundle_bytes": bundle.stat().st_size,
        "max_entries": len(infos),
        "max_total_bytes": sum(infos.values()),
        "max_manifest_bytes": infos["manifest.json"],
        "max_signature_bytes": max(infos["manifest.sig"], infos["certificate.pem"]),
        "max_record_bytes": largest("records/"),
        "max_instrument_bytes": largest("instruments/"),
        "max_sheet_bytes": largest("sheets/"),
        "max_evidence_bytes": largest("evidence/"),
        "max_json_depth": max(map(_depth, [manifest, *records, *instruments])),
        "max_versions": len(manifest["records"]),
        "max_rounds": len(manifest["rounds"]),
        "max_instruments": len(manifest["instruments"]),
        "max_files_per_version": max(len(r["files"]) for r in manifest["records"]),
        "max_scores": max(len(r["scores"]) for r in records),
        "max_evidence_per_version": max(len(r["evidence"]) for r in records),
        "max_change_log": max(len(r["change_log"]) for r in records),
        "max_text": max(texts),
    }


# What the refusal says when the bundle is one past each limit.
PAST = {
    "max_bundle_bytes": "bytes, more than the",
    "max_entries": "files inside, more than the",
    "max_total_bytes": "its files add up to more than",
    "max_manifest_bytes": "'manifest.json' is",
    "max_signature_bytes": "more than the",
    "max_record_bytes": "(oversized entry)",
    "max_instrument_bytes": "(oversized entry)",
    "max_sheet_bytes": "(oversized entry)",
    "max_evidence_bytes": "(oversized entry)",
    "max_json_depth": "nested more than",
    "max_versions": "versions, more than the",
    "max_rounds": "rounds, more than the",
    "max_instruments": "instruments, more than the",
    "max_files_per_version": "files for one version, more than the",
    "max_scores": "scores: must be a list of at most",
    "max_evidence_per_version": "evidence: must be a list of at most",
    "max_change_log": "the limit on change-log entries",
    "max_text": "the limit on text",
}
NOT_HERE = {  # limits a plain, ordinary bundle cannot be one past: tested elsewhere
    "max_payload_bytes": "encrypted bundles only",
    "max_sender_upload_bytes": "the sync service's resumable uploads: tests/sync/test_resumable.py",
    "max_ratio": "zip bombs: test_tamper",
    "ratio_floor": "zip bombs: test_tamper",
}


def test_every_limit_is_tested() -> None:
    from app.bundles.format import Limits

    assert {f.name for f in fields(Limits)} == set(PAST) | set(NOT_HERE)


def _verify(rich: Rich, bundle: Path, limits):
    from app.bundles.importer import build_context
    from app.bundles.trust import certs_from
    from app.bundles.verify import verify_bundle
    from app.store import open_store

    store = open_store(rich.demo.coordinator)
    try:
        context = build_context(store, certs_from([], rich.demo.certs), None, limits)
    finally:
        store.close()
    with verify_bundle(bundle, context) as verified:
        return verified


@pytest.mark.parametrize("limit", sorted(PAST))
def test_each_limit_at_and_just_past(rich: Rich, limit: str) -> None:
    from app.bundles.errors import BundleError
    from app.bundles.format import DEFAULT_LIMITS

    used = measure(rich.bundle)[limit]
    assert 0 < used <= getattr(DEFAULT_LIMITS, limit), "the bundle must use this limit, within the default"
    assert _verify(rich, rich.bundle, replace(DEFAULT_LIMITS, **{limit: used})).records  # at the limit
    with pytest.raises(BundleError) as refused:
        _verify(rich, rich.bundle, replace(DEFAULT_LIMITS, **{limit: used - 1}))
    assert PAST[limit] in str(refused.value), str(refused.value)
    assert refused.value.kind in ("unsafe", "manifest", "record", "instrument"), refused.value.kind


def test_json_depth_at_and_past_the_default(rich: Rich, tmp_path: Path) -> None:
    """A record with a value nested exactly as deep as allowed is refused for its content (an unknown key), one
    level more for its depth; a hundred thousand levels (a RecursionError in the parser) the same way."""
    from app.bundles.errors import RecordInvalid
    from app.bundles.format import DEFAULT_LIMITS

    def with_depth(depth: int) -> Path:
        def make(record: dict, _rng) -> bytes:
            record["x"] = "@DEEP@"  # at the top: the record itself is level 1
            return json.dumps(record).encode().replace(b'"@DEEP@"', nested(depth - 1).encode())

        ctx = Ctx(rich.bundle, tmp_path / f"deep-{depth}.nilai", rich.demo.assessors[0], rich.outsider, b"")
        return replace_record(ctx, __import__("random").Random(depth), make)

    limit = DEFAULT_LIMITS.max_json_depth
    for depth, expected in ((limit, "does not have exactly the keys"), (limit + 1, f"nested more than {limit}"),
                            (100_000, f"nested more than {limit}")):
        with pytest.raises(RecordInvalid) as refused:
            _verify(rich, with_depth(depth), DEFAULT_LIMITS)
        assert expected in str(refused.value), (depth, str(refused.value))


def _deep_record_bundle(rich: Rich, target: Path) -> Path:
    def make(record: dict, _rng) -> bytes:
        record["scores"][0]["note"] = "@DEEP@"
        return json.dumps(record).encode().replace(b'"@DEEP@"', nested(100_000).encode())

    ctx = Ctx(rich.bundle, target, rich.demo.assessors[0], rich.outsider, b"")
    return replace_record(ctx, __import__("random").Random(7), make)


def test_a_pathological_bundle_is_rejected_and_the_batch_goes_on(rich: Rich, tmp_path: Path, capsys) -> None:
    """Nesting that breaks the JSON parser used to end the whole import in a traceback: bundles before it
    committed, after it never read, no report. Now it is one rejection among the others."""
    import shutil

    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    deep = _deep_record_bundle(rich, tmp_path / "deep.nilai")
    good = export(rich.demo, 1, tmp_path / "good.nilai", "--all")
    report = tmp_path / "report.json"
    capsys.readouterr()
    code = run_cli("--data-dir", coordinator, "bundle", "import", good, deep, rich.bundle,
                   "--trust-dir", rich.demo.certs, "--report", report)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    bundles = json.loads(report.read_text(encoding="utf-8"))["bundles"]
    assert [(b["file"], b["outcome"], b["error_kind"]) for b in bundles] == [
        ("good.nilai", "imported", ""), ("deep.nilai", "rejected", "record"), ("rich.nilai", "imported", "")]
    assert "nested more than 32 levels deep" in bundles[1]["reason"]

    capsys.readouterr()
    assert run_cli("--data-dir", coordinator, "bundle", "verify", deep, "--trust-dir", rich.demo.certs) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{deep}: INVALID (record)") and "Traceback" not in err
    assert err.count("\n") == 1


def test_with_the_helper_process_too(rich: Rich, tmp_path: Path) -> None:
    import shutil

    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from
    from app.store import open_store

    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    deep = _deep_record_bundle(rich, tmp_path / "deep.nilai")
    good = export(rich.demo, 1, tmp_path / "good.nilai", "--all")
    store = open_store(coordinator)
    try:
        report = import_bundles(store, [deep, good, deep, rich.bundle], extra_trust=certs_from([], rich.demo.certs),
                                workers=1)
    finally:
        store.close()
    assert [(b.outcome, b.error_kind) for b in report.bundles] == [
        ("rejected", "record"), ("imported", ""), ("rejected", "record"), ("imported", "")]


def test_any_unexpected_failure_while_checking_rejects_that_bundle_only(rich: Rich, tmp_path: Path, capsys,
                                                                       monkeypatch, caplog) -> None:
    """Content no check foresaw (here: a parser failing with an error nobody expects) is a rejection with a
    reason, for the CLI's import and verify alike."""
    import shutil

    from app.bundles import contents

    real = contents.read_record

    def fragile(data, path, sha, label, *args, **kwargs):
        if label == "odd.nilai":
            raise ZeroDivisionError("division by zero")
        return real(data, path, sha, label, *args, **kwargs)

    monkeypatch.setattr(contents, "read_record", fragile)
    caplog.set_level(logging.DEBUG, logger="app.bundles")
    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    odd = shutil.copy(export(rich.demo, 1, tmp_path / "good.nilai", "--all"), tmp_path / "odd.nilai")
    before = db_digest(coordinator)
    report = tmp_path / "report.json"
    capsys.readouterr()
    assert run_cli("--data-dir", coordinator, "bundle", "import", odd, "--trust-dir", rich.demo.certs,
                   "--report", report) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    # The traceback goes to the program's log, below WARNING: Python prints unhandled warnings on stderr.
    [logged] = [r for r in caplog.records if "failed unexpectedly" in r.getMessage()]
    assert logged.exc_info and logged.levelno < logging.WARNING
    [bundle] = json.loads(report.read_text(encoding="utf-8"))["bundles"]
    assert (bundle["outcome"], bundle["error_kind"]) == ("rejected", "failed")
    assert "could not be checked (ZeroDivisionError: division by zero)" in bundle["reason"]
    assert db_digest(coordinator) == before
    assert run_cli("--data-dir", coordinator, "bundle", "import", odd, rich.bundle, "--trust-dir",
                   rich.demo.certs, "--report", report) == 1
    assert [b["outcome"] for b in json.loads(report.read_text(encoding="utf-8"))["bundles"]] == ["rejected", "imported"]
    capsys.readouterr()
    assert run_cli("--data-dir", coordinator, "bundle", "verify", odd, "--trust-dir", rich.demo.certs) == 1
    out, err = capsys.readouterr()
    assert "INVALID (failed)" in out and "Traceback" not in err and err.count("\n") == 1, err


_TRICKY = st.text(alphabet='[]{}"\\ab,:', max_size=8)
_JSON = st.recursive(st.none() | st.integers() | _TRICKY,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
                     max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(value=_JSON, limit=st.integers(1, 12), ascii_only=st.booleans())
def test_the_depth_check_counts_brackets_outside_strings_only(value, limit: int, ascii_only: bool) -> None:
    """Strings full of brackets, quotes and backslashes do not count; the nesting itself does, exactly."""
    from app.bundles.format import json_depth_problem

    problem = json_depth_problem(json.dumps(value, ensure_ascii=ascii_only), limit)
    assert (problem is None) == (_depth(value) <= limit), (problem, _depth(value))


def test_the_report_is_written_when_the_batch_is_stopped(rich: Rich, tmp_path: Path, monkeypatch, capsys) -> None:
    """Interrupted while taking the second bundle in: --report still says what the first one did."""
    import shutil

    from app.bundles import merge_transaction

    real, calls = merge_transaction.merge_rows, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(merge_transaction, "merge_rows", interrupted)
    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    good = export(rich.demo, 1, tmp_path / "good.nilai", "--all")
    report = tmp_path / "report.json"
    assert run_cli("--data-dir", coordinator, "bundle", "import", good, rich.bundle, "--trust-dir", rich.demo.certs,
                   "--report", report) == 130
    assert "interrupted" in capsys.readouterr().err
    assert [(b["file"], b["outcome"]) for b in json.loads(report.read_text(encoding="utf-8"))["bundles"]] == [
        ("good.nilai", "imported")]
