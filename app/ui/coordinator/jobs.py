"""The coordinator window's work, as plain functions the task runner runs off the GUI thread.

Nothing here imports Qt: each function takes the store (and plain values), calls the core
(:mod:`app.consolidation`, :mod:`app.bundles`, :mod:`app.bundles.round_package`) and returns plain frozen
dataclasses the widgets can keep. Widgets call these only through :class:`app.ui.tasks.TaskRunner`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.bundles import report as R
from app.bundles.trust import CertInfo
from app.consolidation import Consolidation, ModerationEvent, consolidate, moderation_history
from app.models.domain import AssessorInfo, Instrument, RegionInfo
from app.store import Store

# -- rounds and consolidation ---------------------------------------------------------------------


@dataclass(frozen=True)
class RoundChoice:
    id: str
    name: str


def round_choices(store: Store) -> list[RoundChoice]:
    from app.rounds import list_rounds

    return [RoundChoice(r.id, r.name) for r in list_rounds(store)]


def consolidate_round(store: Store, round_id: str | None, rule: str | None = None) -> Consolidation:
    return consolidate(store, round_id, rule=rule)


# -- import ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnknownCertificate:
    """A correctly signed bundle whose assessor certificate this store does not trust yet."""

    path: Path
    info: CertInfo


@dataclass(frozen=True)
class ImportOutcome:
    report: R.ImportReport
    paths: tuple[Path, ...]  # in the order of report.bundles
    unknown: tuple[UnknownCertificate, ...]


def bundle_certificate(path: Path) -> CertInfo:
    """The certificate that signed a bundle's (outer) manifest, after checking that signature."""
    from app.bundles import zipcheck
    from app.bundles.format import CERTIFICATE, MANIFEST, PAYLOAD, PLAIN_NAMES, SIGNATURE
    from app.bundles.trust import cert_info
    from app.bundles.verify import check_signature

    with zipcheck.open_zip(path, path.name, allowed={MANIFEST, SIGNATURE, CERTIFICATE, PAYLOAD},
                           patterns=PLAIN_NAMES) as archive:
        _raw, _fingerprint, pem = check_signature(archive, path.name)
    return cert_info(pem.encode("ascii"), source=f"coordinator window: {path.name}")


