"""Consolidation of a round: coverage, panel scores, agreement, moderation, ranking and exports.

The method is written out for officials in ``docs/ranking-method.md``. One concern per module:

- :mod:`.data` reads a round (SQLAlchemy Core, one query over assessment x score);
- :mod:`.coverage` who scored which region, what is missing or in conflict;
- :mod:`.rules` mean / median / trimmed mean / adjusted of a panel's levels;
- :mod:`.severity` each assessor's severity (a least-squares model over every level of the round),
  the linkage it needs, and the level shifts of the ``adjusted`` rule;
- :mod:`.panel_scores` per-region panel scores (through :mod:`app.assessments.scoring`) and level spreads;
- :mod:`.agreement` Krippendorff's alpha (ordinal), Gwet's AC1/AC2 and ICCs;
- :mod:`.moderation` coordinator's moderated levels, logged in the change log;
- :mod:`.ranking` competition ranking, tie-breakers, shortlist cut-offs and straddling ties;
- :mod:`.consolidate` all of the above in one call;
- :mod:`.detail` one region in detail: each assessor's level, note and evidence beside the panel's;
- :mod:`.exports_csv`, :mod:`.exports_xlsx`, :mod:`.report_pdf` (with its
  :mod:`.report_style` and :mod:`.report_charts`) the files that leave the program
  (imported on use: they load openpyxl / ReportLab), and :mod:`.export` one entry point for them.
"""

from app.consolidation.agreement import Agreement, AlphaFigure, IccFigure, PanelIcc
from app.consolidation.consolidate import Consolidation, RankedRegion, consolidate, consolidate_data
from app.consolidation.coverage import AssessorCoverage, RegionCoverage, coverage
from app.consolidation.data import (
    AssessmentRef,
    ConsolidationError,
    ModerationInfo,
    RoundData,
    load_round_data,
)
from app.consolidation.moderation import (
    ModerationError,
    ModerationEvent,
    clear_moderation,
    list_moderations,
    moderate,
    moderation_history,
    set_moderation,
)
from app.consolidation.panel_scores import DimensionScore, IndicatorPanel, RegionPanel
from app.consolidation.ranking import ShortlistCut
from app.consolidation.rules import AggregationRule, RuleError, combine, parse_rule
from app.consolidation.severity.adjust import AdjustmentRefused
from app.consolidation.severity.model import SeverityFit

__all__ = [
    "AdjustmentRefused", "AggregationRule", "Agreement", "AlphaFigure", "AssessmentRef", "AssessorCoverage", "Consolidation",
    "ConsolidationError", "DimensionScore", "IccFigure", "IndicatorPanel", "ModerationError", "ModerationEvent",
    "ModerationInfo", "PanelIcc", "RankedRegion", "RegionCoverage", "RegionPanel", "RoundData", "RuleError", "SeverityFit",
    "ShortlistCut", "clear_moderation", "combine", "consolidate", "consolidate_data", "coverage",
    "list_moderations", "load_round_data", "moderate", "moderation_history", "parse_rule", "set_moderation",
]
