"""scoring

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "honour_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("ladder", sa.String(length=30), nullable=False),
        sa.Column("for_units", sa.Boolean(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honour_type")),
        sa.UniqueConstraint("name", name=op.f("uq_honour_type_name")),
    )
    op.create_table(
        "judge_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "submitted",
                "returned",
                name="submission_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=False),
        sa.Column("chief_reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_judge_submission_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["app_user.id"],
            name=op.f("fk_judge_submission_judge_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judge_submission")),
        sa.UniqueConstraint(
            "event_id", "judge_id", name=op.f("uq_judge_submission_event_id_judge_id")
        ),
    )
    op.create_table(
        "paper_sheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "entered",
                "confirmed",
                "signed",
                name="sheet_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("confirmed_by", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["confirmed_by"],
            ["app_user.id"],
            name=op.f("fk_paper_sheet_confirmed_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_paper_sheet_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["app_user.id"],
            name=op.f("fk_paper_sheet_judge_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper_sheet")),
        sa.UniqueConstraint("event_id", "judge_id", name=op.f("uq_paper_sheet_event_id_judge_id")),
    )
    op.create_table(
        "recheck_sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("drawn_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["drawn_by"],
            ["app_user.id"],
            name=op.f("fk_recheck_sample_drawn_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_recheck_sample_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recheck_sample")),
    )
    with op.batch_alter_table("recheck_sample", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recheck_sample_event_id"), ["event_id"], unique=False)

    op.create_table(
        "appeal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("appellant", sa.String(length=80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "upheld", "rejected", name="appeal_status", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["app_user.id"],
            name=op.f("fk_appeal_decided_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_appeal_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal")),
    )
    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appeal_registration_id"), ["registration_id"], unique=False
        )

    op.create_table(
        "contestant_score",
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("time_used", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("disqualified", sa.Boolean(), nullable=False),
        sa.Column("disqualified_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_contestant_score_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("registration_id", name=op.f("pk_contestant_score")),
    )
    op.create_table(
        "event_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("total", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("components", sa.Text(), nullable=False),
        sa.Column("award", sa.String(length=20), nullable=True),
        sa.Column("titles", sa.Text(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_result_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_event_result_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_result")),
        sa.UniqueConstraint(
            "event_id", "registration_id", name=op.f("uq_event_result_event_id_registration_id")
        ),
    )
    with op.batch_alter_table("event_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_result_registration_id"), ["registration_id"], unique=False
        )

    op.create_table(
        "recheck_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("checked", sa.Boolean(), nullable=False),
        sa.Column("error_found", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.Integer(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["checked_by"],
            ["app_user.id"],
            name=op.f("fk_recheck_item_checked_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_recheck_item_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["recheck_sample.id"],
            name=op.f("fk_recheck_item_sample_id_recheck_sample"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recheck_item")),
        sa.UniqueConstraint(
            "sample_id", "registration_id", name=op.f("uq_recheck_item_sample_id_registration_id")
        ),
    )
    op.create_table(
        "sheet_keying",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("keyed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"],
            ["app_user.id"],
            name=op.f("fk_sheet_keying_clerk_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sheet_id"],
            ["paper_sheet.id"],
            name=op.f("fk_sheet_keying_sheet_id_paper_sheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_keying")),
        sa.UniqueConstraint("sheet_id", "round", name=op.f("uq_sheet_keying_sheet_id_round")),
    )
    op.create_table(
        "honour",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column(
            "level",
            sa.Enum(
                "national",
                "provincial",
                "city",
                "county",
                "industry",
                "enterprise",
                name="honour_level",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("granting_body", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("edition", sa.String(length=20), nullable=False),
        sa.Column("document_number", sa.String(length=60), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=True),
        sa.Column("source_result_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_honour_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_result_id"],
            ["event_result.id"],
            name=op.f("fk_honour_source_result_id_event_result"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["honour_type.id"],
            name=op.f("fk_honour_type_id_honour_type"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_honour_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honour")),
    )
    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_honour_person_id"), ["person_id"], unique=False)

    op.create_table(
        "mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column(
            "source",
            sa.Enum("grid", "paper", "import", name="mark_source", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["scheme_criterion.id"],
            name=op.f("fk_mark_criterion_id_scheme_criterion"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["entered_by"],
            ["app_user.id"],
            name=op.f("fk_mark_entered_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["app_user.id"],
            name=op.f("fk_mark_judge_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_mark_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mark")),
        sa.UniqueConstraint(
            "registration_id",
            "criterion_id",
            "judge_id",
            name=op.f("uq_mark_registration_id_criterion_id_judge_id"),
        ),
    )
    with op.batch_alter_table("mark", schema=None) as batch_op:
        batch_op.create_index("ix_mark_judge", ["judge_id", "criterion_id"], unique=False)

    op.create_table(
        "sheet_value",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("keying_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["scheme_criterion.id"],
            name=op.f("fk_sheet_value_criterion_id_scheme_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["keying_id"],
            ["sheet_keying.id"],
            name=op.f("fk_sheet_value_keying_id_sheet_keying"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_sheet_value_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_value")),
        sa.UniqueConstraint(
            "keying_id",
            "registration_id",
            "criterion_id",
            name=op.f("uq_sheet_value_keying_id_registration_id_criterion_id"),
        ),
    )
    op.create_table(
        "mark_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mark_id", sa.Integer(), nullable=False),
        sa.Column("old_value", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("new_value", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "entry",
                "correction",
                "recheck",
                "appeal",
                name="mark_change_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by"],
            ["app_user.id"],
            name=op.f("fk_mark_change_changed_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["mark_id"], ["mark.id"], name=op.f("fk_mark_change_mark_id_mark"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mark_change")),
    )
    with op.batch_alter_table("mark_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mark_change_mark_id"), ["mark_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mark_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mark_change_mark_id"))

    op.drop_table("mark_change")
    op.drop_table("sheet_value")
    with op.batch_alter_table("mark", schema=None) as batch_op:
        batch_op.drop_index("ix_mark_judge")

    op.drop_table("mark")
    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_honour_person_id"))

    op.drop_table("honour")
    op.drop_table("sheet_keying")
    op.drop_table("recheck_item")
    with op.batch_alter_table("event_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_result_registration_id"))

    op.drop_table("event_result")
    op.drop_table("contestant_score")
    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appeal_registration_id"))

    op.drop_table("appeal")
    with op.batch_alter_table("recheck_sample", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recheck_sample_event_id"))

    op.drop_table("recheck_sample")
    op.drop_table("paper_sheet")
    op.drop_table("judge_submission")
    op.drop_table("honour_type")
