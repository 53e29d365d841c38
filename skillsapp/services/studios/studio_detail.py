"""The rows of the studio page: members (current and former) and the records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.studios import Innovation, StudioMember, StudioTraining, TalentTrained
from skillsapp.services.studios.studio_records import (
    InnovationRow,
    TalentRow,
    TrainingRow,
    innovation_row,
    talent_row,
    training_row,
)


@dataclass(frozen=True)
class MemberRow:
    """A membership: the person as the registry has them now, role, join and leave dates."""

    id: int
    studio_id: int
    person_id: int
    name: str
    unit_name: str
    title: str
    skill_level: SkillLevel | None
    role: str
    joined_on: dt.date | None
    left_on: dt.date | None
    current: bool


def _member(member: StudioMember, person: Person, unit: str | None, today: dt.date) -> MemberRow:
    return MemberRow(
        id=member.id,
        studio_id=member.studio_id,
        person_id=person.id,
        name=person.name,
        unit_name=unit or "",
        title=person.title,
        skill_level=person.skill_level,
        role=member.role,
        joined_on=member.joined_on,
        left_on=member.left_on,
        current=member.left_on is None or member.left_on > today,
    )


def _member_query() -> Select[StudioMember, Person, str]:
    return (
        select(StudioMember, Person, Unit.name)
        .join(Person, Person.id == StudioMember.person_id)
        .outerjoin(Unit, Unit.id == Person.unit_id)
    )


def member_row(session: Session, member: StudioMember, today: dt.date) -> MemberRow:
    found = session.execute(_member_query().where(StudioMember.id == member.id)).one()
    return _member(*found, today)


def member_rows(session: Session, studio_id: int, today: dt.date) -> list[MemberRow]:
    """Current members first (leader roles first), then former ones; by pinyin within."""
    query = _member_query().where(StudioMember.studio_id == studio_id)
    found = list(session.execute(query).all())
    found.sort(key=lambda f: (_first_key(f[0], today), f[1].name_pinyin, f[0].id))
    return [_member(m, p, u, today) for m, p, u in found]


def _first_key(member: StudioMember, today: dt.date) -> tuple[bool, bool]:
    """Current members before former ones, the leader (领办人) first."""
    current = member.left_on is None or member.left_on > today
    return (not current, member.role != "领办人")


def innovation_rows(session: Session, studio_id: int) -> list[InnovationRow]:
    """Newest year first."""
    query = (
        select(Innovation)
        .where(Innovation.studio_id == studio_id)
        .options(selectinload(Innovation.contributors))
        .order_by(Innovation.year.desc(), Innovation.id)
    )
    return [innovation_row(item) for item in session.scalars(query)]


def training_rows(session: Session, studio_id: int) -> list[TrainingRow]:
    query = (
        select(StudioTraining)
        .where(StudioTraining.studio_id == studio_id)
        .order_by(StudioTraining.held_on.desc(), StudioTraining.id)
    )
    return [training_row(item) for item in session.scalars(query)]


def talent_rows(session: Session, studio_id: int) -> list[TalentRow]:
    query = (
        select(TalentTrained, Person.name)
        .join(Person, Person.id == TalentTrained.person_id)
        .where(TalentTrained.studio_id == studio_id)
        .order_by(TalentTrained.year.desc(), Person.name_pinyin, TalentTrained.id)
    )
    return [talent_row(item, name) for item, name in session.execute(query)]
