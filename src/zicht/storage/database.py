"""Starting Django for the command line: settings, the database, and its migrations.

A command creates and migrates the database when it is missing (spec/cli.md): no set-up step.
"""

from __future__ import annotations

import os


def configure() -> None:
    """Set Django up once (a no-op when it already is, e.g. under pytest-django)."""
    import django
    from django.apps import apps

    if apps.ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zicht.web.settings")
    django.setup()


def ready() -> None:
    """Configure Django and bring the database up to date."""
    configure()
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor == "sqlite":
        settings.ZICHT_HOME.mkdir(parents=True, exist_ok=True)
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def vendor() -> str:
    from django.db import connection

    return connection.vendor


def raw_connection():
    """The DB-API connection under Django's (sqlite3 or psycopg), for the pure core's SQL."""
    from django.db import connection

    connection.ensure_connection()
    return connection.connection
