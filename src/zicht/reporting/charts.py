"""One Vega-Lite specification per figure of the monitor, rendered to SVG with vl-convert (no browser).

The builders take plain rows (label, `Cell`) and return a `Chart`: the spec (reused by the dashboard),
its alt text and the chart's data as a table. Colours are the Okabe-Ito palette (colour-blind safe);
every bar carries its value and a tooltip (drawn in the dashboard, ignored in the SVG). A suppressed
cell is never drawn: it gets no bar, only the text `<k`.

Items may carry codes (`codes=[{"vorm": ..., "leeftijdsgroep": ...}, ...]`, one dict per item): the
dashboard's filters then narrow the chart with `narrowed`, which builds it again from the items kept, so
a filtered chart is the same specification with fewer bars.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from zicht.reporting.sentences import fmt
from zicht.reporting.values import Cell

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
FONT = "DejaVu Sans"
# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
PRIMARY = OKABE_ITO[0]
INK = "#1d2b36"
WIDTH = 440
# Stacked segments carry their value as text, so their colours must give that text 4.5:1 (WCAG AA): the
# Okabe-Ito hues, with the green and the vermilion darkened (#009E73 → #007a5e, #D55E00 → #b04a00).
STACKED = ["#0072B2", "#E69F00", "#007a5e", "#56B4E9", "#b04a00", "#CC79A7", "#F0E442", "#000000"]


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(colour: str) -> str:
    """White or ink, whichever contrasts more with a segment of `colour` (WCAG's contrast ratio)."""
    fill = _luminance(colour)
    white, ink = 1.05 / (fill + 0.05), (fill + 0.05) / (_luminance(INK) + 0.05)
    return "white" if white >= ink else INK


# The dashboard's tooltip: each row's `tip`, made with the row (see `_tip`).
TOOLTIP = {"field": "tip", "type": "nominal"}
# Value axes count whole things: integer ticks with a thousands separator.
COUNT_AXIS = {"tickCount": 4, "tickMinStep": 1, "format": ",d"}


def count_axis(largest: int | None) -> dict:
    """COUNT_AXIS, with whole ticks named where the counts are small: Vega's tickMinStep limits how many
    ticks there are, not their step, and would label 0, 0.5, 1, 1.5, 2 as 0, 1, 1, 2, 2."""
    if largest is None or largest > 8:
        return COUNT_AXIS
    step = 1 if largest <= 4 else 2
    return {**COUNT_AXIS, "values": list(range(0, max(largest, 1) + step, step))}


CONFIG = {
    "font": FONT,
    "background": "white",
    "view": {"stroke": None},
    "title": {"fontSize": 13, "anchor": "start", "color": INK, "fontWeight": "bold", "offset": 10},
    "axis": {
        "labelFontSize": 11,
        "titleFontSize": 11,
        "labelColor": INK,
        "titleColor": INK,
        "domainColor": "#8a97a3",
        "tickColor": "#8a97a3",
        "gridColor": "#e3e8ec",
        "labelLimit": 280,
    },
    "legend": {
        "orient": "bottom",
        "labelFontSize": 11,
        "titleFontSize": 11,
        "symbolType": "square",
        "labelColor": INK,
        "titleColor": INK,
        "labelLimit": 260,
    },
    "text": {"fontSize": 11, "color": INK},
}


@dataclass
class Chart:
    id: str
    title: str
    alt: str
    spec: dict
    columns: list[str]
    rows: list[list[str]]
    note: str = ""
    number: int = 0
    lang: str = "nl"
    svg: str | None = field(default=None, repr=False)
    # Per item the codes it stands for (for the dashboard's filters), and how to build the chart again
    # from some of its items: (builder, its keyword arguments). Empty for charts that cannot be narrowed.
    codes: list[dict] = field(default_factory=list, repr=False)
    recipe: tuple[Callable[..., Chart], dict] | None = field(default=None, repr=False, compare=False)

    @property
    def dimensions(self) -> set[str]:
        """The codes the chart's items carry: the filters that can narrow it."""
        return {name for c in self.codes for name in c}

    @property
    def svg_uri(self) -> str:
        import base64

        return "data:image/svg+xml;base64," + base64.b64encode((self.svg or "").encode()).decode()

    @property
    def width_mm(self) -> float:
        """The SVG's own width in mm (CSS px at 96 dpi), so charts keep one type size."""
        import re

        m = re.search(r'width="([0-9.]+)"', self.svg or "")
        return round(float(m.group(1)) * 25.4 / 96, 1) if m else 160.0


def _base(title: str, alt: str, data: list[dict]) -> dict:
    return {
        "$schema": SCHEMA,
        "title": title,
        "description": alt,
        "data": {"values": data},
        "config": copy.deepcopy(CONFIG),
    }


def _tip(*parts: str) -> str:
    """A bar's tooltip: what it is, then its value (`Seksuele uitbuiting, minderjarig: 9`)."""
    *what, value = parts
    return ", ".join([what[0], *(w[:1].lower() + w[1:] for w in what[1:])]) + f": {value}"


def _row(cat: str, cell: Cell | None, lang: str, k: int, **extra) -> dict:
    """A data row: a suppressed cell has value null (no bar) and text `<k`."""
    if cell is None:
        return {"cat": cat, "value": None, "text": "", **extra}
    if cell.suppressed:
        return {"cat": cat, "value": None, "text": f"<{k}", "pos": 0, **extra}
    text = fmt(cell.value, lang)
    return {
        "cat": cat,
        "value": cell.value,
        "text": text,
        "pos": cell.value,
        "tip": _tip(cat, *extra.values(), text),
        **extra,
    }


def _options(arguments: dict) -> dict:
    """A builder's arguments without its codes: what `narrowed` builds the chart again with."""
    return {name: value for name, value in arguments.items() if name != "codes"}


def _kept(builder: Callable[..., Chart], options: dict, chart: Chart, codes: list[dict] | None) -> Chart:
    chart.codes = list(codes or [])
    chart.recipe = (builder, options) if codes else None
    return chart


def bar_chart(
    id: str,
    title: str,
    alt: str,
    items: list[tuple[str, Cell | None]],
    *,
    lang: str = "nl",
    k: int = 5,
    vertical: bool = False,
    value_title: str = "",
    cat_title: str = "",
    columns: tuple[str, str] = ("", ""),
    width: int | None = None,
    codes: list[dict] | None = None,
) -> Chart:
    """One series of bars with the value on each bar (vertical for a trend over years)."""
    options = _options(locals())
    data = [_row(cat, cell, lang, k) for cat, cell in items]
    spec = _base(title, alt, data)
    # The categories in the given order, also where a suppressed cell draws no bar (a domain built from the
    # bars alone would put it last).
    cats = list(dict.fromkeys(cat for cat, _ in items))
    cat_enc: dict[str, Any] = {
        "field": "cat",
        "type": "ordinal" if vertical else "nominal",
        "sort": cats,
        "title": cat_title or None,
    }
    largest = max((r["value"] for r in data if r["value"] is not None), default=None)
    val_enc = {"field": "value", "type": "quantitative", "title": value_title or None, "axis": count_axis(largest)}
    pos_enc = {"field": "pos", "type": "quantitative"}
    if vertical:
        spec.update(width=width or max(56 * len(items), 120), height=190)
        cat_enc["axis"] = {"labelAngle": 0}
        bar = {
            "mark": {"type": "bar", "color": PRIMARY, "cornerRadiusTopLeft": 2, "cornerRadiusTopRight": 2},
            "encoding": {"x": cat_enc, "y": val_enc, "tooltip": TOOLTIP},
        }
        text = {
            "mark": {"type": "text", "dy": -7, "fontWeight": "bold"},
            "encoding": {"x": cat_enc, "y": pos_enc, "text": {"field": "text"}},
        }
    else:
        spec.update(width=width or WIDTH - 140, height={"step": 24})
        bar = {
            "mark": {"type": "bar", "color": PRIMARY, "cornerRadiusTopRight": 2, "cornerRadiusBottomRight": 2},
            "encoding": {"y": cat_enc, "x": val_enc, "tooltip": TOOLTIP},
        }
        text = {
            "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold"},
            "encoding": {"y": cat_enc, "x": pos_enc, "text": {"field": "text"}},
        }
    spec["layer"] = [bar, text]
    rows = [[r["cat"], r["text"] or "–"] for r in data]
    return _kept(bar_chart, options, Chart(id, title, alt, spec, list(columns), rows, lang=lang), codes)


