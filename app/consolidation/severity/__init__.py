"""Assessor severity: how much higher or lower each assessor scores than the others on the same work.

The model (``docs/ranking-method.md`` §9 gives it exactly, for recomputing from the scores CSV):
each normalised level (0-100) = the round's mean + the candidate's readiness + the indicator's
easiness − the assessor's severity + noise, fitted by least squares with sum-to-zero constraints
(normal equations formed from counts, the candidate effects absorbed, the rest solved by Cholesky
with NumPy: :mod:`.normal`).

- :mod:`.data` a round's levels as a long table (candidate, assessor, indicator, level, normalised);
- :mod:`.connectedness` whether the assessors are linked through shared candidates, and the islands if not;
- :mod:`.model` the fit: severities, candidate measures, standard errors and fit figures.

Plain arrays and dataclasses throughout: the simulation study (``benchmarks/simulate_ranking.py``)
feeds the same functions without a store.
"""

from app.consolidation.severity.connectedness import Connectedness, Island, connectedness
from app.consolidation.severity.data import Observations, observations
from app.consolidation.severity.model import (
    AssessorSeverity,
    CandidateMeasure,
    NotConnected,
    SeverityError,
    SeverityFit,
    fit_severity,
)

__all__ = [
    "AssessorSeverity", "CandidateMeasure", "Connectedness", "Island", "NotConnected", "Observations",
    "SeverityError", "SeverityFit", "connectedness", "fit_severity", "observations",
]
