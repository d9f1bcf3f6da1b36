"""The desk's forms: a narrative text, a publication note, a new account, the audit log's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zicht.access import ROLES
from zicht.web.beheer.labels import action_label, role_label
from zicht.web.forms import Form as StyledForm

MAX_TEXT = 50_000


class Form(StyledForm):
    """No `required` attribute (the browser would mark an empty required field invalid before anything
    was typed); assistive technology still hears that a field is required."""

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"


class TextForm(Form):
    markdown = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
        help_text=_(
            "A blank line starts a new paragraph. **bold**, *italic*, a line starting with “- ” is a list item, "
            "[text](https://…) is a link. HTML is shown as text. An empty text leaves the section out of the monitor."
        ),
    )
    # The version the text was based on: saving over someone else's newer version is refused.
    basis = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class PublishForm(Form):
    note = forms.CharField(
        label=_("Note on this edition"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What this edition changes compared with the previous one. Shown to the public with the edition."),
    )

    def __init__(self, *args, needs_note: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_note = needs_note
        if needs_note:
            self.fields["note"].required = True
            self.fields["note"].widget.attrs["aria-required"] = "true"
            self.fields["note"].error_messages["required"] = _(
                "This year already has an edition: say what the new edition changes."
            )
        else:
            self.fields["note"].help_text = _(
                "Optional for the first edition of a year; shown to the public with the edition."
            )

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if self.needs_note and not note:
            raise forms.ValidationError(_("This year already has an edition: say what the new edition changes."))
        return note


class AccountForm(Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ ; for example j.jansen. Cannot be changed later."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)
    partner = forms.ChoiceField(
        label=_("Chain partner"),
        required=False,
        help_text=_("Only for the role partner: the organisation that delivers."),
    )
    gemeente = forms.ChoiceField(
        label=_("Municipality"), required=False, help_text=_("Only for the role municipality.")
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        descriptions = {
            "analyst": _("the region's own: all deliveries, texts, publication, accounts"),
            "partner": _("delivers its own datasets"),
            "gemeente": _("its own municipality's figures and initiatives"),
        }
        self.fields["role"].choices = [(r, f"{role_label(r)}: {descriptions[r]}") for r in ROLES]
        self.fields["partner"].choices = [("", "—")] + [(p.code, f"{p.code}: {p.name}") for p in region.partners]
        self.fields["gemeente"].choices = [("", "—")] + [(m, m) for m in region.municipality_names]

    def clean(self):
        data = super().clean()
        role = data.get("role")
        # Only the organisation that goes with the role counts (a choice left from another role is ignored).
        if role != "partner":
            data["partner"] = ""
        elif not data.get("partner"):
            self.add_error("partner", _("Choose the partner this account delivers for."))
        if role != "gemeente":
            data["gemeente"] = ""
        elif not data.get("gemeente"):
            self.add_error("gemeente", _("Choose the municipality of this account."))
        return data


class AuditFilterForm(Form):
    wie = forms.CharField(label=_("Who (part of the name)"), required=False, max_length=150)
    wat = forms.ChoiceField(label=_("What"), required=False)
    van = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, actions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = sorted(((a, action_label(a)) for a in actions), key=lambda c: c[1].lower())
        self.fields["wat"].choices = [("", _("Every action"))] + [
            (a, label if label == a else f"{label} ({a})") for a, label in choices
        ]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("The end of the period is before its start."))
        return data
