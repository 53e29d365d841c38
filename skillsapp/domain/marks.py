"""Mapped classes of scoring: marks and their history, judges' sign-off, paper sheets
keyed twice by clerks, re-checks, appeals, and the published results."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from skillsapp.domain.base import Base, Timestamped, Versioned, utcnow
from skillsapp.domain.models import enum_column


class MarkSource(enum.StrEnum):
    GRID = "grid"  # typed by the judge in the entry grid
    PAPER = "paper"  # keyed twice from a signed paper sheet and confirmed
    IMPORT = "import"  # from a filled .xlsx score sheet


class ChangeKind(enum.StrEnum):
    ENTRY = "entry"  # first value, or the judge's own change before sign-off
    CORRECTION = "correction"  # after the chief judge returned the sheet
    RECHECK = "recheck"  # 复核 correction in writing by the chief judge
    APPEAL = "appeal"  # re-mark after an appeal (申诉)


class Mark(Versioned, Base):
    """One judge's value for one criterion of one contestant (a deduction where the
    criterion says so). Measurement criteria have one mark, by whichever judge entered it."""

    __tablename__ = "mark"
    __table_args__ = (
        UniqueConstraint("registration_id", "criterion_id", "judge_id"),
        Index("ix_mark_judge", "judge_id", "criterion_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("scheme_criterion.id", ondelete="RESTRICT")
    )
    judge_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    value: Mapped[Decimal]
    source: Mapped[MarkSource] = mapped_column(
        enum_column(MarkSource, "mark_source"), default=MarkSource.GRID
    )
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    corrected: Mapped[bool] = mapped_column(default=False)

    history: Mapped[list[MarkChange]] = relationship(
        back_populates="mark", order_by="MarkChange.id", cascade="all, delete-orphan"
    )


class MarkChange(Base):
    """Every value a mark has had: old, new, who, when, why."""

    __tablename__ = "mark_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    mark_id: Mapped[int] = mapped_column(ForeignKey("mark.id", ondelete="CASCADE"), index=True)
    old_value: Mapped[Decimal | None]
    new_value: Mapped[Decimal | None]
    kind: Mapped[ChangeKind] = mapped_column(enum_column(ChangeKind, "mark_change_kind"))
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(80), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")

    mark: Mapped[Mark] = relationship(back_populates="history")


class SubmissionStatus(enum.StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"  # signed off; read-only to the judge
    RETURNED = "returned"  # sent back by the chief judge for correction


class JudgeSubmission(Versioned, Base):
    """A judge's sign-off of their marks for one event."""

    __tablename__ = "judge_submission"
    __table_args__ = (UniqueConstraint("event_id", "judge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    status: Mapped[SubmissionStatus] = mapped_column(
        enum_column(SubmissionStatus, "submission_status"), default=SubmissionStatus.OPEN
    )
    submitted_at: Mapped[dt.datetime | None]
    returned_at: Mapped[dt.datetime | None]
    return_reason: Mapped[str] = mapped_column(Text, default="")
    chief_reviewed_at: Mapped[dt.datetime | None]  # 裁判长审核提交；此后方可解密


class SheetStatus(enum.StrEnum):
    RECEIVED = "received"  # the signed paper sheet is at the desk
    ENTERED = "entered"  # keyed once
    CONFIRMED = "confirmed"  # keyed twice, equal (or resolved), confirmed: marks count
    SIGNED = "signed"  # checked against the paper by the chief judge


class PaperSheet(Versioned, Timestamped, Base):
    """A judge's signed paper score sheet for one event, keyed in twice by clerks."""

    __tablename__ = "paper_sheet"
    __table_args__ = (UniqueConstraint("event_id", "judge_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    status: Mapped[SheetStatus] = mapped_column(
        enum_column(SheetStatus, "sheet_status"), default=SheetStatus.RECEIVED
    )
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    confirmed_at: Mapped[dt.datetime | None]

    keyings: Mapped[list[SheetKeying]] = relationship(
        back_populates="sheet", order_by="SheetKeying.round", cascade="all, delete-orphan"
    )


class SheetKeying(Base):
    """One clerk's keying of a paper sheet (round 1 or the blind round 2)."""

    __tablename__ = "sheet_keying"
    __table_args__ = (UniqueConstraint("sheet_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("paper_sheet.id", ondelete="CASCADE"))
    round: Mapped[int]
    clerk_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="RESTRICT"))
    keyed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    sheet: Mapped[PaperSheet] = relationship(back_populates="keyings")
    values: Mapped[list[SheetValue]] = relationship(cascade="all, delete-orphan")


class SheetValue(Base):
    __tablename__ = "sheet_value"
    __table_args__ = (UniqueConstraint("keying_id", "registration_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    keying_id: Mapped[int] = mapped_column(ForeignKey("sheet_keying.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("scheme_criterion.id", ondelete="CASCADE"))
    value: Mapped[Decimal | None]


class ContestantScore(Versioned, Base):
    """Per-contestant inputs beside the marks: time used, disqualification (失格)."""

    __tablename__ = "contestant_score"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), primary_key=True
    )
    time_used: Mapped[Decimal | None]  # minutes
    disqualified: Mapped[bool] = mapped_column(default=False)
    disqualified_reason: Mapped[str] = mapped_column(Text, default="")


class RecheckSample(Base):
    """复核: the drawn sample of an event (top 10 + a share of the rest), reproducible."""

    __tablename__ = "recheck_sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    seed: Mapped[int]
    drawn_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    drawn_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))

    items: Mapped[list[RecheckItem]] = relationship(cascade="all, delete-orphan")


