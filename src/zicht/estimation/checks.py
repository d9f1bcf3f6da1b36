"""Existence and identifiability of the (extended) maximum likelihood estimate, as SparseMSE's checkident.

Existence: the linear programming condition of Fienberg and Rinaldo (2012, with the typographical
error corrected as in Chan, Silverman & Vincent 2021): with A the transposed design on the kept cells
and t = A y the observed margins, maximise s subject to A x = t, x_i >= s, x >= 0; the MLE exists iff
the optimum is positive (a strictly positive table with the data's margins). Identifiability: the
design on the kept cells has full column rank. Both depend on the data only through which cells are
positive, so results are cached per (model, zero pattern). The LP is solved by `simplex` (NumPy, its answer
checked) when it is small, and by HiGHS (`scipy.optimize.linprog`) when it is large or unclear.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from zicht.estimation import design as dz
from zicht.estimation import simplex
from zicht.estimation.fit import Structure, structure

LP_TOL = 1e-7  # an optimum s at or below this counts as 0 (lpSolve: objval == 0)

OK, NO_MLE, NOT_IDENTIFIABLE = 0, 1, 2


def check(model: frozenset, y: np.ndarray, t: int, levels: tuple[int, ...] = (2,)) -> int:
    """0 passes; 1 the MLE does not exist; 2 not identifiable; 3 both (SparseMSE's codes)."""
    support = np.asarray(y) > 0
    return _check_cached(model, support.tobytes(), t, levels)


def identifiable(st: Structure, t: int) -> bool:
    return not _rank_deficient(t, st.finite, st.keep.tobytes())


def exists(model: frozenset, y: np.ndarray, t: int, levels: tuple[int, ...] = (2,)) -> bool:
    """The LP condition alone (cached per model and zero pattern)."""
    return not check(model, y, t, levels) & NO_MLE


def check_with_fit(st: Structure, y: np.ndarray, t: int, converged: bool, levels: tuple[int, ...] = (2,)) -> int:
    """As `check`, but a fit that converged to a stationary point with finite coefficients already proves
    that the MLE exists (its fitted values are a strictly positive table with the data's margins), so
    the LP is only solved for fits that did not converge."""
    if not identifiable(st, t):
        return check(st.model, y, t, levels)
    if converged:
        return OK
    return check(st.model, y, t, levels)


@lru_cache(maxsize=200_000)
def _check_cached(model: frozenset, support_bytes: bytes, t: int, levels: tuple[int, ...]) -> int:
    support = np.frombuffer(support_bytes, dtype=bool)
    st = structure(model, support.astype(float), t, levels)
    X = _design(t, st.finite)[st.keep]
    ysup = support[st.keep]
    ierr = 0 if _exists(X, ysup) else NO_MLE
    if _rank_deficient(t, st.finite, st.keep.tobytes()):
        ierr += NOT_IDENTIFIABLE
    return ierr


@lru_cache(maxsize=4096)
def _design(t: int, finite: tuple[int, ...]) -> np.ndarray:
    return dz.design(t, list(finite))


@lru_cache(maxsize=20_000)
def _rank_deficient(t: int, finite: tuple[int, ...], keep_bytes: bytes) -> bool:
    keep = np.frombuffer(keep_bytes, dtype=bool)
    X = _design(t, finite)[keep]
    if X.shape[0] < X.shape[1]:
        return True
    return bool(np.linalg.matrix_rank(X) < X.shape[1])


def _exists(X: np.ndarray, positive: np.ndarray) -> bool:
    """The Fienberg-Rinaldo LP on a 0/1 pattern (the condition depends only on the pattern)."""
    return exists_lp(X, positive)[0]


def exists_lp(X: np.ndarray, positive: np.ndarray) -> tuple[bool, np.ndarray | None]:
    """The Fienberg-Rinaldo LP on design `X` (kept cells x columns) and the 0/1 pattern `positive`.

    Returns (exists, d). When the MLE does not exist, d (one entry per column, or None when the solver
    gave none) is the LP's dual solution: v = X d is >= 0 on every cell, 0 on the positive cells and
    sums to at least 1, a direction in which the likelihood rises without end. Any model whose design
    can express the same v proves non-existence with it, so one LP can settle many models."""
    if positive.all():
        return True, None  # x = y itself is a strictly positive solution
    if not positive.any():
        return False, None
    if simplex.small_enough(X):  # most LPs: NumPy's simplex, checked, so a quick estimate skips scipy.optimize
        answer = simplex.solve(X, positive, LP_TOL)
        if answer is not None:
            return answer
    from scipy.optimize import linprog  # here: large LPs, or no clear answer above; it costs 0.15 s to load

    y = positive.astype(float)
    A = X.T  # params x cells
    tvec = A @ y
    npar, ncell = A.shape
    # x = w + s*1 with w >= 0 (the same LP with the x_i >= s rows substituted away): maximise s
    # subject to A w + s A1 = t. Only npar rows, so the LP solves in a fraction of the time.
    c = np.zeros(ncell + 1)
    c[-1] = -1.0
    A_eq = np.hstack([A, A.sum(axis=1, keepdims=True)])
    res = linprog(c, A_eq=A_eq, b_eq=tvec, bounds=(0, None), method="highs-ds")
    if res.status != 0:
        return False, None
    if -res.fun > LP_TOL:
        return True, None
    # Dual of min c'z, A_eq z = t, z >= 0: A_eq' lam <= c, so v = -X lam is >= 0 and sums to >= 1.
    marginals = getattr(getattr(res, "eqlin", None), "marginals", None)
    return False, (None if marginals is None else -np.asarray(marginals, dtype=float))


def describe(ierr: int) -> tuple[str, str]:
    """Plain words (Dutch, English) for a check outcome."""
    if ierr == OK:
        return ("het model kan worden geschat", "the model can be estimated")
    parts_nl, parts_en = [], []
    if ierr & NO_MLE:
        parts_nl.append("de gegevens laten geen eindige schatting toe (de overlap tussen de lijsten is te klein)")
        parts_en.append("the data admit no finite estimate (the overlap between the lists is too small)")
    if ierr & NOT_IDENTIFIABLE:
        parts_nl.append("het model heeft meer onbekenden dan de gegevens kunnen bepalen")
        parts_en.append("the model has more unknowns than the data can determine")
    return ("; ".join(parts_nl), "; ".join(parts_en))
