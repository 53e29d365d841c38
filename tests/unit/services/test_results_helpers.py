"""Builders shared by the results, appeals and publishing tests (no tests of their own).

`worked_example` builds DOMAIN.md's 维修电工 event through the services and puts its
marks straight into the database (mark entry is another service's business).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.competitions import (
    CompetitionStatus,
    Registration,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.marks import ContestantScore, JudgeSubmission, Mark, SubmissionStatus
from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import (
    Aggregation,
    AwardRule,
    CriterionKind,
    TieBreak,
    Tier,
    TitleRule,
)
from tests.unit.services.test_competition_helpers import (
    competition,
    enter,
    event,
    judge,
    unit,
)

D = Decimal
AFTER_REVIEW = dt.date(2100, 1, 1)
NAMES = ("王建国", "李秀英", "张伟", "刘洋", "陈静", "杨磊")
# name: theory, P1, P2 by judge, P3 by judge, time used (DOMAIN.md, worked example)
MARKS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], str]] = {
    "王建国": ("86", "35", ("25", "27", "26", "28", "20"), ("22", "24", "23", "23", "30"), "52"),
    "李秀英": ("79", "38", ("28",) * 5, ("21", "22", "21", "20", "25"), "55"),
    "张伟": ("80", "34", ("20", "21", "20.5", "19", "22"), ("20.5", "21", "20.75", "20", "21.5"), "50"),
    "刘洋": ("90", "30", ("24",) * 5, ("24",) * 5, "49"),
    "陈静": ("90", "30", ("24",) * 5, ("24",) * 5, "49"),
    "杨磊": ("62", "20", ("15", "16", "15", "14", "18"), ("12", "13", "14", "12", "11"), "58"),
}  # fmt: skip


def _judged(key: str, name: str) -> CriterionSpec:
    return CriterionSpec(key, name, D(30), CriterionKind.JUDGEMENT, Aggregation.TRIMMED_MEAN)


SPEC = SchemeSpec(
    components=(
        ComponentSpec("theory", "理论", D(30), (CriterionSpec("T1", "理论知识", D(100)),)),
        ComponentSpec(
            "practical",
            "实操",
            D(70),
            (CriterionSpec("P1", "测量", D(40)), _judged("P2", "工艺"), _judged("P3", "安全文明")),
        ),
    ),
    tie_breaks=(
        TieBreak.by_component("practical"),
        TieBreak.by_time(),
        TieBreak.by_component("theory"),
    ),
    time_used=True,
    award_rule=AwardRule(
        (Tier("一等奖", 1), Tier("二等奖", 2), Tier("三等奖", 3)), min_total=D(60)
    ),
    title_rules=(
        TitleRule("焦作市技术能手", max_rank=1, granting_body="焦作市总工会"),
        TitleRule("优秀选手", max_rank=2, employees_only=True),
    ),
)


@dataclass(frozen=True)
class Example:
    competition_id: int
    event_id: int
    units: tuple[int, int]
    registrations: dict[str, int]  # name → registration id
    judges: tuple[int, ...]  # user ids; the first is the chief judge
    criteria: dict[str, int]  # key → scheme_criterion id


def worked_example(
    services: Services, *, spec: SchemeSpec = SPEC, blind: bool = False, marks: bool = True
) -> Example:
    """The 维修电工 event in 比赛 (scoring): six entries from two units, five judges."""
    organizer = unit(services, "焦作市总工会").id
    c = competition(services, quota_per_unit=50, organizer_id=organizer, name="焦作市职工技能竞赛")
    e = event(services, c.id, "维修电工", blind=blind)
    services.events.save_scheme(e.id, spec)
    units = (unit(services, "焦作电厂").id, unit(services, "焦作煤业").id)
    regs = {name: enter(services, e.id, seq, units[seq // 3]).id for seq, name in enumerate(NAMES)}
    services.competitions.set_status(c.id, CompetitionStatus.REGISTRATION)
    services.draw.draw(c.id, seed=7)
    judges = tuple(judge(services, f"judge{n}").id for n in range(1, 6))
    for n, user_id in enumerate(judges):
        services.judges.assign(e.id, user_id, chief=n == 0)
    services.competitions.set_status(c.id, CompetitionStatus.SCORING)
    example = Example(c.id, e.id, units, regs, judges, _criteria(services, e.id))
    if marks:
        put_marks(services, example)
    return example


def _criteria(services: Services, event_id: int) -> dict[str, int]:
    query = (
        select(SchemeCriterion.key, SchemeCriterion.id)
        .join(SchemeComponent, SchemeComponent.id == SchemeCriterion.component_id)
        .where(SchemeComponent.event_id == event_id)
    )
    with services.db.reading() as session:
        return {key: criterion_id for key, criterion_id in session.execute(query)}


def put_marks(
    services: Services, example: Example, *, skip: tuple[str, str, int] | None = None
) -> None:
    """The worked example's marks and times; `skip` (name, key, judge index) leaves one out."""
    chief = example.judges[0]
    with services.db.transaction() as session:
        for name, (theory, p1, p2, p3, minutes) in MARKS.items():
            reg = example.registrations[name]
            cells = [("T1", 0, theory), ("P1", 0, p1)]
            cells += [("P2", i, v) for i, v in enumerate(p2)] + [
                ("P3", i, v) for i, v in enumerate(p3)
            ]
            for key, index, value in cells:
                if skip != (name, key, index):
                    judge_id = example.judges[index] if key in {"P2", "P3"} else chief
                    session.add(_mark(example, reg, key, judge_id, value))
            session.add(ContestantScore(registration_id=reg, time_used=D(minutes)))


def _mark(example: Example, reg: int, key: str, judge_id: int, value: str) -> Mark:
    return Mark(
        registration_id=reg,
        criterion_id=example.criteria[key],
        judge_id=judge_id,
        value=D(value),
        entered_by=judge_id,
    )


def set_mark(
    services: Services, example: Example, name: str, key: str, index: int, value: str
) -> None:
    """Change one stored mark (as if a judge had corrected it)."""
    query = select(Mark).where(
        Mark.registration_id == example.registrations[name],
        Mark.criterion_id == example.criteria[key],
        Mark.judge_id == example.judges[index],
    )
    with services.db.transaction() as session:
        mark = session.scalars(query).one()
        mark.value = D(value)


def review_sheets(services: Services, example: Example, *, reviewed: int | None = None) -> None:
    """Judges' sheets submitted; the first `reviewed` of them (all: None) chief-reviewed."""
    now = dt.datetime.now(dt.UTC)
    count = len(example.judges) if reviewed is None else reviewed
    with services.db.transaction() as session:
        for n, judge_id in enumerate(example.judges):
            session.add(
                JudgeSubmission(
                    event_id=example.event_id,
                    judge_id=judge_id,
                    status=SubmissionStatus.SUBMITTED,
                    submitted_at=now,
                    chief_reviewed_at=now if n < count else None,
                )
            )


def registration_of(services: Services, registration_id: int) -> Registration:
    with services.db.reading() as session:
        found = session.get(Registration, registration_id)
        assert found is not None
        return found


def with_min_field(spec: SchemeSpec, minimum: int) -> SchemeSpec:
    return replace(spec, min_field=minimum)


def settled(services: Services, example: Example) -> None:
    """Published for review, then final after the notice period."""
    services.results.publish(example.competition_id)
    services.results.finalize(example.competition_id, today=AFTER_REVIEW)
