"""The shapes the API answers with, as DRF serializers: they write the OpenAPI document, and the
deliveries are presented through them, so a field that is not declared here never leaves the server.

The indicators are the JSON of spec/indicators.md, returned as the use case gives it; the serializers
below only describe it.
"""

from __future__ import annotations

from rest_framework import serializers

from zicht.region import load_region
from zicht.schema.datasets import DATASETS

DATASET_NAMES = list(DATASETS)
PARTNER_CODES = [p.code for p in load_region().partners]  # the region's configuration, read at start-up
# The document lists each code with what it is.
DATASET_CHOICES = [(name, f"{d.title_nl} / {d.title_en}") for name, d in DATASETS.items()]
PARTNER_CHOICES = [(p.code, p.name) for p in load_region().partners]


# -- indicators ----------------------------------------------------------------------------------


class IndicatorValueSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="The indicator's name (docs/indicators.md), e.g. `meldingen`.")
    dimensions = serializers.DictField(
        child=serializers.CharField(),
        help_text='The breakdown\'s dimensions and their values, e.g. `{"herkomst": "regio"}`; empty for the total.',
    )
    value = serializers.IntegerField(
        allow_null=True, help_text="The count; `null` when suppressed by disclosure control."
    )
    suppressed = serializers.BooleanField(
        required=False,
        help_text="Present (and `true`) only on a value suppressed by disclosure control. "
        "Verborgen om herleidbaarheid te voorkomen.",
    )


class IndicatorChangeSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    previous = serializers.IntegerField(allow_null=True, help_text="The total of the year before; `null` when absent.")
    value = serializers.IntegerField(help_text="The total of this year.")
    change = serializers.FloatField(
        allow_null=True,
        help_text="(value − previous) / previous, rounded to 3 decimals; `null` when previous is `null` or 0.",
    )
    wording = serializers.CharField(
        allow_null=True, help_text="The Dutch wording of the change, e.g. `lichte stijging`; `null` with `change`."
    )


class EditionSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="The year the edition is about.")
    edition = serializers.IntegerField(help_text="The edition's number within its year: 1, then 2 for a correction.")
    label = serializers.CharField(help_text="`2024` for the first edition, `2024-2` for the second.")
    published_at = serializers.CharField(help_text="When it was published (ISO 8601, with the offset).")
    note = serializers.CharField(
        allow_blank=True, help_text="What a later edition changes (empty for a first edition)."
    )


class IndicatorsSerializer(serializers.Serializer):
    region = serializers.CharField(help_text="The region configuration's slug, e.g. `regio-rotterdam`.")
    year = serializers.IntegerField()
    values = IndicatorValueSerializer(many=True)
    changes = IndicatorChangeSerializer(many=True)
    public = serializers.BooleanField(
        help_text="`true`: the published figures, through disclosure control; `false`: the analyst's "
        "unsuppressed figures of the current deliveries (`current=true`)."
    )
    edition = EditionSerializer(
        allow_null=True, help_text="The published edition the figures come from; `null` with `current=true`."
    )


# -- deliveries ----------------------------------------------------------------------------------


class DeliveryChangesSerializer(serializers.Serializer):
    previous_id = serializers.IntegerField(allow_null=True, help_text="The version this one replaced, if any.")
    rows_added = serializers.IntegerField()
    rows_removed = serializers.IntegerField()
    rows_changed = serializers.IntegerField(
        allow_null=True, help_text="`null` when the format has no `id` column (rows compared as a whole)."
    )
    keyed = serializers.BooleanField(help_text="Whether rows were compared by their `id`.")
    totals_before = serializers.DictField(
        child=serializers.IntegerField(), allow_null=True, help_text="Headline totals of the previous version."
    )
    totals_after = serializers.DictField(child=serializers.IntegerField(), help_text="Headline totals of this version.")


class DeliverySerializer(serializers.Serializer):
    """One delivered version (the fields a partner may see of its own deliveries)."""

    id = serializers.IntegerField()
    partner = serializers.ChoiceField(choices=PARTNER_CHOICES, help_text="The partner's code, e.g. `ESSM`.")
    dataset = serializers.ChoiceField(choices=DATASET_CHOICES)
    year = serializers.IntegerField()
    version = serializers.IntegerField(help_text="1, 2, … per (partner, dataset, year).")
    is_current = serializers.BooleanField(help_text="Whether this is the version the figures count.")
    file_name = serializers.CharField(help_text="The delivered file's name.")
    file_hash = serializers.CharField(help_text="SHA-256 of the delivered file (hex).")
    row_count = serializers.IntegerField()
    delivered_at = serializers.CharField(help_text="When it was stored (ISO 8601).")
    delivered_by = serializers.CharField(help_text="The account that delivered it.")
    changes = DeliveryChangesSerializer(allow_null=True, help_text="What changed against the previous version.")


# Documentation only: the view reads and checks the fields itself, so that every problem is named in
# Dutch and English.
class DeliveryUploadSerializer(serializers.Serializer):
    """A delivery: one file of one dataset for one year (multipart/form-data)."""

    file = serializers.FileField(help_text="The delivery file: `.csv` (UTF-8) or `.xlsx`, in the dataset's format.")
    dataset = serializers.ChoiceField(choices=DATASET_CHOICES, help_text="Which format the file is in.")
    year = serializers.IntegerField(min_value=1900, max_value=2100, help_text="The year the records are about.")
    partner = serializers.ChoiceField(
        choices=PARTNER_CHOICES,
        required=False,
        help_text="The partner the delivery is for (its code, e.g. `ESSM`). A partner's token may leave it out "
        "(its own partner); an analyst's token must give it.",
    )


# -- problems (RFC 9457) -------------------------------------------------------------------------


class ProblemSerializer(serializers.Serializer):
    type = serializers.URLField(help_text="What kind of problem (a URI).")
    title = serializers.CharField(help_text="Short English summary.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What happened and what to do, in English.")
    title_nl = serializers.CharField(help_text="Korte samenvatting in het Nederlands.")
    detail_nl = serializers.CharField(help_text="Wat er gebeurde en wat u kunt doen, in het Nederlands.")


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(help_text="The parameter or form field, e.g. `year`.")
    message_nl = serializers.CharField()
    message_en = serializers.CharField()


class BadRequestProblemSerializer(ProblemSerializer):
    errors = ParameterErrorSerializer(
        many=True,
        required=False,
        help_text="Every parameter that was missing or wrong (absent when the request itself could not be read).",
    )


class FindingSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="The row in the file (header = 1); `null`: the file.")
    column = serializers.CharField(allow_null=True, help_text="The column; `null`: the whole row or file.")
    code = serializers.CharField(help_text="The finding's code (docs/delivery-format.md lists them).")
    message_nl = serializers.CharField()
    message_en = serializers.CharField()


class RefusedDeliveryProblemSerializer(ProblemSerializer):
    findings = FindingSerializer(many=True, help_text="Every finding; the file was not stored.")