def grouped_chart(
    id: str,
    title: str,
    alt: str,
    items: list[tuple[str, str, Cell | None]],
    groups: list[str],
    *,
    lang: str = "nl",
    k: int = 5,
    value_title: str = "",
    columns: tuple[str, ...] = (),
    codes: list[dict] | None = None,
) -> Chart:
    """Horizontal bars per category, one bar per group side by side, each with its value."""
    options = _options(locals())
    data = [_row(cat, cell, lang, k, group=g) for cat, g, cell in items]
    spec = _base(title, alt, data)
    colors = OKABE_ITO[: len(groups)]
    y = {"field": "cat", "type": "nominal", "sort": list(dict.fromkeys(cat for cat, _, _ in items)), "title": None}
    y_off = {"field": "group", "type": "nominal", "sort": groups, "scale": {"domain": groups}}
    color = {"field": "group", "type": "nominal", "title": None, "scale": {"domain": groups, "range": colors}}
    spec.update(width=WIDTH - 160, height={"step": 13})
    spec["layer"] = [
        {
            "mark": {"type": "bar"},
            "encoding": {
                "y": y,
                "yOffset": y_off,
                "x": {
                    "field": "value",
                    "type": "quantitative",
                    "title": value_title or None,
                    "axis": count_axis(max((r["value"] for r in data if r["value"] is not None), default=None)),
                },
                "color": color,
                "tooltip": TOOLTIP,
            },
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
            "encoding": {
                "y": y,
                "yOffset": y_off,
                "x": {"field": "pos", "type": "quantitative"},
                "text": {"field": "text"},
            },
        },
    ]
    cats = list(dict.fromkeys(cat for cat, _, _ in items))
    by = {(r["cat"], r["group"]): r["text"] or "–" for r in data}
    rows = [[cat, *(by.get((cat, g), "–") for g in groups)] for cat in cats]
    chart = Chart(id, title, alt, spec, list(columns) or ["", *groups], rows, lang=lang)
    return _kept(grouped_chart, options, chart, codes)


