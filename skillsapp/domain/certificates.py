"""Mapped classes of certificates: versioned templates with their images, the
certificate register with serials and signatures, the print log, signing keys."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from skillsapp.domain.base import Base, Timestamped, Versioned, utcnow
from skillsapp.domain.models import enum_column


class TemplateKind(enum.StrEnum):
    AWARD = "award"  # 获奖证书
    HONOUR = "honour"  # 荣誉证书
    PARTICIPATION = "participation"  # 参赛证书
    BOOKLET = "booklet"  # 套打: pre-printed booklet, variable fields only


class CertificateTemplate(Versioned, Timestamped, Base):
    """A named template; its layouts are kept as numbered versions."""

    __tablename__ = "certificate_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[TemplateKind] = mapped_column(enum_column(TemplateKind, "template_kind"))
    builtin: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)

    versions: Mapped[list[TemplateVersion]] = relationship(
        back_populates="template", order_by="TemplateVersion.number", cascade="all, delete-orphan"
    )


class TemplateVersion(Base):
    """One layout of a template: a draft is edited, a published one is frozen."""

    __tablename__ = "template_version"
    __table_args__ = (UniqueConstraint("template_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("certificate_template.id", ondelete="CASCADE")
    )
    number: Mapped[int]
    layout: Mapped[str] = mapped_column(Text)  # JSON: paper, orientation, background, fields
    published: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_at: Mapped[dt.datetime | None]

    template: Mapped[CertificateTemplate] = relationship(back_populates="versions")


class TemplateImage(Base):
    """An image a template uses (background, emblem, seal), by name."""

    __tablename__ = "template_image"
    __table_args__ = (UniqueConstraint("template_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("certificate_template.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(80))
    media_type: Mapped[str] = mapped_column(String(40), default="image/png")
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sha256: Mapped[str] = mapped_column(String(64), default="")


class CertificateStatus(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"


class Certificate(Versioned, Base):
    """The certificate register: one row per issued certificate, never reused."""

    __tablename__ = "certificate"
    __table_args__ = (
        Index("ix_certificate_person", "person_id"),
        Index("ix_certificate_competition", "competition_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    competition_id: Mapped[int | None] = mapped_column(
        ForeignKey("competition.id", ondelete="RESTRICT")
    )
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="RESTRICT"))
    result_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_result.id", ondelete="SET NULL")
    )
    honour_id: Mapped[int | None] = mapped_column(ForeignKey("honour.id", ondelete="SET NULL"))
    award: Mapped[str] = mapped_column(String(40), default="")  # 一等奖 …
    title: Mapped[str] = mapped_column(String(120), default="")  # honour or title text
    fields: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the values printed
    template_version_id: Mapped[int] = mapped_column(
        ForeignKey("template_version.id", ondelete="RESTRICT")
    )
    signature: Mapped[str] = mapped_column(Text, default="")  # base64 Ed25519 over key fields
    key_id: Mapped[int | None] = mapped_column(ForeignKey("signing_key.id", ondelete="RESTRICT"))
    status: Mapped[CertificateStatus] = mapped_column(
        enum_column(CertificateStatus, "certificate_status"), default=CertificateStatus.VALID
    )
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(80), default="")
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class PrintKind(enum.StrEnum):
    ISSUE = "issue"  # first generated
    REPRINT = "reprint"
    PRINT = "print"  # sent to a printer from the viewer


class CertificatePrint(Base):
    """The register's log: every generation, print and reprint."""

    __tablename__ = "certificate_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificate.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PrintKind] = mapped_column(enum_column(PrintKind, "print_kind"))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SerialCounter(Base):
    """The last sequence number used per serial prefix, so serials are never reused."""

    __tablename__ = "serial_counter"

    prefix: Mapped[str] = mapped_column(String(40), primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class SigningKey(Base):
    """An organisation's Ed25519 public key; the private key stays on the laptops."""

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100), unique=True)  # base64 raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(default=True)