class RecheckItem(Base):
    __tablename__ = "recheck_item"
    __table_args__ = (UniqueConstraint("sample_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("recheck_sample.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
    checked: Mapped[bool] = mapped_column(default=False)
    error_found: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    checked_at: Mapped[dt.datetime | None]


class AppealStatus(enum.StrEnum):
    OPEN = "open"
    UPHELD = "upheld"
    REJECTED = "rejected"


class Appeal(Versioned, Timestamped, Base):
    """申诉 against a contestant's result; the ruling is final."""

    __tablename__ = "appeal"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), index=True
    )
    filed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    appellant: Mapped[str] = mapped_column(String(80), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[AppealStatus] = mapped_column(
        enum_column(AppealStatus, "appeal_status"), default=AppealStatus.OPEN
    )
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))


class EventResult(Base):
    """A contestant's published result (written at 公示, frozen at 已定): what the
    results sheet, certificates and the person's competition history read."""

    __tablename__ = "event_result"
    __table_args__ = (UniqueConstraint("event_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int | None]
    total: Mapped[Decimal | None]
    components: Mapped[str] = mapped_column(Text, default="{}")  # JSON: key → score text
    award: Mapped[str | None] = mapped_column(String(20))
    titles: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of title names
    provisional: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class HonourLevel(enum.StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    CITY = "city"
    COUNTY = "county"
    INDUSTRY = "industry"
    ENTERPRISE = "enterprise"


class HonourType(Base):
    """A kind of honour (劳动模范, 五一劳动奖章, 技术能手, 工匠 …): data, not code."""

    __tablename__ = "honour_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    ladder: Mapped[str] = mapped_column(String(30), default="")  # e.g. "技术能手"
    for_units: Mapped[bool] = mapped_column(default=False)
    rank: Mapped[int] = mapped_column(default=0)  # order within its ladder, high first


class Honour(Versioned, Timestamped, Base):
    """One honour held by a person (or a unit): type, level, exact title, body, year."""

    __tablename__ = "honour"
    # The same honour (services.honours.duplicate_of) at most once: one holder, type,
    # level, title, year. NULLs never clash in a unique index, so honours without a year
    # have indexes of their own, in which every missing year is one value.
    __table_args__ = (
        Index(
            "ux_honour_person",
            *("person_id", "type_id", "level", "title", "year"),
            unique=True,
            sqlite_where=text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NOT NULL"),
            postgresql_where=text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NOT NULL"),
        ),
        Index(
            "ux_honour_person_undated",
            *("person_id", "type_id", "level", "title"),
            unique=True,
            sqlite_where=text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NULL"),
            postgresql_where=text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NULL"),
        ),
        Index(
            "ux_honour_unit",
            *("unit_id", "type_id", "level", "title", "year"),
            unique=True,
            sqlite_where=text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NOT NULL"),
            postgresql_where=text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NOT NULL"),
        ),
        Index(
            "ux_honour_unit_undated",
            *("unit_id", "type_id", "level", "title"),
            unique=True,
            sqlite_where=text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NULL"),
            postgresql_where=text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("honour_type.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"))
    level: Mapped[HonourLevel] = mapped_column(enum_column(HonourLevel, "honour_level"))
    title: Mapped[str] = mapped_column(String(120))  # exact text, e.g. 焦作市技术能手
    granting_body: Mapped[str] = mapped_column(String(120), default="")
    year: Mapped[int | None]
    edition: Mapped[str] = mapped_column(String(20), default="")  # 第N届
    document_number: Mapped[str] = mapped_column(String(60), default="")
    granted_on: Mapped[dt.date | None]
    source_result_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_result.id", ondelete="SET NULL")
    )

    type: Mapped[HonourType] = relationship()
