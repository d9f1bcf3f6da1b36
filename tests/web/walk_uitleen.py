"""The loans' rows of the permission walk: the catalogue is for everyone; municipalities and partners
reserve (for their own organisation: another's reservation is not found); the analyst confirms, records
handover and return, and edits the catalogue. Schiedam's reservation carries a marker that no one but
Schiedam and the analyst may see."""

ANALYST_ONLY = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403, "analyst": 200}
RESERVERS = {"anonymous": 302, "essm": 200, "avim": 200, "schiedam": 200, "analyst": 403}

EXPECTED_GET = {
    "uitleen:home": 200,
    "uitleen:material": 200,
    "uitleen:material-edit": ANALYST_ONLY,
    "uitleen:reserve": RESERVERS,
    "uitleen:mine": RESERVERS,
    "uitleen:request": {"anonymous": 302, "essm": 404, "avim": 404, "schiedam": 200, "analyst": 200},
    "uitleen:desk": ANALYST_ONLY,
    "uitleen:loan": ANALYST_ONLY,
}

NOT_THE_ANALYST = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403}

REFUSED_POST = {
    "uitleen:material-edit": NOT_THE_ANALYST,
    "uitleen:reserve": {"anonymous": 302, "analyst": 403},
    "uitleen:request": {"anonymous": 302, "essm": 404, "avim": 404},
    "uitleen:loan": NOT_THE_ANALYST,
}


def prepare(world) -> dict:
    """Schiedam's reservation (with a marker in its purpose) and a loan of 2024 in the VAR's delivery."""
    import datetime as dt

    from django.utils import timezone

    from helpers import make_table
    from zicht.services import uitleen
    from zicht.storage.api import store_delivery

    start = timezone.localdate() + dt.timedelta(days=30)
    made = uitleen.reserve(world["actors"]["schiedam"], "koffer-verkeerd", start, start, "SCHIEDAM-DOEL-GEHEIM")
    world["markers"]["schiedam"] = ["SCHIEDAM-DOEL-GEHEIM"]
    loan = {
        "id": "VAR-U-2024-01", "materiaal": "vr-brillen", "startdatum": "2024-04-22", "einddatum": "2024-04-26",
        "gemeente": "Zwijndrecht", "organisatie": "gemeente", "status": "teruggebracht", "bereik": 38,
    }  # fmt: skip
    store_delivery(
        make_table("uitleningen", [loan]),
        dataset="uitleningen",
        year=2024,
        partner="VAR",
        file_name="uitleningen.csv",
        file_hash="2" * 64,
        by="walk",
    )
    return {"item": "vr-brillen", "request_id": made.id, "loan_ref": "VAR-U-2024-01"}
