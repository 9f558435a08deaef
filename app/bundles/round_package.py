"""Round packages (coordinator → assessors): the round, its instrument and schedule, signed.

A package is a zip (``.nilairound``) holding ``package.json`` and ``package.sig`` (the
coordinator's detached signature over the exact bytes of package.json, made with
:func:`app.identity.sign_bytes`). package.json carries the round (id, name, dates, rules), the
instrument definition (checked against its content hash on import), the candidate regions, the
panels with who sits on them (assessor id, name, NIP, organisation), the interview slots with
their ids, the coordinator's certificate and, if the coordinator named one, the sync service
(URL and its pinned certificate, :mod:`app.bundles.sync_target`). ``docs/schemas/round-package.schema.json``
describes it; ``docs/bundle-format.md`` explains it.

Each export numbers the package (``package_version`` = 1, 2, ... per round). Importing:

* a round not yet here → created with its schedule; this laptop's profile is matched to its panel
  seat (by id, NIP or certificate), so the assessor finds their interviews waiting;
* a newer package of a known round → the schedule is brought up to date (slots moved, added,
  removed; panels and seats updated); assessments and scores are never touched, and a slot an
  assessment refers to is kept even if the new package drops it;
* the same or an older package → nothing changes;
* a package whose instrument differs (by content hash) from the one assessments of the round were
  scored under → refused, with both instruments named.

Trust: ``--trust CERT`` pins the coordinator's certificate; without it the first package's signer
is remembered for the round (``round.coordinator_cert_pem``) and every later package must be
signed by the same certificate.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app import __version__
from app.base.atomic import atomic_open
from app.base.ids import short_id
from app.bundles import sync_target, zipcheck
from app.bundles.errors import BundleError
from app.bundles.format import Limits, strict_json_loads
from app.bundles.package_calibration import apply_cases, package_cases, package_problem
from app.bundles.package_returns import apply_returns, keep_issued, package_returns
from app.bundles.schema import ROUND_PACKAGE_SCHEMA
from app.identity import (
    IdentityError,
    certificate_fingerprint,
    load_certificate,
    load_identity,
    sign_bytes,
    verify_bytes,
)
from app.instruments import InstrumentError, instrument_to_dict, parse_instrument
from app.instruments.catalogue import load_instrument, store_instrument
from app.models.tables import Assessment, Assessor, Candidate, InterviewSlot, Panel, PanelAssessor, Round
from app.regions.seed import ensure_regions
from app.rounds import RoundError, resolve_round
from app.rounds.setup.calibration import CALIBRATION
from app.store import Store, settings

FORMAT = "nilai-round-package"
FORMAT_VERSION = 1
PACKAGE = "package.json"
SIGNATURE = "package.sig"
SUFFIX = ".nilairound"


class PackageError(Exception):
    """A round package that cannot be written or taken in; the message says why and what to do."""


@dataclass(frozen=True)
class PackageExport:
    path: Path
    round_id: str
    round_name: str
    package_version: int
    candidates: int
    panels: int
    slots: int
    assessors: int


@dataclass
class PackageImport:
    round_id: str
    round_name: str
    package_version: int
    outcome: str  # created | updated | up_to_date
    coordinator_fingerprint: str
    slots: int = 0
    my_slots: int = 0
    slots_added: int = 0
    slots_changed: int = 0
    slots_removed: int = 0
    sync_url: str | None = None  # the sync service this round's bundles go to (None: files only)
    returned: int = 0  # assessments of this laptop's assessor the coordinator returned for revision
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.outcome == "up_to_date":
            return (f"round {self.round_name!r}: package version {self.package_version} is already here; "
                    "nothing changed")
        verb = "created" if self.outcome == "created" else "updated"
        return (f"round {self.round_name!r} {verb} from package version {self.package_version}: {self.slots} "
                f"interview slot(s), {self.my_slots} of them yours (+{self.slots_added} ~{self.slots_changed} "
                f"-{self.slots_removed}); coordinator certificate {self.coordinator_fingerprint[:16]}…")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- export (coordinator) ---------------------------------------------------------------------


def export_round_package(store: Store, out: str | Path, unlocked: Any, *, round_ref: str | None = None,
                         sync: sync_target.SyncTarget | None = None, calibration_feedback: bool = False) -> PackageExport:
    """Write the signed package; ``sync`` (once given, remembered for the round) names the sync service;
    ``calibration_feedback`` adds the group's median level per indicator of each calibration case
    (see :mod:`app.bundles.package_calibration`)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise PackageError(f"the folder {out.parent} does not exist")
    info = unlocked.info
    with store.transaction() as session:
        try:
            round_: Round = resolve_round(session, round_ref)
        except RoundError as exc:
            raise PackageError(str(exc)) from exc
        version = (round_.package_version or 0) + 1
        instrument = load_instrument(session, round_.instrument_hash)
        candidates = sorted(session.exec(select(Candidate.region_code).where(
            Candidate.round_id == round_.id, Candidate.status != CALIBRATION)).all())
        panels = list(session.exec(select(Panel).where(Panel.round_id == round_.id).order_by(col(Panel.name))))
        seats = session.exec(select(PanelAssessor).where(col(PanelAssessor.panel_id).in_([p.id for p in panels]))).all()
        assessor_ids = sorted({s.assessor_id for s in seats})
        assessors = list(session.exec(select(Assessor).where(col(Assessor.id).in_(assessor_ids)).order_by(col(Assessor.name))))
        slots = list(session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_.id)
                                  .order_by(col(InterviewSlot.day), col(InterviewSlot.start), col(InterviewSlot.id))))
        package = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": str(uuid.uuid4()),
            "package_version": version,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "program": {"name": "nilai", "version": __version__},
            "coordinator": {"name": info.name, "nip": info.nip, "organisation": info.organisation,
                            "fingerprint": info.fingerprint, "certificate": info.cert_pem},
            "round": {"id": round_.id, "name": round_.name, "programme": round_.programme,
                      "instrument_hash": round_.instrument_hash,
                      "starts_on": round_.starts_on.isoformat() if round_.starts_on else None,
                      "ends_on": round_.ends_on.isoformat() if round_.ends_on else None,
                      "aggregation_rule": round_.aggregation_rule,
                      "shortlist_sizes": [int(n) for n in round_.shortlist_sizes.split(",") if n.strip()]},
            "instrument": instrument_to_dict(instrument),
            "candidates": candidates,
            "assessors": [{"id": a.id, "name": a.name, "nip": a.nip, "organisation": a.organisation,
                           "cert_fingerprint": a.cert_fingerprint} for a in assessors],
            "panels": [{"id": p.id, "name": p.name, "room": p.room,
                        "assessor_ids": sorted(s.assessor_id for s in seats if s.panel_id == p.id)} for p in panels],
            "slots": [{"id": s.id, "panel_id": s.panel_id, "region_code": s.region_code, "day": s.day.isoformat(),
                       "start": s.start.strftime("%H:%M"), "minutes": s.minutes} for s in slots],
            **package_cases(session, round_.id, calibration_feedback),
            **package_returns(session, round_.id),
        }
        if sync is not None:
            sync_target.put(session, round_.id, sync)
        target = sync_target.get(session, round_.id)
        if target is not None:
            package["sync"] = target.to_json()
        raw = _package_json(package)
        signature = sign_bytes(unlocked, raw)
        try:
            with atomic_open(out) as handle, zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, data in ((PACKAGE, raw), (SIGNATURE, signature)):
                    entry = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
                    entry.external_attr = 0o100644 << 16
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(entry, data)
        except OSError as exc:
            raise PackageError(f"could not write {out}: {exc.strerror or exc}; nothing was written") from exc
        round_.package_version = version
        keep_issued(session, round_.id, version, out)  # what `nilai serve` hands out from now on
        if not round_.coordinator_cert_pem:
            round_.coordinator_cert_pem = info.cert_pem
        session.add(round_)
        return PackageExport(out, round_.id, round_.name, version, len(candidates), len(panels), len(slots), len(assessors))


