"""Builders shared by the mark, paper and re-check tests (no tests of their own)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from skillsapp.app import Services
from skillsapp.domain.competitions import Competition, CompetitionStatus
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Role
from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import Aggregation, CriterionKind
from skillsapp.services.accounts import UserRow
from skillsapp.services.context import Actor
from tests.unit.services.test_competition_helpers import competition, enter, event, judge, unit

D = Decimal
JUDGEMENT = CriterionKind.JUDGEMENT

# 理论 30 %: T1 measured once, out of 100.
# 实操 70 %: P1 measured deductions (扣分) out of 40 in halves; P2 judged out of 30 in
# halves (mean); P3 judged WorldSkills-style, 0–3 in whole steps, worth 30.
SPEC = SchemeSpec(
    components=(
        ComponentSpec("theory", "理论", D(30), (CriterionSpec("T1", "理论知识", D(100)),)),
        ComponentSpec(
            "practical",
            "实操",
            D(70),
            (
                CriterionSpec("P1", "安全文明", D(40), step=D("0.5"), deduction=True),
                CriterionSpec("P2", "工艺", D(30), JUDGEMENT, Aggregation.MEAN, D("0.5")),
                CriterionSpec("P3", "外观", D(30), JUDGEMENT, Aggregation.WORLDSKILLS, D(1)),
            ),
        ),
    ),
    time_used=True,
)
FULL = {"T1": D(80), "P1": D(5), "P2": D(25), "P3": D(2)}


@dataclass(frozen=True)
class Scoring:
    """A competition in 比赛 with one event; `entries` in start order, `judges[0]` chief."""

    admin: Services
    competition_id: int
    event_id: int
    entries: tuple[int, ...]
    judges: tuple[Services, ...]
    names: tuple[str, ...]

    @property
    def chief(self) -> Services:
        return self.judges[0]

    def judge_id(self, index: int) -> int:
        user_id = self.judges[index].actor.user_id
        assert user_id is not None
        return user_id


def login(services: Services, user: UserRow) -> Services:
    return services.as_actor(Actor(user.username, user.role, user.id, user.display_name))


def account(services: Services, username: str, role: Role) -> Services:
    user = services.accounts.create_user(
        services.actor, username=username, password="pass1234", role=role, display_name=username
    )
    return login(services, user)


def scoring(
    services: Services,
    *,
    entrants: int = 3,
    judges: int = 2,
    blind: bool = False,
    spec: SchemeSpec = SPEC,
    code: str = "C1",
    name: str = "焊工",
) -> Scoring:
    """Drawn, judged by `judges` judges (the first is chief), in 比赛 (scoring)."""
    c = competition(services, code, quota_per_unit=500)
    e = event(services, c.id, name, blind=blind)
    services.events.save_scheme(e.id, spec)
    u = unit(services, f"{code}单位")
    first = _persons(services)
    for seq in range(entrants):
        enter(services, e.id, first + seq, u.id)
    services.competitions.set_status(c.id, CompetitionStatus.REGISTRATION)
    services.draw.draw(c.id, seed=7)
    panel = []
    for index in range(judges):
        user = judge(services, f"{code.lower()}judge{index + 1}")
        services.judges.assign(e.id, user.id, chief=index == 0)
        panel.append(login(services, user))
    services.competitions.set_status(c.id, CompetitionStatus.SCORING)
    drawn = {r.id: r for r in services.registrations.registrations(c.id, event_id=e.id)}
    order = sorted(drawn.values(), key=lambda r: r.start_order or 0)
    return Scoring(
        services,
        c.id,
        e.id,
        tuple(r.id for r in order),
        tuple(panel),
        tuple(r.person_name for r in order),
    )


def _persons(services: Services) -> int:
    with services.db.reading() as session:
        return session.scalar(select(func.count(Person.id))) or 0


def fill(
    meet: Scoring, judge: int, marks: dict[str, Decimal] = FULL, *, measured: bool = True
) -> None:
    """Every cell of `judge` (measurement items too when `measured`)."""
    grid = meet.judges[judge].marks.grid(meet.event_id)
    keys = [c.key for c in grid.columns if c.judgement or measured]
    for row in grid.rows:
        for key in keys:
            cell = row.cells[[c.key for c in grid.columns].index(key)]
            if cell.editable:
                meet.judges[judge].marks.save_mark(
                    meet.event_id, row.registration_id, key, marks[key]
                )


def submit_all(meet: Scoring) -> None:
    fill(meet, 0)
    for index in range(1, len(meet.judges)):
        fill(meet, index, measured=False)
    for services in meet.judges:
        services.marks.submit(meet.event_id)


def lock(services: Services, competition_id: int) -> None:
    """Move the competition to 已定 (final) straight through the ORM."""
    with services.db.transaction() as session:
        found = session.get(Competition, competition_id)
        assert found is not None
        found.status = CompetitionStatus.FINAL
