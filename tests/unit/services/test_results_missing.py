"""Incomplete marks never give a silent result: listed, provisional, not publishable."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import ContestantScore
from skillsapp.errors import Blocked
from tests.unit.services.test_results_helpers import put_marks, worked_example


def test_a_missing_judge_mark_is_listed_and_makes_the_ranking_provisional(
    services: Services,
) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("张伟", "P2", 3))
    view = services.results.event_results(example.event_id)
    [missing] = view.missing
    assert (missing.name, missing.criterion, missing.criterion_name) == ("张伟", "P2", "工艺")
    assert (missing.judge_id, missing.judge) == (example.judges[3], "judge4")
    assert view.provisional and all(r.provisional for r in view.rows)
    assert [r.name for r in view.rows if r.incomplete] == ["张伟"]


def test_a_missing_measurement_is_owed_by_any_judge(services: Services) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("杨磊", "T1", 0))
    [missing] = services.results.event_results(example.event_id).missing
    assert (missing.name, missing.criterion, missing.judge_id, missing.judge) == (
        "杨磊", "T1", None, "",
    )  # fmt: skip


def test_results_json_marks_every_row_provisional_while_a_mark_is_missing(
    services: Services,
) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("王建国", "P3", 0))
    [event] = services.results.results_json(example.competition_id)["events"]
    assert {r["provisional"] for r in event["results"]} == {True}


def test_complete_marks_are_not_provisional(services: Services) -> None:
    example = worked_example(services)
    view = services.results.event_results(example.event_id)
    assert not view.provisional and not view.missing
    assert not any(r.incomplete for r in view.rows)


def test_publishing_is_refused_while_marks_are_missing(services: Services) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("李秀英", "P2", 1))
    with pytest.raises(Blocked) as error:
        services.results.publish(example.competition_id)
    assert [(r.code, r.params) for r in error.value.reasons] == [("marks_missing", {"count": 1})]
    with pytest.raises(Blocked):
        services.competitions.set_status(example.competition_id, CompetitionStatus.REVIEW)
    assert services.results.results_json(example.competition_id)["competition"]["status"] == (
        "scoring"
    )


def test_a_disqualified_contestant_is_unranked_without_award_and_others_move_up(
    services: Services,
) -> None:
    example = worked_example(services)
    with services.db.transaction() as session:
        session.execute(
            update(ContestantScore)
            .where(ContestantScore.registration_id == example.registrations["李秀英"])
            .values(disqualified=True, disqualified_reason="超时10分钟以上")
        )
    rows = {r.name: r for r in services.results.event_results(example.event_id).rows}
    assert (rows["李秀英"].rank, rows["李秀英"].award, rows["李秀英"].disqualified) == (
        None, None, True,
    )  # fmt: skip
    assert (rows["王建国"].rank, rows["王建国"].award) == (1, "一等奖")


def test_marks_of_a_judge_removed_from_the_event_still_count(services: Services) -> None:
    from sqlalchemy import delete

    from skillsapp.domain.competitions import EventJudge

    example = worked_example(services)
    with services.db.transaction() as session:
        session.execute(delete(EventJudge).where(EventJudge.user_id == example.judges[4]))
    view = services.results.event_results(example.event_id)
    assert not view.missing
    assert {r.name: r.total for r in view.rows}["王建国"] == "84.83"
    drill = services.results.drilldown(example.registrations["王建国"])
    [p2] = [c for c in drill.criteria if c.key == "P2"]
    assert [j.dropped for j in p2.judges] == [None, None, None, "high", "low"]


def test_a_judge_kept_from_a_contestant_owes_no_mark(services: Services) -> None:
    from sqlalchemy import select

    from skillsapp.domain.competitions import EventJudge, JudgeBlock

    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("杨磊", "P2", 2))
    assert len(services.results.event_results(example.event_id).missing) == 1
    with services.db.transaction() as session:
        judge = session.scalars(
            select(EventJudge).where(EventJudge.user_id == example.judges[2])
        ).one()
        session.add(
            JudgeBlock(event_judge_id=judge.id, registration_id=example.registrations["杨磊"])
        )
    view = services.results.event_results(example.event_id)
    assert not view.missing and not view.provisional
