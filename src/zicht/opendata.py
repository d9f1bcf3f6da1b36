"""Open data: a published edition's public figures as a Frictionless Data Package (pure, no Django).

    package(region, edition, public) -> (datapackage.json as a dict, {file name: CSV bytes})

One CSV per indicator breakdown (`meldingen-herkomst.csv`: jaar, herkomst, waarde, afgeschermd) plus
`totalen.csv` with every indicator's total and its change against the year before. Only the public
figures: the input is the edition's frozen public indicators, and it passes the disclosure gate again
here (fail closed). A suppressed cell is an empty `waarde` with `afgeschermd` true, never a number.
Licence and source come from the region configuration's `[open_data]` table (`settings`), so another
region or the national level can harvest the package as it is (https://datapackage.org/).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zicht.region import Region, RegionError
from zicht.spreadsheet import safe_cell

# What a dimension holds, for the package's field descriptions (Dutch / English).
DIMENSIONS = {
    "gemeente": "Gemeente (naam zoals het CBS die voert), regio-onbekend of buiten-regio / municipality",
    "herkomst": "Herkomst van de melding: centrumgemeente, regio, regio-onbekend, buiten-regio / origin",
    "rubriek": "Rubriek: vorm van uitbuiting of soort contact / heading: form of exploitation or kind of contact",
    "leeftijdsgroep": "Leeftijdsgroep: meerderjarig, minderjarig, onbekend / age group",
    "vorm": "Vorm van uitbuiting / form of exploitation",
    "soort": "Soort registratie / kind of record",
    "kenmerk": "Kenmerk van de melding (een melding telt bij elk kenmerk dat ze draagt) / characteristic",
    "instroom": "Doorlopend uit het vorige jaar of nieuw / continuing or new",
    "startjaar": "Jaar waarin de casus begon / year the case started",
    "inbrenger": "Organisatie die het signaal inbracht / organisation that brought in the signal",
    "markt": "Criminele markt / criminal market",
    "partner": "Betrokken organisatie / organisation involved",
    "bevinding": "Bevinding bij de controle / finding of the inspection",
    "locatie": "Soort locatie / kind of location",
    "aanleverder": "Aanleverende partner / delivering partner",
    "opgave": "Opgave van het regionaal actieplan (1-5) / task of the regional action plan",
    "status": "Status van de actie / status of the action",
}


@dataclass(frozen=True)
class OpenData:
    """The region's `[open_data]` table: under which licence and from which source the figures are."""

    licence: dict = field(default_factory=dict)  # name, title, path (https://opendefinition.org/licenses/)
    source: dict = field(default_factory=dict)  # title, path
    keywords: tuple[str, ...] = ()


def settings(region: Region) -> OpenData:
    """`[open_data]` of the region file: `license = {name, title, path}`, `source = {title, path}`,
    `keywords = [...]`. Without the table a package names the region's organisation as its source and no
    licence (the page then says so)."""
    section = region.section("open_data")
    licence, source = section.get("license", {}), section.get("source", {})
    keywords = section.get("keywords", [])
    if not isinstance(licence, dict) or (licence and not isinstance(licence.get("name"), str)):
        raise RegionError('[open_data] license must be a table with at least a name, e.g. { name = "CC-BY-4.0" }')
    if not isinstance(source, dict) or not isinstance(keywords, list):
        raise RegionError("[open_data] source must be a table { title, path } and keywords a list of words")
    known = ("name", "title", "path")
    return OpenData(
        {k: str(v) for k, v in licence.items() if k in known},
        {k: str(v) for k, v in (source or {"title": region.organisation}).items() if k in ("title", "path")},
        tuple(str(k) for k in keywords),
    )


