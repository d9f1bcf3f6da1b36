"""The indicator reference, generated from the registry (`python -m zicht.indicators.docs > docs/indicators.md`)."""

from __future__ import annotations

from zicht.indicators.registry import REGISTRY


def render() -> str:
    lines = [
        "# Indicators",
        "",
        "Generated from `zicht.indicators.registry` by `python -m zicht.indicators.docs`; do not edit.",
        "The contract is `spec/indicators.md`; this page lists what the code implements.",
        "",
        "| indicator | dataset | counts | breakdowns | people |",
        "| --- | --- | --- | --- | --- |",
    ]
    for i in REGISTRY.values():
        breakdowns = "; ".join(" × ".join(f"`{d}`" for d in b) for b in i.breakdowns)
        lines.append(f"| `{i.name}` | `{i.dataset}` | {i.rule} | {breakdowns} | {'yes' if i.about_people else 'no'} |")
    lines += ["", "## Help texts", ""]
    for i in REGISTRY.values():
        lines += [f"- `{i.name}`: {i.help_nl} / {i.help_en}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
