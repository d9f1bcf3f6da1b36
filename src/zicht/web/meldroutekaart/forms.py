"""The guided check as a form: four questions, each a group of radio buttons or checkboxes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zicht.web.meldroutekaart.check import QUESTIONS, Answers

CHOOSE_ONE = _("Choose an answer.")
CHOOSE_SOME = _("Choose at least one answer.")

YES_NO = {"ja": _("Yes"), "nee": _("No"), "weet-niet": _("I don't know")}


class CheckForm(forms.Form):
    """The questions in the order they are asked. Every question needs an answer, "I don't know" included,
    so that the outcome never rests on a question someone skipped by accident."""

    gevaar = forms.ChoiceField(
        label=_("Is someone in danger right now?"),
        help_text=_("For example: someone is hurt, threatened, locked up or cannot get away."),
        choices=[(a, YES_NO[a]) for a in QUESTIONS["gevaar"]],
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
    )
    minderjarig = forms.ChoiceField(
        label=_("Is a child or young person under 18 involved?"),
        choices=[(a, YES_NO[a]) for a in QUESTIONS["minderjarig"]],
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
    )
    situatie = forms.MultipleChoiceField(
        label=_("What is it about?"),
        help_text=_("Choose everything that fits."),
        choices=[
            (
                "werk",
                _("Work: for example in a company, on a building site, in a greenhouse, a restaurant or in a home"),
            ),
            ("seks", _("Sex or sex work, also online or by webcam")),
            ("crimineel", _("Crime: for example carrying or selling drugs, stealing, or 'lending' a bank account")),
            ("thuis", _("A family or a relationship: for example a forced marriage")),
            ("anders", _("Something else, such as adoption, surrogacy or giving up an organ, or I don't know")),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CHOOSE_SOME, "invalid_choice": CHOOSE_SOME},
    )
    praten = forms.ChoiceField(
        label=_("Can you talk with the person safely, alone?"),
        choices=[(a, YES_NO[a]) for a in QUESTIONS["praten"]],
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
    )

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(data["gevaar"], data["minderjarig"], tuple(data["situatie"]), data["praten"])

    def questions(self) -> list[dict]:
        """Each question with its options as the template draws them (fieldset, legend, inputs)."""
        result = []
        for number, name in enumerate(self.fields, start=1):
            field = self.fields[name]
            picked = set(self.data.getlist(name) if self.is_bound else self.initial.get(name, ()))
            result.append(
                {
                    "number": number,
                    "name": name,
                    "label": field.label,
                    "help": field.help_text,
                    "multiple": isinstance(field, forms.MultipleChoiceField),
                    "errors": self.errors.get(name, []) if self.is_bound else [],
                    "options": [
                        {"value": value, "label": label, "id": f"{name}-{value}", "checked": value in picked}
                        for value, label in field.choices
                    ],
                }
            )
        return result
