"""The suppression rule on plain cells and groups (zicht.disclosure.core)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zicht.disclosure import DisclosureError, recoverable_cells, suppress_cells

# Small counts dominate real gemeente cells: draw mostly 0..6, sometimes larger.
counts = st.one_of(st.integers(0, 6), st.integers(0, 60))
thresholds = st.integers(1, 8)


@st.composite
def cells_and_groups(draw):
    values = draw(st.lists(counts, min_size=1, max_size=12))
    n = len(values)
    groups = draw(st.lists(st.lists(st.integers(0, n - 1), min_size=1, max_size=n), max_size=6))
    return values, groups


def _group_hidden(group, hidden):
    return len(set(group) & hidden)


@given(cells_and_groups(), thresholds, st.booleans())
@settings(max_examples=150)
def test_no_published_cell_is_below_k_and_no_group_has_exactly_one_suppressed(data, k, protect):
    values, groups = data
    result = suppress_cells(values, groups, k, protect_combinations=protect)
    hidden = result.suppressed
    assert all(not (1 <= v < k) for i, v in enumerate(values) if i not in hidden)
    for g, group in enumerate(groups):
        if len(set(group)) > 1:
            assert _group_hidden(group, hidden) != 1, (g, group)


@given(cells_and_groups(), thresholds)
@settings(max_examples=150)
def test_primary_is_exactly_the_values_from_1_to_k_minus_1_and_secondary_never_is(data, k):
    values, groups = data
    result = suppress_cells(values, groups, k)
    assert result.primary == {i for i, v in enumerate(values) if 1 <= v < k}
    assert not result.primary & result.secondary
    assert all(values[i] == 0 or values[i] >= k for i in result.secondary)


@given(cells_and_groups(), thresholds, st.booleans())
@settings(max_examples=100)
def test_same_input_gives_same_output(data, k, protect):
    values, groups = data
    first = suppress_cells(values, groups, k, protect_combinations=protect)
    again = suppress_cells(list(values), [list(g) for g in groups], k, protect_combinations=protect)
    assert first == again


@given(st.lists(counts, min_size=2, max_size=25), st.integers(2, 8))
@settings(max_examples=150)
def test_single_group_follows_the_spec_rule_exactly(values, k):
    # The oracle: hide 1..k-1; if that hides exactly one, add the smallest other (first of equals).
    primary = [i for i, v in enumerate(values) if 1 <= v < k]
    expected = set(primary)
    if len(primary) == 1:
        others = [i for i in range(len(values)) if i != primary[0]]
        expected.add(min(others, key=lambda i: (values[i], i)))
    result = suppress_cells(values, [list(range(len(values)))], k)
    assert result.suppressed == expected
    assert result.recoverable == frozenset()
    assert result.exposed_groups == ()


@given(st.lists(counts, min_size=2, max_size=20), st.integers(2, 8))
def test_zeros_stay_published_unless_a_lone_suppressed_cell_needs_a_partner(values, k):
    result = suppress_cells(values, [list(range(len(values)))], k)
    zeros_hidden = [i for i in result.suppressed if values[i] == 0]
    assert len(zeros_hidden) <= 1
    if len(result.primary) != 1:
        assert zeros_hidden == []


@given(st.lists(st.one_of(st.just(0), st.integers(8, 100)), min_size=1, max_size=15), st.integers(1, 8))
def test_nothing_is_suppressed_without_a_small_cell(values, k):
    result = suppress_cells(values, [list(range(len(values)))], k)
    assert result.suppressed == frozenset()


def test_secondary_takes_the_smallest_other_cell_and_ties_go_to_the_first():
    result = suppress_cells([3, 7, 9, 7], [[0, 1, 2, 3]], 5)
    assert result.primary == {0}
    assert result.secondary == {1}  # 7 at index 1 before the 7 at index 3


def test_secondary_prefers_a_zero_over_a_larger_cell():
    result = suppress_cells([12, 4, 0, 8, 0], [[0, 1, 2, 3, 4]], 5)
    assert result.primary == {1}
    assert result.secondary == {2}


def test_two_small_cells_need_no_secondary():
    result = suppress_cells([1, 0, 2, 30], [[0, 1, 2, 3]], 5)
    assert result.suppressed == {0, 2}
    assert result.secondary == frozenset()


def test_secondary_cascades_through_overlapping_groups():
    # Hiding cell 1 for group A leaves group B with exactly one hidden cell, so B gets a partner too.
    values = [2, 6, 9, 7, 8]
    result = suppress_cells(values, [[0, 1, 2], [1, 3, 4]], 5, protect_combinations=False)
    assert result.primary == {0}
    assert result.secondary == {1, 3}


def test_a_one_cell_group_is_flagged_because_its_total_gives_the_cell_away():
    result = suppress_cells([2, 10], [[0], [0, 1]], 5)
    assert result.suppressed == {0, 1}
    assert result.exposed_groups == (0,)
    assert result.recoverable == {0, 1}  # x0 is group 0's total, then x1 = group 1's total - x0
    assert result.summary()["exposed_groups"] == 1


def test_a_one_cell_group_with_a_published_cell_is_not_flagged():
    result = suppress_cells([0, 10], [[0], [0, 1]], 5)
    assert result.suppressed == frozenset()
    assert result.exposed_groups == ()


def test_summary_counts_primary_and_secondary():
    result = suppress_cells([3, 7, 9], [[0, 1, 2]], 5)
    assert result.summary() == {
        "k": 5,
        "cells": 3,
        "primary": 1,
        "secondary": 1,
        "exposed_groups": 0,
        "recoverable": 0,
    }


def test_recoverable_cells_finds_a_cell_isolated_by_combining_groups():
    # x0 + x1 = a and x0 + x1 + x2 = b give x2 = b - a.
    assert recoverable_cells([[0, 1], [0, 1, 2]], {0, 1, 2}) == {2}
    assert recoverable_cells([[0, 1], [1, 2]], {0, 1, 2}) == frozenset()


def test_protect_combinations_hides_more_when_nested_groups_isolate_a_cell():
    values = [2, 3, 4, 20]
    groups = [[0, 1], [0, 1, 2, 3]]
    plain = suppress_cells(values, groups, 5, protect_combinations=False)
    assert plain.suppressed == {0, 1, 2}
    assert plain.recoverable == {2}  # the second total minus the first minus the published 20
    protected = suppress_cells(values, groups, 5)
    assert protected.suppressed == {0, 1, 2, 3}
    assert protected.secondary == {3}
    assert protected.recoverable == frozenset()


def test_protect_combinations_changes_nothing_when_groups_are_disjoint():
    values = [2, 9, 0, 1, 3, 30]
    groups = [[0, 1, 2], [3, 4, 5]]
    assert suppress_cells(values, groups, 5) == suppress_cells(values, groups, 5, protect_combinations=False)


@pytest.mark.parametrize(
    ("values", "groups", "k"),
    [([1, -1], [[0, 1]], 5), ([1, 2], [[0, 2]], 5), ([1, 2], [[0, 1]], 0), ([1.5], [[0]], 5), ([True], [[0]], 5)],
)
def test_bad_input_is_refused(values, groups, k):
    with pytest.raises(DisclosureError):
        suppress_cells(values, groups, k)


@st.composite
def partitioned(draw):
    values = draw(st.lists(counts, min_size=2, max_size=15))
    labels = draw(st.lists(st.integers(0, 3), min_size=len(values), max_size=len(values)))
    groups = [[i for i, g in enumerate(labels) if g == label] for label in sorted(set(labels))]
    return values, groups


@given(partitioned(), thresholds)
@settings(max_examples=150)
def test_disjoint_groups_get_only_the_spec_rule_and_leave_nothing_recoverable(data, k):
    values, groups = data
    result = suppress_cells(values, groups, k)
    assert result == suppress_cells(values, groups, k, protect_combinations=False)
    exposed_cells = {groups[g][0] for g in result.exposed_groups}
    assert result.recoverable == exposed_cells


def test_the_gate_imports_no_django():
    import subprocess
    import sys

    code = "import sys, zicht.disclosure; print(any(m.split('.')[0] == 'django' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
