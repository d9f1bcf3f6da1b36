from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StorageConfig(AppConfig):
    name = "zicht.storage"
    label = "storage"
    verbose_name = "zicht storage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(sync_role_groups, sender=self)


def sync_role_groups(app_config, using="default", **kwargs):
    """Keep one Django group per role with exactly the capabilities `zicht.access` gives that role."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType

    # This app's post_migrate can run before auth's own handlers made its permissions: make them now.
    create_contenttypes(app_config, verbosity=0, using=using)
    create_permissions(app_config, verbosity=0, using=using)

    from zicht.access import ROLE_CAPABILITIES
    from zicht.storage.models import Account

    content_type = ContentType.objects.db_manager(using).get_for_model(Account)
    for role, capabilities in ROLE_CAPABILITIES.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = Permission.objects.using(using).filter(content_type=content_type, codename__in=capabilities)
        if set(group.permissions.values_list("pk", flat=True)) != {p.pk for p in wanted}:
            group.permissions.set(wanted)
