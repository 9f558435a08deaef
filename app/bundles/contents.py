"""A plain bundle's contents against its signed manifest: every file listed, present and as signed;
every record, signed sheet and carried instrument checked; scores within the instrument's rubric.
"""

from __future__ import annotations

import hashlib
import zipfile
from operator import itemgetter
from typing import Any

from app import regions
from app.base.ids import short_id
from app.bundles import zipcheck
from app.bundles.errors import (
    InstrumentMismatch,
    ManifestInvalid,
    RecordInvalid,
    TamperedFile,
)
from app.bundles.format import (
    CERTIFICATE,
    MANIFEST,
    SIGNATURE,
    evidence_path,
    instrument_path,
    json_depth_problem,
    record_path,
    sheet_path,
    strict_json_loads,
)
from app.bundles.manifest import ParsedRecord
from app.bundles.record_fast import read_record
from app.bundles.signed import SignedManifest
from app.bundles.verified import VerifiedBundle, VerifyContext
from app.instruments import InstrumentError, parse_instrument
from app.models.domain import Instrument
from app.regions.calibration import is_calibration_code


def same_names(archive: zipfile.ZipFile, listed: dict[str, tuple[str, int]], label: str) -> None:
    """The files of a plain bundle are exactly those its manifest lists."""
    present = set(archive.namelist()) - {MANIFEST, SIGNATURE, CERTIFICATE}
    missing = sorted(set(listed) - present)
    if missing:
        raise TamperedFile(f"{label}: {missing[0]} is listed in the signed manifest but missing from the bundle "
                           f"({len(missing)} missing)")
    extra = sorted(present - set(listed))
    if extra:
        raise TamperedFile(f"{label}: {extra[0]} is in the bundle but not in the signed manifest")



def check_contents(archive: zipfile.ZipFile, signed: SignedManifest, label: str, context: VerifyContext,
                    outer_sha: str | None, recipient: str | None) -> VerifiedBundle:
    manifest = signed.data
    if manifest["encrypted"]:
        raise ManifestInvalid(f"{label}: an encrypted manifest inside a plain bundle")
    listed = listed_files(manifest, label)
    same_names(archive, listed, label)

    instruments = _check_instruments(archive, manifest, listed, label, context)
    rounds = {r["id"]: r for r in manifest["rounds"]}
    records: list[ParsedRecord] = []
    sheets: dict[str, str] = {}
    evidence: dict[str, str] = {}
    hashed: set[str] = set()
    for entry in manifest["records"]:
        parsed, sheet = _check_record(archive, entry, listed, manifest, rounds, label, context)
        records.append(parsed)
        hashed.add(parsed.path)
        if sheet:
            sheets[parsed.version_id] = sheet
        for sha in parsed.evidence_shas:
            evidence[sha] = evidence_path(sha)
    for path, (sha, size) in listed.items():
        if path in hashed or path.startswith("instruments/"):
            continue
        got_sha, got_size = zipcheck.hash_entry(archive, path, label)
        if (got_sha, got_size) != (sha, size):
            raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the "
                               "signed manifest)")
    cert_pem = signed.certificate_pem
    if context.check_sheet_signatures:
        for version_id, path in sheets.items():
            _check_sheet(archive, path, version_id, signed.fingerprint, cert_pem, label)
    indicator_maps: dict[str, tuple[dict[str, frozenset[int]], frozenset[tuple[str, int | None]]]] = {}
    for parsed in records:
        known = parsed.instrument_hash in context.known_instruments
        if not known and parsed.instrument_hash not in instruments:
            raise InstrumentMismatch(f"{label}: version {short_id(parsed.version_id)} was scored under instrument "
                                     f"{parsed.instrument_hash[:12]}, which this store does not know and the bundle "
                                     "does not carry")
        round_instrument = context.round_instruments.get(parsed.round_id)
        if round_instrument is not None and round_instrument != parsed.instrument_hash:
            raise InstrumentMismatch(
                f"{label}: version {short_id(parsed.version_id)} was scored under instrument {parsed.instrument_hash[:12]}, "
                f"but round {rounds[parsed.round_id]['name']!r} here uses {round_instrument[:12]}: "
                "the definitions differ, so the scores cannot be compared; ask the assessor which round package they used")
        instrument = (instruments[parsed.instrument_hash][1] if parsed.instrument_hash in instruments
                      else context.known_instruments[parsed.instrument_hash])
        maps = indicator_maps.get(instrument.content_hash)
        if maps is None:
            levels_of = {ind.code: frozenset(lv.level for lv in ind.levels) for ind in instrument.indicators()}
            allowed = frozenset([(code, None) for code in levels_of]
                                + [(code, level) for code, levels in levels_of.items() for level in levels])
            maps = indicator_maps[instrument.content_hash] = (levels_of, allowed)
        _check_scores(parsed, instrument, maps[0], label, maps[1])
    return VerifiedBundle(label=label, manifest=manifest, manifest_sha256=signed.sha256, outer_sha256=outer_sha,
                          fingerprint=signed.fingerprint, certificate_pem=cert_pem, recipient_fingerprint=recipient,
                          records=records, instruments=instruments, sheets=sheets, evidence=evidence, archive=archive)


