"""Where zicht keeps its data: `ZICHT_HOME` (default `./zicht-data`). One definition, read by the Django
settings and by the partner-side tools that must stay out of it (the pseudonymisation key)."""

from __future__ import annotations

import os
from pathlib import Path


def zicht_home() -> Path:
    return Path(os.environ.get("ZICHT_HOME") or "zicht-data").expanduser().resolve()
