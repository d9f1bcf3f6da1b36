"""The action plan as a living document (zicht.services.actieplan): a web edit is a new version of the
year's delivery, validated like a file, audited; a municipality touches only its own initiatives; the
public sees the plan as the latest edition froze it."""

from __future__ import annotations

import pytest

from helpers import value_of
from zicht.access import ROLE_CAPABILITIES, Actor, NotAllowed
from zicht.services import actieplan
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import AuditEvent, Delivery

pytestmark = pytest.mark.django_db

Y = 2024
ANALYST = Actor(name="ana", role="analyst", capabilities=ROLE_CAPABILITIES["analyst"], via="web")
SCHIEDAM = Actor(
    name="sch", role="gemeente", capabilities=ROLE_CAPABILITIES["gemeente"], gemeente="Schiedam", via="web"
)
VLAARDINGEN = Actor(
    name="vla", role="gemeente", capabilities=ROLE_CAPABILITIES["gemeente"], gemeente="Vlaardingen", via="web"
)
ESSM = Actor(name="essm", role="partner", capabilities=ROLE_CAPABILITIES["partner"], partner="ESSM", via="web")
ANONYMOUS = Actor.anonymous()


@pytest.fixture
def plan(deliver):
    """The year's actions and initiatives, as the VAR delivered them."""
    deliver(
        "acties",
        Y,
        "VAR",
        [
            {
                "id": "VAR-A-2024-01",
                "opgave": 1,
                "titel": "Monitor publiceren",
                "status": "gereed",
                "eigenaar": "gemeente",
            },
            {"id": "VAR-A-2024-02", "opgave": 4, "titel": "Plan aanpak daders", "status": "uitgesteld"},
        ],
    )
    deliver(
        "initiatieven",
        Y,
        "VAR",
        [
            {"id": "VAR-I-2024-01", "gemeente": "Schiedam", "datum": f"{Y}-03-01", "titel": "Training", "soort": "training"},
            {"id": "VAR-I-2024-02", "gemeente": "Vlaardingen", "datum": f"{Y}-04-01", "titel": "Bijeenkomst", "soort": "bijeenkomst"},
        ],
    )  # fmt: skip


def _action(**values):
    return {"opgave": 3, "titel": "Week tegen Mensenhandel", "status": "lopend", "eigenaar": "RIEC", **values}


def test_an_edited_action_is_the_next_version_of_the_years_delivery(plan, indicators_of):
    edit = actieplan.save_action(ANALYST, Y, _action(), basis=1)
    assert edit.ref == "VAR-A-2024-03" and edit.delivery.version == 2
    current = Delivery.objects.get(dataset="acties", year=Y, is_current=True)
    assert current.delivered_by == "ana" and current.delivered_via == "web" and current.changes["rows_added"] == 1
    assert value_of(indicators_of(Y), "acties") == 3
    assert value_of(indicators_of(Y), "acties", opgave="3", status="lopend") == 1
    actieplan.save_action(ANALYST, Y, _action(status="gereed"), ref=edit.ref, basis=2)
    assert value_of(indicators_of(Y), "acties", opgave="3", status="gereed") == 1
    assert Delivery.objects.filter(dataset="acties", year=Y).count() == 3  # every version kept
    events = AuditEvent.objects.filter(action__in=("action-added", "action-changed")).order_by("id")
    assert [(e.actor, e.subject) for e in events] == [("ana", "VAR acties 2024 VAR-A-2024-03")] * 2


def test_an_edit_is_validated_like_a_delivered_file_and_a_refusal_changes_nothing(plan):
    with pytest.raises(Refused) as refused:
        actieplan.save_action(ANALYST, Y, _action(toelichting="Bel 06-12345678 voor meer", status="klaar"))
    codes = {(f.row, f.column, f.code) for f in refused.value.findings}
    assert codes == {(4, "toelichting", "identifier-phone"), (4, "status", "unknown-code")}
    assert refused.value.row == 4  # the row the edit added, as in a file
    assert "06-12345678" not in " ".join(f.message_nl + f.message_en for f in refused.value.findings)
    assert Delivery.objects.filter(dataset="acties", year=Y).count() == 1


def test_an_edit_on_a_version_someone_else_replaced_is_refused(plan):
    actieplan.save_action(ANALYST, Y, _action(), basis=1)
    with pytest.raises(Refused) as refused:
        actieplan.save_action(ANALYST, Y, _action(titel="Nog een"), basis=1)
    assert refused.value.status == 409
    assert Delivery.objects.get(dataset="acties", year=Y, is_current=True).version == 2


