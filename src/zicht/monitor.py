"""The monitor of a year from the database: gathering its input and writing its files.

The one place where storage (Django) meets the pure report builder, so the use cases in
`zicht.services` render the same monitor for the command line, the analyst's desk and publication.
Access checks and the audit log are the use cases' business, not this module's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def gather(
    year: int,
    lang: str = "nl",
    with_estimate: bool = True,
    published: dt.date | None = None,
    edition: str | None = None,
    edition_note: str | None = None,
):
    """The report's input (`ReportData`) from the database: every year up to `year` that has deliveries."""
    from zicht import __version__
    from zicht.indicators import compute
    from zicht.region import load_region
    from zicht.reporting.context import ReportData
    from zicht.storage import api

    region = load_region()
    conn, vendor = api.raw_connection(), api.vendor()
    years = sorted({d.year for d in api.list_deliveries() if d.year <= year} | {year})
    indicators = {y: compute(conn, vendor, region, y) for y in years}
    deliveries = [d.as_dict() for y in years for d in api.current_deliveries(y)]
    actions, initiatives = api.plan_items(year)
    estimate = None
    if with_estimate:
        from zicht.estimation import estimate_year

        estimate = estimate_year(conn, vendor, region, year, store=api.EstimateStore())
    return ReportData(
        region=region,
        year=year,
        indicators=indicators,
        texts=api.get_texts(year, lang),
        deliveries=deliveries,
        software_version=__version__,
        estimate=estimate,
        actions=actions,
        initiatives=initiatives,
        published=published,
        edition=edition,
        edition_note=edition_note,
    )


def report_home() -> Path:
    from django.conf import settings

    return settings.ZICHT_HOME / "reports"


def file_stem(region_slug: str, year: int, public: bool, lang: str) -> str:
    return (
        f"monitor-mensenhandel-{region_slug}-{year}"
        + ("-openbaar" if public else "")
        + ("" if lang == "nl" else f"-{lang}")
    )


def build(year: int, public: bool = False, lang: str = "nl", **gather_options) -> tuple[str, object]:
    """The monitor's HTML and its input. The estimate costs a bootstrap: a public edition only gathers
    it where the region publishes it."""
    from zicht.region import load_region
    from zicht.reporting.render import build_report

    gather_options.setdefault("with_estimate", not public or load_region().publish_estimate)
    data = gather(year, lang, **gather_options)
    return build_report(data, lang=lang, public=public), data


def write_report(
    year: int,
    formats: tuple[str, ...] = ("html", "pdf"),
    out: str | Path | None = None,
    public: bool = False,
    lang: str = "nl",
) -> list[Path]:
    """Render the monitor of `year` from the database into files; returns the files written."""
    from zicht.reporting.pdf import write_pdf

    html, data = build(year, public, lang)
    folder = Path(out) if out else report_home()
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(data.region.slug, year, public, lang)
    written = []
    if "html" in formats:
        path = folder / f"{stem}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    if "pdf" in formats:
        written.append(write_pdf(html, folder / f"{stem}.pdf"))
    return written
