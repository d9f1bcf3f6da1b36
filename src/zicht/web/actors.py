"""From a request to an `Actor`, and the one decorator every page view goes through.

A view never tests roles or groups: it names the `zicht.access` check its page needs, gets the actor
as its second argument, and calls use cases with it. An account that must pass a second factor and
has not yet done so in this session is anonymous to every view but the second-factor pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse

from zicht import access
from zicht.access import Actor, NotAllowed
from zicht.services.errors import NotFound


def actor_of(request: HttpRequest) -> Actor:
    """The actor of a page request (cached on the request)."""
    cached = getattr(request, "_zicht_actor", None)
    if cached is not None:
        return cached
    actor = Actor.anonymous("web")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and second_factor_passed(request):
        from zicht.services.accounts import actor_for_user

        actor = actor_for_user(user, via="web")
    request._zicht_actor = actor
    return actor


def pending_second_factor(request: HttpRequest) -> bool:
    """Logged in with a password, but the role's second factor is still to come."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and not second_factor_passed(request))


def second_factor_passed(request: HttpRequest) -> bool:
    user = request.user
    account = getattr(user, "account", None)
    if account is None:
        return False
    if not access.needs_second_factor(account.role):
        return True
    return bool(getattr(user, "is_verified", lambda: False)())


def login_url(request: HttpRequest) -> str:
    if pending_second_factor(request):
        return reverse("accounts:second-factor") + "?" + urlencode({"next": request.get_full_path()})
    return reverse("accounts:login") + "?" + urlencode({"next": request.get_full_path()})


def page(check: Callable[[Actor], bool] | None = None):
    """Decorate a page view `view(request, actor, ...)`.

    - `check(actor)` false: an anonymous visitor goes to the login page; an account gets 403.
    - `NotAllowed` raised by a use case: 403; `NotFound`: 404 (also for another partner's things, so a
      page never reveals whether they exist).
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            from zicht.web.errors import forbidden, not_found

            actor = actor_of(request)
            if check is not None and not check(actor):
                if actor.is_anonymous:
                    return redirect(login_url(request))
                return forbidden(request)
            try:
                return view(request, actor, *args, **kwargs)
            except NotAllowed:
                return forbidden(request)
            except NotFound:
                return not_found(request)

        wrapped.zicht_check = check  # the permission walk reads it
        return wrapped

    return decorate
