"""The one settings module, read from the environment (style.md point 7).

Defaults make a fresh checkout work: SQLite in ZICHT_HOME, no secrets needed for the command line.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from zicht.paths import zicht_home

ZICHT_HOME = zicht_home()

BASE_DIR = Path(__file__).resolve().parent

# The web app (a later issue) must be given a real key in production; the CLI does not sign anything.
SECRET_KEY = os.environ.get("ZICHT_SECRET_KEY") or "zicht-insecure-development-key-set-ZICHT_SECRET_KEY"
DEBUG = os.environ.get("ZICHT_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("ZICHT_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "zicht.storage",
]

MIDDLEWARE: list[str] = []
ROOT_URLCONF = None


def _database() -> dict:
    url = os.environ.get("ZICHT_DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=0)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(ZICHT_HOME / "zicht.sqlite3"),
        # WAL lets the dashboard read while an import writes; a busy timeout instead of "database is locked".
        "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
