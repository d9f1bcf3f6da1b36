"""What the action plan's and the loans' pages call the codes of the delivery format, in the page's language.

The codes stay canonical in the data (`zicht.schema.codes`); these are only their names on a page.
The loans' area (`zicht.web.uitleen`) uses them too.
"""

from __future__ import annotations

from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zicht.schema.codes import OPGAVEN

STATUS = {  # with a context: "Done" elsewhere is a button's "Klaar"
    "gepland": pgettext_lazy("action status", "Planned"),
    "lopend": pgettext_lazy("action status", "Running"),
    "gereed": pgettext_lazy("action status", "Done"),
    "uitgesteld": pgettext_lazy("action status", "Postponed"),
}

SOORT = {
    "training": _("Training"),
    "bijeenkomst": _("Meeting"),
    "campagne": _("Campaign"),
    "voorlichting": _("Information session"),
    "controle": _("Inspection"),
    "materiaal": _("Materials"),
    "overig": _("Other"),
}

ORGANISATIE = {
    "politie": _("Police"),
    "gemeente": _("Municipality"),
    "ESSM": "ESSM",
    "RIEC": "RIEC",
    "OM": _("Public Prosecution Service (OM)"),
    "IND": _("Immigration and Naturalisation Service (IND)"),
    "NLA": _("Netherlands Labour Authority (NLA)"),
    "Belastingdienst": _("Tax Administration"),
    "FIOD": "FIOD",
    "KMar": _("Royal Marechaussee"),
    "UWV": "UWV",
    "CoMensha": "CoMensha",
    "zorg": _("Care organisation"),
    "onderwijs": _("Education"),
    "overig": _("Other organisation"),
}

PLACE = {"regio": _("Regional"), "buiten-regio": _("Outside the region"), "regio-onbekend": _("Region, unknown")}


def english() -> bool:
    return (get_language() or "nl").startswith("en")


def lang() -> str:
    return "en" if english() else "nl"


def opgave(number) -> str:
    nl, en = OPGAVEN[int(number)]
    return en if english() else nl


def status(code: str) -> str:
    return str(STATUS.get(code, code))


def soort(code: str) -> str:
    return str(SOORT.get(code, code))


def organisatie(code: str | None) -> str:
    return str(ORGANISATIE.get(code, code)) if code else ""


def place(name: str | None) -> str:
    return str(PLACE.get(name, name)) if name else ""


def say(error) -> str:
    """A use case's refusal (or NotAllowed) in the page's language."""
    return error.message_en if english() else error.message_nl
