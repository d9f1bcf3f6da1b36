"""Starting a region: a commented region file to fill in, and a check that reports every problem at once.

`zicht region new FILE` writes `template()`; `zicht region check FILE` prints `check_file(path)`: every
problem with where it is and what to do, in Dutch and English. Loading a region (`zicht.region`) stops
at the first problem; this check is for the analyst filling in a file, who wants them all.
The checks of the feature tables (routes, [meldroutekaart], [web], [retention], [open_data], [uitleen])
live in `zicht.regionfile_features`.

Pure: no Django.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from zicht.region import PARTNER_WORDS, SECTION_TEXTS
from zicht.regionfile_features import check_features, text_setting, unknown_setting
from zicht.schema.codes import normalize_code, normalize_place
from zicht.schema.datasets import DATASETS

# The tables and settings a region file may have (a feature with settings of its own adds its table).
KNOWN = {
    "slug",
    "name",
    "organisation",
    "central",
    "municipalities",
    "partners",
    "wording",
    "disclosure",
    "estimation",
    "report_routes",
    "web",
    "open_data",
    "meldroutekaart",
    "uitleen",
    "retention",
}
# The settings of each table (a setting not listed is a problem, with a hint when it looks like a typo).
PARTNER_KEYS = {"code", "name", "datasets", "sections", *(f"{w}{en}" for w in PARTNER_WORDS for en in ("", "_en"))}
SECTION_KEYS = {f"{t}{en}" for t in SECTION_TEXTS for en in ("", "_en")}
# Datasets whose section of the monitor has a heading and a paragraph of the partner's own.
SECTION_DATASETS = ("meldingen", "politiecontacten", "riec-casussen", "controles")
MUNICIPALITY_KEYS = {"name", "aliases", "cbs", "population"}
TABLE_KEYS = {
    "disclosure": {"k", "sensitive_gemeente_datasets"},
    "estimation": {"publish", "lists"},
    "retention": {"years"},
    "web": {"theme"},
    "open_data": {"license", "source", "keywords"},
    "uitleen": {"max_dagen", "materialen", "organisaties"},
}
WORDING_ORDER = ("sterke_stijging", "stijging", "lichte_stijging", "lichte_daling", "daling", "sterke_daling")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CBS = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class Problem:
    where: str  # the setting, e.g. `partners[2].datasets`
    nl: str
    en: str

    def lines(self) -> str:
        return f"- {self.where}: {self.nl}\n  {self.where}: {self.en}"


def check_file(path: str | Path) -> list[Problem]:
    """Every problem of a region file (empty: it is ready to use)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return [Problem(str(path), "het bestand bestaat niet.", "the file does not exist.")]
    except UnicodeDecodeError:
        return [
            Problem(str(path), "het bestand is geen UTF-8-tekst; sla het op als UTF-8.", "the file is not UTF-8 text.")
        ]
    except tomllib.TOMLDecodeError as error:
        return [
            Problem(
                str(path),
                f"geen geldige TOML ({error}); kijk naar die regel: aanhalingstekens, = en [tabellen].",
                f"not valid TOML ({error}); look at that line: quotes, = and [tables].",
            )
        ]
    return check(data)


