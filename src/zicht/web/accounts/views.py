"""Logging in (password, then a second factor for the roles that can see records), enrolling the
second factor with a QR code drawn on the server, logging out, changing the password.

Every login, failed login, lockout and second-factor attempt is in the audit log (zicht.web.accounts.signals).
"""

from __future__ import annotations

import base64
import io

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from zicht import access
from zicht.services.accounts import actor_for_user
from zicht.services.audit import audit
from zicht.web.accounts.forms import CodeForm, LoginForm, NewPasswordForm
from zicht.web.actors import actor_of, second_factor_passed


def _next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _after_password(request, target: str):
    """Where a password login goes next: the second factor, its enrolment, or the page asked for."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if second_factor_passed(request):
        return redirect(target)
    step = "accounts:second-factor"
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        step = "accounts:enrol"
    return redirect(reverse(step) + "?" + _query(target))


def _query(target: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"next": target})


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request):
    target = _next(request)
    if request.user.is_authenticated:
        return _after_password(request, target)
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        return _after_password(request, target)
    expired = request.session.pop("expired", False) if hasattr(request, "session") else False
    return render(request, "accounts/login.html", {"form": form, "next": target, "expired": expired})


def _pending(request) -> bool:
    return request.user.is_authenticated and hasattr(request.user, "account") and not second_factor_passed(request)


@csrf_protect
@never_cache
def second_factor(request):
    """The code from the account's authenticator app, at every login of an analyst or partner."""
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    target = _next(request)
    if not _pending(request):
        return redirect(target if request.user.is_authenticated else reverse("accounts:login"))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(reverse("accounts:enrol") + "?" + _query(target))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            audit(actor_for_user(request.user), "second-factor", request.user.username)
            return redirect(target)
        audit(actor_for_user(request.user), "second-factor-failed", request.user.username)
        form.add_error(
            "code",
            _("This code is not right (or came too soon after a wrong one). Wait for a new code and try again.")
            if allowed
            else _("Too many wrong codes: wait a minute before you try again."),
        )
    return render(request, "accounts/second_factor.html", {"form": form, "next": target})


@csrf_protect
@never_cache
def enrol(request):
    """Set up the second factor: scan the QR code (drawn on the server as SVG), then confirm a code."""
    import segno
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    target = _next(request)
    if not _pending(request) or not access.needs_second_factor(request.user.account.role):
        return redirect(target if request.user.is_authenticated else reverse("accounts:login"))
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(reverse("accounts:second-factor") + "?" + _query(target))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit(actor_for_user(request.user), "second-factor-enrolled", request.user.username)
            messages.success(request, _("Your second factor is set up. From now on you enter a code at every login."))
            return redirect(target)
        form.add_error("code", _("This code is not right. Check the time on your phone and try the next code."))
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer,
        kind="svg",
        scale=5,
        border=2,
        xmldecl=False,
        svgclass="zicht-qr",
        title=_("QR code for your authenticator app"),
    )
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "next": target,
            "qr_svg": buffer.getvalue().decode("utf-8"),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )


@require_POST
@csrf_protect
def logout_view(request):
    if request.user.is_authenticated:
        audit(actor_for_user(request.user), "logout", request.user.username)
    logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("public:home")


@sensitive_post_parameters()
@csrf_protect
@never_cache
@login_required
def password_change(request):
    if not second_factor_passed(request):
        return redirect(reverse("accounts:second-factor") + "?" + _query(request.get_full_path()))
    form = NewPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        audit(actor_of(request), "password-change", request.user.username)
        messages.success(request, _("Your password is changed."))
        return redirect("public:home")
    return render(request, "accounts/password_change.html", {"form": form})


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes: too many failed logins for this account."""
    return render(request, "accounts/locked_out.html", status=429)
