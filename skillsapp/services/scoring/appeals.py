"""Appeals (申诉): filed against a contestant's result, re-marked, ruled on.

An appeal is recorded while the competition is 比赛 or 公示. The deadline (the
competition's `appeal_hours`, 2 by default) runs from the end of the event, taken as
the last sign-off of its judges; a late appeal is recorded and flagged, never
refused. While an appeal is open the chief judge (or an organizer) may re-mark: the
mark keeps its old value, the new one, who, when and why (MarkChange kind APPEAL).
The ruling is final; 已定 is refused while any appeal is open. After an upheld
appeal in 公示 the organizer republishes (a new snapshot and notice period).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import Competition, CompetitionStatus, Event, Registration
from skillsapp.domain.marks import (
    Appeal,
    AppealStatus,
    ChangeKind,
    JudgeSubmission,
    Mark,
    MarkChange,
    MarkSource,
)
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import get_competition, require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marking import check_value, criterion_by_key, plain, require_judge
from skillsapp.services.scoring.marks_review import require_chief_or_organizer
from skillsapp.storage.database import Database

APPEALS_OPEN = frozenset({CompetitionStatus.SCORING, CompetitionStatus.REVIEW})


@dataclass(frozen=True)
class AppealRow:
    id: int
    registration_id: int
    event_id: int
    event: str
    bib: str
    name: str
    appellant: str
    text: str
    filed_at: dt.datetime
    deadline: dt.datetime | None  # None: the event has not ended (no judge signed off)
    late: bool
    status: AppealStatus
    decision: str
    decided_at: dt.datetime | None


@dataclass(frozen=True)
class RemarkRow:
    """A mark changed on appeal: old and new value, who, when, why."""

    mark_id: int
    registration_id: int
    criterion: str
    judge_id: int
    old: Decimal | None
    new: Decimal
    who: str
    at: dt.datetime
    reason: str


class AppealService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def file(self, registration_id: int, text: str, appellant: str) -> AppealRow:
        """Record a written appeal; a late one is flagged, not refused."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        if not text.strip():
            raise UserError("appeal_text_required")
        with self._db.transaction() as session:
            registration = _registration(session, registration_id)
            require_status(_competition(session, registration), APPEALS_OPEN)
            appeal = Appeal(
                registration_id=registration_id,
                text=text.strip(),
                appellant=appellant.strip(),
                filed_at=utcnow(),
            )
            session.add(appeal)
            session.flush()
            row = _row(session, appeal)
            new = {"registration_id": registration_id, "appellant": appeal.appellant}
            self._audit(session, "file", appeal, new=new | {"late": row.late})
            return row

    def remark(
        self, appeal_id: int, judge_id: int, criterion_key: str, value: Decimal, reason: str
    ) -> RemarkRow:
        """Change (or enter) one judge's mark of the appellant, with the reason."""
        if not reason.strip():
            raise UserError("reason_missing")
        with self._db.transaction() as session:
            appeal, registration = self._open_appeal(session, appeal_id)
            require_chief_or_organizer(session, self._actor, registration.event_id)
            require_judge(session, registration.event_id, judge_id)
            criterion = criterion_by_key(session, registration.event_id, criterion_key)
            check_value(criterion, value)
            mark, old = _mark(session, registration.id, criterion.id, judge_id)
            mark.value, mark.corrected = value, True
            mark.entered_by, mark.entered_at = self._actor.user_id, utcnow()
            session.flush()
            change = self._change(mark, old, value, reason.strip())
            session.add(change)
            session.flush()
            self._audit_remark(session, appeal, mark, criterion_key, old, change)
            return _remark_row(mark, criterion_key, old, change)

    def decide(self, appeal_id: int, upheld: bool, decision: str) -> AppealRow:
        """The ruling (final): upheld or rejected, with its written decision."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        if not decision.strip():
            raise UserError("appeal_decision_required")
        with self._db.transaction() as session:
            appeal, _ = self._open_appeal(session, appeal_id)
            appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.REJECTED
            appeal.decision = decision.strip()
            appeal.decided_at, appeal.decided_by = utcnow(), self._actor.user_id
            session.flush()
            self._audit(session, "decide", appeal, new={"status": appeal.status.value})
            return _row(session, appeal)

    def appeals(self, competition_id: int) -> list[AppealRow]:
        """Every appeal of the competition, oldest first."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_competition(session, competition_id)
            query = (
                select(Appeal)
                .join(Registration, Registration.id == Appeal.registration_id)
                .join(Event, Event.id == Registration.event_id)
                .where(Event.competition_id == competition_id)
                .order_by(Appeal.filed_at, Appeal.id)
            )
            return [_row(session, a) for a in session.scalars(query)]

    def _open_appeal(self, session: Session, appeal_id: int) -> tuple[Appeal, Registration]:
        appeal = session.get(Appeal, appeal_id)
        if appeal is None:
            raise NotFound(entity="appeal", id=appeal_id)
        registration = _registration(session, appeal.registration_id)
        require_status(_competition(session, registration), APPEALS_OPEN)
        if appeal.status is not AppealStatus.OPEN:
            raise UserError("appeal_closed", status=appeal.status.value)
        return appeal, registration

    def _change(self, mark: Mark, old: Decimal | None, new: Decimal, reason: str) -> MarkChange:
        return MarkChange(
            mark_id=mark.id,
            old_value=old,
            new_value=new,
            kind=ChangeKind.APPEAL,
            changed_by=self._actor.user_id,
            actor=self._actor.display_name or self._actor.name,
            reason=reason,
        )

    def _audit_remark(
        self,
        session: Session,
        appeal: Appeal,
        mark: Mark,
        key: str,
        old: Decimal | None,
        change: MarkChange,
    ) -> None:
        values = {"appeal_id": appeal.id, "criterion": key, "judge_id": mark.judge_id}
        audit.record(
            session,
            self._actor,
            action="remark",
            entity="mark",
            entity_id=mark.id,
            old=None if old is None else {"value": audit.plain(old)},
            new=values | {"value": audit.plain(change.new_value)},
            reason=change.reason,
        )

    def _audit(self, session: Session, action: str, appeal: Appeal, **values: Any) -> None:
        audit.record(
            session, self._actor, action=action, entity="appeal", entity_id=appeal.id, **values
        )