def _csv(header: list[str], rows: list[list]) -> bytes:
    """RFC 4180 CSV in UTF-8; text cells that a spreadsheet would run as a formula neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _breakdowns(result: dict) -> dict[tuple[str, tuple[str, ...]], list[dict]]:
    """The values grouped by (indicator, its breakdown's dimensions in the JSON's order)."""
    groups: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
    for v in result.get("values", ()):
        dims = tuple(v["dimensions"])
        groups.setdefault((v["indicator"], dims), []).append(v)
    return groups


def resource_name(indicator: str, dims: tuple[str, ...]) -> str:
    return "-".join([indicator, *dims])


def _description(indicator: str, lang: str = "nl") -> str:
    from zicht.indicators.registry import REGISTRY

    entry = REGISTRY.get(indicator)
    if entry is None:
        return indicator
    return f"{entry.help_nl} / {entry.help_en} Telregel / counting rule: {entry.rule}."


def package(region: Region, edition: Mapping[str, Any], public: Any) -> tuple[dict, dict[str, bytes]]:
    """The Data Package of an edition: `edition` has year, number, label, published_at (ISO), note;
    `public` is the edition year's public indicators (the JSON of spec/indicators.md)."""
    from zicht.disclosure import DisclosureError, check_public, suppress_indicators

    public = dict(suppress_indicators(public, region))  # already public: checked and copied, or refused
    problems = check_public(public, region)
    if problems:  # pragma: no cover - suppress_indicators refuses first; kept as the last line of defence
        raise DisclosureError("; ".join(problems))
    year, conf = int(edition["year"]), settings(region)
    files: dict[str, bytes] = {}
    resources = []
    totals = []
    changes = {ch["indicator"]: ch for ch in public.get("changes", ())}
    for (indicator, dims), values in _breakdowns(public).items():
        if not dims:
            ch = changes.get(indicator, {})
            totals.append(
                [indicator, year, values[0]["value"], ch.get("previous"), ch.get("change"), ch.get("wording")]
            )
            continue
        name = resource_name(indicator, dims)
        rows = [
            [year, *(v["dimensions"][d] for d in dims), v["value"], bool(v.get("suppressed", False))] for v in values
        ]
        files[f"{name}.csv"] = _csv(["jaar", *dims, "waarde", "afgeschermd"], rows)
        fields: list[dict[str, Any]] = [{"name": "jaar", "type": "integer", "description": "Verslagjaar / year"}]
        for i, d in enumerate(dims):
            enum = list(dict.fromkeys(safe_cell(r[1 + i]) for r in rows))  # as the CSV holds them
            fields.append(
                {
                    "name": d,
                    "type": "string",
                    "description": DIMENSIONS.get(d, d),
                    "constraints": {"required": True, "enum": enum},
                }
            )
        fields += [
            {
                "name": "waarde",
                "type": "integer",
                "description": "Aantal; leeg als het is afgeschermd / count; empty when suppressed",
                "constraints": {"minimum": 0},
            },
            {
                "name": "afgeschermd",
                "type": "boolean",
                "description": f"true: afgeschermd (een aantal personen onder {region.disclosure_k} of om het terugrekenen "
                "daarvan te voorkomen) / suppressed by disclosure control",
                "trueValues": ["true"],
                "falseValues": ["false"],
            },
        ]
        resources.append(_resource(name, f"{indicator} × {' × '.join(dims)}", _description(indicator), fields, dims))
    files["totalen.csv"] = _csv(["indicator", "jaar", "waarde", "vorig_jaar", "verandering", "duiding"], totals)
    total_fields: list[dict[str, Any]] = [
        {"name": "indicator", "type": "string", "description": "Naam van de indicator (docs/indicators.md)"},
        {"name": "jaar", "type": "integer", "description": "Verslagjaar / year"},
        {"name": "waarde", "type": "integer", "description": "Totaal / total", "constraints": {"minimum": 0}},
        {"name": "vorig_jaar", "type": "integer", "description": "Totaal van het jaar ervoor / previous year"},
        {
            "name": "verandering",
            "type": "number",
            "description": "(waarde - vorig_jaar) / vorig_jaar, afgerond op 3 decimalen / relative change",
        },
        {"name": "duiding", "type": "string", "description": "De verandering in woorden / the change in words"},
    ]
    resources.insert(
        0,
        _resource(
            "totalen",
            "Totalen per indicator / totals",
            "Het totaal van elke indicator met de verandering ten opzichte van het jaar ervoor.",
            total_fields,
            ("indicator",),
            key=["indicator", "jaar"],
        ),
    )
    label = edition.get("label") or str(year)
    descriptor = {
        "profile": "tabular-data-package",
        "name": f"monitor-mensenhandel-{region.slug}-{label}".lower(),
        "title": f"Monitor Mensenhandel {region.name} {year}: openbare cijfers (editie {label})",
        "description": (
            f"De gepubliceerde cijfers van de Monitor Mensenhandel {region.name} {year}, editie {label}, per "
            f"indicator en uitsplitsing, na openbaarheidscontrole: aantallen personen per gemeente onder "
            f"{region.disclosure_k} zijn afgeschermd. / The published figures of the monitor, after disclosure "
            "control." + (f" Toelichting bij deze editie / note: {edition['note']}" if edition.get("note") else "")
        ),
        "version": f"{int(edition.get('number', 1))}.0.0",
        "edition": label,
        "created": edition["published_at"],
        "keywords": list(conf.keywords),
        "contributors": [{"title": region.organisation, "role": "publisher"}],
        "sources": [conf.source],
        # What a national comparison (zicht.national) needs and a title does not say reliably.
        "zicht": {
            "region": region.name,
            "slug": region.slug,
            "year": year,
            "disclosure_k": region.disclosure_k,
            "population": _population(region),
        },
        "resources": resources,
    }
    if conf.licence:
        descriptor["licenses"] = [conf.licence]
    return descriptor, files


def _population(region: Region) -> int | None:
    """The region's inhabitants (the sum over its municipalities), or None when one is not configured."""
    counts = [m.population for m in region.municipalities if isinstance(m.population, int)]
    return sum(counts) if counts and len(counts) == len(region.municipalities) else None


def _resource(
    name: str, title: str, description: str, fields: list[dict], dims: tuple[str, ...], key: list[str] | None = None
) -> dict:
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": fields, "missingValues": [""], "primaryKey": key or ["jaar", *dims]},
    }
