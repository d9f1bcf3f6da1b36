"""`zicht demo`: the demo region's deliveries in, the 2024 figures (and monitor) out, the demo's years published."""

from __future__ import annotations

import click

from zicht.cli.common import database, handles_expected_errors


@click.command()
@click.option("--year", "-y", default=2024, show_default=True, help="The year to show.")
@click.option("--no-report", is_flag=True, help="Load and show the figures; do not render the monitor.")
@click.option("--no-publish", is_flag=True, help="Do not publish the demo's years (2022-2024) for the web application.")
@handles_expected_errors
def demo(year, no_report, no_publish):
    """Load the demo region's deliveries into ZICHT_HOME and show the 2024 figures.

    Laadt de synthetische demoleveringen (regio Rotterdam, 2019-2024) en toont de cijfers van 2024,
    gelijk aan de gepubliceerde monitor; publiceert 2022-2024, zodat `zicht serve` meteen
    gepubliceerde cijfers toont. Weigert een ZICHT_HOME met andere dan demo-leveringen.
    """
    from rich.progress import Progress

    database()
    from zicht.access import Actor
    from zicht.cli.indicators import format_indicators
    from zicht.services.demo import DEMO_ACTOR, PUBLISHED_YEARS, load_demo, manifest, publish_demo
    from zicht.services.monitor import compute_year, render_report

    actor = Actor.command_line(DEMO_ACTOR)
    with Progress(transient=True) as bar:
        task = bar.add_task("Demoleveringen laden / loading demo deliveries", total=len(manifest()["deliveries"]))
        stored = load_demo(actor, lambda item: bar.advance(task))
    click.echo(f"{len(stored)} demoleveringen geladen / demo deliveries loaded.\n")
    click.echo(format_indicators(compute_year(actor, year)))
    if not no_publish:
        with Progress(transient=True) as bar:
            task = bar.add_task("Publiceren / publishing", total=len(PUBLISHED_YEARS))
            published = publish_demo(actor, lambda _: bar.advance(task))
        if published:
            labels = ", ".join(e.label for e in published)
            click.echo(f"Gepubliceerd / published: {labels} (zicht serve toont ze / shows them).")
    if no_report:
        return
    from rich.console import Console

    with Console(stderr=True).status(f"Monitor {year} maken / rendering the {year} monitor…"):
        written = render_report(actor, year)
    for path in written:
        click.echo(f"Monitor: {path}")
