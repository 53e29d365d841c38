"""Writing a studio's records (part of StudioService): innovation results, trainings and
talents trained. Each write is one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.base import Base
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Permission
from skillsapp.domain.studios import Innovation, Studio, StudioTraining, TalentTrained
from skillsapp.errors import Conflict, NotFound, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.studios.studio_records import (
    INNOVATION_FIELDS,
    TALENT_FIELDS,
    TRAINING_FIELDS,
    InnovationInput,
    InnovationRow,
    TalentInput,
    TalentRow,
    TrainingInput,
    TrainingRow,
    check_talent,
    check_training,
    clean_innovation,
    contributors,
    innovation_row,
    talent_row,
    training_row,
)
from skillsapp.storage.database import Database

T = TypeVar("T", bound=Base)


def fetch(session: Session, cls: type[T], entity: str, key: int, version: int | None = None) -> T:
    """The row `key` of `cls`; NotFound, or Conflict when `version` is given and stale."""
    found = session.get(cls, key)
    if found is None:
        raise NotFound(entity=entity, id=key)
    if version is not None and getattr(found, "version", version) != version:
        raise Conflict(entity=entity, id=key)
    return found


def _contributor_ids(item: Innovation) -> list[int]:
    return sorted(p.id for p in item.contributors)


def _innovation_snapshot(item: Innovation) -> dict[str, Any]:
    values = audit.snapshot(item, ("studio_id", *INNOVATION_FIELDS))
    return {**values, "contributor_ids": _contributor_ids(item)}


class StudioRecordWrites:
    """Innovations, trainings and talents of a studio (mixed into StudioService)."""

    _db: Database
    _actor: Actor

    def _today(self) -> dt.date:
        raise NotImplementedError

    def _log(self, session: Session, action: str, entity: str, key: int, **kw: Any) -> None:
        audit.record(session, self._actor, action=action, entity=entity, entity_id=key, **kw)

    # -- innovations

    def add_innovation(self, studio_id: int, data: InnovationInput) -> InnovationRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        clean = clean_innovation(data, self._today())
        with self._db.transaction() as session:
            fetch(session, Studio, "studio", studio_id)
            item = Innovation(studio_id=studio_id)
            self._apply_innovation(session, item, clean)
            session.add(item)
            session.flush()
            self._log(session, "create", "innovation", item.id, new=_innovation_snapshot(item))
            return innovation_row(item)

    def update_innovation(
        self, innovation_id: int, data: InnovationInput, *, expected_version: int | None = None
    ) -> InnovationRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        clean = clean_innovation(data, self._today())
        with self._db.transaction() as session:
            item = fetch(session, Innovation, "innovation", innovation_id, expected_version)
            before = _innovation_snapshot(item)
            self._apply_innovation(session, item, clean)
            session.flush()
            old, new = audit.changed(before, _innovation_snapshot(item))
            self._log(session, "update", "innovation", item.id, old=old, new=new)
            return innovation_row(item)

    def delete_innovation(self, innovation_id: int, *, reason: str = "") -> None:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            item = fetch(session, Innovation, "innovation", innovation_id)
            old = _innovation_snapshot(item)
            self._log(session, "delete", "innovation", item.id, old=old, reason=reason)
            session.delete(item)

    def _apply_innovation(self, session: Session, item: Innovation, data: InnovationInput) -> None:
        for name in INNOVATION_FIELDS:
            setattr(item, name, getattr(data, name))
        item.contributors = contributors(session, data.contributor_ids)

    # -- trainings

    def add_training(self, studio_id: int, data: TrainingInput) -> TrainingRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        clean = check_training(data, self._today())
        with self._db.transaction() as session:
            fetch(session, Studio, "studio", studio_id)
            item = StudioTraining(studio_id=studio_id, **clean.__dict__)
            session.add(item)
            session.flush()
            new = audit.snapshot(item, ("studio_id", *TRAINING_FIELDS))
            self._log(session, "create", "studio_training", item.id, new=new)
            return training_row(item)

    def update_training(self, training_id: int, data: TrainingInput) -> TrainingRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        clean = check_training(data, self._today())
        with self._db.transaction() as session:
            item = fetch(session, StudioTraining, "studio_training", training_id)
            before = audit.snapshot(item, TRAINING_FIELDS)
            for name, value in clean.__dict__.items():
                setattr(item, name, value)
            session.flush()
            old, new = audit.changed(before, audit.snapshot(item, TRAINING_FIELDS))
            self._log(session, "update", "studio_training", item.id, old=old, new=new)
            return training_row(item)

    def delete_training(self, training_id: int) -> None:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            item = fetch(session, StudioTraining, "studio_training", training_id)
            old = audit.snapshot(item, ("studio_id", *TRAINING_FIELDS))
            self._log(session, "delete", "studio_training", item.id, old=old)
            session.delete(item)

    # -- talents trained

    def add_talent(self, studio_id: int, data: TalentInput) -> TalentRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            fetch(session, Studio, "studio", studio_id)
            check_talent(session, data, self._today())
            _refuse_duplicate_talent(session, studio_id, data, None)
            item = TalentTrained(studio_id=studio_id, **data.__dict__)
            session.add(item)
            session.flush()
            new = audit.snapshot(item, ("studio_id", *TALENT_FIELDS))
            self._log(session, "create", "talent_trained", item.id, new=new)
            return talent_row(item, _person_name(session, item.person_id))

    def update_talent(self, talent_id: int, data: TalentInput) -> TalentRow:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            item = fetch(session, TalentTrained, "talent_trained", talent_id)
            check_talent(session, data, self._today())
            _refuse_duplicate_talent(session, item.studio_id, data, item.id)
            before = audit.snapshot(item, TALENT_FIELDS)
            for name, value in data.__dict__.items():
                setattr(item, name, value)
            session.flush()
            old, new = audit.changed(before, audit.snapshot(item, TALENT_FIELDS))
            self._log(session, "update", "talent_trained", item.id, old=old, new=new)
            return talent_row(item, _person_name(session, item.person_id))

    def delete_talent(self, talent_id: int) -> None:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            item = fetch(session, TalentTrained, "talent_trained", talent_id)
            old = audit.snapshot(item, ("studio_id", *TALENT_FIELDS))
            self._log(session, "delete", "talent_trained", item.id, old=old)
            session.delete(item)


def _refuse_duplicate_talent(
    session: Session, studio_id: int, data: TalentInput, talent_id: int | None
) -> None:
    clash = session.scalar(
        select(TalentTrained.id).where(
            TalentTrained.studio_id == studio_id,
            TalentTrained.person_id == data.person_id,
            TalentTrained.year == data.year,
        )
    )
    if clash is not None and clash != talent_id:
        raise ValidationError({"person_id": "talent_duplicate"})


def _person_name(session: Session, person_id: int) -> str:
    return session.scalar(select(Person.name).where(Person.id == person_id)) or ""
