"""Unexpected errors: written to a log with a short reference, never shown to the user as a traceback.

The command line (`zicht.cli.common.handles_expected_errors`) and the web application's 500 handler
(`zicht.web.errors`) both call `record`: the user sees the reference (and, at a terminal, where the log
is); whoever runs the system finds the traceback under that reference in `ZICHT_HOME/logs/errors.log`.
A traceback can quote a value from a delivery, so the log is as private as the database next to it
(mode 0600, in the same folder); it never leaves the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

LOG_NAME = "errors.log"


@dataclass(frozen=True)
class Incident:
    reference: str  # eight characters the user can read out over the phone
    log: Path | None  # where the traceback was written (None when no log could be written)


def log_path() -> Path:
    from zicht.paths import zicht_home

    return zicht_home() / "logs" / LOG_NAME


def _append(path: Path, text: str) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(text)
        return True
    except OSError:
        return False


def record(error: BaseException | None = None, where: str = "") -> Incident:
    """Write `error` (default: the one being handled) with its traceback under a new reference."""
    error = error if error is not None else sys.exc_info()[1]
    reference = secrets.token_hex(4)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    lines = traceback.format_exception(error) if error is not None else ["(no exception)\n"]
    text = f"--- {now} reference {reference} {where}\n{''.join(lines)}\n"
    # ZICHT_HOME may be the very thing that failed (full disk, no permission): then the temporary folder.
    fallback = Path(tempfile.gettempdir()) / f"zicht-{os.getuid() if hasattr(os, 'getuid') else 'user'}-{LOG_NAME}"
    for path in (log_path(), fallback):
        if _append(path, text):
            return Incident(reference, path)
    return Incident(reference, None)