def check(data: dict) -> list[Problem]:
    """Every problem of a parsed region file."""
    problems: list[Problem] = []

    def say(where: str, nl: str, en: str) -> None:
        problems.append(Problem(where, nl, en))

    for key in data:
        if key not in KNOWN:
            hint = difflib.get_close_matches(key, sorted(KNOWN), n=1)
            tip_nl = f" Bedoelt u {hint[0]}?" if hint else ""
            tip_en = f" Did you mean {hint[0]}?" if hint else ""
            say(key, f"onbekende instelling.{tip_nl}", f"unknown setting.{tip_en}")
    for key in ("slug", "name", "central"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            say(key, "ontbreekt of is geen tekst.", "missing or not text.")
    if "organisation" in data and (not isinstance(data["organisation"], str) or not data["organisation"].strip()):
        say("organisation", "moet een tekst zijn.", "must be text.")
    if isinstance(data.get("slug"), str) and data["slug"] and not SLUG.match(data["slug"]):
        say(
            "slug",
            "alleen kleine letters, cijfers en koppeltekens (bijv. regio-utrecht).",
            "lowercase letters, digits and hyphens only (e.g. regio-utrecht).",
        )
    names = _municipalities(data, say)
    central = data.get("central")
    if isinstance(central, str) and names and normalize_place(central) not in names:
        say("central", f"{central!r} staat niet bij de gemeenten.", f"{central!r} is not among the municipalities.")
    partners = _partners(data, say)
    _wording(data.get("wording", {}), say)
    for name, keys in TABLE_KEYS.items():
        if isinstance(data.get(name), dict):
            unknown_setting(name, data[name], keys, say)
    _disclosure(data.get("disclosure", {}), say)
    _estimation(data.get("estimation", {}), say)
    check_features(data, partners, say)
    return problems


def _table_list(data: dict, key: str, say) -> list[dict]:
    items = data.get(key)
    if items is None:
        say(key, f"ontbreekt: voeg [[{key}]]-tabellen toe.", f"missing: add [[{key}]] tables.")
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        say(key, f"moet een lijst van [[{key}]]-tabellen zijn.", f"must be a list of [[{key}]] tables.")
        return []
    if not items:
        say(key, "is leeg.", "is empty.")
    return items


def _municipalities(data: dict, say) -> dict[str, str]:
    """Matching form -> name, for every municipality and alias; says where one is named twice."""
    seen: dict[str, str] = {}
    for n, m in enumerate(_table_list(data, "municipalities", say), start=1):
        where = f"municipalities[{n}]"
        unknown_setting(where, m, MUNICIPALITY_KEYS, say)
        name = m.get("name")
        if not isinstance(name, str) or not name.strip():
            say(f"{where}.name", "ontbreekt.", "missing.")
            continue
        aliases = m.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            say(f"{where}.aliases", "moet een lijst van namen zijn.", "must be a list of names.")
            aliases = []
        for spelling in (name, *aliases):
            key = normalize_place(spelling)
            if key in seen and seen[key] != name:
                say(where, f"{spelling!r} noemt ook {seen[key]}.", f"{spelling!r} also names {seen[key]}.")
            elif key in seen:
                say(where, f"{spelling!r} staat twee keer bij {name}.", f"{spelling!r} is listed twice for {name}.")
            seen[key] = name
        population = m.get("population")
        if population is not None and (
            not isinstance(population, int) or isinstance(population, bool) or population <= 0
        ):
            say(f"{where}.population", "moet een positief geheel getal zijn.", "must be a positive whole number.")
        cbs = m.get("cbs")
        if cbs is not None and (not isinstance(cbs, str) or not CBS.match(cbs)):
            say(
                f"{where}.cbs",
                "een CBS-gemeentecode heeft de vorm GM0599.",
                "a CBS municipality code looks like GM0599.",
            )
    return seen


def _datasets(where: str, datasets, say) -> None:
    if not isinstance(datasets, list) or not all(isinstance(d, str) for d in datasets):
        say(where, "moet een lijst van gegevenssets zijn.", "must be a list of datasets.")
        return
    for name in datasets:
        if name not in DATASETS:
            hint = difflib.get_close_matches(name, list(DATASETS), n=1)
            known = hint[0] if hint else ", ".join(DATASETS)
            say(
                where,
                f"onbekende gegevensset {name!r} (bedoelt u {known}?).",
                f"unknown dataset {name!r} (did you mean {known}?).",
            )


def _partners(data: dict, say) -> set[str]:
    """The partners' codes; says every problem of the partners and of their words and sections."""
    codes: dict[str, int] = {}
    shorts: dict[str, int] = {}
    for n, p in enumerate(_table_list(data, "partners", say), start=1):
        where = f"partners[{n}]"
        unknown_setting(where, p, PARTNER_KEYS, say)
        for key in PARTNER_KEYS - {"code", "datasets", "sections"}:
            text_setting(p, key, where, say)
        short = p.get("short")
        if isinstance(short, str) and short.strip():
            if normalize_code(short) in shorts:
                say(
                    f"{where}.short",
                    f"{short!r} is ook de afkorting van partners[{shorts[normalize_code(short)]}]; lezers halen ze "
                    "door elkaar.",
                    f"{short!r} is also the abbreviation of partners[{shorts[normalize_code(short)]}]; readers would "
                    "mix them up.",
                )
            shorts[normalize_code(short)] = n
        _sections(where, p.get("sections", {}), p.get("datasets"), say)
        code = p.get("code")
        if not isinstance(code, str) or not code.strip():
            say(f"{where}.code", "ontbreekt.", "missing.")
        else:
            key = normalize_code(code)
            if key in codes:
                say(
                    f"{where}.code",
                    f"{code!r} botst met partners[{codes[key]}].",
                    f"{code!r} collides with partners[{codes[key]}].",
                )
            codes[key] = n
        if "datasets" not in p:
            say(f"{where}.datasets", "ontbreekt.", "missing.")
        else:
            _datasets(f"{where}.datasets", p["datasets"], say)
    partners = data.get("partners")
    return (
        {p["code"] for p in partners if isinstance(p, dict) and isinstance(p.get("code"), str)}
        if isinstance(partners, list)
        else set()
    )


def _sections(where: str, sections, datasets, say) -> None:
    """`[partners.sections.<dataset>]`: the partner's heading and paragraph in the monitor."""
    if not isinstance(sections, dict):
        say(f"{where}.sections", "moet een tabel zijn.", "must be a table.")
        return
    delivered = datasets if isinstance(datasets, list) else []
    for dataset, texts in sections.items():
        here = f"{where}.sections.{dataset}"
        if dataset not in SECTION_DATASETS:
            say(
                here,
                f"geen hoofdstuk met een eigen kop; kies uit {', '.join(SECTION_DATASETS)}.",
                f"no section with a heading of its own; choose from {', '.join(SECTION_DATASETS)}.",
            )
            continue
        if dataset not in delivered:
            say(
                here,
                f"deze partner levert {dataset} niet; zet de tekst bij de partner die het levert.",
                f"this partner does not deliver {dataset}; put the text with the partner that does.",
            )
        if not isinstance(texts, dict):
            say(here, "moet een tabel zijn.", "must be a table.")
            continue
        unknown_setting(here, texts, SECTION_KEYS, say)
        for key in SECTION_KEYS & set(texts):
            text_setting(texts, key, here, say)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _wording(wording, say) -> None:
    if not isinstance(wording, dict):
        say("wording", "moet een tabel [wording] zijn.", "must be a [wording] table.")
        return
    for key, value in wording.items():
        if key not in WORDING_ORDER:
            say(
                f"wording.{key}",
                f"onbekend; kies uit {', '.join(WORDING_ORDER)}.",
                f"unknown; choose from {', '.join(WORDING_ORDER)}.",
            )
        elif not _number(value):
            say(f"wording.{key}", "moet een getal zijn (bijv. 0.4).", "must be a number (e.g. 0.4).")
    given = [(k, wording[k]) for k in WORDING_ORDER if _number(wording.get(k))]
    for (k1, v1), (k2, v2) in zip(given, given[1:]):
        if not v1 > v2:
            say(
                "wording",
                f"{k1} ({v1}) moet groter zijn dan {k2} ({v2}).",
                f"{k1} ({v1}) must be greater than {k2} ({v2}).",
            )
    for key in ("sterke_stijging", "stijging", "lichte_stijging"):
        if _number(wording.get(key)) and wording[key] <= 0:
            say(f"wording.{key}", "een stijging begint boven 0.", "a rise starts above 0.")
    for key in ("lichte_daling", "daling", "sterke_daling"):
        if _number(wording.get(key)) and wording[key] >= 0:
            say(f"wording.{key}", "een daling begint onder 0.", "a fall starts below 0.")


def _disclosure(disclosure, say) -> None:
    if not isinstance(disclosure, dict):
        say("disclosure", "moet een tabel [disclosure] zijn.", "must be a [disclosure] table.")
        return
    k = disclosure.get("k", 5)
    if not isinstance(k, int) or isinstance(k, bool) or k < 2:
        say(
            "disclosure.k",
            "moet een geheel getal van minstens 2 zijn (bijv. 5).",
            "must be a whole number of at least 2 (e.g. 5).",
        )
    if "sensitive_gemeente_datasets" in disclosure:
        _datasets("disclosure.sensitive_gemeente_datasets", disclosure["sensitive_gemeente_datasets"], say)


def _estimation(estimation, say) -> None:
    if not isinstance(estimation, dict):
        say("estimation", "moet een tabel [estimation] zijn.", "must be an [estimation] table.")
        return
    if "publish" in estimation and not isinstance(estimation["publish"], bool):
        say("estimation.publish", "moet true of false zijn.", "must be true or false.")
    names: set[str] = set()
    lists = estimation.get("lists", [])
    if not isinstance(lists, list):
        say(
            "estimation.lists",
            "moet een lijst van [[estimation.lists]] zijn.",
            "must be a list of [[estimation.lists]].",
        )
        lists = []
    for n, item in enumerate(lists, start=1):
        where = f"estimation.lists[{n}]"
        if not isinstance(item, dict):
            say(where, "moet een tabel zijn.", "must be a table.")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name:
            say(f"{where}.name", "ontbreekt.", "missing.")
        elif name in names:
            say(f"{where}.name", f"{name!r} staat er twee keer.", f"{name!r} is listed twice.")
        else:
            names.add(name)
        _datasets(f"{where}.datasets", item.get("datasets"), say)


def template(slug: str = "regio-voorbeeld") -> str:
    """A region file to fill in: every setting with a comment that says what it means."""
    return TEMPLATE.replace("regio-voorbeeld", slug)


TEMPLATE = """# Regioconfiguratie voor zicht / region configuration for zicht (docs/new-region.md).
# Vul elk onderdeel in en controleer het bestand met: zicht region check DIT-BESTAND
# Fill in every part and check the file with:          zicht region check THIS-FILE
# Then use it: ZICHT_REGION=/path/to/this-file.toml zicht ...
# Texts are Dutch; where a setting has an `_en` twin (title_en, called_en, …) that is its English.

slug = "regio-voorbeeld"                 # short name in file names and URLs: lowercase, digits, hyphens
name = "regio Voorbeeld"                 # as in a sentence: "de monitor van de regio Voorbeeld"
organisation = "Veiligheidsregio Voorbeeld"   # who publishes the monitor
central = "Voorbeeldstad"                # the central municipality (its figures are never suppressed)

# Municipalities, in the order the monitor lists them. aliases: former municipalities and short forms
# that partners write; cbs: the CBS code (GM....); population: inhabitants on 1 January (for rates).
[[municipalities]]
name = "Voorbeeldstad"
cbs = "GM0000"
population = 100000
aliases = []

[[municipalities]]
name = "Buurdorp"
aliases = ["Oud-Buurdorp"]

# The partners that deliver, and the datasets each may deliver (docs/delivery-format.md lists them:
# meldingen, trajecten, politiecontacten, riec-casussen, controles, registraties, landelijk, acties,
# initiatieven, uitleningen). The code is what partners deliver under (zicht import --partner CODE).
# How the monitor, the dashboard and a municipality's page name a partner (all optional):
#   name        the full name: the monitor's list of partners
#   short       the abbreviation in labels: "Meldingen bij het meldpunt (MPV)", "Casussen RIEC"
#   called      how a sentence names it, with its article: "Het MPV heeft in 2024 … cliënten begeleid"
#   [partners.sections.<dataset>]   its section of the monitor (meldingen, politiecontacten,
#               riec-casussen, controles): title (the heading), toc (its line in the contents; default
#               the title) and description (the paragraph under the heading)
# Without them the monitor speaks of "het meldpunt", "de politie", "het RIEC" and "het controleteam".
[[partners]]
code = "MELDPUNT"
name = "Regionaal meld- en adviespunt mensenhandel"
short = "MPV"
short_en = "MPV"
called = "het meldpunt"
called_en = "the hotline"
datasets = ["meldingen", "trajecten"]

[partners.sections.meldingen]
title = "Regionale cijfers van het meld- en adviespunt (MPV)"
title_en = "Regional figures of the reporting and advice point (MPV)"
toc = "Regionale cijfers MPV"
toc_en = "Regional figures MPV"
description = "Bij het meld- en adviespunt kan iedereen terecht met vermoedens van mensenhandel."
description_en = "Anyone can bring suspicions of trafficking to the reporting and advice point."

[[partners]]
code = "POLITIE"
name = "Politie, afdeling mensenhandel"
datasets = ["politiecontacten"]

[[partners]]
code = "REGIO"
name = "Veiligheidsregio Voorbeeld"
datasets = ["landelijk", "acties", "initiatieven"]

# Wording of a change (relative change r): the first bound that holds is used.
[wording]
sterke_stijging = 1.00
stijging = 0.40
lichte_stijging = 0.05
lichte_daling = -0.05
daling = -0.40
sterke_daling = -0.50

# Disclosure control: counts of people per municipality below k are never shown publicly.
[disclosure]
k = 5
sensitive_gemeente_datasets = ["meldingen", "trajecten", "politiecontacten", "registraties"]

# How many years record-level deliveries are kept: `zicht purge` removes deliveries about a year more
# than `years` years back. Leave the table out to keep everything.
[retention]
years = 10

# Multiple systems estimation: which datasets form which list. publish: show the estimate publicly.
# A list named "@partner" stands for one list per delivering partner of its datasets.
[estimation]
publish = false

[[estimation.lists]]
name = "MELDPUNT"
datasets = ["meldingen", "trajecten"]

[[estimation.lists]]
name = "POLITIE"
datasets = ["politiecontacten"]

# The web application's look: leave theme empty for zicht's own ("rotterdam" is regio Rotterdam's).
[web]
theme = ""

# Where to report: the monitor's last page and the meldroutekaart (docs/meldroutekaart.md). Besides
# name, contact and when (each with _en): key, phone, phone_abroad, url (https), anonymous (true/false),
# note, and check: the answers that bring the route into the guided check's outcome, or "altijd".
[[report_routes]]
key = "112"
name = "Alarmnummer 112"
name_en = "Emergency number 112"
contact = "112"
phone = "112"
when = "Bij direct gevaar voor iemands veiligheid."
when_en = "When someone's safety is in immediate danger."
check = ["gevaar:ja", "gevaar:weet-niet"]

[[report_routes]]
key = "politie"
name = "Politie"
name_en = "Police"
contact = "0900 - 8844"
phone = "0900-8844"
when = "Melding of aangifte van mensenhandel."
when_en = "Reporting human trafficking or pressing charges."
check = ["altijd"]

# The meldroutekaart: url (its public address, printed on the A4 version, once the site is live) and
# embed_domains (the municipal websites that may show it in a frame: https://host only).
[meldroutekaart]
embed_domains = ["https://www.voorbeeldstad.nl"]

# Open data (/open-data/): the licence and source named in every published package.
[open_data]
license = { name = "CC-BY-4.0", title = "Creative Commons Naamsvermelding 4.0 Internationaal", path = "https://creativecommons.org/licenses/by/4.0/deed.nl" }
source = { title = "Veiligheidsregio Voorbeeld, Monitor Mensenhandel" }
keywords = ["mensenhandel", "uitbuiting", "monitor"]

# Awareness materials the region lends out (/uitleen/), if any: one [[uitleen.materialen]] per item
# (code: lowercase and hyphens; naam, omschrijving and their _en), and under [uitleen.organisaties]
# the organisatie code a partner's loans count under. Leave the table out when the region lends nothing.
# [uitleen]
# max_dagen = 28
# [[uitleen.materialen]]
# code = "vr-brillen"
# naam = "VR-brillen"
# naam_en = "VR headsets"
"""
