"""R's random stream for the bootstrap: `set.seed(seed)` then `rmultinom(1, n, counts)` per resample.

SparseMSE's `estimatepopulation` draws its resamples this way, so with the same table (rows in the
same order) and seed the resamples, and hence the BCa interval, are exactly R's. That matters: with
z0 around -1 (New Orleans) the lower BCa limit is the smallest of the 1000 resample estimates, whose
Monte Carlo spread is far wider than any sensible tolerance, so a published interval can only be
checked on the same stream.

Ported from R's sources: src/main/RNG.c (RNG_Init, MT_genrand, fixup: the default Mersenne-Twister),
src/nmath/rbinom.c (Kachitvichyanukul & Schmeiser's BTPE, with inversion when n*p < 30; the formula as
in R up to 4.5), src/nmath/rmultinom.c (sequential binomials with a long double running total) and
stats' do_rmultinom (probabilities divided by their sum).
"""

from __future__ import annotations

import math

import numpy as np

_I2_32M1 = 2.328306437080797e-10  # 1 / (2^32 - 1)


class RStream:
    """R's default generator after `set.seed(seed)` (Mersenne-Twister, BTPE binomials)."""

    def __init__(self, seed: int):
        s = seed & 0xFFFFFFFF
        for _ in range(50):  # RNG_Init's initial scrambling
            s = (69069 * s + 1) & 0xFFFFFFFF
        state = []
        for _ in range(625):  # i_seed[0] is mti (then set to 624), i_seed[1..624] the MT state
            s = (69069 * s + 1) & 0xFFFFFFFF
            state.append(s)
        self._mt = np.random.MT19937()
        self._mt.state = {
            "bit_generator": "MT19937",
            "state": {"key": np.array(state[1:], dtype=np.uint32), "pos": 624},
        }
        self._psave, self._nsave = -1.0, -1  # rbinom's setup is redone only when (n, p) change
        self._setup: tuple = ()

    def unif(self) -> float:
        v = float(self._mt.random_raw()) * 2.3283064365386963e-10
        if v <= 0.0:
            return 0.5 * _I2_32M1
        if 1.0 - v <= 0.0:
            return 1.0 - 0.5 * _I2_32M1
        return v

    def rbinom(self, n: int, pp: float) -> int:
        if n == 0 or pp == 0.0:
            return 0
        if pp == 1.0:
            return n
        p = min(pp, 1.0 - pp)
        q = 1.0 - p
        np_ = n * p
        r = p / q
        g = r * (n + 1)
        if pp != self._psave or n != self._nsave:
            self._psave, self._nsave = pp, n
            self._setup = (_pow_di(q, n),) if np_ < 30.0 else _btpe_setup(n, p, q, np_)
        ix = self._inversion(g, r) if np_ < 30.0 else self._btpe(n, p, q, g, r)
        return n - ix if self._psave > 0.5 else ix

    def _inversion(self, g: float, r: float) -> int:
        (qn,) = self._setup
        while True:
            ix, f, u = 0, qn, self.unif()
            while True:
                if u < f:
                    return ix
                if ix > 110:
                    break
                u -= f
                ix += 1
                f *= g / ix - r

    def _btpe(self, n: int, p: float, q: float, g: float, r: float) -> int:
        m, fm, npq, p1, p2, p3, p4, c, xm, xl, xr, xll, xlr = self._setup
        while True:
            u = self.unif() * p4
            v = self.unif()
            if u <= p1:  # triangular region
                return int(xm - p1 * v + u)
            if u <= p2:  # parallelogram
                x = xl + (u - p1) / c
                v = v * c + 1.0 - abs(xm - x) / p1
                if v > 1.0 or v <= 0.0:
                    continue
                ix = int(x)
            elif u > p3:  # right tail
                ix = int(xr - math.log(v) / xlr)
                if ix > n:
                    continue
                v = v * (u - p3) * xlr
            else:  # left tail
                ix = int(xl + math.log(v) / xll)
                if ix < 0:
                    continue
                v = v * (u - p2) * xll
            k = abs(ix - m)
            if k <= 20 or k >= npq / 2 - 1:
                f = 1.0
                if m < ix:
                    for i in range(m + 1, ix + 1):
                        f *= g / i - r
                elif m != ix:
                    for i in range(ix + 1, m + 1):
                        f /= g / i - r
                if v <= f:
                    return ix
                continue
            amaxp = (k / npq) * ((k * (k / 3.0 + 0.625) + 0.1666666666666) / npq + 0.5)
            ynorm = -k * k / (2.0 * npq)
            alv = math.log(v)
            if alv < ynorm - amaxp:
                return ix
            if alv <= ynorm + amaxp:
                x1, f1, z, w = ix + 1.0, fm + 1.0, n + 1 - fm, n - ix + 1.0
                bound = (
                    xm * math.log(f1 / x1)
                    + (n - m + 0.5) * math.log(z / w)
                    + (ix - m) * math.log(w * p / (x1 * q))
                    + _stirling(f1)
                    + _stirling(z)
                    + _stirling(x1)
                    + _stirling(w)
                )
                if alv <= bound:
                    return ix

    def rmultinom(self, size: int, prob) -> np.ndarray:
        """One draw of R's `rmultinom(1, size, prob)`."""
        prob = [float(x) for x in prob]
        total = sum(x for x in prob if x > 0)
        prob = [x / total for x in prob]
        out = np.zeros(len(prob), dtype=np.int64)
        p_tot = np.longdouble(0)
        for x in prob:
            p_tot += np.longdouble(x)
        n = size
        for k in range(len(prob) - 1):
            if prob[k] != 0.0:
                pp = float(np.longdouble(prob[k]) / p_tot)
                out[k] = self.rbinom(n, pp) if pp < 1.0 else n
                n -= int(out[k])
            if n <= 0:
                return out
            p_tot -= np.longdouble(prob[k])
        out[-1] = n
        return out


