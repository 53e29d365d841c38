"""Honours (荣誉) of persons and units, and the honour types they are of (data, not code)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from skillsapp.domain.honour_catalogue import DEFAULT_TYPES, LEVEL_ORDER
from skillsapp.domain.marks import Honour, HonourLevel, HonourType
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.roles import Permission
from skillsapp.errors import Conflict, NotFound, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

AUDITED = (
    "type_id",
    "person_id",
    "unit_id",
    "level",
    "title",
    "granting_body",
    "year",
    "edition",
    "document_number",
    "granted_on",
)
_LIMITS = {"title": 120, "granting_body": 120, "edition": 20, "document_number": 60}
FIRST_YEAR = 1949
_CHUNK = 500
_V = TypeVar("_V")


@dataclass(frozen=True)
class HonourTypeRow:
    id: int
    name: str
    ladder: str
    rank: int
    for_units: bool


@dataclass(frozen=True)
class HonourInput:
    """One honour as the dialog edits it; exactly one of `person_id` and `unit_id`.
    A blank `title` takes the type's name; a missing `year` the year of `granted_on`."""

    type_id: int
    level: HonourLevel
    person_id: int | None = None
    unit_id: int | None = None
    title: str = ""
    granting_body: str = ""
    year: int | None = None
    edition: str = ""  # 第N届
    document_number: str = ""
    granted_on: dt.date | None = None


@dataclass(frozen=True)
class HonourRow:
    id: int
    type_id: int
    type_name: str
    ladder: str
    rank: int
    person_id: int | None
    unit_id: int | None
    level: HonourLevel
    title: str
    granting_body: str
    year: int | None
    edition: str
    document_number: str
    granted_on: dt.date | None
    version: int


def get_versioned(
    session: Session, cls: type[_V], entity: str, key: int, expected_version: int | None = None
) -> _V:
    """The row `key` of `cls`; NotFound when gone, Conflict when saved since it was read."""
    row = session.get(cls, key)
    if row is None:
        raise NotFound(entity=entity, id=key)
    if expected_version is not None and getattr(row, "version", None) != expected_version:
        raise Conflict(entity=entity, id=key)
    return row


def ensure_catalogue(session: Session, actor: Actor) -> int:
    """Add the default honour types that are missing (by name); return how many were added."""
    known = set(session.scalars(select(HonourType.name)))
    added = [
        HonourType(name=t.name, ladder=t.ladder, rank=t.rank, for_units=t.for_units)
        for t in DEFAULT_TYPES
        if t.name not in known
    ]
    if not added:
        return 0
    session.add_all(added)
    session.flush()
    audit.record_many(
        session,
        actor,
        (
            audit.Change("create", "honour_type", t.id, new=_type_values(t), reason="catalogue")
            for t in added
        ),
    )
    return len(added)


def _type_values(honour_type: HonourType) -> dict[str, Any]:
    return audit.snapshot(honour_type, ("name", "ladder", "rank", "for_units"))


def type_row(honour_type: HonourType) -> HonourTypeRow:
    t = honour_type
    return HonourTypeRow(t.id, t.name, t.ladder, t.rank, t.for_units)


def check_honour(data: HonourInput, honour_type: HonourType | None) -> dict[str, str]:
    """Field → error code for the rules that need no other rows (the import uses them too)."""
    errors: dict[str, str] = {}
    if (data.person_id is None) == (data.unit_id is None):
        errors["holder"] = "honour_holder_required"
    if honour_type is None:
        errors["type_id"] = "honour_type_unknown"
    elif honour_type.for_units and data.unit_id is None:
        errors["type_id"] = "honour_type_for_units"
    elif not honour_type.for_units and data.person_id is None:
        errors["type_id"] = "honour_type_for_persons"
    for name, limit in _LIMITS.items():
        if len(getattr(data, name)) > limit:
            errors[name] = "text_too_long"
    if data.year is not None and not FIRST_YEAR <= data.year <= dt.date.today().year + 1:
        errors["year"] = "honour_year_invalid"
    return errors


