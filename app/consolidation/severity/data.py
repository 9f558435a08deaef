"""A round's levels as the long table the severity model is fitted on.

One observation per counted assessment and indicator with a level ("not applicable" and unscored
cells are not observations; moderated levels are the coordinator's, not an assessor's, and do not
enter). ``normalised`` is the level on 0-100, ``(level − lowest) / (highest − lowest) × 100``, as
every score in Nilai (:func:`app.assessments.scoring.normalise`), so indicators with different level
ranges share one scale.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from app.consolidation.data import RoundData


@dataclass(frozen=True, eq=False)
class Observations:
    """Parallel arrays, one entry per observation; the ``*_ids`` tuples name the indices."""

    candidate: np.ndarray  # int index into candidate_ids
    assessor: np.ndarray  # int index into assessor_ids
    indicator: np.ndarray  # int index into indicator_codes
    level: np.ndarray  # the rubric level given
    normalised: np.ndarray  # the level on 0-100
    candidate_ids: tuple[str, ...]
    assessor_ids: tuple[str, ...]
    indicator_codes: tuple[str, ...]
    spans: np.ndarray  # per indicator: highest − lowest level (points → levels: × span / 100)

    def __len__(self) -> int:
        return len(self.level)

    def rows(self) -> Iterator[tuple[str, str, str, int, float]]:
        """(candidate, assessor, indicator, level, normalised): the long table, for reading or export."""
        for c, a, i, level, value in zip(self.candidate.tolist(), self.assessor.tolist(), self.indicator.tolist(),
                                         self.level.tolist(), self.normalised.tolist(), strict=True):
            yield self.candidate_ids[c], self.assessor_ids[a], self.indicator_codes[i], int(level), value


def from_levels(levels: np.ndarray, candidate_of_row: np.ndarray, assessor_of_row: np.ndarray,
                candidate_ids: Sequence[str], assessor_ids: Sequence[str], indicator_codes: Sequence[str],
                min_levels: Sequence[int], max_levels: Sequence[int]) -> Observations:
    """From an assessments × indicators matrix of levels (NaN: no level) and who/what each row is."""
    matrix = np.asarray(levels, dtype=float)
    rows, columns = np.nonzero(~np.isnan(matrix))
    values = matrix[rows, columns]
    low = np.asarray(min_levels, dtype=float)
    span = np.asarray(max_levels, dtype=float) - low
    return Observations(
        candidate=np.asarray(candidate_of_row, dtype=np.int64)[rows],
        assessor=np.asarray(assessor_of_row, dtype=np.int64)[rows],
        indicator=columns.astype(np.int64), level=values,
        normalised=(values - low[columns]) / span[columns] * 100.0,
        candidate_ids=tuple(candidate_ids), assessor_ids=tuple(assessor_ids), indicator_codes=tuple(indicator_codes),
        spans=span,
    )


def observations(data: RoundData) -> Observations:
    """The counted levels of a consolidated round (the thin store adapter)."""
    counted = data.counted
    # Calibration cases count: every assessor scores them, so they link panels and carry severity.
    candidate_ids = tuple(r.code for r in (*data.regions, *data.calibration) if r.code in data.region_rows)
    assessor_ids = tuple(sorted({ref.assessor_id for ref in counted}))
    candidate_index = {code: i for i, code in enumerate(candidate_ids)}
    assessor_index = {ident: i for i, ident in enumerate(assessor_ids)}
    indicators = data.instrument.indicators()
    return from_levels(
        data.levels,
        np.fromiter((candidate_index[ref.region_code] for ref in counted), dtype=np.int64, count=len(counted)),
        np.fromiter((assessor_index[ref.assessor_id] for ref in counted), dtype=np.int64, count=len(counted)),
        candidate_ids, assessor_ids, data.indicator_codes,
        [ind.min_level for ind in indicators], [ind.max_level for ind in indicators],
    )
