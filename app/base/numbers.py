"""How Nilai writes a score: one rule for the screen, the dialogs, the signed sheet, the ranking
PDF and the CSV and XLSX exports, so that what an assessor saw is what they signed.

The rule, as a person rounding by hand would apply it:

1. Take the score's decimal value to :data:`PRECISION` (6) places — the precision rankings compare
   scores at — which also removes the noise of binary arithmetic (a weighted mean that is 50.25
   on paper may be computed as 50.24999999999999).
2. Round that to the decimals of the kind of number (:data:`DECIMALS`), **half away from zero**:
   50.25 → 50.3, 0.05 → 0.1, −2.25 → −2.3, 62.5 → 63 (whole numbers).
3. Write it with the language's decimal separator: a comma in Indonesian (``50,3``), a point in
   English (``50.3``); no thousands separator (scores are 0–100). Zero has no sign.

Qt's ``QLocale.toString`` and Python's ``f"{x:.1f}"`` do not follow this rule (Python rounds the
binary value half to even: ``f"{50.25:.1f}"`` is ``50.2``), so neither is used for a score.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class Kind(Enum):
    """What a number is; each kind is always written with the same number of decimals."""

    SCORE = "score"  # one assessment's weighted total or dimension subtotal, 0-100
    PANEL = "panel"  # a region's panel score or panel dimension score in a ranking, 0-100
    LEVEL = "level"  # a combined (mean, median, trimmed mean) rubric level
    WHOLE = "whole"  # a score on a chart label, or the level nearest a combined level
    EXACT = "exact"  # a score in a file meant for recomputing (the CSV exports)


PRECISION = 6
DECIMALS: dict[Kind, int] = {Kind.SCORE: 1, Kind.PANEL: 2, Kind.LEVEL: 2, Kind.WHOLE: 0, Kind.EXACT: PRECISION}
SEPARATORS = {"id": ",", "en": "."}
NO_VALUE = "–"


def decimal_score(value: float | int | Decimal, kind: Kind = Kind.SCORE) -> Decimal:
    """The score as written: its decimal value rounded by the rule above to ``kind``'s decimals."""
    if isinstance(value, Decimal):
        exact = value
    elif isinstance(value, int):
        exact = Decimal(value)
    else:  # a float (also numpy's): its shortest decimal text, what a person reads
        exact = Decimal(repr(float(value)))
    if not exact.is_finite():
        raise ValueError(f"a score must be a finite number, not {value!r}")
    compared = exact.quantize(Decimal(1).scaleb(-PRECISION), rounding=ROUND_HALF_UP)
    shown = compared.quantize(Decimal(1).scaleb(-DECIMALS[kind]), rounding=ROUND_HALF_UP)
    return shown.copy_abs() if shown.is_zero() else shown


def round_score(value: float | int, kind: Kind = Kind.SCORE) -> float:
    """The written score as a number (for spreadsheet cells that keep numbers)."""
    return float(decimal_score(value, kind))


def format_score(value: float | int | Decimal | None, lang: str, kind: Kind = Kind.SCORE,
                 missing: str = NO_VALUE) -> str:
    """``value`` written by the rule in ``lang`` ("id" or "en"); ``missing`` for None or NaN."""
    if lang not in SEPARATORS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(SEPARATORS)}")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    return f"{decimal_score(value, kind):f}".replace(".", SEPARATORS[lang])


def format_weight(value: float | int, lang: str) -> str:
    """A weight exactly as the instrument gives it, with no rounding (``40``, ``12,5`` / ``12.5``)."""
    exact = (Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))).normalize()
    text = f"{exact.quantize(Decimal(1)) if exact == exact.to_integral() else exact:f}"
    return text.replace(".", SEPARATORS[lang])


def number_format(kind: Kind) -> str:
    """The spreadsheet number format that shows exactly ``kind``'s decimals (``0.00`` for two)."""
    decimals = DECIMALS[kind]
    return "0." + "0" * decimals if decimals else "0"
