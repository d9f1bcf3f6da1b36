"""The bundled demo deliveries: synthetic records for regio Rotterdam, 2022-2024 (landelijk 2019-2024).

Deterministic (seeded RNGs): `python -m zicht.demo.generate` rewrites `deliveries/` and `manifest.json`.
The records are invented. They are built to give exactly the figures the 2024 monitor (the seed) and
the 2023 edition publish (`spec/indicators.md`); every other value is synthetic. Things that run across
years (trajectories, RIEC cases) are generated once and each year's delivery is cut from them. Person
keys come from a simulated hidden population of about 550 victims a year, seen by four lists (ESSM,
AVIM, ZORGCOORDINATIE, NLA), with a mild positive dependence between ESSM and ZORGCOORDINATIE, so that
`zicht estimate` lands near the 500-600 of the 2023 edition. The VAR's narrative files and loans come from
`plan.py`.
Controles and landelijk draw from streams of their own, so changing them leaves the people alone.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from zicht.demo.plan import ACTIES, INITIATIEVEN, UITLENINGEN
from zicht.region import load_region
from zicht.schema.datasets import DATASETS

HERE = Path(__file__).parent
SEED = 9  # chosen so that the default (stepwise) estimate lands in 500-600 in each year
YEARS = (2022, 2023, 2024)
POPULATION = 550  # hidden victims a year; the 2023 edition's rough regional estimate was 500-600
# Forms of the people ESSM did not see (sexual, labour, criminal, other): ESSM sees mostly sexual exploitation.
UNSEEN_FORMS = (0.5, 0.28, 0.14, 0.08)
# Capture chances: ZORGCOORDINATIE (seen by ESSM, not seen by ESSM); NLA (labour, other forms).
CAPTURE = {"ZC": (0.36, 0.16), "NLA": (0.2, 0.05)}
SEX, CRIM, OTHER, PREV = "seksuele-uitbuiting", "criminele-uitbuiting", "overige-uitbuiting", "preventief"
ADULT, MINOR = "meerderjarig", "minderjarig"

# --- Seed figures. Seed ch. 2 "Regionale cijfers ESSM" (2024); 2023 edition: meldingen 2023 = 130. ---
# meldingen per cell (sex adult, sex minor, other adult, other minor, crim adult, crim minor,
# hulpvraag-sekswerk, preventief adult, preventief minor). 2022 and all splits of 2023 are synthetic.
MELDING_CELLS = ((SEX, ADULT), (SEX, MINOR), (OTHER, ADULT), (OTHER, MINOR), (CRIM, ADULT), (CRIM, MINOR),
                 ("hulpvraag-sekswerk", ADULT), (PREV, ADULT), (PREV, MINOR))  # fmt: skip
MELDINGEN = {
    2022: (40, 6, 5, 0, 4, 2, 36, 11, 14),  # 118, synthetic
    2023: (42, 7, 6, 1, 6, 3, 38, 12, 15),  # 130
    2024: (57, 9, 8, 0, 10, 5, 52, 18, 20),  # 179
}
# herkomst (Rotterdam, other municipality, regio-onbekend, buiten-regio); 2024 from the seed.
HERKOMST_CODES = ("centrumgemeente", "regio", "regio-onbekend", "buiten-regio")
HERKOMST = {2022: (78, 29, 7, 4), 2023: (86, 32, 8, 4), 2024: (121, 44, 10, 4)}
# Seed: kenmerken of the 2024 meldingen per (rubriek, leeftijdsgroep); the other years follow suit.
KENMERKEN = {
    (SEX, ADULT): ("loverboymethode", "vrijwilligheid-onduidelijk", "beperking"),
    (SEX, MINOR): ("loverboymethode",),
    (CRIM, ADULT): ("drugs", "bankrekening"),
    (CRIM, MINOR): ("drugs", "bankrekening"),
}
# "Overige meldingen ... bedelarij, niet betaald voor arbeid, ronselen: 8 in totaal": kenmerk -> vorm.
OTHER_KINDS = (("bedelarij", "overig"), ("onbetaalde-arbeid", "arbeidsuitbuiting"), ("ronselen", "overig"))

# --- Trajectories (seed ch. 2: 167 clients in 2024, per vorm doorlopend/nieuw; 2023 edition: 148, 143). ---
# (start year, last year running, count or counts per rubriek (SEX, CRIM, OTHER, PREV)); 2021 = before
# 2022. Running 2022: 40+5+3+55+35+5 = 143; 2023: 5+3+35+5+55+45 = 148; 2024: 3+5+45+114 = 167 with
# doorlopend 2+3+33 = 38 (sex), 2 (crim), 1+1+4 = 6 (other), 1+6 = 7 (prev).
TRAJECTEN = (
    (2021, 2022, 40), (2021, 2023, 5), (2021, 2024, (2, 0, 1, 0)),
    (2022, 2022, 55), (2022, 2023, 35), (2022, 2024, (3, 0, 1, 1)),
    (2023, 2023, 55), (2023, 2024, (33, 2, 4, 6)),
    (2024, 2024, (77, 11, 7, 19)),
)  # fmt: skip
RUBRIEKEN = (SEX, CRIM, OTHER, PREV)
# Seed: 2024 per rubriek (doorlopend uit 2023, nieuw in 2024); the plan above must add up to these.
TRAJECTEN_2024 = {SEX: (38, 77), CRIM: (2, 11), OTHER: (6, 7), PREV: (7, 19)}

# --- AVIM (seed ch. 2: 2024 criminele uitbuiting 8 gesprekken, 2 aangiftes; 2023 edition: aangiftes
# 2023 = 27, 2022 = 23). Per soort: counts per vorm (sex, arbeid, crim, onbekend); the rest synthetic.
AVIM = {
    2022: {"informatief-gesprek": (33, 11, 4, 3), "aangifte": (15, 5, 1, 2)},
    2023: {"informatief-gesprek": (36, 12, 5, 3), "aangifte": (17, 6, 2, 2)},
    2024: {"informatief-gesprek": (38, 12, 8, 4), "aangifte": (19, 7, 2, 2)},
}
AVIM_VORMEN = (SEX, "arbeidsuitbuiting", CRIM, "onbekend")

# --- RCTM (seed ch. 2: 19 controles in 2024; 2022 and 2023 synthetic). ---
CONTROLES = {2022: 14, 2023: 16, 2024: 19}

# --- RIEC (seed ch. 2): running 2024 = 11 (politie 5, gemeente 2, IND/NLA/Belastingdienst/FIOD 4);
# 2023 = 4; one 2023 case has arbeidsuitbuiting and mensensmokkel, so 12 (case, market) pairs in 2024.
_BPG = "Belastingdienst|politie|gemeente"
RIEC = (  # id, startdatum, einddatum, markten, inbrenger, partners
    ("RIEC-MH-2021-07", "2021-09-14", "2022-06-30", SEX, "politie", _BPG + "|OM"),
    ("RIEC-MH-2022-02", "2022-03-08", "2023-05-26", "arbeidsuitbuiting", "gemeente", _BPG + "|NLA"),
    ("RIEC-MH-2022-05", "2022-10-17", "2024-04-12", CRIM, "politie", _BPG + "|OM"),
    ("RIEC-MH-2023-03", "2023-02-20", "", "arbeidsuitbuiting|mensensmokkel", "IND", _BPG + "|IND|UWV"),
    ("RIEC-MH-2023-06", "2023-09-04", "", SEX, "politie", _BPG),
    ("RIEC-MH-2024-01", "2024-01-22", "", SEX, "politie", _BPG + "|OM"),
    ("RIEC-MH-2024-02", "2024-02-13", "2024-11-29", "arbeidsuitbuiting", "NLA", _BPG + "|NLA|UWV"),
    ("RIEC-MH-2024-03", "2024-03-18", "", CRIM, "politie", _BPG + "|OM"),
    ("RIEC-MH-2024-04", "2024-04-09", "", "mensensmokkel", "FIOD", "Belastingdienst|politie|FIOD|KMar"),
    ("RIEC-MH-2024-05", "2024-05-27", "", SEX, "gemeente", _BPG),
    ("RIEC-MH-2024-06", "2024-06-24", "", CRIM, "gemeente", _BPG + "|onderwijs"),
    ("RIEC-MH-2024-07", "2024-09-02", "", "arbeidsuitbuiting", "Belastingdienst", _BPG + "|NLA"),
    ("RIEC-MH-2024-08", "2024-10-14", "", SEX, "politie", "Belastingdienst|politie"),
)

# --- The other published figures the data above must give (seed ch. 2; 2022/2023: the 2023 edition).
# A list as a dimension value is the sum over those cells ("in de overige gevallen ... IND, NLA, ...").
PUBLISHED = (
    ("meldingen", {}, 2024, 179), ("meldingen", {}, 2023, 130),
    ("trajecten", {}, 2024, 167), ("trajecten", {}, 2023, 148), ("trajecten", {}, 2022, 143),
    ("politiecontacten", {"soort": "informatief-gesprek", "vorm": CRIM}, 2024, 8),
    ("politiecontacten", {"soort": "aangifte", "vorm": CRIM}, 2024, 2),
    ("politiecontacten", {"soort": "aangifte"}, 2023, 27), ("politiecontacten", {"soort": "aangifte"}, 2022, 23),
    ("riec-casussen", {}, 2024, 11), ("riec-casussen", {}, 2023, 4), ("riec-markten", {}, 2024, 12),
    ("riec-casussen", {"inbrenger": "politie"}, 2024, 5), ("riec-casussen", {"inbrenger": "gemeente"}, 2024, 2),
    ("riec-casussen", {"inbrenger": ["IND", "NLA", "Belastingdienst", "FIOD"]}, 2024, 4),
    ("controles", {}, 2024, 19),
)  # fmt: skip

# --- National figures (spec/indicators.md: Nationaal Rapporteur from CoMensha's registrations). ---
LANDELIJK = {2019: 1334, 2020: 984, 2021: 791, 2022: 814, 2023: 868, 2024: 944}
LANDELIJK_SHARES = ((SEX, 0.52), ("arbeidsuitbuiting", 0.29), (CRIM, 0.13), ("overig", 0.03))  # synthetic
BRON = "Nationaal Rapporteur Mensenhandel, registraties CoMensha (totaal); verdeling per vorm synthetisch (demo)"


@dataclass(eq=False)
class Person:
    key: str
    form: str  # latent form: a vorm code (seksuele-, arbeids-, criminele uitbuiting, overig)
    age: str
    gemeente: str


class Demo:
    def __init__(self, seed: int = SEED) -> None:
        self.seed, self.rng = seed, random.Random(seed)
        region = load_region("regio-rotterdam")
        self.central = region.central
        self.others = [m for m in region.municipalities if m.name != region.central]
        self.all_places = list(region.municipalities)

    # -- small helpers --
    def day(self, year: int, first: date | None = None, last: date | None = None, rng=None) -> date:
        first, last = first or date(year, 1, 1), last or date(year, 12, 31)
        return first + timedelta((rng or self.rng).randrange((last - first).days + 1))

    def municipality(self, central_weight: float = 0.0, rng=None) -> str:
        """A municipality of the region, by population (the central one with an extra weight)."""
        places = self.all_places if central_weight else self.others
        weights = [m.population * (1 + central_weight * (m.name == self.central)) for m in places]
        return (rng or self.rng).choices(places, weights)[0].name

    def place(self) -> str:
        r = self.rng.random()
        if r < 0.05:
            return "regio-onbekend" if r < 0.035 else "buiten-regio"
        return self.central if r < 0.68 else self.municipality()

    def person(self, form: str, age: str, gemeente: str | None = None) -> Person:
        return Person(f"{self.rng.getrandbits(256):064x}", form, age, gemeente or self.place())

    # -- ESSM --
    def meldingen(self, year: int) -> list[dict]:
        cells = [cell for cell, n in zip(MELDING_CELLS, MELDINGEN[year], strict=True) for _ in range(n)]
        c, r, u, b = HERKOMST[year]
        places = [self.central] * c + [self.municipality() for _ in range(r)]
        places += ["regio-onbekend"] * u + ["buiten-regio"] * b
        self.rng.shuffle(places)
        others = list(OTHER_KINDS) * 10
        rows = []
        for (rubriek, age), gemeente in zip(cells, places, strict=True):
            row = {"datum": self.day(year), "leeftijdsgroep": age, "gemeente": gemeente, "_rubriek": rubriek}
            if rubriek in (SEX, CRIM, OTHER):
                row |= {
                    "soort": "melding",
                    "melder": self.rng.choice(["slachtoffer", "naaste", "professional", "anoniem"]),
                }
                if rubriek == OTHER:
                    row["kenmerken"], row["vorm"] = others.pop(0)
                else:
                    pool = KENMERKEN[(rubriek, age)]
                    chosen = self.rng.sample(pool, min(len(pool), self.rng.choice((1, 1, 2))))
                    row |= {"vorm": rubriek, "kenmerken": "|".join(sorted(chosen, key=pool.index))}
                keyed, form = row["melder"] != "anoniem", row["vorm"]
            else:  # hulpvraag-sekswerk and preventief: mostly without a person key
                melders = ["overig", "anoniem"] if rubriek != PREV else ["professional", "naaste"]
                row |= {"soort": rubriek, "melder": self.rng.choice(melders)}
                keyed = self.rng.random() < 0.12
                form = SEX if rubriek != PREV or not keyed else self.rng.choice((SEX, CRIM))
            if keyed:
                row["_person"] = self.person(form, age, gemeente)
            rows.append(row)
        return numbered(rows, f"ESSM-M-{year}-{{:04d}}")

    def trajectories(self) -> list[dict]:
        """The one set of trajectories running at some time in 2022-2024 (persons assigned per year)."""
        out = []
        for start, last, counts in TRAJECTEN:
            rubrieken = (
                [self.rng.choices(RUBRIEKEN, (0.66, 0.08, 0.09, 0.17))[0] for _ in range(counts)]
                if isinstance(counts, int)
                else [r for r, n in zip(RUBRIEKEN, counts, strict=True) for _ in range(n)]
            )
            for rubriek in rubrieken:
                minor_share = {SEX: 0.2, CRIM: 0.35, OTHER: 0.03, PREV: 0.6}[rubriek]
                t = {"_rubriek": rubriek, "leeftijdsgroep": MINOR if self.rng.random() < minor_share else ADULT}
                t["vorm"] = rubriek if rubriek != OTHER else self.rng.choice(["arbeidsuitbuiting"] * 4 + ["overig"])
                begin = self.day(2021, date(2020, 3, 1), date(2021, 12, 20)) if start == 2021 else self.day(start)
                if last == 2024 and self.rng.random() > 0.35:
                    end = None  # still running when the 2024 delivery was made
                else:
                    end = self.day(last, max(begin, date(last, 1, 1)))
                t["startdatum"], t["einddatum"] = begin, end
                out.append(t)
        for year in sorted({t["startdatum"].year for t in out}):
            mine = sorted((t for t in out if t["startdatum"].year == year), key=lambda t: t["startdatum"])
            for i, t in enumerate(mine, 1):
                t["id"] = f"ESSM-T-{year}-{i:04d}"
        return sorted(out, key=lambda t: t["id"])

    def assign_persons(self, trajectories: list[dict], year: int, meldingen: list[dict]) -> None:
        """Persons for the trajectories that start in `year` (2022: and before); some follow a melding."""
        keyed = [m for m in meldingen if "_person" in m]
        new = [t for t in trajectories if "_person" not in t and t["startdatum"].year <= year]
        self.rng.shuffle(new)
        for t in new:
            matches = [m for m in keyed if m["_rubriek"] == t["_rubriek"] and m["datum"] < t["startdatum"]]
            if matches and self.rng.random() < 0.4:
                m = self.rng.choice(matches)
                keyed.remove(m)
                t["_person"], t["leeftijdsgroep"], t["gemeente"] = m["_person"], m["leeftijdsgroep"], m["gemeente"]
                continue
            form = {OTHER: "arbeidsuitbuiting", PREV: self.rng.choice((SEX, CRIM))}.get(t["_rubriek"], t["_rubriek"])
            t["_person"] = self.person(form, t["leeftijdsgroep"])
            t["gemeente"] = t["_person"].gemeente

    # -- the hidden population and the other lists --
    def population(self, seen: list[Person], previous: list[Person]) -> list[Person]:
        population = list(dict.fromkeys(seen))
        known = set(population)
        population += [p for p in previous if p not in known and self.rng.random() < 0.3]
        while len(population) < POPULATION:
            form = self.rng.choices((SEX, "arbeidsuitbuiting", CRIM, "overig"), UNSEEN_FORMS)[0]
            population.append(self.person(form, MINOR if self.rng.random() < 0.18 else ADULT))
        return population

    def politiecontacten(self, year: int, population: list[Person]) -> list[dict]:
        rows, talked = [], {}
        for soort, counts in AVIM[year].items():
            for vorm, n in zip(AVIM_VORMEN, counts, strict=True):
                form = "overig" if vorm == "onbekend" else vorm
                free = [p for p in population if p.form == form and p not in talked]
                earlier = [p for p, v in talked.items() if v == vorm]
                for _ in range(n):
                    if soort == "aangifte" and earlier and self.rng.random() < 0.6:
                        person = earlier.pop(self.rng.randrange(len(earlier)))
                    else:
                        person = free.pop(self.rng.randrange(len(free)))
                        talked[person] = vorm
                    row = {"datum": self.day(year), "soort": soort, "vorm": vorm, "leeftijdsgroep": person.age}
                    if self.rng.random() > 0.05:  # a few without a key (no date of birth known)
                        row["persoon"] = person.key
                    rows.append(row)
        return numbered(rows, f"AVIM-PC-{year}-{{:04d}}")

    def registraties(self, year: int, population: list[Person], essm: set[Person], prefix: str) -> list[dict]:
        rows = []
        for p in population:
            if prefix == "ZC":  # mild positive dependence with ESSM (care coordination refers and is referred)
                chance = CAPTURE["ZC"][0] if p in essm else CAPTURE["ZC"][1]
            else:
                chance = CAPTURE["NLA"][0] if p.form == "arbeidsuitbuiting" else CAPTURE["NLA"][1]
            if self.rng.random() < chance:
                for _ in range(2 if self.rng.random() < 0.12 else 1):
                    vorm = p.form if self.rng.random() < 0.92 else "onbekend"
                    if prefix == "NLA" and self.rng.random() < 0.5:  # the inspectorate sees labour first
                        vorm = "arbeidsuitbuiting"
                    row = {"datum": self.day(year), "vorm": vorm, "leeftijdsgroep": p.age, "gemeente": p.gemeente}
                    rows.append(row | {"persoon": p.key})
        return numbered(rows, f"{prefix}-{year}-{{:04d}}")

    # -- the aggregates and the VAR's files --
    def controles(self, year: int) -> list[dict]:
        rng, rows = random.Random(f"{self.seed}:controles:{year}"), []  # own stream: leaves the people alone
        for _ in range(CONTROLES[year]):
            found = rng.choices(["niet-vergund", "geen", "signalen"], (0.68, 0.22, 0.1))[0]
            if found == "niet-vergund":
                found += "|bestuurlijke-handhaving" if rng.random() < 0.4 else ""
            elif found == "signalen":
                found = "niet-vergund|signalen-slachtofferschap|intake-politie" + (
                    "|noodopvang" if rng.random() < 0.5 else ""
                )
            rows.append({
                "datum": self.day(year, rng=rng),
                "gemeente": self.municipality(central_weight=1.5, rng=rng),
                "locatie": rng.choices(["seksinrichting", "prive-adres", "hotel", "escort", "online"], (4, 3, 2, 1, 1))[0],
                "bevindingen": found,
            })  # fmt: skip
        return numbered(rows, f"RCTM-{year}-{{:03d}}")

    def landelijk(self, year: int) -> list[dict]:
        total, rng = LANDELIJK[year], random.Random(f"{self.seed}:landelijk:{year}")
        counts = {vorm: round(total * (share + rng.uniform(-0.02, 0.02))) for vorm, share in LANDELIJK_SHARES}
        counts = {"totaal": total} | counts | {"onbekend": total - sum(counts.values())}
        return [{"jaar": year, "vorm": vorm, "aantal": n, "bron": BRON} for vorm, n in counts.items()]


def numbered(rows: list[dict], id_format: str) -> list[dict]:
    """Rows in date order, with ids in that order."""
    rows.sort(key=lambda row: row["datum"])
    for i, row in enumerate(rows, 1):
        row["id"] = id_format.format(i)
    return rows


def table(columns: str, tuples) -> list[dict]:
    return [dict(zip(columns.split(), t, strict=True)) for t in tuples]


def running(row: dict, year: int) -> bool:
    end = row["einddatum"]
    return str(row["startdatum"]) <= f"{year}-12-31" and (not end or str(end) >= f"{year}-01-01")


def generate(seed: int = SEED) -> dict[tuple[int, str, str], list[dict]]:
    """Every demo delivery: (year, partner, dataset) -> rows (declared columns; extra `_` keys are dropped)."""
    demo = Demo(seed)
    trajectories = demo.trajectories()
    out: dict[tuple[int, str, str], list[dict]] = {}
    for year in range(2019, 2022):
        out[(year, "VAR", "landelijk")] = demo.landelijk(year)
    previous: list[Person] = []
    for year in YEARS:
        meldingen = demo.meldingen(year)
        demo.assign_persons(trajectories, year, meldingen)
        trajecten = [t for t in trajectories if running(t, year)]
        seen = [m["_person"] for m in meldingen if "_person" in m] + [t["_person"] for t in trajecten]
        population = demo.population(seen, previous)
        previous = population
        for row in meldingen + trajecten:
            if "_person" in row:
                row["persoon"] = row["_person"].key
        out[(year, "ESSM", "meldingen")] = meldingen
        out[(year, "ESSM", "trajecten")] = trajecten
        out[(year, "AVIM", "politiecontacten")] = demo.politiecontacten(year, population)
        cases = table("id startdatum einddatum markten inbrenger partners", RIEC)
        out[(year, "RIEC", "riec-casussen")] = [c for c in cases if running(c, year)]
        out[(year, "RCTM", "controles")] = demo.controles(year)
        out[(year, "ZORGCOORDINATIE", "registraties")] = demo.registraties(year, population, set(seen), "ZC")
        out[(year, "NLA", "registraties")] = demo.registraties(year, population, set(seen), "NLA")
        out[(year, "VAR", "landelijk")] = demo.landelijk(year)
        acties = table("opgave titel status eigenaar toelichting", ACTIES[year])
        out[(year, "VAR", "acties")] = [a | {"id": f"VAR-A-{year}-{i:02d}"} for i, a in enumerate(acties, 1)]
        initiatieven = table("gemeente datum titel soort opgave partners bereik omschrijving", INITIATIEVEN[year])
        out[(year, "VAR", "initiatieven")] = numbered(initiatieven, f"VAR-I-{year}-{{:02d}}")
        if year in UITLENINGEN:  # the returned loans of the awareness materials
            loans = table("materiaal startdatum einddatum gemeente organisatie bereik doelgroep", UITLENINGEN[year])
            out[(year, "VAR", "uitleningen")] = [
                loan | {"id": f"VAR-U-{year}-{i:02d}", "status": "teruggebracht"}
                for i, loan in enumerate(sorted(loans, key=lambda loan: loan["startdatum"]), 1)
            ]
    return out


def seed_figures() -> list[dict]:
    """The published values the demo reproduces, with where they come from."""
    figs = list(PUBLISHED)
    figs += [("meldingen", {"herkomst": h}, 2024, n) for h, n in zip(HERKOMST_CODES, HERKOMST[2024], strict=True)]
    for (rubriek, age), n in zip(MELDING_CELLS, MELDINGEN[2024], strict=True):
        dims = {"rubriek": rubriek} | ({} if rubriek == "hulpvraag-sekswerk" else {"leeftijdsgroep": age})
        figs.append(("meldingen", dims, 2024, n))
    for rubriek, (doorlopend, nieuw) in TRAJECTEN_2024.items():
        figs.append(("trajecten", {"rubriek": rubriek, "instroom": "doorlopend"}, 2024, doorlopend))
        figs.append(("trajecten", {"rubriek": rubriek, "instroom": "nieuw"}, 2024, nieuw))
    out = [
        {"indicator": i, "dimensions": d, "year": y, "value": v, "source": "seed" if y == 2024 else "2023 edition"}
        for i, d, y, v in figs
    ]
    out += [
        {"indicator": "landelijk", "dimensions": {}, "year": y, "value": v, "source": "seed",
         "note": "Nationaal Rapporteur from CoMensha's registrations, as given in spec/indicators.md"}
        for y, v in LANDELIJK.items()
    ]  # fmt: skip
    return out


def cell(value) -> str:
    return "" if value is None else str(value)


def write_all(out_dir: Path) -> list[Path]:
    """Write every delivery and the manifest under `out_dir`; returns the paths written."""
    out_dir = Path(out_dir)
    written, deliveries = [], []
    for (year, partner, dataset), rows in sorted(generate().items(), key=lambda kv: kv[0][0]):
        name = f"{year}/{partner}.{dataset}.csv"
        path = out_dir / "deliveries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        columns = DATASETS[dataset].column_names
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([cell(row.get(c)) for c in columns] for row in rows)
        written.append(path)
        deliveries.append({"year": year, "partner": partner, "dataset": dataset, "file": name, "by": "demo"})
    manifest = {
        "region": "regio-rotterdam",
        "note": "Demo deliveries with synthetic records (invented people, dates and keys), consistent with the "
        "published Monitor Mensenhandel regio Rotterdam 2024. Generated by zicht.demo.generate.",
        "synthetic": "Only the values under `figures` are published figures; every other value in these files is "
        "invented. A `dimensions` value that is a list stands for the sum over those cells.",
        "deliveries": deliveries,
        "figures": seed_figures(),
    }
    path = out_dir / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [*written, path]


def main() -> None:
    paths = write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"{len(paths)} files written under {paths[-1].parent}")


if __name__ == "__main__":
    main()
