"""The charts of the estimate section: registered against estimated, the sensitivity across models,
and the overlap between the lists (Vega-Lite, like every chart of the monitor)."""

from __future__ import annotations

from typing import Any

from zicht.reporting.charts import COUNT_AXIS, INK, OKABE_ITO, PRIMARY, WIDTH, Chart, _base
from zicht.reporting.sentences import fmt


def interval_chart(
    id: str,
    title: str,
    alt: str,
    observed: int,
    estimate: float,
    low: float | None,
    high: float | None,
    *,
    lang: str = "nl",
) -> Chart:
    """Registered against estimated, the estimate with its confidence interval."""
    reg, est = ("Geregistreerd", "Geschat totaal") if lang == "nl" else ("Registered", "Estimated total")
    data = [
        {"cat": reg, "value": observed, "text": fmt(observed, lang), "low": None, "high": None},
        {"cat": est, "value": estimate, "text": fmt(round(estimate), lang), "low": low, "high": high},
    ]
    spec = _base(title, alt, data)
    y = {"field": "cat", "type": "nominal", "sort": None, "title": None}
    spec.update(width=WIDTH - 140, height={"step": 34})
    spec["layer"] = [
        {
            "mark": {"type": "bar", "color": PRIMARY},
            "encoding": {
                "y": y,
                "x": {"field": "value", "type": "quantitative", "title": None, "axis": COUNT_AXIS},
                "color": {
                    "field": "cat",
                    "type": "nominal",
                    "scale": {"range": [PRIMARY, OKABE_ITO[1]]},
                    "legend": None,
                },
            },
        },
        {
            "mark": {"type": "rule", "strokeWidth": 1.5, "color": INK},
            "encoding": {"y": y, "x": {"field": "low", "type": "quantitative"}, "x2": {"field": "high"}},
        },
        *(
            {
                "mark": {"type": "tick", "color": INK, "thickness": 1.5, "size": 14},
                "encoding": {"y": y, "x": {"field": end, "type": "quantitative"}},
            }
            for end in ("low", "high")
        ),
        {
            "mark": {"type": "text", "align": "left", "dx": 4, "dy": -9, "fontWeight": "bold"},
            "encoding": {"y": y, "x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}},
        },
    ]
    interval = "–" if low is None or high is None else f"{fmt(round(low), lang)} – {fmt(round(high), lang)}"
    cols = ["", "Aantal", "95%-interval"] if lang == "nl" else ["", "Number", "95% interval"]
    rows = [[reg, fmt(observed, lang), "–"], [est, fmt(round(estimate), lang), interval]]
    return Chart(id, title, alt, spec, cols, rows, lang=lang)


# Kass & Raftery (1995): a BIC more than 10 higher is very strong evidence against a model.
CLEARLY_WORSE_BIC = 10.0


def sensitivity_chart(
    id: str,
    title: str,
    alt: str,
    models: list[dict],
    observed: int,
    *,
    lang: str = "nl",
    low: float | None = None,
    high: float | None = None,
) -> Chart:
    """The estimate under each of the best-fitting models (one dot per model, best fit on top), the
    selected model highlighted with its interval, the registered number as a reference line.

    `models`: {"label", "model", "bic", "estimate", "selected"} ordered by BIC. A model whose BIC is more
    than `CLEARLY_WORSE_BIC` above the best is drawn as an open dot (it fits clearly worse)."""
    nl = lang == "nl"
    best = min((m["bic"] for m in models), default=0.0)
    chosen_word = "gekozen model" if nl else "selected model"
    close_word = "bijna even passend" if nl else "fits almost as well"
    worse_word = "past duidelijk slechter" if nl else "fits clearly worse"
    data = []
    for m in models:
        kind = chosen_word if m["selected"] else (worse_word if m["bic"] - best > CLEARLY_WORSE_BIC else close_word)
        data.append(
            {
                "cat": m["label"],
                "value": m["estimate"],
                "text": fmt(round(m["estimate"]), lang),
                "kind": kind,
                "low": low if m["selected"] else None,
                "high": high if m["selected"] else None,
            }
        )
    spec = _base(title, alt, data)
    cats = [d["cat"] for d in data]
    # Only the kinds that occur get a legend entry.
    kinds = [k_ for k_ in (chosen_word, close_word, worse_word) if any(d["kind"] == k_ for d in data)]
    strokes = {chosen_word: OKABE_ITO[1], close_word: PRIMARY, worse_word: "#5b6b78"}
    fills = {chosen_word: OKABE_ITO[1], close_word: PRIMARY, worse_word: "white"}
    # A label lists the model's pairs of registrations, one pair per line.
    y: dict[str, Any] = {
        "field": "cat",
        "type": "nominal",
        "sort": cats,
        "title": None,
        "scale": {"domain": cats},
        "axis": {"labels": False, "ticks": False, "domain": False},
    }
    lines = max((c.count(", ") + 1 for c in cats), default=1)
    step = 12 * lines + 14
    y["bandPosition"] = 10 / step  # the dot beside the label's first line, the other lines below it
    values = [d["value"] for d in data] + [observed] + [v for v in (low, high) if v is not None]
    x_scale = {"domain": [0, max(values) * 1.08], "nice": True}
    x = {"field": "value", "type": "quantitative", "title": None, "axis": COUNT_AXIS, "scale": x_scale}
    reg = "geregistreerd" if nl else "registered"
    spec.update(width=WIDTH - 170, height={"step": step})
    spec["layer"] = [
        {
            "data": {"values": [{"value": observed, "text": f"{reg}: {fmt(observed, lang)}"}]},
            "mark": {"type": "rule", "color": "#5b6b78", "strokeDash": [4, 3], "strokeWidth": 1.5},
            "encoding": {"x": x},
        },
        {
            "data": {"values": [{"value": observed, "text": f"{reg}: {fmt(observed, lang)}"}]},
            "mark": {
                "type": "text",
                "align": "left",
                "dx": 4,
                "y": "height",
                "dy": -6,
                "color": "#5b6b78",
                "fontSize": 10,
            },
            "encoding": {"x": x, "text": {"field": "text"}},
        },
        {
            "transform": [{"filter": "datum.low != null"}],
            "mark": {"type": "rule", "strokeWidth": 2, "color": OKABE_ITO[1]},
            "encoding": {"y": y, "x": {**x, "field": "low"}, "x2": {"field": "high"}},
        },
        {
            "mark": {"type": "point", "size": 90, "strokeWidth": 2, "opacity": 1},
            "encoding": {
                "y": y,
                "x": x,
                "shape": {"value": "circle"},
                "stroke": {
                    "field": "kind",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": kinds, "range": [strokes[k_] for k_ in kinds]},
                },
                "fill": {
                    "field": "kind",
                    "type": "nominal",
                    "title": None,
                    "legend": {"symbolType": "circle"},
                    "scale": {"domain": kinds, "range": [fills[k_] for k_ in kinds]},
                },
            },
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 9, "dy": -8, "fontSize": 10},
            "encoding": {"y": y, "x": x, "text": {"field": "text"}},
        },
        # The model's pairs as the row label, one pair per line: one text mark per line, because multi-line
        # text (axis labels, lineBreak) comes out misaligned in the PDF.
        *(
            {
                "transform": [
                    {"calculate": f"split(datum.cat, ', ')[{n}]", "as": "line"},
                    {"filter": "isValid(datum.line)"},
                ],
                "mark": {"type": "text", "align": "right", "baseline": "middle", "dy": 12 * n},
                "encoding": {"y": y, "x": {"value": -8}, "text": {"field": "line"}},
            }
            for n in range(lines)
        ),
    ]
    cols = (
        ["Model", "Notatie", "BIC", "Geschat totaal", "Niet in beeld"]
        if nl
        else ["Model", "Notation", "BIC", "Estimated total", "Not in view"]
    )
    rows = [
        [
            m["label"] + (f" ({chosen_word})" if m["selected"] else ""),
            m["model"],
            f"{m['bic']:.1f}".replace(".", "," if nl else "."),
            fmt(round(m["estimate"]), lang),
            fmt(round(m["hidden"]), lang),
        ]
        for m in models
    ]
    return Chart(id, title, alt, spec, cols, rows, lang=lang)