def import_files(store: Store, paths: Iterable[str | Path], unlock: Callable[[], Any] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Import every bundle (each all-or-nothing); collect the unknown certificates among the rejections."""
    from app.bundles.errors import BundleError
    from app.bundles.importer import import_bundles

    files = tuple(Path(p) for p in paths)
    done = 0
    if progress is not None:
        progress(0, len(files))

    def step(_bundle: R.BundleReport) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(files))

    report = import_bundles(store, files, unlock=unlock, progress=step)
    unknown: dict[str, UnknownCertificate] = {}
    for path, bundle in zip(files, report.bundles, strict=True):
        if bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "untrusted":
            try:
                info = bundle_certificate(path)
            except BundleError:
                continue
            unknown.setdefault(f"{info.fingerprint}:{path}", UnknownCertificate(path, info))
    return ImportOutcome(report, files, tuple(unknown.values()))


def trust_and_import(store: Store, info: CertInfo, paths: Iterable[Path], unlock: Callable[[], Any] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Put the certificate on the store's trust list, then import its bundles again."""
    from app.bundles.trust import remember

    with store.transaction() as session:
        remember(session, info, info.source or "coordinator window")
    return import_files(store, paths, unlock=unlock, progress=progress)


# -- conflicts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionChoice:
    id: str  # what resolve_conflict accepts: a version id or a variant id
    kind: str  # "version" | "variant"
    version_id: str
    status: str
    current: bool
    when: datetime | None  # finalized (version) or received (variant)
    total: float | None
    levels: dict[str, int | None]  # indicator code -> level (None: not applicable)


@dataclass(frozen=True)
class ConflictView:
    id: str
    record_id: str
    kind: str  # branch | same_version
    region: str  # "3325 Kabupaten Batang"
    assessor: str
    detected_at: datetime
    choices: tuple[VersionChoice, ...]


def open_conflict_views(store: Store) -> list[ConflictView]:
    import json

    from sqlmodel import select

    from app import regions
    from app.assessments import marks_of
    from app.assessments.scoring import Mark, summarize
    from app.bundles.conflicts import open_conflicts
    from app.instruments.catalogue import load_instrument
    from app.models.sync import VersionVariant
    from app.models.tables import Assessment, Assessor

    views = []
    for conflict in open_conflicts(store):
        with store.transaction() as session:
            rows = {a.version_id: a for a in session.exec(select(Assessment).where(
                Assessment.record_id == conflict.record_id))}
            variants = {v.id: v for v in session.exec(select(VersionVariant).where(
                VersionVariant.record_id == conflict.record_id))}
            any_row = next(iter(rows.values()), None)
            assessor = session.get(Assessor, any_row.assessor_id) if any_row else None
            instruments: dict[str, Instrument] = {}
            choices = []
            for choice_id in conflict.candidates:
                if choice_id in rows:
                    a = rows[choice_id]
                    instrument = instruments.setdefault(a.instrument_hash, load_instrument(session, a.instrument_hash))
                    marks = marks_of(session, a.version_id)
                    levels = {code: (None if m.not_applicable else m.level) for code, m in marks.items()
                              if m.level is not None or m.not_applicable}
                    choices.append(VersionChoice(a.version_id, "version", a.version_id, a.status, a.is_current,
                                                 a.finalized_at or a.updated_at, summarize(instrument, marks).total,
                                                 levels))
                elif choice_id in variants:
                    v = variants[choice_id]
                    document = json.loads(v.record_json)
                    base = rows.get(v.version_id)
                    levels, marks = {}, {}
                    for score in document.get("scores", []):
                        level, na = score.get("level"), bool(score.get("not_applicable"))
                        if level is not None or na:
                            levels[score["indicator_code"]] = None if na else level
                            marks[score["indicator_code"]] = Mark(level=None if na else level, not_applicable=na)
                    total = None
                    if base is not None:
                        instrument = instruments.setdefault(base.instrument_hash,
                                                            load_instrument(session, base.instrument_hash))
                        total = summarize(instrument, marks).total
                    choices.append(VersionChoice(v.id, "variant", v.version_id, str(document.get("status", "")),
                                                 False, v.received_at, total, levels))
        try:
            region = regions.region(conflict.region_code)
            region_text = f"{region.code} {region.name}"
        except LookupError:
            region_text = conflict.region_code
        views.append(ConflictView(conflict.id, conflict.record_id, conflict.kind, region_text,
                                  f"{assessor.name} ({assessor.nip or '–'})" if assessor else "",
                                  conflict.detected_at, tuple(choices)))
    return views


def resolve(store: Store, record_id: str, chosen_id: str, reason: str, actor: str) -> str:
    from app.bundles.conflicts import resolve_conflict

    return resolve_conflict(store, record_id, chosen_id, reason, actor)


# -- region detail --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessorLevel:
    level: int | None
    not_applicable: bool
    note: str
    evidence: tuple[str, ...]  # file names


@dataclass(frozen=True)
class IndicatorDetail:
    code: str
    dimension_code: str
    title: str
    min_level: int
    max_level: int
    levels: tuple[AssessorLevel, ...]  # one per assessor of RegionDetail.assessors
    combined: float | None
    moderated: int | None
    used: float | None
    spread: int | None
    flagged: bool
    moderation_reason: str
    level_labels: tuple[tuple[int, str], ...] = ()  # the rubric's (level, label) in the interface language


@dataclass(frozen=True)
class RegionDetail:
    round_id: str
    region: RegionInfo
    assessors: tuple[AssessorInfo, ...]
    statuses: tuple[str, ...]
    indicators: tuple[IndicatorDetail, ...]
    total: float | None
    rank: int | None
    history: tuple[ModerationEvent, ...]


def region_detail(store: Store, c: Consolidation, region_code: str, lang: str = "en") -> RegionDetail:
    """Each counted assessor's level, note and evidence per indicator, beside the panel's figures."""
    from app.assessments.snapshots import snapshot

    data = c.data
    refs = sorted(data.counted[data.region_rows.get(region_code, slice(0, 0))],
                  key=lambda ref: (data.assessors[ref.assessor_id].name.casefold(), ref.assessor_id))
    snaps = [snapshot(store, ref.version_id) for ref in refs]
    panel = c.panel(region_code)
    ranked = next((r for r in c.ranking if r.region.code == region_code), None)
    indicators = []
    for dim in c.instrument.dimensions:
        for ind in dim.indicators:
            p = panel.indicator(ind.code)
            per = []
            for snap in snaps:
                score = snap.score(ind.code)
                per.append(AssessorLevel(score.level if score else None, bool(score and score.not_applicable),
                                         score.note if score else "",
                                         tuple(e.file_name for e in score.evidence) if score else ()))
            moderation = data.moderations.get((region_code, ind.code))
            indicators.append(IndicatorDetail(
                ind.code, dim.code, ind.title.id if lang == "id" else ind.title.en, ind.min_level, ind.max_level,
                tuple(per), p.combined, p.moderated, p.used, p.spread, p.flagged,
                moderation.reason if moderation else "",
                tuple((lvl.level, lvl.label.id if lang == "id" else lvl.label.en) for lvl in ind.levels)))
    history = tuple(e for e in moderation_history(store, c.round.id) if e.region_code == region_code)
    return RegionDetail(c.round.id, panel.region, tuple(data.assessors[ref.assessor_id] for ref in refs),
                        tuple(ref.status for ref in refs), tuple(indicators), panel.total,
                        ranked.rank if ranked else None, history)


def moderate(store: Store, round_id: str, region_code: str, indicator_code: str, level: int | None, reason: str,
             actor: str) -> bool:
    """Set (level) or clear (None) a moderation; True when something changed."""
    from app.consolidation import clear_moderation, set_moderation

    if level is None:
        return clear_moderation(store, round_id, region_code, indicator_code, reason, actor)
    set_moderation(store, round_id, region_code, indicator_code, level, reason, actor)
    return True


# -- exports --------------------------------------------------------------------------------------

FORMATS = ("csv", "xlsx", "pdf")
SIGN_REASON = "Peringkat dan daftar pendek / Ranking and shortlist"


def export_ranking(c: Consolidation, path: str | Path, fmt: str, lang: str = "en",
                   unlocked: Any | None = None) -> tuple[Path, ...]:
    """Write the ranking as CSV (and the scores CSV beside it), XLSX or PDF (signed when unlocked is given)."""
    path = Path(path)
    if fmt == "csv":
        from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv

        return write_ranking_csv(c, path), write_scores_csv(c, scores_path_for(path))
    if fmt == "xlsx":
        from app.consolidation.exports_xlsx import write_ranking_xlsx

        return (write_ranking_xlsx(c, path, lang=lang),)
    if fmt == "pdf":
        from app.consolidation.report_pdf import write_report

        sign = None
        if unlocked is not None:
            from app.sheets import signing

            def sign(pdf: bytes) -> bytes:
                return signing.sign_pdf(pdf, unlocked, reason=SIGN_REASON, location="")

        return (write_report(c, path, lang=lang, sign=sign),)
    raise ValueError(f"unknown export format {fmt!r}")


def export_package(store: Store, path: str | Path, unlocked: Any, round_id: str | None) -> Any:
    from app.bundles.round_package import export_round_package

    return export_round_package(store, path, unlocked, round_ref=round_id)
