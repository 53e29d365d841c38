"""What mark entry shares: the criteria and their value rules, who may mark whom, the
writing of marks with their history, and the marks still missing.

Used by `marks` (the judges' grid and the chief judge's review), `paper` (double
entry and score-sheet import) and `recheck`; no service class of its own.

Rules decided here:
* a judge enters 0 … 配分 (a deduction likewise never exceeds the item's 配分), or
  0 … 3 for a WorldSkills judgement item, on the item's step, with at most four
  decimals (the columns hold four);
* a judgement item is marked by every assigned judge not kept from the contestant;
* a measurement item is marked once, by any assigned judge: the first to enter it
  holds the mark, the others see it read-only; the chief judge answers for it being
  there (his submission needs it, and a missing one is listed with judge None).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnExpressionArgument, ScalarSelect, Select, func, select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
    SchemeComponent,
    SchemeCriterion,
)
from skillsapp.domain.marks import (
    ChangeKind,
    JudgeSubmission,
    Mark,
    SubmissionStatus,
)
from skillsapp.domain.models import Person, User
from skillsapp.domain.scoring import WORLDSKILLS_SCALE, Aggregation, CriterionKind
from skillsapp.errors import NotFound, PermissionDenied, UserError
from skillsapp.services.context import Actor

MARKS_OPEN = frozenset({CompetitionStatus.SCORING})
PLACES = 4  # mark columns are Numeric(14, 4)
_QUANTUM = Decimal(1).scaleb(-PLACES)


def plain(value: Decimal) -> Decimal:
    """A column's 30.0000 as 30, 2.5000 as 2.5."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class CriterionInfo:
    """A scheme criterion as mark entry needs it; `entry_max` is what may be typed."""

    id: int
    key: str
    name: str
    component: str
    max_mark: Decimal
    step: Decimal | None
    deduction: bool
    judgement: bool
    worldskills: bool

    @property
    def entry_max(self) -> Decimal:
        return WORLDSKILLS_SCALE if self.worldskills else self.max_mark


def _info(row: SchemeCriterion, component: str) -> CriterionInfo:
    judgement = row.kind == CriterionKind.JUDGEMENT.value
    return CriterionInfo(
        id=row.id,
        key=row.key,
        name=row.name,
        component=component,
        max_mark=plain(row.max_mark),
        step=None if row.step is None else plain(row.step),
        deduction=row.deduction,
        judgement=judgement,
        worldskills=judgement and row.aggregation == Aggregation.WORLDSKILLS.value,
    )


def _criteria_query(event_id: int) -> Select[SchemeCriterion, str]:
    return (
        select(SchemeCriterion, SchemeComponent.key)
        .join(SchemeComponent, SchemeComponent.id == SchemeCriterion.component_id)
        .where(SchemeComponent.event_id == event_id)
        .order_by(SchemeComponent.position, SchemeCriterion.position, SchemeCriterion.id)
    )


def event_criteria(session: Session, event_id: int) -> list[CriterionInfo]:
    """The event's criteria in score-sheet order."""
    return [_info(row, key) for row, key in session.execute(_criteria_query(event_id))]


def criterion_by_key(session: Session, event_id: int, key: str) -> CriterionInfo:
    query = _criteria_query(event_id).where(SchemeCriterion.key == key)
    found = session.execute(query).first()
    if found is None:
        raise UserError("criterion_unknown", key=key)
    return _info(found[0], found[1])


def value_problem(criterion: CriterionInfo, value: Decimal) -> UserError | None:
    """Why `value` cannot be entered for `criterion`, or None when it can."""
    if not value.is_finite():
        return UserError("mark_invalid", criterion=criterion.key)
    if value < 0 or value > criterion.entry_max:
        top = str(criterion.entry_max)
        return UserError("mark_out_of_range", criterion=criterion.key, min="0", max=top)
    if value.quantize(_QUANTUM) != value:
        return UserError("mark_too_precise", criterion=criterion.key, places=PLACES)
    if criterion.step is not None and value % criterion.step != 0:
        return UserError("mark_off_step", criterion=criterion.key, step=str(criterion.step))
    return None


