"""What the pages are made of: vendored front-end packages as the lock file says, Dutch for every message,
no inline script or style in any template (the Content-Security-Policy would block it)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "src" / "zicht" / "web"
VENDOR = WEB / "static" / "vendor"


def test_vendored_packages_are_the_locked_versions_and_unchanged():
    lock = json.loads((ROOT / "assets" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    wanted = json.loads((ROOT / "assets" / "package.json").read_text(encoding="utf-8"))["dependencies"]
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert set(manifest) == set(wanted)
    for package, entry in manifest.items():
        assert entry["version"] == lock[f"node_modules/{package}"]["version"] == wanted[package]
        for name, digest in entry["files"].items():
            assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, f"{name} changed by hand"


def test_every_static_reference_in_the_templates_exists():
    for template in WEB.rglob("templates/**/*.html"):
        for name in re.findall(r"{% static '([^']+)' %}", template.read_text(encoding="utf-8")):
            assert (WEB / "static" / name).is_file(), f"{template.name}: static file {name} is missing"


@pytest.mark.parametrize("template", sorted(WEB.rglob("templates/**/*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_script_or_style(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", text), "inline style attribute"
    assert "<style" not in text, "inline <style>"
    assert not re.search(r"<script(?![^>]*\ssrc=)", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"


def test_every_message_has_its_dutch_and_the_catalogues_are_compiled():
    result = subprocess.run([sys.executable, "-m", "zicht.web.messages", "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
