"""The guard's count of missing marks equals the marks `event_missing` lists, always.

`missing_marks_count` counts in one query; `event_missing` walks every cell in Python
and is the rule mark entry shows judges. Both read the same database here: one built
through the services, then varied inside a session that is rolled back (marks present
or not, also by judges off the panel and on other events' criteria; withdrawn entries;
judges kept from contestants, also from other events' entries; judges removed from a
panel; criteria switched between judgement and measurement).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from skillsapp.app import Services
from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import (
    Competition,
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.marks import Mark
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.domain.scoring import CriterionKind
from skillsapp.services.scoring.marking import event_missing, missing_marks_count
from tests.unit.services.test_competition_helpers import competition, enter, event, judge, unit
from tests.unit.services.test_marks_helpers import SPEC

JUDGEMENT, MEASUREMENT = CriterionKind.JUDGEMENT.value, CriterionKind.MEASUREMENT.value


@dataclass(frozen=True)
class World:
    """Two competitions built through the services; every id a variation may touch."""

    competitions: tuple[int, ...]
    registrations: tuple[int, ...]
    criteria: tuple[int, ...]
    judges: tuple[int, ...]  # user ids: four on panels, one on none
    panel_seats: tuple[int, ...]  # EventJudge ids
    own_cells: tuple[tuple[int, int, int], ...]  # (registration, criterion, judge), same event


@dataclass(frozen=True)
class Setup:
    """One variation of the world (indices into its tuples)."""

    marks: frozenset[int] = frozenset()  # of own_cells
    foreign_marks: frozenset[tuple[int, int, int]] = frozenset()  # reg, criterion, judge
    withdrawn: frozenset[int] = frozenset()
    blocks: frozenset[tuple[int, int]] = frozenset()  # panel seat, registration
    removed_seats: frozenset[int] = frozenset()
    flipped: frozenset[int] = frozenset()  # criteria switched kind


def _world(services: Services) -> World:
    """C1: 焊工 (4 entries, 3 judges), 钳工 (3, 2 judges, one shared with 焊工; all
    measurement), 电工 (no entries, 1 judge), 车工 (2 entries, no judge). C2: one event
    (2 entries, a C1 judge). One more judge sits on no panel."""
    users = [judge(services, f"mm{n}").id for n in range(5)]
    c1 = competition(services, "MM1", quota_per_unit=50)
    c2 = competition(services, "MM2", name="第四届职工技能竞赛", quota_per_unit=50)
    u = unit(services)
    plan = [
        (c1.id, "焊工", SPEC, 4, users[0:3]),
        (c1.id, "钳工", standard_spec(), 3, users[2:4]),
        (c1.id, "电工", SPEC, 0, users[0:1]),
        (c1.id, "车工", SPEC, 2, []),
        (c2.id, "焊工", SPEC, 2, users[1:2]),
    ]
    seq = 0
    for competition_id, name, spec, entries, panel in plan:
        e = event(services, competition_id, name)
        services.events.save_scheme(e.id, spec)
        for _ in range(entries):
            enter(services, e.id, seq, u.id)
            seq += 1
        for index, user_id in enumerate(panel):
            services.judges.assign(e.id, user_id, chief=index == 0)
    return _ids(services, (c1.id, c2.id), tuple(users))


def _ids(services: Services, competitions: tuple[int, ...], users: tuple[int, ...]) -> World:
    with services.db.reading() as session:
        regs = session.execute(
            select(Registration.id, Registration.event_id).order_by(Registration.id)
        ).all()
        criteria = session.execute(
            select(SchemeCriterion.id, SchemeComponent.event_id)
            .join(SchemeComponent)
            .order_by(SchemeCriterion.id)
        ).all()
        seats = session.scalars(select(EventJudge.id).order_by(EventJudge.id)).all()
    own = tuple(
        (reg, criterion, user)
        for reg, reg_event in regs
        for criterion, criterion_event in criteria
        if criterion_event == reg_event
        for user in users
    )
    return World(
        competitions=competitions,
        registrations=tuple(reg for reg, _ in regs),
        criteria=tuple(c for c, _ in criteria),
        judges=users,
        panel_seats=tuple(seats),
        own_cells=own,
    )


def _setups(world: World) -> st.SearchStrategy[Setup]:
    cells = range(len(world.own_cells))
    regs, criteria = len(world.registrations), len(world.criteria)
    sparse = st.frozensets(st.sampled_from(cells))
    nearly_full = st.frozensets(st.sampled_from(cells), max_size=12).map(
        lambda holes: frozenset(cells) - holes
    )
    judges = len(world.judges)
    foreign = st.tuples(
        st.integers(0, regs - 1), st.integers(0, criteria - 1), st.integers(0, judges - 1)
    )
    return st.builds(
        Setup,
        marks=st.one_of(nearly_full, sparse),
        foreign_marks=st.frozensets(foreign, max_size=6),
        withdrawn=st.frozensets(st.integers(0, regs - 1), max_size=4),
        blocks=st.frozensets(
            st.tuples(st.integers(0, len(world.panel_seats) - 1), st.integers(0, regs - 1)),
            max_size=6,
        ),
        removed_seats=st.frozensets(st.integers(0, len(world.panel_seats) - 1), max_size=2),
        flipped=st.frozensets(st.integers(0, criteria - 1), max_size=3),
    )


@contextmanager
def _varied(services: Services, world: World, setup: Setup) -> Iterator[Session]:
    """A session that sees `setup` applied to the world; nothing of it is committed."""
    with services.db.reading() as session:
        _apply(session, world, setup)
        session.flush()
        yield session
        session.rollback()


def _apply(session: Session, world: World, setup: Setup) -> None:
    reg, crit, seat = world.registrations, world.criteria, world.panel_seats
    withdrawn = [reg[i] for i in setup.withdrawn]
    session.execute(
        update(Registration)
        .where(Registration.id.in_(withdrawn))
        .values(status=RegistrationStatus.WITHDRAWN)
    )
    for index in setup.flipped:
        row = session.get(SchemeCriterion, crit[index])
        assert row is not None
        row.kind = MEASUREMENT if row.kind == JUDGEMENT else JUDGEMENT
    removed = [seat[i] for i in setup.removed_seats]
    session.execute(delete(EventJudge).where(EventJudge.id.in_(removed)))
    blocks = [(seat[s], reg[r]) for s, r in setup.blocks if seat[s] not in removed]
    _insert(session, JudgeBlock, [{"event_judge_id": s, "registration_id": r} for s, r in blocks])
    cells = {world.own_cells[i] for i in setup.marks}
    cells |= {(reg[r], crit[c], world.judges[j]) for r, c, j in setup.foreign_marks}
    _insert(session, Mark, [_mark(*cell) for cell in sorted(cells)])


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _mark(registration_id: int, criterion_id: int, judge_id: int) -> dict[str, Any]:
    return {
        "registration_id": registration_id,
        "criterion_id": criterion_id,
        "judge_id": judge_id,
        "value": Decimal(1),
        "entered_at": utcnow(),
        "version": 1,
    }


def _counts(session: Session, competition_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(fast count, length of the listed cells) for each competition."""
    pairs = []
    for competition_id in competition_ids:
        found = session.get(Competition, competition_id)
        assert found is not None
        events = session.scalars(select(Event).where(Event.competition_id == competition_id))
        listed = sum(len(event_missing(session, e)) for e in events)
        pairs.append((missing_marks_count(session, found), listed))
    return pairs


