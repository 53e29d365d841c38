"""Registration: entering persons for events, the refusals and their codes, withdrawals."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus, RegistrationStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.errors import Blocked, PermissionDenied, UserError, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.competitions.events import EventInput
from skillsapp.services.registry.registry import PersonQuery
from tests.conftest import as_role
from tests.factories import id_number, person_input
from tests.unit.services.test_competition_helpers import (
    advance,
    competition,
    enter,
    event,
    meet_ready_for_scoring,
    person,
    unit,
)


def _blocked(error: pytest.ExceptionInfo[Blocked]) -> list[str]:
    return [reason.code for reason in error.value.reasons]


def test_a_registry_person_is_entered_for_a_unit(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    p = person(services, 0, u.id)
    row = services.registrations.register(e.id, p.id, u.id, team_name="", note="  首次参赛 ")
    assert (row.event_name, row.person_name, row.unit_name, row.status, row.note) == (
        "焊工",
        p.name,
        "洛阳轴承厂",
        RegistrationStatus.ACTIVE,
        "首次参赛",
    )
    assert (row.bib, row.start_order, row.blind_code, row.warnings) == (None, None, None, ())
    [entry] = services.audit.entries(AuditFilter(entity="registration"))
    assert entry.new_values == {
        "event_id": e.id,
        "person_id": p.id,
        "unit_id": u.id,
        "status": "active",
        "team_name": "",
        "note": "首次参赛",
    }


def test_the_id_number_is_masked_for_everyone_but_an_admin(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    enter(services, e.id, 0, unit(services).id)
    clerk = as_role(services, "clerk", "clerk")
    [full] = services.registrations.registrations(c.id)
    [masked] = clerk.registrations.registrations(c.id)
    assert full.id_number == id_number(0)
    assert masked.id_number == id_number(0)[:6] + "********" + id_number(0)[-4:]


def test_a_clerk_registers_but_a_judge_cannot(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    clerk, judge = as_role(services, "clerk", "clerk"), as_role(services, "judge", "judge")
    p = person(services, 0, u.id)
    with pytest.raises(PermissionDenied):
        judge.registrations.register(e.id, p.id, u.id)
    assert clerk.registrations.register(e.id, p.id, u.id).person_id == p.id


def test_a_person_cannot_be_entered_twice_in_one_event(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    p = person(services, 0, u.id)
    services.registrations.register(e.id, p.id, u.id)
    with pytest.raises(UserError) as error:
        services.registrations.register(e.id, p.id, u.id)
    assert (error.value.code, error.value.params) == (
        "already_registered",
        {"name": p.name, "event": "焊工"},
    )


def test_one_event_per_person_when_the_competition_says_so(services: Services) -> None:
    c = competition(services)
    welding, fitting = event(services, c.id, "焊工"), event(services, c.id, "钳工")
    u = unit(services)
    p = person(services, 0, u.id)
    services.registrations.register(welding.id, p.id, u.id)
    with pytest.raises(UserError) as error:
        services.registrations.register(fitting.id, p.id, u.id)
    assert (error.value.code, error.value.params["event"]) == ("person_in_other_event", "焊工")


def test_several_events_per_person_when_the_competition_allows_it(services: Services) -> None:
    c = competition(services, one_event_per_person=False)
    welding, fitting = event(services, c.id, "焊工"), event(services, c.id, "钳工")
    u = unit(services)
    p = person(services, 0, u.id)
    services.registrations.register(welding.id, p.id, u.id)
    services.registrations.register(fitting.id, p.id, u.id)
    assert len(services.registrations.registrations(c.id)) == 2


def test_the_competition_quota_limits_each_unit_in_each_event(services: Services) -> None:
    c = competition(services, quota_per_unit=2)
    e = event(services, c.id)
    first, second = unit(services, "一厂"), unit(services, "二厂")
    enter(services, e.id, 0, first.id)
    enter(services, e.id, 1, first.id)
    enter(services, e.id, 2, second.id)
    with pytest.raises(UserError) as error:
        enter(services, e.id, 3, first.id)
    assert (error.value.code, error.value.params) == (
        "quota_exceeded",
        {"unit": "一厂", "event": "焊工", "quota": 2},
    )


def test_an_event_quota_overrides_the_competition_quota(services: Services) -> None:
    c = competition(services, quota_per_unit=3)
    e = event(services, c.id, quota_per_unit=1)
    u = unit(services)
    enter(services, e.id, 0, u.id)
    with pytest.raises(UserError, match="quota_exceeded"):
        enter(services, e.id, 1, u.id)


def test_a_withdrawn_entry_frees_its_place(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id, quota_per_unit=1)
    u = unit(services)
    first = enter(services, e.id, 0, u.id)
    row = services.registrations.withdraw(first.id, "伤病")
    assert row.status is RegistrationStatus.WITHDRAWN
    assert enter(services, e.id, 1, u.id).status is RegistrationStatus.ACTIVE


def test_a_withdrawal_needs_a_reason(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    row = enter(services, e.id, 0, unit(services).id)
    with pytest.raises(UserError, match="reason_required"):
        services.registrations.withdraw(row.id, " ")


def test_a_withdrawn_person_entered_again_is_reinstated(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    row = enter(services, e.id, 0, u.id)
    services.registrations.withdraw(row.id, "误报")
    again = services.registrations.register(e.id, row.person_id, u.id, note="恢复")
    assert (again.id, again.status, again.note) == (row.id, RegistrationStatus.ACTIVE, "恢复")
    actions = [x.action for x in services.audit.entries(AuditFilter(entity="registration"))]
    assert actions == ["reinstate", "withdraw", "create"]


def test_a_level_below_the_minimum_is_refused(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id, min_level=SkillLevel.GRADE2)
    u = unit(services)
    p = person(services, 0, u.id, skill_level=SkillLevel.GRADE3)
    with pytest.raises(Blocked) as error:
        services.registrations.register(e.id, p.id, u.id)
    assert _blocked(error) == ["level_too_low"]


def test_a_person_with_no_level_fails_a_minimum_level(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id, min_level=SkillLevel.GRADE5)
    u = unit(services)
    p = person(services, 0, u.id, skill_level=None)
    with pytest.raises(Blocked) as error:
        services.registrations.register(e.id, p.id, u.id)
    assert _blocked(error) == ["level_missing"]


def test_age_limits_count_at_the_competition_start_date(services: Services) -> None:
    # factories.person_input(0) is born 1985-06-01: 39 on 2025-05-20, 40 on 2025-06-01
    u = unit(services)
    p = person(services, 0, u.id)
    early = competition(services, "EARLY", start_date=dt.date(2025, 5, 20))
    late = competition(services, "LATE", start_date=dt.date(2025, 6, 1))
    early_event = event(services, early.id, max_age=39)
    late_event = event(services, late.id, max_age=39)
    services.registrations.register(early_event.id, p.id, u.id)
    with pytest.raises(Blocked) as error:
        services.registrations.register(late_event.id, p.id, u.id)
    assert _blocked(error) == ["age_too_high"]


def test_only_allowed_units_and_their_sub_units_may_enter(services: Services) -> None:
    c = competition(services)
    group = unit(services, "能源集团")
    mine = unit(services, "一号矿", parent_id=group.id)
    other = unit(services, "纺织厂")
    e = event(services, c.id, allowed_unit_ids=(group.id,))
    assert enter(services, e.id, 0, mine.id).unit_name == "一号矿"
    with pytest.raises(Blocked) as error:
        enter(services, e.id, 1, other.id)
    assert _blocked(error) == ["unit_not_allowed"]


def test_a_team_event_needs_a_team_name(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id, team=True, team_size=3)
    u = unit(services)
    with pytest.raises(Blocked) as error:
        enter(services, e.id, 0, u.id)
    assert _blocked(error) == ["team_name_required"]
    assert enter(services, e.id, 1, u.id, team_name="一队").team_name == "一队"


def test_a_new_person_is_created_from_the_form_and_audited(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    row = services.registrations.register_new_person(e.id, person_input(5, name="赵六"), u.id)
    [p] = services.registry.search(PersonQuery(text="赵六")).rows
    assert (row.person_id, p.unit_name) == (p.id, "洛阳轴承厂")
    created = services.audit.entries(AuditFilter(action="create"))
    assert [x.entity for x in created][:2] == ["registration", "person"]


def test_a_known_id_number_reuses_the_registry_person(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    p = person(services, 5, u.id)
    row = services.registrations.register_new_person(e.id, person_input(5), u.id)
    assert row.person_id == p.id
    assert services.registry.search().total == 1


def test_a_known_id_number_with_another_name_is_refused(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services)
    person(services, 5, u.id, name="赵六")
    with pytest.raises(ValidationError) as error:
        services.registrations.register_new_person(e.id, person_input(5, name="钱七"), u.id)
    assert error.value.field_errors == {"name": "person_name_mismatch"}
    assert services.registrations.registrations(c.id) == []


def test_an_invalid_new_person_is_refused_with_field_codes(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    bad = person_input(5, id_number="360426199101010072")
    with pytest.raises(ValidationError) as error:
        services.registrations.register_new_person(e.id, bad, unit(services).id)
    assert error.value.field_errors == {"id_number": "id_checksum"}


def test_a_refused_new_person_is_not_left_in_the_registry(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id, min_level=SkillLevel.GRADE1)
    with pytest.raises(Blocked):
        services.registrations.register_new_person(e.id, person_input(5), unit(services).id)
    assert services.registry.search().total == 0


def test_an_entry_is_removed_before_the_draw_only(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    with pytest.raises(UserError) as error:
        services.registrations.remove(meet.registration_ids[0])
    assert error.value.code == "registration_drawn"
    late = enter(services, meet.event_id, 9, meet.unit_id)
    services.registrations.remove(late.id, reason="重复录入")
    ids = [r.id for r in services.registrations.registrations(meet.competition_id)]
    assert late.id not in ids and len(ids) == 3


def test_entries_are_filtered_by_event_and_text(services: Services) -> None:
    c = competition(services)
    welding, fitting = event(services, c.id, "焊工"), event(services, c.id, "钳工")
    u = unit(services)
    enter(services, welding.id, 0, u.id)
    enter(services, fitting.id, 1, u.id)
    names = [r.person_name for r in services.registrations.registrations(c.id)]
    only_fitting = services.registrations.registrations(c.id, event_id=fitting.id)
    by_text = services.registrations.registrations(c.id, text=names[0])
    assert [r.event_name for r in only_fitting] == ["钳工"]
    assert [r.person_name for r in by_text] == [names[0]]


def test_entries_that_no_longer_meet_changed_rules_carry_warnings(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    row = enter(services, e.id, 0, unit(services).id)
    services.events.update(e.id, EventInput(name="焊工", min_level=SkillLevel.GRADE1, max_age=30))
    [listed] = services.registrations.registrations(c.id)
    assert (listed.id, listed.warnings) == (row.id, ("level_too_low", "age_too_high"))


def test_registration_is_closed_once_scoring_has_begun(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, CompetitionStatus.SCORING)
    p = person(services, 20, meet.unit_id)
    with pytest.raises(UserError) as error:
        services.registrations.register(meet.event_id, p.id, meet.unit_id)
    assert error.value.code == "competition_wrong_status"
    with pytest.raises(UserError, match="competition_wrong_status"):
        services.registrations.withdraw(meet.registration_ids[0], "伤病")
