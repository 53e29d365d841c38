"""Competitions: set-up and the status workflow with its guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import (
    Competition,
    CompetitionKind,
    CompetitionLevel,
    CompetitionStatus,
    Event,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.models import Unit
from skillsapp.domain.roles import Permission
from skillsapp.errors import Conflict, NotFound, UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.competitions.workflow import ORDER, check_transition
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

_AUDITED = (
    "name",
    "edition",
    "kind",
    "level",
    "level_class",
    "organizer_id",
    "start_date",
    "end_date",
    "venue",
    "code",
    "quota_per_unit",
    "one_event_per_person",
    "review_days",
    "appeal_hours",
    "notes",
)


@dataclass(frozen=True)
class CompetitionInput:
    name: str
    code: str
    kind: CompetitionKind = CompetitionKind.SKILLS_CONTEST
    level: CompetitionLevel = CompetitionLevel.CITY
    level_class: str = ""
    edition: int | None = None
    organizer_id: int | None = None
    co_organizer_ids: tuple[int, ...] = ()
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    venue: str = ""
    quota_per_unit: int | None = 3
    one_event_per_person: bool = True
    review_days: int = 5
    appeal_hours: int = 2
    notes: str = ""


@dataclass(frozen=True)
class CompetitionRow:
    id: int
    name: str
    edition: int | None
    kind: CompetitionKind
    level: CompetitionLevel
    status: CompetitionStatus
    code: str
    start_date: dt.date | None
    end_date: dt.date | None
    venue: str
    organizer: str
    event_count: int
    registration_count: int
    draw_seed: int | None
    version: int


@dataclass(frozen=True)
class CompetitionDetail:
    row: CompetitionRow
    data: CompetitionInput
    co_organizers: tuple[str, ...] = field(default_factory=tuple)


_SNAPSHOT_ON_ENTRY = {CompetitionStatus.REVIEW: "publish", CompetitionStatus.FINAL: "finalize"}

# Statuses in which the set-up (events, schemes, judges) may still change.
SETUP_OPEN = frozenset({CompetitionStatus.DRAFT, CompetitionStatus.REGISTRATION})
REGISTRATION_OPEN = frozenset({CompetitionStatus.DRAFT, CompetitionStatus.REGISTRATION})
LOCKED = frozenset({CompetitionStatus.FINAL, CompetitionStatus.ARCHIVED})


def require_status(competition: Competition, allowed: frozenset[CompetitionStatus]) -> None:
    """Refuse a write the competition's status does not allow (checked in the service)."""
    if competition.status not in allowed:
        code = "competition_locked" if competition.status in LOCKED else "competition_wrong_status"
        raise UserError(code, status=competition.status.value)


def get_competition(session: Session, competition_id: int) -> Competition:
    competition = session.get(Competition, competition_id)
    if competition is None:
        raise NotFound(entity="competition", id=competition_id)
    return competition


def _clean(
    session: Session, data: CompetitionInput, competition_id: int | None
) -> CompetitionInput:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = "name_required"
    code = data.code.strip().upper()
    if not code or not code.isalnum() or len(code) > 20:
        errors["code"] = "competition_code_invalid"
    clash = session.scalar(select(Competition.id).where(Competition.code == code))
    if clash is not None and clash != competition_id:
        errors["code"] = "competition_code_taken"
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = "end_before_start"
    if data.quota_per_unit is not None and data.quota_per_unit < 1:
        errors["quota_per_unit"] = "quota_not_positive"
    if data.review_days < 0 or data.appeal_hours < 0:
        errors["review_days"] = "value_negative"
    if errors:
        raise ValidationError(errors)
    return CompetitionInput(**{**data.__dict__, "name": " ".join(data.name.split()), "code": code})


def _apply(session: Session, competition: Competition, data: CompetitionInput) -> None:
    for key, value in data.__dict__.items():
        if key != "co_organizer_ids":
            setattr(competition, key, value)
    units = [session.get(Unit, uid) for uid in data.co_organizer_ids]
    if any(u is None for u in units):
        raise ValidationError({"co_organizer_ids": "unit_unknown"})
    competition.co_organizers = [u for u in units if u is not None]


