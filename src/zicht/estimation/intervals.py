"""Confidence intervals: the BCa bootstrap (SparseMSE's estimatepopulation) and the profile likelihood
interval of a fixed model (Rcapture's closedpCI.t).

The normal and chi-square quantiles are SciPy's special functions, which `scipy.stats` itself calls
(`norm.ppf` is `ndtri`, `norm.cdf` is `ndtr`, `chi2.ppf(q, 1)` is `2 * gammaincinv(0.5, q)`): the same
numbers without importing `scipy.stats` (most of a second). `scipy.optimize` is imported by the profile
interval alone, the process pool by the bootstrap alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaincinv, gammaln, ndtr, ndtri, xlogy

from zicht.estimation import design as dz
from zicht.estimation.fit import Fit, fit_batch
from zicht.estimation.rstream import resamples, tidy_order
from zicht.estimation.select import select


@dataclass(frozen=True)
class Selector:
    """What to repeat in every resample (picklable, for the worker processes)."""

    t: int
    method: str
    model: frozenset | None = None
    pthresh: float = 0.02
    maxorder: int | None = None
    models: tuple | None = None  # the BIC search's model list, enumerated once

    def __call__(self, y: np.ndarray) -> float:
        fit = select(
            y, self.t, self.method, model=self.model, pthresh=self.pthresh, maxorder=self.maxorder, models=self.models
        )
        if fit is None or not np.isfinite(fit.estimate):
            return float("nan")
        return fit.estimate


@dataclass
class BCaResult:
    low: float
    high: float
    estimates: np.ndarray  # resample estimates, nan where dropped
    acceleration: float
    z0: float
    dropped: int


def type8_quantile(x: np.ndarray, q) -> np.ndarray:
    """R's quantile(type = 8) (median-unbiased)."""
    return np.quantile(np.asarray(x, dtype=float), q, method="median_unbiased")


def _task(selector: Selector, cells: np.ndarray, counts: np.ndarray, draws: np.ndarray, kind: str, i: int) -> float:
    y = np.zeros(2**selector.t - 1)
    if kind == "boot":
        y[cells] = draws[i]
    else:  # jackknife: one person with history i left out
        y[cells] = counts
        y[cells[i]] -= 1
    return selector(y)


def _chunk(selector, cells, counts, draws, tasks) -> list[tuple[str, int, float]]:
    return [(kind, i, _task(selector, cells, counts, draws, kind, i)) for kind, i in tasks]


