"""The indicator registry: every figure of the monitor, its counting rule and its breakdowns.

`spec/indicators.md` is the contract. Each indicator counts the records of the current deliveries
of one dataset for one year (validation guarantees that every row of a delivery for Y is in Y, or
running in Y). A dimension is either a column of the record, a value derived from columns (herkomst,
rubriek, instroom, startjaar), the delivering partner (aanleverder), or the codes of a multi-valued
column (kenmerk, bevinding, markt, partner), which are counted from the column's child table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from zicht.region import Region
from zicht.schema import codes as c
from zicht.schema.datasets import DATASETS


@dataclass(frozen=True)
class Context:
    region: Region
    year: int
    dataset: str


@dataclass(frozen=True)
class Dimension:
    """A way to split a count: the grain fields it needs, how to derive it, and what it enumerates."""

    name: str
    needs: tuple[str, ...]
    values: Callable[[Context, pd.DataFrame], list[str]]
    derive: Callable[[pd.DataFrame, Context], pd.Series] | None = None
    # The multi-valued column whose codes this dimension is (counted through its child table).
    multi: str | None = None

    def series(self, frame: pd.DataFrame, ctx: Context) -> pd.Series:
        if self.derive is not None:
            return self.derive(frame, ctx)
        return frame[self.needs[0]]


@dataclass(frozen=True)
class Indicator:
    name: str
    dataset: str
    help_nl: str
    help_en: str
    rule: str
    breakdowns: tuple[tuple[str, ...], ...]
    # Multi-valued columns joined for every count: the unit is then (record, code) or (record, code, code).
    unit: tuple[str, ...] = ()
    # "count" of units, or the sum of an integer column.
    measure: str = "count"
    about_people: bool = False


def _codes(column: str, dataset: str | None = None):
    def values(ctx: Context, frame: pd.DataFrame) -> list[str]:
        declared = DATASETS[dataset or ctx.dataset].column(column)
        if declared.minimum is not None and declared.maximum is not None:
            return [str(n) for n in range(declared.minimum, declared.maximum + 1)]
        return [code for code in declared.codes if code != "totaal"]

    return values


def _places(ctx: Context, frame: pd.DataFrame) -> list[str]:
    return [*ctx.region.municipality_names, *DATASETS[ctx.dataset].column("gemeente").extra_places]


def _herkomst(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    place = frame["gemeente"]
    return pd.Series(
        [
            None
            if p is None or p != p
            else "centrumgemeente"
            if p == ctx.region.central
            else p
            if p in (c.REGIO_ONBEKEND, c.BUITEN_REGIO)
            else "regio"
            for p in place
        ],
        index=frame.index,
        dtype=object,
    )


_NAMED_FORMS = ("seksuele-uitbuiting", "criminele-uitbuiting")


def _rubriek_meldingen(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    soort, vorm = frame["soort"], frame["vorm"]
    named = vorm.where(vorm.isin(_NAMED_FORMS), "overige-uitbuiting")
    return soort.where(soort != "melding", named).astype(object)


def _rubriek_trajecten(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    vorm = frame["vorm"]
    keep = vorm.isin((*_NAMED_FORMS, "preventief"))
    return vorm.where(keep, "overige-uitbuiting").astype(object)


def _instroom(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    started = pd.to_numeric(frame["startjaar"])
    return pd.Series(["doorlopend" if y < ctx.year else "nieuw" for y in started], index=frame.index, dtype=object)


def _startjaar(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    return pd.to_numeric(frame["startjaar"]).astype("int64").astype(str).astype(object)


def _startjaren(ctx: Context, frame: pd.DataFrame) -> list[str]:
    return sorted({str(int(y)) for y in frame["startjaar"].dropna()})


def _opgave(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    return frame["opgave"].map(lambda v: None if v is None or v != v else str(int(v)))


def _materials(ctx: Context, frame: pd.DataFrame) -> list[str]:
    """The region's catalogue, then any other item the deliveries name (an item since removed from it)."""
    from zicht.schema.catalogue import material_codes

    known = list(material_codes(ctx.region))
    seen = sorted({m for m in frame["materiaal"].dropna() if m not in known}) if "materiaal" in frame else []
    return known + seen


def _fixed(*values: str):
    return lambda ctx, frame: list(values)


def _column(name: str) -> Dimension:
    return Dimension(name, (name,), _codes(name))


# Dimensions by name; a dataset-specific meaning is keyed by (dataset, name).
DIMENSIONS: dict[str | tuple[str, str], Dimension] = {
    "soort": _column("soort"),
    "vorm": _column("vorm"),
    "leeftijdsgroep": _column("leeftijdsgroep"),
    "inbrenger": _column("inbrenger"),
    "locatie": _column("locatie"),
    "status": _column("status"),
    "organisatie": _column("organisatie"),
    "materiaal": Dimension("materiaal", ("materiaal",), _materials),
    "opgave": Dimension("opgave", ("opgave",), _codes("opgave"), _opgave),
    "gemeente": Dimension("gemeente", ("gemeente",), _places),
    "herkomst": Dimension(
        "herkomst", ("gemeente",), _fixed("centrumgemeente", "regio", c.REGIO_ONBEKEND, c.BUITEN_REGIO), _herkomst
    ),
    ("meldingen", "rubriek"): Dimension(
        "rubriek",
        ("soort", "vorm"),
        _fixed("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting", "hulpvraag-sekswerk", "preventief"),
        _rubriek_meldingen,
    ),
    ("trajecten", "rubriek"): Dimension(
        "rubriek",
        ("vorm",),
        _fixed("seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting", "preventief"),
        _rubriek_trajecten,
    ),
    "instroom": Dimension("instroom", ("startjaar",), _fixed("doorlopend", "nieuw"), _instroom),
    "startjaar": Dimension("startjaar", ("startjaar",), _startjaren, _startjaar),
    "aanleverder": Dimension(
        "aanleverder", ("aanleverder",), lambda ctx, frame: list(ctx.region.partners_for(ctx.dataset))
    ),
    "kenmerk": Dimension("kenmerk", ("kenmerken",), _codes("kenmerken", "meldingen"), multi="kenmerken"),
    "bevinding": Dimension("bevinding", ("bevindingen",), _codes("bevindingen", "controles"), multi="bevindingen"),
    "markt": Dimension("markt", ("markten",), _codes("markten", "riec-casussen"), multi="markten"),
    "partner": Dimension("partner", ("partners",), _codes("partners", "riec-casussen"), multi="partners"),
}


