"""One Vega-Lite specification per figure of the monitor, rendered to SVG with vl-convert (no browser).

The builders take plain rows (label, `Cell`) and return a `Chart`: the spec (reused by the dashboard),
its alt text and the chart's data as a table. Colours are the Okabe-Ito palette (colour-blind safe);
every bar carries its value. A suppressed cell is never drawn: it gets no bar, only the text `<k`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from zicht.reporting.sentences import fmt
from zicht.reporting.values import Cell

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
FONT = "DejaVu Sans"
# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
PRIMARY = OKABE_ITO[0]
INK = "#1d2b36"
WIDTH = 440
# Text on a filled segment: white on the dark colours, ink on the light ones.
_DARK = {"#0072B2", "#009E73", "#D55E00", "#000000", "#CC79A7", "#5b6b78"}
# Value axes count whole things: integer ticks with a thousands separator.
COUNT_AXIS = {"tickCount": 4, "tickMinStep": 1, "format": ",d"}

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


def _row(cat: str, cell: Cell | None, lang: str, k: int, **extra) -> dict:
    """A data row: a suppressed cell has value null (no bar) and text `<k`."""
    if cell is None:
        return {"cat": cat, "value": None, "text": "", **extra}
    if cell.suppressed:
        return {"cat": cat, "value": None, "text": f"<{k}", "pos": 0, **extra}
    return {"cat": cat, "value": cell.value, "text": fmt(cell.value, lang), "pos": cell.value, **extra}


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
) -> Chart:
    """One series of bars with the value on each bar (vertical for a trend over years)."""
    data = [_row(cat, cell, lang, k) for cat, cell in items]
    spec = _base(title, alt, data)
    cat_enc = {"field": "cat", "type": "ordinal" if vertical else "nominal", "sort": None, "title": cat_title or None}
    val_enc = {"field": "value", "type": "quantitative", "title": value_title or None, "axis": COUNT_AXIS}
    pos_enc = {"field": "pos", "type": "quantitative"}
    if vertical:
        spec.update(width=width or max(56 * len(items), 120), height=190)
        cat_enc["axis"] = {"labelAngle": 0}
        bar = {
            "mark": {"type": "bar", "color": PRIMARY, "cornerRadiusTopLeft": 2, "cornerRadiusTopRight": 2},
            "encoding": {"x": cat_enc, "y": val_enc},
        }
        text = {
            "mark": {"type": "text", "dy": -7, "fontWeight": "bold"},
            "encoding": {"x": cat_enc, "y": pos_enc, "text": {"field": "text"}},
        }
    else:
        spec.update(width=width or WIDTH - 140, height={"step": 24})
        bar = {
            "mark": {"type": "bar", "color": PRIMARY, "cornerRadiusTopRight": 2, "cornerRadiusBottomRight": 2},
            "encoding": {"y": cat_enc, "x": val_enc},
        }
        text = {
            "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold"},
            "encoding": {"y": cat_enc, "x": pos_enc, "text": {"field": "text"}},
        }
    spec["layer"] = [bar, text]
    rows = [[r["cat"], r["text"] or "–"] for r in data]
    return Chart(id, title, alt, spec, list(columns), rows, lang=lang)


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
) -> Chart:
    """Horizontal bars per category, one bar per group side by side, each with its value."""
    data = [_row(cat, cell, lang, k, group=g) for cat, g, cell in items]
    spec = _base(title, alt, data)
    colors = OKABE_ITO[: len(groups)]
    y = {"field": "cat", "type": "nominal", "sort": None, "title": None}
    y_off = {"field": "group", "type": "nominal", "sort": groups, "scale": {"domain": groups}}
    color = {"field": "group", "type": "nominal", "title": None, "scale": {"domain": groups, "range": colors}}
    spec.update(width=WIDTH - 160, height={"step": 13})
    spec["layer"] = [
        {
            "mark": {"type": "bar"},
            "encoding": {
                "y": y,
                "yOffset": y_off,
                "x": {"field": "value", "type": "quantitative", "title": value_title or None, "axis": COUNT_AXIS},
                "color": color,
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
    return Chart(id, title, alt, spec, list(columns) or ["", *groups], rows, lang=lang)


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
) -> Chart:
    """Horizontal stacked bars; segment positions computed here so every segment carries its value.

    Only for figures without suppressed cells (counts not about people, or totals)."""
    colors = colors or OKABE_ITO[: len(series)]
    cats = list(dict.fromkeys(cat for cat, _, _ in items))
    vals = {(cat, s): v for cat, s, v in items}
    data, totals = [], []
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
                        "tc": "white" if col in _DARK else INK,
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
                "x": {"field": "start", "type": "quantitative", "title": value_title or None, "axis": COUNT_AXIS},
                "x2": {"field": "end"},
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": colors},
                    "sort": series,
                },
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
    return Chart(id, title, alt, spec, list(columns) or ["", *series, total_word], rows, lang=lang)


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
        {"x": x, "y": y, "value": v, "text": fmt(v, lang), "tc": "white" if v > top / 2 else INK} for x, y, v in items
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
    locale = "nl-NL" if chart.lang == "nl" else "en-GB"
    chart.svg = vlc.vegalite_to_svg(spec, format_locale=locale)
    return chart.svg
