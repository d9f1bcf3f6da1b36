"""The monitor's charts as the dashboard shows them: narrowed by the visitor's filters, drawn in the
browser at the width of their column, and their tables as data cells for the CSV under each chart.

The specifications stay the report's own (`zicht.reporting.charts`); nothing here changes a chart's
figures, only which of its items are shown and how wide it is drawn.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from zicht.reporting.charts import Chart, grouped_chart


def narrowed(chart: Chart, filters: Mapping[str, str], describe: str = "") -> Chart:
    """The chart with only the items whose codes match `filters` (`{"vorm": "seksuele-uitbuiting"}`).

    A filter on a dimension the chart does not split by leaves it alone (`Chart.dimensions` says which
    apply); an item whose code is None (a rubriek that is no form of exploitation) falls out under a filter
    on that dimension. The narrowed chart is built again by the same builder, so its spec, table and
    tooltips are those of the report; its alt text names the filter (`describe`) and the values shown.
    """
    wanted = {name: value for name, value in filters.items() if value and name in chart.dimensions}
    if not wanted or chart.recipe is None:
        return chart
    builder, options = chart.recipe
    keep = [i for i, c in enumerate(chart.codes) if all(c.get(n) == v for n, v in wanted.items())]
    options = {**options, "items": [options["items"][i] for i in keep]}
    if builder is grouped_chart:  # a filtered-out group loses its bars and its column
        groups = [g for g in options["groups"] if any(item[1] == g for item in options["items"])]
        columns = options["columns"]
        options.update(groups=groups, columns=(columns[0], *groups) if columns else ())
    remade = builder(**options, codes=[chart.codes[i] for i in keep])
    heads = [str(col).lower() for col in remade.columns[1:]]
    values = "; ".join(
        f"{row[0]}: " + ", ".join(f"{h} {v}".strip() for h, v in zip(heads, row[1:])) for row in remade.rows
    )
    remade.alt = f"{chart.title} ({describe}): {values or ('geen' if chart.lang == 'nl' else 'none')}."
    remade.spec["description"] = remade.alt
    remade.number = chart.number
    return remade


def interactive_spec(chart: Chart) -> dict:
    """The chart's spec as the dashboard draws it in the browser: the page shows the title above the chart,
    and a chart of a fixed width takes the width of its column (it stays readable on a phone)."""
    spec = copy.deepcopy(chart.spec)
    spec.pop("title", None)
    if isinstance(spec.get("width"), (int, float)):
        spec["width"] = "container"
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        spec["padding"] = {"left": 5, "top": 5, "bottom": 5, "right": 36}  # room for the value after the last bar
    return spec


_NUMBER = {"nl": re.compile(r"^\d{1,3}(\.\d{3})*$"), "en": re.compile(r"^\d{1,3}(,\d{3})*$")}


def table_cells(chart: Chart) -> list[list[str | int]]:
    """The chart's table as data cells: each count printed by `fmt` (`1.334`) back as the number it is,
    `<k` as it is shown, `–` (not delivered) as an empty cell. What the CSV under a chart holds."""
    pattern = _NUMBER["nl" if chart.lang == "nl" else "en"]

    def cell(text: str) -> str | int:
        if text == "–":
            return ""
        if pattern.match(text):
            return int(re.sub(r"\D", "", text))
        return text

    return [[row[0], *(cell(v) for v in row[1:])] for row in chart.rows]
