"""The severity model applied to a consolidated round: fit, refuse with a reason, level shifts.

The ``adjusted`` rule adds each assessor's severity (converted to the indicator's levels:
points × (highest − lowest) / 100) to every level that assessor gave, then combines the panel by
the mean; everything after (moderation, normalising, weights, ranking, cut-offs) is as for the
other rules.
"""

from __future__ import annotations

import numpy as np

from app.consolidation.data import ConsolidationError, RoundData
from app.consolidation.severity.cache import SeverityCache
from app.consolidation.severity.connectedness import Island
from app.consolidation.severity.data import observations
from app.consolidation.severity.model import NotConnected, SeverityError, SeverityFit, fit_severity

NAMES_SHOWN = 4  # assessors named per island in the refusal


class AdjustmentRefused(ConsolidationError):
    """The round cannot be ranked adjusted for severity; ``islands`` names the unlinked groups (if that is why)."""

    def __init__(self, message: str, islands: tuple[Island, ...] = ()) -> None:
        super().__init__(message)
        self.islands = islands


def describe_islands(data: RoundData, islands: tuple[Island, ...]) -> str:
    """"group 1: Panel A — Ani, Budi (39 regions); group 2: ...": the schedule's panels, assessors and regions."""
    parts = []
    for number, island in enumerate(islands, start=1):
        names = sorted(data.assessors[a].name for a in island.assessor_ids)
        shown = ", ".join(names[:NAMES_SHOWN]) + (f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN
                                                  else "")
        panels = sorted({name for code in island.candidate_ids for name in data.panel_names.get(code, ())})
        parts.append(f"group {number}: {', '.join(panels) + ' — ' if panels else ''}{shown} "
                     f"({len(island.candidate_ids)} regions)")
    return "; ".join(parts)


def round_severity(data: RoundData, cache: SeverityCache | None = None) -> SeverityFit:
    """The severity fit of a round's counted levels, or :class:`AdjustmentRefused` saying why not.

    With a ``cache``, a round whose counted levels have not changed since its last fit is not refitted.
    """
    try:
        obs = observations(data)
        return cache.fit(obs) if cache is not None else fit_severity(obs)
    except NotConnected as unlinked:
        raise AdjustmentRefused(
            f"the adjusted ranking of {data.round.name!r} is refused: its assessors form {len(unlinked.islands)} "
            f"groups that scored no region in common, so their severities cannot be compared "
            f"({describe_islands(data, unlinked.islands)}); link the panels (rotate assessors between panels or "
            "have every assessor score a calibration case), or rank with mean, median or trimmed_mean",
            unlinked.islands) from None
    except SeverityError as problem:
        raise AdjustmentRefused(f"the adjusted ranking of {data.round.name!r} is refused: {problem}; rank with mean, "
                                "median or trimmed_mean") from None


def level_shifts(data: RoundData, fit: SeverityFit) -> np.ndarray:
    """Per counted assessment and indicator: the assessor's severity in that indicator's levels."""
    severity = fit.severities()
    points = np.array([severity.get(ref.assessor_id, 0.0) for ref in data.counted], dtype=float)
    spans = np.array([ind.max_level - ind.min_level for ind in data.instrument.indicators()], dtype=float)
    return np.outer(points, spans / 100.0)
