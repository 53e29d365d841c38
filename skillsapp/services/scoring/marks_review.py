"""The chief judge's (裁判长) side of mark entry: judges' sign-off records, all marks side
by side with their spread, returning a judge's marks for correction, and the review
that must come before blind codes are decrypted. Called through `MarkService`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.marks import JudgeSubmission, SubmissionStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marking import (
    MARKS_OPEN,
    CriterionInfo,
    EntryInfo,
    JudgeInfo,
    MarkInfo,
    assignment,
    competition_of,
    event_criteria,
    event_entries,
    event_judges,
    event_marks,
    event_missing,
    get_event,
    require_chief,
    spread_limit,
    submission,
)


@dataclass(frozen=True)
class SubmissionRow:
    event_id: int
    judge_id: int
    status: SubmissionStatus
    submitted_at: dt.datetime | None
    returned_at: dt.datetime | None
    return_reason: str
    chief_reviewed_at: dt.datetime | None


@dataclass(frozen=True)
class PanelJudge:
    user_id: int
    name: str
    chief: bool
    status: SubmissionStatus


@dataclass(frozen=True)
class PanelCell:
    """One criterion of one contestant: a value per judge (in `PanelView.judges` order;
    a measurement item has one, under whoever entered it), the spread between judges
    and whether it passes the limit (see `marks`)."""

    criterion_key: str
    values: tuple[Decimal | None, ...]
    spread: Decimal | None
    limit: Decimal | None
    over_limit: bool


@dataclass(frozen=True)
class PanelRow:
    registration_id: int
    code: str
    name: str  # empty in a blind event
    cells: tuple[PanelCell, ...]


@dataclass(frozen=True)
class PanelView:
    event_id: int
    event_name: str
    blind: bool
    reviewed: bool
    judges: tuple[PanelJudge, ...]
    columns: tuple[CriterionInfo, ...]
    rows: tuple[PanelRow, ...]


def submission_row(found: JudgeSubmission) -> SubmissionRow:
    return SubmissionRow(
        found.event_id,
        found.judge_id,
        found.status,
        found.submitted_at,
        found.returned_at,
        found.return_reason,
        found.chief_reviewed_at,
    )


def require_chief_or_organizer(session: Session, actor: Actor, event_id: int) -> None:
    judge = assignment(session, event_id, actor.user_id)
    if (judge is None or not judge.chief) and not actor.can(Permission.MANAGE_COMPETITIONS):
        raise UserError("chief_judge_required")


def _audit(
    session: Session, actor: Actor, action: str, found: JudgeSubmission, reason: str = ""
) -> None:
    audit.record(
        session,
        actor,
        action=action,
        entity="judge_submission",
        entity_id=found.id,
        new={"event_id": found.event_id, "judge_id": found.judge_id, "status": found.status.value},
        reason=reason,
    )


def sign_off(
    session: Session, actor: Actor, event_id: int, judge_id: int, found: JudgeSubmission | None
) -> SubmissionRow:
    """Record the judge's sign-off (the caller checked that nothing is missing)."""
    if found is None:
        found = JudgeSubmission(event_id=event_id, judge_id=judge_id, return_reason="")
        session.add(found)
    found.status = SubmissionStatus.SUBMITTED
    found.submitted_at = utcnow()
    found.chief_reviewed_at = None
    session.flush()
    _audit(session, actor, "submit", found)
    return submission_row(found)


def return_marks(
    session: Session, actor: Actor, event_id: int, judge_id: int, reason: str
) -> SubmissionRow:
    event = get_event(session, event_id)
    require_chief(session, event_id, actor)
    require_status(competition_of(session, event), MARKS_OPEN)
    if not reason.strip():
        raise UserError("reason_missing")
    found = submission(session, event_id, judge_id)
    if found is None or found.status is not SubmissionStatus.SUBMITTED:
        raise UserError("marks_not_submitted")
    found.status = SubmissionStatus.RETURNED
    found.returned_at = utcnow()
    found.return_reason = reason.strip()
    _unreview(session, event_id)
    session.flush()
    _audit(session, actor, "return", found, reason.strip())
    return submission_row(found)


