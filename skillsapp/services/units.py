"""Units (单位): the tree of employers, unions and schools."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.models import Person, Unit, UnitKind
from skillsapp.domain.roles import Permission
from skillsapp.errors import Conflict, NotFound, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

_AUDITED = ("name", "short_name", "parent_id", "kind", "contact_person", "contact_phone", "address")


@dataclass(frozen=True)
class UnitInput:
    name: str
    short_name: str = ""
    parent_id: int | None = None
    kind: UnitKind = UnitKind.ENTERPRISE
    contact_person: str = ""
    contact_phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    short_name: str
    parent_id: int | None
    kind: UnitKind
    contact_person: str
    contact_phone: str
    address: str
    person_count: int
    version: int


def _check(session: Session, data: UnitInput, unit_id: int | None) -> UnitInput:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError({"name": "name_required"})
    if data.parent_id is not None and session.get(Unit, data.parent_id) is None:
        raise ValidationError({"parent_id": "unit_unknown"})
    clash = session.scalar(select(Unit.id).where(Unit.name == name))
    if clash is not None and clash != unit_id:
        raise ValidationError({"name": "unit_name_taken"})
    if (
        unit_id is not None
        and data.parent_id is not None
        and _is_below(session, data.parent_id, unit_id)
    ):
        raise ValidationError({"parent_id": "unit_cycle"})
    return UnitInput(
        name,
        data.short_name.strip(),
        data.parent_id,
        data.kind,
        data.contact_person.strip(),
        data.contact_phone.strip(),
        data.address.strip(),
    )


def _is_below(session: Session, candidate: int, unit_id: int) -> bool:
    """Whether `candidate` is `unit_id` or one of its descendants."""
    current: int | None = candidate
    while current is not None:
        if current == unit_id:
            return True
        current = session.scalar(select(Unit.parent_id).where(Unit.id == current))
    return False


def find_or_create_unit(session: Session, actor: Actor, name: str) -> Unit:
    """The unit called `name` (or with that short name), created when new."""
    unit = session.scalar(select(Unit).where(Unit.name == name))
    if unit is None:
        unit = session.scalar(select(Unit).where(Unit.short_name == name).limit(1))
    if unit is None:
        unit = Unit(name=name, short_name="", kind=UnitKind.ENTERPRISE)
        session.add(unit)
        session.flush()
        audit.record(
            session,
            actor,
            action="create",
            entity="unit",
            entity_id=unit.id,
            new=audit.snapshot(unit, _AUDITED),
        )
    return unit


class UnitService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def units(self) -> list[UnitRow]:
        """Every unit with its number of persons, by name."""
        self._actor.require(Permission.VIEW_REGISTRY)
        counts = (
            select(Person.unit_id, func.count(Person.id).label("n"))
            .group_by(Person.unit_id)
            .subquery()
        )
        query = (
            select(Unit, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.unit_id == Unit.id)
            .order_by(Unit.name)
        )
        with self._db.reading() as session:
            return [_row(unit, count) for unit, count in session.execute(query)]

    def add_unit(self, data: UnitInput) -> UnitRow:
        self._actor.require(Permission.EDIT_UNITS)
        with self._db.transaction() as session:
            clean = _check(session, data, None)
            unit = Unit(**clean.__dict__)
            session.add(unit)
            session.flush()
            audit.record(
                session,
                self._actor,
                action="create",
                entity="unit",
                entity_id=unit.id,
                new=audit.snapshot(unit, _AUDITED),
            )
            return _row(unit, 0)

    def update_unit(
        self, unit_id: int, data: UnitInput, *, expected_version: int | None = None
    ) -> UnitRow:
        self._actor.require(Permission.EDIT_UNITS)
        with self._db.transaction() as session:
            unit = _get(session, unit_id, expected_version)
            clean = _check(session, data, unit_id)
            before = audit.snapshot(unit, _AUDITED)
            for key, value in clean.__dict__.items():
                setattr(unit, key, value)
            session.flush()
            old, new = audit.changed(before, audit.snapshot(unit, _AUDITED))
            audit.record(
                session,
                self._actor,
                action="update",
                entity="unit",
                entity_id=unit.id,
                old=old,
                new=new,
            )
            count = session.scalar(select(func.count(Person.id)).where(Person.unit_id == unit.id))
            return _row(unit, count or 0)

    def delete_unit(self, unit_id: int) -> None:
        """Only a unit with no persons and no sub-units can go."""
        self._actor.require(Permission.EDIT_UNITS)
        with self._db.transaction() as session:
            unit = _get(session, unit_id, None)
            if session.scalar(select(func.count(Person.id)).where(Person.unit_id == unit_id)):
                raise ValidationError({"unit": "unit_has_persons"})
            if session.scalar(select(func.count(Unit.id)).where(Unit.parent_id == unit_id)):
                raise ValidationError({"unit": "unit_has_children"})
            audit.record(
                session,
                self._actor,
                action="delete",
                entity="unit",
                entity_id=unit.id,
                old=audit.snapshot(unit, _AUDITED),
            )
            session.delete(unit)


def _get(session: Session, unit_id: int, expected_version: int | None) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound(entity="unit", id=unit_id)
    if expected_version is not None and unit.version != expected_version:
        raise Conflict(entity="unit", id=unit_id)
    return unit


def _row(unit: Unit, count: int) -> UnitRow:
    return UnitRow(
        unit.id,
        unit.name,
        unit.short_name,
        unit.parent_id,
        unit.kind,
        unit.contact_person,
        unit.contact_phone,
        unit.address,
        count,
        unit.version,
    )
