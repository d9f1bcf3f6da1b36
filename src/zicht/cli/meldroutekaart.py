"""`zicht meldroutekaart`: the region's routes and the check's rules as text, or the A4 version as PDF."""

from __future__ import annotations

from pathlib import Path

import click

from zicht.cli.common import fail, handles_expected_errors


@click.command()
@click.option("--pdf", "as_pdf", is_flag=True, help="Write the printable one-page A4 version (PDF).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="The PDF file to write (default: meldroutekaart-<lang>.pdf in ZICHT_HOME).",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language / taal.")
@handles_expected_errors
def meldroutekaart(as_pdf, out, lang):
    """The meldroutekaart of the region: where to report a signal of human trafficking.

    Without --pdf: the routes in the order the guided check lists them, with the answers that bring each
    into its outcome (region file: [[report_routes]] and [meldroutekaart]); a broken configuration is
    named and refused. With --pdf: the one-page A4 version for notice boards and training, printed with
    the web address of the [meldroutekaart] table (and its QR code) when one is set.

    Zonder --pdf: de meldroutes en de regels van de check. Met --pdf: de A4-versie om op te hangen.
    """
    if out and not as_pdf:
        raise click.UsageError("--out hoort bij --pdf / --out goes with --pdf.")
    from zicht.region import load_region
    from zicht.web.meldroutekaart.config import ConfigError, load

    region = load_region()
    try:
        kaart = load(region)
    except ConfigError as error:
        fail(f"Regioconfiguratie: {error.message_nl}", f"Region configuration: {error.message_en}")
    if not as_pdf:
        _describe(kaart, lang)
        return
    from zicht.paths import zicht_home
    from zicht.web.meldroutekaart import printable

    path = Path(out) if out else zicht_home() / printable.file_name(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(printable.pdf(kaart, lang, kaart.url, region.name, region.organisation))
    click.echo(str(path))
    if not kaart.url:
        click.echo(
            "Zonder webadres: zet url in [meldroutekaart] om het adres en een QR-code mee te printen. / "
            "Without a web address: set url in [meldroutekaart] to print the address and a QR code.",
            err=True,
        )


def _describe(kaart, lang: str) -> None:
    if not kaart.routes:
        click.echo("Geen meldroutes ingesteld ([[report_routes]]). / No routes configured ([[report_routes]]).")
    for number, route in enumerate(kaart.routes, start=1):
        shown = route.localized(lang)
        reach = " · ".join(x for x in (shown["contact"], shown["url"]) if x)
        click.echo(f"{number}. {shown['name']} [{route.key}]: {reach}")
        click.echo(f"   {shown['when']}")
        click.echo(f"   check: {', '.join(route.check)}")
        if not route.phone:
            click.echo("   geen bevestigd telefoonnummer / no confirmed phone number")
    click.echo(f"url: {kaart.url or '-'}")
    click.echo(f"embed_domains: {', '.join(kaart.embed_domains) or '-'}")
