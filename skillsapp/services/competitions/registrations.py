"""Registration (报名): persons entered for events on behalf of their units."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import (
    Competition,
    Event,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.eligibility import Entrant, EventRules, check_entry, with_descendants
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import mask_id
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.person_rules import PersonInput, check_person
from skillsapp.domain.roles import Permission
from skillsapp.errors import Blocked, NotFound, UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import (
    REGISTRATION_OPEN,
    get_competition,
    require_status,
)
from skillsapp.services.context import Actor
from skillsapp.services.registry.registry import AUDITED_FIELDS as PERSON_FIELDS
from skillsapp.services.registry.registry import apply_checked as apply_person
from skillsapp.storage.database import Database

_Listing = Select[Registration, Event, Person, str]
AUDITED = ("event_id", "person_id", "unit_id", "status", "team_name", "note")


@dataclass(frozen=True)
class RegistrationRow:
    """One entry; `id_number` is masked unless the viewer may see it, `warnings` are
    eligibility codes found on reading (e.g. the event's rules changed since)."""

    id: int
    competition_id: int
    event_id: int
    event_name: str
    person_id: int
    person_name: str
    gender: Gender
    id_number: str
    unit_id: int | None
    unit_name: str
    team_name: str
    bib: str | None
    start_order: int | None
    blind_code: str | None
    status: RegistrationStatus
    note: str
    warnings: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class RegistrationQuery:
    """A filtered slice of a competition's entries (`limit` None: all from `offset`)."""

    competition_id: int
    event_id: int | None = None
    text: str = ""
    offset: int = 0
    limit: int | None = 200


@dataclass(frozen=True)
class RegistrationPage:
    rows: list[RegistrationRow]
    total: int | None


def unit_parents(session: Session) -> dict[int, int | None]:
    return {unit_id: parent for unit_id, parent in session.execute(select(Unit.id, Unit.parent_id))}


def event_rules(event: Event, parents: dict[int, int | None]) -> EventRules:
    """The event's entry rules, its allowed units widened to their sub-units."""
    return EventRules(
        min_level=event.min_level,
        max_level=event.max_level,
        min_age=event.min_age,
        max_age=event.max_age,
        allowed_units=with_descendants((u.id for u in event.allowed_units), parents),
        team=event.team,
    )


def entry_day(competition: Competition, today: dt.date | None = None) -> dt.date:
    """Ages count at the competition's start date (or today when none is set)."""
    return competition.start_date or today or dt.date.today()


def quota_of(event: Event, competition: Competition) -> int | None:
    """Entries allowed per unit: the event's own quota, else the competition's (None: any)."""
    return event.quota_per_unit if event.quota_per_unit is not None else competition.quota_per_unit


def locked_event(session: Session, event_id: int) -> Event:
    """The event, row-locked on PostgreSQL so concurrent entries count quotas one by one."""
    event = session.scalar(select(Event).where(Event.id == event_id).with_for_update())
    if event is None:
        raise NotFound(entity="event", id=event_id)
    return event


def _refuse_duplicates(session: Session, event: Event, person: Person) -> Registration | None:
    """Raise when the person is already in (this or, if so ruled, another) event; return a
    withdrawn entry of this event to reinstate."""
    existing = session.scalar(
        select(Registration).where(
            Registration.event_id == event.id, Registration.person_id == person.id
        )
    )
    if existing is not None and existing.status is RegistrationStatus.ACTIVE:
        raise UserError("already_registered", name=person.name, event=event.name)
    if event.competition.one_event_per_person:
        other = session.scalar(
            select(Event.name)
            .join(Registration, Registration.event_id == Event.id)
            .where(
                Event.competition_id == event.competition_id,
                Event.id != event.id,
                Registration.person_id == person.id,
                Registration.status == RegistrationStatus.ACTIVE,
            )
            .limit(1)
        )
        if other is not None:
            raise UserError("person_in_other_event", name=person.name, event=other)
    return existing


def _refuse_ineligible(session: Session, event: Event, person: Person, entrant: Entrant) -> None:
    problems = check_entry(
        event_rules(event, unit_parents(session)), entrant, entry_day(event.competition)
    )
    if problems:
        reasons = [UserError(p.value, name=person.name, event=event.name) for p in problems]
        raise Blocked(reasons)


def _refuse_over_quota(session: Session, event: Event, unit: Unit) -> None:
    quota = quota_of(event, event.competition)
    if quota is None:
        return
    entered = session.scalar(
        select(func.count(Registration.id)).where(
            Registration.event_id == event.id,
            Registration.unit_id == unit.id,
            Registration.status == RegistrationStatus.ACTIVE,
        )
    )
    if (entered or 0) >= quota:
        raise UserError("quota_exceeded", unit=unit.name, event=event.name, quota=quota)


class RegistrationService:
    """Entries, withdrawals and the entry list; writes only while registration is open."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def register(
        self, event_id: int, person_id: int, unit_id: int, *, team_name: str = "", note: str = ""
    ) -> RegistrationRow:
        """Enter a registry person for `unit_id`; refused with a coded reason when not allowed."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        with self._db.transaction() as session:
            event = locked_event(session, event_id)
            require_status(event.competition, REGISTRATION_OPEN)
            person = session.get(Person, person_id)
            if person is None:
                raise NotFound(entity="person", id=person_id)
            entry = self._enter(session, event, person, unit_id, team_name, note)
            return self._rows(session, _by_id(entry.id))[0]

    def register_new_person(
        self,
        event_id: int,
        data: PersonInput,
        unit_id: int,
        *,
        team_name: str = "",
        note: str = "",
    ) -> RegistrationRow:
        """Enter a person given by the form: matched by ID number, created when new."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        checked, errors = check_person(data)
        if checked is None:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            event = locked_event(session, event_id)
            require_status(event.competition, REGISTRATION_OPEN)
            number = checked.data.id_number
            person = session.scalar(select(Person).where(Person.id_number == number))
            if person is None:
                person = self._new_person(session, replace(checked.data, unit_id=unit_id))
            elif person.name != checked.data.name:
                raise ValidationError({"name": "person_name_mismatch"})
            entry = self._enter(session, event, person, unit_id, team_name, note)
            return self._rows(session, _by_id(entry.id))[0]

    def withdraw(self, registration_id: int, reason: str) -> RegistrationRow:
        """退赛: the entry stays (with its number) but no longer competes."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        if not reason.strip():
            raise UserError("reason_required")
        with self._db.transaction() as session:
            entry = self._open_entry(session, registration_id)
            if entry.status is not RegistrationStatus.ACTIVE:
                raise UserError("registration_not_active")
            entry.status = RegistrationStatus.WITHDRAWN
            session.flush()
            self._audit(session, "withdraw", entry, old={"status": "active"}, reason=reason)
            return self._rows(session, _by_id(entry.id))[0]

    def remove(self, registration_id: int, *, reason: str = "") -> None:
        """Delete an entry made by mistake; after the draw, withdraw it instead."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        with self._db.transaction() as session:
            entry = self._open_entry(session, registration_id)
            if entry.bib is not None:
                raise UserError("registration_drawn", bib=entry.bib)
            self._audit(session, "delete", entry, old=audit.snapshot(entry, AUDITED), reason=reason)
            session.delete(entry)

    def registrations(
        self, competition_id: int, *, event_id: int | None = None, text: str = ""
    ) -> list[RegistrationRow]:
        """Entries by event and start order (undrawn last), filtered by event and text."""
        query = RegistrationQuery(competition_id, event_id=event_id, text=text, limit=None)
        return self.page(query, count=False).rows

    def page(self, query: RegistrationQuery, *, count: bool = True) -> RegistrationPage:
        """One page of `registrations()` and (with `count`) the number of all matches;
        the next pages of the same listing need no count (`total` is then None)."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_competition(session, query.competition_id)
            total = None
            if count:
                total = session.scalar(_matching(query, func.count(Registration.id))) or 0
            return RegistrationPage(self._rows(session, _page_listing(session, query)), total)

    def _enter(
        self,
        session: Session,
        event: Event,
        person: Person,
        unit_id: int,
        team_name: str,
        note: str,
    ) -> Registration:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(entity="unit", id=unit_id)
        team_name, note = " ".join(team_name.split()), note.strip()
        withdrawn = _refuse_duplicates(session, event, person)
        entrant = Entrant(person.skill_level, person.birth_date, unit.id, team_name)
        _refuse_ineligible(session, event, person, entrant)
        _refuse_over_quota(session, event, unit)
        entry = withdrawn or Registration(event_id=event.id, person_id=person.id)
        entry.unit_id, entry.team_name, entry.note = unit.id, team_name, note
        entry.status = RegistrationStatus.ACTIVE
        session.add(entry)
        session.flush()
        action = "create" if withdrawn is None else "reinstate"
        self._audit(session, action, entry, new=audit.snapshot(entry, AUDITED))
        return entry

    def _new_person(self, session: Session, data: PersonInput) -> Person:
        self._actor.require(Permission.EDIT_REGISTRY)
        checked, errors = check_person(data)
        if checked is None:
            raise ValidationError(errors)
        person = Person()
        apply_person(person, checked)
        session.add(person)
        session.flush()
        audit.record(
            session,
            self._actor,
            action="create",
            entity="person",
            entity_id=person.id,
            new=audit.snapshot(person, PERSON_FIELDS),
            reason="registration",
        )
        return person

    def _open_entry(self, session: Session, registration_id: int) -> Registration:
        entry = session.get(Registration, registration_id)
        if entry is None:
            raise NotFound(entity="registration", id=registration_id)
        require_status(entry.event.competition, REGISTRATION_OPEN)
        return entry

    def _audit(self, session: Session, action: str, entry: Registration, **values: Any) -> None:
        audit.record(
            session, self._actor, action=action, entity="registration", entity_id=entry.id, **values
        )

    def _rows(self, session: Session, query: _Listing) -> list[RegistrationRow]:
        full_id = self._actor.can(Permission.VIEW_FULL_ID)
        parents = unit_parents(session)
        rules: dict[int, EventRules] = {}
        rows = []
        for entry, event, person, unit_name in session.execute(query):
            if event.id not in rules:
                rules[event.id] = event_rules(event, parents)
            warnings = _warnings(entry, person, rules[event.id], entry_day(event.competition))
            rows.append(_row(entry, event, person, unit_name, warnings, full_id=full_id))
        return rows


# By event, then start order with the undrawn last; the id makes the order total.
_ORDER = (
    Event.position,
    Event.id,
    Registration.start_order.is_(None),
    Registration.start_order,
    Registration.id,
)


def _listing() -> _Listing:
    return (
        select(Registration, Event, Person, Unit.name)
        .join(Event, Event.id == Registration.event_id)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Unit, Unit.id == Registration.unit_id)
        .order_by(*_ORDER)
    )


