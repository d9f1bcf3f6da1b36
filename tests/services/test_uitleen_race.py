"""Two analysts confirm overlapping reservations of one item at the same moment: exactly one wins.

Real processes on a real database (a fresh SQLite file, or a fresh PostgreSQL database on the second
run), as two web workers would be. The two loans cross the turn of the year, so they go into two
different deliveries. Each process makes its overlap check slow (half a second between reading the loans
and writing), so without the lock both checks would pass: the control race shows that the race is real
when the lock is taken away.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

SETUP = """
import datetime as dt
import sys
from zicht.storage.database import ready
ready()
from zicht.access import ROLE_CAPABILITIES, Actor
from zicht.services import uitleen
from django.utils import timezone
today = timezone.localdate()
new_year = dt.date(today.year + (today > dt.date(today.year, 12, 28)), 12, 31) + dt.timedelta(days=1)
ids = []
# Over the turn of the year: the loans go into two deliveries (one per year), so only the lock keeps
# them apart; a version check of one year's delivery cannot.
for material in sys.argv[1:]:
    for place, first, last in (("Schiedam", -3, 1), ("Rotterdam", 0, 2)):
        who = Actor(name=place.lower(), role="gemeente", capabilities=ROLE_CAPABILITIES["gemeente"], gemeente=place)
        made = uitleen.reserve(who, material, new_year + dt.timedelta(days=first),
                               new_year + dt.timedelta(days=last), "Training")
        ids.append(str(made.id))
print(" ".join(ids))
"""

CONFIRM = """
import os, sys, time
from zicht.storage.database import ready
ready()
from zicht.access import Actor
from zicht.services import uitleen
from zicht.services.errors import Refused
slow_clash = uitleen._clash
def clash(*args, **kwargs):
    found = slow_clash(*args, **kwargs)
    time.sleep(0.5)  # a slow check: the other process reads the loans in this window
    return found
uitleen._clash = clash
if os.environ.get("WITHOUT_LOCK"):
    uitleen._lock_loans = lambda: None
go = sys.argv[2]
open(go + "-" + sys.argv[1], "w").close()  # up and waiting
while not os.path.exists(go):
    time.sleep(0.01)
try:
    uitleen.confirm(Actor.command_line(f"analist-{sys.argv[1]}"), int(sys.argv[1]))
    print("confirmed")
except Refused as refused:
    print("refused:", refused.message_en)
"""

COUNT = """
from zicht.storage.database import ready
ready()
from zicht.storage.models import RECORD_MODELS
import sys
current = RECORD_MODELS["uitleningen"].objects.filter(delivery__is_current=True)
print(" ".join(str(current.filter(materiaal=m).count()) for m in sys.argv[1:]))
"""


def _python(env, code, *args, **kwargs):
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, **kwargs)


def _race(env, tmp_path, first: str, second: str, without_lock: bool = False) -> list[str]:
    """Confirm two reservations at the same moment in two processes; their outcomes, sorted."""
    env = dict(env, WITHOUT_LOCK="1" if without_lock else "")
    go = tmp_path / f"go-{first}"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", CONFIRM, request, str(go)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for request in (first, second)
    ]
    deadline = time.monotonic() + 120
    while not all(go.with_name(f"{go.name}-{r}").exists() for r in (first, second)) and time.monotonic() < deadline:
        time.sleep(0.05)  # both processes up (Django, the database) and waiting
    go.write_text("go")
    outcomes = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        outcomes.append(out.strip() or "error: " + (err.strip().splitlines() or ["?"])[-1])
    return sorted(outcomes)


def test_two_overlapping_confirmations_at_the_same_moment_exactly_one_wins(zicht_env, tmp_path):
    setup = _python(zicht_env, SETUP, "vr-brillen", "koffer-verkeerd", timeout=300)
    assert setup.returncode == 0, setup.stderr
    vr_first, vr_second, case_first, case_second = setup.stdout.split()
    outcomes = _race(zicht_env, tmp_path, vr_first, vr_second)
    assert outcomes[0] == "confirmed", outcomes
    assert outcomes[1].startswith("refused: VR headsets is already lent"), outcomes
    # The control, on the other item: the same race with the lock taken away does not end with one loan
    # and one refusal (PostgreSQL stores both overlapping loans; SQLite fails the second with an error).
    control = _race(zicht_env, tmp_path, case_first, case_second, without_lock=True)
    assert not (control[0] == "confirmed" and control[1].startswith("refused:")), control
    loans = _python(zicht_env, COUNT, "vr-brillen", "koffer-verkeerd", timeout=120).stdout.split()
    if os.environ.get("ZICHT_DATABASE_URL", "").startswith("postgres"):
        assert control == ["confirmed", "confirmed"] and loans == ["1", "2"], (control, loans)
    else:
        assert control[0] == "confirmed" and "database is locked" in control[1] and loans == ["1", "1"], control