def _package_json(package: dict[str, Any]) -> bytes:
    import json

    return (json.dumps(package, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


# -- import (assessor) ------------------------------------------------------------------------


@dataclass
class _Signed:
    data: dict[str, Any]
    fingerprint: str
    cert_pem: str


def read_package(path: str | Path, trust: str | Path | None = None) -> _Signed:
    """Open, check and verify a package; nothing is written."""
    path = Path(path)
    label = path.name
    limits = Limits(max_bundle_bytes=256 << 20, max_entries=2, max_manifest_bytes=64 << 20)
    try:
        with zipcheck.open_zip(path, label, limits, allowed={PACKAGE, SIGNATURE}) as archive:
            names = set(archive.namelist())
            if names != {PACKAGE, SIGNATURE}:
                raise PackageError(f"{label}: not a Nilai round package (it must hold package.json and package.sig)")
            # package.json shares manifest.json's size limit
            raw = zipcheck.read_entry(archive, PACKAGE, label)
            signature = zipcheck.read_entry(archive, SIGNATURE, label)
    except BundleError as exc:
        raise PackageError(str(exc)) from exc
    try:
        data = strict_json_loads(raw, PACKAGE)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackageError(f"{label}: package.json is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackageError(f"{label}: not a Nilai round package")
    if data.get("format_version") != FORMAT_VERSION:
        raise PackageError(f"{label}: round package format version {data.get('format_version')!r} is not supported "
                           f"(this Nilai reads {FORMAT_VERSION}); install the newer Nilai")
    # deferred: jsonschema is slow to import, and only a package being read needs it
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(ROUND_PACKAGE_SCHEMA).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise PackageError(f"{label}: package.json does not follow the round package format at {where}: {error.message[:200]}")
    problem = package_problem(data)
    if problem:
        raise PackageError(f"{label}: package.json is not a valid round package: {problem}")
    coordinator = data["coordinator"]
    try:
        cert = load_certificate(coordinator["certificate"].encode("ascii"))
    except IdentityError as exc:
        raise PackageError(f"{label}: the coordinator certificate cannot be read") from exc
    fingerprint = certificate_fingerprint(cert)
    if fingerprint != coordinator["fingerprint"] or not verify_bytes(cert, raw, signature):
        raise PackageError(f"{label}: the signature is not valid: the package was changed after the coordinator "
                           "signed it, or signed with another key")
    if trust is not None:
        try:
            pinned = certificate_fingerprint(load_certificate(trust if isinstance(trust, bytes) else str(trust)))
        except IdentityError as exc:
            raise PackageError(f"--trust: {exc}") from exc
        if pinned != fingerprint:
            raise PackageError(f"{label}: signed by certificate {fingerprint}, not by the coordinator certificate "
                               f"given with --trust ({pinned})")
    return _Signed(data, fingerprint, coordinator["certificate"])


def import_round_package(store: Store, path: str | Path, *, trust: str | Path | None = None) -> PackageImport:
    signed = read_package(path, trust)
    data = signed.data
    label = Path(path).name
    r = data["round"]
    try:
        instrument = parse_instrument(data["instrument"], source=f"{label}:instrument")
    except InstrumentError as exc:
        raise PackageError(f"{label}: the instrument it carries is not valid: {exc}") from exc
    if instrument.content_hash != r["instrument_hash"]:
        raise PackageError(f"{label}: the instrument it carries hashes to {instrument.content_hash[:12]}, not to the "
                           f"round's {r['instrument_hash'][:12]}")
    with store.transaction() as session:
        round_ = session.get(Round, r["id"])
        result = PackageImport(r["id"], r["name"], data["package_version"], "created" if round_ is None else "updated",
                               signed.fingerprint)
        if round_ is not None and round_.coordinator_cert_pem and trust is None:
            known = certificate_fingerprint(load_certificate(round_.coordinator_cert_pem.encode("ascii")))
            if known != signed.fingerprint:
                raise PackageError(
                    f"{label}: signed by certificate {signed.fingerprint[:16]}…, but earlier packages of round "
                    f"{round_.name!r} came from {known[:16]}…; if the coordinator really changed certificates, "
                    "import with --trust NEW-CERT")
        if round_ is not None and data["package_version"] <= (round_.package_version or 0):
            result.outcome = "up_to_date"
            if data["package_version"] < (round_.package_version or 0):
                result.notes.append(f"this is package version {data['package_version']}; version "
                                    f"{round_.package_version} (newer) is already here, so nothing changed")
            result.slots, result.my_slots = _slot_counts(session, round_.id)
            return result
        scored = sorted(set(session.exec(select(Assessment.instrument_hash).where(Assessment.round_id == r["id"])).all()))
        other = [h for h in scored if h != instrument.content_hash]
        if other:
            count = len(session.exec(select(Assessment.version_id).where(Assessment.round_id == r["id"],
                                                                           col(Assessment.instrument_hash).in_(other))).all())
            raise PackageError(
                f"{label}: refused. The package's instrument {instrument.id} {instrument.version} "
                f"({instrument.content_hash[:12]}) differs from the instrument {other[0][:12]} that {count} "
                "assessment version(s) of this round were already scored under; taking it would make those scores "
                "incomparable. Nothing was changed. Export and hand in your bundle first, and ask the coordinator "
                "which instrument is meant.")
        ensure_regions(session)
        store_instrument(session, instrument)
        if round_ is None:
            round_ = Round(id=r["id"], name=r["name"], instrument_hash=instrument.content_hash)
        round_.name, round_.programme, round_.instrument_hash = r["name"], r["programme"], instrument.content_hash
        round_.starts_on = date.fromisoformat(r["starts_on"]) if r["starts_on"] else None
        round_.ends_on = date.fromisoformat(r["ends_on"]) if r["ends_on"] else None
        round_.aggregation_rule = r["aggregation_rule"]
        round_.shortlist_sizes = ",".join(str(n) for n in r["shortlist_sizes"])
        round_.package_version = data["package_version"]
        round_.coordinator_cert_pem = signed.cert_pem
        session.add(round_)
        session.flush()
        _keep_sync_target(session, round_.id, data, result)
        calibration = apply_cases(session, round_.id, data)
        _apply_schedule(session, round_.id, data, result, calibration)
        _match_profile(session, store, data, result)
        session.flush()
        taken = apply_returns(session, round_.id, data)
        result.returned = taken.added
        if taken.added or taken.withdrawn:
            result.notes.append(taken.line())
        result.slots, result.my_slots = _slot_counts(session, round_.id)
        return result


def _keep_sync_target(session: Session, round_id: str, data: dict[str, Any], result: PackageImport) -> None:
    """A package without ``sync`` leaves the one kept (an older coordinator's Nilai may not write it)."""
    if "sync" not in data:
        return
    try:
        target = sync_target.checked(data["sync"]["url"], data["sync"]["certificate"])
    except sync_target.TargetError as exc:
        result.notes.append(f"the sync service it names cannot be used ({exc}); hand bundles in as files")
        return
    sync_target.put(session, round_id, target)
    result.sync_url = target.url


def _apply_schedule(session: Session, round_id: str, data: dict[str, Any], result: PackageImport,
                    calibration: set[str]) -> None:
    # Assessors: by id, details from the coordinator.
    for a in data["assessors"]:
        row = session.get(Assessor, a["id"])
        if row is None:
            row = Assessor(id=a["id"], name=a["name"])
        row.name, row.nip, row.organisation = a["name"], a["nip"], a["organisation"]
        if a["cert_fingerprint"] and not row.cert_fingerprint:
            row.cert_fingerprint = a["cert_fingerprint"]
        session.add(row)
    session.flush()
    used_by_assessments = set(session.exec(select(Assessment.slot_id).where(Assessment.round_id == round_id)).all())
    used_regions = set(session.exec(select(Assessment.region_code).where(Assessment.round_id == round_id)).all())

    # Candidates: add the package's; drop others unless an assessment refers to them.
    have = {c.region_code: c for c in session.exec(select(Candidate).where(Candidate.round_id == round_id))}
    wanted = set(data["candidates"]) | {s["region_code"] for s in data["slots"]} | calibration
    for code in sorted(wanted - set(have)):
        session.add(Candidate(round_id=round_id, region_code=code))
    for code, candidate in have.items():
        if code not in wanted and code not in used_regions:
            session.delete(candidate)
    session.flush()

    # Panels: matched by name within the round (panel ids are local to each store).
    panels = {p.name: p for p in session.exec(select(Panel).where(Panel.round_id == round_id))}
    panel_map: dict[str, str] = {}
    for p in data["panels"]:
        panel = panels.get(p["name"])
        if panel is None:
            taken = session.get(Panel, p["id"]) is not None
            panel = Panel(round_id=round_id, name=p["name"], room=p["room"], **({} if taken else {"id": p["id"]}))
            panels[p["name"]] = panel
        panel.room = p["room"]
        session.add(panel)
        session.flush()
        panel_map[p["id"]] = panel.id
        seats = {s.assessor_id: s for s in session.exec(select(PanelAssessor).where(PanelAssessor.panel_id == panel.id))}
        for assessor_id in p["assessor_ids"]:
            if assessor_id not in seats:
                session.add(PanelAssessor(panel_id=panel.id, assessor_id=assessor_id))
        for assessor_id, seat in seats.items():
            if assessor_id not in p["assessor_ids"]:
                session.delete(seat)
    session.flush()

    # Slots: by id (ids travel); moved, added, or removed unless an assessment refers to them.
    package_slots = {s["id"]: s for s in data["slots"]}
    existing = {s.id: s for s in session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id))}
    for slot_id, s in package_slots.items():
        values = {"panel_id": panel_map[s["panel_id"]], "region_code": s["region_code"],
                  "day": date.fromisoformat(s["day"]), "start": time.fromisoformat(s["start"]), "minutes": s["minutes"]}
        slot = existing.get(slot_id)
        if slot is None:
            if session.get(InterviewSlot, slot_id) is not None:
                raise PackageError(f"slot {short_id(slot_id)} of the package belongs to another round here")
            session.add(InterviewSlot(id=slot_id, round_id=round_id, **values))
            result.slots_added += 1
        elif any(getattr(slot, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(slot, k, v)
            session.add(slot)
            result.slots_changed += 1
    kept = 0
    for slot_id, slot in existing.items():
        if slot_id not in package_slots:
            if slot_id in used_by_assessments:
                kept += 1
            else:
                session.delete(slot)
                result.slots_removed += 1
    if kept:
        result.notes.append(f"{kept} slot(s) the package no longer has were kept, because assessments refer to them")
    session.flush()
    # Panels the package no longer has, once empty.
    package_names = {p["name"] for p in data["panels"]}
    for name, panel in panels.items():
        empty = session.exec(select(InterviewSlot.id).where(InterviewSlot.panel_id == panel.id)).first() is None
        if name not in package_names and empty:
            for seat in session.exec(select(PanelAssessor).where(PanelAssessor.panel_id == panel.id)):
                session.delete(seat)
            session.flush()
            session.delete(panel)
    session.flush()


def _match_profile(session: Session, store: Store, data: dict[str, Any], result: PackageImport) -> None:
    """Point this laptop's profile at its seat in the package, so its interviews are waiting."""
    package_assessors = {a["id"]: a for a in data["assessors"]}
    profile_id = settings.get(session, settings.PROFILE)
    if profile_id in package_assessors:
        return
    profile = session.get(Assessor, profile_id) if profile_id else None
    fingerprint = None
    try:
        fingerprint = load_identity(store.data_dir).fingerprint
    except Exception:  # no identity (yet): match by NIP only
        fingerprint = None
    match = None
    for a in package_assessors.values():
        if (profile is not None and profile.nip and a["nip"] == profile.nip) or (
                fingerprint and a["cert_fingerprint"] == fingerprint):
            match = a
            break
    if match is None:
        result.notes.append("this laptop's assessor is not on any panel of this package; every interview is listed")
        return
    if profile is not None:
        has_work = session.exec(select(Assessment.version_id).where(Assessment.assessor_id == profile.id)).first()
        if has_work is not None:
            result.notes.append(f"this laptop's profile has assessments under another assessor id than the package's "
                                f"{match['name']}; the profile was left as it is")
            return
    settings.put(session, settings.PROFILE, match["id"])
    result.notes.append(f"this laptop's profile is now {match['name']} as listed by the coordinator")


def _slot_counts(session: Session, round_id: str) -> tuple[int, int]:
    slots = session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all()
    profile_id = settings.get(session, settings.PROFILE)
    mine_panels = set(session.exec(select(PanelAssessor.panel_id).where(PanelAssessor.assessor_id == profile_id)).all()) \
        if profile_id else set()
    return len(slots), sum(1 for s in slots if s.panel_id in mine_panels)


def package_digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
