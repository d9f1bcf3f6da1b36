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
    # How it arrived (cli, web, api), and the version it restores when it is a restore.
    delivered_via = models.CharField(max_length=10, default="cli")
    restores_version = models.IntegerField(null=True, blank=True)
    # What changed against the previous version (rows added, removed, changed; headline totals before
    # and after), computed when the version is stored: the history page only reads it.
    changes = models.JSONField(null=True, blank=True)

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
    """Who saw or changed what, and when. Never holds record contents; never updated (a trigger refuses it)."""

    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=60)
    subject = models.CharField(max_length=255)
    details = models.JSONField(default=dict)

    class Meta:
        db_table = "zicht_audit"
        ordering = ["at"]
        indexes = [
            models.Index(fields=["at"], name="zicht_audit_at"),
            models.Index(fields=["actor", "at"], name="zicht_audit_actor"),
            models.Index(fields=["action", "at"], name="zicht_audit_action"),
        ]


class Account(models.Model):
    """The organisation and role of a login account (spec/web.md, "Organisations, roles, scopes").

    The role's capabilities are the permissions of the Django group of the same name (`zicht.access`
    keeps the table); code asks for a capability, never for a role or group name.
    """

    user = models.OneToOneField("auth.User", on_delete=models.CASCADE, related_name="account")
    role = models.CharField(max_length=20)
    partner = models.CharField(max_length=40, blank=True, default="")
    gemeente = models.CharField(max_length=80, blank=True, default="")
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)

    class Meta:
        db_table = "zicht_account"
        permissions = [
            ("deliver", "Deliver datasets for the own organisation"),
            ("deliver_for_any_partner", "Deliver datasets on behalf of any partner"),
            ("view_all_deliveries", "See every partner's deliveries and records"),
            ("view_unsuppressed", "See every figure unsuppressed"),
            ("view_own_gemeente", "See the own municipality's figures unsuppressed"),
            ("edit_texts", "Write the narrative texts of the monitor"),
            ("publish", "Publish an edition of the monitor"),
            ("manage_accounts", "Create, disable and reset accounts"),
            ("view_audit", "Read the audit log"),
            ("edit_actions", "Edit the action plan"),
            ("edit_initiatives", "Register the own municipality's initiatives"),
            ("reserve_materials", "Reserve awareness materials"),
            ("confirm_loans", "Confirm loans of awareness materials"),
            ("use_api_tokens", "Create and use API tokens"),
        ]


class ApiToken(models.Model):
    """A token for a partner's own systems. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12, help_text="the first characters, to recognise a token in a list")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "zicht_api_token"
        ordering = ["-created_at"]


class PendingUpload(models.Model):
    """A validated upload waiting for its confirmation (the portal's two steps), kept for a limited time.

    Nothing is imported before the confirmation; the file is found again by its hash and account.
    """

    file_hash = models.CharField(max_length=64)
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="+")
    partner = models.CharField(max_length=40)
    dataset = models.CharField(max_length=40)
    year = models.IntegerField()
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    accepted = models.BooleanField()
    rows = models.IntegerField(default=0)
    findings = models.JSONField(default=list)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        db_table = "zicht_pending_upload"
        indexes = [models.Index(fields=["user", "file_hash"], name="zicht_pending_lookup")]


class Edition(models.Model):
    """A published edition of a year's monitor: frozen, never changed (spec/web.md, "Publication").

    A correction is a new edition of the same year (`2024-2`) with a change note.
    """

    year = models.IntegerField()
    number = models.IntegerField()
    published_at = models.DateTimeField()
    published_by = models.CharField(max_length=150)
    note = models.TextField(blank=True, default="")
    region = models.CharField(max_length=80)
    software_version = models.CharField(max_length=40)
    # {year: indicators JSON} for the edition's year and the earlier years its charts show.
    indicators = models.JSONField()
    public_indicators = models.JSONField()
    deliveries = models.JSONField(help_text="the delivery versions used, with their hashes")
    estimate = models.JSONField(null=True, blank=True, help_text="the public estimate, where the region publishes it")

    class Meta:
        db_table = "zicht_edition"
        ordering = ["year", "number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="zicht_edition_number")]

    @property
    def label(self) -> str:
        return str(self.year) if self.number == 1 else f"{self.year}-{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("a published edition is never changed; publish a new edition instead")
        super().save(*args, **kwargs)


class EditionFile(models.Model):
    """One frozen file of an edition: the public monitor as HTML or PDF, in Dutch or English."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="files")
    name = models.CharField(max_length=160)
    kind = models.CharField(max_length=4)  # html | pdf
    lang = models.CharField(max_length=2)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.IntegerField()

    class Meta:
        db_table = "zicht_edition_file"
        constraints = [models.UniqueConstraint(fields=["edition", "kind", "lang"], name="zicht_edition_file_one")]


class StoredEstimate(models.Model):
    """The estimate of the hidden number for a set of deliveries: inputs hash, options, version, result.

    The same capture table, options and software version always give the same result, so the monitor
    in another language or edition reuses it. Holds the result only, never the capture table.
    """

    year = models.IntegerField()
    inputs_hash = models.CharField(max_length=64, help_text="SHA-256 of the capture-history table")
    options_hash = models.CharField(max_length=64)
    options = models.JSONField()
    software_version = models.CharField(max_length=40)
    result = models.JSONField()
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)

    class Meta:
        db_table = "zicht_estimate"
        constraints = [
            models.UniqueConstraint(
                fields=["inputs_hash", "options_hash", "software_version"], name="zicht_estimate_once"
            )
        ]