def check_value(criterion: CriterionInfo, value: Decimal) -> None:
    problem = value_problem(criterion, value)
    if problem is not None:
        raise problem


# ---- who may do what ------------------------------------------------------------


def user_id_of(actor: Actor) -> int:
    """Marks and keyings belong to an account; the CLI owner has none."""
    if actor.user_id is None:
        raise PermissionDenied(role=actor.role.value)
    return actor.user_id


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(entity="event", id=event_id)
    return event


def competition_of(session: Session, event: Event) -> Competition:
    competition = session.get(Competition, event.competition_id)
    assert competition is not None  # a foreign key
    return competition


def assignment(session: Session, event_id: int, user_id: int | None) -> EventJudge | None:
    if user_id is None:
        return None
    return session.scalar(
        select(EventJudge).where(EventJudge.event_id == event_id, EventJudge.user_id == user_id)
    )


def require_judge(session: Session, event_id: int, user_id: int) -> EventJudge:
    judge = assignment(session, event_id, user_id)
    if judge is None:
        raise UserError("judge_not_assigned", user_id=user_id)
    return judge


def require_chief(session: Session, event_id: int, actor: Actor) -> EventJudge:
    judge = assignment(session, event_id, actor.user_id)
    if judge is None or not judge.chief:
        raise UserError("chief_judge_required")
    return judge


def submission(session: Session, event_id: int, judge_id: int) -> JudgeSubmission | None:
    return session.scalar(
        select(JudgeSubmission).where(
            JudgeSubmission.event_id == event_id, JudgeSubmission.judge_id == judge_id
        )
    )


def change_kind(status: SubmissionStatus | None) -> ChangeKind:
    """A judge's own entry, or a correction after the chief judge returned the marks."""
    if status is SubmissionStatus.SUBMITTED:
        raise UserError("mark_submitted")
    return ChangeKind.CORRECTION if status is SubmissionStatus.RETURNED else ChangeKind.ENTRY


# ---- the event's entries, judges and marks ----------------------------------------


@dataclass(frozen=True)
class EntryInfo:
    """An active entry; `code` is the blind code in a blind event, else the bib."""

    id: int
    code: str
    start_order: int | None
    name: str  # empty when not asked for (blind events)


def entry_code(blind: bool, entry: Registration) -> str:
    return (entry.blind_code if blind else entry.bib) or ""


def event_entries(session: Session, event: Event, *, names: bool) -> list[EntryInfo]:
    """Active entries in start order (undrawn last); names only when `names`."""
    query = (
        select(Registration, Person.name)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.ACTIVE)
        .order_by(
            Registration.start_order.is_(None),
            Registration.start_order,
            Registration.bib,
            Registration.id,
        )
    )
    return [
        EntryInfo(r.id, entry_code(event.blind, r), r.start_order, name if names else "")
        for r, name in session.execute(query)
    ]


@dataclass(frozen=True)
class JudgeInfo:
    user_id: int
    event_judge_id: int
    name: str
    chief: bool


def event_judges(session: Session, event_id: int) -> list[JudgeInfo]:
    """The event's judges, chief judge first, then by name."""
    query = (
        select(EventJudge, User)
        .join(User, User.id == EventJudge.user_id)
        .where(EventJudge.event_id == event_id)
    )
    judges = [
        JudgeInfo(u.id, j.id, u.display_name or u.username, j.chief)
        for j, u in session.execute(query)
    ]
    return sorted(judges, key=lambda j: (not j.chief, j.name, j.user_id))


def blocked_pairs(session: Session, event_id: int) -> set[tuple[int, int]]:
    """(judge user id, registration id) pairs kept apart."""
    query = (
        select(EventJudge.user_id, JudgeBlock.registration_id)
        .join(EventJudge, EventJudge.id == JudgeBlock.event_judge_id)
        .where(EventJudge.event_id == event_id)
    )
    return {(user_id, reg_id) for user_id, reg_id in session.execute(query)}


