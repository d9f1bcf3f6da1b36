"""The one settings module, read from the environment (style.md point 7).

Defaults make a fresh checkout work: SQLite in ZICHT_HOME, no secrets needed for the command line.
Every `ZICHT_*` variable read here is listed in SETTINGS (with its meaning and default) and documented
in the README's table; a test derives the list from this module.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from zicht.paths import zicht_home

# name -> (meaning, default as documented). The README's table of settings is checked against this.
SETTINGS = {
    "ZICHT_HOME": (
        "folder for the embedded SQLite database, rendered reports and the generated secret key",
        "`./zicht-data`",
    ),
    "ZICHT_DATABASE_URL": ("`postgresql://…`: use PostgreSQL instead of SQLite", "unset"),
    "ZICHT_REGION": ("the region configuration: a shipped name or a path to a `.toml` file", "`regio-rotterdam`"),
    "ZICHT_SECRET_KEY": (
        "the key that signs sessions; required when `zicht serve` is not bound to loopback "
        "(on loopback one is generated once into `ZICHT_HOME/secret-key`, mode 0600)",
        "generated",
    ),
    "ZICHT_ALLOWED_HOSTS": ("comma-separated host names the web application answers to", "`127.0.0.1,localhost`"),
    "ZICHT_DEBUG": ("`1`: Django's debug pages (never in production)", "off"),
    "ZICHT_HTTPS": ("`1`: served over TLS (behind a proxy that sets `X-Forwarded-Proto`): secure cookies, HSTS", "off"),
    "ZICHT_MAX_UPLOAD_MB": ("largest delivery file accepted by upload or API, refused before it is read whole", "`20`"),
    "ZICHT_SESSION_IDLE_MINUTES": ("a session ends after this many minutes without a request", "`30`"),
    "ZICHT_UPLOAD_HOURS": ("how long a validated upload waits for its confirmation", "`2`"),
    "ZICHT_LOG_LEVEL": ("level of the application log on standard error", "`WARNING`"),
    "ZICHT_PASSWORD": ("`zicht user add` / `reset`: the password, instead of a prompt", "prompt"),
    "ZICHT_NATIONAL_SOURCES": (
        "comma-separated regions' open-data packages (folders, `datapackage.json` files, zips or http(s) URLs) "
        "for the national picture at `/landelijk/`; `zicht serve --national` sets it",
        "unset",
    ),
}


def _env(name: str, default: str = "") -> str:
    assert name in SETTINGS, f"{name} must be documented in SETTINGS"
    return os.environ.get(name, default)


ZICHT_HOME = zicht_home()
BASE_DIR = Path(__file__).resolve().parent


def _secret_key() -> str:
    """ZICHT_SECRET_KEY, else the key `zicht serve` generated into ZICHT_HOME, else one for this process.

    The command line signs nothing that outlives it, so a process-local key is safe there; `zicht serve`
    refuses to start off loopback without ZICHT_SECRET_KEY (zicht.web.server).
    """
    key = _env("ZICHT_SECRET_KEY")
    if key:
        return key
    stored = ZICHT_HOME / "secret-key"
    if stored.is_file():
        return stored.read_text(encoding="ascii").strip()
    return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
DEBUG = _env("ZICHT_DEBUG") == "1"
HTTPS = _env("ZICHT_HTTPS") == "1"
ALLOWED_HOSTS = [h.strip() for h in _env("ZICHT_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
MAX_UPLOAD_BYTES = int(float(_env("ZICHT_MAX_UPLOAD_MB", "20")) * 1024 * 1024)
SESSION_IDLE_SECONDS = int(float(_env("ZICHT_SESSION_IDLE_MINUTES", "30")) * 60)
UPLOAD_KEEP = timedelta(hours=float(_env("ZICHT_UPLOAD_HOURS", "2")))
NATIONAL_SOURCES = tuple(s.strip() for s in _env("ZICHT_NATIONAL_SOURCES").split(",") if s.strip())

# zicht's apps first: an app listed earlier wins where two apps translate the same message or ship a
# template of the same name.
INSTALLED_APPS = [
    "zicht.storage",
    "zicht.web",
    "zicht.web.accounts",
    "zicht.web.public",
    "zicht.web.aanleveren",
    "zicht.web.beheer",
    "zicht.web.api",
    "zicht.web.meldroutekaart",
    "zicht.web.actieplan",
    "zicht.web.uitleen",
    "zicht.web.landelijk",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "zicht.web.middleware.upload_size_limit",  # before anything reads the body (CSRF reads POST)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "zicht.web.middleware.language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zicht.web.middleware.idle_timeout",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "zicht.web.middleware.security_headers",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zicht.web.urls"
WSGI_APPLICATION = "zicht.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zicht.web.context.site",
            ],
        },
    }
]


def _database() -> dict:
    url = _env("ZICHT_DATABASE_URL")
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

# Accounts: Argon2 hashes, lockout after repeated failures, a second factor, idle sessions end.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "zicht.web.accounts.backends.AccountBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "zicht.web.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # zicht's own audit log records logins; axes keeps only the failure counts
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "zicht"
OTP_TOTP_THROTTLE_FACTOR = 1

SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "zicht_session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_NAME = "zicht_csrf"
CSRF_FAILURE_VIEW = "zicht.web.errors.csrf_failure"

# Security headers (the Content-Security-Policy has no inline script or style).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Uploads: files are streamed to disk, never held whole in memory; the size limit is enforced before
# the body is read (zicht.web.middleware.upload_size_limit).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600

STATIC_URL = "/static/"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True  # serve straight from the package: no collectstatic step
WHITENOISE_MAX_AGE = 3600
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["zicht.web.api.auth.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],  # every view asks zicht.access
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.MultiPartParser", "rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "zicht.web.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,  # JSON only: no ?format= that answers 404
}
SPECTACULAR_SETTINGS = {
    "TITLE": "zicht API",
    "DESCRIPTION": "Published indicators and editions of the regional human-trafficking monitor; deliveries by token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "zicht_taal"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS: list[str] = []  # each web area keeps its own locale/ (python -m zicht.web.messages)
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "zicht": {"handlers": ["stderr"], "level": _env("ZICHT_LOG_LEVEL", "WARNING"), "propagate": False},
        # Django logs a request's full path (query string included) on 4xx/5xx: only errors from here.
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
