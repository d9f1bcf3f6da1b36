"""Each delivery format as a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/).

Generated from the same declaration as validation, so that a partner's own tools can check a file
before delivering it. The schema states the canonical forms (codes as listed, dates as
`YYYY-MM-DD` or `D-M-YYYY`); `zicht` itself is more lenient in spelling (case, spaces, aliases) and
also checks what a Table Schema cannot say (identifiers, the year, conditional columns).
"""

from __future__ import annotations

import re

from zicht.schema import datasets as d
from zicht.schema.values import DUTCH_DATE, ISO_DATE

# Table Schema patterns (XML Schema syntax) match the whole value: drop the anchors, group the forms.
DATE_PATTERN = f"({ISO_DATE.pattern[1:-1]}|{DUTCH_DATE.pattern[1:-1]})"
PERSON_PATTERN = "[0-9A-Fa-f]{64}"


def _multi_pattern(codes: tuple[str, ...]) -> str:
    one = "(" + "|".join(re.escape(c) for c in codes) + ")"
    return f"{one}( ?\\| ?{one})*"


def field(col: d.Column, region) -> dict:
    constraints: dict = {}
    if col.required:
        constraints["required"] = True
    if col.unique:
        constraints["unique"] = True
    spec: dict = {"name": col.name, "description": f"{col.help_nl} / {col.help_en}"}
    if col.kind == d.TEXT:
        spec["type"] = "string"
        if col.max_length is not None:
            constraints["maxLength"] = col.max_length
    elif col.kind == d.CODE:
        spec["type"] = "string"
        constraints["enum"] = list(col.codes)
    elif col.kind == d.MULTI:
        spec["type"] = "string"
        constraints["pattern"] = _multi_pattern(col.codes)
    elif col.kind == d.DATE:
        spec["type"] = "string"  # zicht accepts the ISO and the Dutch form; see DATE_PATTERN
        constraints["pattern"] = DATE_PATTERN
    elif col.kind == d.INTEGER:
        spec["type"] = "integer"
        constraints["minimum"] = 0 if col.minimum is None else col.minimum
        if col.maximum is not None:
            constraints["maximum"] = col.maximum
    elif col.kind == d.YEAR:
        spec["type"] = "year"
    elif col.kind == d.PERSON:
        spec["type"] = "string"
        constraints["pattern"] = PERSON_PATTERN
    elif col.kind == d.MUNICIPALITY:
        spec["type"] = "string"
        constraints["enum"] = list(region.municipality_names) + list(col.extra_places)
    elif col.kind == d.MATERIAL:
        from zicht.schema.catalogue import material_codes

        spec["type"] = "string"
        if material_codes(region):  # a region without a catalogue: any value, which validation refuses
            constraints["enum"] = list(material_codes(region))
    else:
        raise ValueError(f"column {col.name}: unknown kind {col.kind!r}")
    if constraints:
        spec["constraints"] = constraints
    return spec


def table_schema(dataset: str | d.Dataset, region) -> dict:
    """The Table Schema of a delivery format (for the region's municipalities)."""
    ds = dataset if isinstance(dataset, d.Dataset) else d.get_dataset(dataset)
    schema: dict = {
        "fields": [field(col, region) for col in ds.columns],
        "missingValues": [""],
    }
    keys = [col.name for col in ds.columns if col.unique]
    if keys:
        schema["primaryKey"] = ["id"] if "id" in keys else keys[:1]
    return schema
