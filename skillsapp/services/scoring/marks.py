"""Judge mode: a judge's events, the mark entry grid (`marks_grid`), saving one mark,
sign-off; the chief judge's review (`marks_review`) and the contestant inputs beside
the marks (time used, 失格).

Every accepted mark is committed the moment it is saved, with its history line and an
audit entry. Marks are written only while the competition is in 比赛 (scoring). See
`marking` for the value rules and how measurement items are marked once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.marks import (
    ContestantScore,
    JudgeSubmission,
    Mark,
    MarkSource,
    SubmissionStatus,
)
from skillsapp.domain.roles import Permission
from skillsapp.errors import Conflict, NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring import marks_review
from skillsapp.services.scoring.mark_writes import MarkInput, clear_mark, write_marks
from skillsapp.services.scoring.marking import (
    DEFAULT_SPREAD_SHARE,
    MARKS_OPEN,
    CriterionInfo,
    MissingMark,
    assignment,
    beyond,
    change_kind,
    check_value,
    competition_of,
    criterion_by_key,
    event_missing,
    get_event,
    missing_marks_count,
    plain,
    require_judge,
    spread_limit,
    submission,
    user_id_of,
)
from skillsapp.services.scoring.marks_grid import CellState, GridCell, MarkGrid, build_grid
from skillsapp.services.scoring.marks_review import PanelView, SubmissionRow
from skillsapp.storage.database import Database

__all__ = [
    "CellState",
    "GridCell",
    "MarkGrid",
    "MissingMark",
    "PanelView",
    "SubmissionRow",
    "missing_marks_count",
]


@dataclass(frozen=True)
class JudgeEventRow:
    """An event assigned to the judge, with the judge's sign-off."""

    event_id: int
    event_name: str
    competition_id: int
    competition_name: str
    competition_status: CompetitionStatus
    chief: bool
    blind: bool
    submission: SubmissionStatus
    submitted_at: dt.datetime | None
    return_reason: str


@dataclass(frozen=True)
class ContestantScoreRow:
    registration_id: int
    time_used: Decimal | None
    disqualified: bool
    reason: str
    version: int


@dataclass(frozen=True)
class _Saving:
    """What one save needs to know, read in one query."""

    competition: Competition
    status: SubmissionStatus | None
    worldskills_spread: Decimal


