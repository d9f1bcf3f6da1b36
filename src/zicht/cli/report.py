"""`zicht report` (the annual monitor as HTML and PDF) and `zicht text set` (its narrative texts)."""

from __future__ import annotations

from pathlib import Path

import click

from zicht.cli.common import database, handles_expected_errors, operator, year_option
from zicht.reporting import SECTIONS


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

    database()
    from zicht.services.monitor import render_report

    formats = ("html", "pdf") if fmt == "all" else (fmt,)
    with Console(stderr=True).status("Monitor maken / rendering the monitor…"):
        written = render_report(operator(), year, formats, out, public, lang)
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
    database()
    from zicht.services.monitor import set_text

    markdown = Path(file).read_text(encoding="utf-8-sig")
    version = set_text(operator(by), year, section, markdown, lang=lang)
    click.echo(f"Tekst opgeslagen / text stored: {year} {section} ({lang}), versie / version {version}.")
