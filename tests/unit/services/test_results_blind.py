"""Blind marking: codes only until the chief judge has reviewed every sheet (解密)."""

from __future__ import annotations

from skillsapp.app import Services
from tests.unit.services.test_results_helpers import (
    registration_of,
    review_sheets,
    worked_example,
)


def test_a_blind_event_shows_codes_only_before_the_chief_judges_review(
    services: Services,
) -> None:
    example = worked_example(services, blind=True)
    review_sheets(services, example, reviewed=4)  # one sheet not yet reviewed
    view = services.results.event_results(example.event_id)
    codes = {registration_of(services, r).blind_code for r in example.registrations.values()}
    assert view.names_hidden
    assert {r.bib for r in view.rows} == codes
    assert {(r.name, r.unit, r.person_id) for r in view.rows} == {("", "", None)}
    assert [r.total for r in view.rows][:2] == ["84.83", "84.83"]
    assert all(t.members and "" not in t.members for t in view.teams)
    assert "李秀英" not in str(services.results.results_json(example.competition_id))


def test_a_blind_event_without_any_reviewed_sheet_hides_names(services: Services) -> None:
    example = worked_example(services, blind=True)
    assert services.results.event_results(example.event_id).names_hidden


def test_a_blind_event_shows_names_once_every_sheet_is_reviewed(services: Services) -> None:
    example = worked_example(services, blind=True)
    review_sheets(services, example)
    view = services.results.event_results(example.event_id)
    assert not view.names_hidden
    assert view.rows[0].name == "李秀英" and view.rows[0].unit == "焦作电厂"


def test_an_open_event_shows_names_without_any_review(services: Services) -> None:
    example = worked_example(services)
    assert services.results.event_results(example.event_id).rows[0].name == "李秀英"