class MarkService:
    def __init__(
        self, db: Database, actor: Actor, *, spread_share: Decimal = DEFAULT_SPREAD_SHARE
    ) -> None:
        self._db = db
        self._actor = actor
        self._share = spread_share

    # ---- the judge ----------------------------------------------------------

    def judge_events(self, user_id: int | None = None) -> list[JudgeEventRow]:
        """The events assigned to the acting judge (or, for staff, to `user_id`)."""
        target = user_id_of(self._actor) if user_id is None else user_id
        if target != self._actor.user_id:
            self._actor.require(Permission.VIEW_COMPETITIONS)
        query = (
            select(EventJudge, Event, Competition, JudgeSubmission)
            .join(Event, Event.id == EventJudge.event_id)
            .join(Competition, Competition.id == Event.competition_id)
            .outerjoin(
                JudgeSubmission,
                and_(JudgeSubmission.event_id == Event.id, JudgeSubmission.judge_id == target),
            )
            .where(EventJudge.user_id == target)
            .order_by(Competition.start_date.desc(), Competition.id.desc(), Event.position)
        )
        with self._db.reading() as session:
            return [_event_row(*row) for row in session.execute(query)]

    def grid(self, event_id: int) -> MarkGrid:
        """The acting judge's grid: contestants in start order × the event's criteria."""
        judge_id = user_id_of(self._actor)
        with self._db.reading() as session:
            event = get_event(session, event_id)
            require_judge(session, event_id, judge_id)
            return build_grid(session, event, judge_id, self._share)

    def save_mark(
        self,
        event_id: int,
        registration_id: int,
        criterion_key: str,
        value: Decimal | None,
        *,
        expected_version: int | None = None,
    ) -> GridCell:
        """Check and commit one mark at once; None clears it (before sign-off only).

        `expected_version` is the cell's version as shown (None: do not check)."""
        judge_id = user_id_of(self._actor)
        try:
            with self._db.transaction() as session:
                saving = _saving(session, event_id, registration_id, judge_id)
                criterion = criterion_by_key(session, event_id, criterion_key)
                kind = change_kind(saving.status)
                if value is not None:
                    check_value(criterion, value)
                mark = _own_mark(session, registration_id, criterion, judge_id)
                if expected_version is not None and (
                    mark is None or mark.version != expected_version
                ):
                    raise Conflict(entity="mark", id=registration_id)
                if value is None:
                    return self._clear(session, registration_id, mark, criterion, saving)
                item = MarkInput(registration_id, criterion, judge_id, value, MarkSource.GRID, kind)
                written = write_marks(session, self._actor, [(mark, item)])
                saved = written[0] if written else mark
                assert saved is not None  # a new mark is always written
                return self._saved_cell(session, saved, criterion, saving)
        except StaleDataError as exc:
            raise Conflict(entity="mark", id=registration_id) from exc

    def _clear(
        self,
        session: Session,
        registration_id: int,
        mark: Mark | None,
        criterion: CriterionInfo,
        saving: _Saving,
    ) -> GridCell:
        """Clear the judge's mark; a correction (after a return) may change it, not clear it."""
        if mark is None:
            return GridCell(registration_id, criterion.key, None, CellState.EMPTY, None, True)
        if saving.status is SubmissionStatus.RETURNED:
            raise UserError("mark_cannot_clear")
        clear_mark(session, self._actor, mark, criterion)
        return GridCell(registration_id, criterion.key, None, CellState.EMPTY, None, True)

    def _saved_cell(
        self, session: Session, mark: Mark, criterion: CriterionInfo, saving: _Saving
    ) -> GridCell:
        state = CellState.CORRECTED if mark.corrected else CellState.SAVED
        if saving.status is SubmissionStatus.RETURNED:
            limit = spread_limit(
                criterion, worldskills_spread=saving.worldskills_spread, share=self._share
            )
            if beyond(mark.value, _others(session, mark), limit):
                state = CellState.OUT_OF_SPREAD
        value = plain(mark.value)
        return GridCell(mark.registration_id, criterion.key, value, state, mark.version, True)

    def submit(self, event_id: int) -> SubmissionRow:
        """The judge signs off; refused while any of the judge's cells is empty."""
        judge_id = user_id_of(self._actor)
        with self._db.transaction() as session:
            event = get_event(session, event_id)
            judge = require_judge(session, event_id, judge_id)
            require_status(competition_of(session, event), MARKS_OPEN)
            found = submission(session, event_id, judge_id)
            if found is not None and found.status is SubmissionStatus.SUBMITTED:
                raise UserError("marks_already_submitted")
            missing = [
                m
                for m in event_missing(session, event)
                if m.judge_id == judge_id or (m.judge_id is None and judge.chief)
            ]
            if missing:
                raise UserError("marks_missing", count=len(missing))
            return marks_review.sign_off(session, self._actor, event_id, judge_id, found)

    def missing_marks(self, event_id: int) -> list[MissingMark]:
        """Every empty cell of the event (judge None: a measurement item)."""
        with self._db.reading() as session:
            event = get_event(session, event_id)
            if assignment(session, event_id, self._actor.user_id) is None:
                self._actor.require(Permission.VIEW_COMPETITIONS)
            return event_missing(session, event)

    # ---- the chief judge ----------------------------------------------------

    def panel(self, event_id: int) -> PanelView:
        """All judges' marks side by side (the chief judge, or an organizer)."""
        with self._db.reading() as session:
            return marks_review.panel(session, self._actor, event_id, self._share)

    def return_marks(self, event_id: int, judge_id: int, reason: str) -> SubmissionRow:
        """Send a judge's submitted marks back for correction (chief judge; audited)."""
        with self._db.transaction() as session:
            return marks_review.return_marks(session, self._actor, event_id, judge_id, reason)

    def review_done(self, event_id: int) -> list[SubmissionRow]:
        """The chief judge has reviewed every judge's marks (needed before decrypting)."""
        with self._db.transaction() as session:
            return marks_review.review_done(session, self._actor, event_id)

    # ---- beside the marks: time used, disqualification ----------------------

    def set_time_used(self, registration_id: int, minutes: Decimal | None) -> ContestantScoreRow:
        if minutes is not None and (not minutes.is_finite() or minutes < 0):
            raise UserError("value_negative")
        return self._contestant(registration_id, "time_used", {"time_used": minutes}, "")

    def disqualify(self, registration_id: int, reason: str) -> ContestantScoreRow:
        """失格: the entry is scored but not ranked; a reason is required."""
        if not reason.strip():
            raise UserError("reason_missing")
        values = {"disqualified": True, "disqualified_reason": reason.strip()}
        return self._contestant(registration_id, "disqualify", values, reason.strip())

    def reinstate(self, registration_id: int, reason: str = "") -> ContestantScoreRow:
        values = {"disqualified": False, "disqualified_reason": ""}
        return self._contestant(registration_id, "reinstate", values, reason.strip())

    def _contestant(
        self, registration_id: int, action: str, values: dict[str, Any], reason: str
    ) -> ContestantScoreRow:
        with self._db.transaction() as session:
            entry = session.get(Registration, registration_id)
            if entry is None:
                raise NotFound(entity="registration", id=registration_id)
            event = get_event(session, entry.event_id)
            marks_review.require_chief_or_organizer(session, self._actor, event.id)
            require_status(competition_of(session, event), MARKS_OPEN)
            score = session.get(ContestantScore, registration_id)
            if score is None:
                score = ContestantScore(registration_id=registration_id, disqualified=False)
                session.add(score)
            before = audit.snapshot(score, values)
            for key, value in values.items():
                setattr(score, key, value)
            session.flush()
            old, new = audit.changed(before, audit.snapshot(score, values))
            audit.record(
                session,
                self._actor,
                action=action,
                entity="contestant_score",
                entity_id=registration_id,
                old=old,
                new=new,
                reason=reason,
            )
            return _score_row(score)


