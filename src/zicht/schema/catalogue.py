"""The region's awareness materials on loan: the `[uitleen]` table of the region file.

The catalogue is configuration: each entry is one item that is lent as a whole (a set of VR headsets,
the *Koffer Verkeerd*), and its `code` is the code list of the `uitleningen.materiaal` column. The
analyst edits an item's texts and whether it can be reserved in the web application
(`zicht.services.uitleen`); a new item is a new entry in the region file. Pure: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zicht.schema.codes import ORGANISATIE

_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULT_MAX_DAYS = 28


class CatalogueError(ValueError):
    """The `[uitleen]` table of the region file is inconsistent."""


@dataclass(frozen=True)
class Material:
    code: str
    name_nl: str
    name_en: str
    description_nl: str = ""
    description_en: str = ""

    def name(self, lang: str = "nl") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_nl

    def description(self, lang: str = "nl") -> str:
        return self.description_en if lang == "en" and self.description_en else self.description_nl


def materials(region) -> tuple[Material, ...]:
    """The items of the region's catalogue, in the order of the region file (none: no `[uitleen]`)."""
    found: list[Material] = []
    for entry in region.section("uitleen").get("materialen", ()):
        code = str(entry.get("code", "")).strip()
        if not _CODE.match(code) or len(code) > 40:
            raise CatalogueError(f"[uitleen] material code {code!r}: lower-case letters, digits and hyphens (≤ 40)")
        if any(m.code == code for m in found):
            raise CatalogueError(f"[uitleen] material code {code!r} appears twice")
        name = str(entry.get("naam", "")).strip()
        if not name:
            raise CatalogueError(f"[uitleen] material {code!r} has no naam")
        found.append(
            Material(
                code,
                name,
                str(entry.get("naam_en", "")).strip() or name,
                str(entry.get("omschrijving", "")).strip(),
                str(entry.get("omschrijving_en", "")).strip(),
            )
        )
    return tuple(found)


def material_codes(region) -> tuple[str, ...]:
    return tuple(m.code for m in materials(region))


def max_days(region) -> int:
    """The longest loan, in days (a reservation of more is refused)."""
    value = region.section("uitleen").get("max_dagen", DEFAULT_MAX_DAYS)
    if not isinstance(value, int) or value < 1:
        raise CatalogueError(f"[uitleen] max_dagen must be a whole number ≥ 1, not {value!r}")
    return value


def organisation_of(region, partner: str) -> str:
    """The `organisatie` code a partner's loans are counted under: the region file's
    `[uitleen.organisaties]` entry, else the partner's code when it is one, else `overig`."""
    mapped = region.section("uitleen").get("organisaties", {}).get(partner)
    if mapped is not None:
        if mapped not in ORGANISATIE:
            raise CatalogueError(f"[uitleen.organisaties] {partner} = {mapped!r} is not an organisatie code")
        return mapped
    return partner if partner in ORGANISATIE else "overig"
