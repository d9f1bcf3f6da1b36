"""`zicht publish`: freeze a year's edition for the public (spec/web.md, "Publication")."""

from __future__ import annotations

import click

from zicht.cli.common import database, handles_expected_errors, json_option, print_json, year_option


@click.command()
@year_option
@click.option("--note", default="", help="What this edition changes (required for a second edition of a year).")
@click.option("--by", default=None, help="Who publishes (default: the operating-system user).")
@handles_expected_errors
def publish(year, note, by):
    """Publish the year's monitor: figures, public HTML and PDF (nl, en), deliveries used; frozen.

    Publiceert de monitor van een jaar voor iedereen. Een gepubliceerde editie verandert nooit meer; een
    correctie is een nieuwe editie van hetzelfde jaar (2024-2) met een toelichting (--note).
    """
    from rich.progress import Progress

    database()
    from zicht.cli.common import operator
    from zicht.services.publication import publish as publish_year

    steps = ["html-nl", "pdf-nl", "html-en", "pdf-en", "store"]
    with Progress(transient=True) as bar:
        task = bar.add_task(f"Editie {year} maken / making the {year} edition", total=len(steps))
        info = publish_year(
            operator(by), year, note, progress=lambda step: bar.update(task, completed=steps.index(step))
        )
    click.secho(f"Gepubliceerd: editie {info.label} ({info.published_at}).", fg="green")
    click.echo(f"Published: edition {info.label}.")
    for f in info.files:
        click.echo(f"  {f['name']}  {f['size']:,} bytes  sha256 {f['sha256'][:16]}")


@click.command()
@click.option("--year", "-y", type=int, help="Only this year.")
@json_option
@handles_expected_errors
def editions(year, as_json):
    """List the published editions (year, edition, when, by whom, note)."""
    database()
    from dataclasses import asdict

    from zicht.services.publication import editions as list_editions

    found = list_editions(year)
    if as_json:
        print_json([asdict(e) for e in found])
        return
    if not found:
        click.echo("Nog niets gepubliceerd: zicht publish --year J / Nothing published yet: zicht publish --year Y")
    for e in found:
        click.echo(f"{e.label:8} {e.published_at:26} {e.published_by:16} {e.note}")