def test_removing_an_action_keeps_it_in_the_earlier_versions(plan):
    actieplan.delete_action(ANALYST, Y, "VAR-A-2024-02")
    rows, version = actieplan.actions(ANALYST, Y)
    assert [r["id"] for r in rows] == ["VAR-A-2024-01"] and version == 2
    first = Delivery.objects.get(dataset="acties", year=Y, version=1)
    assert len(actieplan.rows_of(first.id, "acties")) == 2
    with pytest.raises(NotFound):
        actieplan.delete_action(ANALYST, Y, "VAR-A-2024-99")


def test_the_first_action_of_a_new_year_starts_its_delivery():
    edit = actieplan.save_action(ANALYST, 2025, _action())
    assert edit.ref == "VAR-A-2025-01" and edit.delivery.version == 1 and edit.delivery.partner == "VAR"


def test_only_the_analyst_edits_actions(plan):
    for who in (SCHIEDAM, ESSM, ANONYMOUS):
        with pytest.raises(NotAllowed):
            actieplan.save_action(who, Y, _action())
    assert Delivery.objects.filter(dataset="acties").count() == 1


def test_unfinished_actions_are_carried_over_into_the_next_year_once(plan):
    assert actieplan.carry_over(ANALYST, 2025) == 1  # the postponed one, not the done one
    rows, _ = actieplan.actions(ANALYST, 2025)
    assert [(r["id"], r["titel"], r["status"]) for r in rows] == [("VAR-A-2025-01", "Plan aanpak daders", "uitgesteld")]
    assert actieplan.open_from_last_year(ANALYST, 2025) == []
    assert actieplan.carry_over(ANALYST, 2025) == 0


def test_a_municipality_registers_initiatives_only_for_itself(plan, indicators_of):
    values = {
        "datum": f"{Y}-06-01",
        "titel": "Voorlichting op school",
        "soort": "voorlichting",
        "gemeente": "Rotterdam",
    }
    edit = actieplan.save_initiative(SCHIEDAM, Y, values)
    own, _ = actieplan.initiatives(SCHIEDAM, Y)
    assert [r["id"] for r in own] == ["VAR-I-2024-01", edit.ref]
    assert next(r for r in own if r["id"] == edit.ref)["gemeente"] == "Schiedam"  # never another municipality
    assert value_of(indicators_of(Y), "initiatieven", gemeente="Schiedam") == 2
    assert value_of(indicators_of(Y), "initiatieven", gemeente="Rotterdam") == 0


def test_another_municipalitys_initiative_is_not_found_and_never_touched(plan):
    for attempt in (
        lambda: actieplan.initiative(SCHIEDAM, Y, "VAR-I-2024-02"),
        lambda: actieplan.save_initiative(SCHIEDAM, Y, {"titel": "Overgenomen"}, ref="VAR-I-2024-02"),
        lambda: actieplan.delete_initiative(SCHIEDAM, Y, "VAR-I-2024-02"),
    ):
        with pytest.raises(NotFound):
            attempt()
    assert Delivery.objects.filter(dataset="initiatieven").count() == 1
    for who in (ANALYST, ESSM, ANONYMOUS):
        with pytest.raises(NotAllowed):
            actieplan.save_initiative(who, Y, {"titel": "x"})
    assert [r["id"] for r in actieplan.initiatives(VLAARDINGEN, Y)[0]] == ["VAR-I-2024-02"]


def _publish(year: int) -> None:
    """An edition that freezes the year's current delivery versions (what `publish` records of them)."""
    from django.utils import timezone

    from zicht.storage import api
    from zicht.storage.models import Edition

    Edition.objects.create(
        year=year, number=1, published_at=timezone.now(), published_by="test", region="regio-rotterdam",
        software_version="test", indicators={}, public_indicators={},
        deliveries=[d.as_dict() for d in api.current_deliveries(year)],
    )  # fmt: skip


def test_the_public_sees_the_plan_as_the_latest_edition_froze_it(plan):
    _publish(Y)
    actieplan.save_action(ANALYST, Y, _action(titel="Na de publicatie"))
    public = actieplan.overview(ANONYMOUS, Y)
    assert public.source == "edition" and public.edition == "2024"
    assert [a["titel"] for a in public.actions] == ["Monitor publiceren", "Plan aanpak daders"]
    assert actieplan.overview(SCHIEDAM).year == Y  # the latest published year by default
    working = actieplan.overview(ANALYST, Y)
    assert working.source == "current" and working.unpublished and len(working.actions) == 3
    with pytest.raises(NotFound):
        actieplan.overview(ANONYMOUS, 2023)  # not published


def test_nothing_published_is_not_found_for_the_public(plan):
    with pytest.raises(NotFound):
        actieplan.overview(ANONYMOUS)
    assert actieplan.overview(ANALYST).year == Y
