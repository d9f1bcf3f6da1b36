"""The NumPy simplex (zicht.estimation.simplex) decides whether the MLE exists exactly as HiGHS does on the
Fienberg-Rinaldo LP, and every dual it returns is a certificate: v = X d >= 0 on every cell, 0 on the
positive cells, summing to at least 1. Designs and structures are the real ones (`dz.design`,
`checks.structure`); patterns are those of the shipped tables, resample-like thinnings of them, and
random 0/1 patterns, all from explicit seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest
from scipy.optimize import linprog

from zicht.estimation import design as dz
from zicht.estimation import read_table, simplex
from zicht.estimation.checks import LP_TOL, exists_lp, structure
from zicht.estimation.select import bic_models

TABLES = ("Artificial_3", "Korea", "Rcapture_HIV", "NewOrl_5", "Western", "NewOrl")
LEVELS = ((2,), (1,))  # SparseMSE's minus infinity (pairs and up), MultipleSystemsEstimation's (every term)


def highs_exists(X: np.ndarray, positive: np.ndarray) -> bool:
    """The LP as checks.exists_lp solved it before the simplex: HiGHS's dual simplex."""
    A = X.T
    c = np.zeros(A.shape[1] + 1)
    c[-1] = -1.0
    a_eq = np.hstack([A, A.sum(axis=1, keepdims=True)])
    res = linprog(c, A_eq=a_eq, b_eq=A @ positive.astype(float), bounds=(0, None), method="highs-ds")
    assert res.status == 0
    return -res.fun > LP_TOL


def assert_certificate(X: np.ndarray, positive: np.ndarray, d: np.ndarray) -> None:
    v = X @ d
    assert v.min() >= -LP_TOL
    assert np.abs(v[positive]).max(initial=0.0) <= LP_TOL
    assert v.sum() >= 1 - LP_TOL


