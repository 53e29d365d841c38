"""The competition status workflow: every step, its guard, who may take it, the audit."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus as S
from skillsapp.errors import Blocked, PermissionDenied, UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.competitions.events import EventInput
from tests.conftest import as_role
from tests.unit.services.test_competition_helpers import (
    AFTER_REVIEW,
    advance,
    competition,
    event,
    judge,
    meet_in_registration,
    meet_ready_for_scoring,
)


def _reasons(error: pytest.ExceptionInfo[Blocked]) -> list[tuple[str, dict[str, object]]]:
    return [(r.code, r.params) for r in error.value.reasons]


def _status(services: Services, competition_id: int) -> S:
    return services.competitions.competition(competition_id).row.status


def test_registration_cannot_open_without_events(services: Services) -> None:
    c = competition(services)
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(c.id, S.REGISTRATION)
    assert _reasons(error) == [("competition_no_events", {})]
    assert _status(services, c.id) is S.DRAFT


def test_registration_cannot_open_while_an_event_has_no_valid_scheme(services: Services) -> None:
    c = competition(services)
    event(services, c.id, "焊工")
    services.events.add(c.id, EventInput(name="钳工"))  # no scheme yet
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(c.id, S.REGISTRATION)
    assert _reasons(error) == [("event_scheme_invalid", {"event": "钳工"})]


def test_registration_opens_when_every_event_has_a_valid_scheme(services: Services) -> None:
    c = competition(services)
    event(services, c.id)
    row = services.competitions.set_status(c.id, S.REGISTRATION)
    assert row.status is S.REGISTRATION


def test_scoring_cannot_start_before_the_draw_or_without_judges(services: Services) -> None:
    meet = meet_in_registration(services)
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(meet.competition_id, S.SCORING)
    assert _reasons(error) == [
        ("event_not_drawn", {"event": "焊工"}),
        ("event_no_judges", {"event": "焊工"}),
    ]


def test_scoring_cannot_start_without_a_chief_judge(services: Services) -> None:
    meet = meet_in_registration(services)
    services.draw.draw(meet.competition_id, seed=1)
    services.judges.assign(meet.event_id, judge(services, "judge1").id)
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(meet.competition_id, S.SCORING)
    assert _reasons(error) == [("event_no_chief_judge", {"event": "焊工"})]


def test_scoring_cannot_start_without_any_registration(services: Services) -> None:
    c = competition(services)
    event(services, c.id)
    services.competitions.set_status(c.id, S.REGISTRATION)
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(c.id, S.SCORING)
    assert _reasons(error) == [("competition_no_registrations", {})]


def test_a_late_entry_after_the_draw_blocks_scoring_until_its_event_is_redrawn(
    services: Services,
) -> None:
    meet = meet_ready_for_scoring(services)
    from tests.unit.services.test_competition_helpers import enter

    enter(services, meet.event_id, 10, meet.unit_id)
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(meet.competition_id, S.SCORING)
    assert _reasons(error) == [("event_not_drawn", {"event": "焊工"})]
    services.draw.draw_event(meet.event_id, seed=8)
    assert services.competitions.set_status(meet.competition_id, S.SCORING).status is S.SCORING


def test_final_is_refused_while_the_review_period_runs(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, S.SCORING, S.REVIEW)
    today = dt.date.today()
    with pytest.raises(Blocked) as error:
        services.competitions.set_status(meet.competition_id, S.FINAL, today=today)
    [(code, params)] = _reasons(error)
    assert code == "review_period_running"
    assert dt.date.fromisoformat(str(params["until"])) > today


def test_final_then_archived_after_the_review_period(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, S.SCORING, S.REVIEW, S.FINAL, S.ARCHIVED)
    assert _status(services, meet.competition_id) is S.ARCHIVED


@pytest.mark.parametrize("target", [S.SCORING, S.REVIEW, S.FINAL, S.ARCHIVED])
def test_steps_cannot_be_skipped(services: Services, target: S) -> None:
    c = competition(services)
    event(services, c.id)
    with pytest.raises(UserError) as error:
        services.competitions.set_status(c.id, target, today=AFTER_REVIEW)
    assert (error.value.code, error.value.params) == (
        "status_skip",
        {"status": "draft", "target": target.value},
    )


def test_moving_to_the_same_status_is_refused(services: Services) -> None:
    c = competition(services)
    with pytest.raises(UserError, match="status_unchanged"):
        services.competitions.set_status(c.id, S.DRAFT)


def test_moving_back_needs_an_admin(services: Services) -> None:
    meet = meet_in_registration(services)
    organizer = as_role(services, "org", "organizer")
    with pytest.raises(PermissionDenied):
        organizer.competitions.set_status(meet.competition_id, S.DRAFT, reason="报名表有误")
    assert _status(services, meet.competition_id) is S.REGISTRATION


def test_moving_back_needs_a_reason(services: Services) -> None:
    meet = meet_in_registration(services)
    with pytest.raises(UserError, match="reason_required"):
        services.competitions.set_status(meet.competition_id, S.DRAFT, reason="  ")


def test_an_admin_moves_back_with_a_reason_and_it_is_audited(services: Services) -> None:
    meet = meet_in_registration(services)
    services.competitions.set_status(meet.competition_id, S.DRAFT, reason="报名表有误")
    [entry] = services.audit.entries(AuditFilter(entity="competition", action="status"))[:1]
    assert (entry.old_values, entry.new_values, entry.reason) == (
        {"status": "registration"},
        {"status": "draft"},
        "报名表有误",
    )
    assert _status(services, meet.competition_id) is S.DRAFT


def test_a_clerk_cannot_move_a_competition(services: Services) -> None:
    c = competition(services)
    event(services, c.id)
    clerk = as_role(services, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.competitions.set_status(c.id, S.REGISTRATION)
    assert _status(services, c.id) is S.DRAFT


def test_an_organizer_moves_forward(services: Services) -> None:
    c = competition(services)
    event(services, c.id)
    organizer = as_role(services, "org", "organizer")
    assert organizer.competitions.set_status(c.id, S.REGISTRATION).status is S.REGISTRATION


def test_every_transition_is_audited_in_order(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, S.SCORING, S.REVIEW, S.FINAL, S.ARCHIVED)
    entries = services.audit.entries(AuditFilter(entity="competition", action="status"))
    moves = [(e.old_values, e.new_values) for e in reversed(entries)]
    order = ["draft", "registration", "scoring", "review", "final", "archived"]
    assert moves == [({"status": a}, {"status": b}) for a, b in pairwise(order)]
    assert {e.entity_id for e in entries} == {str(meet.competition_id)}
