"""Awareness materials on loan (zicht.services.uitleen): reserving, confirming into the year's
`uitleningen` delivery, handover, return and reach; never two loans of one item at once; another
organisation's reservation is not found. (Two confirmations at the same moment: test_uitleen_race.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from helpers import value_of
from zicht.access import ROLE_CAPABILITIES, Actor, NotAllowed
from zicht.services import uitleen, uitleen_agenda
from zicht.services.errors import NotFound, Refused
from zicht.storage.models import AuditEvent, Delivery, LoanRequest

pytestmark = pytest.mark.django_db

ANALYST = Actor(name="ana", role="analyst", capabilities=ROLE_CAPABILITIES["analyst"], via="web")
SCHIEDAM = Actor(
    name="sch", role="gemeente", capabilities=ROLE_CAPABILITIES["gemeente"], gemeente="Schiedam", via="web"
)
ROTTERDAM = Actor(name="rdam", role="gemeente", capabilities=ROLE_CAPABILITIES["gemeente"], gemeente="Rotterdam")
AVIM = Actor(name="avim", role="partner", capabilities=ROLE_CAPABILITIES["partner"], partner="AVIM", via="web")
ESSM = Actor(name="essm", role="partner", capabilities=ROLE_CAPABILITIES["partner"], partner="ESSM", via="web")


def day(n: int) -> dt.date:
    """`n` days from today, far enough ahead to stay in one year for the loans these tests make."""
    start = timezone.localdate()
    start = start if start.month < 11 else dt.date(start.year + 1, 1, 10)
    return start + dt.timedelta(days=n)


def ask(who=SCHIEDAM, first=10, last=12, code="vr-brillen", **kw):
    return uitleen.reserve(who, code, day(first), day(last), "Training wijkteams", "Wijkteams", 25, **kw)


def loan_rows(year: int) -> list[dict]:
    from zicht.services.actieplan import current_delivery, rows_of

    current = current_delivery("uitleningen", year)
    return rows_of(current.id, "uitleningen") if current else []


def test_a_confirmed_reservation_is_a_loan_in_the_years_delivery(indicators_of):
    asked = ask()
    assert asked.status == "aangevraagd" and asked.by_gemeente == "Schiedam" and asked.organisatie == "gemeente"
    confirmed = uitleen.confirm(ANALYST, asked.id)
    year = day(10).year
    assert confirmed.status == "bevestigd" and confirmed.loan_ref == f"VAR-U-{year}-01"
    [row] = loan_rows(year)
    assert row | {"id": None} == {
        "id": None, "materiaal": "vr-brillen", "startdatum": day(10).isoformat(), "einddatum": day(12).isoformat(),
        "gemeente": "Schiedam", "organisatie": "gemeente", "status": "bevestigd", "bereik": None,
        "doelgroep": "Wijkteams",
    }  # fmt: skip
    delivery = Delivery.objects.get(dataset="uitleningen", is_current=True)
    assert delivery.partner == "VAR" and delivery.delivered_by == "ana" and delivery.delivered_via == "web"
    result = indicators_of(year)
    assert value_of(result, "uitleningen") == 1 and value_of(result, "uitleningen", gemeente="Schiedam") == 1
    assert value_of(result, "uitleningen", materiaal="vr-brillen", organisatie="gemeente") == 1
    assert value_of(result, "uitleningen-bereik") == 0


def test_handover_return_and_reach_are_new_versions_and_counted(indicators_of):
    confirmed = uitleen.confirm(ANALYST, ask().id)
    year, ref = confirmed.loan_year, confirmed.loan_ref
    uitleen.hand_over(ANALYST, year, ref)
    uitleen.take_back(ANALYST, year, ref, None)
    uitleen.set_reach(ANALYST, year, ref, 31)
    assert [d.version for d in Delivery.objects.filter(dataset="uitleningen").order_by("version")] == [1, 2, 3, 4]
    assert loan_rows(year)[0]["status"] == "teruggebracht"
    assert value_of(indicators_of(year), "uitleningen-bereik", materiaal="vr-brillen") == 31
    actions = list(AuditEvent.objects.filter(subject__contains=ref).values_list("action", flat=True))
    assert actions == ["loan-confirmed", "loan-handed-over", "loan-returned", "loan-reach"]
    with pytest.raises(Refused):  # returned is returned
        uitleen.hand_over(ANALYST, year, ref)


def test_an_overlapping_loan_of_one_item_cannot_be_confirmed():
    first, second = ask(first=10, last=14), ask(ROTTERDAM, first=14, last=16)
    other_item = ask(ROTTERDAM, first=10, last=14, code="koffer-verkeerd")
    uitleen.confirm(ANALYST, first.id)
    assert uitleen.conflict(LoanRequest.objects.get(pk=second.id)) is not None
    with pytest.raises(Refused) as refused:
        uitleen.confirm(ANALYST, second.id)
    assert refused.value.status == 409 and "al uitgeleend" in refused.value.message_nl
    assert LoanRequest.objects.get(pk=second.id).status == "aangevraagd"
    uitleen.confirm(ANALYST, other_item.id)  # another item the same days is fine
    assert len(loan_rows(day(10).year)) == 2
    with pytest.raises(Refused):  # and a new request for days already lent is refused at once
        ask(first=12, last=13)


def test_another_organisations_reservation_is_not_found():
    asked = ask()
    assert uitleen.reservation(SCHIEDAM, asked.id).id == asked.id
    for outsider in (ROTTERDAM, AVIM):
        with pytest.raises(NotFound):
            uitleen.reservation(outsider, asked.id)
        with pytest.raises(NotFound):
            uitleen.cancel(outsider, asked.id)
    assert [r.id for r in uitleen.requests_of(SCHIEDAM)] == [asked.id]
    assert uitleen.requests_of(ROTTERDAM) == [] and uitleen.requests_of(AVIM) == []
    with pytest.raises(NotAllowed):
        uitleen.confirm(SCHIEDAM, asked.id)
    with pytest.raises(NotAllowed):
        uitleen.reserve(ANALYST, "vr-brillen", day(10), day(11), "x")  # the analyst confirms, never reserves


def test_a_partner_reserves_for_itself_counted_under_its_organisation():
    asked = ask(AVIM, gemeente="regio")
    assert asked.by_partner == "AVIM" and asked.organisatie == "politie" and asked.gemeente == "regio"
    assert uitleen.reservation(AVIM, asked.id).id == asked.id
    with pytest.raises(NotFound):
        uitleen.reservation(ESSM, asked.id)
    with pytest.raises(Refused):
        ask(ESSM, first=30, last=31)  # a partner says where it is used


def test_cancelling_a_confirmed_loan_frees_the_days():
    asked = ask()
    uitleen.confirm(ANALYST, asked.id)
    uitleen.cancel(SCHIEDAM, asked.id, "Training gaat niet door")
    assert LoanRequest.objects.get(pk=asked.id).status == "geannuleerd"
    assert loan_rows(day(10).year) == []
    again = uitleen.confirm(ANALYST, ask(ROTTERDAM).id)  # the same days, now free
    assert again.loan_ref == f"VAR-U-{day(10).year}-02"  # the cancelled loan's id is not given again


def test_a_loan_handed_over_can_no_longer_be_cancelled():
    asked = ask()
    confirmed = uitleen.confirm(ANALYST, asked.id)
    uitleen.hand_over(ANALYST, confirmed.loan_year, confirmed.loan_ref)
    with pytest.raises(Refused):
        uitleen.cancel(SCHIEDAM, asked.id)
    assert len(loan_rows(confirmed.loan_year)) == 1


TODAY = timezone.localdate()


@pytest.mark.parametrize(
    "first, last, field",
    [
        (TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=2), "start"),
        (day(5), day(3), "end"),
        (day(5), day(40), "end"),
        (TODAY + dt.timedelta(days=400), TODAY + dt.timedelta(days=401), "start"),
    ],
    ids=["in-the-past", "end-before-start", "longer-than-the-region-allows", "more-than-a-year-ahead"],
)
def test_a_period_that_cannot_be_is_refused_with_the_field_it_concerns(first, last, field):
    with pytest.raises(Refused) as refused:
        uitleen.reserve(SCHIEDAM, "vr-brillen", first, last, "Training")
    assert field in {f.column for f in refused.value.findings}
    assert LoanRequest.objects.count() == 0


def test_free_text_with_a_phone_number_is_refused_without_echoing_it():
    with pytest.raises(Refused) as refused:
        uitleen.reserve(SCHIEDAM, "vr-brillen", day(10), day(11), "Bel 06-12345678")
    assert "06-12345678" not in refused.value.message_nl + str(refused.value.findings)
    assert LoanRequest.objects.count() == 0


def test_a_withdrawn_item_cannot_be_reserved_and_the_catalogue_keeps_the_analysts_texts():
    uitleen.edit_material(ANALYST, "koffer-verkeerd", available=False, note="In onderhoud tot maart.", name_nl="")
    item = uitleen.material("koffer-verkeerd")
    assert not item.available and item.note == "In onderhoud tot maart." and item.name_nl == "Koffer Verkeerd"
    with pytest.raises(Refused):
        ask(code="koffer-verkeerd")
    with pytest.raises(NotAllowed):
        uitleen.edit_material(SCHIEDAM, "vr-brillen", available=False)
    with pytest.raises(NotFound):
        uitleen.material("bestaat-niet")


def test_the_calendar_shows_lent_and_requested_days():
    uitleen.confirm(ANALYST, ask(first=10, last=11).id)
    ask(ROTTERDAM, first=20, last=20)
    months = uitleen_agenda.calendar(SCHIEDAM, "vr-brillen", day(10), months=2)
    states = {d.date: d.state for _, weeks in months for week in weeks for d in week if d}
    assert states[day(10)] == states[day(11)] == "bezet" and states[day(12)] == "vrij"
    assert states[day(20)] == "aangevraagd"
    with pytest.raises(NotAllowed):
        uitleen_agenda.calendar(Actor.anonymous(), "vr-brillen", day(10))


def test_the_desk_lists_what_the_analyst_has_to_do():
    clashing = ask(ROTTERDAM, first=11, last=12)
    uitleen.confirm(ANALYST, ask().id)
    work = uitleen_agenda.desk(ANALYST)
    assert [r.id for r in work.pending] == [clashing.id] and clashing.id in work.clashes
    assert len(work.to_hand_over) == 1 and work.out == []
