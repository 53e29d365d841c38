"""The people registry: search, add, edit, delete, import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import mask_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import Honour, HonourLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.person_rules import CheckedPerson, PersonInput, check_person
from skillsapp.domain.pinyin import name_keys
from skillsapp.domain.roles import Permission
from skillsapp.domain.studios import Studio, StudioMember
from skillsapp.domain.talent import Mentorship
from skillsapp.errors import Conflict, NotFound, UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

AUDITED_FIELDS = (
    "name",
    "gender",
    "id_number",
    "birth_date",
    "mobile",
    "unit_id",
    "trade",
    "skill_level",
    "title",
)
SORT_KEYS = (
    "name",
    "gender",
    "id_number",
    "birth_date",
    "mobile",
    "unit",
    "trade",
    "skill_level",
    "title",
)

PHOTO_MAX_BYTES = 2 * 1024 * 1024
_PHOTO_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")  # JPEG, PNG


# Names sort by pinyin, as a Chinese reader expects (张 after 王), not by code point.
_SORT_COLUMNS: dict[str, Any] = {"name": Person.name_pinyin, "unit": Unit.name}
_NULLABLE_SORTS = frozenset({"unit", "birth_date", "skill_level"})


@dataclass(frozen=True)
class PersonRow:
    """A person as lists show them; `id_number` is masked unless the viewer may see it."""

    id: int
    name: str
    gender: Gender
    id_number: str
    birth_date: dt.date | None
    mobile: str
    unit_id: int | None
    unit_name: str
    trade: str
    skill_level: SkillLevel | None
    title: str
    version: int


@dataclass(frozen=True)
class PersonQuery:
    text: str = ""
    unit_id: int | None = None
    trade: str = ""
    skill_level: SkillLevel | None = None
    honour_type_id: int | None = None  # holds an honour of this type …
    honour_level: HonourLevel | None = None  # … (or any type) at this level
    studio_id: int | None = None  # a current member or the leader of this studio
    mentor_id: int | None = None  # an apprentice (now or before) of this master
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: int | None = 500


@dataclass(frozen=True)
class PersonPage:
    rows: list[PersonRow]
    total: int | None


def _escape_like(text: str) -> str:
    """Typed % and _ are characters to find, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix_range(column: Any, prefix: str) -> Any:
    """`column` starts with `prefix`, as a range an index can answer (LIKE 'x%' cannot)."""
    return (column >= prefix) & (column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def _text_filter(text: str) -> Any:
    """Name, ID number, unit, or (for Latin letters) pinyin initials and spelling."""
    like = f"%{_escape_like(text)}%"
    units = select(Unit.id).where(
        Unit.name.like(like, escape="\\") | Unit.short_name.like(like, escape="\\")
    )
    conditions = [Person.unit_id.in_(units.scalar_subquery())]
    if text.isascii() and text.isalpha():
        # Latin letters are pinyin ("zs", "zhang"): index ranges, no full scan.
        lowered = text.lower()
        conditions += [
            _prefix_range(Person.name_initials, lowered),
            _prefix_range(Person.name_pinyin, lowered),
        ]
    else:
        conditions.append(Person.name.like(like, escape="\\"))
    if all(c.isdigit() or c in "xX" for c in text):
        conditions.append(Person.id_number.like(like.upper(), escape="\\"))
    return or_(*conditions)


def _filtered(query: PersonQuery) -> Select[Person, str]:
    stmt = select(Person, Unit.name).outerjoin(Unit, Person.unit_id == Unit.id)
    text = query.text.strip()
    if text:
        stmt = stmt.where(_text_filter(text))
    if query.unit_id is not None:
        stmt = stmt.where(Person.unit_id == query.unit_id)
    if query.trade:
        stmt = stmt.where(Person.trade == query.trade)
    if query.skill_level is not None:
        stmt = stmt.where(Person.skill_level == query.skill_level)
    return _talent_filtered(stmt, query)


def _talent_filtered(stmt: Select[Person, str], query: PersonQuery) -> Select[Person, str]:
    """Honour, studio and mentor filters: `id IN (subquery)`, which both backends answer
    from the few matching rows (SQLite runs a correlated EXISTS once per person)."""
    if query.honour_type_id is not None or query.honour_level is not None:
        holders = select(Honour.person_id)
        if query.honour_type_id is not None:
            holders = holders.where(Honour.type_id == query.honour_type_id)
        if query.honour_level is not None:
            holders = holders.where(Honour.level == query.honour_level)
        stmt = stmt.where(Person.id.in_(holders))
    if query.studio_id is not None:
        members = select(StudioMember.person_id).where(
            StudioMember.studio_id == query.studio_id, StudioMember.left_on.is_(None)
        )
        leader = select(Studio.leader_id).where(Studio.id == query.studio_id)
        stmt = stmt.where(Person.id.in_(members.union(leader)))
    if query.mentor_id is not None:
        apprentices = select(Mentorship.apprentice_id).where(
            Mentorship.mentor_id == query.mentor_id
        )
        stmt = stmt.where(Person.id.in_(apprentices))
    return stmt


# Below this many matches, sorting them beats walking the whole sort index in order.
_SORT_MATCHES_BELOW = 5000


def _ordered(
    stmt: Select[Person, str], query: PersonQuery, *, few: bool = False
) -> Select[Person, str]:
    if query.sort in _SORT_COLUMNS:
        column: Any = _SORT_COLUMNS[query.sort]
    else:
        column = getattr(Person, query.sort, Person.name_pinyin)
    if few and query.sort not in _NULLABLE_SORTS:
        column = func.coalesce(column, column)  # same order; keeps SQLite off the index
    first = column.desc() if query.descending else column.asc()
    if query.sort in _NULLABLE_SORTS:  # empty values last on every backend
        return stmt.order_by(column.is_(None), first, Person.id)
    return stmt.order_by(first, Person.id)


def apply_checked(person: Person, checked: CheckedPerson) -> None:
    data = checked.data
    person.name, person.id_number, person.gender = data.name, data.id_number, checked.gender
    person.birth_date, person.mobile, person.unit_id = checked.birth_date, data.mobile, data.unit_id
    person.trade, person.skill_level, person.title = data.trade, data.skill_level, data.title
    person.name_initials, person.name_pinyin = name_keys(data.name)


def check_photo(data: bytes) -> None:
    """Refuse anything but a JPEG or PNG (by its signature) of at most PHOTO_MAX_BYTES."""
    if not data.startswith(_PHOTO_SIGNATURES):
        raise UserError("photo_format")
    if len(data) > PHOTO_MAX_BYTES:
        raise UserError("photo_too_large", limit=PHOTO_MAX_BYTES // (1024 * 1024))


class RegistryService:
    """Persons. Every write is one transaction with its audit entry."""

    def __init__(self, db: Database, actor: Actor, *, allow_legacy_ids: bool = False) -> None:
        self._db = db
        self._actor = actor
        self._allow_legacy = allow_legacy_ids

    @property
    def actor(self) -> Actor:
        return self._actor

    def _row(self, person: Person, unit_name: str | None) -> PersonRow:
        number = (
            person.id_number
            if self._actor.can(Permission.VIEW_FULL_ID)
            else mask_id(person.id_number)
        )
        return PersonRow(
            person.id,
            person.name,
            person.gender,
            number,
            person.birth_date,
            person.mobile,
            person.unit_id,
            unit_name or "",
            person.trade,
            person.skill_level,
            person.title,
            person.version,
        )

    def search(self, query: PersonQuery = PersonQuery(), *, count: bool = True) -> PersonPage:
        """One page of matching persons and (with `count`) the number of all matches;
        the next pages of the same search need no count (`total` is then None)."""
        self._actor.require(Permission.VIEW_REGISTRY)
        stmt = _filtered(query)
        with self._db.reading() as session:
            total = None
            if count:
                total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            few = total is not None and total < _SORT_MATCHES_BELOW
            page = _ordered(stmt, query, few=few).offset(query.offset)
            if query.limit is not None:
                page = page.limit(query.limit)
            rows = [self._row(p, u) for p, u in session.execute(page)]
        return PersonPage(rows, total)

    def person_for_edit(self, person_id: int) -> tuple[PersonInput, int]:
        """The full record (unmasked ID, for the edit dialog) and its version."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.reading() as session:
            person = _get(session, person_id)
            data = PersonInput(
                person.name,
                person.id_number,
                person.gender,
                person.mobile,
                person.unit_id,
                person.trade,
                person.skill_level,
                person.title,
            )
            return data, person.version

    def trades(self) -> list[str]:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            query = select(Person.trade).where(Person.trade != "").distinct().order_by(Person.trade)
            return list(session.scalars(query))

    def check(self, data: PersonInput) -> dict[str, str]:
        """Field → error code for the form, without writing (inline validation)."""
        return check_person(data, allow_legacy=self._allow_legacy)[1]

    def _checked(self, session: Session, data: PersonInput, person_id: int | None) -> CheckedPerson:
        checked, errors = check_person(data, allow_legacy=self._allow_legacy)
        if checked is None:
            raise ValidationError(errors)
        clash = session.scalar(select(Person.id).where(Person.id_number == checked.data.id_number))
        if clash is not None and clash != person_id:
            raise ValidationError({"id_number": "id_duplicate"})
        if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
            raise ValidationError({"unit_id": "unit_unknown"})
        return checked

    def add(self, data: PersonInput) -> PersonRow:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            person = Person()
            apply_checked(person, self._checked(session, data, None))
            session.add(person)
            session.flush()
            audit.record(
                session,
                self._actor,
                action="create",
                entity="person",
                entity_id=person.id,
                new=audit.snapshot(person, AUDITED_FIELDS),
            )
            return self._row(person, _unit_name(session, person))

    def update(
        self, person_id: int, data: PersonInput, *, expected_version: int | None = None
    ) -> PersonRow:
        """Save an edit; refused when somebody else saved the person since it was read."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            person = _get(session, person_id)
            if expected_version is not None and person.version != expected_version:
                raise Conflict(entity="person", id=person_id)
            before = audit.snapshot(person, AUDITED_FIELDS)
            apply_checked(person, self._checked(session, data, person_id))
            session.flush()
            old, new = audit.changed(before, audit.snapshot(person, AUDITED_FIELDS))
            audit.record(
                session,
                self._actor,
                action="update",
                entity="person",
                entity_id=person.id,
                old=old,
                new=new,
            )
            return self._row(person, _unit_name(session, person))

    def photo(self, person_id: int) -> bytes | None:
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            found = session.execute(
                select(Person.id, Person.photo).where(Person.id == person_id)
            ).first()
        if found is None:
            raise NotFound(entity="person", id=person_id)
        _, photo = found
        return photo

    def set_photo(
        self, person_id: int, data: bytes | None, *, expected_version: int | None = None
    ) -> PersonRow:
        """Store, replace or (with None) remove the photo; the audit keeps only its size."""
        self._actor.require(Permission.EDIT_REGISTRY)
        if data is not None:
            check_photo(data)
        with self._db.transaction() as session:
            person = _get(session, person_id)
            if expected_version is not None and person.version != expected_version:
                raise Conflict(entity="person", id=person_id)
            old = person.photo
            if old != data:
                person.photo = data
                session.flush()
                audit.record(
                    session,
                    self._actor,
                    action="update",
                    entity="person",
                    entity_id=person.id,
                    old={"photo": audit.plain(old)},
                    new={"photo": audit.plain(data)},
                )
            return self._row(person, _unit_name(session, person))

    def delete(self, person_id: int, *, reason: str = "") -> None:
        """Delete; the audit entry keeps everything that was deleted."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            person = _get(session, person_id)
            audit.record(
                session,
                self._actor,
                action="delete",
                entity="person",
                entity_id=person.id,
                old=audit.snapshot(person, AUDITED_FIELDS),
                reason=reason,
            )
            session.delete(person)


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(entity="person", id=person_id)
    return person


def _unit_name(session: Session, person: Person) -> str:
    return (
        ""
        if person.unit_id is None
        else (session.scalar(select(Unit.name).where(Unit.id == person.unit_id)) or "")
    )
