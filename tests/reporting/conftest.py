"""Fixtures for the report: seed-shaped data (zicht.reporting.sample) and helpers to read the output."""

from __future__ import annotations

import copy

import pytest

from zicht.reporting.sample import sample_report_data


@pytest.fixture(scope="session")
def sample():
    return sample_report_data()


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
