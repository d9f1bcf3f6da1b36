"""A municipality's page: its figures next to the region's, per 100,000 inhabitants where the region
configures a population, and its count of reports per year. Plain data, no Django.

Every indicator with a `gemeente` breakdown takes part (meldingen, controles, initiatieven, and any
the registry gains), so the page follows the indicators. The values are what the caller passes: the
public figures for everyone, or, for that municipality's own officers, the public figures with the
municipality's own cells unsuppressed (`with_own_cells`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, cast

from zicht.indicators.registry import REGISTRY
from zicht.reporting import sentences as s
from zicht.reporting.charts import Chart
from zicht.reporting.dashboard import population, rate
from zicht.reporting.trends import municipality_trend
from zicht.reporting.values import Values
from zicht.schema import codes as c

# Short names of the indicators a municipality's page shows; others get their registry help text. The
# partners' (meldingen, controles) come from the region (`zicht.reporting.partners.figure_label`).
PARTNER_NAMES = {"meldingen": "meldingen", "controles": "controles-van"}
NAMES = {
    "initiatieven": ("Lokale initiatieven", "Local initiatives"),
    "uitleningen": ("Uitleningen van bewustwordingsmateriaal", "Loans of awareness materials"),
    "uitleningen-bereik": ("Mensen bereikt met uitgeleend materiaal", "People reached with materials on loan"),
}


def _name(indicator: str, lang: str, region=None) -> str:
    if indicator in PARTNER_NAMES and region is not None:
        from zicht.reporting.partners import figure_label

        return figure_label(region, PARTNER_NAMES[indicator], lang)
    if indicator in NAMES:
        return NAMES[indicator][0 if lang == "nl" else 1]
    entry = REGISTRY.get(indicator)
    return (entry.help_nl if lang == "nl" else entry.help_en).split(":")[0].rstrip(".") if entry else indicator


def with_own_cells(public: Mapping[str, Any], unsuppressed: Mapping[str, Any], gemeente: str) -> dict:
    """The public figures of a year with the cells of one municipality (`{"gemeente": X}`) as counted:
    what its own officers see. Every other cell stays as the public sees it."""
    own = {v["indicator"]: v for v in unsuppressed.get("values", ()) if v.get("dimensions") == {"gemeente": gemeente}}
    out = copy.deepcopy(dict(public))
    out["values"] = [
        dict(own[v["indicator"]]) if v.get("dimensions") == {"gemeente": gemeente} and v["indicator"] in own else v
        for v in out.get("values", ())
    ]
    return out


def _history(years: dict[int, Values], year: int, gemeente: str) -> list:
    return [
        (y, years[y].cell("meldingen", gemeente=gemeente))
        for y in sorted(years)
        if y <= year and years[y].cell("meldingen", gemeente=gemeente) is not None
    ]


def _region_base(v: Values, indicator: str) -> int | None:
    """The region's own count for a rate: the total without what came from outside the region."""
    total = v.get(indicator)
    outside = v.cell(indicator, gemeente=c.BUITEN_REGIO)
    if outside is not None and not outside.suppressed:
        # a published cell means the indicator was delivered, so `total` is a number here
        total = cast(int, total) - outside.number()
    return total


def municipality_figures(years: dict[int, Values], year: int, region, gemeente: str, lang: str, k: int) -> dict:
    """The rows of the municipality's table, the inhabitants, and its trend chart (or None)."""
    v = years[year]
    inhabitants = population(region)
    own, everyone = inhabitants.get(gemeente), sum(inhabitants.values()) if inhabitants else None
    whole_region = len(inhabitants) == len(region.municipalities)
    rows: list[dict[str, Any]] = []
    for indicator in REGISTRY:
        cell = v.cell(indicator, gemeente=gemeente)
        if cell is None:
            continue
        name = _name(indicator, lang, region)
        value = s.fmt(cell.value, lang, suppressed=cell.suppressed, k=k)
        rows.append({"indicator": indicator, "name": name, "value": value, "region": s.fmt(v.get(indicator), lang)})
        if REGISTRY[indicator].about_people and own:
            per = "per 100.000 inwoners" if lang == "nl" else "per 100,000 inhabitants"
            rows.append(
                {
                    "indicator": f"{indicator}-per-100000",
                    "name": f"{name}, {per}",
                    "value": rate(None if cell.suppressed else cell.value, own, lang),
                    "region": rate(_region_base(v, indicator), everyone, lang) if whole_region else "–",
                    "rate": True,
                }
            )
    trend: Chart | None = municipality_trend(years, year, gemeente, lang, k)
    if trend is not None and all(row[1] == f"<{k}" for row in trend.rows):
        trend = None  # nothing to draw: every year hidden (its table says so)
    history = [(y, s.fmt(c.value, lang, suppressed=c.suppressed, k=k)) for y, c in _history(years, year, gemeente)]
    return {
        "rows": rows,
        "history": history,
        "inhabitants": s.fmt(own, lang) if own else None,
        "region_inhabitants": s.fmt(everyone, lang) if everyone and whole_region else None,
        "trend": trend,
    }
