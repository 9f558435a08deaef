"""The aggregation rules' names as the coordinator reads them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.consolidation import AggregationRule


def rule_name(rule: AggregationRule | str) -> str:
    value = AggregationRule(rule)
    if value is AggregationRule.MEAN:
        return QCoreApplication.translate("RuleNames", "Mean")
    if value is AggregationRule.MEDIAN:
        return QCoreApplication.translate("RuleNames", "Median")
    if value is AggregationRule.TRIMMED_MEAN:
        return QCoreApplication.translate("RuleNames", "Trimmed mean")
    return QCoreApplication.translate("RuleNames", "Adjusted for assessor severity")


RULES = (AggregationRule.MEAN, AggregationRule.MEDIAN, AggregationRule.TRIMMED_MEAN, AggregationRule.ADJUSTED)
