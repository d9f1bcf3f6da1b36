"""What the OpenAPI document says about each endpoint: descriptions, responses (problem documents
included) and examples, in English with the Dutch alongside where a reader needs it.

Kept apart from views.py so the views stay short; `views.py` applies these with `extend_schema(**…)`.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from zicht.web.api import problems
from zicht.web.api import serializers as s
from zicht.web.api.params import FIRST_YEAR, LAST_YEAR
from zicht.web.api.problems import PROBLEM, problem_body
from zicht.web.errors import MESSAGES

JSON = "application/json"
# The public endpoints take a token or none (found from the views); the deliveries need one.
TOKEN = [{"tokenAuth": []}]

DESCRIPTION = """\
The published figures of the regional human-trafficking monitor, its editions, and deliveries by the
region's partners.

- **Anyone** reads the published editions and their public indicators: small counts of people in
  sensitive breakdowns are suppressed (`"value": null, "suppressed": true`), as in the published monitor.
- **A partner** delivers its datasets with an API token and reads its own delivery versions.
- **An analyst** of the region also reads every delivery and the unpublished, unsuppressed figures of the
  current deliveries (`/indicators?current=true`).

Tokens are made and revoked by the account holder in `/aanleveren/` (shown once, stored hashed) and sent
as `Authorization: Token zt_…`. Every request made with a token is recorded in the audit log.

Errors are `application/problem+json` (RFC 9457): `title` and `detail` in English, `title_nl` and
`detail_nl` in Dutch; a refused delivery adds all its `findings`, a bad request names every parameter in
`errors`.

---