class CompetitionService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def competitions(
        self, *, status: CompetitionStatus | None = None, text: str = ""
    ) -> list[CompetitionRow]:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        query = select(Competition).order_by(Competition.start_date.desc(), Competition.id.desc())
        if status is not None:
            query = query.where(Competition.status == status)
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(Competition.name.like(like) | Competition.code.like(like))
        with self._db.reading() as session:
            return [_row(session, c) for c in session.scalars(query)]

    def competition(self, competition_id: int) -> CompetitionDetail:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            c = get_competition(session, competition_id)
            data = CompetitionInput(
                **{k: getattr(c, k) for k in _AUDITED},
                co_organizer_ids=tuple(u.id for u in c.co_organizers),
            )
            return CompetitionDetail(_row(session, c), data, tuple(u.name for u in c.co_organizers))

    def create(self, data: CompetitionInput) -> CompetitionRow:
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            competition = Competition(status=CompetitionStatus.DRAFT)
            _apply(session, competition, _clean(session, data, None))
            session.add(competition)
            session.flush()
            audit.record(
                session,
                self._actor,
                action="create",
                entity="competition",
                entity_id=competition.id,
                new=audit.snapshot(competition, _AUDITED),
            )
            return _row(session, competition)

    def update(
        self, competition_id: int, data: CompetitionInput, *, expected_version: int | None = None
    ) -> CompetitionRow:
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            competition = get_competition(session, competition_id)
            require_status(competition, frozenset(CompetitionStatus) - LOCKED)
            if expected_version is not None and competition.version != expected_version:
                raise Conflict(entity="competition", id=competition_id)
            before = audit.snapshot(competition, _AUDITED)
            _apply(session, competition, _clean(session, data, competition_id))
            session.flush()
            old, new = audit.changed(before, audit.snapshot(competition, _AUDITED))
            audit.record(
                session,
                self._actor,
                action="update",
                entity="competition",
                entity_id=competition.id,
                old=old,
                new=new,
            )
            return _row(session, competition)

    def delete(self, competition_id: int, *, reason: str = "") -> None:
        """Only a competition still in preparation (筹备) can be deleted."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            competition = get_competition(session, competition_id)
            require_status(competition, frozenset({CompetitionStatus.DRAFT}))
            audit.record(
                session,
                self._actor,
                action="delete",
                entity="competition",
                entity_id=competition.id,
                old=audit.snapshot(competition, _AUDITED),
                reason=reason,
            )
            session.delete(competition)

    def set_status(
        self,
        competition_id: int,
        target: CompetitionStatus,
        *,
        reason: str = "",
        today: dt.date | None = None,
    ) -> CompetitionRow:
        """Move through the workflow; every step is guarded, audited, and moving back
        needs an admin and a reason."""
        with self._db.transaction() as session:
            competition = get_competition(session, competition_id)
            check_transition(
                session,
                self._actor,
                competition,
                target,
                reason=reason,
                today=today or dt.date.today(),
            )
            old = competition.status
            competition.status = target
            if target is CompetitionStatus.REVIEW:
                competition.review_started_at = utcnow()
            session.flush()
            audit.record(
                session,
                self._actor,
                action="status",
                entity="competition",
                entity_id=competition.id,
                old={"status": old.value},
                new={"status": target.value},
                reason=reason,
            )
            if target in _SNAPSHOT_ON_ENTRY and ORDER.index(old) < ORDER.index(target):
                # 公示 and 已定 publish the results snapshot, whichever screen moves there.
                from skillsapp.services.scoring.publish import (
                    snapshot_results,  # publish imports us
                )

                snapshot_results(session, self._actor, competition, _SNAPSHOT_ON_ENTRY[target])
            return _row(session, competition)


def _row(session: Session, c: Competition) -> CompetitionRow:
    events = session.scalar(select(func.count(Event.id)).where(Event.competition_id == c.id))
    registrations = session.scalar(
        select(func.count(Registration.id))
        .join(Event)
        .where(Event.competition_id == c.id, Registration.status == RegistrationStatus.ACTIVE)
    )
    organizer = c.organizer.name if c.organizer else ""
    return CompetitionRow(
        c.id,
        c.name,
        c.edition,
        c.kind,
        c.level,
        c.status,
        c.code,
        c.start_date,
        c.end_date,
        c.venue,
        organizer,
        events or 0,
        registrations or 0,
        c.draw_seed,
        c.version,
    )
