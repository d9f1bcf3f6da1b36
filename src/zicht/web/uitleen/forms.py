"""The loans' forms: a reservation, a decision, a return, an item of the catalogue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zicht.schema.codes import BUITEN_REGIO, REGIO
from zicht.web.actieplan import labels
from zicht.web.actieplan.forms import Form

_DATE = {"type": "date"}


class ReserveForm(Form):
    materiaal = forms.ChoiceField(label=_("Material"))
    start = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"))
    end = forms.DateField(
        label=_("Last day"),
        widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"),
        help_text=_("The day you bring it back."),
    )
    gemeente = forms.ChoiceField(label=_("Where it is used"), help_text=_("The municipality, or the whole region."))
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you use it for: a training, a meeting, an information session. No names or phone numbers."),
    )
    audience = forms.CharField(
        label=_("Expected audience"), required=False, max_length=200, help_text=_("For example: neighbourhood teams.")
    )
    expected = forms.IntegerField(label=_("Expected number of people"), required=False, min_value=0, max_value=100000)

    def __init__(self, *args, materials, region, partner: bool, max_days: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["materiaal"].choices = [(m.code, m.name(labels.lang())) for m in materials]
        self.fields["end"].help_text = _("The day you bring it back; at most %(days)d days after the first.") % {
            "days": max_days
        }
        self.fields["expected"].widget.attrs.update(inputmode="numeric")
        if partner:
            places = [(REGIO, labels.place(REGIO)), *((m, m) for m in region.municipality_names)]
            self.fields["gemeente"].choices = [("", "—"), *places, (BUITEN_REGIO, labels.place(BUITEN_REGIO))]
        else:  # a municipality's account borrows for its own municipality
            del self.fields["gemeente"]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The last day is before the first."))
        return data


class ReasonForm(Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown to whoever asked. No names or phone numbers."),
    )


class ReturnForm(Form):
    bereik = forms.IntegerField(
        label=_("People reached"),
        required=False,
        min_value=0,
        max_value=100000,
        help_text=_("As far as known; you can also note it later."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bereik"].widget.attrs.update(inputmode="numeric")


class MaterialForm(Form):
    name_nl = forms.CharField(label=_("Name (Dutch)"), max_length=120)
    name_en = forms.CharField(label=_("Name (English)"), max_length=120, required=False)
    description_nl = forms.CharField(
        label=_("Description (Dutch)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    description_en = forms.CharField(
        label=_("Description (English)"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    available = forms.BooleanField(label=_("Can be reserved"), required=False)
    note = forms.CharField(
        label=_("Remark"),
        max_length=300,
        required=False,
        help_text=_("Shown with the item, for example why it cannot be reserved for now."),
    )
