"""`zicht demo`: the demo region's deliveries in, the 2024 figures (and monitor) out."""

from __future__ import annotations

import json
from pathlib import Path

import click

from zicht.cli.common import fail, handles_expected_errors

DEMO = Path(__file__).resolve().parent.parent / "demo"
DEMO_ACTOR = "zicht demo"


def load_demo(progress=None) -> list:
    """Replace the deliveries in the database by the bundled demo deliveries; returns what was stored."""
    from zicht.storage.database import ready

    ready()
    from zicht.storage import api

    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    foreign = [d for d in api.list_deliveries() if d.delivered_by != DEMO_ACTOR]
    if foreign:
        fail(
            f"Deze ZICHT_HOME bevat {len(foreign)} leveringen die niet van de demo zijn; de demo overschrijft ze "
            "niet. Kies een andere map met ZICHT_HOME=… zicht demo.",
            f"This ZICHT_HOME holds {len(foreign)} deliveries that are not the demo's; the demo will not replace "
            "them. Choose another folder: ZICHT_HOME=… zicht demo.",
        )
    api.delete_deliveries(DEMO_ACTOR, "zicht demo replaces the demo data")
    stored = []
    for item in manifest["deliveries"]:
        result = api.import_delivery(
            DEMO / "deliveries" / item["file"], item["dataset"], item["year"], item["partner"], by=DEMO_ACTOR
        )
        if not result.accepted:  # a bug in the bundled files, not the user's input
            raise RuntimeError(f"demo file {item['file']} was refused: {result.findings[:3]}")
        stored.append(result.delivery)
        if progress:
            progress(item)
    for text in sorted((DEMO / "texts").glob("*/*.md")):
        api.set_text(int(text.parent.name), text.stem, text.read_text(encoding="utf-8"), by=DEMO_ACTOR)
    return stored


@click.command()
@click.option("--year", "-y", default=2024, show_default=True, help="The year to show.")
@click.option("--no-report", is_flag=True, help="Load and show the figures, do not render the monitor.")
@handles_expected_errors
def demo(year, no_report):
    """Load the demo region's deliveries into ZICHT_HOME and show the 2024 figures.

    Laadt de synthetische demoleveringen (regio Rotterdam, 2019-2024) en toont de cijfers van 2024,
    gelijk aan de gepubliceerde monitor. Weigert een ZICHT_HOME met andere dan demo-leveringen.
    """
    from rich.progress import Progress

    from zicht.cli.indicators import compute_year, format_indicators

    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    with Progress(transient=True) as bar:
        task = bar.add_task("Demoleveringen laden / loading demo deliveries", total=len(manifest["deliveries"]))
        stored = load_demo(lambda item: bar.advance(task))
    click.echo(f"{len(stored)} demoleveringen geladen / demo deliveries loaded.\n")
    click.echo(format_indicators(compute_year(year, actor=DEMO_ACTOR)))
    if no_report:
        return
    from rich.console import Console

    from zicht.monitor import render_report

    with Console(stderr=True).status(f"Monitor {year} maken / rendering the {year} monitor…"):
        written = render_report(year)
    for path in written:
        click.echo(f"Monitor: {path}")
