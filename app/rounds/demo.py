"""A realistic demo round in the shape of the 2018 second stage: 116 candidates interviewed on
5-7 March 2018 in Tangerang, several panels, 30-minute slots, simulated assessors with their own
bias and noise.

Into the data directory goes the round as a coordinator holds it. Without ``assessor_dirs`` it
also holds every assessor's finalized assessments, except that this laptop's assessor (the first)
has one interview in progress and the last day still to do. With ``assessor_dirs``, each simulated
assessor instead gets a data directory of their own with their profile, their identity (when a
passphrase is given) and their finalized assessments, ready to export as bundles.
"""

from __future__ import annotations

import json
import math
import random
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app import identity, regions
from app.instruments import builtin_instruments
from app.models.domain import Instrument
from app.models.tables import Assessment, Assessor, Round, Score
from app.rounds import SlotPlan, add_slots, create_round
from app.store import Store, changelog, open_store, settings

DEFAULT_INSTRUMENT = "smart-city-readiness-2018"
FIRST_DAY = date(2018, 3, 5)
# Regions the public record of 2018 names; always part of the demo so it feels familiar.
FEATURED = ("3325", "3671", "3674", "3603", "3279", "6371", "3304", "6372", "6303", "7472")

FIRST_NAMES = ("Ahmad", "Siti", "Budi", "Dewi", "Rizky", "Ni Made", "Ketut", "Yohana", "Teuku", "Rahmawati",
               "Bambang", "Fransiska", "I Gede", "Nurul", "Andi", "Maria")
LAST_NAMES = ("Saputra", "Wulandari", "Hidayat", "Lestari", "Simanjuntak", "Pratiwi", "Nainggolan", "Kusuma",
              "Rahman", "Setiawan", "Wijaya", "Hasibuan", "Sembiring", "Ayu", "Tanoto", "Siregar")
ORGANISATIONS = ("Kementerian Komunikasi dan Informatika", "Institut Teknologi Bandung", "Universitas Indonesia",
                 "Universitas Gadjah Mada", "Institut Teknologi Sepuluh Nopember", "Badan Perencanaan Pembangunan Nasional")
ROLES = ("Bupati", "Kepala Dinas Komunikasi dan Informatika", "Kepala Bappeda", "Sekretaris Daerah")
NOTES = (
    "Jaringan fiber optik sudah menjangkau kantor kecamatan; desa terpencil masih memakai VSAT.",
    "Wali kota hadir langsung dan memaparkan visi kota cerdas dengan jelas.",
    "Anggaran TIK naik dibanding tahun lalu, tetapi belum ada pos khusus smart city.",
    "Aplikasi e-budgeting dan e-planning sudah terintegrasi; layanan publik daring masih terbatas.",
    "Perda tentang e-government masih dalam pembahasan di DPRD.",
    "Ruang server belum memenuhi standar (tanpa UPS dan pendingin cadangan).",
    "Delegation showed a draft masterplan; adoption expected next year.",
)


@dataclass
class DemoAssessor:
    row: Assessor
    bias: float
    regions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DemoResult:
    round_id: str
    regions: int
    assessors: int
    slots: int
    assessments: int
    assessor_dirs: tuple[Path, ...]


def _nip(rng: random.Random) -> str:
    born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 25))
    appointed = born.year + rng.randrange(23, 30)
    return f"{born:%Y%m%d}{appointed}{rng.randrange(1, 13):02d}{rng.choice('12')}{rng.randrange(1, 999):03d}"


def _pick_regions(rng: random.Random, count: int) -> list[str]:
    count = max(1, min(count, len(regions.regions())))
    chosen = list(FEATURED[: min(count, len(FEATURED))])
    rest = [r.code for r in regions.regions() if r.code not in chosen]
    chosen += rng.sample(rest, count - len(chosen))
    return chosen


SLOTS_PER_DAY = 16  # 30-minute interviews 08:00-12:00 and 13:00-17:00


