"""The data the parts hand each other, as types: the indicator JSON (spec/indicators.md) and the estimate
(spec/estimation.md). Plain dicts at run time (they are JSON and stored as JSON), typed for the reader and
for mypy: a function that takes `Indicators` says which keys it may rely on.

`tests/hardening/test_contracts.py` checks real outputs against these types, so the types cannot drift
from what the code produces.
"""

# No `from __future__ import annotations` here: TypedDict reads NotRequired from evaluated annotations.
from typing import Literal, NotRequired, TypedDict

# -- indicators (spec/indicators.md) ------------------------------------------------------------


class IndicatorValue(TypedDict):
    indicator: str
    dimensions: dict[str, str]  # empty for the total
    value: int | None  # None only when suppressed
    suppressed: NotRequired[bool]  # present (and True) only on a value disclosure control suppressed


class IndicatorChange(TypedDict):
    indicator: str
    previous: int | None  # None when the indicator is absent the year before
    value: int
    change: float | None  # (value - previous) / previous, 3 decimals; None when previous is None or 0
    wording: str | None  # "lichte stijging", ...; None with change


class Indicators(TypedDict):
    """`zicht.indicators.compute` and `zicht indicators --json`; an undelivered indicator is absent."""

    region: str
    year: int
    values: list[IndicatorValue]
    changes: list[IndicatorChange]
    public: NotRequired[bool]  # True once disclosure control made it public (`suppress_indicators`)


# -- the estimate (spec/estimation.md) ----------------------------------------------------------


class EstimateOptions(TypedDict):
    pthresh: float | None
    maxorder: int | None
    model: str | None


class Interval(TypedDict):
    level: float
    low: float | None
    high: float | None
    method: Literal["bca", "profile"]
    nboot: int | None
    seed: int | None
    dropped: int | None


class HistoryCount(TypedDict):
    history: list[int]
    count: int


class Alternative(TypedDict):
    """One row of the sensitivity: a model, its BIC and estimate; `selected` marks the chosen one."""

    model: str
    bic: float
    estimate: float
    hidden: float
    selected: bool
    minus_infinity: list[str]


class ListCount(TypedDict):
    list: str
    count: int
    only_this_list: int


class PairCount(TypedDict):
    lists: list[str]
    count: int


class Overlap(TypedDict):
    """How the lists overlap (`zicht.estimation.linkage.overlap_summary`): for analysts and the report."""

    observed: int
    lists: list[ListCount]
    pairs: list[PairCount]
    on_more_lists: int
    on_one_list: int


class Estimate(TypedDict):
    """`zicht.estimation.estimate` and `zicht estimate --json`. Not estimable: `estimable` False, `reason`
    and `reason_en` say why, and `model`, `bic`, `estimate`, `hidden` and `ci` are None."""

    lists: list[str]
    observed: int
    estimable: bool
    reason: str | None
    reason_en: str | None
    method: Literal["stepwise", "bic", "fixed"]
    options: EstimateOptions
    model: str | None
    bic: float | None
    estimate: float | None
    hidden: float | None
    ci: Interval | None
    table: list[HistoryCount]
    minus_infinity: list[str]
    input_sha256: str
    software: dict[str, str]
    settings: dict[str, object]
    sensitivity: NotRequired[list[Alternative]]  # with `sensitivity=True`
    bootstrap: NotRequired[dict[str, float]]  # with a BCa interval: acceleration, z0
    overlap: NotRequired[Overlap]  # the year's estimate (`estimate_year`)
    source: NotRequired[dict[str, int]]  # `zicht estimate --year`: {"year": Y}