def _saving(session: Session, event_id: int, registration_id: int, judge_id: int) -> _Saving:
    """Checks of one save in one indexed query: assigned, open, active, not kept apart."""
    query = (
        select(Registration, Competition, EventJudge.id, JudgeSubmission.status, JudgeBlock.id)
        .add_columns(Event.worldskills_max_spread)
        .join(Event, Event.id == Registration.event_id)
        .join(Competition, Competition.id == Event.competition_id)
        .outerjoin(
            EventJudge, and_(EventJudge.event_id == Event.id, EventJudge.user_id == judge_id)
        )
        .outerjoin(
            JudgeSubmission,
            and_(JudgeSubmission.event_id == Event.id, JudgeSubmission.judge_id == judge_id),
        )
        .outerjoin(
            JudgeBlock,
            and_(
                JudgeBlock.event_judge_id == EventJudge.id,
                JudgeBlock.registration_id == Registration.id,
            ),
        )
        .where(Registration.id == registration_id, Registration.event_id == event_id)
    )
    found = session.execute(query).first()
    if found is None:
        raise UserError("registration_not_in_event", event=get_event(session, event_id).name)
    entry, competition, assigned, status, block, spread = found
    if assigned is None:
        raise UserError("judge_not_assigned", user_id=judge_id)
    require_status(competition, MARKS_OPEN)
    if entry.status is not RegistrationStatus.ACTIVE:
        raise UserError("registration_not_active")
    if block is not None:
        raise UserError("judge_blocked")
    return _Saving(competition, status, spread)


def _own_mark(
    session: Session, registration_id: int, criterion: CriterionInfo, judge_id: int
) -> Mark | None:
    """The judge's mark; for a measurement item the one mark, refused if another holds it."""
    query = select(Mark).where(
        Mark.registration_id == registration_id, Mark.criterion_id == criterion.id
    )
    if criterion.judgement:
        return session.scalar(query.where(Mark.judge_id == judge_id))
    mark = session.scalars(query.order_by(Mark.id)).first()
    if mark is not None and mark.judge_id != judge_id:
        raise UserError("mark_held_by_other")
    return mark


def _others(session: Session, mark: Mark) -> list[Decimal]:
    query = select(Mark.value).where(
        Mark.registration_id == mark.registration_id,
        Mark.criterion_id == mark.criterion_id,
        Mark.judge_id != mark.judge_id,
    )
    return list(session.scalars(query))


def _event_row(
    judge: EventJudge, event: Event, competition: Competition, found: JudgeSubmission | None
) -> JudgeEventRow:
    return JudgeEventRow(
        event_id=event.id,
        event_name=event.name,
        competition_id=competition.id,
        competition_name=competition.name,
        competition_status=competition.status,
        chief=judge.chief,
        blind=event.blind,
        submission=found.status if found else SubmissionStatus.OPEN,
        submitted_at=found.submitted_at if found else None,
        return_reason=found.return_reason if found else "",
    )


def _score_row(score: ContestantScore) -> ContestantScoreRow:
    time_used = None if score.time_used is None else plain(score.time_used)
    return ContestantScoreRow(
        score.registration_id,
        time_used,
        score.disqualified,
        score.disqualified_reason,
        score.version,
    )