def listed_files(manifest: dict[str, Any], label: str) -> dict[str, tuple[str, int]]:
    listed: dict[str, tuple[str, int]] = {}

    def add(path: str, sha: str, size: int) -> None:
        if path in listed and listed[path] != (sha, size):
            raise ManifestInvalid(f"{label}: the manifest lists {path} twice with different hashes")
        listed[path] = (sha, size)

    for inst in manifest["instruments"]:
        if inst["path"] != instrument_path(inst["content_hash"]):
            raise ManifestInvalid(f"{label}: instrument {inst['id']} is filed under the wrong name")
        add(inst["path"], inst["sha256"], inst["size"])
    seen: set[str] = set()
    for rec in manifest["records"]:
        version_id = rec["version_id"]
        if version_id in seen:
            raise ManifestInvalid(f"{label}: version {version_id} is listed twice")
        seen.add(version_id)
        kinds = [f["kind"] for f in rec["files"]]
        if kinds.count("record") != 1 or kinds.count("sheet") > 1:
            raise ManifestInvalid(f"{label}: version {short_id(version_id)} must list one record file and at most one sheet")
        if rec["signed"] != (rec["status"] == "signed") or rec["signed"] != ("sheet" in kinds):
            raise ManifestInvalid(f"{label}: version {short_id(version_id)}: a signed version carries its sheet, "
                                  "and only a signed one")
        for f in rec["files"]:
            expected = {"record": record_path(version_id), "sheet": sheet_path(version_id)}.get(f["kind"])
            if f["kind"] == "evidence":
                expected = evidence_path(f["sha256"])
            if f["path"] != expected:
                raise ManifestInvalid(f"{label}: version {short_id(version_id)} lists {f['path']} under the wrong name")
            add(f["path"], f["sha256"], f["size"])
    return listed


def _check_instruments(archive: zipfile.ZipFile, manifest: dict[str, Any], listed: dict[str, tuple[str, int]],
                       label: str, context: VerifyContext) -> dict[str, tuple[dict[str, Any], Instrument]]:
    carried: dict[str, tuple[dict[str, Any], Instrument]] = {}
    for inst in manifest["instruments"]:
        data = zipcheck.read_entry(archive, inst["path"], label)
        file_sha = hashlib.sha256(data).hexdigest()
        if (file_sha, len(data)) != listed[inst["path"]]:
            raise TamperedFile(f"{label}: {inst['path']} was changed after signing (its SHA-256 or size differs from "
                               "the signed manifest)")
        seen = context.checked_instrument_files.get(file_sha)
        # The very same bytes were rebuilt and checked before (perhaps by a reader with other limits: this
        # reader's nesting limit is checked again; past it, the checks below say so as they would).
        if seen is not None and seen[1].content_hash == inst["content_hash"] \
                and (seen[1].id, seen[1].version) == (inst["id"], inst["version"]) \
                and json_depth_problem(data, context.limits.max_json_depth) is None:
            carried[inst["content_hash"]] = seen
            continue
        try:
            definition = strict_json_loads(data, inst["path"], context.limits.max_json_depth)
            instrument = parse_instrument(definition, source=f"{label}:{inst['path']}")
        except (ValueError, UnicodeDecodeError, InstrumentError) as exc:
            raise InstrumentMismatch(f"{label}: the instrument {inst['id']} it carries is not a valid definition: "
                                     f"{str(exc)[:300]}") from exc
        if instrument.content_hash != inst["content_hash"]:
            raise InstrumentMismatch(f"{label}: the instrument {inst['id']} {inst['version']} it carries hashes to "
                                     f"{instrument.content_hash[:12]}, not {inst['content_hash'][:12]} as declared")
        if (instrument.id, instrument.version) != (inst["id"], inst["version"]):
            raise InstrumentMismatch(f"{label}: the instrument filed as {inst['id']} {inst['version']} is "
                                     f"{instrument.id} {instrument.version}")
        carried[instrument.content_hash] = (definition, instrument)
        context.checked_instrument_files[file_sha] = (definition, instrument)
    return carried


