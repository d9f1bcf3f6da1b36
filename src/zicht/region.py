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


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    datasets: tuple[str, ...]


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


def _build(data: dict, source: str) -> Region:
    try:
        municipalities = tuple(
            Municipality(m["name"], tuple(m.get("aliases", ())), m.get("cbs"), m.get("population"))
            for m in data["municipalities"]
        )
        partners = tuple(Partner(p["code"], p.get("name", p["code"]), tuple(p["datasets"])) for p in data["partners"])
        disclosure = data.get("disclosure", {})
        region = Region(
            slug=data["slug"],
            name=data["name"],
            organisation=data.get("organisation", data["name"]),
            central=data["central"],
            municipalities=municipalities,
            partners=partners,
            wording={k: float(v) for k, v in data.get("wording", {}).items()},
            disclosure_k=int(disclosure.get("k", 5)),
            sensitive_gemeente_datasets=tuple(disclosure.get("sensitive_gemeente_datasets", ())),
            estimation_lists=tuple(
                EstimationList(e["name"], tuple(e["datasets"])) for e in data.get("estimation", {}).get("lists", ())
            ),
            routes=tuple(Route(r["name"], r["contact"], r.get("when", "")) for r in data.get("report_routes", ())),
            publish_estimate=bool(data.get("estimation", {}).get("publish", False)),
            theme=str(data.get("web", {}).get("theme", "")),
            raw=data,
        )
    except KeyError as missing:
        raise RegionError(f"{source}: missing setting {missing}") from None
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
    with path.open("rb") as f:
        return _build(tomllib.load(f), str(path))
