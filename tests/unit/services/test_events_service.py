"""Events of a competition and their schemes: validation, copying, JSON, the list's flags."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, spec_to_json, standard_spec
from skillsapp.domain.scoring import TieBreak
from skillsapp.errors import Blocked, PermissionDenied, UserError, ValidationError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.competitions.events import EventInput
from tests.conftest import as_role
from tests.unit.services.test_competition_helpers import (
    advance,
    competition,
    enter,
    event,
    judge,
    meet_in_registration,
    meet_ready_for_scoring,
    unit,
)

D = Decimal


def _codes(error: pytest.ExceptionInfo[Blocked]) -> list[tuple[str, str]]:
    return [(r.code, str(r.params.get("subject", ""))) for r in error.value.reasons]


def test_events_are_listed_in_the_order_they_were_added(services: Services) -> None:
    c = competition(services)
    for name in ("焊工", "钳工", "电工"):
        services.events.add(c.id, EventInput(name=name))
    rows = services.events.events(c.id)
    assert [(r.name, r.position) for r in rows] == [("焊工", 0), ("钳工", 1), ("电工", 2)]


def test_event_names_are_unique_within_a_competition_only(services: Services) -> None:
    first, second = competition(services, "A1"), competition(services, "A2")
    services.events.add(first.id, EventInput(name="焊工"))
    services.events.add(second.id, EventInput(name="焊工"))
    with pytest.raises(ValidationError) as error:
        services.events.add(first.id, EventInput(name=" 焊工 "))
    assert error.value.field_errors == {"name": "event_name_taken"}


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (EventInput(name=""), {"name": "name_required"}),
        (EventInput(name="团体", team=True, team_size=1), {"team_size": "team_size_invalid"}),
        (
            EventInput(name="x", min_level=SkillLevel.GRADE2, max_level=SkillLevel.GRADE4),
            {"max_level": "level_range_invalid"},
        ),
        (EventInput(name="x", min_age=50, max_age=18), {"max_age": "age_range_invalid"}),
        (EventInput(name="x", quota_per_unit=0), {"quota_per_unit": "quota_not_positive"}),
        (EventInput(name="x", allowed_unit_ids=(999,)), {"allowed_unit_ids": "unit_unknown"}),
    ],
)
def test_bad_event_input_is_refused_field_by_field(
    services: Services, data: EventInput, errors: dict[str, str]
) -> None:
    c = competition(services)
    with pytest.raises(ValidationError) as error:
        services.events.add(c.id, data)
    assert error.value.field_errors == errors


def test_an_event_keeps_its_rules_and_allowed_units(services: Services) -> None:
    c = competition(services)
    group = unit(services, "能源集团")
    data = EventInput(
        name="维修电工",
        trade="维修电工",
        team=True,
        team_size=3,
        min_level=SkillLevel.GRADE4,
        max_level=SkillLevel.GRADE2,
        min_age=18,
        max_age=55,
        quota_per_unit=2,
        blind=True,
        allowed_unit_ids=(group.id,),
    )
    row = services.events.add(c.id, data)
    detail = services.events.event(row.id)
    assert detail.data == data
    assert detail.allowed_units == ("能源集团",)


def test_updating_an_event_is_audited_with_the_changed_fields(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    services.events.update(row.id, EventInput(name="电焊工", quota_per_unit=2))
    [entry] = services.audit.entries(AuditFilter(entity="event", action="update"))
    assert (entry.old_values, entry.new_values) == (
        {"name": "焊工", "quota_per_unit": None},
        {"name": "电焊工", "quota_per_unit": 2},
    )


def test_an_event_with_entries_cannot_be_deleted(services: Services) -> None:
    c = competition(services)
    e = event(services, c.id)
    enter(services, e.id, 0, unit(services).id)
    with pytest.raises(UserError) as error:
        services.events.delete(e.id)
    assert (error.value.code, error.value.params) == (
        "event_has_registrations",
        {"event": "焊工", "count": 1},
    )


def test_an_empty_event_is_deleted(services: Services) -> None:
    c = competition(services)
    e = services.events.add(c.id, EventInput(name="焊工"))
    services.events.delete(e.id, reason="合并")
    assert services.events.events(c.id) == []


def test_a_new_event_has_an_empty_invalid_scheme(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    assert services.events.scheme(row.id).components == ()
    assert row.scheme_valid is False


def test_a_saved_scheme_is_read_back_equal_and_can_be_saved_again(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    spec = standard_spec(20, 80)
    services.events.save_scheme(row.id, standard_spec())
    services.events.save_scheme(row.id, spec)
    assert services.events.scheme(row.id) == spec
    assert services.events.events(c.id)[0].scheme_valid is True


def test_a_scheme_whose_weights_do_not_add_up_is_refused(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    spec = standard_spec()
    bad = replace(spec, components=(replace(spec.components[0], weight=D(40)), spec.components[1]))
    with pytest.raises(Blocked) as error:
        services.events.save_scheme(row.id, bad)
    assert _codes(error) == [("weights_not_100", "")]
    assert services.events.scheme(row.id).components == ()


def test_a_scheme_with_bad_maxima_names_each_criterion(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    practical = ComponentSpec(
        "practical",
        "实操",
        D(100),
        (CriterionSpec("P1", "测量", D(60)), CriterionSpec("P2", "外观", D(0))),
    )
    spec = replace(standard_spec(0, 100), components=(practical,))
    with pytest.raises(Blocked) as error:
        services.events.save_scheme(row.id, spec)
    assert _codes(error) == [
        ("component_max_not_100", "practical"),
        ("criterion_max_not_positive", "P2"),
    ]


def test_a_tie_break_naming_an_unknown_component_is_refused(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    spec = replace(standard_spec(), tie_breaks=(TieBreak.by_component("oral"),))
    with pytest.raises(Blocked) as error:
        services.events.save_scheme(row.id, spec)
    assert _codes(error) == [("tie_break_unknown_component", "oral")]


def test_saving_a_scheme_is_audited_with_old_and_new_documents(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    services.events.save_scheme(row.id, standard_spec())
    [entry] = services.audit.entries(AuditFilter(entity="event", action="scheme"))
    assert entry.old_values is not None and entry.old_values["components"] == []
    assert entry.new_values == spec_to_json(standard_spec())


def test_schemes_cannot_change_once_scoring_has_begun(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, CompetitionStatus.SCORING)
    with pytest.raises(UserError) as error:
        services.events.save_scheme(meet.event_id, standard_spec(20, 80))
    assert (error.value.code, error.value.params) == (
        "competition_wrong_status",
        {"status": "scoring"},
    )


def test_a_clerk_cannot_set_up_events(services: Services) -> None:
    c = competition(services)
    clerk = as_role(services, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.events.add(c.id, EventInput(name="焊工"))


def test_a_scheme_is_copied_from_an_earlier_competition(services: Services) -> None:
    old = competition(services, "OLD")
    source = services.events.add(old.id, EventInput(name="焊工"))
    services.events.save_scheme(source.id, standard_spec(35, 65))
    new = competition(services, "NEW")
    target = services.events.add(new.id, EventInput(name="焊工"))
    services.events.copy_scheme(source.id, target.id)
    assert services.events.scheme(target.id) == standard_spec(35, 65)
    [entry] = services.audit.entries(AuditFilter(entity="event", action="scheme"))[:1]
    assert entry.reason == "copy:OLD/焊工"


def test_a_scheme_json_round_trips_through_a_file(services: Services, tmp_path: Path) -> None:
    c = competition(services)
    source = services.events.add(c.id, EventInput(name="焊工"))
    target = services.events.add(c.id, EventInput(name="钳工"))
    services.events.save_scheme(source.id, standard_spec(20, 80))
    path = tmp_path / "焊工.json"
    services.events.export_scheme(source.id, path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "skillsapp.scheme/1"
    services.events.import_scheme(target.id, path)
    assert services.events.scheme(target.id) == standard_spec(20, 80)


def test_a_scheme_xlsx_round_trips_through_the_service(services: Services, tmp_path: Path) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    services.events.save_scheme(row.id, standard_spec(20, 80))
    path = tmp_path / "焊工.xlsx"
    services.events.export_scheme(row.id, path)
    services.events.save_scheme(row.id, standard_spec())
    assert services.events.import_scheme(row.id, path) == standard_spec(20, 80)


def test_a_broken_scheme_document_names_the_bad_place(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    document = spec_to_json(standard_spec())
    document["components"][1]["criteria"][0]["max"] = "七十"
    with pytest.raises(UserError) as error:
        services.events.import_scheme_document(row.id, document)
    assert (error.value.code, error.value.params) == (
        "scheme_bad_number",
        {"where": "components[1].criteria[0].max"},
    )


def test_a_document_that_is_no_scheme_is_refused(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    with pytest.raises(UserError, match="scheme_not_a_scheme"):
        services.events.import_scheme_document(row.id, {"components": []})


def test_the_event_list_counts_entries_and_judges_and_flags_the_draw(services: Services) -> None:
    meet = meet_in_registration(services, entrants=2)
    services.judges.assign(meet.event_id, judge(services, "judge1").id, chief=True)
    [before] = services.events.events(meet.competition_id)
    assert (before.registrations, before.judges, before.has_chief, before.drawn) == (
        2,
        1,
        True,
        False,
    )
    services.draw.draw(meet.competition_id, seed=3)
    [after] = services.events.events(meet.competition_id)
    assert (after.drawn, after.draw_seed) == (True, 3)


def test_the_event_list_warns_of_a_field_below_the_minimum(services: Services) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="焊工"))
    services.events.save_scheme(row.id, replace(standard_spec(), min_field=3))
    u = unit(services)
    enter(services, row.id, 0, u.id)
    enter(services, row.id, 1, u.id)
    assert services.events.events(c.id)[0].field_too_small is True
    enter(services, row.id, 2, u.id)
    assert services.events.events(c.id)[0].field_too_small is False
