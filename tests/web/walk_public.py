"""The permission walk's rows for the public area's dashboard routes (issue 8): the dashboard's chart files,
the municipalities' pages and open data. Everyone may read them; a municipal officer's own page is also
200 (with that municipality's cells unsuppressed, which `test_dashboard.py` checks)."""

EXPECTED_GET = {
    "public:chart-file": 200,
    "public:municipalities": 200,
    "public:municipality": 200,
    "public:open-data": 200,
    "public:datapackage": 200,
    "public:open-data-file": 200,
}

# The public pages answer GET and HEAD only: a POST is 405 for everyone and changes nothing.
REFUSED_POST = {
    "public:home": {"anonymous": 405, "analyst": 405},
    "public:municipality": {"anonymous": 405, "schiedam": 405},
    "public:chart-file": {"anonymous": 405, "essm": 405},
    "public:open-data": {"anonymous": 405},
}


def prepare(world) -> dict:
    """The walk's edition (2024-1, made by the walk) has these charts, municipalities and files."""
    return {"chart": "meldingen-aard", "fmt": "csv", "gemeente": "schiedam", "resource": "meldingen-gemeente"}
