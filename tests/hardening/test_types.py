"""Contracts the next engineer can lean on (issue 10, part 7): the indicator JSON and the estimate are typed
(`zicht.contracts`), the real outputs have exactly those keys and types, and mypy passes over the core."""

from __future__ import annotations

import json
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest

from zicht.contracts import Estimate, Indicators

ROOT = Path(__file__).resolve().parents[2]
MSE = ROOT.parent / "shared" / "data" / "mse"


def problems(value, kind, where: str = "") -> list[str]:
    """Where `value` differs from the type `kind` (TypedDicts: every required key, no unknown key)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is typing.Any or kind is object:
        return []
    if typing.is_typeddict(kind):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not {kind.__name__}"]
        hints = typing.get_type_hints(kind)
        found = [f"{where}.{k}: missing" for k in kind.__required_keys__ if k not in value]
        found += [f"{where}.{k}: not in {kind.__name__}" for k in value if k not in hints]
        for key, item in value.items():
            if key in hints:
                found += problems(item, hints[key], f"{where}.{key}")
        return found
    if origin in (typing.Union, types.UnionType):
        tried = [problems(value, a, where) for a in args]
        return [] if any(not t for t in tried) else min(tried, key=len)
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} not one of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        return [p for i, item in enumerate(value) for p in problems(item, args[0], f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        return [
            p for k, v in value.items() for p in problems(k, args[0], where) + problems(v, args[1], f"{where}[{k}]")
        ]
    if kind is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if kind is float:
        return [] if isinstance(value, int | float) and not isinstance(value, bool) else [f"{where}: {value!r}"]
    if kind is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: {value!r} not an int"]
    return [] if isinstance(value, kind) else [f"{where}: {value!r} is not {kind.__name__}"]


def test_the_indicator_json_and_its_public_form_have_the_typed_shape():
    from zicht.disclosure import suppress_indicators
    from zicht.region import load_region

    # The fixture is the real pipeline's output (tests/reporting/test_sample_fixtures.py keeps it so).
    result = json.loads((ROOT / "tests" / "reporting" / "data" / "indicators-2024.json").read_text())
    assert problems(result, Indicators) == []
    public = suppress_indicators(result, load_region("regio-rotterdam"))
    assert any(v.get("suppressed") for v in public["values"])
    assert problems(public, Indicators) == []
    assert problems({**result, "extra": 1}, Indicators) == [".extra: not in Indicators"]  # the check can fail


@pytest.mark.parametrize(
    ("table", "options"),
    [
        ("Korea.csv", {"method": "bic", "nboot": 30, "sensitivity": True}),
        ("Korea.csv", {"nboot": 30, "jobs": 1}),
        ("Rcapture_HIV.csv", {"model": "[1,2,3,4]", "ci": "profile"}),
        ("Western.csv", {"ci": "none"}),
    ],
)
def test_every_kind_of_estimate_has_the_typed_shape(table, options):
    from zicht.estimation import read_table
    from zicht.estimation.linkage import EstimateJob

    capture = read_table(MSE / table)
    result = EstimateJob(2024, capture, options, capture.sha256(), {}).run()  # with the lists' overlap
    assert problems(result, Estimate) == []


def test_an_estimate_that_cannot_be_made_has_the_typed_shape():
    from zicht.estimation import estimate, make_table

    result = estimate(make_table(["A", "B"], [((1, 0), 3), ((1, 1), 2)]))
    assert result["estimable"] is False and problems(result, Estimate) == []


@pytest.mark.slow
def test_mypy_passes_over_the_core(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert done.returncode == 0 and not errors, "\n".join(errors[:30]) or done.stdout[-2000:] + done.stderr[-2000:]
