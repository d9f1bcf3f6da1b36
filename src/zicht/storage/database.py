"""Starting Django for the command line: settings, the database, and its migrations.

A command creates and migrates the database when it is missing (spec/cli.md): no set-up step.
"""

from __future__ import annotations

import contextlib
import os

ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


def configure() -> None:
    """Set Django up once (a no-op when it already is, e.g. under pytest-django)."""
    import django
    from django.apps import apps
    from django.core.exceptions import ImproperlyConfigured

    if apps.ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zicht.web.settings")
    from django.conf import settings

    try:
        engine = settings.DATABASES["default"]["ENGINE"]  # reads the settings module, and so every ZICHT_*
    except ValueError as error:  # a ZICHT_* setting that cannot be used
        if type(error).__module__.startswith("dj_database_url"):  # its URL may hold a password: not shown
            raise ImproperlyConfigured(
                "ZICHT_DATABASE_URL is not a database URL zicht can use (postgresql://user@host:port/name)"
            ) from None
        raise ImproperlyConfigured(f"a ZICHT_* setting has a value zicht cannot use ({error})") from None
    if engine not in ENGINES:
        raise ImproperlyConfigured("ZICHT_DATABASE_URL must be a postgresql:// URL (or unset, for SQLite)")
    django.setup()


def ready() -> None:
    """Configure Django and bring the database up to date.

    Two commands started at once on a new database would both migrate it, and one would fail on a table
    the other just made: the check and the migration hold a lock (a file next to the SQLite database, an
    advisory lock on PostgreSQL), and the second finds the work done."""
    configure()
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite":
        settings.ZICHT_HOME.mkdir(parents=True, exist_ok=True)
    if not _pending():
        return
    with _migration_lock(connection, settings.ZICHT_HOME):
        if _pending():
            from django.core.management import call_command

            call_command("migrate", verbosity=0, interactive=False)


def _pending() -> bool:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


MIGRATION_LOCK = 0x7A69636874  # "zicht": the advisory lock key of migrations on PostgreSQL


@contextlib.contextmanager
def _migration_lock(connection, home):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        return
    import fcntl

    with open(home / ".migrate.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also when the process dies
        yield


def vendor() -> str:
    from django.db import connection

    return connection.vendor


def raw_connection():
    """The DB-API connection under Django's (sqlite3 or psycopg), for the pure core's SQL."""
    from django.db import connection

    connection.ensure_connection()
    return connection.connection
