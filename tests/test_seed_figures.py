"""The shared conformance check: `zicht demo`, then every figure the 2024 monitor publishes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SHARED

pytestmark = pytest.mark.slow


def test_check_seed_figures_passes(zicht_env):
    tool = SHARED / "tools" / "check-seed-figures"
    if not tool.exists():
        pytest.fail(f"{tool} is missing: the shared folder must lie beside the project")
    env = dict(zicht_env)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run([str(tool)], env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("expected indicator values match") == 3
