"""The monitor of a year from the database: gathering its input and writing its files.

The one place where storage (Django) meets the pure report builder, so the command line and, later,
the web app render the same monitor the same way.
"""

from __future__ import annotations

from pathlib import Path


def gather(year: int, lang: str = "nl", with_estimate: bool = True):
    """The report's input (`ReportData`) from the database: every year up to `year` that has deliveries."""
    from zicht.storage.database import ready

    ready()
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

        estimate = estimate_year(conn, vendor, region, year, cache_dir=report_home().parent / "cache")
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
    )


def report_home() -> Path:
    from django.conf import settings

    return settings.ZICHT_HOME / "reports"


def render_report(
    year: int,
    formats: tuple[str, ...] = ("html", "pdf"),
    out: str | Path | None = None,
    public: bool = False,
    lang: str = "nl",
) -> list[Path]:
    """Render the monitor of `year` from the database; returns the files written."""
    from zicht.region import load_region
    from zicht.reporting.pdf import write_pdf
    from zicht.reporting.render import build_report
    from zicht.storage import api

    # The estimate costs a bootstrap; a public edition only shows it where the region allows.
    data = gather(year, lang, with_estimate=not public or load_region().publish_estimate)
    html = build_report(data, lang=lang, public=public)
    folder = Path(out) if out else report_home()
    folder.mkdir(parents=True, exist_ok=True)
    stem = (
        f"monitor-mensenhandel-{data.region.slug}-{year}"
        + ("-openbaar" if public else "")
        + ("" if lang == "nl" else f"-{lang}")
    )
    written = []
    if "html" in formats:
        path = folder / f"{stem}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    if "pdf" in formats:
        written.append(write_pdf(html, folder / f"{stem}.pdf"))
    api.record_event(
        api.default_actor(),
        "render-report",
        str(year),
        {"public": public, "lang": lang, "files": [p.name for p in written]},
    )
    return written
