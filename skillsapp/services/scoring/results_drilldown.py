"""A contestant's drill-down: every criterion, every judge's mark, its whole history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from skillsapp.domain.competitions import Registration
from skillsapp.domain.marks import ChangeKind, ContestantScore, Mark, MarkChange, MarkSource
from skillsapp.domain.scoring import (
    Aggregation,
    Criterion,
    CriterionKind,
    Scheme,
    score_criterion,
    trimmed_indices,
)
from skillsapp.errors import NotFound
from skillsapp.services.scoring.results import EventComputation, plain
from skillsapp.services.scoring.results_read import judge_names, shown, text


@dataclass(frozen=True)
class MarkChangeRow:
    at: dt.datetime
    kind: ChangeKind
    old: Decimal | None
    new: Decimal | None
    who: str
    reason: str


@dataclass(frozen=True)
class JudgeMarkRow:
    """One judge's mark on one criterion; `value` None: still missing."""

    judge_id: int
    judge: str
    value: Decimal | None
    source: MarkSource | None
    entered_at: dt.datetime | None
    dropped: str | None  # "high" / "low" when a trimmed mean left it out
    history: tuple[MarkChangeRow, ...]


@dataclass(frozen=True)
class CriterionDrillRow:
    component: str
    key: str
    name: str
    max_mark: Decimal
    kind: CriterionKind
    aggregation: Aggregation
    deduction: bool
    mark: str | None  # the criterion's mark, rounded for display; None: no marks yet
    judges: tuple[JudgeMarkRow, ...]


@dataclass(frozen=True)
class ContestantDrilldown:
    registration_id: int
    event_id: int
    event_name: str
    bib: str
    person_id: int | None
    name: str
    unit: str
    rank: int | None
    total: str
    award: str | None
    components: tuple[tuple[str, str], ...]  # (component name, score)
    time_used: Decimal | None
    disqualified: bool
    criteria: tuple[CriterionDrillRow, ...]


def get_registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(entity="registration", id=registration_id)
    return registration


def drilldown(
    session: Session, computation: EventComputation, registration_id: int
) -> ContestantDrilldown:
    """Every criterion, every judge's mark and its whole history, for one contestant."""
    [row] = [r for r in computation.ranked if r.contestant_id == registration_id]
    contestant = computation.contestants[registration_id]
    bib, person_id, name, unit = shown(computation, contestant)
    marks = _marks_with_history(session, registration_id)
    names = judge_names(session, [*computation.panel, *(m.judge_id for m in marks)])
    score = session.get(ContestantScore, registration_id)
    return ContestantDrilldown(
        registration_id=registration_id,
        event_id=computation.event_id,
        event_name=computation.event_name,
        bib=bib,
        person_id=person_id,
        name=name,
        unit=unit,
        rank=row.rank,
        total=text(row.total),
        award=computation.awards.get(registration_id),
        components=tuple(
            (c.name, text(row.score.components_rounded[c.key]))
            for c in computation.scheme.components
        ),
        time_used=plain(score.time_used) if score and score.time_used is not None else None,
        disqualified=row.disqualified,
        criteria=tuple(_criterion_rows(computation, registration_id, marks, names)),
    )


def _marks_with_history(session: Session, registration_id: int) -> list[Mark]:
    query = (
        select(Mark)
        .where(Mark.registration_id == registration_id)
        .options(selectinload(Mark.history))
        .order_by(Mark.judge_id)
    )
    return list(session.scalars(query))


def _criterion_rows(
    computation: EventComputation,
    registration_id: int,
    marks: Sequence[Mark],
    names: Mapping[int, str],
) -> list[CriterionDrillRow]:
    by_key = _by_criterion(computation, marks)
    rows = []
    for component, criterion in computation.scheme.criteria():
        own = sorted(by_key.get(criterion.key, []), key=lambda m: m.judge_id)
        dropped = _dropped(computation.scheme, criterion, own)
        judges = [_judge_row(m, names, dropped) for m in own]
        if criterion.kind is CriterionKind.JUDGEMENT:
            judges += _owed(computation, registration_id, criterion.key, names)
        rows.append(
            CriterionDrillRow(
                component=component.name,
                key=criterion.key,
                name=criterion.name,
                max_mark=criterion.max_mark,
                kind=criterion.kind,
                aggregation=criterion.aggregation,
                deduction=criterion.deduction,
                mark=_mark_text(computation.scheme, criterion, own),
                judges=tuple(judges),
            )
        )
    return rows


def _by_criterion(computation: EventComputation, marks: Sequence[Mark]) -> dict[str, list[Mark]]:
    grouped: dict[str, list[Mark]] = {}
    for mark in marks:
        key = computation.criterion_ids.get(mark.criterion_id)
        if key is not None:
            grouped.setdefault(key, []).append(mark)
    return grouped


def _dropped(scheme: Scheme, criterion: Criterion, marks: Sequence[Mark]) -> dict[int, str]:
    """judge id → "high"/"low" for the marks a trimmed mean leaves out."""
    trimmed = criterion.aggregation is Aggregation.TRIMMED_MEAN
    if criterion.kind is not CriterionKind.JUDGEMENT or not trimmed:
        return {}
    if len(marks) < scheme.trim_threshold:
        return {}
    values = [_judge_mark(criterion, m.value) for m in marks]
    high, low = trimmed_indices(values)
    return {marks[high].judge_id: "high", marks[low].judge_id: "low"}


def _judge_mark(criterion: Criterion, value: Decimal) -> Fraction:
    if criterion.deduction:
        return max(Fraction(0), Fraction(criterion.max_mark) - Fraction(value))
    return Fraction(value)


def _mark_text(scheme: Scheme, criterion: Criterion, marks: Sequence[Mark]) -> str | None:
    if not marks:
        return None
    mark = score_criterion(scheme, criterion, [m.value for m in marks])
    return text(scheme.rounding.apply(mark.exact))


def _judge_row(mark: Mark, names: Mapping[int, str], dropped: Mapping[int, str]) -> JudgeMarkRow:
    return JudgeMarkRow(
        judge_id=mark.judge_id,
        judge=names.get(mark.judge_id, ""),
        value=plain(mark.value),
        source=mark.source,
        entered_at=mark.entered_at,
        dropped=dropped.get(mark.judge_id),
        history=tuple(_change_row(c, names) for c in mark.history),
    )


def _change_row(change: MarkChange, names: Mapping[int, str]) -> MarkChangeRow:
    who = names.get(change.changed_by, "") if change.changed_by is not None else ""
    old = None if change.old_value is None else plain(change.old_value)
    new = None if change.new_value is None else plain(change.new_value)
    return MarkChangeRow(change.at, change.kind, old, new, who or change.actor, change.reason)


def _owed(
    computation: EventComputation, registration_id: int, key: str, names: Mapping[int, str]
) -> list[JudgeMarkRow]:
    return [
        JudgeMarkRow(m.judge_id, names.get(m.judge_id, ""), None, None, None, None, ())
        for m in computation.missing
        if m.registration_id == registration_id and m.criterion == key and m.judge_id is not None
    ]