class LoanRequest(models.Model):
    """A reservation of an awareness material by a municipality or a partner (spec/web.md, `/uitleen/`).

    Requested, then refused, cancelled or confirmed: a confirmed reservation is a loan, a row of the
    region's `uitleningen` delivery (`loan_year`, `loan_ref`), and its handover and return are kept
    there (decision 0007). Two confirmed loans of one item never overlap: confirming takes a lock and
    checks the delivery's loans first (`zicht.services.uitleen`).
    """

    material = models.CharField(max_length=40, help_text="a code of the region's catalogue ([uitleen])")
    start = models.DateField()
    end = models.DateField()
    gemeente = models.CharField(max_length=80, help_text="where it is used: a municipality, regio or buiten-regio")
    organisatie = models.CharField(max_length=40, help_text="the organisatie code the loan is counted under")
    # The organisation that asked, whose accounts see the reservation: a partner, or a municipality.
    by_partner = models.CharField(max_length=40, blank=True, default="")
    by_gemeente = models.CharField(max_length=80, blank=True, default="")
    purpose = models.CharField(max_length=500)
    audience = models.CharField(max_length=200, blank=True, default="")
    expected = models.IntegerField(null=True, blank=True, help_text="the expected number of people")
    status = models.CharField(max_length=20, default="aangevraagd")  # aangevraagd|bevestigd|afgewezen|geannuleerd
    loan_year = models.IntegerField(null=True, blank=True)
    loan_ref = models.CharField(max_length=64, blank=True, default="")
    requested_by = models.CharField(max_length=150)
    requested_at = models.DateTimeField()
    decided_by = models.CharField(max_length=150, blank=True, default="")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        db_table = "zicht_loan_request"
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["material", "start"], name="zicht_loan_request_material"),
            models.Index(fields=["status", "start"], name="zicht_loan_request_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["loan_year", "loan_ref"], condition=~models.Q(loan_ref=""), name="zicht_loan_request_one_loan"
            )
        ]


class MaterialEdit(models.Model):
    """The analyst's edits of an item of the region's catalogue: its texts, and whether it can be reserved."""

    code = models.CharField(max_length=40, unique=True)
    name_nl = models.CharField(max_length=120, blank=True, default="")
    name_en = models.CharField(max_length=120, blank=True, default="")
    description_nl = models.TextField(blank=True, default="")
    description_en = models.TextField(blank=True, default="")
    available = models.BooleanField(default=True)
    note = models.CharField(max_length=300, blank=True, default="", help_text="e.g. why it cannot be reserved")
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=150)

    class Meta:
        db_table = "zicht_material"


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
