"""DOMAIN.md's worked example (维修电工), reproduced through the database and the service."""

from __future__ import annotations

from decimal import Decimal

from skillsapp.app import Services
from skillsapp.services.scoring.results_read import EventResultsView, ResultRow
from tests.unit.services.test_results_helpers import (
    NAMES,
    SPEC,
    with_min_field,
    worked_example,
)


def _by_name(view: EventResultsView) -> dict[str, ResultRow]:
    return {row.name: row for row in view.rows}


def test_the_worked_example_gives_the_published_practicals_totals_ranks_and_awards(
    services: Services,
) -> None:
    example = worked_example(services)
    view = services.results.event_results(example.event_id)
    rows = _by_name(view)
    assert view.component_names == ("理论", "实操")
    assert [rows[n].components[1] for n in NAMES] == [
        "84.33", "87.33", "75.25", "78.00", "78.00", "47.67",
    ]  # fmt: skip
    assert [rows[n].total for n in NAMES] == [
        "84.83", "84.83", "76.68", "81.60", "81.60", "51.97",
    ]  # fmt: skip
    assert [rows[n].rank for n in NAMES] == [2, 1, 5, 3, 3, 6]
    assert [r.rank for r in view.rows] == [1, 2, 3, 3, 5, 6]  # listed in rank order
    assert [rows[n].award for n in NAMES] == [
        "二等奖",
        "一等奖",
        "三等奖",
        "二等奖",
        "二等奖",
        None,
    ]
    assert rows["王建国"].components[0] == "86.00"
    assert not view.provisional and not view.missing


def test_the_rows_carry_bib_unit_and_titles_from_the_title_rules(services: Services) -> None:
    example = worked_example(services)
    rows = _by_name(services.results.event_results(example.event_id))
    top = rows["李秀英"]
    assert top.titles == ("焦作市技术能手", "优秀选手")
    assert rows["王建国"].titles == ("优秀选手",)
    assert rows["杨磊"].titles == ()
    assert (top.unit, top.bib) == ("焦作电厂", top.bib) and top.bib.startswith("01")
    assert top.person_id is not None


def test_results_json_has_the_documented_shape_with_scores_as_strings(
    services: Services,
) -> None:
    example = worked_example(services)
    document = services.results.results_json(example.competition_id)
    assert document["competition"] == {
        "id": example.competition_id,
        "name": "焦作市职工技能竞赛",
        "status": "scoring",
    }
    [event] = document["events"]
    assert set(event) == {"id", "name", "results"} and event["name"] == "维修电工"
    liu = next(r for r in event["results"] if r["name"] == "刘洋")
    assert set(liu) == {
        "rank", "bib", "person_id", "name", "unit", "components", "total", "award",
        "titles", "provisional",
    }  # fmt: skip
    assert liu["components"] == {"理论": "90.00", "实操": "78.00"}
    assert (liu["total"], liu["rank"], liu["award"], liu["titles"]) == ("81.60", 3, "二等奖", [])
    assert liu["provisional"] is False


def test_results_json_of_one_event_lists_only_that_event(services: Services) -> None:
    example = worked_example(services)
    document = services.results.results_json(example.competition_id, example.event_id)
    assert [e["id"] for e in document["events"]] == [example.event_id]


def test_team_results_add_up_the_best_three_of_each_unit(services: Services) -> None:
    example = worked_example(services)
    teams = services.results.event_results(example.event_id).teams
    # 焦作煤业: 81.60 + 81.60 + 51.97; 焦作电厂: 84.83 + 84.83 + 76.68
    assert [(t.unit, t.score, t.rank) for t in teams] == [
        ("焦作电厂", "246.34", 1),
        ("焦作煤业", "215.17", 2),
    ]
    assert teams[0].members == ("李秀英", "王建国", "张伟")


def test_unit_standings_add_the_team_scores_over_the_events(services: Services) -> None:
    example = worked_example(services)
    standings = services.results.unit_standings(example.competition_id)
    assert [(s.unit, s.total, s.rank, s.events) for s in standings] == [
        ("焦作电厂", "246.34", 1, 1),
        ("焦作煤业", "215.17", 2, 1),
    ]


def test_standardised_scores_are_centred_on_700_beside_the_official_total(
    services: Services,
) -> None:
    example = worked_example(services)
    rows = services.results.event_results(example.event_id).rows
    scores = [Decimal(r.standardised or "0") for r in rows]
    assert abs(sum(scores, Decimal(0)) / len(scores) - 700) < Decimal("0.01")
    assert rows[0].standardised != rows[0].total
    assert scores == sorted(scores, reverse=True)


def test_a_field_below_the_minimum_size_is_warned_not_refused(services: Services) -> None:
    example = worked_example(services, spec=with_min_field(SPEC, 30))
    view = services.results.event_results(example.event_id)
    assert (view.field_too_small, view.entrants, view.min_field) == (True, 6, 30)
    assert len(view.rows) == 6


def test_a_field_of_the_minimum_size_is_not_warned(services: Services) -> None:
    example = worked_example(services, spec=with_min_field(SPEC, 6))
    assert not services.results.event_results(example.event_id).field_too_small


def test_recompute_all_gives_every_event_in_order(services: Services) -> None:
    example = worked_example(services)
    [view] = services.results.recompute_all(example.competition_id)
    assert view.event_id == example.event_id
    assert [r.total for r in view.rows][:2] == ["84.83", "84.83"]
