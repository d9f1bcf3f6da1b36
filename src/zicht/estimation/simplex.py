"""A small dense simplex for the Fienberg-Rinaldo LP, so that a quick estimate need not load SciPy's LP.

Why: `zicht estimate` on a small table should take at most half a second end to end (issue 10), and
importing `scipy.optimize` for `linprog` alone costs about 0.15 s, far more than the LPs it solves. The
LPs of `checks.exists_lp` are small (a row per model parameter, a column per kept cell) and their data
are small integers, so a two-phase tableau simplex in NumPy solves them exactly enough.

Its answers are never taken on trust: `solve` gives a decision only with a proof checked against the
original data, a feasible point with s clearly above the threshold for "the MLE exists", a dual `d`
with v = X d >= 0 on every cell, 0 on the positive cells and summing to at least 1 for "it does not".
Otherwise (iteration cap, a basis that does not solve, an optimum near the threshold) it returns None
and the caller asks HiGHS. Dantzig's rule, switching for good to Bland's after a run of degenerate
pivots, so it cannot cycle.
"""

from __future__ import annotations

import numpy as np

MAX_PARAMS = 64  # larger problems go to HiGHS
MAX_CELLS = 256
PIVOT_TOL = 1e-9  # smallest pivot element taken
COST_TOL = 1e-9  # a reduced cost below -COST_TOL can still improve the objective
FEAS_TOL = 1e-9  # a basic solution this far below 0, or off the margins (relative), is not accepted
BAND = 100.0  # an optimum s within a factor BAND of the threshold is left to HiGHS
PIVOTS = 20  # at most PIVOTS x (rows + columns) pivots a phase, then HiGHS (a guard: 1-2 x rows is usual)


def small_enough(X: np.ndarray) -> bool:
    return X.shape[1] <= MAX_PARAMS and X.shape[0] <= MAX_CELLS


def dual_holds(X: np.ndarray, positive: np.ndarray, d: np.ndarray, tol: float) -> bool:
    """v = X d is >= 0 on every cell, 0 on the positive cells and sums to at least 1 (all within tol)."""
    v = X @ d
    if not np.isfinite(v).all():
        return False
    return bool(v.min() >= -tol and np.abs(v[positive]).max(initial=0.0) <= tol and v.sum() >= 1 - tol)


def solve(X: np.ndarray, positive: np.ndarray, tol: float) -> tuple[bool, np.ndarray | None] | None:
    """Maximise s subject to A w + s A1 = A y, w >= 0, s >= 0 (A = X', y the 0/1 pattern `positive`).

    (True, None) when the optimum is above `tol` (a checked feasible point shows it), (False, d) when it
    is 0 and d, the dual solution, passes `dual_holds`; None when there is no such clear answer."""
    A = np.asarray(X, dtype=float).T
    m, ncell = A.shape
    n = ncell + 1  # the cells' w and s
    A_eq = np.hstack([A, A.sum(axis=1, keepdims=True)])
    b = A @ positive.astype(float)
    c = np.zeros(n)
    c[-1] = -1.0  # minimise -s

    # Phase 1: an artificial variable per row (rows signed so that b >= 0), minimise their sum.
    sign = np.where(b < 0, -1.0, 1.0)
    T = np.zeros((m + 1, n + m + 1))
    T[:m, :n] = A_eq * sign[:, None]
    T[:m, n : n + m] = np.eye(m)
    T[:m, -1] = b * sign
    T[m, :n] = -T[:m, :n].sum(axis=0)
    T[m, -1] = -T[:m, -1].sum()
    basis = np.arange(n, n + m)
    limit = PIVOTS * (m + n)
    if not _simplex(T, basis, n + m, limit):
        return None
    if -T[m, -1] > FEAS_TOL * (1 + np.abs(b).sum()):
        return None  # infeasible: cannot happen (w = y, s = 0 is feasible), so numerical trouble

    # Artificials still basic (at 0) leave for a real column; a row where none can enter is redundant.
    rows = np.ones(m, dtype=bool)
    for i in map(int, np.flatnonzero(basis >= n)):
        j = int(np.argmax(np.abs(T[i, :n])))
        if abs(T[i, j]) > PIVOT_TOL:
            _pivot(T, i, j)
            basis[i] = j
        else:
            rows[i] = False
    keep = np.append(rows, True)
    T = np.hstack([T[keep][:, :n], T[keep][:, -1:]])
    basis = basis[rows]
    k = len(basis)

    # Phase 2: the real objective over the real columns.
    T[k, :n] = c - c[basis] @ T[:k, :n]
    T[k, -1] = -(c[basis] @ T[:k, -1])
    if not _simplex(T, basis, n, limit):
        return None

    # The answer from the basis and the original data (not the updated tableau), then checked.
    B = A_eq[rows][:, basis]
    try:
        xB = np.linalg.solve(B, b[rows])
        lam = np.linalg.solve(B.T, c[basis])
    except np.linalg.LinAlgError:
        return None
    scale = 1 + np.abs(b).max(initial=0.0)
    if xB.min(initial=0.0) < -FEAS_TOL * scale or np.abs(A_eq[:, basis] @ xB - b).max() > FEAS_TOL * scale:
        return None
    s = float(xB[basis == n - 1].sum())
    if s > tol * BAND:
        return True, None
    if s > tol / BAND:
        return None
    d = np.zeros(m)
    d[rows] = -lam  # dual of min c'z, A_eq z = b, z >= 0: A_eq' lam <= c, so v = -X lam
    if not dual_holds(X, positive, d, tol):
        return None
    return False, d


def _simplex(T: np.ndarray, basis: np.ndarray, ncols: int, limit: int) -> bool:
    """Pivot the tableau (constraint rows, then the reduced costs with -objective last) to an optimum
    over columns [0, ncols). False when it does not get there within `limit` pivots (or is unbounded)."""
    m = T.shape[0] - 1
    bland = False
    degenerate = 0
    for _ in range(limit):
        r = T[m, :ncols]
        if bland:
            improving = np.flatnonzero(r < -COST_TOL)
            if improving.size == 0:
                return True
            j = int(improving[0])
        else:
            j = int(np.argmin(r))
            if r[j] >= -COST_TOL:
                return True
        col = T[:m, j]
        ok = col > PIVOT_TOL
        if not ok.any():
            return False  # unbounded: cannot happen here (the intercept row bounds every variable)
        ratio = np.full(m, np.inf)
        ratio[ok] = T[:m, -1][ok] / col[ok]
        best = ratio.min()
        ties = np.flatnonzero(ratio <= best + 1e-12 * (1 + abs(best)))
        i = int(ties[np.argmin(basis[ties])] if bland else ties[np.argmax(col[ties])])
        if best <= 1e-12:
            degenerate += 1
            bland = bland or degenerate > m
        else:
            degenerate = 0
        _pivot(T, i, j)
        basis[i] = j
    return False


def _pivot(T: np.ndarray, i: int, j: int) -> None:
    T[i] /= T[i, j]
    f = T[:, j].copy()
    f[i] = 0.0
    T -= np.outer(f, T[i])
    T[:, j] = 0.0
    T[i, j] = 1.0
    rhs = T[:-1, -1]
    rhs[np.abs(rhs) < 1e-12] = 0.0  # keep degenerate rows exactly degenerate