def cleaned(data: HonourInput, honour_type: HonourType) -> HonourInput:
    """Trimmed texts, the type's name for a blank title, the year from the date."""
    year = data.year if data.year is not None or data.granted_on is None else data.granted_on.year
    return replace(
        data,
        title=" ".join(data.title.split()) or honour_type.name,
        granting_body=data.granting_body.strip(),
        edition=data.edition.strip(),
        document_number=data.document_number.strip(),
        year=year,
    )


def duplicate_of(session: Session, data: HonourInput, exclude_id: int | None = None) -> int | None:
    """The id of an honour with the same holder, type, level, title and year."""
    stmt = select(Honour.id).where(
        _same(Honour.person_id, data.person_id),
        _same(Honour.unit_id, data.unit_id),
        Honour.type_id == data.type_id,
        Honour.level == data.level,
        Honour.title == data.title,
        _same(Honour.year, data.year),
    )
    if exclude_id is not None:
        stmt = stmt.where(Honour.id != exclude_id)
    return session.scalar(stmt.limit(1))


def _same(column: Any, value: object) -> Any:
    return column.is_(None) if value is None else column == value


@contextmanager
def duplicates_refused(
    db: Database, data: HonourInput, exclude_id: int | None = None
) -> Iterator[None]:
    """The database's refusal of an identical honour (saved by somebody else after the
    check, e.g. on another laptop) as the check's own error; other IntegrityErrors go on."""
    try:
        yield
    except IntegrityError as exc:
        with db.reading() as session:
            honour_type = session.get(HonourType, data.type_id)
            data = data if honour_type is None else cleaned(data, honour_type)
            same = duplicate_of(session, data, exclude_id)
        if same is not None:
            raise ValidationError({"title": "honour_duplicate"}) from exc
        raise


def new_honour(data: HonourInput) -> Honour:
    return Honour(**{name: getattr(data, name) for name in AUDITED})


def honour_row(honour: Honour, honour_type: HonourType) -> HonourRow:
    h = honour
    return HonourRow(
        h.id,
        h.type_id,
        honour_type.name,
        honour_type.ladder,
        honour_type.rank,
        h.person_id,
        h.unit_id,
        h.level,
        h.title,
        h.granting_body,
        h.year,
        h.edition,
        h.document_number,
        h.granted_on,
        h.version,
    )


def importance(row: HonourRow) -> tuple[int, int, int, int]:
    """Highest level first, then the type's rank, then the newest."""
    return (LEVEL_ORDER[row.level], -row.rank, -(row.year or 0), -row.id)


def person_honours(session: Session, person_ids: Sequence[int]) -> dict[int, list[HonourRow]]:
    """Person id → honours, most important first; one query per 500 persons."""
    found: dict[int, list[HonourRow]] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        for row in _rows(session, Honour.person_id.in_(chunk)):
            found.setdefault(row.person_id or 0, []).append(row)
    return found


def _rows(session: Session, condition: Any) -> list[HonourRow]:
    stmt = select(Honour, HonourType).join(HonourType, Honour.type_id == HonourType.id)
    rows = [honour_row(h, t) for h, t in session.execute(stmt.where(condition))]
    return sorted(rows, key=importance)