def _registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(entity="registration", id=registration_id)
    return registration


def _competition(session: Session, registration: Registration) -> Competition:
    event = session.get(Event, registration.event_id)
    assert event is not None  # a foreign key
    return get_competition(session, event.competition_id)


def _mark(
    session: Session, registration_id: int, criterion_id: int, judge_id: int
) -> tuple[Mark, Decimal | None]:
    """The judge's mark of the cell and its value; a new mark (old value None) if none."""
    query = select(Mark).where(
        Mark.registration_id == registration_id,
        Mark.criterion_id == criterion_id,
        Mark.judge_id == judge_id,
    )
    mark = session.scalar(query)
    if mark is not None:
        return mark, plain(mark.value)
    mark = Mark(
        registration_id=registration_id,
        criterion_id=criterion_id,
        judge_id=judge_id,
        source=MarkSource.GRID,
    )
    session.add(mark)
    return mark, None


def _remark_row(mark: Mark, key: str, old: Decimal | None, change: MarkChange) -> RemarkRow:
    return RemarkRow(
        mark_id=mark.id,
        registration_id=mark.registration_id,
        criterion=key,
        judge_id=mark.judge_id,
        old=old,
        new=plain(mark.value),
        who=change.actor,
        at=change.at,
        reason=change.reason,
    )


def _row(session: Session, appeal: Appeal) -> AppealRow:
    registration = _registration(session, appeal.registration_id)
    event = session.get(Event, registration.event_id)
    person = session.get(Person, registration.person_id)
    assert event is not None and person is not None  # foreign keys
    deadline = _deadline(session, event)
    return AppealRow(
        id=appeal.id,
        registration_id=registration.id,
        event_id=event.id,
        event=event.name,
        bib=registration.bib or "",
        name=person.name,
        appellant=appeal.appellant,
        text=appeal.text,
        filed_at=appeal.filed_at,
        deadline=deadline,
        late=deadline is not None and appeal.filed_at > deadline,
        status=appeal.status,
        decision=appeal.decision,
        decided_at=appeal.decided_at,
    )


def _deadline(session: Session, event: Event) -> dt.datetime | None:
    """The event's end (its judges' last sign-off) plus the competition's appeal hours."""
    ended = session.scalar(
        select(func.max(JudgeSubmission.submitted_at)).where(JudgeSubmission.event_id == event.id)
    )
    if ended is None:
        return None
    hours = event.competition.appeal_hours
    return ended.astimezone(dt.UTC) + dt.timedelta(hours=hours)
