"""`zicht report` (the annual monitor as HTML and PDF) and `zicht text set` (its narrative texts)."""

from __future__ import annotations

from pathlib import Path

import click

from zicht.cli.common import handles_expected_errors, year_option
from zicht.reporting import SECTIONS


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

        estimate = estimate_year(conn, vendor, region, year)
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


@click.command()
@year_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf", "all"]),
    default="all",
    show_default=True,
    help="What to write.",
)
@click.option(
    "--out", type=click.Path(file_okay=False), default=None, help="Folder to write to (default: ZICHT_HOME/reports)."
)
@click.option("--public", is_flag=True, help="The public edition: small counts of people suppressed, shown as <k.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language / taal.")
@handles_expected_errors
def report(year, fmt, out, public, lang):
    """Render the annual monitor of a year as HTML and PDF; prints the paths written.

    Maakt de jaarlijkse monitor mensenhandel (HTML en PDF) uit de actuele leveringen en de teksten
    (`zicht text set`). Niet geleverde gegevens worden als ontbrekend benoemd, nooit als nul getoond.
    """
    from rich.console import Console

    formats = ("html", "pdf") if fmt == "all" else (fmt,)
    with Console(stderr=True).status("Monitor maken / rendering the monitor…"):
        written = render_report(year, formats, out, public, lang)
    for path in written:
        click.echo(str(path))


@click.group()
def text():
    """Store the narrative texts of the monitor (Markdown, per year, versioned).

    Secties / sections: inleiding, casus, conclusie, doorkijk, toelichting-<gegevensset>.
    """


@text.command("set")
@year_option
@click.option("--section", "-s", required=True, type=click.Choice(SECTIONS), help="The section (spec/report.md).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the text.")
@click.option("--by", default=None, help="Who wrote it (default: the operating-system user).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True))
@handles_expected_errors
def set_text(year, section, lang, by, file):
    """Store FILE (Markdown) as the current text of a section; earlier versions are kept."""
    from zicht.storage.database import ready

    ready()
    from zicht.storage import api

    markdown = Path(file).read_text(encoding="utf-8-sig")
    version = api.set_text(year, section, markdown, by=by, lang=lang)
    click.echo(f"Tekst opgeslagen / text stored: {year} {section} ({lang}), versie / version {version}.")
