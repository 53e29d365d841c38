"""Publishing (公示), finalising (已定), titles granted as honours, and the lock."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus, Registration
from skillsapp.domain.marks import EventResult, Honour, HonourLevel, HonourType
from skillsapp.errors import UserError
from skillsapp.services.audit import AuditFilter
from tests.unit.services.test_results_helpers import (
    AFTER_REVIEW,
    Example,
    settled,
    worked_example,
)


def _snapshot(services: Services) -> dict[int, tuple[int | None, str, str | None, list[str]]]:
    with services.db.reading() as session:
        return {
            r.registration_id: (
                r.rank,
                format(r.total.quantize(Decimal("0.01")), "f") if r.total is not None else "",
                r.award,
                json.loads(r.titles),
            )
            for r in session.scalars(select(EventResult))
        }


def test_publishing_moves_to_review_and_freezes_the_results(services: Services) -> None:
    example = worked_example(services)
    row = services.results.publish(example.competition_id, today=dt.date(2025, 5, 21))
    assert (row.status, row.results) == (CompetitionStatus.REVIEW, 6)
    assert row.review_ends is not None and row.review_ends > dt.date.today()
    snapshot = _snapshot(services)
    assert snapshot[example.registrations["李秀英"]] == (
        1, "84.83", "一等奖", ["焦作市技术能手", "优秀选手"],
    )  # fmt: skip
    assert snapshot[example.registrations["杨磊"]] == (6, "51.97", None, [])
    with services.db.reading() as session:
        components = session.scalars(select(EventResult.components)).first()
    assert json.loads(components or "{}").keys() == {"theory", "practical"}


def test_a_remark_in_review_changes_the_snapshot_only_when_republished(
    services: Services,
) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    reg = example.registrations["杨磊"]
    appeal = services.appeals.file(reg, "理论成绩登记错误", "杨磊")
    services.appeals.remark(appeal.id, example.judges[0], "T1", Decimal(72), "试卷复核")
    services.appeals.decide(appeal.id, True, "成立")
    assert _snapshot(services)[reg][1] == "51.97"
    services.results.publish(example.competition_id)  # republish: a new notice period
    assert _snapshot(services)[reg][1] == "54.97"
    actions = [e.action for e in services.audit.entries(AuditFilter(entity="competition"))]
    assert actions.count("publish") == 2


def test_finalising_rewrites_the_snapshot_from_the_current_marks(services: Services) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    reg = example.registrations["杨磊"]
    appeal = services.appeals.file(reg, "理论成绩登记错误", "杨磊")
    services.appeals.remark(appeal.id, example.judges[0], "T1", Decimal(72), "试卷复核")
    services.appeals.decide(appeal.id, True, "成立")
    row = services.results.finalize(example.competition_id, today=AFTER_REVIEW)
    assert (row.status, row.results) == (CompetitionStatus.FINAL, 6)
    assert _snapshot(services)[reg][1] == "54.97"


def test_finalising_waits_for_the_end_of_the_notice_period(services: Services) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    with pytest.raises(UserError, match="blocked"):
        services.results.finalize(example.competition_id, today=dt.date.today())


def test_granting_titles_creates_each_honour_exactly_once(services: Services) -> None:
    example = worked_example(services)
    settled(services, example)
    assert services.results.grant_titles(example.competition_id, today=AFTER_REVIEW) == 3
    assert services.results.grant_titles(example.competition_id) == 0
    with services.db.reading() as session:
        honours = session.scalars(select(Honour).order_by(Honour.id)).all()
        types = {t.id: t.name for t in session.scalars(select(HonourType))}
        top = session.scalars(
            select(EventResult).where(
                EventResult.registration_id == example.registrations["李秀英"]
            )
        ).one()
    assert sorted(h.title for h in honours) == ["优秀选手", "优秀选手", "焦作市技术能手"]
    skill = next(h for h in honours if h.title == "焦作市技术能手")
    assert (skill.granting_body, skill.level, skill.year) == (
        "焦作市总工会",
        HonourLevel.CITY,
        2025,
    )
    assert (skill.source_result_id, skill.granted_on) == (top.id, AFTER_REVIEW)
    assert types[skill.type_id] == "焦作市技术能手"
    assert len(services.audit.entries(AuditFilter(entity="honour", action="grant"))) == 3


def test_a_title_already_held_is_not_granted_twice(services: Services) -> None:
    example = worked_example(services)
    with services.db.transaction() as session:
        registration = session.get(Registration, example.registrations["李秀英"])
        assert registration is not None
        kind = HonourType(name="焦作市技术能手")
        session.add(
            Honour(
                type=kind,
                person_id=registration.person_id,
                level=HonourLevel.CITY,
                title="焦作市技术能手",
                year=2025,
                granting_body="焦作市人力资源和社会保障局",
            )
        )
    settled(services, example)
    assert services.results.grant_titles(example.competition_id, today=AFTER_REVIEW) == 2
    with services.db.reading() as session:
        titles = sorted(session.scalars(select(Honour.title)))
    assert titles == ["优秀选手", "优秀选手", "焦作市技术能手"]  # the one entered by hand


def test_a_title_finds_the_honour_type_whose_name_it_contains(services: Services) -> None:
    example = worked_example(services)
    with services.db.transaction() as session:
        session.add(HonourType(name="技术能手", ladder="技术能手", rank=80))
    settled(services, example)
    services.results.grant_titles(example.competition_id)
    with services.db.reading() as session:
        names = {
            h.title: t.name
            for h, t in session.execute(
                select(Honour, HonourType).join(HonourType, HonourType.id == Honour.type_id)
            )
        }
    assert names["焦作市技术能手"] == "技术能手"


def test_titles_are_granted_only_in_a_final_competition(services: Services) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    with pytest.raises(UserError, match="competition_wrong_status"):
        services.results.grant_titles(example.competition_id)


def test_the_history_lists_a_persons_settled_results(services: Services) -> None:
    example = worked_example(services)
    person = services.results.drilldown(example.registrations["李秀英"]).person_id
    assert person is not None
    services.results.publish(example.competition_id)
    assert services.results.competition_history(person) == []
    services.results.finalize(example.competition_id, today=AFTER_REVIEW)
    [row] = services.results.competition_history(person)
    assert (row.competition, row.event, row.rank, row.award) == (
        "焦作市职工技能竞赛", "维修电工", 1, "一等奖",
    )  # fmt: skip
    assert (str(row.total), row.titles, row.date) == (
        "84.83", ("焦作市技术能手", "优秀选手"), dt.date(2025, 5, 20),
    )  # fmt: skip


Write = Callable[[Services, Example, int], object]

LOCKED_WRITES: dict[str, Write] = {
    "file": lambda s, e, a: s.appeals.file(e.registrations["杨磊"], "评分过低", "杨磊"),
    "remark": lambda s, e, a: s.appeals.remark(a, e.judges[1], "P2", Decimal(17), "复评"),
    "decide": lambda s, e, a: s.appeals.decide(a, True, "成立"),
    "publish": lambda s, e, a: s.results.publish(e.competition_id),
    "finalize": lambda s, e, a: s.results.finalize(e.competition_id, today=AFTER_REVIEW),
}


@pytest.mark.parametrize("name", sorted(LOCKED_WRITES))
def test_a_final_competition_refuses_every_results_write(services: Services, name: str) -> None:
    example = worked_example(services)
    services.results.publish(example.competition_id)
    appeal = services.appeals.file(example.registrations["杨磊"], "评分过低", "杨磊")
    services.appeals.decide(appeal.id, False, "评分无误")
    services.results.finalize(example.competition_id, today=AFTER_REVIEW)
    before = [e.id for e in services.audit.entries()]
    with pytest.raises(UserError) as error:
        LOCKED_WRITES[name](services, example, appeal.id)
    assert (error.value.code, error.value.params) == ("competition_locked", {"status": "final"})
    assert [e.id for e in services.audit.entries()] == before


def test_an_archived_competition_refuses_granting_titles(services: Services) -> None:
    example = worked_example(services)
    settled(services, example)
    services.competitions.set_status(example.competition_id, CompetitionStatus.ARCHIVED)
    with pytest.raises(UserError) as error:
        services.results.grant_titles(example.competition_id)
    assert (error.value.code, error.value.params) == ("competition_locked", {"status": "archived"})


def test_a_clerk_cannot_publish(services: Services) -> None:
    from skillsapp.errors import PermissionDenied
    from tests.conftest import as_role

    example = worked_example(services)
    clerk = as_role(services, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.results.publish(example.competition_id)