De gepubliceerde cijfers van de regionale monitor mensenhandel, de edities, en het aanleveren door
ketenpartners. Iedereen leest de gepubliceerde edities (kleine aantallen personen zijn verborgen); een
ketenpartner levert aan met een API-token (aan te maken in `/aanleveren/`) en ziet alleen de eigen
leveringen; de analist van de regio ziet alle leveringen en de ongepubliceerde cijfers. Foutmeldingen
hebben `title_nl` en `detail_nl` in het Nederlands.
"""

TAGS = [
    {
        "name": "indicators",
        "description": "The monitor's figures (docs/indicators.md). De cijfers van de monitor.",
    },
    {
        "name": "editions",
        "description": "Published editions: a year is frozen when it is published; a correction is a new "
        "edition. Gepubliceerde edities.",
    },
    {
        "name": "deliveries",
        "description": "Delivering datasets by token, and the delivery versions in the token's scope. "
        "Aanleveren met een token, en de geleverde versies.",
    },
]

# The document's own settings (the view's custom_settings, on top of settings.SPECTACULAR_SETTINGS).
DOCUMENT = {
    "TITLE": "zicht API",
    "DESCRIPTION": DESCRIPTION,
    "TAGS": TAGS,
    "LICENSE": {"name": "EUPL-1.2", "url": "https://interoperable-europe.ec.europa.eu/collection/eupl"},
}


class TokenScheme(OpenApiAuthenticationExtension):
    """The API token in the OpenAPI document (zicht.web.api.auth.TokenAuthentication)."""

    target_class = "zicht.web.api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token zt_…`: an API token made in /aanleveren/ (een API-token uit /aanleveren/).",
        }


# -- problems ------------------------------------------------------------------------------------


_problem = problem_body


def _response(description: str, serializer=s.ProblemSerializer, example: dict | None = None) -> OpenApiResponse:
    name = example["title"] if example else ""
    examples = [OpenApiExample(name, value=example, media_type=PROBLEM)] if example else []
    return OpenApiResponse(serializer, description=description, examples=examples)


BAD_REQUEST = {
    (400, PROBLEM): _response(
        "A parameter is missing or wrong; `errors` names each. Ontbrekende of ongeldige parameters.",
        s.BadRequestProblemSerializer,
        _problem(
            400,
            "Ongeldig verzoek",
            "Bad request",
            "Ontbrekende of ongeldige parameters: year. Zie `errors`.",
            "Missing or invalid parameters: year. See `errors`.",
            errors=[
                {
                    "parameter": "year",
                    "message_nl": f"`year` moet een geheel getal van {FIRST_YEAR} tot en met {LAST_YEAR} zijn.",
                    "message_en": f"`year` must be a whole number from {FIRST_YEAR} to {LAST_YEAR}.",
                }
            ],
        ),
    )
}
UNAUTHENTICATED = {
    (401, PROBLEM): _response(
        "No token where one is needed, or a token that is unknown, revoked or of a disabled account. "
        "Geen geldig token.",
        example=_problem(401, *MESSAGES[401]),
    )
}
FORBIDDEN = {
    (403, PROBLEM): _response(
        "The token's account may not do this. Uw account heeft hiervoor geen toegang.",
        example=_problem(
            403,
            "Geen toegang",
            "Forbidden",
            "Met dit token kunt u politiecontacten voor ESSM niet aanleveren. Wel: meldingen (ESSM), trajecten (ESSM).",
            "This token cannot deliver politiecontacten for ESSM. It can deliver: meldingen (ESSM), trajecten (ESSM).",
        ),
    )
}
NOT_FOUND = {
    (404, PROBLEM): _response(
        "No such published edition. Deze editie is niet gepubliceerd.",
        example=_problem(
            404,
            "Niet gepubliceerd",
            "Not published",
            "Er is geen gepubliceerde editie 2019; /api/v1/editions noemt de gepubliceerde edities.",
            "There is no published edition 2019; /api/v1/editions lists the published editions.",
        ),
    )
}
NOT_ACCEPTABLE = {
    (406, PROBLEM): _response(
        "The request asked for another format than JSON (`Accept`). Alleen JSON.",
        example=_problem(406, *problems.NOT_ACCEPTABLE),
    )
}
TOO_LARGE = {
    (413, PROBLEM): _response(
        "The file is larger than the server's limit (ZICHT_MAX_UPLOAD_MB, 20 MB unless set); it was not read. "
        "Bestand te groot.",
        example=_problem(413, *(text.format(mb=20) for text in MESSAGES[413])),
    )
}
UNSUPPORTED = {
    (415, PROBLEM): _response(
        "The body is not multipart/form-data. Stuur multipart/form-data.",
        example=_problem(415, *problems.UNSUPPORTED_MEDIA_TYPE),
    )
}
REFUSED = {
    (422, PROBLEM): _response(
        "The file was refused: `findings` lists every problem (row, column, code, message in Dutch and "
        "English). Nothing was stored. Geweigerd: alle bevindingen, er is niets veranderd.",
        s.RefusedDeliveryProblemSerializer,
        _problem(
            422,
            "Geweigerd",
            "Refused",
            "Het bestand is geweigerd met 2 bevinding(en); er is niets veranderd. Pas het aan en lever het opnieuw.",
            "The file was refused with 2 finding(s); nothing was changed. Fix it and deliver it again.",
            findings=[
                {
                    "row": 2,
                    "column": "datum",
                    "code": "invalid-date",
                    "message_nl": 'Rij 2, kolom datum: "2024-13-01" is geen geldige datum; toegestaan: JJJJ-MM-DD '
                    "(2024-03-31), D-M-JJJJ (31-3-2024), eventueel met een tijd erachter, of een datumcel in Excel.",
                    "message_en": 'Row 2, column datum: "2024-13-01" is not a valid date; accepted: YYYY-MM-DD '
                    "(2024-03-31), D-M-YYYY (31-3-2024), optionally followed by a time, or a date cell in Excel.",
                },
                {
                    "row": 3,
                    "column": "vorm",
                    "code": "unknown-code",
                    "message_nl": 'Rij 3, kolom vorm: onbekende code "seks"; toegestaan: seksuele-uitbuiting, '
                    "arbeidsuitbuiting, criminele-uitbuiting, orgaanverwijdering, gedwongen-huwelijk, "
                    "illegale-adoptie, draagmoederschap, overig, onbekend.",
                    "message_en": 'Row 3, column vorm: unknown code "seks"; allowed: seksuele-uitbuiting, '
                    "arbeidsuitbuiting, criminele-uitbuiting, orgaanverwijdering, gedwongen-huwelijk, "
                    "illegale-adoptie, draagmoederschap, overig, onbekend.",
                },
            ],
        ),
    )
}


# -- parameters ----------------------------------------------------------------------------------


def _year(required: bool, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        "year",
        {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
        OpenApiParameter.QUERY,
        required=required,
        description=description,
        examples=[OpenApiExample("2024", value=2024)],
    )


def _boolean(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.BOOL, OpenApiParameter.QUERY, description=description)


DATASET_FILTER = OpenApiParameter(
    "dataset",
    {"type": "string", "enum": s.DATASET_NAMES},
    OpenApiParameter.QUERY,
    description="Only this dataset. Alleen deze dataset.",
)
PARTNER_FILTER = OpenApiParameter(
    "partner",
    {"type": "string", "enum": s.PARTNER_CODES},
    OpenApiParameter.QUERY,
    description="Only this partner's deliveries (its code, e.g. `ESSM`); a partner's token sees its own only. "
    "Alleen de leveringen van deze partner.",
)


# -- the endpoints -------------------------------------------------------------------------------

INDICATORS = {
    "operation_id": "indicators",
    "tags": ["indicators"],
    "summary": "The indicators of a published edition / De indicatoren van een gepubliceerde editie",
    "description": "The public indicators of a published edition of `year` (the latest edition unless "
    "`edition` is given): the JSON of docs/indicators.md, every breakdown with its cells, and the change "
    'against the year before. A cell suppressed by disclosure control is `"value": null, "suppressed": '
    "true`. A year that was never published is a 404.\n\n"
    "With `current=true` and an analyst's token: the unsuppressed figures of the current deliveries, not "
    "yet published (`public: false`). Without a token that is a 401, with a partner's token a 403.\n\n"
    'De openbare indicatoren van een gepubliceerde editie; verborgen cellen hebben `"value": null`.',
    "parameters": [
        _year(True, "The year of the monitor. Het jaar van de monitor."),
        OpenApiParameter(
            "edition",
            {"type": "integer", "minimum": 1, "maximum": 999},
            OpenApiParameter.QUERY,
            description="The edition's number within the year (1, 2, …); the latest when left out. "
            "Het editienummer; zonder: de laatste.",
        ),
        _boolean(
            "current",
            "`true`: the unpublished figures of the current deliveries (analyst's token only; `edition` "
            "is then ignored). De huidige, ongepubliceerde cijfers (alleen analist).",
        ),
    ],
    "responses": {
        (200, JSON): OpenApiResponse(
            s.IndicatorsSerializer,
            description="The indicators. De indicatoren.",
            examples=[
                OpenApiExample(
                    "published",
                    summary="Published, with a suppressed cell / Gepubliceerd, met een verborgen cel",
                    value={
                        "region": "regio-rotterdam",
                        "year": 2024,
                        "values": [
                            {"indicator": "meldingen", "dimensions": {}, "value": 179},
                            {"indicator": "meldingen", "dimensions": {"herkomst": "centrumgemeente"}, "value": 121},
                            {
                                "indicator": "meldingen",
                                "dimensions": {"gemeente": "Barendrecht"},
                                "value": None,
                                "suppressed": True,
                            },
                        ],
                        "changes": [
                            {
                                "indicator": "meldingen",
                                "previous": 130,
                                "value": 179,
                                "change": 0.377,
                                "wording": "lichte stijging",
                            }
                        ],
                        "public": True,
                        "edition": {
                            "year": 2024,
                            "edition": 1,
                            "label": "2024",
                            "published_at": "2025-05-12T10:31:07+02:00",
                            "note": "",
                        },
                    },
                )
            ],
        ),
        **BAD_REQUEST,
        **UNAUTHENTICATED,
        **FORBIDDEN,
        **NOT_FOUND,
        **NOT_ACCEPTABLE,
    },
}

EDITIONS = {
    "operation_id": "editions",
    "tags": ["editions"],
    "summary": "The published editions / De gepubliceerde edities",
    "description": "Every published edition, newest year first and within a year the newest edition first: "
    "year, edition number, label (`2024`, `2024-2`), when it was published and the note on what a later "
    "edition changes. Alle gepubliceerde edities, nieuwste eerst.",
    "parameters": [_year(False, "Only the editions of this year. Alleen de edities van dit jaar.")],
    "responses": {
        (200, JSON): OpenApiResponse(
            s.EditionSerializer(many=True),
            description="The editions. De edities.",
            examples=[
                OpenApiExample(
                    "editions",
                    value=[
                        {
                            "year": 2024,
                            "edition": 2,
                            "label": "2024-2",
                            "published_at": "2025-06-02T09:12:44+02:00",
                            "note": "Correctie: de meldingen van december zijn nageleverd. / Correction: December's "
                            "reports were delivered late.",
                        },
                        {
                            "year": 2024,
                            "edition": 1,
                            "label": "2024",
                            "published_at": "2025-05-12T10:31:07+02:00",
                            "note": "",
                        },
                    ],
                )
            ],
        ),
        **BAD_REQUEST,
        **UNAUTHENTICATED,
        **NOT_ACCEPTABLE,
    },
}

_DELIVERY_EXAMPLE = {
    "id": 412,
    "partner": "ESSM",
    "dataset": "meldingen",
    "year": 2024,
    "version": 3,
    "is_current": True,
    "file_name": "meldingen-2024.csv",
    "file_hash": "9f2c4e0a5d1b7c3e8f6a2d4b0c9e1f3a5b7d9c2e4f6a8b0d1c3e5f7a9b2d4c6e",
    "row_count": 179,
    "delivered_at": "2025-02-03T14:05:11+01:00",
    "delivered_by": "essm-koppeling",
    "changes": {
        "previous_id": 377,
        "rows_added": 4,
        "rows_removed": 0,
        "rows_changed": 2,
        "keyed": True,
        "totals_before": {"meldingen": 175},
        "totals_after": {"meldingen": 179},
    },
}

DELIVERIES_LIST = {
    "operation_id": "deliveries_list",
    "tags": ["deliveries"],
    "summary": "Delivery versions / Geleverde versies",
    "description": "The delivery versions the token may see: a partner's own, or (an analyst's token) "
    "every partner's; by year, dataset, partner and version. `current=true` keeps only the versions the "
    "figures count. De geleverde versies: van de eigen organisatie, of (analist) van iedereen.",
    "parameters": [
        _year(False, "Only this year. Alleen dit jaar."),
        DATASET_FILTER,
        PARTNER_FILTER,
        _boolean("current", "`true`: only the current versions. Alleen de geldende versies."),
    ],
    "responses": {
        (200, JSON): OpenApiResponse(
            s.DeliverySerializer(many=True),
            description="The versions. De versies.",
            examples=[OpenApiExample("versions", value=[_DELIVERY_EXAMPLE])],
        ),
        **BAD_REQUEST,
        **UNAUTHENTICATED,
        **FORBIDDEN,
        **NOT_ACCEPTABLE,
    },
    "auth": TOKEN,
}

DELIVERIES_CREATE = {
    "operation_id": "deliveries_create",
    "tags": ["deliveries"],
    "summary": "Deliver a file / Een bestand aanleveren",
    "description": "Deliver one dataset for one year as a CSV (UTF-8) or XLSX file in the dataset's format "
    "(docs/delivery-format.md; templates in /aanleveren/). The file is validated as a whole: when it is "
    "accepted it becomes the new current version (201); when it is refused, the answer lists every "
    "finding (422) and nothing changes. A dataset the partner may not deliver, or another partner, is a "
    "403.\n\n"
    "Lever één dataset voor één jaar aan. Een geweigerd bestand geeft alle bevindingen (422) en verandert "
    "niets.\n\n"
    "`curl -H 'Authorization: Token zt_…' -F file=@meldingen-2024.csv -F dataset=meldingen -F year=2024 "
    "https://…/api/v1/deliveries`",
    "request": {"multipart/form-data": s.DeliveryUploadSerializer},
    "responses": {
        (201, JSON): OpenApiResponse(
            s.DeliverySerializer,
            description="Accepted: the new current version. Geaccepteerd: de nieuwe geldende versie.",
            examples=[OpenApiExample("accepted", value=_DELIVERY_EXAMPLE)],
        ),
        **BAD_REQUEST,
        **UNAUTHENTICATED,
        **FORBIDDEN,
        **NOT_ACCEPTABLE,
        **TOO_LARGE,
        **UNSUPPORTED,
        **REFUSED,
    },
    "auth": TOKEN,
}
