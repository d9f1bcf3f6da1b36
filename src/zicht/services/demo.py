"""The demo: the bundled synthetic deliveries of regio Rotterdam (2019-2024), their texts, and published
editions, so that a new user sees a filled application at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from django.db import transaction

from zicht import access
from zicht.access import Actor
from zicht.services.audit import audit
from zicht.services.errors import Refused
from zicht.storage import api
from zicht.storage.models import Delivery

DEMO = Path(__file__).resolve().parent.parent / "demo"
DEMO_ACTOR = "zicht demo"
# The years the demo publishes: those the seed monitor gives figures for. Earlier years only feed the
# trend charts, which every edition carries.
PUBLISHED_YEARS = (2022, 2023, 2024)


def manifest() -> dict:
    return json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))


def load_demo(actor: Actor, progress: Callable[[dict], None] | None = None) -> list[api.DeliveryInfo]:
    """Replace the demo's deliveries and texts by the bundled ones, in one transaction.

    Refuses a database that holds deliveries other than the demo's: the demo never replaces real data.
    """
    from zicht.storage.models import NarrativeText

    access.require(access.can(actor, access.DELIVER_FOR_ANY_PARTNER) and access.can_edit_texts(actor))
    items = manifest()["deliveries"]
    with transaction.atomic():
        foreign = Delivery.objects.exclude(delivered_by=DEMO_ACTOR).count()
        if foreign:
            raise Refused(
                f"Deze ZICHT_HOME bevat {foreign} leveringen die niet van de demo zijn; de demo overschrijft ze "
                "niet. Kies een andere map met ZICHT_HOME=… zicht demo.",
                f"This ZICHT_HOME holds {foreign} deliveries that are not the demo's; the demo will not replace "
                "them. Choose another folder: ZICHT_HOME=… zicht demo.",
            )
        # Deleting deliveries happens here and nowhere else: only the demo's own, inside this transaction.
        removed = Delivery.objects.filter(delivered_by=DEMO_ACTOR).count()
        Delivery.objects.filter(delivered_by=DEMO_ACTOR).delete()
        NarrativeText.objects.filter(created_by=DEMO_ACTOR).delete()
        audit(actor, "delete-deliveries", "demo", {"count": removed, "reason": "zicht demo replaces the demo data"})
        stored = []
        for item in items:
            result = api.import_delivery(
                DEMO / "deliveries" / item["file"], item["dataset"], item["year"], item["partner"], by=DEMO_ACTOR
            )
            if not result.accepted:  # a bug in the bundled files, not the user's input
                raise RuntimeError(f"demo file {item['file']} was refused: {result.findings[:3]}")
            stored.append(result.delivery)
            if progress:
                progress(item)
        for text in sorted((DEMO / "texts").glob("*/*.md")):
            api.set_text(int(text.parent.name), text.stem, text.read_text(encoding="utf-8"), by=DEMO_ACTOR)
    return stored


def publish_demo(actor: Actor, progress: Callable[[int], None] | None = None) -> list:
    """Publish the demo's years that have no edition yet (a second `zicht demo` publishes nothing new)."""
    from zicht.services.publication import editions, publish

    published = {e.year for e in editions()}
    done = []
    for year in PUBLISHED_YEARS:
        if year not in published:
            done.append(publish(actor, year, note=""))
        if progress:
            progress(year)
    return done
