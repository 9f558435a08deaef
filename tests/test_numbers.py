"""The one rule every score is written by: half away from zero on the decimal value, the language's
separator, a fixed number of decimals per kind of number."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from app.assessments.scoring import weighted_mean
from app.base.numbers import Kind, decimal_score, format_score, format_weight, number_format, round_score
from app.sheets.text import number


@pytest.mark.parametrize(("value", "lang", "kind", "text"), [
    (50.25, "id", Kind.SCORE, "50,3"),
    (50.25, "en", Kind.SCORE, "50.3"),
    (0.05, "en", Kind.SCORE, "0.1"),
    (0.15, "id", Kind.SCORE, "0,2"),
    (2.675, "en", Kind.PANEL, "2.68"),  # 2.67499999... in binary: f"{2.675:.2f}" is 2.67
    (1.005, "id", Kind.PANEL, "1,01"),
    (62.5, "en", Kind.WHOLE, "63"),
    (2.5, "en", Kind.WHOLE, "3"),
    (-2.25, "id", Kind.SCORE, "-2,3"),
    (-0.05, "en", Kind.SCORE, "-0.1"),
    (-2.5, "en", Kind.WHOLE, "-3"),
    (-0.04, "en", Kind.SCORE, "0.0"),  # no "-0.0"
    (100, "id", Kind.SCORE, "100,0"),
    (0, "en", Kind.PANEL, "0.00"),
    (1234.5, "id", Kind.SCORE, "1234,5"),  # no thousands separator
    (3.3333333333333335, "id", Kind.LEVEL, "3,33"),
    (51.3125, "en", Kind.EXACT, "51.312500"),
    (Decimal("50.25"), "id", Kind.SCORE, "50,3"),
])
def test_the_rule(value: float, lang: str, kind: Kind, text: str) -> None:
    assert format_score(value, lang, kind) == text


@pytest.mark.parametrize("kind", [Kind.SCORE, Kind.PANEL, Kind.WHOLE])
def test_every_half_goes_away_from_zero(kind: Kind) -> None:
    """Every value exactly halfway between two written values, from -100 to 100, both signs."""
    decimals = {Kind.SCORE: 1, Kind.PANEL: 2, Kind.WHOLE: 0}[kind]
    steps = 10 ** decimals
    for twice in range(-200 * steps - 1, 200 * steps + 2, 2):  # odd numbers of half-steps
        value = twice / (2 * steps)  # e.g. 50.25 for one decimal
        units = (abs(twice) + 1) // 2 * (1 if twice > 0 else -1)  # by hand: the next step away from zero
        digits = f"{abs(units) // steps}" + (f".{abs(units) % steps:0{decimals}d}" if decimals else "")
        expected = ("-" if units < 0 else "") + digits
        assert format_score(value, "en", kind) == expected, value
        assert format_score(value, "id", kind) == expected.replace(".", ",")


def test_binary_noise_of_a_weighted_mean_is_not_a_score() -> None:
    """(0.4 × 100 + 0.35 × 0 + 0.35 × 62.5) / 1.1 is 56.25 on paper; in floating point just below it."""
    value = weighted_mean([(0.4, 100.0), (0.35, 0.0), (0.35, 62.5)])
    assert value is not None and value < 56.25 and f"{value:.1f}" == "56.2"
    assert format_score(value, "en") == "56.3"


def test_no_value_and_bad_values() -> None:
    assert format_score(None, "id") == "–"
    assert format_score(float("nan"), "en", Kind.PANEL) == "–"
    assert format_score(None, "en", missing="") == ""
    with pytest.raises(ValueError, match="finite"):
        format_score(float("inf"), "en")
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        format_score(50.25, "fr")


def test_numbers_of_numpy_and_spreadsheet_cells() -> None:
    assert format_score(np.float64(50.25), "id") == "50,3"
    assert round_score(np.float64(2.675), Kind.PANEL) == 2.68
    assert decimal_score(58.9166665, Kind.PANEL) == Decimal("58.92")
    assert (number_format(Kind.PANEL), number_format(Kind.SCORE), number_format(Kind.WHOLE)) == ("0.00", "0.0", "0")


def test_weights_are_written_as_given() -> None:
    assert [format_weight(w, "id") for w in (40, 12.5, 33.33, 0.1, 40.0)] == ["40", "12,5", "33,33", "0,1", "40"]
    assert format_weight(12.5, "en") == "12.5"


def test_the_sheet_writes_scores_by_the_rule() -> None:
    assert (number(50.25, "id"), number(50.25, "en"), number(None, "en")) == ("50,3", "50.3", "—")
