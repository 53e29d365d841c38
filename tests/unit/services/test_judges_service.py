"""Judges of events: who may judge, one chief judge, same-unit conflicts and blocks."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Role
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.services.audit import AuditFilter
from tests.unit.services.test_competition_helpers import (
    competition,
    enter,
    event,
    judge,
    person,
    unit,
)


def _event(services: Services) -> int:
    return event(services, competition(services).id).id


def test_a_judge_account_is_assigned_to_an_event(services: Services) -> None:
    event_id = _event(services)
    row = services.judges.assign(event_id, judge(services, "judge1").id)
    assert (row.username, row.chief, row.unit_name) == ("judge1", False, "")
    assert [j.username for j in services.judges.judges(event_id)] == ["judge1"]


def test_only_judge_accounts_may_judge(services: Services) -> None:
    event_id = _event(services)
    clerk = services.accounts.create_user(
        services.actor, username="clerk", password="pass1234", role=Role.CLERK
    )
    with pytest.raises(UserError) as error:
        services.judges.assign(event_id, clerk.id)
    assert error.value.code == "judge_role_required"


def test_a_disabled_judge_account_cannot_be_assigned(services: Services) -> None:
    event_id = _event(services)
    user = judge(services, "judge1")
    services.accounts.update_user(
        services.actor, user.id, display_name="", role=Role.JUDGE, active=False
    )
    with pytest.raises(UserError, match="judge_inactive"):
        services.judges.assign(event_id, user.id)


def test_a_judge_is_assigned_once_per_event(services: Services) -> None:
    event_id = _event(services)
    user = judge(services, "judge1")
    services.judges.assign(event_id, user.id)
    with pytest.raises(UserError, match="judge_already_assigned"):
        services.judges.assign(event_id, user.id)


def test_there_is_exactly_one_chief_judge(services: Services) -> None:
    event_id = _event(services)
    first, second = judge(services, "judge1"), judge(services, "judge2")
    services.judges.assign(event_id, first.id, chief=True)
    services.judges.assign(event_id, second.id, chief=True)
    assert [(j.username, j.chief) for j in services.judges.judges(event_id)] == [
        ("judge2", True),
        ("judge1", False),
    ]
    services.judges.set_chief(event_id, first.id)
    assert [(j.username, j.chief) for j in services.judges.judges(event_id)] == [
        ("judge1", True),
        ("judge2", False),
    ]


def test_the_chief_must_be_one_of_the_event_judges(services: Services) -> None:
    event_id = _event(services)
    with pytest.raises(UserError, match="judge_not_assigned"):
        services.judges.set_chief(event_id, judge(services, "judge1").id)


def test_assignments_are_audited(services: Services) -> None:
    event_id = _event(services)
    user = judge(services, "judge1")
    services.judges.assign(event_id, user.id, chief=True)
    services.judges.remove(event_id, user.id, reason="回避")
    entries = services.audit.entries(AuditFilter(entity="event_judge"))
    assert [(e.action, e.reason) for e in reversed(entries)] == [
        ("assign", ""),
        ("chief", ""),
        ("unassign", "回避"),
    ]
    assert services.judges.judges(event_id) == []


def test_a_judge_from_a_contestants_unit_is_flagged(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    mine, other = unit(services, "一号矿"), unit(services, "二号矿")
    colleague = enter(services, e.id, 0, mine.id)
    enter(services, e.id, 1, other.id)
    user = judge(services, "judge1", person_id=person(services, 50, mine.id).id)
    services.judges.assign(e.id, user.id)
    [conflict] = services.judges.conflicts(e.id)
    assert (conflict.registration_id, conflict.unit_name, conflict.same_unit, conflict.blocked) == (
        colleague.id,
        "一号矿",
        True,
        False,
    )
    assert services.judges.judges(e.id)[0].unit_name == "一号矿"


def test_a_judge_without_a_linked_person_has_no_conflicts(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    enter(services, e.id, 0, unit(services).id)
    services.judges.assign(e.id, judge(services, "judge1").id)
    assert services.judges.conflicts(e.id) == []


def test_the_organizer_blocks_and_unblocks_a_pair(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    mine = unit(services, "一号矿")
    entry = enter(services, e.id, 0, mine.id)
    user = judge(services, "judge1", person_id=person(services, 50, mine.id).id)
    services.judges.assign(e.id, user.id)
    services.judges.block(e.id, user.id, entry.id)
    services.judges.block(e.id, user.id, entry.id)  # twice is harmless
    assert [c.blocked for c in services.judges.conflicts(e.id)] == [True]
    services.judges.unblock(e.id, user.id, entry.id)
    assert [c.blocked for c in services.judges.conflicts(e.id)] == [False]
    actions = [x.action for x in services.audit.entries(AuditFilter(entity="event_judge"))]
    assert actions[:2] == ["unblock", "block"]


def test_a_pair_from_different_units_can_be_blocked_too(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    entry = enter(services, e.id, 0, unit(services).id)
    user = judge(services, "judge1")
    services.judges.assign(e.id, user.id)
    services.judges.block(e.id, user.id, entry.id)
    [row] = services.judges.conflicts(e.id)
    assert (row.same_unit, row.blocked) == (False, True)


def test_a_contestant_of_another_event_cannot_be_blocked(services: Services) -> None:
    c = competition(services)
    welding, fitting = event(services, c.id, "焊工"), event(services, c.id, "钳工")
    entry = enter(services, fitting.id, 0, unit(services).id)
    user = judge(services, "judge1")
    services.judges.assign(welding.id, user.id)
    with pytest.raises(UserError, match="registration_not_in_event"):
        services.judges.block(welding.id, user.id, entry.id)


def test_a_judge_sees_their_own_events_only(services: Services) -> None:
    c = competition(services)
    welding, fitting = event(services, c.id, "焊工"), event(services, c.id, "钳工")
    user = judge(services, "judge1")
    services.judges.assign(fitting.id, user.id, chief=True)
    judge_services = services.as_actor(services.accounts.login("judge1", "pass1234"))
    [row] = judge_services.judges.events_for_judge(user.id)
    assert (row.event_id, row.event_name, row.chief, row.status) == (
        fitting.id,
        "钳工",
        True,
        CompetitionStatus.DRAFT,
    )
    other = judge(services, "judge2")
    with pytest.raises(PermissionDenied):
        judge_services.judges.events_for_judge(other.id)
    assert welding.id not in {r.event_id for r in services.judges.events_for_judge(user.id)}


def test_judges_cannot_be_changed_by_a_clerk(services: Services) -> None:
    from tests.conftest import as_role

    event_id = _event(services)
    user = judge(services, "judge1")
    clerk = as_role(services, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.judges.assign(event_id, user.id)
