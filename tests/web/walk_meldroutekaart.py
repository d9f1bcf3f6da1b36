"""The meldroutekaart's rows of the permission walk: every page is for everyone, and nothing it shows
belongs to a partner. The check is answered by POST by anyone (it changes nothing), so it has no row in
REFUSED_POST."""

EXPECTED_GET = {
    "meldroutekaart:home": 200,
    "meldroutekaart:check": 200,
    "meldroutekaart:signals": 200,
    "meldroutekaart:form": 200,
    "meldroutekaart:pdf": 200,
    "meldroutekaart:embed": 200,
    "meldroutekaart:share": 200,
}


def prepare(world) -> dict:
    return {"vorm": "arbeidsuitbuiting"}