def stacked_chart(
    id: str,
    title: str,
    alt: str,
    items: list[tuple[str, str, int]],
    series: list[str],
    *,
    lang: str = "nl",
    value_title: str = "",
    columns: tuple[str, ...] = (),
    colors: list[str] | None = None,
    codes: list[dict] | None = None,
) -> Chart:
    """Horizontal stacked bars; segment positions computed here so every segment carries its value.

    Only for figures without suppressed cells (counts not about people, or totals)."""
    options = _options(locals())
    colors = colors or STACKED[: len(series)]
    cats = list(dict.fromkeys(cat for cat, _, _ in items))
    vals = {(cat, s): v for cat, s, v in items}
    data: list[dict[str, Any]] = []
    totals: list[dict[str, Any]] = []
    for cat in cats:
        start = 0
        for s, col in zip(series, colors, strict=False):
            v = vals.get((cat, s), 0)
            if v:
                data.append(
                    {
                        "cat": cat,
                        "series": s,
                        "start": start,
                        "end": start + v,
                        "mid": start + v / 2,
                        "text": fmt(v, lang),
                        "tip": _tip(cat, s, fmt(v, lang)),
                        "tc": text_on(col),
                    }
                )
            start += v
        totals.append({"cat": cat, "total": start, "text": fmt(start, lang)})
    spec = _base(title, alt, data)
    y = {"field": "cat", "type": "nominal", "sort": cats, "title": None, "scale": {"domain": cats}}
    spec.update(width=WIDTH - 150, height={"step": 26})
    spec["layer"] = [
        {
            "mark": {"type": "bar"},
            "encoding": {
                "y": y,
                "x": {
                    "field": "start",
                    "type": "quantitative",
                    "title": value_title or None,
                    "axis": count_axis(max((t["total"] for t in totals), default=None)),
                },
                "x2": {"field": "end"},
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": colors},
                    "sort": series,
                },
                "tooltip": TOOLTIP,
            },
        },
        {
            "mark": {"type": "text", "fontSize": 10},
            "encoding": {
                "y": y,
                "x": {"field": "mid", "type": "quantitative"},
                "text": {"field": "text"},
                "color": {"field": "tc", "type": "nominal", "scale": None, "legend": None},
            },
        },
        {
            "data": {"values": totals},
            "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold"},
            "encoding": {"y": y, "x": {"field": "total", "type": "quantitative"}, "text": {"field": "text"}},
        },
    ]
    spec["resolve"] = {"scale": {"color": "independent"}}
    rows = [
        [cat, *(fmt(vals.get((cat, s), 0), lang) for s in series), t["text"]]
        for cat, t in zip(cats, totals, strict=True)
    ]
    total_word = "Totaal" if lang == "nl" else "Total"
    chart = Chart(id, title, alt, spec, list(columns) or ["", *series, total_word], rows, lang=lang)
    return _kept(stacked_chart, options, chart, codes)


