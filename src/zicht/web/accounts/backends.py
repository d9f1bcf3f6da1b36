"""Django's password backend, loading the account's role and organisation with the user (one query
fewer on every request of a logged-in account)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        user = User._default_manager.select_related("account").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
