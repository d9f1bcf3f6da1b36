"""What the commands share: options, printing findings, and turning expected failures into exit codes."""

from __future__ import annotations

import functools
import json
import sys

import click

from zicht.schema.datasets import DATASETS

REFUSED = 1  # the input was refused; nothing changed

dataset_option = click.option(
    "--dataset",
    "-d",
    required=True,
    type=click.Choice(list(DATASETS), case_sensitive=False),
    help="Dataset / gegevensset (spec/delivery-format.md).",
)
year_option = click.option("--year", "-y", required=True, type=click.IntRange(1900, 2200), help="Jaar / year.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def existing_file(**kwargs):
    return click.Path(exists=True, dir_okay=False, readable=True, resolve_path=False, **kwargs)


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_findings(findings, accepted_nl: str, accepted_en: str) -> None:
    """Every finding, Dutch then English, and a summary line that says what to do."""
    for f in findings:  # the messages name row and column themselves
        click.echo(f"- {f.message_nl} [{f.code}]")
        click.echo(f"  {f.message_en}")
    if findings:
        n = len(findings)
        click.secho(
            f"Geweigerd: {n} {'bevinding' if n == 1 else 'bevindingen'}; er is niets veranderd. "
            "Pas het bestand aan en lever het opnieuw.",
            fg="red",
        )
        click.echo(
            f"Refused: {n} finding{'s' if n != 1 else ''}; nothing was changed. Fix the file and deliver it again."
        )
    else:
        click.secho(accepted_nl, fg="green")
        click.echo(accepted_en)


def fail(message_nl: str, message_en: str, code: int = REFUSED):
    click.secho(message_nl, fg="red", err=True)
    click.echo(message_en, err=True)
    sys.exit(code)


def operator(by: str | None = None):
    """The actor of a command: the operating-system user (or `--by`), with every capability."""
    from zicht.access import Actor

    return Actor.command_line(by)


def database() -> None:
    """Make sure the database exists and is migrated (a command never needs a set-up step)."""
    from zicht.storage.database import ready

    ready()


def handles_expected_errors(command):
    """The error boundary of a command (spec/cli.md): an expected failure (a refusal, a file that cannot
    be read or written, a broken region file, a database that refuses) ends with a Dutch and English
    message and exit 1; anything else is a bug, logged with a reference (`zicht.incidents`) and reported
    without a traceback, also exit 1. Usage errors stay click's (exit 2)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise
        except Exception as error:  # noqa: BLE001 - the boundary: nothing passes it as a traceback
            known = expected_failure(error)
            if known is not None:
                fail(*known)
            unexpected(error)

    wrapper.error_boundary = True  # tests/hardening checks that every command has one
    return wrapper


def unexpected(error: BaseException) -> None:
    """Log an unexpected error with a reference and say where; exit 1."""
    from zicht.incidents import record

    incident = record(error, where="zicht " + " ".join(sys.argv[1:2]))
    where_nl = f" Details staan in {incident.log}." if incident.log else ""
    where_en = f" Details are in {incident.log}." if incident.log else ""
    fail(
        f"Er ging iets mis in zicht zelf (referentie {incident.reference}); dit is een fout in de software, niet in "
        f"uw invoer.{where_nl} Meld de referentie aan de beheerder van zicht.",
        f"Something went wrong inside zicht (reference {incident.reference}); this is a bug, not a problem with "
        f"your input.{where_en} Report the reference to whoever maintains zicht.",
    )


def expected_failure(error: BaseException) -> tuple[str, str] | None:
    """(Dutch, English) for a failure the user can do something about, or None for a bug."""
    for kind in _KINDS:
        message = kind(error)
        if message is not None:
            return message
    return None


def _refusal(error):
    from zicht.access import NotAllowed
    from zicht.services.errors import NotFound, Refused

    if isinstance(error, (NotAllowed, Refused)):
        return error.message_nl, error.message_en
    if isinstance(error, NotFound):
        return "Niet gevonden.", "Not found."
    return None


def _configuration(error):
    from zicht.region import RegionError

    if isinstance(error, RegionError):
        return f"Regioconfiguratie: {error}", f"Region configuration: {error}"
    django = sys.modules.get("django.core.exceptions")
    if django is not None and isinstance(error, django.ImproperlyConfigured):
        return f"Configuratie: {error}", f"Configuration: {error}"
    return None


def _disclosure(error):
    module = sys.modules.get("zicht.disclosure.core")
    if module is not None and isinstance(error, module.DisclosureError):  # fail closed: nothing unprotected
        return (
            f"Niet gepubliceerd: de openbaarheidscontrole kan deze tabel niet beschermen ({error}).",
            f"Not published: disclosure control cannot protect this table ({error}).",
        )
    return None


def _unreadable(error):
    reading = sys.modules.get("zicht.schema.reading")
    if reading is not None and isinstance(error, reading.ReadError):
        return error.finding.message_nl, error.finding.message_en
    table = sys.modules.get("zicht.estimation.table")
    if table is not None and isinstance(error, table.TableError):
        return f"Tabel geweigerd: {error}", f"Table refused: {error.english}"
    if isinstance(error, UnicodeError):
        return (
            "Een bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Excel of Kladblok: Opslaan als, codering "
            "UTF-8) en probeer het opnieuw. Er is niets veranderd.",
            "A file is not UTF-8 text; save it as UTF-8 and try again. Nothing was changed.",
        )
    return None


def _file_system(error):
    if not isinstance(error, OSError) or _is_database_error(error):
        return None
    reason = error.strerror or type(error).__name__
    name = error.filename
    if name is None:
        return (
            f"Een bestand of map kon niet worden gelezen of geschreven: {reason}.",
            f"A file or folder could not be read or written: {reason}.",
        )
    return (
        f"Kan {name} niet lezen of schrijven: {reason}. Controleer of de map bestaat en schrijfbaar is.",
        f"Cannot read or write {name}: {reason}. Check that the folder exists and can be written.",
    )


def _is_database_error(error) -> bool:
    classes = [getattr(sys.modules.get(m), "Error", None) for m in ("django.db", "sqlite3", "psycopg")]
    return any(c is not None and isinstance(error, c) for c in classes)


def _database(error):
    if not _is_database_error(error):
        return None
    # A connection error says where it tried; any other database error gets its class and SQLSTATE only,
    # since its message can quote the row it failed on.
    name = type(error).__name__
    what = f"{name} {getattr(error, 'sqlstate', '') or ''}".strip()
    if name in ("OperationalError", "InterfaceError"):
        what += ": " + (str(error).strip().splitlines() or [""])[0][:200]
        return (
            f"De database is niet bereikbaar of weigerde ({what}). Controleer ZICHT_DATABASE_URL of ZICHT_HOME.",
            f"The database cannot be reached or refused ({what}). Check ZICHT_DATABASE_URL or ZICHT_HOME.",
        )
    return (
        f"De database weigerde de wijziging ({what}); die is niet opgeslagen. Probeer het opnieuw; blijft dit "
        "gebeuren, meld het dan aan de beheerder.",
        f"The database refused the change ({what}); it was not stored. Try again; if it keeps happening, tell "
        "whoever maintains zicht.",
    )


_KINDS = (_refusal, _configuration, _disclosure, _unreadable, _database, _file_system)