class HonourService:
    """Honour types and the honours held; every write is one audited transaction."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def ensure_catalogue(self) -> int:
        """Seed the default honour types (idempotent); the number added."""
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            known = set(session.scalars(select(HonourType.name)))
        if all(t.name in known for t in DEFAULT_TYPES):
            return 0  # no write transaction on every call
        try:
            with self._db.transaction() as session:
                return ensure_catalogue(session, self._actor)
        except IntegrityError:  # another laptop seeded them at the same moment
            return 0

    def types(self, *, for_units: bool | None = None) -> list[HonourTypeRow]:
        """Every honour type (seeded on first use), by ladder and rank."""
        self.ensure_catalogue()
        stmt = select(HonourType).order_by(HonourType.ladder, HonourType.rank.desc(), HonourType.id)
        if for_units is not None:
            stmt = stmt.where(HonourType.for_units == for_units)
        with self._db.reading() as session:
            return [type_row(t) for t in session.scalars(stmt)]

    def add_type(
        self, name: str, *, ladder: str = "", rank: int = 0, for_units: bool = False
    ) -> HonourTypeRow:
        """A local honour type (e.g. a county's own title); administrators only."""
        self._actor.require(Permission.MANAGE_HONOUR_TYPES)
        name, ladder = " ".join(name.split()), ladder.strip()
        _check_type_texts(name, ladder)
        with self._db.transaction() as session:
            if session.scalar(select(HonourType.id).where(HonourType.name == name)) is not None:
                raise ValidationError({"name": "honour_type_name_taken"})
            honour_type = HonourType(name=name, ladder=ladder, rank=rank, for_units=for_units)
            session.add(honour_type)
            session.flush()
            audit.record(
                session,
                self._actor,
                action="create",
                entity="honour_type",
                entity_id=honour_type.id,
                new=_type_values(honour_type),
            )
            return type_row(honour_type)

    def honours(
        self, *, person_id: int | None = None, unit_id: int | None = None
    ) -> list[HonourRow]:
        """The honours of one person or one unit, most important first."""
        self._actor.require(Permission.VIEW_REGISTRY)
        if (person_id is None) == (unit_id is None):
            raise ValueError("honours() needs exactly one of person_id and unit_id")
        condition = Honour.person_id == person_id if unit_id is None else Honour.unit_id == unit_id
        with self._db.reading() as session:
            return _rows(session, condition)

    def add(self, data: HonourInput) -> HonourRow:
        self._actor.require(Permission.EDIT_REGISTRY)
        with duplicates_refused(self._db, data), self._db.transaction() as session:
            data, honour_type = self._checked(session, data, None)
            honour = new_honour(data)
            session.add(honour)
            session.flush()
            self._audit(session, "create", honour, new=audit.snapshot(honour, AUDITED))
            return honour_row(honour, honour_type)

    def update(
        self, honour_id: int, data: HonourInput, *, expected_version: int | None = None
    ) -> HonourRow:
        self._actor.require(Permission.EDIT_REGISTRY)
        refused = duplicates_refused(self._db, data, honour_id)
        with refused, self._db.transaction() as session:
            honour = get_versioned(session, Honour, "honour", honour_id, expected_version)
            data, honour_type = self._checked(session, data, honour_id)
            before = audit.snapshot(honour, AUDITED)
            for name in AUDITED:
                setattr(honour, name, getattr(data, name))
            session.flush()
            old, new = audit.changed(before, audit.snapshot(honour, AUDITED))
            self._audit(session, "update", honour, old=old, new=new)
            return honour_row(honour, honour_type)

    def delete(
        self, honour_id: int, *, expected_version: int | None = None, reason: str = ""
    ) -> None:
        """Delete; the audit entry keeps every value."""
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:
            honour = get_versioned(session, Honour, "honour", honour_id, expected_version)
            old = audit.snapshot(honour, AUDITED)
            self._audit(session, "delete", honour, old=old, reason=reason)
            session.delete(honour)

    def _checked(
        self, session: Session, data: HonourInput, honour_id: int | None
    ) -> tuple[HonourInput, HonourType]:
        honour_type = session.get(HonourType, data.type_id)
        errors = check_honour(data, honour_type)
        errors.update(_holder_errors(session, data))
        if errors or honour_type is None:
            raise ValidationError(errors)
        data = cleaned(data, honour_type)
        if duplicate_of(session, data, honour_id) is not None:
            raise ValidationError({"title": "honour_duplicate"})
        return data, honour_type

    def _audit(self, session: Session, action: str, honour: Honour, **values: Any) -> None:
        audit.record(
            session, self._actor, action=action, entity="honour", entity_id=honour.id, **values
        )


def _check_type_texts(name: str, ladder: str) -> None:
    if not name:
        raise ValidationError({"name": "name_required"})
    if len(name) > 60:
        raise ValidationError({"name": "text_too_long"})
    if len(ladder) > 30:
        raise ValidationError({"ladder": "text_too_long"})


def _holder_errors(session: Session, data: HonourInput) -> dict[str, str]:
    if data.person_id is not None and session.get(Person, data.person_id) is None:
        return {"person_id": "person_unknown"}
    if data.unit_id is not None and session.get(Unit, data.unit_id) is None:
        return {"unit_id": "unit_unknown"}
    return {}
