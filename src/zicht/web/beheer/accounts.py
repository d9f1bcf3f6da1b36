"""Accounts on the desk: the list, creating an account, disabling, enabling and resetting one.

A new or reset password is generated here, shown once on the answer to the POST (never stored in the
session, never sent again), and handed over by the analyst; the second factor is set up at the next
login. Every change is audited by the use case.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables

from zicht import access
from zicht.region import load_region
from zicht.services import accounts
from zicht.services.errors import Refused
from zicht.web.actors import page
from zicht.web.beheer.forms import AccountForm
from zicht.web.beheer.views import desk_nav, refusal


def _password_page(request, actor, info, password: str, created: bool):
    """The one time a generated password is shown (the answer to the POST that made it)."""
    context = {
        "account": info,
        "password": password,
        "created": created,
        "needs_second_factor": access.needs_second_factor(info.role),
        "desk_nav": desk_nav(actor, "accounts"),
    }
    return render(request, "beheer/password.html", context)


@page(access.can_manage_accounts)
def account_list(request, actor):
    found = accounts.list_users(actor)
    context = {
        "accounts": [{"info": a, "needs_second_factor": access.needs_second_factor(a.role)} for a in found],
        "active": sum(1 for a in found if a.is_active),
        "desk_nav": desk_nav(actor, "accounts"),
    }
    return render(request, "beheer/accounts.html", context)


@never_cache
@page(access.can_manage_accounts)
@sensitive_variables("password")
def account_new(request, actor):
    form = AccountForm(request.POST or None, region=load_region())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        password = accounts.generate_password()
        try:
            info = accounts.add_user(
                actor,
                data["username"],
                data["role"],
                password,
                partner=data["partner"] or None,
                gemeente=data["gemeente"] or None,
            )
        except Refused as error:
            messages.error(request, refusal(error))
        else:
            return _password_page(request, actor, info, password, created=True)
    return render(request, "beheer/account_new.html", {"form": form, "desk_nav": desk_nav(actor, "accounts")})


@never_cache
@page(access.can_manage_accounts)
@sensitive_variables("password")
def account_detail(request, actor, username: str):
    info = accounts.account(actor, username)  # NotFound: 404
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "disable":
                accounts.set_active(actor, username, False)
                messages.success(
                    request,
                    _("%(name)s is disabled: its sessions and API tokens no longer work.") % {"name": username},
                )
            elif action == "enable":
                accounts.set_active(actor, username, True)
                messages.success(request, _("%(name)s is enabled again.") % {"name": username})
            elif action == "reset":
                password = accounts.generate_password()
                info = accounts.reset_user(actor, username, password)
                return _password_page(request, actor, info, password, created=False)
            else:
                messages.error(request, _("Unknown action; nothing changed."))
        except Refused as error:
            messages.error(request, refusal(error))
        return redirect("beheer:account", username=username)
    context = {
        "account": info,
        "is_self": info.username == actor.name,
        "needs_second_factor": access.needs_second_factor(info.role),
        "desk_nav": desk_nav(actor, "accounts"),
    }
    return render(request, "beheer/account.html", context)
