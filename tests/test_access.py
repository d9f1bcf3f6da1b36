"""zicht.access: every decision for every role, one table (spec/web.md, "Organisations, roles, scopes")."""

from __future__ import annotations

import pytest

from zicht import access
from zicht.access import ROLE_CAPABILITIES, Actor
from zicht.region import load_region


def actor(role, partner=None, gemeente=None):
    return Actor(name=role, role=role, capabilities=ROLE_CAPABILITIES[role], partner=partner, gemeente=gemeente)


ANON = Actor.anonymous()
ESSM = actor("partner", partner="ESSM")
AVIM = actor("partner", partner="AVIM")
SCHIEDAM = actor("gemeente", gemeente="Schiedam")
ANALYST = actor("analyst")
OPERATOR = Actor.command_line("op")


@pytest.fixture(scope="module")
def region():
    return load_region()


@pytest.mark.parametrize(
    "who, partner, dataset, allowed",
    [
        (ESSM, "ESSM", "meldingen", True),
        (ESSM, "ESSM", "trajecten", True),
        (ESSM, "ESSM", "politiecontacten", False),  # not a dataset the region allows ESSM
        (ESSM, "AVIM", "politiecontacten", False),  # another partner's
        (AVIM, "AVIM", "politiecontacten", True),
        (AVIM, "ESSM", "meldingen", False),
        (SCHIEDAM, "ESSM", "meldingen", False),
        (ANON, "ESSM", "meldingen", False),
        (ANALYST, "ESSM", "meldingen", True),  # on behalf of any partner
        (ANALYST, "ESSM", "controles", False),  # but only what the region allows that partner
        (ANALYST, "NOPE", "meldingen", False),
        (OPERATOR, "RCTM", "controles", True),
    ],
)
def test_can_deliver(region, who, partner, dataset, allowed):
    assert access.can_deliver(who, partner, dataset, region) is allowed


def test_deliverable_lists_only_the_own_partners_datasets(region):
    assert access.deliverable(ESSM, region) == [("ESSM", "meldingen"), ("ESSM", "trajecten")]
    assert access.deliverable(SCHIEDAM, region) == []
    assert len(access.deliverable(ANALYST, region)) == sum(len(p.datasets) for p in region.partners)


def test_delivery_scope_is_the_own_partner_or_everything():
    assert access.delivery_scope(ESSM) == "ESSM"
    assert access.delivery_scope(ANALYST) is None
    for outsider in (ANON, SCHIEDAM):
        with pytest.raises(access.NotAllowed):
            access.delivery_scope(outsider)


@pytest.mark.parametrize(
    "who, partner, allowed",
    [
        (ESSM, "ESSM", True),
        (ESSM, "AVIM", False),
        (AVIM, "ESSM", False),
        (ANALYST, "AVIM", True),
        (SCHIEDAM, "ESSM", False),
        (ANON, "ESSM", False),
    ],
)
def test_a_partner_sees_only_its_own_deliveries(who, partner, allowed):
    assert access.can_view_delivery(who, partner) is allowed


def test_figures_unsuppressed_for_the_analyst_and_a_municipality_for_its_own():
    assert access.sees_unsuppressed(ANALYST) and access.sees_unsuppressed(ANALYST, "Schiedam")
    assert access.sees_unsuppressed(SCHIEDAM, "Schiedam") and not access.sees_unsuppressed(SCHIEDAM, "Vlaardingen")
    assert (
        not access.sees_unsuppressed(SCHIEDAM)
        and not access.sees_unsuppressed(ESSM)
        and not access.sees_unsuppressed(ANON)
    )
    assert access.scope_municipality(SCHIEDAM) == "Schiedam" and access.scope_municipality(ESSM) is None
    assert access.can_view_current_figures(ANALYST) and not access.can_view_current_figures(SCHIEDAM)


@pytest.mark.parametrize(
    "check", ["can_use_desk", "can_edit_texts", "can_publish", "can_manage_accounts", "can_view_audit"]
)
def test_the_desk_is_the_analysts_alone(check):
    decide = getattr(access, check)
    assert decide(ANALYST) and decide(OPERATOR)
    assert not any(decide(a) for a in (ESSM, SCHIEDAM, ANON))


def test_the_portal_is_for_partners_and_the_analyst():
    assert access.can_use_portal(ESSM) and access.can_use_portal(ANALYST)
    assert not access.can_use_portal(SCHIEDAM) and not access.can_use_portal(ANON)
    # a partner account without a partner (misconfigured) sees nothing
    assert not access.can_use_portal(actor("partner"))


