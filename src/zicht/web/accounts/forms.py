"""The forms of logging in: password, second factor, new password."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from zicht.web.forms import Form, StyledMixin


class LoginForm(StyledMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _(
            "The user name or password is not right. After five failed attempts the account is locked for 15 minutes."
        ),
        "inactive": _("This account is disabled. Ask the region's analyst."),
    }


class CodeForm(Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}", "autofocus": True}
        ),
        help_text=_("Six digits; a new code every 30 seconds."),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("The code is six digits."))
        return code


class NewPasswordForm(StyledMixin, PasswordChangeForm):
    """Django's password change, with the site's wording."""