def _check_record(archive: zipfile.ZipFile, entry: dict[str, Any], listed: dict[str, tuple[str, int]],
                  manifest: dict[str, Any], rounds: dict[str, Any], label: str,
                  context: VerifyContext) -> tuple[ParsedRecord, str | None]:
    version_id = entry["version_id"]
    path = record_path(version_id)
    data = zipcheck.read_entry(archive, path, label)
    sha = hashlib.sha256(data).hexdigest()
    if (sha, len(data)) != listed[path]:
        raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the signed "
                           "manifest)")
    parsed = read_record(data, path, sha, label, context.time_value, context.limits)
    where = f"{label}: {path}"
    pairs = (("record_id", parsed.record_id), ("version_id", parsed.version_id),
             ("previous_version_id", parsed.previous_version_id), ("status", parsed.status),
             ("round_id", parsed.round_id), ("region_code", parsed.region_code))
    for key, value in pairs:
        if entry[key] != value:
            raise RecordInvalid(f"{where}: {key} disagrees with the manifest")
    if entry["instrument"]["content_hash"] != parsed.instrument_hash:
        raise RecordInvalid(f"{where}: the instrument disagrees with the manifest")
    if parsed.assessor_id != manifest["assessor"]["id"]:
        raise RecordInvalid(f"{where}: the assessment belongs to another assessor than the one who signed the bundle")
    round_info = rounds.get(parsed.round_id)
    if round_info is None:
        raise RecordInvalid(f"{where}: its round is not described in the manifest")
    if round_info["instrument_hash"] != parsed.instrument_hash:
        raise InstrumentMismatch(f"{where}: scored under another instrument than its round's")
    # A calibration case is known only to stores its round package reached: checked when merged.
    if not is_calibration_code(parsed.region_code):
        try:
            regions.region(parsed.region_code)
        except LookupError as exc:
            raise RecordInvalid(f"{where}: {exc}") from exc
    files = {f["kind"]: f for f in entry["files"] if f["kind"] != "evidence"}
    listed_evidence = {f["sha256"]: f["size"] for f in entry["files"] if f["kind"] == "evidence"}
    if set(listed_evidence) != parsed.evidence_shas:
        raise RecordInvalid(f"{where}: the evidence files it cites differ from those the manifest lists for it")
    for row in parsed.evidence_rows:
        if listed_evidence[row["sha256"]] != row["size"]:
            raise RecordInvalid(f"{where}: evidence {row['file_name']!r} has another size than its file")
    sheet = files.get("sheet")
    if sheet is not None and sheet["sha256"] != parsed.sheet_sha256:
        raise TamperedFile(f"{where}: the sheet in the bundle is not the one this version was signed with (swapped sheet)")
    return parsed, sheet["path"] if sheet else None


def _check_sheet(archive: zipfile.ZipFile, path: str, version_id: str, fingerprint: str, cert_pem: str,
                 label: str) -> None:
    from app.sheets.signing import verify_pdf  # deferred: pyHanko only when a bundle carries a signed sheet

    result = verify_pdf(zipcheck.read_entry(archive, path, label), trusted=[cert_pem.encode("ascii")])
    if not result.valid:
        raise TamperedFile(f"{label}: the sheet of version {short_id(version_id)} is not intact: "
                           f"{'; '.join(result.problems) or 'invalid signature'}")
    if result.fingerprint != fingerprint:
        raise TamperedFile(f"{label}: the sheet of version {short_id(version_id)} was signed by another certificate "
                           f"({(result.fingerprint or '?')[:16]}…) than the bundle (swapped sheet)")


_CODE_AND_LEVEL = itemgetter(1, 2)  # of a score row (SCORE_COLUMNS order)


def _check_scores(parsed: ParsedRecord, instrument: Instrument, levels_of: dict[str, frozenset[int]],
                  label: str, allowed: frozenset[tuple[str, int | None]] | None = None) -> None:
    """Every score names an indicator of the instrument and one of its rubric levels.

    ``allowed``: every (indicator code, level) the instrument has, and (code, None) for each code; when
    all the rows' pairs are among them there is nothing to report (the loop below says what is wrong)."""
    if allowed is not None and allowed.issuperset(map(_CODE_AND_LEVEL, parsed.score_rows)) \
            and all(row["indicator_code"] in levels_of for row in parsed.evidence_rows):
        return
    for _version, code, level, *_rest in parsed.score_rows:
        levels = levels_of.get(code)
        if levels is None:
            raise RecordInvalid(f"{label}: {parsed.path}: indicator {code} is not part of instrument "
                                f"{instrument.id} {instrument.version}")
        if level is not None and level not in levels:
            raise RecordInvalid(f"{label}: {parsed.path}: level {level} is not a rubric level of {code}")
    for row in parsed.evidence_rows:
        if row["indicator_code"] not in levels_of:
            raise RecordInvalid(f"{label}: {parsed.path}: evidence cites unknown indicator {row['indicator_code']}")