def dimension(dataset: str, name: str) -> Dimension:
    return DIMENSIONS.get((dataset, name)) or DIMENSIONS[name]


REGISTRY: dict[str, Indicator] = {
    i.name: i
    for i in (
        Indicator(
            "meldingen",
            "meldingen",
            "Contacten met het meld- en adviespunt: meldingen, hulpvragen van sekswerkers en preventieve gesprekken.",
            "Contacts with the reporting and advice point: reports, sex workers' requests and preventive talks.",
            "rows of `meldingen` in Y",
            (
                ("herkomst",),
                ("gemeente",),
                ("rubriek",),
                ("rubriek", "leeftijdsgroep"),
                ("soort",),
                ("kenmerk",),
                ("rubriek", "leeftijdsgroep", "kenmerk"),
            ),
            about_people=True,
        ),
        Indicator(
            "trajecten",
            "trajecten",
            "Cliënten begeleid door de zorgorganisatie: trajecten die ergens in het jaar liepen.",
            "Clients guided by the care organisation: trajectories running at some time in the year.",
            "trajectories running in Y",
            (("rubriek",), ("instroom",), ("rubriek", "instroom")),
            about_people=True,
        ),
        Indicator(
            "politiecontacten",
            "politiecontacten",
            "Informatieve gesprekken en aangiftes bij de politie (de eenheid mensenhandel).",
            "Informative interviews and formal complaints at the police trafficking unit.",
            "rows of `politiecontacten` in Y",
            (("soort",), ("vorm",), ("soort", "vorm")),
            about_people=True,
        ),
        Indicator(
            "riec-casussen",
            "riec-casussen",
            "Casussen mensenhandel en -smokkel in het RIEC-samenwerkingsverband die in het jaar liepen.",
            "Trafficking and smuggling cases in the RIEC partnership running in the year.",
            "RIEC cases running in Y",
            (("startjaar",), ("inbrenger",)),
        ),
        Indicator(
            "riec-markten",
            "riec-casussen",
            "Casussen per criminele markt (een casus met twee markten telt twee keer).",
            "Cases per criminal market (a case with two markets counts twice).",
            "(case, market) pairs of cases running in Y",
            (("markt",), ("startjaar", "markt")),
            unit=("markten",),
        ),
        Indicator(
            "riec-partners",
            "riec-casussen",
            "Betrokken ketenpartners per criminele markt in de informatiefase.",
            "Partners involved per criminal market in the information phase.",
            "(case, market, partner) triples of cases running in Y",
            (("markt", "partner"),),
            unit=("markten", "partners"),
        ),
        Indicator(
            "controles",
            "controles",
            "Controles van het regionale controleteam mensenhandel.",
            "Inspections of the regional trafficking inspection team.",
            "RCTM inspections in Y",
            (("gemeente",), ("locatie",), ("bevinding",)),
        ),
        Indicator(
            "registraties",
            "registraties",
            "(Mogelijke) slachtoffers geregistreerd door andere organisaties.",
            "(Possible) victims registered by other organisations.",
            "rows of `registraties` in Y",
            (("aanleverder",), ("vorm",), ("leeftijdsgroep",)),
            about_people=True,
        ),
        Indicator(
            "landelijk",
            "landelijk",
            "Landelijk aantal geregistreerde (mogelijke) slachtoffers (CoMensha), zoals gepubliceerd.",
            "National number of registered (possible) victims (CoMensha), as published.",
            "the delivered national figure for Y: the `totaal` row, else the sum over `vorm`",
            (("vorm",),),
            measure="aantal",
        ),
        Indicator(
            "acties",
            "acties",
            "Acties van het regionaal actieplan.",
            "Actions of the regional action plan.",
            "actions of the action plan for Y",
            (("opgave",), ("opgave", "status")),
        ),
        Indicator(
            "initiatieven",
            "initiatieven",
            "Lokale initiatieven van de gemeenten.",
            "Local initiatives of the municipalities.",
            "local initiatives in Y",
            (("gemeente",), ("soort",), ("opgave",)),
        ),
        Indicator(
            "uitleningen",
            "uitleningen",
            "Uitleningen van bewustwordingsmateriaal (VR-brillen, Koffer Verkeerd) die in het jaar begonnen.",
            "Loans of awareness materials (VR headsets, the Koffer Verkeerd) that started in the year.",
            "loans of `uitleningen` starting in Y",
            (("materiaal",), ("gemeente",), ("organisatie",), ("materiaal", "organisatie")),
        ),
        Indicator(
            "uitleningen-bereik",
            "uitleningen",
            "Mensen bereikt met uitgeleend bewustwordingsmateriaal, zoals na het terugbrengen genoteerd.",
            "People reached with awareness materials on loan, as noted after their return.",
            "the sum of `bereik` over the loans starting in Y (a loan without `bereik` adds nothing)",
            (("materiaal",), ("gemeente",)),
            measure="bereik",
        ),
    )
}