def test_second_factor_for_roles_that_see_records():
    assert access.needs_second_factor("analyst") and access.needs_second_factor("partner")
    assert not access.needs_second_factor("gemeente") and not access.needs_second_factor(None)


def test_capabilities_are_those_of_the_spec():
    assert (
        access.RESERVE_MATERIALS in ROLE_CAPABILITIES["partner"]
        and access.RESERVE_MATERIALS in ROLE_CAPABILITIES["gemeente"]
    )
    assert (
        access.CONFIRM_LOANS in ROLE_CAPABILITIES["analyst"]
        and access.CONFIRM_LOANS not in ROLE_CAPABILITIES["gemeente"]
    )
    assert (
        access.EDIT_INITIATIVES in ROLE_CAPABILITIES["gemeente"] and access.EDIT_ACTIONS in ROLE_CAPABILITIES["analyst"]
    )
    assert not ROLE_CAPABILITIES["partner"] & {access.VIEW_ALL_DELIVERIES, access.VIEW_UNSUPPRESSED, access.PUBLISH}


# -- the action plan and the loans (issue 9) -------------------------------------------------------

ROTTERDAM = actor("gemeente", gemeente="Rotterdam")
NO_PLACE = actor("gemeente")  # a municipal account without its municipality (misconfigured)


@pytest.mark.parametrize(
    "who, edits_actions, sees_current, edits_initiatives",
    [
        (ANALYST, True, True, False),
        (OPERATOR, True, True, False),
        (SCHIEDAM, False, False, True),
        (NO_PLACE, False, False, False),
        (ESSM, False, False, False),
        (ANON, False, False, False),
    ],
)
def test_the_action_plan_is_edited_by_the_analyst_and_initiatives_by_municipalities(
    who, edits_actions, sees_current, edits_initiatives
):
    assert access.can_edit_actions(who) is edits_actions
    assert access.sees_current_plan(who) is sees_current
    assert access.can_edit_initiatives(who) is edits_initiatives


@pytest.mark.parametrize(
    "who, gemeente, allowed",
    [
        (SCHIEDAM, "Schiedam", True),
        (SCHIEDAM, "Vlaardingen", False),  # another municipality's: never
        (SCHIEDAM, "regio", False),  # the region's own initiatives are the analyst's delivery
        (SCHIEDAM, None, False),
        (ROTTERDAM, "Schiedam", False),
        (NO_PLACE, "Schiedam", False),
        (ANALYST, "Schiedam", False),  # the analyst edits actions, not a municipality's initiatives
        (ESSM, "Schiedam", False),
        (ANON, "Schiedam", False),
    ],
)
def test_a_municipal_officer_edits_only_the_own_municipalitys_initiatives(who, gemeente, allowed):
    assert access.can_edit_initiative(who, gemeente) is allowed


@pytest.mark.parametrize(
    "who, reserves, confirms, sees_calendar",
    [
        (SCHIEDAM, True, False, True),
        (ESSM, True, False, True),
        (ANALYST, False, True, True),
        (OPERATOR, False, True, True),  # every capability, but no organisation to reserve for
        (NO_PLACE, False, False, False),
        (actor("partner"), False, False, False),
        (ANON, False, False, False),
    ],
)
def test_partners_and_municipalities_reserve_and_the_analyst_confirms(who, reserves, confirms, sees_calendar):
    assert access.can_reserve(who) is reserves
    assert access.can_confirm_loans(who) is confirms
    assert access.sees_availability(who) is sees_calendar


@pytest.mark.parametrize(
    "who, partner, gemeente, allowed",
    [
        (SCHIEDAM, None, "Schiedam", True),
        (SCHIEDAM, None, "Rotterdam", False),
        (ROTTERDAM, None, "Schiedam", False),
        (SCHIEDAM, "ESSM", None, False),
        (ESSM, "ESSM", None, True),
        (AVIM, "ESSM", None, False),
        (ESSM, None, "Schiedam", False),
        (ANALYST, "ESSM", None, True),
        (ANALYST, None, "Schiedam", True),
        (ANON, None, "Schiedam", False),
        (ANON, None, None, False),
    ],
)
def test_a_reservation_is_seen_by_its_organisation_and_the_analyst(who, partner, gemeente, allowed):
    assert access.can_view_reservation(who, partner, gemeente) is allowed
