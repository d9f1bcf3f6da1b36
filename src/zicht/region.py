"""The region as configuration: municipalities, partners, wording thresholds, disclosure policy, lists.

A region is a TOML file; `zicht` ships `regions/regio-rotterdam.toml`. `ZICHT_REGION` names a shipped
region or a path to a file of the same form.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from zicht.schema.codes import normalize_code, normalize_place
from zicht.schema.datasets import DATASETS

SHIPPED = Path(__file__).parent / "regions"


class RegionError(ValueError):
    """The region configuration is missing or inconsistent."""


@dataclass(frozen=True)
class Municipality:
    name: str
    aliases: tuple[str, ...] = ()
    cbs: str | None = None
    population: int | None = None


# What a partner's section of the monitor may say of it (`[partners.sections.<dataset>]`), each with `_en`.
SECTION_TEXTS = ("title", "toc", "description")
# A partner's words (each with `_en`): `short` is the abbreviation in labels ("Controles RCTM"), `called`
# how a sentence names it, with its article ("het RCTM"). Without them the monitor uses neutral words.
PARTNER_WORDS = ("short", "called")


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    datasets: tuple[str, ...]
    # {"short": …, "short_en": …, "called": …, "called_en": …}: only those the region gives.
    words: dict[str, str] = field(default_factory=dict, compare=False)
    # {dataset: {"title": …, "toc": …, "description": … (and `_en`)}}: only those the region gives.
    sections: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)

    def word(self, name: str, lang: str = "nl") -> str:
        """`short` or `called` in `lang` (the Dutch when the English is not given), or ""."""
        return (self.words.get(f"{name}_en") if lang == "en" else None) or self.words.get(name, "")

    def section_text(self, dataset: str, name: str, lang: str = "nl") -> str:
        texts = self.sections.get(dataset, {})
        return (texts.get(f"{name}_en") if lang == "en" else None) or texts.get(name, "")


@dataclass(frozen=True)
class EstimationList:
    name: str  # "@partner": one list per delivering partner
    datasets: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    name: str
    contact: str
    when: str


@dataclass(frozen=True)
class Region:
    slug: str
    name: str
    organisation: str
    central: str
    municipalities: tuple[Municipality, ...]
    partners: tuple[Partner, ...]
    wording: dict[str, float]
    disclosure_k: int
    sensitive_gemeente_datasets: tuple[str, ...]
    estimation_lists: tuple[EstimationList, ...]
    routes: tuple[Route, ...] = ()
    # Whether the public monitor may show the estimate of the hidden number (analysts always see it).
    publish_estimate: bool = False
    # How many years record-level deliveries are kept ([retention] years): a delivery about a year more
    # than this many years before the current one is removed by `zicht purge`. None: kept for ever.
    retention_years: int | None = None
    # The web application's look: "rotterdam" (the Rotterdam design tokens) or "" (zicht's own).
    theme: str = ""
    # The whole parsed file: a feature with settings of its own (the meldroutekaart, the loans, the
    # retention) reads its section through `section(name)`, parsing and checking it in its own module.
    raw: dict = field(default_factory=dict, repr=False, compare=False)
    _places: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def municipality_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.municipalities)

    def find_municipality(self, text: str) -> str | None:
        """The canonical name of the region's municipality that `text` names (aliases included), or None."""
        return self._places.get(normalize_place(text))

    def find_partner(self, text: str) -> Partner | None:
        """The configured partner named `text` (case-insensitive), or None."""
        wanted = normalize_code(text)
        return next((p for p in self.partners if normalize_code(p.code) == wanted), None)

    def section(self, name: str) -> dict:
        """A top-level table of the region file (empty when the region has none)."""
        value = self.raw.get(name, {})
        return value if isinstance(value, dict) else {}

    def partners_for(self, dataset: str) -> tuple[str, ...]:
        """The codes of the partners allowed to deliver `dataset`, in configuration order."""
        return tuple(p.code for p in self.partners if dataset in p.datasets)


def _whole(table: dict, key: str, where: str, default, minimum: int = 1):
    """`table[key]` as a whole number of at least `minimum` (a RegionError that names it otherwise)."""
    value = table.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RegionError(f"{where}.{key} must be a whole number of at least {minimum}, not {value!r}")
    return value


