"""The change of an indicator against the year before, and its wording (spec/indicators.md).

Computed exactly on the integers: the ratio is a Fraction, rounded half away from zero to three
decimals for display, and the wording is chosen on the exact ratio.
"""

from __future__ import annotations

import math
from fractions import Fraction

# The default scale; a region may set other bounds under [wording] in its configuration.
DEFAULT_WORDING = {
    "sterke_stijging": 1.00,
    "stijging": 0.40,
    "lichte_stijging": 0.05,
    "lichte_daling": -0.05,
    "daling": -0.40,
    "sterke_daling": -0.50,
}

WORDS_EN = {
    "sterke stijging": "strong increase",
    "stijging": "increase",
    "lichte stijging": "slight increase",
    "nagenoeg gelijk": "about the same",
    "lichte daling": "slight decrease",
    "daling": "decrease",
    "sterke daling": "strong decrease",
}


def _bound(thresholds: dict, key: str) -> Fraction:
    return Fraction(str(thresholds.get(key, DEFAULT_WORDING[key])))


def relative_change(previous: int, value: int) -> Fraction:
    return Fraction(value - previous, previous)


def round_half_away(ratio: Fraction, decimals: int = 3) -> float:
    scaled = abs(ratio) * 10**decimals
    rounded = math.floor(scaled + Fraction(1, 2))
    return math.copysign(rounded / 10**decimals, ratio) if rounded else 0.0


def wording(ratio: Fraction, thresholds: dict | None = None) -> str:
    """The Dutch wording of a relative change; the scale is asymmetric on purpose (halving ~ doubling)."""
    t = thresholds or {}
    if ratio >= _bound(t, "sterke_stijging"):
        return "sterke stijging"
    if ratio >= _bound(t, "stijging"):
        return "stijging"
    if ratio >= _bound(t, "lichte_stijging"):
        return "lichte stijging"
    if ratio > _bound(t, "lichte_daling"):
        return "nagenoeg gelijk"
    if ratio > _bound(t, "daling"):
        return "lichte daling"
    if ratio > _bound(t, "sterke_daling"):
        return "daling"
    return "sterke daling"


def change_entry(indicator: str, previous: int | None, value: int, thresholds: dict | None = None) -> dict:
    """One entry of `changes`: change and wording are null when there is no (non-zero) previous value."""
    if not previous:
        return {"indicator": indicator, "previous": previous, "value": value, "change": None, "wording": None}
    ratio = relative_change(previous, value)
    return {
        "indicator": indicator,
        "previous": previous,
        "value": value,
        "change": round_half_away(ratio),
        "wording": wording(ratio, thresholds),
    }
