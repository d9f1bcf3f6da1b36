from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zicht.web.accounts"
    label = "zicht_accounts"

    def ready(self):
        from zicht.web.accounts import signals  # noqa: F401 - connects the audit receivers
