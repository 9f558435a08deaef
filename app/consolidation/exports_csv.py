"""CSV exports of a ranking: one row per region, and every level behind it.

Both files are UTF-8 with a byte-order mark (so spreadsheet programs show names correctly),
comma-separated, decimal point ".", one header row, written atomically. Scores are printed with
the precision the ranking compares them at (6 decimals), rounded by the rule every score Nilai
shows follows (:mod:`app.base.numbers`): rounding this text by hand gives what the screen shows.

- **Ranking** (:data:`RANKING_COLUMNS` plus one ``<DIM>_score`` column per dimension after
  ``panel_score`` and one ``shortlist_<N>`` column per shortlist size): position, rank, region,
  panel score, dimension scores, assessors, agreement flags, shortlist membership (yes / no / tie),
  and the aggregation rule the ranking was made with.
- **Scores** (:data:`SCORE_COLUMNS`): one row per assessor, region and indicator with a level or
  "not applicable" — also for assessments that do not count (``counted`` = no, with the reason) —
  and one row (``source`` = moderation) per moderated level, with the instrument's weights and
  level ranges, so the ranking can be recomputed from this file alone.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

from app.base.atomic import atomic_write
from app.base.numbers import Kind, format_score
from app.base.spreadsheet import csv_safe
from app.consolidation.consolidate import Consolidation

RANKING_COLUMNS = ("position", "rank", "region_code", "region_name", "kind", "province", "panel_score")
RANKING_TAIL = ("assessors", "panel_assessors", "missing", "in_conflict", "flagged_indicators", "flagged_codes",
                "moderated_codes", "score_tied", "tied_with")
SCORE_COLUMNS = ("region_code", "region_name", "dimension_position", "dimension_code", "dimension_weight",
                 "indicator_position", "indicator_code", "indicator_weight", "min_level", "max_level", "source",
                 "assessor_id", "assessor_name", "assessor_nip", "version_id", "status", "counted", "excluded_reason",
                 "level", "not_applicable", "moderation_reason", "moderated_at")


def score_text(value: float | None) -> str:
    return format_score(value, "en", Kind.EXACT, missing="")


def ranking_header(c: Consolidation) -> list[str]:
    return [*RANKING_COLUMNS, *(f"{d.code}_score" for d in c.instrument.dimensions), *RANKING_TAIL,
            *(f"shortlist_{size}" for size in c.shortlist_sizes), "aggregation_rule", "official_rule"]


def ranking_rows(c: Consolidation) -> list[list[str]]:
    rows = []
    for r in c.ranking:
        rows.append([
            str(r.position), "" if r.rank is None else str(r.rank), r.region.code, r.region.name, r.region.kind,
            r.region.province_name, score_text(r.total), *(score_text(d.score) for d in r.dimensions),
            str(r.assessors), str(r.expected), str(r.missing), str(r.in_conflict), str(len(r.flagged_indicators)),
            ";".join(r.flagged_indicators), ";".join(r.moderated_indicators), "yes" if r.score_tied else "no",
            ";".join(r.tied_with), *(mark for _, mark in r.shortlist), c.rule.value,
            c.round.aggregation_rule,  # the round's official rule: the shortlist is the round's when the two agree
        ])
    return rows


def score_rows(c: Consolidation) -> Iterable[list[str]]:
    data = c.data
    layout = []
    for d_pos, dim in enumerate(c.instrument.dimensions, start=1):
        for i_pos, ind in enumerate(dim.indicators, start=1):
            layout.append((dim, d_pos, ind, i_pos))
    by_region: dict[str, list] = {}
    for ref in data.assessments:
        by_region.setdefault(ref.region_code, []).append(ref)
    row_of = {ref.version_id: index for index, ref in enumerate(data.counted)}
    # Calibration cases (codes K001..K999) last: never ranked, but the severity fit uses their levels.
    for region in (*data.regions, *data.calibration):
        refs = sorted(by_region.get(region.code, []), key=lambda ref: (not ref.counted,
                                                                        data.assessors[ref.assessor_id].name,
                                                                        ref.assessor_id, ref.version_id))
        for column, (dim, d_pos, ind, i_pos) in enumerate(layout):
            head = [region.code, region.name, str(d_pos), dim.code, f"{dim.weight:g}", str(i_pos), ind.code,
                    f"{ind.weight:g}", str(ind.min_level), str(ind.max_level)]
            for ref in refs:
                if ref.counted:
                    value = data.levels[row_of[ref.version_id], column]
                    na = bool(data.not_applicable[row_of[ref.version_id], column])
                    if math.isnan(value) and not na:
                        continue
                    level = "" if na else str(int(value))
                else:
                    marks = data.excluded_levels.get(ref.version_id, {})
                    if ind.code not in marks:
                        continue
                    na = marks[ind.code] is None
                    level = "" if na else str(marks[ind.code])
                assessor = data.assessors[ref.assessor_id]
                yield [*head, "assessor", ref.assessor_id, assessor.name, assessor.nip, ref.version_id, ref.status,
                       "yes" if ref.counted else "no", ref.excluded, level, "yes" if na else "no", "", ""]
            moderation = data.moderations.get((region.code, ind.code))
            if moderation is not None:
                yield [*head, "moderation", "", moderation.actor, "", "", "", "yes", "", str(moderation.level), "no",
                       moderation.reason, moderation.at]


def _csv_bytes(header: list[str] | tuple[str, ...], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_safe(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def ranking_csv(c: Consolidation) -> bytes:
    return _csv_bytes(ranking_header(c), ranking_rows(c))


def scores_csv(c: Consolidation) -> bytes:
    return _csv_bytes(SCORE_COLUMNS, score_rows(c))


def scores_path_for(path: str | Path) -> Path:
    """FILE.csv -> FILE-scores.csv beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}-scores{path.suffix or '.csv'}")


def write_ranking_csv(c: Consolidation, path: str | Path) -> Path:
    atomic_write(path, ranking_csv(c))
    return Path(path)


def write_scores_csv(c: Consolidation, path: str | Path) -> Path:
    atomic_write(path, scores_csv(c))
    return Path(path)
