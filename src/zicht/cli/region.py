"""`zicht region new|check`: start a region's configuration and check it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zicht.cli.common import REFUSED, fail


@click.group()
def region():
    """Start and check a region's configuration file.

    Een nieuwe regio is een configuratiebestand, geen code: `zicht region new regio.toml`, invullen,
    `zicht region check regio.toml`, dan `ZICHT_REGION=regio.toml zicht …`.
    """


@region.command("new")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--slug", default="regio-voorbeeld", show_default=True, help="The region's short name.")
def new(file, slug):
    """Write a commented region file to fill in (never over an existing file)."""
    from zicht.regionfile import SLUG, template

    path = Path(file)
    if not SLUG.match(slug):
        fail(
            "--slug: alleen kleine letters, cijfers en koppeltekens (bijv. regio-utrecht).",
            "--slug: lowercase letters, digits and hyphens only (e.g. regio-utrecht).",
            code=2,
        )
    if path.exists():
        fail(f"{path} bestaat al; kies een andere naam.", f"{path} already exists; choose another name.")
    try:
        path.write_text(template(slug), encoding="utf-8")
    except OSError as error:
        fail(
            f"Kan {path} niet schrijven ({error.strerror}).",
            f"Cannot write {path} ({error.strerror}).",
        )
    click.echo(f"{path}")
    click.echo(f"Vul het in en controleer het: zicht region check {path}")
    click.echo(f"Fill it in and check it:     zicht region check {path}")


@region.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def check(file):
    """Report every problem of a region file at once (exit 1 when there is one)."""
    from zicht.regionfile import check_file

    problems = check_file(file)
    for problem in problems:
        click.echo(problem.lines())
    if problems:
        n = len(problems)
        click.secho(
            f"{n} {'probleem' if n == 1 else 'problemen'}: pas het bestand aan en controleer het opnieuw.", fg="red"
        )
        click.echo(f"{n} problem{'s' if n != 1 else ''}: fix the file and check it again.")
        sys.exit(REFUSED)
    click.secho("In orde: deze regio kan worden gebruikt.", fg="green")
    click.echo(f"Ready: use it with ZICHT_REGION={file}")
