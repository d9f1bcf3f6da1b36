"""Starting a region: a commented region file to fill in, and a check that reports every problem at once.

`zicht region new FILE` writes `template()`; `zicht region check FILE` prints `check_file(path)`: every
problem with where it is and what to do, in Dutch and English. Loading a region (`zicht.region`) stops
at the first problem; this check is for the analyst filling in a file, who wants them all.

Pure: no Django.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

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
    _partners(data, say)
    _wording(data.get("wording", {}), say)
    _disclosure(data.get("disclosure", {}), say)
    _estimation(data.get("estimation", {}), say)
    _routes(data.get("report_routes", []), say)
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


def _partners(data: dict, say) -> None:
    codes: dict[str, int] = {}
    for n, p in enumerate(_table_list(data, "partners", say), start=1):
        where = f"partners[{n}]"
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
    for n, item in enumerate(estimation.get("lists", []), start=1):
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


def _routes(routes, say) -> None:
    if not isinstance(routes, list):
        say(
            "report_routes",
            "moet een lijst van [[report_routes]]-tabellen zijn.",
            "must be a list of [[report_routes]] tables.",
        )
        return
    for n, route in enumerate(routes, start=1):
        for key in ("name", "contact"):
            if not isinstance(route, dict) or not isinstance(route.get(key), str) or not route[key].strip():
                say(f"report_routes[{n}].{key}", "ontbreekt.", "missing.")


def template(slug: str = "regio-voorbeeld") -> str:
    """A region file to fill in: every setting with a comment that says what it means."""
    return TEMPLATE.replace("regio-voorbeeld", slug)


TEMPLATE = """# Regioconfiguratie voor zicht / region configuration for zicht.
# Vul elk onderdeel in en controleer het bestand met: zicht region check DIT-BESTAND
# Fill in every part and check the file with:          zicht region check THIS-FILE
# Then use it: ZICHT_REGION=/path/to/this-file.toml zicht ...

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
# initiatieven). The code is what partners and the monitor call them.
[[partners]]
code = "MELDPUNT"
name = "Regionaal meld- en adviespunt mensenhandel"
datasets = ["meldingen", "trajecten"]

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

# Multiple systems estimation: which datasets form which list. publish: show the estimate publicly.
[estimation]
publish = false

[[estimation.lists]]
name = "MELDPUNT"
datasets = ["meldingen", "trajecten"]

[[estimation.lists]]
name = "POLITIE"
datasets = ["politiecontacten"]

# Where to report (the meldroutekaart and the monitor's last page).
[[report_routes]]
name = "Acuut gevaar"
contact = "112"
when = "Bij direct gevaar voor iemands veiligheid."

[[report_routes]]
name = "Politie"
contact = "0900 - 8844"
when = "Melding of aangifte van mensenhandel."
"""
