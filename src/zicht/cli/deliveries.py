"""Delivering data: `zicht template`, `zicht validate`, `zicht import`, `zicht deliveries`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zicht.cli.common import (
    REFUSED,
    database,
    dataset_option,
    existing_file,
    handles_expected_errors,
    json_option,
    operator,
    print_findings,
    print_json,
    year_option,
)
from zicht.schema.datasets import DATASETS


@click.command()
@click.argument("dataset", type=click.Choice(list(DATASETS)))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "schema"]),
    default="csv",
    show_default=True,
    help="File format; schema: the Frictionless Table Schema (JSON) to check a file with your own tools.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False),
    help="File to write (default: DATASET.csv, .xlsx or .schema.json here).",
)
@handles_expected_errors
def template(dataset, fmt, out):
    """Write an empty delivery file with the right header, or the format's Table Schema.

    Een leeg leveringsbestand met de juiste kolommen; XLSX heeft de codelijsten op een tweede blad, als
    keuzelijst in de cellen. --format schema schrijft het Frictionless Table Schema (JSON), waarmee eigen
    software een bestand vooraf kan controleren.
    """
    from zicht.region import load_region

    path = Path(out or f"{dataset}.{'schema.json' if fmt == 'schema' else fmt}")
    if path.exists():
        from zicht.cli.common import fail

        fail(f"{path} bestaat al; kies een andere naam met --out.", f"{path} already exists; choose another --out.")
    if fmt == "schema":
        import json

        from zicht.schema.frictionless import table_schema

        schema = table_schema(dataset, load_region())
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        from zicht.schema.templates import write_template

        write_template(dataset, fmt, path, load_region())
    click.echo(str(path))


@click.command()
@click.argument("file", type=existing_file())
@dataset_option
@year_option
@click.option("--partner", "-p", help="Check also that this partner may deliver the dataset.")
@json_option
@handles_expected_errors
def validate(file, dataset, year, partner, as_json):
    """Check a delivery file without importing it; print every finding.

    Controleert een bestand zonder het te importeren. Exit 0: in orde; 1: bevindingen.
    """
    from zicht.region import load_region
    from zicht.schema.validation import validate_file

    result = validate_file(Path(file), DATASETS[dataset], year, load_region(), partner=partner)
    if as_json:
        print_json({"accepted": result.accepted, "findings": [f.as_dict() for f in result.findings], "delivery": None})
    else:
        print_findings(
            result.findings,
            f"In orde: {result.rows} rijen voldoen aan het formaat van {dataset}.",
            f"Accepted: {result.rows} rows meet the format of {dataset}.",
        )
    sys.exit(0 if result.accepted else REFUSED)


@click.command("import")
@click.argument("file", type=existing_file())
@dataset_option
@year_option
@click.option("--partner", "-p", required=True, help="The delivering partner (ESSM, AVIM, RIEC, ...).")
@click.option("--by", help="Who delivers (default: the operating-system user).")
@json_option
@handles_expected_errors
def import_(file, dataset, year, partner, by, as_json):
    """Validate and import one delivery, atomically.

    Een nieuwe levering voor dezelfde partner, gegevensset en jaar wordt de geldende versie; eerdere
    versies blijven bewaard. Bij bevindingen wordt niets geïmporteerd.
    """
    from rich.console import Console

    database()
    from zicht.services.deliveries import deliver

    console = Console(stderr=True, quiet=as_json)
    with console.status("Valideren / validating…") as status:

        def progress(step):
            status.update({"validate": "Valideren / validating…", "store": "Opslaan / storing…"}[step])

        result = deliver(operator(by), Path(file), dataset, year, partner, progress=progress)
    if as_json:
        print_json(result.as_dict())
    elif result.accepted:
        d = result.delivery
        print_findings(
            [],
            f"Geïmporteerd: {d.partner} {d.dataset} {d.year}, versie {d.version}, {d.row_count} rijen.",
            f"Imported: {d.partner} {d.dataset} {d.year}, version {d.version}, {d.row_count} rows.",
        )
    else:
        print_findings(result.findings, "", "")
    sys.exit(0 if result.accepted else REFUSED)


@click.command()
@click.option("--year", "-y", type=int, help="Only this year.")
@json_option
@handles_expected_errors
def deliveries(year, as_json):
    """List the deliveries and their versions (* = current).

    Alle leveringen met hun versies; * is de geldende versie.
    """
    database()
    from zicht.services.deliveries import deliveries_for

    items = deliveries_for(operator(), year)
    if as_json:
        print_json([d.as_dict() for d in items])
        return
    if not items:
        click.echo("Nog geen leveringen. / No deliveries yet.")
        return
    click.echo(
        f"{'':1} {'jaar':4}  {'partner':16} {'gegevensset':17} {'versie':>6} {'rijen':>7}  {'geleverd':19}  {'door':12} sha256"
    )
    for d in items:
        mark = "*" if d.is_current else " "
        click.echo(
            f"{mark} {d.year:<4}  {d.partner:16} {d.dataset:17} {d.version:>6} {d.row_count:>7}  "
            f"{d.delivered_at[:19]:19}  {d.delivered_by[:12]:12} {d.file_hash[:12]}"
        )
