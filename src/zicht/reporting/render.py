"""The monitor as one self-contained HTML document (charts inlined as SVG, CSS inlined).

`build_report(data, lang, public)` is a pure function of its input: the same data gives the same HTML.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from zicht.reporting.charts import render_svg
from zicht.reporting.context import ReportData, build_context

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def build_report(data: ReportData, lang: str = "nl", public: bool = False) -> str:
    """The annual monitor as HTML (Dutch or English; `public` applies disclosure control)."""
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}: use nl or en")
    context = build_context(data, lang=lang, public=public)
    for chart in context["charts"]:
        render_svg(chart)
    context["css"] = (HERE / "static" / "report.css").read_text(encoding="utf-8")
    return _env().get_template("report.html").render(**context)
