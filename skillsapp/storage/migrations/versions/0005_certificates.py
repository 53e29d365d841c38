"""certificates

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "award",
                "honour",
                "participation",
                "booklet",
                name="template_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_template")),
        sa.UniqueConstraint("name", name=op.f("uq_certificate_template_name")),
    )
    op.create_table(
        "serial_counter",
        sa.Column("prefix", sa.String(length=40), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_serial_counter")),
    )
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_key")),
        sa.UniqueConstraint("public_key", name=op.f("uq_signing_key_public_key")),
    )
    op.create_table(
        "template_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["certificate_template.id"],
            name=op.f("fk_template_image_template_id_certificate_template"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_image")),
        sa.UniqueConstraint("template_id", "name", name=op.f("uq_template_image_template_id_name")),
    )
    op.create_table(
        "template_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("layout", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["certificate_template.id"],
            name=op.f("fk_template_version_template_id_certificate_template"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_version")),
        sa.UniqueConstraint(
            "template_id", "number", name=op.f("uq_template_version_template_id_number")
        ),
    )
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("honour_id", sa.Integer(), nullable=True),
        sa.Column("award", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("template_version_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("valid", "revoked", name="certificate_status", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=80), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_certificate_competition_id_competition"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_certificate_event_id_event"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["honour_id"],
            ["honour.id"],
            name=op.f("fk_certificate_honour_id_honour"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["signing_key.id"],
            name=op.f("fk_certificate_key_id_signing_key"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_certificate_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["event_result.id"],
            name=op.f("fk_certificate_result_id_event_result"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["template_version.id"],
            name=op.f("fk_certificate_template_version_id_template_version"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("serial", name=op.f("uq_certificate_serial")),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index("ix_certificate_competition", ["competition_id"], unique=False)
        batch_op.create_index("ix_certificate_person", ["person_id"], unique=False)

    op.create_table(
        "certificate_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("issue", "reprint", "print", name="print_kind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificate.id"],
            name=op.f("fk_certificate_print_certificate_id_certificate"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_print")),
    )
    with op.batch_alter_table("certificate_print", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificate_print_certificate_id"), ["certificate_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("certificate_print", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_print_certificate_id"))

    op.drop_table("certificate_print")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index("ix_certificate_person")
        batch_op.drop_index("ix_certificate_competition")

    op.drop_table("certificate")
    op.drop_table("template_version")
    op.drop_table("template_image")
    op.drop_table("signing_key")
    op.drop_table("serial_counter")
    op.drop_table("certificate_template")