def lp_of(model: frozenset, y: np.ndarray, t: int, levels: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The LP's design and 0/1 pattern as checks builds them: kept cells of the finite terms' design."""
    st = structure(model, y, t, levels)
    return dz.design(t, list(st.finite))[st.keep], (y > 0)[st.keep]


def compare(X: np.ndarray, positive: np.ndarray, tally: Counter) -> None:
    if positive.all() or not positive.any():
        return  # exists_lp answers these without an LP
    answer = simplex.solve(X, positive, LP_TOL)
    assert answer is not None, f"no clear answer on a small LP {X.shape}"
    exists, d = answer
    assert exists == highs_exists(X, positive), (X.shape, positive)
    if exists:
        assert d is None
    else:
        assert d.shape == (X.shape[1],)
        assert_certificate(X, positive, d)
    tally[exists] += 1


@pytest.mark.parametrize("name", TABLES)
def test_the_simplex_decides_as_highs_on_the_shipped_tables_and_their_resamples(name, mse_dir):
    rng = np.random.default_rng(20261201)
    table = read_table(mse_dir / f"{name}.csv")
    t, y = table.t, table.cell_counts().astype(float)
    patterns = [y] + [y * (rng.random(y.size) < 0.6) for _ in range(4)]  # as a sparse resample's zeros
    models = bic_models(t, min(dz.default_maxorder(t), 2))
    tally = Counter()
    for z in patterns:
        if not z.any():
            continue
        for i in rng.choice(len(models), size=min(len(models), 25), replace=False):
            for levels in LEVELS:
                compare(*lp_of(models[i], z, t, levels), tally)
    assert tally[False] > 0  # the comparison saw models without an MLE
    if name != "Artificial_3":
        assert tally[True] > 0


@pytest.mark.parametrize("t", [3, 4, 5, 6, 7, 8])
def test_the_simplex_decides_as_highs_on_random_patterns(t):
    rng = np.random.default_rng(1000 + t)
    pairs, triples = dz.pairs(t), [a for a in range(1, 2**t) if dz.order(a) == 3]
    tally: Counter = Counter()
    for _ in range(60 if t <= 6 else 25):
        terms = [int(a) for a in rng.choice(pairs, rng.integers(0, len(pairs) + 1), replace=False)]
        if t <= 5 or rng.random() < 0.3:
            terms += [int(a) for a in rng.choice(triples, rng.integers(0, min(3, len(triples) + 1)), replace=False)]
        model = dz.with_mains(t, terms)
        y = (rng.random(2**t - 1) < rng.choice([0.15, 0.3, 0.5, 0.7, 0.9])).astype(float)
        if not y.any():
            continue
        for levels in LEVELS:
            X, positive = lp_of(model, y, t, levels)
            if simplex.small_enough(X):
                compare(X, positive, tally)
    assert tally.total() >= 20
    if 4 <= t <= 6:
        assert tally[True] > 0 and tally[False] > 0


def test_a_rank_deficient_design_gets_the_same_answer_and_a_valid_dual():
    # Repeated columns make the LP's equality rows linearly dependent (a model that is not identifiable).
    rng = np.random.default_rng(7)
    t = 4
    tally = Counter()
    for _ in range(40):
        model = dz.with_mains(t, [int(a) for a in rng.choice(dz.pairs(t), 3, replace=False)])
        y = (rng.random(2**t - 1) < 0.5).astype(float)
        if not y.any():
            continue
        X, positive = lp_of(model, y, t, (2,))
        X = np.hstack([X, X[:, 1:3], X[:, :1] + X[:, 1:2]])
        compare(X, positive, tally)
    assert tally[True] > 0 and tally[False] > 0


def test_exists_lp_keeps_its_contract_through_the_simplex_and_highs(monkeypatch):
    rng = np.random.default_rng(11)
    t = 5
    models = bic_models(t, 3)
    cases = []
    for _ in range(30):
        y = (rng.random(2**t - 1) < 0.5).astype(float)
        if y.any():
            cases.append(lp_of(models[rng.integers(len(models))], y, t, (2,)))
    fast = [exists_lp(X, positive) for X, positive in cases]
    monkeypatch.setattr(simplex, "small_enough", lambda X: False)  # every LP to HiGHS, as large ones go
    slow = [exists_lp(X, positive) for X, positive in cases]
    assert [e for e, _ in fast] == [e for e, _ in slow]
    assert any(not e for e, _ in fast)
    for (X, positive), (exists, d) in zip(cases, fast, strict=True):
        if not exists and not positive.all():
            assert_certificate(X, positive, d)


def test_the_iteration_guard_hands_the_lp_to_highs(monkeypatch):
    t = 4
    y = np.array([5, 3, 0, 2, 1, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0], dtype=float)
    X, positive = lp_of(dz.with_mains(t, [3, 5, 9, 6]), y, t, (2,))
    expected = highs_exists(X, positive)
    monkeypatch.setattr(simplex, "PIVOTS", 0)
    assert simplex.solve(X, positive, LP_TOL) is None
    assert exists_lp(X, positive)[0] == expected


def test_a_dual_that_is_no_certificate_is_refused():
    X = dz.design(3, [1, 2, 4])
    positive = np.array([True, True, False, True, False, False, False])
    assert not simplex.dual_holds(X, positive, np.zeros(X.shape[1]), LP_TOL)  # sums to 0, not >= 1
    assert not simplex.dual_holds(X, positive, np.array([1.0, 0.0, 0.0, 0.0]), LP_TOL)  # not 0 where positive
    assert not simplex.dual_holds(X, positive, np.array([-1.0, 0.0, 0.0, 0.0]), LP_TOL)  # negative
    assert not simplex.dual_holds(X, positive, np.array([np.nan, 0.0, 0.0, 0.0]), LP_TOL)


def test_a_quick_bic_estimate_does_not_load_scipy_optimize(mse_dir):
    code = (
        "import sys, runpy; sys.argv = ['zicht', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('zicht', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('\\nLOADED', ' '.join(sorted(sys.modules)))"
    )
    args = ["estimate", "--table", str(mse_dir / "Rcapture_HIV.csv"), "--method", "bic", "--ci", "none"]
    env = {**os.environ, "ZICHT_HOME": "/nonexistent/zicht-home"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    assert "Schatting totaal" in done.stdout, done.stdout + done.stderr
    loaded = set(done.stdout.split("LOADED", 1)[1].split())
    assert not any(m == "scipy.optimize" or m.startswith("scipy.optimize.") for m in loaded)
