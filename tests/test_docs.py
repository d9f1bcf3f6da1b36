"""Everything documented, and a test that says so (style.md point 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zicht.indicators import REGISTRY

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_generated_from_the_real_help():
    from zicht.cli.reference import render

    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == render(), "regenerate: .venv/bin/python -m zicht.cli.reference > docs/cli.md"


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_indicator_has_help_and_a_rule(name):
    indicator = REGISTRY[name]
    assert len(indicator.help_nl) > 20 and len(indicator.help_en) > 20 and indicator.rule


def test_every_setting_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in ("ZICHT_HOME", "ZICHT_DATABASE_URL", "ZICHT_REGION"):
        assert f"`{setting}`" in readme


def test_every_indicator_is_in_the_indicator_docs():
    text = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    for name in REGISTRY:
        assert f"`{name}`" in text


def test_indicator_reference_is_generated_from_the_registry():
    from zicht.indicators.docs import render

    assert (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8") == render(), (
        "regenerate: .venv/bin/python -m zicht.indicators.docs > docs/indicators.md"
    )
