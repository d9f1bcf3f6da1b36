"""The wording of a change (spec/indicators.md), on the exact ratio and at every bound."""

from fractions import Fraction

import pytest

from zicht.indicators.wording import change_entry, round_half_away, wording


@pytest.mark.parametrize(
    ("previous", "value", "expected"),
    [
        (100, 200, "sterke stijging"),  # r = 1.00 exactly
        (100, 199, "stijging"),
        (100, 140, "stijging"),  # r = 0.40 exactly
        (100, 139, "lichte stijging"),
        (130, 179, "lichte stijging"),  # the seed: r = 0.377
        (100, 105, "lichte stijging"),  # r = 0.05 exactly
        (100, 104, "nagenoeg gelijk"),
        (100, 96, "nagenoeg gelijk"),
        (100, 95, "lichte daling"),  # r = -0.05 exactly
        (100, 61, "lichte daling"),
        (100, 60, "daling"),  # r = -0.40 exactly
        (100, 51, "daling"),
        (100, 50, "sterke daling"),  # a halving weighs as much as a doubling
        (4, 0, "sterke daling"),
    ],
)
def test_wording_bounds(previous, value, expected):
    assert wording(Fraction(value - previous, previous)) == expected


def test_wording_follows_region_thresholds():
    assert wording(Fraction(3, 10), {"lichte_stijging": 0.5}) == "nagenoeg gelijk"


def test_change_is_rounded_half_away_from_zero():
    assert round_half_away(Fraction(1, 2000)) == 0.001
    assert round_half_away(Fraction(-1, 2000)) == -0.001
    assert round_half_away(Fraction(49, 130)) == 0.377


def test_change_is_null_without_a_previous_value_or_from_zero():
    assert change_entry("x", None, 5)["change"] is None
    assert change_entry("x", 0, 5) == {"indicator": "x", "previous": 0, "value": 5, "change": None, "wording": None}
