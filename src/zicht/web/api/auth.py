"""Token authentication for the API: `Authorization: Token zt_…` (tokens are created and revoked in
/aanleveren/ and stored only as their SHA-256). Every request made with a token is in the audit log."""

from __future__ import annotations

from rest_framework import authentication, exceptions


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # anonymous: the public endpoints answer, the others say 401
        if len(header) != 2:
            raise exceptions.AuthenticationFailed()
        from zicht.services.accounts import actor_for_token
        from zicht.services.audit import audit

        try:
            token = header[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed() from None
        actor = actor_for_token(token)
        if actor is None:
            raise exceptions.AuthenticationFailed()
        from django.contrib.auth.models import User

        audit(actor, "token-use", f"{request.method} {request.path}")
        request._zicht_actor = actor
        return (User.objects.get(pk=actor.user_id), token)

    def authenticate_header(self, request):
        return f'{self.keyword} realm="zicht"'


def api_actor(request):
    """The actor of an API request: the token's, else anonymous."""
    from zicht.access import Actor

    request.user  # runs authentication  # noqa: B018
    return getattr(request, "_zicht_actor", None) or Actor.anonymous("api")
