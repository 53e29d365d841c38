"""Judges (裁判) of events: assignment, the chief judge, and same-unit conflicts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.models import Person, Unit, User
from skillsapp.domain.roles import Permission, Role
from skillsapp.errors import NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import SETUP_OPEN, get_competition, require_status
from skillsapp.services.competitions.events import get_event
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

# A judge may still be replaced on the day of the competition.
JUDGES_OPEN = SETUP_OPEN | {CompetitionStatus.SCORING}


@dataclass(frozen=True)
class JudgeRow:
    event_id: int
    user_id: int
    username: str
    name: str
    chief: bool
    person_id: int | None
    unit_id: int | None
    unit_name: str


@dataclass(frozen=True)
class ConflictRow:
    """A judge and a contestant: from the same unit (`same_unit`) or kept apart by hand."""

    event_id: int
    user_id: int
    judge_name: str
    registration_id: int
    contestant_name: str
    bib: str | None
    unit_id: int | None
    unit_name: str
    same_unit: bool
    blocked: bool


@dataclass(frozen=True)
class JudgeAccountRow:
    """An active judge account that can be assigned to events."""

    user_id: int
    username: str
    name: str
    unit_name: str


@dataclass(frozen=True)
class JudgeEventRow:
    """An event a judge is assigned to (what a judge's marking screen offers)."""

    event_id: int
    event_name: str
    competition_id: int
    competition_name: str
    status: CompetitionStatus
    chief: bool
    blind: bool


def _judge_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(entity="user", id=user_id)
    if user.role is not Role.JUDGE:
        raise UserError("judge_role_required", name=user.display_name or user.username)
    if not user.active:
        raise UserError("judge_inactive", name=user.display_name or user.username)
    return user


def _assignment(session: Session, event_id: int, user_id: int) -> EventJudge:
    judge = session.scalar(
        select(EventJudge).where(EventJudge.event_id == event_id, EventJudge.user_id == user_id)
    )
    if judge is None:
        raise UserError("judge_not_assigned", user_id=user_id)
    return judge


def _name(user: User) -> str:
    return user.display_name or user.username


class JudgeService:
    """Judges per event; changes allowed until scoring ends (a judge can be replaced)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def assign(self, event_id: int, user_id: int, *, chief: bool = False) -> JudgeRow:
        """Add an active judge account to the event (as its chief judge if `chief`)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            user = _judge_user(session, user_id)
            taken = select(EventJudge.id).where(
                EventJudge.event_id == event_id, EventJudge.user_id == user_id
            )
            if session.scalar(taken) is not None:
                raise UserError("judge_already_assigned", name=_name(user), event=event.name)
            judge = EventJudge(event_id=event_id, user_id=user_id, chief=False)
            session.add(judge)
            session.flush()
            self._audit(session, "assign", event, new={"user_id": user_id, "chief": chief})
            if chief:
                self._make_chief(session, event, judge)
            return _judge_row(session, judge)

    def remove(self, event_id: int, user_id: int, *, reason: str = "") -> None:
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            judge = _assignment(session, event_id, user_id)
            old = {"user_id": user_id, "chief": judge.chief}
            self._audit(session, "unassign", event, old=old, reason=reason)
            session.delete(judge)

    def set_chief(self, event_id: int, user_id: int) -> JudgeRow:
        """Make an assigned judge the event's only chief judge (裁判长)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            judge = _assignment(session, event_id, user_id)
            self._make_chief(session, event, judge)
            return _judge_row(session, judge)

    def judges(self, event_id: int) -> list[JudgeRow]:
        """The event's judges, chief judge first, then by name."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_event(session, event_id)
            query = select(EventJudge).where(EventJudge.event_id == event_id)
            rows = [_judge_row(session, j) for j in session.scalars(query)]
            return sorted(rows, key=lambda r: (not r.chief, r.name, r.user_id))

    def conflicts(self, event_id: int) -> list[ConflictRow]:
        """Judge/contestant pairs from the same unit, and every pair blocked by hand."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_event(session, event_id)
            blocked = _blocked_pairs(session, event_id)
            entries = _entries(session, event_id)
            rows = []
            for judge, user, unit_id in _judges_with_units(session, event_id):
                for entry, person, unit_name in entries:
                    same = unit_id is not None and entry.unit_id == unit_id
                    is_blocked = (judge.id, entry.id) in blocked
                    if same or is_blocked:
                        rows.append(
                            _conflict(event_id, user, entry, person, unit_name, same, is_blocked)
                        )
            return rows

    def block(self, event_id: int, user_id: int, registration_id: int) -> None:
        """Keep a judge away from one contestant (no-op when already blocked)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event, judge = self._pair(session, event_id, user_id, registration_id)
            if _block_of(session, judge.id, registration_id) is not None:
                return
            session.add(JudgeBlock(event_judge_id=judge.id, registration_id=registration_id))
            new = {"user_id": user_id, "registration_id": registration_id}
            self._audit(session, "block", event, new=new)

    def unblock(self, event_id: int, user_id: int, registration_id: int) -> None:
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event, judge = self._pair(session, event_id, user_id, registration_id)
            block = _block_of(session, judge.id, registration_id)
            if block is None:
                return
            session.delete(block)
            old = {"user_id": user_id, "registration_id": registration_id}
            self._audit(session, "unblock", event, old=old)

    def judge_accounts(self) -> list[JudgeAccountRow]:
        """Active judge accounts by name, with their unit (organizers may list them)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        query = (
            select(User, Unit.name)
            .outerjoin(Person, Person.id == User.person_id)
            .outerjoin(Unit, Unit.id == Person.unit_id)
            .where(User.role == Role.JUDGE, User.active)
        )
        with self._db.reading() as session:
            rows = [
                JudgeAccountRow(user.id, user.username, _name(user), unit_name or "")
                for user, unit_name in session.execute(query)
            ]
        return sorted(rows, key=lambda r: (r.name, r.user_id))

    def events_for_judge(self, user_id: int) -> list[JudgeEventRow]:
        """The events a judge is assigned to; a judge may ask for their own."""
        if self._actor.user_id != user_id:
            self._actor.require(Permission.VIEW_COMPETITIONS)
        query = (
            select(EventJudge, Event, Competition)
            .join(Event, Event.id == EventJudge.event_id)
            .join(Competition, Competition.id == Event.competition_id)
            .where(EventJudge.user_id == user_id)
            .order_by(Competition.start_date.desc(), Competition.id.desc(), Event.position)
        )
        with self._db.reading() as session:
            return [
                JudgeEventRow(e.id, e.name, c.id, c.name, c.status, j.chief, e.blind)
                for j, e, c in session.execute(query)
            ]

    def _open_event(self, session: Session, event_id: int) -> Event:
        event = get_event(session, event_id)
        require_status(get_competition(session, event.competition_id), JUDGES_OPEN)
        return event

    def _pair(
        self, session: Session, event_id: int, user_id: int, registration_id: int
    ) -> tuple[Event, EventJudge]:
        event = self._open_event(session, event_id)
        judge = _assignment(session, event_id, user_id)
        entry = session.get(Registration, registration_id)
        if entry is None or entry.event_id != event_id:
            raise UserError("registration_not_in_event", event=event.name)
        return event, judge

    def _make_chief(self, session: Session, event: Event, judge: EventJudge) -> None:
        others = select(EventJudge).where(EventJudge.event_id == event.id, EventJudge.chief)
        before = [j.user_id for j in session.scalars(others)]
        for other in session.scalars(others):
            other.chief = False
        session.flush()  # one chief at a time, also for a database that checks it
        judge.chief = True
        session.flush()
        new = {"user_id": judge.user_id}
        self._audit(session, "chief", event, old={"chiefs": before}, new=new)

    def _audit(
        self,
        session: Session,
        action: str,
        event: Event,
        *,
        old: Mapping[str, object] | None = None,
        new: Mapping[str, object] | None = None,
        reason: str = "",
    ) -> None:
        audit.record(
            session,
            self._actor,
            action=action,
            entity="event_judge",
            entity_id=event.id,
            old=old,
            new=new,
            reason=reason,
        )


def _judge_row(session: Session, judge: EventJudge) -> JudgeRow:
    user = judge.user
    person = session.get(Person, user.person_id) if user.person_id is not None else None
    unit = session.get(Unit, person.unit_id) if person and person.unit_id is not None else None
    return JudgeRow(
        judge.event_id,
        user.id,
        user.username,
        _name(user),
        judge.chief,
        user.person_id,
        unit.id if unit else None,
        unit.name if unit else "",
    )


def _judges_with_units(
    session: Session, event_id: int
) -> list[tuple[EventJudge, User, int | None]]:
    query = (
        select(EventJudge, User, Person.unit_id)
        .join(User, User.id == EventJudge.user_id)
        .outerjoin(Person, Person.id == User.person_id)
        .where(EventJudge.event_id == event_id)
        .order_by(User.username)
    )
    return list(session.execute(query))


def _entries(session: Session, event_id: int) -> list[tuple[Registration, Person, str | None]]:
    query = (
        select(Registration, Person, Unit.name)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Unit, Unit.id == Registration.unit_id)
        .where(Registration.event_id == event_id, Registration.status == RegistrationStatus.ACTIVE)
        .order_by(Registration.start_order, Registration.id)
    )
    return list(session.execute(query))


def _blocked_pairs(session: Session, event_id: int) -> set[tuple[int, int]]:
    query = (
        select(JudgeBlock.event_judge_id, JudgeBlock.registration_id)
        .join(EventJudge, EventJudge.id == JudgeBlock.event_judge_id)
        .where(EventJudge.event_id == event_id)
    )
    return {(judge_id, reg_id) for judge_id, reg_id in session.execute(query)}


def _block_of(session: Session, event_judge_id: int, registration_id: int) -> JudgeBlock | None:
    return session.scalar(
        select(JudgeBlock).where(
            JudgeBlock.event_judge_id == event_judge_id,
            JudgeBlock.registration_id == registration_id,
        )
    )


def _conflict(
    event_id: int,
    user: User,
    entry: Registration,
    person: Person,
    unit_name: str | None,
    same_unit: bool,
    blocked: bool,
) -> ConflictRow:
    return ConflictRow(
        event_id,
        user.id,
        _name(user),
        entry.id,
        person.name,
        entry.bib,
        entry.unit_id,
        unit_name or "",
        same_unit,
        blocked,
    )