def bca(
    selector: Selector,
    cells: np.ndarray,
    counts: np.ndarray,
    estimate: float,
    nboot: int = 1000,
    seed: int = 1234,
    level: float = 0.95,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BCaResult:
    """BCa interval with the selection repeated in each of `nboot` multinomial resamples of the observed
    people. `cells` are the observed histories' cell indices (0-based rows), `counts` their counts, in
    the table's row order. The resamples are R's (`set.seed(seed)`, then one `rmultinom` per resample
    over the rows in this order, as SparseMSE's estimatepopulation), drawn up front, so the result is
    SparseMSE's for the same table and seed and does not depend on `jobs`. For the BIC search the rows
    are first put in MultipleSystemsEstimation's order (`tidy_order`), as its bootstrap draws."""
    cells = np.asarray(cells, dtype=np.int64)
    counts = np.asarray(counts, dtype=float)
    if selector.method == "bic" and selector.model is None:
        # MultipleSystemsEstimation's BIC bootstrap draws over its tidy_lists order, not the rows.
        perm = tidy_order(cells, selector.t)
        cells, counts = cells[perm], counts[perm]
    draws = resamples(seed, counts, nboot)
    tasks = [("boot", i) for i in range(nboot)] + [("jack", j) for j in range(len(cells)) if counts[j] > 0]
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: dict[tuple[str, int], float] = {}
    total = len(tasks)
    if jobs == 1 or total < 20:
        step = max(1, total // 100)
        for k in range(0, total, step):
            for kind, i, v in _chunk(selector, cells, counts, draws, tasks[k : k + step]):
                results[(kind, i)] = v
            if progress:
                progress(len(results), total)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        nchunks = min(total, jobs * 16)
        chunks = [tasks[k::nchunks] for k in range(nchunks)]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
            futures = [pool.submit(_chunk, selector, cells, counts, draws, ch) for ch in chunks]
            for fut in as_completed(futures):
                for kind, i, v in fut.result():
                    results[(kind, i)] = v
                if progress:
                    progress(len(results), total)
    boot = np.array([results[("boot", i)] for i in range(nboot)])
    jack_idx = [j for j in range(len(cells)) if counts[j] > 0]
    jack = np.array([results[("jack", j)] for j in jack_idx])
    w = counts[jack_idx]
    a = acceleration(jack, w)
    usable = boot[np.isfinite(boot)]
    low, high, z0 = bca_limits(usable, estimate, a, level)
    return BCaResult(low, high, boot, a, z0, int(nboot - usable.size))


def acceleration(jack: np.ndarray, weights: np.ndarray) -> float:
    """Jackknife acceleration, each distinct history's leave-one-out estimate weighted by its count."""
    ok = np.isfinite(jack)
    if not ok.all() or weights.sum() <= 0:
        return 0.0  # cannot be computed: no acceleration (plain bias-corrected percentile interval)
    jr = np.sum(weights * jack) / np.sum(weights) - jack
    denom = np.sum(weights * jr**2)
    if denom <= 0:
        return 0.0
    return float(np.sum(weights * jr**3) / (6 * denom**1.5))


def bca_limits(boot: np.ndarray, estimate: float, a: float, level: float) -> tuple[float, float, float]:
    if boot.size == 0:
        return float("nan"), float("nan"), float("nan")
    # Strictly below, up to rounding: a resample whose counts give the same estimate (on Korea three of
    # 1000 do) must not count as below because its last bit differs, or z0 would depend on the arithmetic.
    share = float(np.mean(boot < estimate - 1e-9 * abs(estimate)))
    # SparseMSE would give NaN when no (or every) resample lies below; keep the interval finite.
    share = min(max(share, 0.5 / boot.size), 1 - 0.5 / boot.size)
    z0 = float(ndtri(share))
    alpha = np.array([(1 - level) / 2, 1 - (1 - level) / 2])
    za = ndtri(alpha) + z0
    zq = ndtr(z0 + za / (1 - a * za))
    low, high = type8_quantile(boot, zq)
    return float(low), float(high), z0


# --- profile likelihood ------------------------------------------------------------------------------


def _cormack(n0: float, N: float) -> float:
    """Rcapture's correction from the Poisson to the multinomial likelihood (Cormack 1992)."""
    if N > 100:
        if n0 == 0 or n0 == 1:
            return -N + 0.5 * np.log(2 * np.pi * N)
        return n0 - N - 0.5 * np.log(n0 / N)
    return float(xlogy(n0, n0) - gammaln(n0 + 1) + gammaln(N + 1) - xlogy(N, N))


def profile(fit: Fit, y: np.ndarray, level: float = 0.95, fmax: float = 3.0) -> tuple[float, float]:
    """{N : 2[l(N^) - l(N)] <= chi2_1(level)}, l the multinomial profile log-likelihood in N (the model
    refitted with the unseen cell's count N - n as data), as Rcapture's closedpCI.t."""
    from scipy.optimize import brentq, minimize_scalar

    st, t = fit.structure, fit.t
    y = np.asarray(y, dtype=float)
    n = float(y.sum())
    Xk = dz.design(t, list(st.finite))[st.keep]
    X = np.vstack([Xk, np.eye(1, Xk.shape[1])])  # the unseen cell: intercept only
    yk = np.append(y[st.keep], 0.0)
    keep = np.ones((1, X.shape[0]))
    state = {"beta": fit.beta.copy()}

    def ll(N: float) -> float:
        n0 = max(N - n, 0.0)
        yy = yk.copy()
        yy[-1] = n0
        beta, mu, _ = fit_batch(X[None], yy, keep, state["beta"][None])
        state["beta"] = beta[0]
        m = mu[0]
        dev = 2 * np.sum(xlogy(yy, yy) - xlogy(yy, m) - (yy - m))
        return -dev / 2 + _cormack(n0, N)

    Nhat = fit.estimate
    opt = minimize_scalar(lambda N: -ll(N), bounds=(n, 3 * Nhat), method="bounded", options={"xatol": 1e-6})
    Nmax, lmax = float(opt.x), -float(opt.fun)
    target = lmax - 2 * gammaincinv(0.5, level) / 2  # chi2.ppf(level, 1), as scipy.stats computes it

    def g(N: float) -> float:
        return ll(N) - target

    low = brentq(g, n, Nmax, xtol=1e-6) if g(n) < 0 else n
    hi_end = fmax * Nhat
    high = brentq(g, Nmax, hi_end, xtol=1e-6) if g(hi_end) < 0 else float("inf")
    return float(low), float(high)