@dataclass(frozen=True)
class MarkInfo:
    registration_id: int
    criterion_id: int
    judge_id: int
    value: Decimal
    version: int
    corrected: bool


def event_marks(session: Session, event_id: int) -> list[MarkInfo]:
    query = (
        select(
            Mark.registration_id,
            Mark.criterion_id,
            Mark.judge_id,
            Mark.value,
            Mark.version,
            Mark.corrected,
        )
        .join(Registration, Registration.id == Mark.registration_id)
        .where(Registration.event_id == event_id)
    )
    return [MarkInfo(r, c, j, plain(v), n, k) for r, c, j, v, n, k in session.execute(query)]


# ---- missing marks ---------------------------------------------------------------


@dataclass(frozen=True)
class MissingMark:
    """A cell still empty; `judge_id` None: a measurement item, marked once by anyone."""

    registration_id: int
    code: str
    criterion_key: str
    judge_id: int | None


def event_missing(session: Session, event: Event) -> list[MissingMark]:
    entries = event_entries(session, event, names=False)
    if not entries:
        return []
    judges = [j.user_id for j in event_judges(session, event.id)]
    blocked = blocked_pairs(session, event.id)
    present = {
        (m.registration_id, m.criterion_id, m.judge_id) for m in event_marks(session, event.id)
    }
    measured = {(reg, crit) for reg, crit, _ in present}
    return list(
        _missing(entries, judges, event_criteria(session, event.id), blocked, present, measured)
    )


def _missing(
    entries: Sequence[EntryInfo],
    judges: Sequence[int],
    criteria: Sequence[CriterionInfo],
    blocked: set[tuple[int, int]],
    present: set[tuple[int, int, int]],
    measured: set[tuple[int, int]],
) -> Iterator[MissingMark]:
    for entry in entries:
        for c in criteria:
            if not c.judgement:
                if (entry.id, c.id) not in measured:
                    yield MissingMark(entry.id, entry.code, c.key, None)
                continue
            for judge in judges:
                if (judge, entry.id) not in blocked and (entry.id, c.id, judge) not in present:
                    yield MissingMark(entry.id, entry.code, c.key, judge)


def missing_marks_count(session: Session, competition: Competition) -> int:
    """Marks still missing in the whole competition (the guard before 公示 reads this).

    The lengths of every event's `event_missing` list added up, in one query that loads
    no mark: judgement cells owed less the marks that fill them, plus the measurement
    cells with no mark at all. Owed and filled are counted as `_missing` sees them.
    """
    events = select(Event.id).where(Event.competition_id == competition.id).correlate(None)
    owed = _judgement_owed(competition.id)
    filled = _judgement_marked(events) - _blocked_marked(events)
    query = select(owed - filled + _measurement_missing(events))
    return int(session.scalar(query) or 0)


_JUDGEMENT = CriterionKind.JUDGEMENT.value
_ACTIVE = Registration.status == RegistrationStatus.ACTIVE
_Count = ScalarSelect[int]


def _judged_criteria(event_id: ColumnExpressionArgument[int]) -> Select[int]:
    """The ids of the event's judgement criteria."""
    return (
        select(SchemeCriterion.id)
        .join(SchemeComponent, SchemeComponent.id == SchemeCriterion.component_id)
        .where(SchemeComponent.event_id == event_id, SchemeCriterion.kind == _JUDGEMENT)
    )


def _judgement_owed(competition_id: int) -> _Count:
    """Per event: (active entries × judges − pairs kept apart) × judgement criteria."""
    entries = select(func.count(Registration.id)).where(Registration.event_id == Event.id, _ACTIVE)
    judges = select(func.count(EventJudge.id)).where(EventJudge.event_id == Event.id)
    blocked = (
        select(func.count(JudgeBlock.id))
        .join(EventJudge, EventJudge.id == JudgeBlock.event_judge_id)
        .join(Registration, Registration.id == JudgeBlock.registration_id)
        .where(EventJudge.event_id == Event.id, Registration.event_id == Event.id, _ACTIVE)
    )
    criteria = _judged_criteria(Event.id).with_only_columns(func.count()).scalar_subquery()
    pairs = entries.scalar_subquery() * judges.scalar_subquery() - blocked.scalar_subquery()
    owed = func.coalesce(func.sum(pairs * criteria), 0)
    return select(owed).where(Event.competition_id == competition_id).scalar_subquery()


