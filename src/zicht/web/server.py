"""`zicht serve`: the web application on gunicorn (never Django's development server).

Before the workers start: the secret key is settled (ZICHT_SECRET_KEY, or off loopback a refusal, or
on loopback a key generated once into ZICHT_HOME with mode 0600) and the database is migrated.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

from zicht.paths import zicht_home

# The access log: method, path without its query string, status, size, duration. No client address
# and no query string: the meldroutekaart's answers and search terms never reach a log.
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class ServeError(Exception):
    def __init__(self, message_nl: str, message_en: str):
        super().__init__(message_en)
        self.message_nl, self.message_en = message_nl, message_en


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def settle_secret_key(host: str) -> None:
    """Make sure the workers will share one secret key (see the module's docstring)."""
    if os.environ.get("ZICHT_SECRET_KEY"):
        return
    if not is_loopback(host):
        raise ServeError(
            f"Zet ZICHT_SECRET_KEY (een lange willekeurige tekst) voordat zicht op {host} luistert; alleen op "
            "127.0.0.1 maakt zicht zelf een sleutel.",
            f"Set ZICHT_SECRET_KEY (a long random text) before zicht listens on {host}; only on 127.0.0.1 "
            "does zicht make a key itself.",
        )
    home = zicht_home()
    home.mkdir(parents=True, exist_ok=True)
    path = home / "secret-key"
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another `zicht serve` made it a moment ago
        return
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_urlsafe(50) + "\n")


def check_allowed_hosts(host: str) -> None:
    if not is_loopback(host) and not os.environ.get("ZICHT_ALLOWED_HOSTS"):
        raise ServeError(
            "Zet ZICHT_ALLOWED_HOSTS op de hostnamen waarop de site bereikbaar is (bijv. monitor.regio.nl).",
            "Set ZICHT_ALLOWED_HOSTS to the host names the site is reached by (e.g. monitor.region.nl).",
        )


def warm_worker(worker) -> None:
    """Load every area's views and the latest edition's dashboard before the worker's first request
    (about 3 s that the first visitor of each worker would otherwise wait). A failure only logs."""
    try:
        from django.db import connection
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imports every area's urls and views
        from zicht.services import dashboard

        dashboard.warm()
        connection.close()
    except Exception:  # noqa: BLE001 - the worker serves anyway; the first request builds what failed
        worker.log.warning("zicht: warming up the worker failed", exc_info=True)


def serve(host: str, port: int, workers: int, threads: int, timeout: int) -> None:
    """Start gunicorn in the foreground (returns when it stops)."""
    from gunicorn.app.base import BaseApplication

    settle_secret_key(host)
    check_allowed_hosts(host)
    from zicht.storage.database import ready

    ready()  # migrations applied once, before the workers start
    from django.db import connections

    connections.close_all()  # the workers open their own

    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": timeout,  # publishing an edition renders four documents
        "graceful_timeout": 30,
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
        "limit_request_line": 8190,
        "proc_name": "zicht",
        "worker_tmp_dir": "/dev/shm" if Path("/dev/shm").is_dir() else None,
        # gunicorn's runtime control socket (a path shared by every instance of a user): not needed.
        "control_socket_disable": True,
        "post_worker_init": warm_worker,
    }

    class Application(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                if value is not None and key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            from zicht.web.wsgi import application

            return application

    Application().run()
