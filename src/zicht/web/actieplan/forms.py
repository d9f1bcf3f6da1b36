"""The action plan's forms: an action (the analyst) and an initiative (a municipal officer).

They only gather the values; the delivery format's validation decides (`zicht.services.actieplan`), and
its findings are put beside the fields they concern (`show_refusal`).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from zicht.schema.codes import INITIATIEF_SOORT, OPGAVEN, ORGANISATIE, STATUS
from zicht.web.actieplan import labels
from zicht.web.forms import Form as StyledForm


class Form(StyledForm):
    """No `required` attribute (the browser would mark an empty required field before anything was typed);
    assistive technology still hears that a field is required."""

    use_required_attribute = False
    # The version of the delivery the form was filled in on: a change by someone else in between is refused.
    basis = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"

    def values(self) -> dict:
        """The cleaned values as the delivery's columns (empty as None, several codes joined by `|`)."""
        out = {}
        for name, value in self.cleaned_data.items():
            if name == "basis":
                continue
            if isinstance(value, list):
                value = "|".join(value)
            if isinstance(value, dt.date):
                value = value.isoformat()
            out[name] = value if value not in ("", None) else None
        return out

    def show_refusal(self, error, row: int | None) -> None:
        """A use case's refusal beside the fields its findings name (on the edited row), else on top."""
        placed = False
        for finding in error.findings:
            message = finding.message_en if labels.english() else finding.message_nl
            if finding.column in self.fields and finding.row in (row, None):
                self.add_error(finding.column, message.split(": ", 1)[-1])
                placed = True
            else:
                self.add_error(None, message)
                placed = True
        if not placed:
            self.add_error(None, labels.say(error))


def _opgave_choices(optional: bool) -> list[tuple[str, str]]:
    choices = [(str(n), f"{n}. {labels.opgave(n)}") for n in OPGAVEN]
    return [("", "—")] + choices if optional else choices


class ActionForm(Form):
    opgave = forms.TypedChoiceField(label=_("Task (opgave)"), coerce=int)
    titel = forms.CharField(label=_("Title"), max_length=200, help_text=_("What the action is, in a few words."))
    status = forms.ChoiceField(label=_("Status"), widget=forms.RadioSelect)
    eigenaar = forms.ChoiceField(label=_("Owner"), required=False, help_text=_("The organisation that leads it."))
    toelichting = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What happened, or why it was postponed. No names, e-mail addresses or phone numbers."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgave"].choices = _opgave_choices(optional=False)
        self.fields["status"].choices = [(code, labels.status(code)) for code in STATUS]
        self.fields["eigenaar"].choices = [("", "—")] + [(c, labels.organisatie(c)) for c in ORGANISATIE]


class InitiativeForm(Form):
    datum = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), help_text=_("In the year.")
    )
    titel = forms.CharField(label=_("Title"), max_length=200)
    soort = forms.ChoiceField(label=_("Kind"))
    opgave = forms.TypedChoiceField(label=_("Task (opgave)"), coerce=int, required=False, empty_value=None)
    partners = forms.MultipleChoiceField(
        label=_("Partners involved"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bereik = forms.IntegerField(
        label=_("People reached"), required=False, min_value=0, help_text=_("As far as known; a whole number.")
    )
    omschrijving = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names, e-mail addresses or phone numbers."),
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].widget.attrs.update(min=f"{year}-01-01", max=f"{year}-12-31")
        self.fields["soort"].choices = [("", "—")] + [(code, labels.soort(code)) for code in INITIATIEF_SOORT]
        self.fields["opgave"].choices = _opgave_choices(optional=True)
        self.fields["partners"].choices = [(c, labels.organisatie(c)) for c in ORGANISATIE]
        self.fields["bereik"].widget.attrs.update(inputmode="numeric")
