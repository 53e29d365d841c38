"""Results computed from the marks: the one place that loads marks for scoring.

`event_ranking` (one event) and `competition_rankings` (every event, a few queries in
all) load an event's scheme, active registrations, marks and contestant scores and
hand back an `EventComputation`: ranks, awards, title recommendations, standardised
scores, team scores, and every missing mark. Marks are read as plain columns, scaled
to integers by the database (no ORM object per mark), and scored by
`scoring.scaled.ScaledScorer`, which equals `score_entry` exactly.

Missing marks follow the rule of mark entry (`services.marking`): every judge
assigned to the event owes a mark on each judgement criterion of every active entry
they are not kept from (JudgeBlock); a measurement criterion needs one mark from
anyone. A disqualified contestant's missing marks are listed but do not make the
ranking provisional: it does not depend on them.

Employees (TitleRule.employees_only): every contestant counts as an employee unless
neither the registration nor the person's registry record names a unit.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, case, cast, func, select
from sqlalchemy.orm import Session, selectinload

from skillsapp.domain.competitions import (
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
    SchemeComponent,
)
from skillsapp.domain.marks import ContestantScore, JudgeSubmission, Mark
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.scheme_doc import SchemeSpec
from skillsapp.domain.scoring import (
    CriterionKind,
    EntryScore,
    RankedRow,
    Scheme,
    TeamMode,
    TeamRule,
    TeamScore,
    TitleRule,
    assign_awards,
    rank,
    recommend_titles,
    standardised,
    team_scores,
)
from skillsapp.domain.scoring.scaled import SCALE, ScaledScorer
from skillsapp.services.competitions.scheme_store import load_spec

AWARD_POINTS = (Decimal(8), Decimal(4), Decimal(2), Decimal(1))  # POINTS_BY_AWARD, by tier


@dataclass(frozen=True)
class Contestant:
    registration_id: int
    person_id: int
    name: str
    unit_id: int | None
    unit: str
    bib: str
    blind_code: str
    employee: bool


@dataclass(frozen=True)
class MissingMark:
    """A mark still owed: by `judge_id`, or by any judge (None) for a measurement."""

    registration_id: int
    criterion: str
    judge_id: int | None


@dataclass(frozen=True)
class EventComputation:
    """Everything the results of one event are made of (registration ids as keys)."""

    event_id: int
    event_name: str
    competition_id: int
    blind: bool
    spec: SchemeSpec
    scheme: Scheme
    contestants: Mapping[int, Contestant]
    ranked: tuple[RankedRow[int], ...]
    awards: Mapping[int, str | None]
    titles: Mapping[int, tuple[TitleRule, ...]]
    standardised: Mapping[int, Decimal]
    teams: tuple[TeamScore[int, int], ...]
    missing: tuple[MissingMark, ...]
    panel: tuple[int, ...]
    revealed: bool  # blind codes may be decrypted (the chief judge reviewed every sheet)
    provisional: bool  # a ranked contestant's mark is missing or awaits re-marking
    marks: Mapping[int, Mapping[str, Sequence[int]]]  # reg → criterion → values × 10⁴
    markers: Mapping[int, Mapping[str, Sequence[int]]]  # the judges of those values
    criterion_ids: Mapping[int, str]  # scheme_criterion id → key

    @property
    def field_too_small(self) -> bool:
        return self.scheme.field_too_small(len(self.contestants))

    @property
    def names_hidden(self) -> bool:
        return self.blind and not self.revealed


@dataclass
class _Loaded:
    """One event's raw inputs as the queries return them."""

    event: Event
    contestants: dict[int, Contestant] = field(default_factory=dict)
    marks: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    markers: dict[int, dict[str, list[int]]] = field(default_factory=dict)
    times: dict[int, tuple[Decimal | None, bool]] = field(default_factory=dict)
    judges: dict[int, bool] = field(default_factory=dict)  # user id → chief
    blocked: dict[int, set[int]] = field(default_factory=dict)  # reg → judge ids
    reviewed: dict[int, bool] = field(default_factory=dict)  # judge id → chief reviewed


def event_ranking(session: Session, event: Event) -> EventComputation:
    """The results of one event, computed from its current marks."""
    with _collector_paused():
        return _compute(_load(session, [event]))[0]


def competition_rankings(session: Session, competition_id: int) -> list[EventComputation]:
    """The results of every event of a competition, in event order."""
    events = competition_events(session, competition_id)
    with _collector_paused():
        return _compute(_load(session, events))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the marks become lists and scores.

    A large meet makes hundreds of thousands of small objects without cycles; the
    collections they set off cost a fifth of the time and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def competition_events(session: Session, competition_id: int) -> list[Event]:
    query = (
        select(Event)
        .where(Event.competition_id == competition_id)
        .order_by(Event.position, Event.id)
        .options(selectinload(Event.components).selectinload(SchemeComponent.criteria))
    )
    return list(session.scalars(query))


# ---- loading ---------------------------------------------------------------------


