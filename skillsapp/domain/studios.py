"""Mapped classes of innovation studios (劳模和工匠人才创新工作室, 技能大师工作室):
members, innovation results and patents, trainings, talents trained, evaluations."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from skillsapp.domain.base import Base, IntEnumType, Timestamped, Versioned
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import Person, Unit, enum_column


class StudioKind(enum.StrEnum):
    MODEL_WORKER = "model_worker"  # 劳模创新工作室 (union system)
    CRAFTSMAN = "craftsman"  # 劳模和工匠人才创新工作室 / 工匠人才创新工作室 (union)
    SKILL_MASTER = "skill_master"  # 技能大师工作室 (HR system)


class StudioStatus(enum.StrEnum):
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"
    REVOKED = "revoked"


class Studio(Versioned, Timestamped, Base):
    """An innovation studio named after and led by a model worker or craftsman."""

    __tablename__ = "studio"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[StudioKind] = mapped_column(enum_column(StudioKind, "studio_kind"))
    level: Mapped[HonourLevel] = mapped_column(enum_column(HonourLevel, "honour_level"))
    demonstration: Mapped[bool] = mapped_column(default=False)  # 全国示范性
    host_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    founded_on: Mapped[dt.date | None]
    accredited_on: Mapped[dt.date | None]
    accreditation_number: Mapped[str] = mapped_column(String(60), default="")
    last_confirmed_on: Mapped[dt.date | None]  # 复审/再认定
    status: Mapped[StudioStatus] = mapped_column(
        enum_column(StudioStatus, "studio_status"), default=StudioStatus.ACTIVE
    )
    description: Mapped[str] = mapped_column(Text, default="")

    host_unit: Mapped[Unit | None] = relationship()
    leader: Mapped[Person | None] = relationship()


class StudioMember(Base):
    __tablename__ = "studio_member"
    __table_args__ = (Index("ix_studio_member_person", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studio.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(30), default="成员")  # 领办人, 骨干, 成员 …
    joined_on: Mapped[dt.date | None]
    left_on: Mapped[dt.date | None]


class InnovationKind(enum.StrEnum):
    TECHNICAL_INNOVATION = "technical_innovation"  # 技术革新
    INVENTION = "invention"  # 发明创造
    RATIONALISATION = "rationalisation"  # 合理化建议
    QC = "qc"  # QC 成果
    CONSTRUCTION_METHOD = "construction_method"  # 工法
    OTHER = "other"


class PatentKind(enum.StrEnum):
    INVENTION = "invention"  # 发明专利
    UTILITY_MODEL = "utility_model"  # 实用新型
    DESIGN = "design"  # 外观设计


innovation_contributor = Table(
    "innovation_contributor",
    Base.metadata,
    Column("innovation_id", ForeignKey("innovation.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
)


class Innovation(Versioned, Timestamped, Base):
    """创新成果: a result of a studio, possibly patented, with its economic benefit."""

    __tablename__ = "innovation"
    __table_args__ = (Index("ix_innovation_studio_year", "studio_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studio.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    kind: Mapped[InnovationKind] = mapped_column(enum_column(InnovationKind, "innovation_kind"))
    applied: Mapped[bool] = mapped_column(default=False)  # 成果转化/推广应用
    patent_kind: Mapped[PatentKind | None] = mapped_column(enum_column(PatentKind, "patent_kind"))
    patent_number: Mapped[str] = mapped_column(String(40), default="")
    patent_granted_on: Mapped[dt.date | None]
    benefit: Mapped[Decimal] = mapped_column(default=Decimal(0))  # 万元
    awards: Mapped[str] = mapped_column(Text, default="")

    contributors: Mapped[list[Person]] = relationship(secondary=innovation_contributor)


class StudioTraining(Base):
    """A training held by a studio (conditions ask for 2+ a year)."""

    __tablename__ = "studio_training"

    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studio.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[dt.date]
    title: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[int] = mapped_column(default=0)


class TalentTrained(Base):
    """A person trained by a studio and the level reached."""

    __tablename__ = "talent_trained"
    __table_args__ = (UniqueConstraint("studio_id", "person_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    studio_id: Mapped[int] = mapped_column(ForeignKey("studio.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    year: Mapped[int]
    level_reached: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    promoted: Mapped[bool] = mapped_column(default=False)


class EvaluationPlan(Versioned, Timestamped, Base):
    """年度考核: an organizer's weighted metrics for one year (JSON list of metrics)."""

    __tablename__ = "evaluation_plan"
    __table_args__ = (UniqueConstraint("year", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    metrics: Mapped[str] = mapped_column(Text, default="[]")


class EvaluationScore(Base):
    """The manual scores a studio got in an evaluation (JSON: metric key → score)."""

    __tablename__ = "evaluation_score"
    __table_args__ = (UniqueConstraint("plan_id", "studio_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("evaluation_plan.id", ondelete="CASCADE"))
    studio_id: Mapped[int] = mapped_column(ForeignKey("studio.id", ondelete="CASCADE"))
    manual: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(Text, default="")