def _unreview(session: Session, event_id: int) -> None:
    """A returned judge voids the chief judge's review of the event."""
    for found in session.scalars(
        select(JudgeSubmission).where(JudgeSubmission.event_id == event_id)
    ):
        found.chief_reviewed_at = None


def review_done(session: Session, actor: Actor, event_id: int) -> list[SubmissionRow]:
    event = get_event(session, event_id)
    require_chief(session, event_id, actor)
    require_status(competition_of(session, event), MARKS_OPEN)
    judges = event_judges(session, event_id)
    found = {s.judge_id: s for s in _submissions(session, event_id)}
    waiting = [
        j
        for j in judges
        if j.user_id not in found or found[j.user_id].status is not SubmissionStatus.SUBMITTED
    ]
    if waiting:
        raise UserError("judges_not_submitted", count=len(waiting))
    missing = event_missing(session, event)
    if missing:
        raise UserError("marks_missing", count=len(missing))
    now = utcnow()
    for row in found.values():
        row.chief_reviewed_at = now
    session.flush()
    audit.record(session, actor, action="review", entity="event", entity_id=event_id)
    return [submission_row(found[j.user_id]) for j in judges]


def _submissions(session: Session, event_id: int) -> list[JudgeSubmission]:
    query = select(JudgeSubmission).where(JudgeSubmission.event_id == event_id)
    return list(session.scalars(query))


def panel(session: Session, actor: Actor, event_id: int, share: Decimal) -> PanelView:
    event = get_event(session, event_id)
    require_chief_or_organizer(session, actor, event_id)
    judges = event_judges(session, event_id)
    statuses = {s.judge_id: s for s in _submissions(session, event_id)}
    reviewed = bool(statuses) and all(s.chief_reviewed_at for s in statuses.values())
    columns = tuple(event_criteria(session, event_id))
    limits = {
        c.id: spread_limit(c, worldskills_spread=event.worldskills_max_spread, share=share)
        for c in columns
    }
    table = _Table(judges, event_marks(session, event_id), limits)
    rows = tuple(
        table.row(e, columns) for e in event_entries(session, event, names=not event.blind)
    )
    panel_judges = tuple(
        PanelJudge(
            j.user_id,
            j.name,
            j.chief,
            statuses[j.user_id].status if j.user_id in statuses else SubmissionStatus.OPEN,
        )
        for j in judges
    )
    return PanelView(event.id, event.name, event.blind, reviewed, panel_judges, columns, rows)


class _Table:
    def __init__(
        self,
        judges: Sequence[JudgeInfo],
        marks: Sequence[MarkInfo],
        limits: dict[int, Decimal | None],
    ) -> None:
        self._judges = [j.user_id for j in judges]
        self._limits = limits
        self._values: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
        for mark in marks:
            self._values[(mark.registration_id, mark.criterion_id)][mark.judge_id] = mark.value

    def row(self, entry: EntryInfo, columns: Sequence[CriterionInfo]) -> PanelRow:
        return PanelRow(
            entry.id, entry.code, entry.name, tuple(self._cell(entry, c) for c in columns)
        )

    def _cell(self, entry: EntryInfo, criterion: CriterionInfo) -> PanelCell:
        by_judge = self._values.get((entry.id, criterion.id), {})
        values = tuple(by_judge.get(j) for j in self._judges)
        limit = self._limits[criterion.id]
        present = [v for v in values if v is not None]
        if limit is None or len(present) < 2:
            return PanelCell(criterion.key, values, None, limit, False)
        spread = max(present) - min(present)
        return PanelCell(criterion.key, values, spread, limit, spread > limit)
