"""`zicht national`: several regions' open-data packages side by side (zicht.national)."""

from __future__ import annotations

from pathlib import Path

import click

from zicht.cli.common import fail, handles_expected_errors

USAGE = 2


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to write landelijk-beeld.html and landelijk-beeld.csv to.",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language / taal.")
@handles_expected_errors
def national(sources, out, lang):
    """Put the published figures of several regions side by side; prints the paths written.

    Zet de gepubliceerde cijfers van meerdere regio's naast elkaar. SOURCES zijn open-datapakketten
    (docs/open-data.md): een map of datapackage.json, een zip, of een http(s)-adres van een
    datapackage.json (`https://monitor.regio.nl/open-data/2024/1/datapackage.json`). Per indicator elke
    regio, per 100.000 inwoners waar het pakket het inwonertal geeft, en het landelijke cijfer van
    CoMensha. Aantallen personen onder de strengste k van de regio's worden afgeschermd (<k). De som van
    de regio's is geen landelijk aantal (docs/national.md).
    """
    from zicht import national as core

    missing = [s for s in sources if not core.is_url(s) and not Path(s).exists()]
    if missing:
        fail(
            f"Bron bestaat niet: {', '.join(missing)}. Geef een map, datapackage.json, zip of http(s)-adres.",
            f"Source does not exist: {', '.join(missing)}. Give a folder, datapackage.json, zip or http(s) URL.",
            USAGE,
        )

    def progress(n: int, source: str) -> None:
        click.echo(f"[{n}/{len(sources)}] lezen / reading {source}", err=True)

    try:
        comparison = core.compare(core.read_packages(sources, progress))
    except core.SourceError as error:
        fail(error.message_nl, error.message_en)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    html, table = folder / "landelijk-beeld.html", folder / "landelijk-beeld.csv"
    html.write_text(core.render_html(comparison, lang), encoding="utf-8")
    table.write_bytes(core.rows_csv(comparison))
    names = ", ".join(r.region for r in comparison.regions)
    click.echo(f"{len(comparison.regions)} regio's / regions ({names}), k = {comparison.k}", err=True)
    click.echo(str(html))
    click.echo(str(table))
