"""`zicht user add|list|disable|enable|reset`: the accounts of the web application (spec/web.md)."""

from __future__ import annotations

import os

import click

from zicht.cli.common import database, handles_expected_errors, json_option, operator, print_json


def _password(confirm: bool = True) -> str:
    """ZICHT_PASSWORD, or asked at the terminal (never an option: it would stay in the shell history)."""
    given = os.environ.get("ZICHT_PASSWORD")
    if given:
        return given
    return click.prompt("Wachtwoord / password", hide_input=True, confirmation_prompt=confirm)


def _show(info) -> str:
    factor = "tweede factor / second factor: " + (
        "ingesteld / enrolled" if info.has_second_factor else "nog niet / not yet"
    )
    state = "actief / active" if info.is_active else "uitgeschakeld / disabled"
    return f"{info.username:20} {info.role:9} {info.organisation[:48]:48} {state:24} {factor}"


@click.group()
def user():
    """Accounts of the web application: add, list, disable, enable, reset.

    Rollen / roles: analyst (de regio / the region), partner (--partner ESSM, AVIM, …), gemeente
    (--gemeente Schiedam, …). Het wachtwoord komt uit ZICHT_PASSWORD of wordt gevraagd; de tweede factor
    (TOTP) stelt de gebruiker in bij de eerste keer inloggen.
    """


@user.command("add")
@click.argument("username")
@click.option(
    "--role", required=True, type=click.Choice(["analyst", "partner", "gemeente"]), help="The account's role."
)
@click.option("--partner", help="For --role partner: the partner code (region configuration).")
@click.option("--gemeente", help="For --role gemeente: the municipality.")
@handles_expected_errors
def add(username, role, partner, gemeente):
    """Create an account; the password from ZICHT_PASSWORD or a prompt.

    Maakt een account aan. Analisten en partners stellen bij de eerste keer inloggen een tweede factor
    (TOTP, een app als Microsoft Authenticator of FreeOTP) in.
    """
    database()
    from zicht.services.accounts import add_user

    info = add_user(operator(), username, role, _password(), partner=partner, gemeente=gemeente)
    click.echo(f"Account aangemaakt / account created: {_show(info)}")


@user.command("list")
@json_option
@handles_expected_errors
def list_(as_json):
    """List the accounts, their role, organisation and state."""
    database()
    from dataclasses import asdict

    from zicht.services.accounts import list_users

    users = list_users(operator())
    if as_json:
        print_json([asdict(u) for u in users])
    elif not users:
        click.echo("Nog geen accounts: zicht user add … / No accounts yet: zicht user add …")
    for info in [] if as_json else users:
        click.echo(_show(info))


@user.command("disable")
@click.argument("username")
@handles_expected_errors
def disable(username):
    """Disable an account: it can no longer log in; its sessions and API tokens stop working."""
    database()
    from zicht.services.accounts import set_active

    info = set_active(operator(), username, False)
    click.echo(f"Uitgeschakeld / disabled: {_show(info)}")


@user.command("enable")
@click.argument("username")
@handles_expected_errors
def enable(username):
    """Enable a disabled account again."""
    database()
    from zicht.services.accounts import set_active

    info = set_active(operator(), username, True)
    click.echo(f"Ingeschakeld / enabled: {_show(info)}")


@user.command("reset")
@click.argument("username")
@handles_expected_errors
def reset(username):
    """A new password and a new second factor (set up again at the next login); lifts a lockout."""
    database()
    from zicht.services.accounts import reset_user

    info = reset_user(operator(), username, _password())
    click.echo(f"Opnieuw ingesteld / reset: {_show(info)}")
