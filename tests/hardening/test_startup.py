"""What starting costs (issue 10, part 9): a quick estimate loads only what its method needs, gives the same
numbers as SciPy's statistics would, and the monitor's estimate can run in a forked process with the same
result. The times themselves are measured by bench/startup.py and bench/report.py (not tests: they
depend on the machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

MSE = Path(__file__).resolve().parents[3] / "shared" / "data" / "mse"
SLOW_IMPORTS = ("pandas", "scipy.stats", "django", "zicht.reporting", "zicht.indicators", "rich")


def _loaded_by(*args: str) -> set[str]:
    code = (
        "import sys, runpy; sys.argv = ['zicht', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('zicht', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('\\nLOADED', ' '.join(sorted(sys.modules)))"
    )
    env = {**os.environ, "ZICHT_HOME": "/nonexistent/zicht-home"}  # a quick estimate never touches it
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    assert "Schatting totaal" in done.stdout, done.stdout + done.stderr
    return set(done.stdout.split("LOADED", 1)[1].split())


@pytest.mark.parametrize("method", ["stepwise", "bic"])
def test_a_quick_estimate_loads_neither_pandas_nor_scipy_stats_nor_django(method):
    loaded = _loaded_by("estimate", "--table", str(MSE / "Rcapture_HIV.csv"), "--method", method, "--ci", "none")
    heavy = sorted(m for m in loaded if m.split(".")[0] in ("pandas", "django", "rich") or m.startswith(SLOW_IMPORTS))
    assert heavy == []
    assert "numpy.f2py.crackfortran" not in loaded  # numpy.f2py is deferred and never used


def test_the_quantiles_are_scipy_stats_own():
    from scipy.special import gammaincinv, ndtr, ndtri
    from scipy.stats import chi2, norm

    q = np.linspace(0.0005, 0.9995, 2001)
    assert np.array_equal(norm.ppf(q), ndtri(q)) and np.array_equal(norm.cdf(q * 8 - 4), ndtr(q * 8 - 4))
    assert all(chi2.ppf(level, 1) == 2 * gammaincinv(0.5, level) for level in (0.8, 0.9, 0.95, 0.99, 0.999))


def test_the_deferred_numpy_modules_still_load_when_used():
    import zicht.estimation  # noqa: F401 - defers numpy.f2py and numpy.testing where they are not loaded yet

    assert np.testing.assert_array_equal is not None
    np.testing.assert_array_equal(np.arange(3), [0, 1, 2])


def test_the_estimate_computed_in_a_forked_process_is_the_same():
    from zicht.estimation import read_table
    from zicht.estimation.linkage import EstimateJob
    from zicht.monitor import _in_background

    table = read_table(MSE / "Korea.csv")
    job = EstimateJob(2024, table, {"nboot": 60, "sensitivity": True, "jobs": 2}, table.sha256(), {})
    assert json.dumps(_in_background(job.run)(), sort_keys=True) == json.dumps(job.run(), sort_keys=True)


def test_a_failure_in_the_forked_process_is_computed_again_here():
    from zicht.monitor import _in_background

    parent = os.getpid()

    def only_here():
        if os.getpid() != parent:
            raise RuntimeError("in the child")
        return {"here": True}

    def always():
        raise ValueError("a real error")

    assert _in_background(only_here)() == {"here": True}
    with pytest.raises(ValueError, match="a real error"):
        _in_background(always)()