def test_the_count_equals_the_listed_missing_marks_in_any_setup(services: Services) -> None:
    world = _world(services)

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(setup=_setups(world))
    @example(setup=Setup())
    @example(setup=Setup(marks=frozenset(range(len(world.own_cells)))))
    def check(setup: Setup) -> None:
        with _varied(services, world, setup) as session:
            for fast, listed in _counts(session, world.competitions):
                assert fast == listed

    check()


# ---- cases worked by hand -----------------------------------------------------------


def _cells_of(
    world: World, *, judge: int | None = None, registration: int | None = None
) -> set[int]:
    return {
        i
        for i, (reg, _, user) in enumerate(world.own_cells)
        if (judge is None or user == world.judges[judge])
        and (registration is None or reg == world.registrations[registration])
    }


def _count(services: Services, world: World, setup: Setup) -> int:
    with _varied(services, world, setup) as session:
        [(fast, listed), _] = _counts(session, world.competitions)
    assert fast == listed
    return fast


def test_worked_cases_of_the_count(services: Services) -> None:
    """C1 owes: 焊工 4 entries × (2 measured + 3 judges × 2 judged) = 32, 钳工 3 × 2
    measured = 6, 车工 2 × 2 measured (no judge owes a judgement) = 4: 42 in all."""
    world = _world(services)
    everything = frozenset(range(len(world.own_cells)))
    first = world.registrations[0]  # of 焊工
    assert _count(services, world, Setup()) == 42
    assert _count(services, world, Setup(marks=everything)) == 0
    # the off-panel judge's marks fill every measurement cell, and no judgement cell
    stray = frozenset(_cells_of(world, judge=4))
    assert _count(services, world, Setup(marks=stray)) == 4 * 3 * 2
    # a withdrawn entry owes nothing; a block spares one judge 焊工's 2 judged cells
    assert _count(services, world, Setup(withdrawn=frozenset({0}))) == 42 - 8
    seat = world.panel_seats.index(_seat(services, first, world.judges[1]))
    blocked = Setup(blocks=frozenset({(seat, 0)}))
    assert _count(services, world, blocked) == 42 - 2
    # the blocked judge's marks fill no judged cell (their two measurements do count)
    theirs = frozenset(_cells_of(world, judge=1, registration=0))
    assert _count(services, world, Setup(marks=theirs, blocks=blocked.blocks)) == 42 - 2 - 2


def _seat(services: Services, registration_id: int, user_id: int) -> int:
    with services.db.reading() as session:
        query = (
            select(EventJudge.id)
            .join(Registration, Registration.event_id == EventJudge.event_id)
            .where(Registration.id == registration_id, EventJudge.user_id == user_id)
        )
        found = session.scalar(query)
    assert found is not None
    return found
