"""Fixtures for the report: the demo's data (tests/report_sample.py, fixtures in data/) and helpers to read the output."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from report_sample import sample_report_data

DATA = Path(__file__).parent / "data"  # written by `python tests/report_sample.py --write`


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def sample(sample_dir):
    return sample_report_data(sample_dir)


@pytest.fixture
def with_indicators(sample):
    """`with_indicators(change)` → ReportData whose indicator dicts `change(results)` modified (a deep copy)."""

    def _make(change, **overrides):
        results = copy.deepcopy(sample.indicators)
        change(results)
        data = copy.copy(sample)
        data.indicators = results
        for key, value in overrides.items():
            setattr(data, key, value)
        return data

    return _make


@pytest.fixture(scope="session")
def html_nl(sample):
    from zicht.reporting.render import build_report

    return build_report(sample, lang="nl")
