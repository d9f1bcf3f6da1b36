"""The national picture's rows of the permission walk: public pages of published figures only. The walk
runs without ZICHT_NATIONAL_SOURCES, so both routes say that nothing is configured (404) to everyone;
tests/web/test_landelijk.py shows them with sources."""

EXPECTED_GET = {
    "landelijk:home": 404,
    "landelijk:csv": 404,
}