def _load(session: Session, events: Sequence[Event]) -> list[_Loaded]:
    loaded = {e.id: _Loaded(e) for e in events}
    if not loaded:
        return []
    ids = list(loaded)
    _load_contestants(session, ids, loaded)
    _load_judges(session, ids, loaded)
    keys = _criterion_keys(loaded.values())
    for data in loaded.values():
        _load_marks(session, data, keys)
    _load_scores(session, ids, loaded)
    return list(loaded.values())


def _active(ids: Sequence[int]) -> ColumnElement[bool]:
    return Registration.event_id.in_(ids) & (Registration.status == RegistrationStatus.ACTIVE)


def _registrations(ids: Sequence[int]) -> Select[int]:
    return select(Registration.id).where(_active(ids))


def _load_contestants(session: Session, ids: Sequence[int], loaded: dict[int, _Loaded]) -> None:
    query = (
        select(
            Registration.id,
            Registration.event_id,
            Registration.person_id,
            Person.name,
            Registration.unit_id,
            Unit.name,
            Registration.bib,
            Registration.blind_code,
            Person.unit_id,
        )
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Unit, Unit.id == Registration.unit_id)
        .where(_active(ids))
        .order_by(Registration.event_id, Registration.start_order, Registration.id)
    )
    for reg, event_id, person, name, unit_id, unit, bib, code, home_unit in session.execute(query):
        employee = unit_id is not None or home_unit is not None
        data = loaded[event_id]
        data.contestants[reg] = Contestant(
            reg, person, name, unit_id, unit or "", bib or "", code or "", employee
        )
        data.marks[reg], data.markers[reg] = {}, {}


def _criterion_keys(loaded: Iterable[_Loaded]) -> dict[int, str]:
    return {
        criterion.id: criterion.key
        for data in loaded
        for component in data.event.components
        for criterion in component.criteria
    }


def _load_marks(session: Session, data: _Loaded, keys: Mapping[int, str]) -> None:
    """The event's marks, one row per cell with a column per panel judge (values × 10⁴).

    A cell's values come in judge-id order, like its judges. Marks by anyone outside
    the panel (a judge removed after marking) are read separately; they are rare.
    """
    panel = sorted(data.judges)
    width = len(panel)
    strays = False
    marks, markers = data.marks, data.markers
    for reg, criterion, count, *slots in driver_rows(session, _cells(data.event.id, panel)):
        key = keys.get(criterion)
        own = marks.get(reg)
        if key is None or own is None:
            continue
        if count == width and None not in slots:
            own[key], markers[reg][key] = slots, panel  # every panel judge marked: usual
            continue
        own[key] = values = [v for v in slots if v is not None]
        markers[reg][key] = [j for j, v in zip(panel, slots, strict=True) if v is not None]
        strays = strays or count > len(values)
    if strays:
        _load_strays(session, data, keys, panel)


def _scaled_value() -> ColumnElement[int]:
    return cast(func.round(Mark.value * SCALE), BigInteger)


def _cells(event_id: int, panel: Sequence[int]) -> Select[*tuple[Any, ...]]:
    slots = [func.max(case((Mark.judge_id == judge, _scaled_value()))) for judge in panel]
    return (
        select(Mark.registration_id, Mark.criterion_id, func.count(), *slots)
        .where(Mark.registration_id.in_(_registrations([event_id])))
        .group_by(Mark.registration_id, Mark.criterion_id)
    )


def _load_strays(
    session: Session, data: _Loaded, keys: Mapping[int, str], panel: Sequence[int]
) -> None:
    """Add the marks of judges outside the panel to their cells, keeping judge order."""
    query = select(Mark.registration_id, Mark.criterion_id, Mark.judge_id, _scaled_value()).where(
        Mark.registration_id.in_(_registrations([data.event.id])), Mark.judge_id.not_in(panel)
    )
    for reg, criterion, judge, value in driver_rows(session, query):
        key = keys.get(criterion)
        if key is None or reg not in data.marks:
            continue
        pairs = sorted(
            [*zip(data.markers[reg].get(key, []), data.marks[reg].get(key, []), strict=True),
             (judge, value)]
        )  # fmt: skip
        data.markers[reg][key] = [j for j, _ in pairs]
        data.marks[reg][key] = [v for _, v in pairs]


def driver_rows(session: Session, query: Select[*tuple[Any, ...]]) -> Sequence[Any]:
    """Every row of `query` as the database driver returns it, on the session's connection.

    Skips SQLAlchemy's result processing, which costs more than the query itself for the
    750,000 marks of a large meet. The parameters are rendered into the SQL text
    (literal_binds), so use it only with integer and enum parameters, never user text.
    """
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return cursor.fetchall()
    finally:
        cursor.close()


def _load_scores(session: Session, ids: Sequence[int], loaded: dict[int, _Loaded]) -> None:
    query = (
        select(
            Registration.event_id,
            ContestantScore.registration_id,
            ContestantScore.time_used,
            ContestantScore.disqualified,
        )
        .join(Registration, Registration.id == ContestantScore.registration_id)
        .where(_active(ids))
    )
    for event_id, reg, time_used, disqualified in session.execute(query):
        loaded[event_id].times[reg] = (_plain(time_used), disqualified)