def _pow_di(x: float, n: int) -> float:
    """R_pow_di: x^n by repeated squaring (bit-for-bit as R)."""
    xn = 1.0
    while True:
        if n & 1:
            xn *= x
        n >>= 1
        if not n:
            return xn
        x *= x


def _btpe_setup(n: int, p: float, q: float, np_: float) -> tuple:
    ffm = np_ + p
    m = int(ffm)
    fm = float(m)
    npq = np_ * q
    p1 = int(2.195 * math.sqrt(npq) - 4.6 * q) + 0.5
    xm = fm + 0.5
    xl, xr = xm - p1, xm + p1
    c = 0.134 + 20.5 / (15.3 + fm)
    al = (ffm - xl) / (ffm - xl * p)
    xll = al * (1.0 + 0.5 * al)
    al = (xr - ffm) / (xr * q)
    xlr = al * (1.0 + 0.5 * al)
    p2 = p1 * (1.0 + c + c)
    p3 = p2 + c / xll
    p4 = p3 + c / xlr
    return m, fm, npq, p1, p2, p3, p4, c, xm, xl, xr, xll, xlr


def _stirling(a: float) -> float:
    a2 = a * a
    return (13860.0 - (462.0 - (132.0 - (99.0 - 140.0 / a2) / a2) / a2) / a2) / a / 166320.0


def resamples(seed: int, counts, nboot: int) -> np.ndarray:
    """(nboot, len(counts)) multinomial resamples of sum(counts) people, as R's loop
    `set.seed(seed); for (j in 1:nboot) rmultinom(1, sum(counts), counts)`."""
    counts = np.asarray(counts, dtype=float)
    n = int(round(counts.sum()))
    stream = RStream(seed)
    return np.array([stream.rmultinom(n, counts) for _ in range(nboot)], dtype=np.int64).reshape(nboot, len(counts))


def tidy_order(cells, t: int) -> np.ndarray:
    """The order of MultipleSystemsEstimation's tidy_lists (over which its BIC bootstrap draws): by the
    number of lists, then list 1 before list 2 and so on (A, B, C, AB, AC, BC, ABC). `cells` are
    0-based cell rows (cell code - 1); returns the permutation that puts them in that order."""
    codes = [int(c) + 1 for c in cells]
    keys = [(code.bit_count(), tuple(-((code >> i) & 1) for i in range(t))) for code in codes]
    return np.array(sorted(range(len(codes)), key=keys.__getitem__), dtype=np.int64)
