"""A competition's set-up as JSON: export, import under its own or a new code."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionKind, CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.scheme_doc import spec_to_json, standard_spec
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.competitions.events import EventInput
from tests.unit.services.test_competition_helpers import competition, enter, event, unit


def _set_up(services: Services) -> int:
    organizer, group = unit(services, "市总工会"), unit(services, "能源集团")
    c = competition(
        services,
        "MEET3",
        kind=CompetitionKind.SPORTS_MEET,
        edition=3,
        organizer_id=organizer.id,
        co_organizer_ids=(group.id,),
        end_date=dt.date(2025, 5, 25),
        venue="市体育中心",
        one_event_per_person=False,
    )
    event(
        services,
        c.id,
        "维修电工",
        min_level=SkillLevel.GRADE4,
        max_age=55,
        quota_per_unit=2,
        allowed_unit_ids=(group.id,),
    )
    team = services.events.add(c.id, EventInput(name="叉车", team=True, team_size=3, blind=True))
    services.events.save_scheme(team.id, standard_spec(0, 100))
    return c.id


def test_an_export_holds_the_competition_events_and_schemes_but_no_people(
    services: Services,
) -> None:
    competition_id = _set_up(services)
    [_, team] = services.events.events(competition_id)
    entry = enter(services, team.id, 0, unit(services, "一号矿").id, team_name="一队")
    document = services.competition_io.export_competition(competition_id)
    assert document["format"] == "skillsapp.competition/1"
    assert document["competition"]["organizer"] == "市总工会"
    assert document["competition"]["co_organizers"] == ["能源集团"]
    assert [e["name"] for e in document["events"]] == ["维修电工", "叉车"]
    assert document["events"][0]["min_level"] == "GRADE4"
    assert document["events"][0]["allowed_units"] == ["能源集团"]
    assert document["events"][1]["scheme"] == spec_to_json(standard_spec(0, 100))
    text = json.dumps(document, ensure_ascii=False)
    assert entry.person_name not in text and "一队" not in text and "一号矿" not in text


def test_an_imported_competition_under_a_new_code_equals_the_original(services: Services) -> None:
    competition_id = _set_up(services)
    document = json.loads(json.dumps(services.competition_io.export_competition(competition_id)))
    row = services.competition_io.import_competition(document, code="meet4")
    assert (row.code, row.status, row.event_count) == ("MEET4", CompetitionStatus.DRAFT, 2)
    again = services.competition_io.export_competition(row.id)
    document["competition"]["code"] = "MEET4"
    assert again == document
    old_events = services.events.events(competition_id)
    new_events = services.events.events(row.id)
    assert [services.events.event(e.id).data for e in new_events] == [
        services.events.event(e.id).data for e in old_events
    ]


def test_an_import_under_a_taken_code_is_refused(services: Services) -> None:
    competition_id = _set_up(services)
    document = services.competition_io.export_competition(competition_id)
    with pytest.raises(UserError) as error:
        services.competition_io.import_competition(document)
    assert (error.value.code, error.value.params) == ("competition_code_taken", {"code": "MEET3"})
    assert len(services.competitions.competitions()) == 1


def test_an_import_into_a_fresh_database_creates_the_named_units(services: Services) -> None:
    competition_id = _set_up(services)
    document = services.competition_io.export_competition(competition_id)
    document["competition"]["organizer"] = "省总工会"
    document["events"][0]["allowed_units"] = ["新能源公司"]
    row = services.competition_io.import_competition(document, code="NEW")
    names = {u.name for u in services.units.units()}
    assert {"省总工会", "新能源公司"} <= names
    assert row.organizer == "省总工会"


def test_a_broken_document_names_the_bad_place_and_writes_nothing(services: Services) -> None:
    competition_id = _set_up(services)
    document = services.competition_io.export_competition(competition_id)
    document["events"][1]["team_size"] = "三"
    with pytest.raises(UserError) as error:
        services.competition_io.import_competition(document, code="NEW")
    assert (error.value.code, error.value.params) == (
        "competition_file_invalid",
        {"where": "events[1].team_size"},
    )
    assert [c.code for c in services.competitions.competitions()] == ["MEET3"]


def test_a_bad_event_in_the_document_is_refused_with_its_place(services: Services) -> None:
    competition_id = _set_up(services)
    document = services.competition_io.export_competition(competition_id)
    document["events"][1]["name"] = "维修电工"
    with pytest.raises(ValidationError) as error:
        services.competition_io.import_competition(document, code="NEW")
    assert (error.value.field_errors, error.value.params) == (
        {"name": "event_name_taken"},
        {"where": "events[1]"},
    )


def test_a_bad_scheme_in_the_document_names_its_place(services: Services) -> None:
    competition_id = _set_up(services)
    document = services.competition_io.export_competition(competition_id)
    document["events"][0]["scheme"]["components"][0]["weight"] = "三十"
    with pytest.raises(UserError) as error:
        services.competition_io.import_competition(document, code="NEW")
    assert (error.value.code, error.value.params) == (
        "scheme_bad_number",
        {"where": "components[0].weight"},
    )


def test_something_that_is_no_competition_file_is_refused(services: Services) -> None:
    with pytest.raises(UserError, match="competition_file_invalid"):
        services.competition_io.import_competition({"format": "skillsapp.scheme/1"})
