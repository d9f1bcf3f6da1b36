"""The API's endpoints (spec/web.md, "API"): each parses its input, calls a use case of zicht.services
and presents the result. Every refusal is an `application/problem+json` document (problems.py); the
OpenAPI document is written from the decorators here (docs.py holds their texts and examples).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from zicht import access
from zicht.access import NotAllowed
from zicht.services.errors import NotFound, Refused
from zicht.web.api import docs
from zicht.web.api.auth import api_actor
from zicht.web.api.params import Parameters
from zicht.web.api.problems import problem
from zicht.web.api.serializers import DATASET_NAMES, DeliverySerializer


class ApiView(APIView):
    # No OPTIONS: the OpenAPI document describes the endpoints (and no CORS preflight is served).
    http_method_names = ["get", "post", "head"]


def _signed_in(request):
    """The token's actor; 401 for a request without one (the anonymous get the public endpoints only)."""
    actor = api_actor(request)
    if actor.is_anonymous:
        raise exceptions.NotAuthenticated()
    return actor


class IndicatorsView(ApiView):
    @extend_schema(**docs.INDICATORS)
    def get(self, request):
        from zicht.services import monitor, publication

        params = Parameters(request.query_params)
        year = params.year(required=True)
        number = params.integer("edition", 1, 999)
        current = params.boolean("current")
        params.done()
        if current:
            actor = _signed_in(request)
            return Response({**monitor.compute_year(actor, year), "public": False, "edition": None})
        if "HTTP_AUTHORIZATION" not in request.META:
            return _public_indicators(request, year, number)
        try:
            edition, indicators = publication.published_year(year, number)
        except NotFound:
            return _not_published(year, number)
        return Response({**indicators, "public": True, "edition": edition.public_dict()})


def _not_published(year: int, number: int | None):
    which = f"{year}-{number}" if number else str(year)
    return problem(
        404,
        "Niet gepubliceerd",
        "Not published",
        f"Er is geen gepubliceerde editie {which}; /api/v1/editions noemt de gepubliceerde edities.",
        f"There is no published edition {which}; /api/v1/editions lists the published editions.",
    )


def _public_indicators(request, year: int, number: int | None):
    """The published figures for a visitor without a token: made once per edition and process, sent with
    an ETag and `Cache-Control: public` (a published edition never changes), 304 on `If-None-Match`."""
    from rest_framework.renderers import JSONRenderer

    from zicht.services import dashboard, publication
    from zicht.web.public import caching

    try:
        ref = dashboard.edition(year, number)
    except NotFound:
        return _not_published(year, number)

    def make() -> bytes:
        edition, indicators = publication.published_year(ref.year, ref.number)
        return JSONRenderer().render({**indicators, "public": True, "edition": edition.public_dict()})

    seconds = caching.FILE_SECONDS if number else caching.PAGE_SECONDS  # `?year=` alone follows new editions
    return caching.kept_bytes(request, ("api:indicators", ref), make, "application/json", seconds)


class EditionsView(ApiView):
    @extend_schema(**docs.EDITIONS)
    def get(self, request):
        from zicht.services import publication

        params = Parameters(request.query_params)
        year = params.year()
        params.done()
        return Response([e.public_dict() for e in publication.editions(year)])


class DeliveriesView(ApiView):
    parser_classes = [MultiPartParser]  # a delivery is a file: multipart/form-data only

    @extend_schema(**docs.DELIVERIES_LIST)
    def get(self, request):
        from zicht.region import load_region
        from zicht.services import deliveries

        actor = _signed_in(request)
        params = Parameters(request.query_params)
        year = params.year()
        dataset = params.choice("dataset", DATASET_NAMES)
        partner = params.partner("partner", load_region())
        current = params.boolean("current")
        params.done()
        found = deliveries.deliveries_for(
            actor, year=year, dataset=dataset, partner=partner, current_only=bool(current)
        )
        return Response(DeliverySerializer(found, many=True).data)

    @extend_schema(**docs.DELIVERIES_CREATE)
    def post(self, request):
        from zicht.region import load_region
        from zicht.services import deliveries

        actor = _signed_in(request)
        params = Parameters(request.data)
        dataset = params.choice("dataset", DATASET_NAMES, required=True)
        year = params.year(required=True)
        # A partner's token delivers for its own partner; an account of the region names the partner.
        partner = params.partner("partner", load_region(), required=actor.partner is None) or actor.partner
        upload = request.FILES.get("file")
        if upload is None:
            params.error(
                "file",
                "`file` ontbreekt: stuur het bestand als multipart/form-data-veld `file` (met een bestandsnaam).",
                "`file` is missing: send the file as the multipart/form-data field `file` (with a file name).",
            )
        params.done()
        # Validation reads the file by its extension, so the copy keeps the original's.
        suffix = Path(upload.name).suffix.lower()[:16]
        with tempfile.TemporaryDirectory(prefix="zicht-api-") as folder:
            copy = Path(folder) / f"upload{suffix}"
            with open(copy, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            try:
                result = deliveries.deliver(actor, copy, dataset, year, partner, file_name=upload.name)
            except NotAllowed:
                raise _not_deliverable(actor, partner, dataset) from None
        if not result.accepted:
            count = len(result.findings)
            raise Refused(
                f"Het bestand is geweigerd met {count} bevinding(en); er is niets veranderd. Pas het aan en lever "
                "het opnieuw.",
                f"The file was refused with {count} finding(s); nothing was changed. Fix it and deliver it again.",
                findings=result.findings,
            )
        return Response(DeliverySerializer(result.delivery).data, status=201)


def _not_deliverable(actor, partner: str, dataset: str) -> NotAllowed:
    """What a token may deliver, when it asked for something else (the region's partners are public)."""
    from zicht.region import load_region

    allowed = ", ".join(f"{d} ({p})" for p, d in access.deliverable(actor, load_region())) or "-"
    return NotAllowed(
        f"Met dit token kunt u {dataset} voor {partner} niet aanleveren. Wel: {allowed}.",
        f"This token cannot deliver {dataset} for {partner}. It can deliver: {allowed}.",
    )
