from django.apps import AppConfig


class StorageConfig(AppConfig):
    name = "zicht.storage"
    label = "storage"
    verbose_name = "zicht storage"
    default_auto_field = "django.db.models.BigAutoField"
