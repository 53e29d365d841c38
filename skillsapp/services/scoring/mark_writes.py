"""Writing marks with their history and audit, and checking many cells at once (a
keyed paper sheet, an imported score sheet) against the same rules as the grid."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import Event, Registration
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange, MarkSource
from skillsapp.errors import UserError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marking import (
    CriterionInfo,
    EntryInfo,
    blocked_pairs,
    event_criteria,
    event_entries,
    plain,
    value_problem,
)

Cell = tuple[int, str]  # (registration id, criterion key)


@dataclass(frozen=True)
class MarkInput:
    registration_id: int
    criterion: CriterionInfo
    judge_id: int
    value: Decimal
    source: MarkSource
    kind: ChangeKind


def _audit_change(mark: Mark, old: Decimal | None, item: MarkInput, reason: str) -> audit.Change:
    new = {
        "value": audit.plain(item.value),
        "registration_id": item.registration_id,
        "criterion": item.criterion.key,
        "judge_id": item.judge_id,
        "source": item.source.value,
        "kind": item.kind.value,
    }
    old_values = None if old is None else {"value": audit.plain(plain(old))}
    action = "create" if old is None else "update"
    return audit.Change(action, "mark", mark.id, old_values, new, reason)


def _apply(session: Session, actor: Actor, existing: Mark | None, item: MarkInput) -> Mark:
    corrected = item.kind is ChangeKind.CORRECTION
    if existing is None:
        mark = Mark(
            registration_id=item.registration_id,
            criterion_id=item.criterion.id,
            judge_id=item.judge_id,
            corrected=corrected,
        )
        session.add(mark)
    else:
        mark = existing
        mark.corrected = mark.corrected or corrected
    mark.value, mark.source = item.value, item.source
    mark.entered_by, mark.entered_at = actor.user_id, utcnow()
    return mark


def write_marks(
    session: Session,
    actor: Actor,
    writes: Sequence[tuple[Mark | None, MarkInput]],
    *,
    reason: str = "",
) -> list[Mark]:
    """Create or change marks, each with its history line and audit entry; a value
    equal to the stored one is left alone. Returns the marks written."""
    changing = [(m, None if m is None else m.value, i) for m, i in writes]
    done = [
        (_apply(session, actor, mark, item), old, item)
        for mark, old, item in changing
        if old is None or old != item.value
    ]
    session.flush()  # ids for new marks, versions for changed ones
    session.add_all(
        MarkChange(
            mark_id=mark.id,
            old_value=old,
            new_value=item.value,
            kind=item.kind,
            changed_by=actor.user_id,
            actor=actor.name,
            reason=reason,
        )
        for mark, old, item in done
    )
    audit.record_many(
        session, actor, [_audit_change(m, old, item, reason) for m, old, item in done]
    )
    return [mark for mark, _, _ in done]


def clear_mark(session: Session, actor: Actor, mark: Mark, criterion: CriterionInfo) -> None:
    """Remove a mark (before sign-off only). The row goes with its history: the value
    column cannot be empty; the audit entry keeps the old value."""
    old = {"value": audit.plain(plain(mark.value)), "criterion": criterion.key}
    old |= {"registration_id": mark.registration_id, "judge_id": mark.judge_id}
    session.delete(mark)
    session.flush()
    audit.record(session, actor, action="delete", entity="mark", entity_id=mark.id, old=old)


Write = tuple[Mark | None, MarkInput]


@dataclass(frozen=True)
class CellRules:
    """The event's active entries, its criteria and one judge's blocks."""

    event: Event
    judge_id: int
    entries: Mapping[int, EntryInfo]
    criteria: Mapping[str, CriterionInfo]
    blocked: frozenset[int]

    @classmethod
    def load(cls, session: Session, event: Event, judge_id: int) -> CellRules:
        entries = {e.id: e for e in event_entries(session, event, names=False)}
        criteria = {c.key: c for c in event_criteria(session, event.id)}
        blocked = frozenset(r for j, r in blocked_pairs(session, event.id) if j == judge_id)
        return cls(event, judge_id, entries, criteria, blocked)

    def entry_problem(self, registration_id: int) -> UserError | None:
        """Why the judge cannot mark this entry at all, or None."""
        if registration_id not in self.entries:
            return UserError("registration_not_in_event", event=self.event.name)
        if registration_id in self.blocked:
            return UserError("judge_blocked")
        return None

    def problem(self, cell: Cell, value: Decimal | None) -> UserError | None:
        """Why the judge cannot have `value` in `cell`, or None."""
        registration_id, key = cell
        entry_problem = self.entry_problem(registration_id)
        if entry_problem is not None:
            return entry_problem
        criterion = self.criteria.get(key)
        if criterion is None:
            return UserError("criterion_unknown", key=key)
        return None if value is None else value_problem(criterion, value)

    def problems(self, values: Mapping[Cell, Decimal | None]) -> list[tuple[Cell, UserError]]:
        found = ((cell, self.problem(cell, value)) for cell, value in values.items())
        return [(cell, problem) for cell, problem in found if problem is not None]

    def plan(
        self,
        session: Session,
        values: Mapping[Cell, Decimal],
        *,
        source: MarkSource,
        kind: ChangeKind,
    ) -> tuple[list[Write], list[tuple[Cell, UserError]]]:
        """The writes that put `values` (checked cells) in as the judge's marks, and the
        cells refused: a measurement item another judge holds with another value."""
        own, measured = self._marks(session)
        writes: list[Write] = []
        refused: list[tuple[Cell, UserError]] = []
        for cell, value in values.items():
            criterion = self.criteria[cell[1]]
            at = (cell[0], criterion.id)
            existing = own.get(at) if criterion.judgement else measured.get(at)
            if existing is not None and existing.judge_id != self.judge_id:
                if existing.value != value:
                    refused.append((cell, UserError("mark_held_by_other")))
                continue
            item = MarkInput(cell[0], criterion, self.judge_id, value, source, kind)
            writes.append((existing, item))
        return writes, refused

    def _marks(
        self, session: Session
    ) -> tuple[dict[tuple[int, int], Mark], dict[tuple[int, int], Mark]]:
        """The judge's marks, and the one mark of every measurement item, by cell."""
        measurement = [c.id for c in self.criteria.values() if not c.judgement]
        query = (
            select(Mark)
            .join(Registration, Registration.id == Mark.registration_id)
            .where(Registration.event_id == self.event.id)
            .where(or_(Mark.judge_id == self.judge_id, Mark.criterion_id.in_(measurement)))
            .order_by(Mark.id)
        )
        own: dict[tuple[int, int], Mark] = {}
        measured: dict[tuple[int, int], Mark] = {}
        for mark in session.scalars(query):
            at = (mark.registration_id, mark.criterion_id)
            if mark.criterion_id in measurement:
                measured.setdefault(at, mark)
            if mark.judge_id == self.judge_id:
                own[at] = mark
        return own, measured


def current_value(mark: Mark | None) -> Decimal | None:
    return None if mark is None else plain(mark.value)
