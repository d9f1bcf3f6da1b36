"""The portal's forms: a delivery file to check, an API token to create."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from zicht.schema.datasets import DATASETS
from zicht.web.forms import Form

SUFFIXES = (".csv", ".xlsx")
FIRST_YEAR = 2000


def dataset_title(name: str) -> str:
    declared = DATASETS[name]
    return declared.title_en if (get_language() or "nl").startswith("en") else declared.title_nl


class UploadForm(Form):
    """Dataset, year, the partner (only for whoever delivers for more than one) and the file.

    `pairs` are the (partner, dataset) pairs the actor may deliver. A partner that posts a dataset it does
    not deliver is not corrected here: the use case refuses it (403).
    """

    partner = forms.ChoiceField(label=_("Partner"), help_text=_("The organisation the data comes from."))
    dataset = forms.ChoiceField(label=_("Dataset"))
    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, help_text=_("The year the records are about, not the year you deliver in.")
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("A .csv or .xlsx file in the format of the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, pairs: list[tuple[str, str]], partner_names: dict[str, str], years: list[int], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pairs = pairs
        partners = list(dict.fromkeys(p for p, _ in pairs))
        self.own_partner = partners[0] if len(partners) == 1 else None
        if self.own_partner:
            del self.fields["partner"]
        else:
            self.fields["partner"].choices = [("", _("Choose a partner"))] + [
                (code, f"{code} · {partner_names.get(code, code)}") for code in partners
            ]
        offered = list(dict.fromkeys(d for _, d in pairs))
        # Every dataset is a valid choice; the select offers those the actor delivers.
        self.fields["dataset"].choices = [("", _("Choose a dataset"))] + [
            (name, f"{dataset_title(name)} ({name})") for name in offered
        ]
        self.fields["dataset"].valid_value = lambda value: value in DATASETS
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["year"].valid_value = lambda value: str(value).isdigit() and FIRST_YEAR <= int(value) <= 2200

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                _("This is not a .csv or .xlsx file. Save it from Excel as .xlsx or as CSV UTF-8 and choose it again.")
            )
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB. Do not split it: contact the analyst.")
                % {"mb": round(settings.MAX_UPLOAD_BYTES / 1024 / 1024)}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload

    def clean(self):
        cleaned = super().clean()
        partner = self.own_partner or cleaned.get("partner")
        dataset = cleaned.get("dataset")
        if partner and dataset and not self.own_partner and (partner, dataset) not in self.pairs:
            delivering = ", ".join(p for p, d in self.pairs if d == dataset) or "-"
            self.add_error(
                "dataset",
                _("%(partner)s does not deliver this dataset; it is delivered by: %(partners)s.")
                % {"partner": partner, "partners": delivering},
            )
        cleaned["partner"] = partner
        return cleaned


class TokenForm(Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=80,
        help_text=_("The system that will use it, e.g. “registration system ESSM”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
