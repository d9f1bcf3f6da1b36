"""The command-line reference, generated from the real `--help` (`python -m zicht.cli.reference > docs/cli.md`)."""

from __future__ import annotations

import click

from zicht.cli import COMMANDS, main


def _help(command: click.Command, path: list[str], parent: click.Context) -> list[str]:
    ctx = click.Context(command, info_name=path[-1], parent=parent)
    lines = [f"## `{' '.join(path)}`", "", "```", command.get_help(ctx), "```", ""]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            lines += _help(command.get_command(ctx, name), [*path, name], ctx)
    return lines


def render() -> str:
    # As `zicht` itself builds it: subcommands inherit the help names and widths.
    ctx = click.Context(
        main, info_name="zicht", terminal_width=100, max_content_width=100, help_option_names=["-h", "--help"]
    )
    lines = [
        "# The `zicht` command",
        "",
        "Generated from `--help` by `python -m zicht.cli.reference`; do not edit.",
        "",
    ]
    lines += ["```", main.get_help(ctx), "```", ""]
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        if command is not None:
            lines += _help(command, ["zicht", name], ctx)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
