"""The delivery formats, declared once (`spec/delivery-format.md`, version 1).

Validation, the CSV and XLSX templates, the Frictionless Table Schemas, the format documentation and
the storage tables are all generated from these declarations: change a format here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zicht.schema import codes as c

FORMAT_VERSION = 1

# Column kinds. `municipality` and `material` are checked against the region configuration (its
# municipalities; its catalogue of awareness materials, `zicht.schema.catalogue`).
TEXT, CODE, MULTI, DATE, INTEGER, PERSON, MUNICIPALITY, YEAR, MATERIAL = (
    "text",
    "code",
    "multi",
    "date",
    "integer",
    "person",
    "municipality",
    "year",
    "material",
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    help_nl: str
    help_en: str
    required: bool = False
    codes: tuple[str, ...] = ()
    # Required only on rows where another column has one of these values: (column, values).
    required_if: tuple[str, tuple[str, ...]] | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    # A date column that must fall in the delivery's year.
    in_year: bool = False
    # For `municipality`: values allowed besides the region's municipalities.
    extra_places: tuple[str, ...] = ()
    # For `date`: must not be before this other date column of the same row.
    not_before: str | None = None
    # Values must be unique within the delivery.
    unique: bool = False

    @property
    def multi(self) -> bool:
        return self.kind == MULTI


@dataclass(frozen=True)
class Dataset:
    name: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    columns: tuple[Column, ...]
    # Things that run across years: a delivery for Y holds the rows running at some time in Y.
    running: bool = False
    # Whether its rows are about people (disclosure control applies to its person counts).
    about_people: bool = False
    notes: tuple[str, ...] = field(default=())
    # (thing, start, end): two rows of the same thing may not overlap in time (one item, one loan at a time).
    no_overlap: tuple[str, str, str] | None = None

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(col.name for col in self.columns)


def _id() -> Column:
    return Column(
        "id",
        TEXT,
        "Eigen kenmerk van de aanleverende partij (1-64 tekens, uniek in de levering). Nooit een naam of BSN.",
        "The partner's own reference (1-64 characters, unique within the delivery). Never a name or BSN.",
        required=True,
        max_length=64,
        unique=True,
    )


def _persoon(required: bool = False) -> Column:
    return Column(
        "persoon",
        PERSON,
        "Gepseudonimiseerde persoonssleutel van `zicht pseudonymize` (64 hexadecimale tekens).",
        "Pseudonymised person key from `zicht pseudonymize` (64 hex characters).",
        required=required,
    )


def _datum_in_year(name: str = "datum") -> Column:
    return Column(
        name, DATE, "Datum, in het leveringsjaar.", "Date, in the delivery's year.", required=True, in_year=True
    )


def _vorm(required: bool = True, required_if=None, codes=c.VORM) -> Column:
    return Column(
        "vorm",
        CODE,
        "Vorm van uitbuiting.",
        "Form of exploitation.",
        required=required,
        codes=codes,
        required_if=required_if,
    )


def _leeftijdsgroep(required: bool = False) -> Column:
    return Column(
        "leeftijdsgroep",
        CODE,
        "Leeftijdsgroep van de betrokkene op dat moment.",
        "Age group of the person concerned at the time.",
        required=required,
        codes=c.LEEFTIJDSGROEP,
    )


def _gemeente(required: bool, extra=(c.REGIO_ONBEKEND, c.BUITEN_REGIO)) -> Column:
    return Column(
        "gemeente",
        MUNICIPALITY,
        "Gemeente van de regio" + (", of " + ", ".join(f"`{e}`" for e in extra) if extra else "") + ".",
        "A municipality of the region" + (", or " + ", ".join(f"`{e}`" for e in extra) if extra else "") + ".",
        required=required,
        extra_places=extra,
    )


def _period() -> tuple[Column, Column]:
    return (
        Column("startdatum", DATE, "Startdatum.", "Start date.", required=True),
        Column(
            "einddatum",
            DATE,
            "Einddatum, niet voor de startdatum; leeg zolang het loopt.",
            "End date, not before the start date; empty while running.",
            not_before="startdatum",
        ),
    )


def _organisaties(name: str, help_nl: str, help_en: str) -> Column:
    return Column(name, MULTI, help_nl, help_en, codes=c.ORGANISATIE)


def _opgave(required: bool) -> Column:
    return Column(
        "opgave",
        INTEGER,
        "Opgave van het actieplan, 1-5: " + "; ".join(f"{n} {nl.lower()}" for n, (nl, _) in c.OPGAVEN.items()) + ".",
        "Task of the action plan, 1-5: " + "; ".join(f"{n} {en.lower()}" for n, (_, en) in c.OPGAVEN.items()) + ".",
        required=required,
        minimum=1,
        maximum=5,
    )


def _free_text(name: str, limit: int, required: bool, help_nl: str, help_en: str) -> Column:
    return Column(name, TEXT, help_nl, help_en, required=required, max_length=limit)


MELDINGEN = Dataset(
    "meldingen",
    "Meldingen bij het meld- en adviespunt",
    "Contacts with the reporting and advice point",
    "Contacten met een meld- en adviespunt (ESSM): meldingen, hulpvragen van sekswerkers en preventieve gesprekken.",
    "Contacts with a reporting and advice point (ESSM): reports, sex workers' requests and preventive conversations.",
    (
        _id(),
        _datum_in_year(),
        Column(
            "soort",
            CODE,
            "`melding` (van (vermoedelijke) uitbuiting), `hulpvraag-sekswerk`, `preventief` (preventief gesprek).",
            "`melding` (a report of (suspected) exploitation), `hulpvraag-sekswerk` (a sex worker's request), "
            "`preventief` (preventive conversation).",
            required=True,
            codes=c.MELDING_SOORT,
        ),
        _vorm(required=False, required_if=("soort", ("melding",))),
        _leeftijdsgroep(required=True),
        _gemeente(required=True),
        Column(
            "kenmerken",
            MULTI,
            "Kenmerken van de melding, gescheiden door `|`.",
            "Characteristics of the report, separated by `|`.",
            codes=c.KENMERKEN,
        ),
        Column("melder", CODE, "Wie meldde.", "Who reported.", codes=c.MELDER),
        _persoon(),
    ),
    about_people=True,
)

TRAJECTEN = Dataset(
    "trajecten",
    "Begeleide cliënten",
    "Clients in care",
    "Trajecten van cliënten die door een zorgorganisatie (ESSM) begeleid worden; een levering voor jaar J "
    "bevat elk traject dat ergens in J liep.",
    "Trajectories of clients guided by a care organisation (ESSM); a delivery for year Y holds every "
    "trajectory that ran at some time in Y.",
    (
        _id(),
        _vorm(codes=c.TRAJECT_VORM),
        *_period(),
        _leeftijdsgroep(),
        _gemeente(required=False),
        _persoon(),
    ),
    running=True,
    about_people=True,
)

POLITIECONTACTEN = Dataset(
    "politiecontacten",
    "Politiecontacten (AVIM)",
    "Police contacts (AVIM)",
    "Informatieve gesprekken en aangiftes bij de afdeling mensenhandel van de politie (AVIM).",
    "Informative interviews and formal complaints at the police trafficking unit (AVIM).",
    (
        _id(),
        _datum_in_year(),
        Column(
            "soort",
            CODE,
            "`informatief-gesprek` of `aangifte`.",
            "`informatief-gesprek` (informative interview) or `aangifte` (formal complaint).",
            required=True,
            codes=c.POLITIE_SOORT,
        ),
        _vorm(),
        _leeftijdsgroep(),
        _persoon(),
    ),
    about_people=True,
)

RIEC_CASUSSEN = Dataset(
    "riec-casussen",
    "RIEC-casussen",
    "RIEC cases",
    "Casussen in het RIEC-samenwerkingsverband; een levering voor jaar J bevat elke casus die ergens in J liep.",
    "Cases in the RIEC partnership; a delivery for year Y holds every case that ran at some time in Y.",
    (
        _id(),
        *_period(),
        Column(
            "markten",
            MULTI,
            "Criminele markten van de casus, gescheiden door `|`.",
            "The case's criminal markets, separated by `|`.",
            required=True,
            codes=c.MARKTEN,
        ),
        Column(
            "inbrenger",
            CODE,
            "Organisatie die het signaal inbracht.",
            "Organisation that brought in the signal.",
            required=True,
            codes=c.ORGANISATIE,
        ),
        _organisaties(
            "partners",
            "Partners betrokken in de informatiefase, gescheiden door `|`.",
            "Partners involved in the information phase, separated by `|`.",
        ),
    ),
    running=True,
)

CONTROLES = Dataset(
    "controles",
    "Controles RCTM",
    "RCTM inspections",
    "Controles van het Regionaal Controleteam Mensenhandel (RCTM).",
    "Inspections of the regional trafficking inspection team (RCTM).",
    (
        _id(),
        _datum_in_year(),
        _gemeente(required=True, extra=()),
        Column("locatie", CODE, "Soort locatie.", "Kind of location.", codes=c.LOCATIE),
        Column(
            "bevindingen",
            MULTI,
            "Bevindingen, gescheiden door `|`.",
            "Findings, separated by `|`.",
            codes=c.BEVINDINGEN,
        ),
    ),
)

REGISTRATIES = Dataset(
    "registraties",
    "Registraties van (mogelijke) slachtoffers",
    "Registrations of (possible) victims",
    "(Mogelijke) slachtoffers geregistreerd door een andere organisatie (zorgcoördinatie, arbeidsinspectie, "
    "jeugdzorg, opvang). Elke aanleverende partij is een eigen lijst voor de schatting van het verborgen aantal.",
    "(Possible) victims registered by another organisation (care coordination, labour inspectorate, youth "
    "care, shelters). Each delivering partner is a list of its own for the estimate of the hidden number.",
    (
        _id(),
        _datum_in_year(),
        _vorm(),
        _leeftijdsgroep(),
        _gemeente(required=False),
        _persoon(required=True),
    ),
    about_people=True,
)

LANDELIJK = Dataset(
    "landelijk",
    "Landelijke cijfers (CoMensha)",
    "National figures (CoMensha)",
    "Landelijke cijfers zoals gepubliceerd: geregistreerde (mogelijke) slachtoffers per vorm en totaal.",
    "National figures as published: registered (possible) victims per form and in total.",
    (
        Column(
            "jaar", YEAR, "Jaar, gelijk aan het leveringsjaar.", "Year, equal to the delivery's year.", required=True
        ),
        Column(
            "vorm",
            CODE,
            "Vorm van uitbuiting, of `totaal`; elk hooguit één keer.",
            "Form of exploitation, or `totaal`; each at most once.",
            required=True,
            codes=c.LANDELIJK_VORM,
            unique=True,
        ),
        Column("aantal", INTEGER, "Aantal (geheel getal ≥ 0).", "Number (whole number ≥ 0).", required=True, minimum=0),
        Column(
            "bron",
            TEXT,
            "De publicatie waaruit het getal komt.",
            "The publication the number was taken from.",
            max_length=500,
        ),
    ),
)

ACTIES = Dataset(
    "acties",
    "Acties van het regionaal actieplan",
    "Actions of the regional action plan",
    "De acties van het Regionaal Actieplan Mensenhandel met hun status in het jaar.",
    "The actions of the regional action plan with their status in the year.",
    (
        _id(),
        _opgave(required=True),
        _free_text("titel", 200, True, "Titel van de actie (≤ 200 tekens).", "Title of the action (≤ 200 characters)."),
        Column(
            "status",
            CODE,
            "`gepland`, `lopend`, `gereed` of `uitgesteld`.",
            "`gepland` (planned), `lopend` (running), `gereed` (done) or `uitgesteld` (postponed).",
            required=True,
            codes=c.STATUS,
        ),
        Column("eigenaar", CODE, "Eigenaar van de actie.", "Owner of the action.", codes=c.ORGANISATIE),
        _free_text("toelichting", 2000, False, "Toelichting (≤ 2.000 tekens).", "Explanation (≤ 2,000 characters)."),
    ),
)

INITIATIEVEN = Dataset(
    "initiatieven",
    "Lokale initiatieven",
    "Local initiatives",
    "Lokale initiatieven van de gemeenten: trainingen, bijeenkomsten, campagnes.",
    "Local initiatives of the municipalities: trainings, meetings, campaigns.",
    (
        _id(),
        _gemeente(required=True, extra=(c.REGIO,)),
        _datum_in_year(),
        _free_text("titel", 200, True, "Titel (≤ 200 tekens).", "Title (≤ 200 characters)."),
        Column("soort", CODE, "Soort initiatief.", "Kind of initiative.", required=True, codes=c.INITIATIEF_SOORT),
        _opgave(required=False),
        _organisaties("partners", "Betrokken partners, gescheiden door `|`.", "Partners involved, separated by `|`."),
        Column("bereik", INTEGER, "Aantal bereikte mensen.", "Number of people reached.", minimum=0),
        _free_text("omschrijving", 2000, False, "Omschrijving (≤ 2.000 tekens).", "Description (≤ 2,000 characters)."),
    ),
)

UITLENINGEN = Dataset(
    "uitleningen",
    "Uitleningen van bewustwordingsmateriaal",
    "Loans of awareness materials",
    "De uitleningen van het bewustwordingsmateriaal van de regio (VR-brillen, Koffer Verkeerd) die in het jaar "
    "begonnen. Bijgehouden in de webapplicatie (/uitleen/): elke bevestiging, uitgifte en terugname is een nieuwe "
    "versie van de levering van dat jaar.",
    "The loans of the region's awareness materials (VR headsets, the Koffer Verkeerd) that started in the year. "
    "Kept by the web application (/uitleen/): every confirmation, handover and return is a new version of that "
    "year's delivery.",
    (
        _id(),
        Column(
            "materiaal",
            MATERIAL,
            "Het uitgeleende materiaal: een code uit de catalogus van de regio ([uitleen] in het regiobestand).",
            "The material lent: a code of the region's catalogue ([uitleen] in the region file).",
            required=True,
        ),
        Column(
            "startdatum",
            DATE,
            "Eerste dag van de uitlening, in het leveringsjaar.",
            "First day of the loan, in the delivery's year.",
            required=True,
            in_year=True,
        ),
        Column(
            "einddatum",
            DATE,
            "Laatste dag van de uitlening, niet voor de startdatum.",
            "Last day of the loan, not before the start date.",
            required=True,
            not_before="startdatum",
        ),
        _gemeente(required=True, extra=(c.REGIO, c.BUITEN_REGIO)),
        Column(
            "organisatie",
            CODE,
            "De organisatie die het materiaal leende.",
            "The organisation that borrowed the material.",
            required=True,
            codes=c.ORGANISATIE,
        ),
        Column(
            "status",
            CODE,
            "`bevestigd`, `uitgegeven` (opgehaald) of `teruggebracht`.",
            "`bevestigd` (confirmed), `uitgegeven` (handed over) or `teruggebracht` (returned).",
            required=True,
            codes=c.UITLEEN_STATUS,
        ),
        Column(
            "bereik",
            INTEGER,
            "Aantal mensen dat met het materiaal bereikt is (na het terugbrengen).",
            "Number of people reached with the material (after its return).",
            minimum=0,
        ),
        _free_text(
            "doelgroep",
            200,
            False,
            "Voor wie het materiaal werd ingezet, bijvoorbeeld wijkteams of scholieren (≤ 200 tekens).",
            "Who the material was used with, e.g. neighbourhood teams or pupils (≤ 200 characters).",
        ),
    ),
    no_overlap=("materiaal", "startdatum", "einddatum"),
)

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        MELDINGEN,
        TRAJECTEN,
        POLITIECONTACTEN,
        RIEC_CASUSSEN,
        CONTROLES,
        REGISTRATIES,
        LANDELIJK,
        ACTIES,
        INITIATIEVEN,
        UITLENINGEN,
    )
}


def get_dataset(name: str) -> Dataset:
    """The dataset declared under `name` (exact, lower-case names as in the spec)."""
    return DATASETS[name]
