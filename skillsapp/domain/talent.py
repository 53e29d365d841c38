"""Mapped classes of the talent registry in depth: skill certificates, professional
titles, mentorship (师带徒), honour nominations with their documents, saved searches.
(Honours themselves live in domain/marks.py beside the results that grant them.)"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from skillsapp.domain.base import Base, IntEnumType, Timestamped, Versioned, utcnow
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import enum_column


class SkillCertificate(Versioned, Timestamped, Base):
    """职业技能等级证书 (or an older 职业资格证书); the highest valid one sets the level."""

    __tablename__ = "skill_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    occupation: Mapped[str] = mapped_column(String(60))
    direction: Mapped[str] = mapped_column(String(60), default="")  # 工种/方向, "--" when none
    level: Mapped[SkillLevel] = mapped_column(IntEnumType(SkillLevel))
    number: Mapped[str] = mapped_column(String(40), default="")
    issue_date: Mapped[dt.date | None]
    issuer: Mapped[str] = mapped_column(String(120), default="")
    revoked: Mapped[bool] = mapped_column(default=False)


class ProfessionalTitle(Versioned, Timestamped, Base):
    """职称 held by a person, with the date it was conferred."""

    __tablename__ = "professional_title"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(40))
    granted_on: Mapped[dt.date | None]
    issuer: Mapped[str] = mapped_column(String(120), default="")
    certificate_number: Mapped[str] = mapped_column(String(40), default="")


class MentorshipStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED = "ended"  # ended early


class GraduationResult(enum.StrEnum):
    EXCELLENT = "excellent"  # 优秀
    PASS = "pass"  # 及格
    FAIL = "fail"  # 不及格


class Mentorship(Versioned, Timestamped, Base):
    """师带徒: a written agreement between a master and an apprentice."""

    __tablename__ = "mentorship"
    __table_args__ = (
        Index("ix_mentorship_mentor", "mentor_id"),
        Index("ix_mentorship_apprentice", "apprentice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    apprentice_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    agreement_number: Mapped[str] = mapped_column(String(40), default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    goal_level: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    level_before: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    level_after: Mapped[SkillLevel | None] = mapped_column(IntEnumType(SkillLevel))
    status: Mapped[MentorshipStatus] = mapped_column(
        enum_column(MentorshipStatus, "mentorship_status"), default=MentorshipStatus.ACTIVE
    )
    result: Mapped[GraduationResult | None] = mapped_column(
        enum_column(GraduationResult, "graduation_result")
    )


class RoundStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class NominationRound(Versioned, Timestamped, Base):
    """A selection round for an honour, e.g. 2025年焦作市劳动模范评选."""

    __tablename__ = "nomination_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    honour_type_id: Mapped[int] = mapped_column(ForeignKey("honour_type.id", ondelete="RESTRICT"))
    level: Mapped[HonourLevel] = mapped_column(enum_column(HonourLevel, "honour_level"))
    title: Mapped[str] = mapped_column(String(120))  # the exact honour text granted
    granting_body: Mapped[str] = mapped_column(String(120), default="")
    year: Mapped[int | None]
    document_number: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[RoundStatus] = mapped_column(
        enum_column(RoundStatus, "round_status"), default=RoundStatus.OPEN
    )


class NominationStatus(enum.StrEnum):
    NOMINATED = "nominated"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    REJECTED = "rejected"


class Nomination(Versioned, Timestamped, Base):
    """推荐: a person (or unit) put forward in a round; approval grants the honour once."""

    __tablename__ = "nomination"
    # Once per round for a person, once for a unit (services.nominations checks the same).
    __table_args__ = (
        Index(
            "ux_nomination_round_person",
            "round_id",
            "person_id",
            unique=True,
            sqlite_where=text("person_id IS NOT NULL"),
            postgresql_where=text("person_id IS NOT NULL"),
        ),
        Index(
            "ux_nomination_round_unit",
            "round_id",
            "unit_id",
            unique=True,
            sqlite_where=text("unit_id IS NOT NULL"),
            postgresql_where=text("unit_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_round.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    nominated_by_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[NominationStatus] = mapped_column(
        enum_column(NominationStatus, "nomination_status"), default=NominationStatus.NOMINATED
    )
    review_notes: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None]
    honour_id: Mapped[int | None] = mapped_column(ForeignKey("honour.id", ondelete="SET NULL"))

    documents: Mapped[list[NominationDocument]] = relationship(cascade="all, delete-orphan")


class NominationDocument(Base):
    """A file attached to a nomination (事迹材料, 推荐表 …), stored in the database."""

    __tablename__ = "nomination_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int]
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))


class SavedSearch(Base):
    """A registry search a user named and kept."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    query: Mapped[str] = mapped_column(Text)  # JSON of the registry query
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