def heatmap_chart(
    id: str,
    title: str,
    alt: str,
    items: list[tuple[str, str, int]],
    xs: list[str],
    ys: list[str],
    *,
    lang: str = "nl",
    columns: tuple[str, ...] = (),
) -> Chart:
    """A grid (rows × columns) with the count in each cell; darker is more."""
    top = max((v for _, _, v in items), default=0) or 1
    data = [
        {
            "x": x,
            "y": y,
            "value": v,
            "text": fmt(v, lang),
            "tip": _tip(y, x, fmt(v, lang)),
            "tc": "white" if v > top / 2 else INK,
        }
        for x, y, v in items
    ]
    spec = _base(title, alt, data)
    spec.update(width={"step": 92}, height={"step": 24})
    x = {
        "field": "x",
        "type": "nominal",
        "sort": xs,
        "title": None,
        "axis": {
            "orient": "bottom",
            "labelAngle": 0,
            "domain": False,
            "ticks": False,
            "labelExpr": "split(datum.label, ' ')",
            "labelLineHeight": 12,
            "labelPadding": 4,
        },
    }
    y = {"field": "y", "type": "nominal", "sort": ys, "title": None, "axis": {"domain": False, "ticks": False}}
    spec["layer"] = [
        {
            "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
            "encoding": {
                "x": x,
                "y": y,
                "color": {
                    "field": "value",
                    "type": "quantitative",
                    "scale": {"range": ["#eef4f9", PRIMARY]},
                    "legend": None,
                },
                "tooltip": TOOLTIP,
            },
        },
        {
            "mark": {"type": "text", "fontSize": 11},
            "encoding": {
                "x": x,
                "y": y,
                "text": {"field": "text"},
                "color": {"field": "tc", "type": "nominal", "scale": None, "legend": None},
            },
        },
    ]
    spec["resolve"] = {"scale": {"color": "independent"}}
    vals = {(x_, y_): v for x_, y_, v in items}
    rows = [[y_, *(fmt(vals.get((x_, y_), 0), lang) for x_ in xs)] for y_ in ys]
    return Chart(id, title, alt, spec, list(columns) or ["", *xs], rows, lang=lang)


def render_svg(chart: Chart) -> str:
    """The chart as SVG, without its title (the report prints the title as a caption)."""
    import vl_convert as vlc

    spec = dict(chart.spec)
    spec.pop("title", None)
    locale: Literal["nl-NL", "en-GB"] = "nl-NL" if chart.lang == "nl" else "en-GB"
    chart.svg = _numbered_clips(vlc.vegalite_to_svg(spec, format_locale=locale))
    return chart.svg


def _numbered_clips(svg: str) -> str:
    """vl-convert numbers clip paths across a process (`clip63`); numbered within the drawing, the same chart
    always gives the same bytes (and one ETag in every worker)."""
    seen: dict[str, str] = {}
    return re.sub(r"\bclip\d+\b", lambda m: seen.setdefault(m.group(0), f"clip{len(seen) + 1}"), svg)