def _mix(a: str, b: str, share: float) -> str:
    """The colour `share` of the way from `a` to `b` (hex)."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(ca, cb, strict=True))


def overlap_chart(
    id: str,
    title: str,
    alt: str,
    lists: list[str],
    totals: list[str | int],
    pairs: dict[tuple[int, int], int | str],
    *,
    lang: str = "nl",
) -> Chart:
    """Which lists see the same people: a lower-triangle grid, on the diagonal the people on each list,
    below it the people on both lists of the pair (darker is more). A value given as text (`<5`, a
    suppressed count) gets no colour."""
    numbers = [v for v in pairs.values() if isinstance(v, int)]
    top = max(numbers, default=0) or 1
    data = []
    for i, name in enumerate(lists):
        total = totals[i]
        data.append(
            {
                "x": name,
                "y": name,
                "text": total if isinstance(total, str) else fmt(total, lang),
                "fill": "#f3f5f7",
                "tc": INK,
                "weight": "bold",
            }
        )
        for j in range(i):
            v = pairs[(j, i)]
            if isinstance(v, int):
                fill = _mix("#eef4f9", PRIMARY, v / top)
                data.append(
                    {
                        "x": lists[j],
                        "y": name,
                        "text": fmt(v, lang),
                        "fill": fill,
                        "tc": "white" if v > top / 2 else INK,
                        "weight": "normal",
                    }
                )
            else:
                data.append({"x": lists[j], "y": name, "text": v, "fill": "white", "tc": INK, "weight": "normal"})
    spec = _base(title, alt, data)
    spec.update(width={"step": 114}, height={"step": 28})
    x = {
        "field": "x",
        "type": "nominal",
        "sort": lists,
        "scale": {"domain": lists},
        "title": None,
        "axis": {
            "orient": "top",
            "labelAngle": 0,
            "domain": False,
            "ticks": False,
            "labelLimit": 112,
            "labelFontSize": 10,
        },
    }
    y = {
        "field": "y",
        "type": "nominal",
        "sort": lists,
        "scale": {"domain": lists},
        "title": None,
        "axis": {"domain": False, "ticks": False},
    }
    spec["layer"] = [
        {
            "mark": {"type": "rect", "stroke": "#c9d2da", "strokeWidth": 1},
            "encoding": {"x": x, "y": y, "fill": {"field": "fill", "type": "nominal", "scale": None}},
        },
        *(
            {
                "transform": [{"filter": f"datum.weight == '{weight}'"}],
                "mark": {"type": "text", "fontSize": 11, "fontWeight": weight},
                "encoding": {
                    "x": x,
                    "y": y,
                    "text": {"field": "text"},
                    "color": {"field": "tc", "type": "nominal", "scale": None},
                },
            }
            for weight in ("bold", "normal")
        ),
    ]
    by = {(d["x"], d["y"]): d["text"] for d in data}
    rows = [[y_, *(by.get((x_, y_), "") for x_ in lists)] for y_ in lists]
    return Chart(id, title, alt, spec, ["", *lists], rows, lang=lang)