def _matching(query: RegistrationQuery, column: Any) -> Select[Any]:
    """`column` over the entries `query` selects, joining persons and units only to search
    in them (a count or a page of ids of 15,000 entries stays narrow and fast)."""
    stmt = select(column).join(Event, Event.id == Registration.event_id)
    if query.text.strip():
        stmt = stmt.join(Person, Person.id == Registration.person_id).outerjoin(
            Unit, Unit.id == Registration.unit_id
        )
    return stmt.where(*_conditions(query))


def _page_listing(session: Session, query: RegistrationQuery) -> _Listing:
    """The full rows of one page: its ids first (sorting narrow rows), then those rows."""
    if query.limit is None:
        return _listing().where(*_conditions(query)).offset(query.offset)
    ids = _matching(query, Registration.id).order_by(*_ORDER)
    page = list(session.scalars(ids.offset(query.offset).limit(query.limit)))
    return _listing().where(Registration.id.in_(page))


def _conditions(query: RegistrationQuery) -> list[Any]:
    """WHERE clauses of a listing: the competition, the event, text in name, ID, unit, bib."""
    conditions: list[Any] = [Event.competition_id == query.competition_id]
    if query.event_id is not None:
        conditions.append(Registration.event_id == query.event_id)
    text = query.text.strip()
    if text:
        like = f"%{text}%"
        conditions.append(
            or_(
                Person.name.like(like),
                Person.id_number.like(like.upper()),
                Unit.name.like(like),
                Registration.bib.like(like),
                Registration.team_name.like(like),
            )
        )
    return conditions


def _by_id(registration_id: int) -> _Listing:
    return _listing().where(Registration.id == registration_id)


def _warnings(
    entry: Registration, person: Person, rules: EventRules, day: dt.date
) -> tuple[str, ...]:
    if entry.status is not RegistrationStatus.ACTIVE:
        return ()
    entrant = Entrant(person.skill_level, person.birth_date, entry.unit_id, entry.team_name)
    return tuple(p.value for p in check_entry(rules, entrant, day))


def _row(
    entry: Registration,
    event: Event,
    person: Person,
    unit_name: str | None,
    warnings: tuple[str, ...],
    *,
    full_id: bool,
) -> RegistrationRow:
    return RegistrationRow(
        id=entry.id,
        competition_id=event.competition_id,
        event_id=event.id,
        event_name=event.name,
        person_id=person.id,
        person_name=person.name,
        gender=person.gender,
        id_number=person.id_number if full_id else mask_id(person.id_number),
        unit_id=entry.unit_id,
        unit_name=unit_name or "",
        team_name=entry.team_name,
        bib=entry.bib,
        start_order=entry.start_order,
        blind_code=entry.blind_code,
        status=entry.status,
        note=entry.note,
        warnings=warnings,
        version=entry.version,
    )
