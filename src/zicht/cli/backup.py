"""`zicht backup`, `zicht restore` and `zicht purge` (spec/cli.md)."""

from __future__ import annotations

import click

from zicht.cli.common import database, handles_expected_errors, json_option, operator, print_json

LABELS = {
    "deliveries": ("geldende leveringen", "current deliveries"),
    "delivery_versions": ("leveringsversies", "delivery versions"),
    "texts": ("tekstversies", "text versions"),
    "accounts": ("accounts", "accounts"),
    "audit_entries": ("regels in het auditlog", "audit log entries"),
    "editions": ("gepubliceerde edities", "published editions"),
    "estimates": ("opgeslagen schattingen", "stored estimates"),
}


def _counts(counts: dict[str, int]) -> None:
    for key, value in counts.items():
        nl, en = LABELS.get(key, (key, key))
        click.echo(f"  {value:>7}  {nl} / {en}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite FILE when it exists.")
@json_option
@handles_expected_errors
def backup(file, force, as_json):
    """Write everything into one file: deliveries (every version), texts, accounts, audit log, editions,
    estimates, with a manifest of hashes.

    Alles in één bestand, ook wachtwoord-hashes en de sleutels van de tweede factor: bewaar het even
    veilig als de database zelf (het bestand krijgt rechten 0600). Terugzetten: zicht restore FILE.
    """
    from dataclasses import asdict

    database()
    from zicht.services.backup import backup as make

    info = make(operator(), file, force=force)
    if as_json:
        print_json(asdict(info))
        return
    click.secho(f"Back-up geschreven: {info.path} ({info.size:,} bytes).", fg="green")
    click.echo(f"Backup written: {info.path}, sha256 {info.sha256}")
    _counts(info.counts)
    for problem in info.problems:
        click.secho(f"Let op / note: {problem}", fg="yellow", err=True)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--force", is_flag=True, help="Replace the data this database already holds.")
@json_option
@handles_expected_errors
def restore(file, force, as_json):
    """Restore a backup: checks the whole file first, then replaces everything in one transaction.

    Zet een back-up terug (zicht backup). Een beschadigd bestand, een back-up van een andere regio of van
    een nieuwere versie van zicht wordt geweigerd zonder iets te veranderen. Een database die al gegevens
    heeft, wordt alleen met --force overschreven, en dan eerst zelf geback-upt naar ZICHT_HOME/backups/.
    """
    from dataclasses import asdict

    database()
    from zicht.services.backup import restore as put_back

    info = put_back(operator(), file, force=force)
    if as_json:
        print_json(asdict(info))
        return
    click.secho(f"Teruggezet: de back-up van {info.created_at} (zicht {info.zicht_version}).", fg="green")
    click.echo(f"Restored: the backup of {info.created_at} (zicht {info.zicht_version}).")
    _counts(info.counts)
    if info.safety_copy:
        click.echo(f"De vervangen gegevens staan in / the replaced data is in: {info.safety_copy}")


@click.command()
@click.option("--dry-run", is_flag=True, help="Show what would be removed; change nothing.")
@json_option
@handles_expected_errors
def purge(dry_run, as_json):
    """Remove record-level deliveries older than the region's retention ([retention] years).

    Verwijdert alle versies van leveringen over jaren die langer geleden zijn dan de bewaartermijn van de
    regio, en uploads die te lang op bevestiging wachtten. Gepubliceerde edities, opgeslagen schattingen en
    het auditlog blijven; de verwijdering komt zelf in het auditlog.
    """
    from dataclasses import asdict

    database()
    from zicht.services.backup import purge as remove

    info = remove(operator(), dry_run=dry_run)
    if as_json:
        print_json(asdict(info))
        return
    years = ", ".join(map(str, info.years)) or "geen / none"
    verb_nl, verb_en = ("Zou verwijderen", "Would remove") if dry_run else ("Verwijderd", "Removed")
    click.echo(
        f"Bewaartermijn {info.retention_years} jaar: leveringen over jaren voor {info.before_year}. "
        f"/ Retention {info.retention_years} years: deliveries about years before {info.before_year}."
    )
    click.echo(f"{verb_nl} / {verb_en}: jaren / years {years}; {info.versions} versies / versions, "
               f"{info.records} rijen / rows, {info.uploads} verlopen uploads / expired uploads.")  # fmt: skip
    if dry_run:
        click.echo("Niets veranderd (--dry-run). / Nothing changed (--dry-run).")