def _judgement_marked(events: Select[int]) -> _Count:
    """Marks of active entries on their event's judgement criteria by the event's judges.

    Grouped by (criterion, judge, event) before the small tables are consulted, which
    keeps the plan a single pass over the marks on SQLite and PostgreSQL alike.
    """
    cells = (
        select(Mark.criterion_id, Mark.judge_id, Registration.event_id, func.count().label("n"))
        .join(Mark, Mark.registration_id == Registration.id)
        .where(Registration.event_id.in_(events), _ACTIVE)
        .group_by(Mark.criterion_id, Mark.judge_id, Registration.event_id)
        .subquery()
    )
    criterion = _judged_criteria(cells.c.event_id).where(SchemeCriterion.id == cells.c.criterion_id)
    judge = select(EventJudge.id).where(
        EventJudge.event_id == cells.c.event_id, EventJudge.user_id == cells.c.judge_id
    )
    marked = func.coalesce(func.sum(cells.c.n), 0)
    return select(marked).where(criterion.exists(), judge.exists()).scalar_subquery()


def _blocked_marked(events: Select[int]) -> _Count:
    """Of the marks `_judgement_marked` counts, those by a judge kept from the entry:
    they fill no cell that is owed."""
    marks = (
        select(func.count(Mark.id))
        .join(SchemeCriterion, SchemeCriterion.id == Mark.criterion_id)
        .join(SchemeComponent, SchemeComponent.id == SchemeCriterion.component_id)
        .where(
            Mark.registration_id == Registration.id,
            Mark.judge_id == EventJudge.user_id,
            SchemeComponent.event_id == Registration.event_id,
            SchemeCriterion.kind == _JUDGEMENT,
        )
        .scalar_subquery()
    )
    per_block = (
        select(func.coalesce(func.sum(marks), 0))
        .select_from(JudgeBlock)
        .join(EventJudge, EventJudge.id == JudgeBlock.event_judge_id)
        .join(Registration, Registration.id == JudgeBlock.registration_id)
        .where(Registration.event_id == EventJudge.event_id)
        .where(Registration.event_id.in_(events), _ACTIVE)
    )
    return per_block.scalar_subquery()


def _measurement_missing(events: Select[int]) -> _Count:
    """Active entries × their event's measurement criteria with no mark by anyone."""
    marked = select(Mark.id).where(
        Mark.registration_id == Registration.id, Mark.criterion_id == SchemeCriterion.id
    )
    query = (
        select(func.count())
        .select_from(Registration)
        .join(SchemeComponent, SchemeComponent.event_id == Registration.event_id)
        .join(SchemeCriterion, SchemeCriterion.component_id == SchemeComponent.id)
        .where(Registration.event_id.in_(events), _ACTIVE, SchemeCriterion.kind != _JUDGEMENT)
        .where(~marked.exists())
    )
    return query.scalar_subquery()


# ---- spread between judges -------------------------------------------------------

DEFAULT_SPREAD_SHARE = Decimal("0.20")


def spread_limit(
    criterion: CriterionInfo, *, worldskills_spread: Decimal, share: Decimal
) -> Decimal | None:
    """How far judges may differ on a criterion: the scheme's WorldSkills spread (on the
    0–3 scale), else `share` of the item's 配分; None for a measurement item."""
    if not criterion.judgement:
        return None
    if criterion.worldskills:
        return plain(worldskills_spread)
    return criterion.max_mark * share


def beyond(value: Decimal, others: Sequence[Decimal], limit: Decimal | None) -> bool:
    """True when `value` differs from any of `others` by more than `limit`."""
    return limit is not None and any(abs(value - other) > limit for other in others)
