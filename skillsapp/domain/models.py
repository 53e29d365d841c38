"""Mapped classes of the registry, accounts and audit trail."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Enum as SAEnum
from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from skillsapp.domain.base import Base, IntEnumType, Timestamped, Versioned, utcnow
from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.roles import Role


def enum_column(cls: type[enum.Enum], name: str) -> SAEnum:
    """Store enums by value as plain strings (no native type: portable, easy to migrate)."""
    return SAEnum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [str(m.value) for m in members],
    )


class UnitKind(enum.StrEnum):
    ENTERPRISE = "enterprise"
    UNION = "union"
    SCHOOL = "school"
    GOVERNMENT = "government"
    INSTITUTION = "institution"
    OTHER = "other"


class Unit(Versioned, Timestamped, Base):
    """单位: an employer, union, school or office; units form a tree."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    kind: Mapped[UnitKind] = mapped_column(
        enum_column(UnitKind, "unit_kind"), default=UnitKind.ENTERPRISE
    )
    contact_person: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")
    persons: Mapped[list[Person]] = relationship(back_populates="unit")


class Person(Versioned, Timestamped, Base):
    """职工/人才: a worker in the registry, identified by the resident ID number."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_name", "name"),
        Index("ix_person_initials", "name_initials"),
        Index("ix_person_pinyin", "name_pinyin"),
        Index("ix_person_trade", "trade"),
        Index("ix_person_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    gender: Mapped[Gender] = mapped_column(enum_column(Gender, "gender"))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    birth_date: Mapped[dt.date | None]
    mobile: Mapped[str] = mapped_column(String(20), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    trade: Mapped[str] = mapped_column(String(60), default="")
    skill_level: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    title: Mapped[str] = mapped_column(String(40), default="")
    name_initials: Mapped[str] = mapped_column(String(30), default="")
    name_pinyin: Mapped[str] = mapped_column(String(120), default="")
    photo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    unit: Mapped[Unit | None] = relationship(back_populates="persons")


class User(Versioned, Timestamped, Base):
    """A login account; judges may be linked to their Person record."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

    person: Mapped[Person | None] = relationship()


class AuditEntry(Base):
    """One change made through a service; entries are chained by hash (tamper evidence)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    old_values: Mapped[str | None] = mapped_column(Text)
    new_values: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class Setting(Base):
    """Database-wide settings (shared by every laptop of a venue), as JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
