"""The stored deliveries and their records.

One table per dataset, generated from the declarations in `zicht.schema.datasets`, so the format is
written down once. A multi-valued column gets a child table of (delivery, row, code), which is what
counting by code needs. The delivery column `id` is stored as `ref` (Django's key is `id`).
No column holds a direct identifier: validation refuses files that carry one.
"""

from __future__ import annotations

from django.db import models

from zicht.schema.datasets import DATASETS, DATE, INTEGER, YEAR, Dataset
from zicht.sql import record_table


class Delivery(models.Model):
    """One delivered version of one dataset by one partner for one year."""

    partner = models.CharField(max_length=40)
    dataset = models.CharField(max_length=40)
    year = models.IntegerField()
    version = models.IntegerField()
    is_current = models.BooleanField(default=True)
    file_name = models.CharField(max_length=255)
    file_hash = models.CharField(max_length=64, help_text="SHA-256 of the delivered file")
    row_count = models.IntegerField()
    delivered_at = models.DateTimeField()
    delivered_by = models.CharField(max_length=150)
    format_version = models.IntegerField(default=1)

    class Meta:
        db_table = "zicht_delivery"
        ordering = ["year", "dataset", "partner", "version"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "dataset", "year", "version"], name="zicht_delivery_version"),
            models.UniqueConstraint(
                fields=["partner", "dataset", "year"],
                condition=models.Q(is_current=True),
                name="zicht_delivery_one_current",
            ),
        ]
        indexes = [models.Index(fields=["dataset", "year", "is_current"], name="zicht_delivery_lookup")]

    def __str__(self) -> str:
        return f"{self.partner} {self.dataset} {self.year} v{self.version}"


class NarrativeText(models.Model):
    """A narrative section of the monitor (Markdown), per year, section and language; every version kept."""

    year = models.IntegerField()
    section = models.CharField(max_length=80)
    lang = models.CharField(max_length=2, default="nl")
    markdown = models.TextField()
    version = models.IntegerField()
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)

    class Meta:
        db_table = "zicht_text"
        ordering = ["year", "section", "lang", "version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "section", "lang", "version"], name="zicht_text_version"),
        ]


class AuditEvent(models.Model):
    """Who saw or changed what, and when. Never holds record contents."""

    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=60)
    subject = models.CharField(max_length=255)
    details = models.JSONField(default=dict)

    class Meta:
        db_table = "zicht_audit"
        ordering = ["at"]


def field_name(column: str) -> str:
    return "ref" if column == "id" else column


def _class_name(*parts: str) -> str:
    return "".join(word.capitalize() for part in parts for word in part.split("-"))


def _field(column) -> models.Field:
    if column.kind == DATE:
        return models.DateField(null=True)
    if column.kind in (INTEGER, YEAR):
        return models.IntegerField(null=True)
    return models.TextField(null=True)


def _meta(table: str, index_name: str):
    return type(
        "Meta",
        (),
        {"db_table": table, "indexes": [models.Index(fields=["delivery", "row"], name=index_name)]},
    )


def _record_model(dataset: Dataset) -> type[models.Model]:
    attrs = {
        "__module__": __name__,
        "__doc__": f"A record of `{dataset.name}`: {dataset.description_en}",
        "delivery": models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="+"),
        "row": models.IntegerField(help_text="row number as the partner sees it in Excel"),
        "Meta": _meta(record_table(dataset.name), f"{record_table(dataset.name)[:24]}_dr"),
    }
    for column in dataset.columns:
        if not column.multi:
            attrs[field_name(column.name)] = _field(column)
    return type(_class_name(dataset.name), (models.Model,), attrs)


def _code_model(dataset: Dataset, column: str) -> type[models.Model]:
    table = record_table(dataset.name, column)
    attrs = {
        "__module__": __name__,
        "__doc__": f"The codes of the multi-valued column `{column}` of `{dataset.name}`, one row each.",
        "delivery": models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="+"),
        "row": models.IntegerField(),
        "code": models.CharField(max_length=60),
        "Meta": _meta(table, f"{table[:24]}_dr"),
    }
    return type(_class_name(dataset.name, column), (models.Model,), attrs)


RECORD_MODELS: dict[str, type[models.Model]] = {}
CODE_MODELS: dict[tuple[str, str], type[models.Model]] = {}
for _dataset in DATASETS.values():
    RECORD_MODELS[_dataset.name] = _record_model(_dataset)
    for _column in _dataset.columns:
        if _column.multi:
            CODE_MODELS[(_dataset.name, _column.name)] = _code_model(_dataset, _column.name)
