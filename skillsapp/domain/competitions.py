"""Mapped classes of competitions: events, scoring schemes, registrations, judges."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from skillsapp.domain.base import Base, IntEnumType, Timestamped, Versioned
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, Unit, User, enum_column


class CompetitionKind(enum.StrEnum):
    SKILLS_CONTEST = "skills_contest"  # 技能竞赛 / 技能比武
    SPORTS_MEET = "sports_meet"  # 职工技术运动会
    LABOUR_CONTEST = "labour_contest"  # 劳动竞赛
    DRILL = "drill"  # 岗位练兵


class CompetitionLevel(enum.StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    CITY = "city"
    INDUSTRY = "industry"
    ENTERPRISE = "enterprise"


class CompetitionStatus(enum.StrEnum):
    DRAFT = "draft"  # 筹备
    REGISTRATION = "registration"  # 报名
    SCORING = "scoring"  # 比赛
    REVIEW = "review"  # 公示
    FINAL = "final"  # 已定
    ARCHIVED = "archived"  # 归档


class RegistrationStatus(enum.StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


competition_co_organizer = Table(
    "competition_co_organizer",
    Base.metadata,
    Column("competition_id", ForeignKey("competition.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True),
)

event_allowed_unit = Table(
    "event_allowed_unit",
    Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True),
)


class Competition(Versioned, Timestamped, Base):
    """A contest or a multi-trade meet; its status workflow guards every write."""

    __tablename__ = "competition"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    edition: Mapped[int | None]
    kind: Mapped[CompetitionKind] = mapped_column(enum_column(CompetitionKind, "competition_kind"))
    level: Mapped[CompetitionLevel] = mapped_column(
        enum_column(CompetitionLevel, "competition_level"), default=CompetitionLevel.CITY
    )
    level_class: Mapped[str] = mapped_column(String(10), default="")  # 一类 / 二类
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    venue: Mapped[str] = mapped_column(String(200), default="")
    code: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[CompetitionStatus] = mapped_column(
        enum_column(CompetitionStatus, "competition_status"), default=CompetitionStatus.DRAFT
    )
    quota_per_unit: Mapped[int | None]  # None: no limit; CompetitionInput proposes 3
    one_event_per_person: Mapped[bool] = mapped_column(default=True)
    review_days: Mapped[int] = mapped_column(default=5)
    appeal_hours: Mapped[int] = mapped_column(default=2)
    draw_seed: Mapped[int | None]
    drawn_at: Mapped[dt.datetime | None]
    review_started_at: Mapped[dt.datetime | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    organizer: Mapped[Unit | None] = relationship(foreign_keys=[organizer_id])
    co_organizers: Mapped[list[Unit]] = relationship(secondary=competition_co_organizer)
    events: Mapped[list[Event]] = relationship(
        back_populates="competition", order_by="Event.position", cascade="all, delete-orphan"
    )


class Event(Versioned, Timestamped, Base):
    """比赛项目: usually one trade, with its own scoring scheme, award and title rules."""

    __tablename__ = "event"
    __table_args__ = (UniqueConstraint("competition_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competition.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(80))
    trade: Mapped[str] = mapped_column(String(60), default="")
    team: Mapped[bool] = mapped_column(default=False)
    team_size: Mapped[int | None]
    team_mode: Mapped[str] = mapped_column(String(20), default="best_k_sum")
    team_k: Mapped[int] = mapped_column(default=3)
    min_level: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    max_level: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    min_age: Mapped[int | None]
    max_age: Mapped[int | None]
    quota_per_unit: Mapped[int | None]  # None: the competition's quota
    blind: Mapped[bool] = mapped_column(default=False)
    time_used: Mapped[bool] = mapped_column(default=False)
    rounding_decimals: Mapped[int] = mapped_column(default=2)
    rounding_mode: Mapped[str] = mapped_column(String(20), default="ROUND_HALF_UP")
    trim_threshold: Mapped[int] = mapped_column(default=5)
    worldskills_max_spread: Mapped[Decimal] = mapped_column(default=Decimal(1))
    min_field: Mapped[int | None]
    tie_breaks: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    award_rule: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    title_rules: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    draw_seed: Mapped[int | None]
    drawn_at: Mapped[dt.datetime | None]

    competition: Mapped[Competition] = relationship(back_populates="events")
    components: Mapped[list[SchemeComponent]] = relationship(
        back_populates="event", order_by="SchemeComponent.position", cascade="all, delete-orphan"
    )
    allowed_units: Mapped[list[Unit]] = relationship(secondary=event_allowed_unit)


class SchemeComponent(Base):
    """A weighted part of an event's total (理论 30 %, 实操 70 % …)."""

    __tablename__ = "scheme_component"
    __table_args__ = (UniqueConstraint("event_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(60))
    weight: Mapped[Decimal]
    base: Mapped[str] = mapped_column(String(10), default="sum")

    event: Mapped[Event] = relationship(back_populates="components")
    criteria: Mapped[list[SchemeCriterion]] = relationship(
        back_populates="component",
        order_by="SchemeCriterion.position",
        cascade="all, delete-orphan",
    )


class SchemeCriterion(Base):
    """评分项: one line of a score sheet with its allotted marks (配分)."""

    __tablename__ = "scheme_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    component_id: Mapped[int] = mapped_column(ForeignKey("scheme_component.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    key: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(120))
    max_mark: Mapped[Decimal]
    kind: Mapped[str] = mapped_column(String(12), default="measurement")
    aggregation: Mapped[str] = mapped_column(String(14), default="mean")
    step: Mapped[Decimal | None]
    deduction: Mapped[bool] = mapped_column(default=False)
    requirement: Mapped[str] = mapped_column(Text, default="")  # 考核要求
    standard: Mapped[str] = mapped_column(Text, default="")  # 评分标准

    component: Mapped[SchemeComponent] = relationship(back_populates="criteria")


class Registration(Versioned, Timestamped, Base):
    """报名: a person entered for an event on behalf of a unit."""

    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id"),
        UniqueConstraint("event_id", "bib"),
        UniqueConstraint("event_id", "blind_code"),
        Index("ix_registration_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    status: Mapped[RegistrationStatus] = mapped_column(
        enum_column(RegistrationStatus, "registration_status"), default=RegistrationStatus.ACTIVE
    )
    bib: Mapped[str | None] = mapped_column(String(12))
    start_order: Mapped[int | None]
    blind_code: Mapped[str | None] = mapped_column(String(12))
    team_name: Mapped[str] = mapped_column(String(60), default="")
    is_leader: Mapped[bool] = mapped_column(default=False)  # 领队
    note: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship()
    unit: Mapped[Unit | None] = relationship()


class EventJudge(Base):
    """A judge assigned to an event; one of them is the chief judge (裁判长)."""

    __tablename__ = "event_judge"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    chief: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship()


class JudgeBlock(Base):
    """A judge kept away from one contestant (e.g. from the same unit)."""

    __tablename__ = "judge_block"
    __table_args__ = (UniqueConstraint("event_judge_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_judge_id: Mapped[int] = mapped_column(ForeignKey("event_judge.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