def plain(value: Decimal) -> Decimal:
    """Numeric columns hand back trailing zeros (52.0000): 52, 20.75."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _plain(value: Decimal | None) -> Decimal | None:
    return None if value is None else plain(value)


def _load_judges(session: Session, ids: Sequence[int], loaded: dict[int, _Loaded]) -> None:
    judges = select(EventJudge.event_id, EventJudge.user_id, EventJudge.chief).where(
        EventJudge.event_id.in_(ids)
    )
    for event_id, user_id, chief in session.execute(judges):
        loaded[event_id].judges[user_id] = chief
    blocks = (
        select(EventJudge.event_id, EventJudge.user_id, JudgeBlock.registration_id)
        .join(JudgeBlock, JudgeBlock.event_judge_id == EventJudge.id)
        .where(EventJudge.event_id.in_(ids))
    )
    for event_id, user_id, reg in session.execute(blocks):
        loaded[event_id].blocked.setdefault(reg, set()).add(user_id)
    sheets = select(
        JudgeSubmission.event_id, JudgeSubmission.judge_id, JudgeSubmission.chief_reviewed_at
    ).where(JudgeSubmission.event_id.in_(ids))
    for event_id, judge_id, reviewed_at in session.execute(sheets):
        loaded[event_id].reviewed[judge_id] = reviewed_at is not None


# ---- computing -------------------------------------------------------------------


def _panel(data: _Loaded) -> tuple[int, ...]:
    """The judges who owe a mark on every judgement criterion: all the event's judges."""
    return tuple(sorted(data.judges))


def _missing(data: _Loaded, panel: Sequence[int]) -> list[MissingMark]:
    judgement = {
        c.key: c.kind == CriterionKind.JUDGEMENT.value
        for component in data.event.components
        for c in component.criteria
    }
    full = list(panel)
    missing = []
    for reg in data.contestants:
        blocked = data.blocked.get(reg, set())
        markers = data.markers[reg]
        for key, is_judgement in judgement.items():
            judges = markers.get(key, [])
            if not is_judgement:
                if not judges:
                    missing.append(MissingMark(reg, key, None))
            elif judges != full:  # both in judge order: the usual case is one comparison
                owed = [j for j in full if j not in blocked and j not in judges]
                missing.extend(MissingMark(reg, key, j) for j in owed)
    return missing


def _compute(loaded: Sequence[_Loaded]) -> list[EventComputation]:
    return [_event(data) for data in loaded]


def _event(data: _Loaded) -> EventComputation:
    spec = load_spec(data.event)
    scheme = spec.to_scheme()
    scorer = ScaledScorer[int](scheme)
    scores = [_score(scorer, data, reg) for reg in data.contestants]
    ranked = rank(scheme, scores)
    awards = assign_awards(spec.award_rule, ranked)
    employees = {reg for reg, c in data.contestants.items() if c.employee}
    titles = recommend_titles(spec.title_rules, ranked, awards, employees=employees)
    panel = _panel(data)
    missing = _missing(data, panel)
    return EventComputation(
        event_id=data.event.id,
        event_name=data.event.name,
        competition_id=data.event.competition_id,
        blind=data.event.blind,
        spec=spec,
        scheme=scheme,
        contestants=data.contestants,
        ranked=tuple(ranked),
        awards=awards,
        titles=titles,
        standardised=standardised({r.contestant_id: r.score.total_exact for r in ranked if r.rank}),
        teams=tuple(_teams(data, spec, scheme, ranked, awards)),
        missing=tuple(missing),
        panel=panel,
        revealed=bool(panel) and all(data.reviewed.get(j, False) for j in panel),
        provisional=_provisional(ranked, missing),
        marks=data.marks,
        markers=data.markers,
        criterion_ids=_criterion_keys([data]),
    )


def _provisional(ranked: Sequence[RankedRow[int]], missing: Sequence[MissingMark]) -> bool:
    """Whether the ranking may still change: the disqualified owe marks that do not count."""
    counted = {r.contestant_id for r in ranked if r.rank is not None}
    owed = any(m.registration_id in counted for m in missing)
    return owed or any(r.provisional for r in ranked)


def _score(scorer: ScaledScorer[int], data: _Loaded, reg: int) -> EntryScore[int]:
    time_used, disqualified = data.times.get(reg, (None, False))
    return scorer.score(reg, data.marks[reg], time_used=time_used, disqualified=disqualified)


def _teams(
    data: _Loaded,
    spec: SchemeSpec,
    scheme: Scheme,
    ranked: Sequence[RankedRow[int]],
    awards: Mapping[int, str | None],
) -> list[TeamScore[int, int]]:
    """Team scores by the event's team mode; by award, tiers earn 8/4/2/1 points."""
    points = dict(zip((t.name for t in spec.award_rule.tiers), AWARD_POINTS, strict=False))
    rule = TeamRule(
        mode=TeamMode(data.event.team_mode),
        k=data.event.team_k,
        award_points=points,
        rounding=scheme.rounding,
    )
    unit_of = {reg: c.unit_id for reg, c in data.contestants.items() if c.unit_id is not None}
    return team_scores(ranked, unit_of, rule, awards=awards)
