"""`estimate(table, ...)`: the whole estimation as the JSON of spec/estimation.md."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from zicht import __version__
from zicht.estimation import design as dz
from zicht.estimation.intervals import Selector, bca, profile
from zicht.estimation.select import bic_models, select
from zicht.estimation.sensitivity import alternatives
from zicht.estimation.table import CaptureTable

if TYPE_CHECKING:
    from zicht.contracts import Estimate

METHODS = ("stepwise", "bic")
CIS = ("bca", "profile", "none")


def round1(x: float) -> float:
    """Half away from zero, one decimal."""
    return float(Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _not_estimable(out: dict[str, Any], nl: str, en: str) -> Estimate:
    out.update(estimable=False, reason=nl, reason_en=en, model=None, bic=None, estimate=None, hidden=None, ci=None)
    return cast("Estimate", out)


def _sensitivity(y: np.ndarray, t: int, fit, out: dict) -> list[dict]:
    """The selected model and its best alternatives by BIC, lowest BIC first."""
    rows = [(float(fit.bic), out["model"], out["minus_infinity"], float(fit.hidden), True)]
    rows += [(a.bic, a.model, list(a.minus_infinity), a.hidden, False) for a in alternatives(y, t, fit)]
    rows.sort(key=lambda r: r[0])  # stable: the selected model first among equals
    return [
        {
            "model": model,
            "bic": round(bic, 4),
            "estimate": round1(out["observed"] + round1(hidden)),
            "hidden": round1(hidden),
            "selected": selected,
            "minus_infinity": neg,
        }
        for bic, model, neg, hidden, selected in rows
    ]


def estimate(
    table: CaptureTable,
    method: str = "stepwise",
    model: str | None = None,
    pthresh: float = 0.02,
    maxorder: int | None = None,
    ci: str = "bca",
    nboot: int = 1000,
    seed: int = 1234,
    level: float = 0.95,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    sensitivity: bool = False,
) -> Estimate:
    """Estimate the total number of people from `table`. Raises ValueError (ModelSyntaxError,
    TooManyModels) for wrong options; "not estimable" is an answer, not an exception.

    `sensitivity`: add the key "sensitivity", the selected model and the best alternatives by BIC, each
    {"model", "bic", "estimate", "hidden", "selected", "minus_infinity"}, lowest BIC first (`zicht.estimation.sensitivity`;
    empty when not estimable)."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}")
    if ci not in CIS:
        raise ValueError(f"unknown interval {ci!r}")
    if not 0 < level < 1:
        raise ValueError("level must lie between 0 and 1")
    if ci == "bca" and nboot < 1:
        raise ValueError("nboot must be at least 1")
    t = table.t
    shown_method = "fixed" if model is not None else method
    out: dict[str, Any] = {
        "lists": list(table.lists),
        "observed": table.observed,
        "estimable": True,
        "reason": None,
        "method": shown_method,
        "options": {
            "pthresh": pthresh if shown_method == "stepwise" else None,
            "maxorder": maxorder,
            "model": model,
        },
        "model": None,
        "bic": None,
        "estimate": None,
        "hidden": None,
        "ci": None,
        "table": [{"history": list(h), "count": c} for h, c in zip(table.histories, table.counts, strict=True)],
        "reason_en": None,
        "minus_infinity": [],
        "input_sha256": table.sha256(),
        "software": {"zicht": __version__},
        "settings": {"ci": ci, "nboot": nboot, "seed": seed, "level": level},
    }
    if sensitivity:
        out["sensitivity"] = []
    if t < 3:
        return _not_estimable(
            out,
            f"Er zijn maar {t} lijst(en) met mensen erop; een schatting van wie op geen enkele lijst staat vraagt er "
            "minstens drie.",
            f"Only {t} list(s) have anyone on them; estimating who is on no list needs at least three.",
        )
    fixed_model = dz.parse_model(model, t) if model is not None else None
    models = None
    if fixed_model is None and method == "bic":
        used = dz.default_maxorder(t) if maxorder is None else maxorder
        if used < 1:
            raise ValueError("maxorder must be at least 1")
        models = tuple(bic_models(t, used))  # raises TooManyModels
        out["options"]["maxorder"] = used
    y = table.cell_counts()
    fit = select(y, t, method, model=fixed_model, pthresh=pthresh, maxorder=maxorder, models=models)
    if fit is None:
        nl_what = "het gevraagde model" if fixed_model is not None else "geen enkel model"
        return _not_estimable(
            out,
            f"De lijsten overlappen te weinig of op een manier waardoor {nl_what} een betrouwbare schatting "
            "toelaat (de controle op het bestaan en de bepaalbaarheid van de schatting faalt).",
            f"The lists overlap too little, or in a way that {'the requested model does not' if fixed_model else 'no model'} "
            "allow a sound estimate (the existence and identifiability check fails).",
        )
    st = fit.structure
    finite_model = dz.closure(st.finite) | dz.main_effects(t)
    hidden = round1(fit.hidden)
    out.update(
        model=dz.format_model(finite_model, t),
        bic=round(float(fit.bic), 4),
        hidden=hidden,
        estimate=round1(table.observed + hidden),
        minus_infinity=[dz.format_model([a], t) for a in st.neg_inf],
    )
    if sensitivity:
        out["sensitivity"] = _sensitivity(y, t, fit, out)
    if ci == "bca":
        selector = Selector(t, method, fixed_model, pthresh, maxorder, models)
        rows, counts = table.observed_cells()
        res = bca(selector, rows, counts, fit.estimate, nboot, seed, level, jobs, progress)
        out["ci"] = {
            "level": level,
            "low": round1(res.low) if np.isfinite(res.low) else None,
            "high": round1(res.high) if np.isfinite(res.high) else None,
            "method": "bca",
            "nboot": nboot,
            "seed": seed,
            "dropped": res.dropped,
        }
        out["bootstrap"] = {"acceleration": res.acceleration, "z0": res.z0}
    elif ci == "profile":
        low, high = profile(fit, y, level)
        out["ci"] = {
            "level": level,
            "low": round1(low),
            "high": round1(high) if np.isfinite(high) else None,
            "method": "profile",
            "nboot": None,
            "seed": None,
            "dropped": None,
        }
    return cast("Estimate", out)  # its keys: tests/hardening/test_contracts.py
