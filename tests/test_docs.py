"""Everything documented, and a test that says so (style.md point 8)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zicht.indicators import REGISTRY

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_generated_from_the_real_help():
    # In a fresh process: click caches each command's help option, so in-process state could leak in.
    fresh = subprocess.run(
        [sys.executable, "-m", "zicht.cli.reference"], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == fresh, "regenerate: .venv/bin/python -m zicht.cli.reference > docs/cli.md"


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_indicator_has_help_and_a_rule(name):
    indicator = REGISTRY[name]
    assert len(indicator.help_nl) > 20 and len(indicator.help_en) > 20 and indicator.rule


def test_every_setting_is_in_the_readme():
    """The README's table lists every ZICHT_* variable the settings module reads, with its meaning."""
    import re

    from zicht.web import settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    source = (ROOT / "src" / "zicht" / "web" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'_env\("(ZICHT_[A-Z_]+)"', source)) | {"ZICHT_HOME"}
    assert read <= set(settings.SETTINGS), f"undocumented in SETTINGS: {read - set(settings.SETTINGS)}"
    for name, (meaning, default) in settings.SETTINGS.items():
        assert f"| `{name}` | {meaning} | {default} |" in readme, f"README's table lacks or misstates {name}"


def test_every_indicator_is_in_the_indicator_docs():
    text = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    for name in REGISTRY:
        assert f"`{name}`" in text


def test_indicator_reference_is_generated_from_the_registry():
    from zicht.indicators.docs import render

    assert (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8") == render(), (
        "regenerate: .venv/bin/python -m zicht.indicators.docs > docs/indicators.md"
    )
