"""Agreement figures against published worked examples, and through a real round.

- Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  Communication, University of Pennsylvania. Section C, "multiple values with missing data":
  4 observers x 12 units, values 1-5. Published: nominal alpha = 0.743, ordinal alpha = 0.815,
  interval alpha = 0.849, ratio alpha = 0.797.
- Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
  reliability. Psychological Bulletin 86(2), 420-428. Table 2: 6 targets x 4 judges.
  Published: ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71.
"""

from __future__ import annotations

import pytest

from app.consolidation import consolidate
from app.consolidation.agreement import alpha_from_ratings, anova_two_way, icc_oneway
from tests.consolidation.builders import RoundBuilder, instrument_from

N = None
KRIPPENDORFF_2011 = [  # observers (rows) x units (columns); None = missing
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]

SHROUT_FLEISS_1979 = [  # targets (rows) x judges (columns)
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def test_krippendorff_2011_published_alphas() -> None:
    assert round(alpha_from_ratings(KRIPPENDORFF_2011, "ordinal"), 3) == 0.815
    assert round(alpha_from_ratings(KRIPPENDORFF_2011, "nominal"), 3) == 0.743
    assert round(alpha_from_ratings(KRIPPENDORFF_2011, "interval"), 3) == 0.849
    assert round(alpha_from_ratings(KRIPPENDORFF_2011, "ratio"), 3) == 0.797


def test_shrout_fleiss_1979_published_iccs() -> None:
    anova = anova_two_way(SHROUT_FLEISS_1979)
    # Table 2's mean squares: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02
    assert (round(anova.bms, 2), round(anova.wms, 2), round(anova.jms, 2), round(anova.ems, 2)) == (11.24, 6.26, 32.49, 1.02)
    assert round(anova.icc1_1, 2) == 0.17
    assert round(anova.icc2_1, 2) == 0.29
    assert round(anova.icc3_1, 2) == 0.71
    one_way = icc_oneway(SHROUT_FLEISS_1979)
    assert one_way.value == pytest.approx(anova.icc1_1) and one_way.raters_per_target == 4


def test_icc_oneway_unequal_panels_by_hand() -> None:
    # groups 1,2 | 3,4,5 | 6: N=6, a=3, grand mean 3.5; SSB = 2*2^2 + 3*0.5^2 + 1*2.5^2 = 15, MSB = 7.5;
    # SSW = 0.5 + 2 = 2.5, MSW = 2.5/3; k0 = (6 - 14/6) / 2 = 11/6.
    figure = icc_oneway([[1, 2], [3, 4, 5], [6]])
    msb, msw, k0 = 7.5, 2.5 / 3, 11 / 6
    assert figure.raters_per_target == pytest.approx(k0)
    assert figure.value == pytest.approx((msb - msw) / (msb + (k0 - 1) * msw))
    assert figure.value == pytest.approx(0.81356, abs=1e-5)


def test_undefined_cases() -> None:
    assert icc_oneway([[3, 4]]).value is None  # one target
    assert alpha_from_ratings([[1, 1, 1], [1, 1, 1]]) is None  # nothing varies


REGIONS_12 = ["1101", "1102", "1103", "1104", "1105", "1106", "1107", "1108", "1109", "1110", "1111", "1112"]
REGIONS_6 = REGIONS_12[:6]


def test_round_alpha_reproduces_krippendorff_through_the_store(any_store) -> None:
    instrument = instrument_from([("STR", 100, [("K", 100, 5)])], ident="kripp")
    builder = RoundBuilder(any_store, instrument, REGIONS_12)
    for observer, row in zip("ABCD", KRIPPENDORFF_2011, strict=True):
        for region, value in zip(REGIONS_12, row, strict=True):
            if value is not None:
                builder.assess(region, f"Observer {observer}", {"K": value})
    result = consolidate(any_store)
    assert round(result.agreement.indicator("K").alpha, 3) == 0.815
    assert round(result.agreement.dimension("STR").alpha, 3) == 0.815
    assert round(result.agreement.round.alpha, 3) == 0.815
    assert result.agreement.round.units == 11  # unit 12 has one value only: not pairable
    assert result.agreement.round.values == 40


def test_icc_of_totals_reproduces_shrout_fleiss_through_the_store(any_store) -> None:
    # One indicator with 10 levels: a total is (level - 1) / 9 * 100, a linear map, which leaves ICCs unchanged.
    instrument = instrument_from([("STR", 100, [("K", 100, 10)])], ident="icc")
    builder = RoundBuilder(any_store, instrument, REGIONS_6)
    builder.panel("Panel A", REGIONS_6, ["J1", "J2", "J3", "J4"])
    for region, row in zip(REGIONS_6, SHROUT_FLEISS_1979, strict=True):
        for judge, value in zip(["J1", "J2", "J3", "J4"], row, strict=True):
            builder.assess(region, judge, {"K": value})
    agreement = consolidate(any_store).agreement
    assert agreement.icc.form == "ICC(1,1)" and round(agreement.icc.value, 2) == 0.17
    assert agreement.icc.targets == 6 and agreement.icc.ratings == 24
    (panel,) = agreement.panels
    assert panel.regions == 6 and len(panel.assessor_ids) == 4
    assert round(panel.icc2_1, 2) == 0.29