def _table(data: dict, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RegionError(f"[{key}] must be a table")
    return value


def _build(data: dict, source: str) -> Region:
    try:
        return _checked(_region(data), source)
    except RegionError as error:
        if str(error).startswith(source):
            raise
        raise RegionError(f"{source}: {error}") from None
    except KeyError as missing:
        raise RegionError(f"{source}: missing setting {missing}") from None
    except (TypeError, ValueError, AttributeError) as error:  # a list where a table belongs, text for a number
        raise RegionError(f"{source}: a setting has the wrong kind of value ({error})") from None


def _region(data: dict) -> Region:
    disclosure, estimation, retention = (
        _table(data, "disclosure"),
        _table(data, "estimation"),
        _table(data, "retention"),
    )
    wording = _table(data, "wording")
    for key, value in wording.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RegionError(f"wording.{key} must be a number, not {value!r}")
    return Region(
        slug=str(data["slug"]),
        name=str(data["name"]),
        organisation=str(data.get("organisation", data["name"])),
        central=str(data["central"]),
        municipalities=tuple(
            Municipality(str(m["name"]), tuple(m.get("aliases", ())), m.get("cbs"), m.get("population"))
            for m in data["municipalities"]
        ),
        partners=tuple(_partner(p) for p in data["partners"]),
        wording={k: float(v) for k, v in wording.items()},
        disclosure_k=_whole(disclosure, "k", "disclosure", 5),
        sensitive_gemeente_datasets=tuple(disclosure.get("sensitive_gemeente_datasets", ())),
        estimation_lists=tuple(
            EstimationList(str(e["name"]), tuple(e["datasets"])) for e in estimation.get("lists", ())
        ),
        routes=tuple(Route(r["name"], r["contact"], r.get("when", "")) for r in data.get("report_routes", ())),
        publish_estimate=bool(estimation.get("publish", False)),
        theme=str(_table(data, "web").get("theme", "")),
        retention_years=_whole(retention, "years", "retention", None),
        raw=data,
    )


def _text(table: dict, key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise RegionError(f"{where}.{key} must be text, not {value!r}")
    return value.strip()


def _partner(p: dict) -> Partner:
    code = str(p["code"])
    where = f"partners {code}"
    words = {f"{w}{en}": _text(p, f"{w}{en}", where) for w in PARTNER_WORDS for en in ("", "_en")}
    sections = _table(p, "sections")
    texts = {}
    for dataset, table in sections.items():
        if dataset not in DATASETS or not isinstance(table, dict):
            raise RegionError(f"{where}: sections.{dataset} must be a table named after a dataset")
        unknown = set(table) - {f"{t}{en}" for t in SECTION_TEXTS for en in ("", "_en")}
        if unknown:
            raise RegionError(f"{where}: sections.{dataset} has unknown setting(s) {', '.join(sorted(unknown))}")
        texts[dataset] = {k: _text(table, k, f"{where}.sections.{dataset}") for k in table}
    return Partner(
        code,
        str(p.get("name", code)),
        tuple(p["datasets"]),
        {k: v for k, v in words.items() if v},
        {d: {k: v for k, v in t.items() if v} for d, t in texts.items()},
    )


def _checked(region: Region, source: str) -> Region:
    municipalities, partners = region.municipalities, region.partners
    names = region.municipality_names
    if region.central not in names:
        raise RegionError(f"{source}: the central municipality {region.central!r} is not among the municipalities")
    for partner in partners:
        unknown = [d for d in partner.datasets if d not in DATASETS]
        if unknown:
            raise RegionError(f"{source}: partner {partner.code} delivers unknown dataset(s) {', '.join(unknown)}")
    for m in municipalities:
        for spelling in (m.name, *m.aliases):
            key = normalize_place(spelling)
            if region._places.get(key, m.name) != m.name:
                raise RegionError(f"{source}: {spelling!r} names two municipalities")
            region._places[key] = m.name
    return region


@cache
def load_region(name_or_path: str | None = None) -> Region:
    """The region named by the argument, else by `ZICHT_REGION`, else regio Rotterdam."""
    name = name_or_path or os.environ.get("ZICHT_REGION") or "regio-rotterdam"
    path = Path(name)
    if not path.suffix:
        path = SHIPPED / f"{name}.toml"
    if not path.is_file():
        shipped = ", ".join(sorted(p.stem for p in SHIPPED.glob("*.toml")))
        raise RegionError(f"region {name!r} not found: give a shipped region ({shipped}) or a path to a .toml file")
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as error:  # says line and column, never more of the file
        raise RegionError(f"{path}: not a valid TOML file ({error})") from None
    except UnicodeDecodeError:
        raise RegionError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise RegionError(f"{path}: cannot be read ({error.strerror})") from None
    return _build(data, str(path))
