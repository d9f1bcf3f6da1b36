"""`zicht indicators`: the figures of a year."""

from __future__ import annotations

import click

from zicht.cli.common import database, handles_expected_errors, json_option, operator, print_json, year_option


def format_indicators(result: dict) -> str:
    """A readable overview: each indicator's total, change and breakdowns."""
    from zicht.disclosure import format_value
    from zicht.indicators import REGISTRY
    from zicht.indicators.wording import WORDS_EN
    from zicht.region import load_region

    k = load_region().disclosure_k
    lines = [f"Indicatoren / indicators {result['region']} {result['year']}", ""]
    changes = {c["indicator"]: c for c in result["changes"]}
    by_indicator: dict[str, list[dict]] = {}
    for v in result["values"]:
        by_indicator.setdefault(v["indicator"], []).append(v)
    for name, indicator in REGISTRY.items():
        cells = by_indicator.get(name)
        if cells is None:
            lines.append(f"{name}: niet geleverd / not delivered")
            continue
        total = next(v["value"] for v in cells if not v["dimensions"])
        change = changes.get(name)
        note = ""
        if change and change["previous"] is not None:
            note = f"  ({result['year'] - 1}: {change['previous']}"
            if change["wording"]:
                note += f", {change['change']:+.1%} {change['wording']} / {WORDS_EN[change['wording']]}"
            note += ")"
        lines.append(f"{name}: {total}{note}")
        lines.append(f"    {indicator.help_nl}")
        breakdowns: dict[tuple, list[str]] = {}
        for v in cells:
            if v["dimensions"]:
                if v["value"] == 0:
                    continue
                shown = format_value(v, k)
                key = tuple(v["dimensions"])
                breakdowns.setdefault(key, []).append(f"{' × '.join(v['dimensions'].values())} {shown}")
        for key, parts in breakdowns.items():
            lines.append(f"    {' × '.join(key)}: " + " · ".join(parts))
        lines.append("")
    return "\n".join(lines)


@click.command()
@year_option
@json_option
@click.option("--public", is_flag=True, help="Apply disclosure control (small counts of people suppressed).")
@handles_expected_errors
def indicators(year, as_json, public):
    """The indicator values of a year, with the change against the year before.

    Alle cijfers van de monitor voor een jaar, met de verandering ten opzichte van het jaar ervoor.
    Een gegevensset die niet geleverd is, ontbreekt (is niet nul). Zonder --json: nullen weggelaten.
    """
    database()
    from zicht.services.monitor import compute_year

    result = compute_year(operator(), year, public)
    if as_json:
        print_json(result)
    else:
        click.echo(format_indicators(result))