def _slot_times(per_day: int) -> list[time]:
    """30-minute slots from 08:00 with a lunch break 12:00-13:00."""
    times: list[time] = []
    minute = 8 * 60
    while len(times) < per_day:
        if 12 * 60 <= minute < 13 * 60:
            minute = 13 * 60
        times.append(time(minute // 60, minute % 60))
        minute += 30
    return times


def _readiness(rng: random.Random, code: str) -> float:
    region = regions.region(code)
    boost = (0.5 if region.kind == "kota" else 0.0) + (0.4 if region.province_code in {"31", "32", "33", "34", "35", "36"} else 0.0)
    return rng.gauss(0.0, 0.9) + boost - 0.3


def _level(rng: random.Random, readiness: float, difficulty: float, bias: float) -> int:
    value = 3 + 1.1 * (readiness - difficulty) + bias + rng.gauss(0.0, 0.5)
    return max(1, min(5, int(math.floor(value + 0.5))))


def _write_assessment(session: Session, *, rng: random.Random, round_: Round, instrument: Instrument,
                      assessor: DemoAssessor, region_code: str, slot_id: str, readiness: float,
                      difficulty: dict[str, float], delegation: list[dict[str, str]], finalize: bool,
                      fraction: float = 1.0, record_id: str | None = None, version_id: str | None = None) -> Assessment:
    actor = f"{assessor.row.name} <{assessor.row.nip}>"
    kwargs: dict[str, Any] = {"record_id": record_id} if record_id else {}
    if version_id:
        kwargs["version_id"] = version_id
    assessment = Assessment(round_id=round_.id, region_code=region_code, assessor_id=assessor.row.id, slot_id=slot_id,
                            instrument_hash=instrument.content_hash, delegation_json=json.dumps(delegation, ensure_ascii=False),
                            **kwargs)
    session.add(assessment)
    session.flush()
    writer = changelog.ChainWriter(session, assessment.record_id)
    writer.append(field="status", old="", new="draft", actor=actor, version_id=assessment.version_id)
    writer.append(field="delegation", old="[]", new=assessment.delegation_json, actor=actor, version_id=assessment.version_id)
    indicators = instrument.indicators()
    for indicator in indicators[: max(0, round(len(indicators) * fraction))]:
        level = _level(rng, readiness, difficulty[indicator.code], assessor.bias)
        chosen = indicator.level(level)
        note = rng.choice(NOTES) if rng.random() < 0.25 or (chosen and chosen.requires_note) else ""
        if chosen and chosen.requires_evidence:
            level = max(indicator.min_level, level - 1)  # the demo attaches no files: claim one level less
        session.add(Score(version_id=assessment.version_id, indicator_code=indicator.code, level=level, note=note))
        writer.append(field="level", old="", new=str(level), actor=actor, version_id=assessment.version_id,
                      indicator_code=indicator.code)
        if note:
            writer.append(field="note", old="", new=note, actor=actor, version_id=assessment.version_id,
                          indicator_code=indicator.code)
    if finalize:
        assessment.status = "final"
        assessment.finalized_at = datetime.now(UTC)
        writer.append(field="status", old="draft", new="final", actor=actor, version_id=assessment.version_id)
    session.add(assessment)
    return assessment


def seated_panel(assessors: list[DemoAssessor], panel_count: int, panel_index: int, sitting: int) -> list[DemoAssessor]:
    """Who sits on a panel at a sitting: seat k of every panel moves k panels on at each sitting.

    The assessors are dealt into seats (the first ``panel_count`` take seat 0, the chairs, who stay;
    the next take seat 1, and so on), so at sitting 0 panel p holds assessors p, p + panel_count, ...
    as the demo always had, and from sitting 1 on the panels share assessors.
    """
    panel = []
    for seat, start in enumerate(range(0, len(assessors), panel_count)):
        column = assessors[start:start + panel_count]
        index = (panel_index - seat * sitting) % panel_count
        if index < len(column):
            panel.append(column[index])
    return panel


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def build_demo(store: Store, *, regions_count: int = 116, assessors_count: int = 6, seed: int = 2018,
               assessor_dirs: Path | None = None, passphrase: str | None = None,
               instrument_id: str = DEFAULT_INSTRUMENT) -> DemoResult:
    rng = random.Random(seed)
    instrument = next(i for i in builtin_instruments() if i.id == instrument_id)
    codes = _pick_regions(rng, regions_count)
    assessors_count = max(1, assessors_count)
    panel_count = max(1, assessors_count // 2)
    # Three days as in 2018, more if the panels cannot fit the interviews between 08:00 and 17:00.
    days = max(3 if len(codes) >= 3 * panel_count else 1, math.ceil(len(codes) / (panel_count * SLOTS_PER_DAY)))
    per_panel_day = math.ceil(len(codes) / (days * panel_count))
    times = _slot_times(per_panel_day)
    used_names: set[str] = set()
    demo_assessors: list[DemoAssessor] = []
    for index in range(assessors_count):
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in used_names:
                used_names.add(name)
                break
        demo_assessors.append(DemoAssessor(Assessor(name=name, nip=_nip(rng), organisation=ORGANISATIONS[index % len(ORGANISATIONS)]),
                                           bias=rng.gauss(0.0, 0.35)))
    # Linked panels: a panel is one room's assessors for one sitting (a day; a one-day round has two,
    # morning and afternoon), and between sittings the seats rotate, so that every assessor shares
    # regions with others and the ranking can be adjusted for their severity (docs/ranking-method.md §9).
    sittings_per_day = 2 if days == 1 else 1
    plans: list[SlotPlan] = []
    slot_of: dict[str, int] = {}
    for index, code in enumerate(codes):
        day_index, rest = divmod(index, panel_count * per_panel_day)
        slot_index, panel_index = divmod(rest, panel_count)
        sitting = day_index * sittings_per_day + slot_index * sittings_per_day // per_panel_day
        panel = seated_panel(demo_assessors, panel_count, panel_index, sitting)
        plans.append(SlotPlan(FIRST_DAY + timedelta(days=day_index), times[slot_index], 30,
                              f"Panel {chr(65 + panel_index)}-{sitting + 1}", f"Ruang {panel_index + 1}", code,
                              tuple(a.row.id for a in panel),
                              slot_id=str(uuid.UUID(int=rng.getrandbits(128), version=4))))
        slot_of[code] = index
        for member in panel:
            member.regions.append(code)
    readiness = {code: _readiness(rng, code) for code in codes}
    difficulty = {ind.code: rng.gauss(0.0, 0.5) for ind in instrument.indicators()}
    delegations = {code: [{"name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "role": role}
                          for role in rng.sample(ROLES, 3)] for code in codes}
    round_name = "Gerakan Menuju 100 Smart City 2018 — Tahap II"

    def seed_round(session: Session, round_id: str | None = None) -> tuple[Round, list]:
        for assessor in demo_assessors:
            session.merge(Assessor(id=assessor.row.id, name=assessor.row.name, nip=assessor.row.nip,
                                   organisation=assessor.row.organisation))
        session.flush()
        round_ = create_round(session, name=round_name, instrument=instrument, region_codes=codes,
                              starts_on=FIRST_DAY, ends_on=FIRST_DAY + timedelta(days=days - 1), round_id=round_id)
        return round_, add_slots(session, round_, plans)

    written = 0
    with store.transaction() as session:
        round_, slots = seed_round(session)
        round_id = round_.id
        slot_ids = {slot.region_code: slot.id for slot in slots}
        settings.put(session, settings.PROFILE, demo_assessors[0].row.id)
        if assessor_dirs is None:
            last_day = FIRST_DAY + timedelta(days=days - 1)
            in_progress_done = False
            for member in demo_assessors:
                for code in member.regions:
                    if member is demo_assessors[0] and plans[slot_of[code]].day == last_day and days > 1:
                        if in_progress_done:
                            continue
                        in_progress_done = True
                        _write_assessment(session, rng=rng, round_=round_, instrument=instrument, assessor=member,
                                          region_code=code, slot_id=slot_ids[code], readiness=readiness[code],
                                          difficulty=difficulty, delegation=delegations[code], finalize=False, fraction=0.5)
                    else:
                        _write_assessment(session, rng=rng, round_=round_, instrument=instrument, assessor=member,
                                          region_code=code, slot_id=slot_ids[code], readiness=readiness[code],
                                          difficulty=difficulty, delegation=delegations[code], finalize=True)
                    written += 1
    made_dirs: list[Path] = []
    if assessor_dirs is not None:
        assessor_dirs.mkdir(parents=True, exist_ok=True)
        for member in demo_assessors:
            directory = assessor_dirs / _slug(member.row.name)
            sub = open_store(directory)
            try:
                with sub.transaction() as session:
                    sub_round, sub_slots = seed_round(session, round_id=round_id)
                    sub_slot_ids = {slot.region_code: slot.id for slot in sub_slots}
                    settings.put(session, settings.PROFILE, member.row.id)
                    for code in member.regions:
                        _write_assessment(session, rng=rng, round_=sub_round, instrument=instrument, assessor=member,
                                          region_code=code, slot_id=sub_slot_ids[code], readiness=readiness[code],
                                          difficulty=difficulty, delegation=delegations[code], finalize=True)
                        written += 1
            finally:
                sub.close()
            if passphrase is not None:
                _make_identity(directory, member.row, passphrase)
            made_dirs.append(directory)
    return DemoResult(round_id, len(codes), len(demo_assessors), len(plans), written, tuple(made_dirs))


def _make_identity(directory: Path, assessor: Assessor, passphrase: str) -> None:
    identity.create_identity(directory, assessor.name, assessor.nip, assessor.organisation, passphrase, replace=True)
