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
    """Refusals, configuration and database problems end with a message and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from zicht.access import NotAllowed
        from zicht.disclosure import DisclosureError
        from zicht.region import RegionError
        from zicht.services.errors import NotFound, Refused

        try:
            return command(*args, **kwargs)
        except (NotAllowed, Refused) as error:
            fail(error.message_nl, error.message_en)
        except NotFound:
            fail("Niet gevonden.", "Not found.")
        except RegionError as error:
            fail(f"Regioconfiguratie: {error}", f"Region configuration: {error}")
        except DisclosureError as error:  # fail closed: nothing public that cannot be protected
            fail(
                f"Niet gepubliceerd: de openbaarheidscontrole kan deze tabel niet beschermen ({error}).",
                f"Not published: disclosure control cannot protect this table ({error}).",
            )
        except Exception as error:  # database unreachable or misconfigured
            if type(error).__name__ in ("OperationalError", "InterfaceError") or "psycopg" in type(error).__module__:
                # A connection error says where it tried; any other database error gets its class and
                # SQLSTATE only, since its message can quote the row it failed on.
                what = f"{type(error).__name__} {getattr(error, 'sqlstate', '') or ''}".strip()
                if type(error).__name__ in ("OperationalError", "InterfaceError"):
                    what += ": " + str(error).strip().splitlines()[0][:200]
                fail(
                    f"De database is niet bereikbaar of weigerde ({what}). Controleer ZICHT_DATABASE_URL of ZICHT_HOME.",
                    f"The database cannot be reached or refused ({what}). Check ZICHT_DATABASE_URL or ZICHT_HOME.",
                )
            raise

    return wrapper
