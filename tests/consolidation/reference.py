"""The consolidation as it was computed before issue 17, scalar and plain, kept as an oracle.

The round's scores read one row per score, each region's panel combined and scored indicator by
indicator through :mod:`app.assessments.scoring`, the level counts and the coverage built one
assessment at a time. ``test_consolidation_equivalence.py`` checks the vectorised code against it.
"""

from __future__ import annotations

import math

import numpy as np
from sqlalchemy import select

from app.assessments import scoring
from app.consolidation.data import RoundData
from app.consolidation.rules import AggregationRule, combine_columns
from app.models.tables import Assessment, Score, table_of
from app.store import Store

SPREAD_FLAG = 2
STATE_ORDER = ("signed", "final", "draft", "conflict", "duplicate", "instrument", "missing")


def score_rows(store: Store, data: RoundData) -> tuple[np.ndarray, np.ndarray, dict[str, dict[str, int | None]]]:
    """The levels matrix, N/A mask and excluded levels, from one row per score."""
    a, s = table_of(Assessment).c, table_of(Score).c
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.version_id, s.indicator_code, s.level, s.not_applicable)
                            .join(table_of(Assessment), a.version_id == s.version_id)
                            .where(a.round_id == data.round.id)).all()
    row_of = {ref.version_id: index for index, ref in enumerate(data.counted)}
    column_of = {code: j for j, code in enumerate(data.indicator_codes)}
    excluded = {ref.version_id for ref in data.assessments if not ref.counted}
    levels = np.full((len(data.counted), len(data.indicator_codes)), np.nan)
    na = np.zeros(levels.shape, dtype=bool)
    excluded_levels: dict[str, dict[str, int | None]] = {}
    for version_id, code, level, not_applicable in rows:
        if level is None and not not_applicable:
            continue
        if version_id in excluded:
            excluded_levels.setdefault(version_id, {})[code] = None if not_applicable else int(level)
        if version_id not in row_of or code not in column_of:
            continue
        if not_applicable:
            na[row_of[version_id], column_of[code]] = True
        else:
            levels[row_of[version_id], column_of[code]] = level
    return levels, na, excluded_levels


def panel_scores(data: RoundData, rule: AggregationRule, shifts: np.ndarray | None = None) -> list[dict]:
    """Each region's panel as a plain dict: total, dimensions and every indicator's figures."""
    adjusted = rule is AggregationRule.ADJUSTED
    shifted = data.levels + shifts if adjusted and shifts is not None else data.levels
    indicators = data.instrument.indicators()
    column_of = {code: j for j, code in enumerate(data.indicator_codes)}
    moderations: dict[str, dict[int, int]] = {}
    for (region_code, code), moderation in data.moderations.items():
        if code in column_of:
            moderations.setdefault(region_code, {})[column_of[code]] = moderation.level
    result = []
    for region in data.regions:
        rows = data.region_rows.get(region.code, slice(0, 0))
        levels = data.levels[rows]
        combined, counts = combine_columns(rule, shifted[rows])
        na_counts = data.not_applicable[rows].sum(axis=0)
        moderated = moderations.get(region.code, {})
        figures, dimensions, dimension_pairs = [], [], []
        j = 0
        for dim in data.instrument.dimensions:
            pairs = []
            for ind in dim.indicators:
                column = [v for v in levels[:, j].tolist() if not math.isnan(v)]
                low, high = (min(column), max(column)) if column else (None, None)
                used = float(moderated[j]) if j in moderated else (None if math.isnan(combined[j]) else float(combined[j]))
                if used is None:
                    normalised = None
                elif adjusted:
                    normalised = (used - ind.min_level) / (ind.max_level - ind.min_level) * 100.0
                else:
                    normalised = scoring.normalise(ind, used)
                if normalised is not None:
                    pairs.append((ind.weight, normalised))
                spread = None if low is None else int(high - low)
                figures.append({
                    "code": ind.code, "dimension_code": dim.code, "levels": int(counts[j]),
                    "not_applicable": int(na_counts[j]), "lowest": None if low is None else int(low),
                    "highest": None if high is None else int(high),
                    "combined": None if math.isnan(combined[j]) else float(combined[j]), "moderated": moderated.get(j),
                    "used": used, "normalised": normalised, "spread": spread,
                    "flagged": spread is not None and spread >= SPREAD_FLAG,
                })
                j += 1
            score = scoring.weighted_mean(pairs)
            dimensions.append((dim.code, score))
            if score is not None:
                dimension_pairs.append((dim.weight, score))
        result.append({"region": region.code, "total": scoring.weighted_mean(dimension_pairs),
                       "dimensions": dimensions, "indicators": figures,
                       "flagged": tuple(f["code"] for f in figures if f["flagged"]),
                       "moderated": tuple(indicators[k].code for k in sorted(moderated))})
    return result


def level_counts(data: RoundData) -> np.ndarray:
    """regions x indicators x levels, one level at a time."""
    top = max(ind.max_level for ind in data.instrument.indicators())
    counts = np.zeros((len(data.regions), len(data.indicator_codes), top), dtype=np.int64)
    for index, region in enumerate(data.regions):
        rows = data.region_rows.get(region.code)
        if rows is None:
            continue
        for row in data.levels[rows].tolist():
            for j, value in enumerate(row):
                if not math.isnan(value):
                    counts[index, j, int(value) - 1] += 1
    return counts


def coverage(data: RoundData) -> list[tuple]:
    """Per region, each assessor's (id, on panel, state, versions), in the coverage's order."""
    result = []
    for region in data.regions:
        panel = set(data.panel.get(region.code, ()))
        refs_of: dict[str, list] = {}
        for ref in data.assessments:
            if ref.region_code == region.code:
                refs_of.setdefault(ref.assessor_id, []).append(ref)
        rows = []
        for assessor_id in panel | set(refs_of):
            refs = refs_of.get(assessor_id, [])
            if not refs:
                state = "missing"
            elif any(r.excluded == "conflict" for r in refs):
                state = "conflict"
            elif any(r.excluded == "duplicate" for r in refs):
                state = "duplicate"
            elif counted := [r for r in refs if r.counted]:
                state = "signed" if counted[0].status == "signed" else "final"
            elif any(r.excluded == "instrument" for r in refs):
                state = "instrument"
            else:
                state = "draft"
            info = data.assessors[assessor_id]
            rows.append((assessor_id, info.name, info.nip, assessor_id in panel, state,
                         tuple(r.version_id for r in refs)))
        rows.sort(key=lambda r: (STATE_ORDER.index(r[4]), r[1], r[0]))
        result.append((region.code, tuple(rows)))
    return result
