"""The action plan's rows of the permission walk: the overview is for everyone (the published edition),
the actions are the analyst's to edit, the initiatives a municipal officer's (the own municipality's)."""

ANALYST_ONLY = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403, "analyst": 200}
MUNICIPALITY_ONLY = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 200, "analyst": 403}

EXPECTED_GET = {
    "actieplan:home": 200,
    "actieplan:actions": ANALYST_ONLY,
    "actieplan:action-new": ANALYST_ONLY,
    "actieplan:action": ANALYST_ONLY,
    "actieplan:initiatives": MUNICIPALITY_ONLY,
    "actieplan:initiative-new": MUNICIPALITY_ONLY,
    "actieplan:initiative": MUNICIPALITY_ONLY,  # Schiedam's own initiative
}

NOT_THE_ANALYST = {"anonymous": 302, "essm": 403, "avim": 403, "schiedam": 403}
NOT_A_MUNICIPALITY = {"anonymous": 302, "essm": 403, "avim": 403, "analyst": 403}

REFUSED_POST = {
    "actieplan:actions": NOT_THE_ANALYST,
    "actieplan:action-new": NOT_THE_ANALYST,
    "actieplan:action": NOT_THE_ANALYST,
    "actieplan:initiative-new": NOT_A_MUNICIPALITY,
    "actieplan:initiative": NOT_A_MUNICIPALITY,
}


def prepare(world) -> dict:
    """The VAR's actions and initiatives of 2024: one of Schiedam, one of Vlaardingen."""
    from helpers import make_table
    from zicht.storage.api import store_delivery

    rows = {
        "acties": [{"id": "VAR-A-2024-01", "opgave": 2, "titel": "Netwerkbijeenkomst", "status": "lopend"}],
        "initiatieven": [
            {"id": "VAR-I-2024-01", "gemeente": "Schiedam", "datum": "2024-05-01", "titel": "Training", "soort": "training"},
            {"id": "VAR-I-2024-02", "gemeente": "Vlaardingen", "datum": "2024-06-01", "titel": "Markt", "soort": "campagne"},
        ],
    }  # fmt: skip
    for dataset, records in rows.items():
        store_delivery(
            make_table(dataset, records),
            dataset=dataset,
            year=2024,
            partner="VAR",
            file_name=f"{dataset}.csv",
            file_hash="1" * 64,
            by="walk",
        )
    return {"action_ref": "VAR-A-2024-01", "initiative_ref": "VAR-I-2024-01"}
