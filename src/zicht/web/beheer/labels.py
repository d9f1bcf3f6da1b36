"""What the desk calls things: sections, datasets, roles and audit actions in the page's language."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from zicht.access import ROLE_NAMES
from zicht.schema.datasets import DATASETS

SECTION_LABELS = {
    "inleiding": (_("Introduction"), _("An extra introduction in chapter 1.")),
    "casus": (_("Case story"), _("The anonymised case story, with the care figures in chapter 2.")),
    "conclusie": (_("Conclusion"), _("Chapter 4.")),
    "doorkijk": (_("Outlook"), _("Chapter 5: what comes next.")),
}

# The audit log's actions, as the analyst reads them: one for each of zicht.storage.api.AUDIT_ACTIONS.
ACTION_LABELS = {
    "login": _("Logged in"),
    "login-failed": _("Login failed"),
    "lockout": _("Account locked (too many failed logins)"),
    "logout": _("Logged out"),
    "second-factor": _("Second factor passed"),
    "second-factor-failed": _("Second factor failed"),
    "second-factor-enrolled": _("Second factor set up"),
    "password-change": _("Password changed"),
    "account-add": _("Account created"),
    "account-disable": _("Account disabled"),
    "account-enable": _("Account enabled"),
    "account-reset": _("Account reset"),
    "token-create": _("API token created"),
    "token-revoke": _("API token revoked"),
    "token-use": _("API token used"),
    "upload-checked": _("Upload checked"),
    "upload-refused": _("Upload refused"),
    "delivery-refused": _("Delivery refused"),
    "import": _("Delivery imported"),
    "restore": _("Version restored"),
    "delete-deliveries": _("Deliveries deleted"),
    "set-text": _("Text saved"),
    "view-indicators": _("Figures viewed"),
    "preview-report": _("Monitor previewed"),
    "render-report": _("Monitor rendered"),
    "estimate": _("Estimate computed"),
    "publish": _("Edition published"),
    "export-audit": _("Audit log exported"),
    "action-added": _("Action added to the plan"),
    "action-changed": _("Action changed"),
    "action-removed": _("Action removed"),
    "actions-carried-over": _("Actions carried over from the year before"),
    "initiative-added": _("Initiative added"),
    "initiative-changed": _("Initiative changed"),
    "initiative-removed": _("Initiative removed"),
    "material-changed": _("Material changed"),
    "reservation-requested": _("Reservation requested"),
    "reservation-confirmed": _("Reservation confirmed"),
    "reservation-refused": _("Reservation refused"),
    "reservation-cancelled": _("Reservation cancelled"),
    "loan-confirmed": _("Loan confirmed"),
    "loan-handed-over": _("Loan handed over"),
    "loan-returned": _("Loan returned"),
    "loan-reach": _("Reach of a loan noted"),
    "loan-cancelled": _("Loan cancelled"),
    "backup": _("Backup made"),
    "restore-backup": _("Backup restored"),
    "purge": _("Old records purged"),
}


def english() -> bool:
    return (get_language() or "nl").startswith("en")


def lang() -> str:
    return "en" if english() else "nl"


def dataset_title(name: str) -> str:
    found = DATASETS.get(name)
    if found is None:
        return name
    return found.title_en if english() else found.title_nl


def section_label(section: str) -> str:
    if section in SECTION_LABELS:
        return str(SECTION_LABELS[section][0])
    if section.startswith("toelichting-"):
        return str(_("Note: %(dataset)s")) % {"dataset": dataset_title(section.removeprefix("toelichting-"))}
    return section


def section_help(section: str) -> str:
    if section in SECTION_LABELS:
        return str(SECTION_LABELS[section][1])
    if section.startswith("toelichting-"):
        return str(_("Shown beside this dataset's figures."))
    return ""


def role_label(role: str) -> str:
    names = ROLE_NAMES.get(role)
    if names is None:
        return role
    return names[1] if english() else names[0]


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


# The keys of audit details the analyst meets most; others are shown by their key.
DETAIL_LABELS = {
    "via": _("via"),
    "role": _("role"),
    "account_role": _("role"),
    "public": _("public"),
    "lang": _("language"),
    "version": _("version"),
    "note": _("note"),
    "deliveries": _("deliveries"),
    "delivery": _("delivery"),
    "rows": _("rows"),
    "file_hash": _("file"),
    "files": _("files"),
    "partner": _("partner"),
    "gemeente": _("municipality"),
    "dataset": _("dataset"),
    "year": _("year"),
    "who": _("who"),
    "action": _("what"),
    "since": _("from"),
    "until": _("up to"),
    "reason": _("reason"),
    "count": _("number"),
    "findings": _("findings"),
    "token": _("token"),
}


def details_display(details: dict) -> list[tuple[str, str]]:
    """An audit entry's details as (label, value) pairs a person reads: yes/no, short hashes, no blanks."""

    def value(key: str, v) -> str:
        if isinstance(v, bool):
            return str(_("yes") if v else _("no"))
        if isinstance(v, (list, tuple)):
            return ", ".join(value(key, x) for x in v)
        if isinstance(v, dict):
            return ", ".join(f"{k} {value(k, x)}" for k, x in v.items())
        text = str(v)
        if "hash" in key and len(text) > 12:
            return text[:12] + "…"
        if key in ("role", "account_role"):
            return role_label(text)
        return text

    return [
        (str(DETAIL_LABELS.get(k, k)), value(k, v))
        for k, v in (details or {}).items()
        if v is not None and v != "" and v != []
    ]
