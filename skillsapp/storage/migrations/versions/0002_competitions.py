"""competitions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "competition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "skills_contest",
                "sports_meet",
                "labour_contest",
                "drill",
                name="competition_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "national",
                "provincial",
                "city",
                "industry",
                "enterprise",
                name="competition_level",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("level_class", sa.String(length=10), nullable=False),
        sa.Column("organizer_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "registration",
                "scoring",
                "review",
                "final",
                "archived",
                name="competition_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("quota_per_unit", sa.Integer(), nullable=True),
        sa.Column("one_event_per_person", sa.Boolean(), nullable=False),
        sa.Column("review_days", sa.Integer(), nullable=False),
        sa.Column("appeal_hours", sa.Integer(), nullable=False),
        sa.Column("draw_seed", sa.Integer(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organizer_id"],
            ["unit.id"],
            name=op.f("fk_competition_organizer_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competition")),
        sa.UniqueConstraint("code", name=op.f("uq_competition_code")),
    )
    op.create_table(
        "competition_co_organizer",
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_competition_co_organizer_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_competition_co_organizer_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "competition_id", "unit_id", name=op.f("pk_competition_co_organizer")
        ),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("trade", sa.String(length=60), nullable=False),
        sa.Column("team", sa.Boolean(), nullable=False),
        sa.Column("team_size", sa.Integer(), nullable=True),
        sa.Column("team_mode", sa.String(length=20), nullable=False),
        sa.Column("team_k", sa.Integer(), nullable=False),
        sa.Column("min_level", sa.Integer(), nullable=True),
        sa.Column("max_level", sa.Integer(), nullable=True),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("quota_per_unit", sa.Integer(), nullable=True),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("time_used", sa.Boolean(), nullable=False),
        sa.Column("rounding_decimals", sa.Integer(), nullable=False),
        sa.Column("rounding_mode", sa.String(length=20), nullable=False),
        sa.Column("trim_threshold", sa.Integer(), nullable=False),
        sa.Column("worldskills_max_spread", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("min_field", sa.Integer(), nullable=True),
        sa.Column("tie_breaks", sa.Text(), nullable=False),
        sa.Column("award_rule", sa.Text(), nullable=False),
        sa.Column("title_rules", sa.Text(), nullable=False),
        sa.Column("draw_seed", sa.Integer(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_event_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("competition_id", "name", name=op.f("uq_event_competition_id_name")),
    )
    op.create_table(
        "event_allowed_unit",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_allowed_unit_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_event_allowed_unit_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "unit_id", name=op.f("pk_event_allowed_unit")),
    )
    op.create_table(
        "event_judge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("chief", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_judge_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["app_user.id"],
            name=op.f("fk_event_judge_user_id_app_user"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_judge")),
        sa.UniqueConstraint("event_id", "user_id", name=op.f("uq_event_judge_event_id_user_id")),
    )
    op.create_table(
        "registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active", "withdrawn", name="registration_status", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("bib", sa.String(length=12), nullable=True),
        sa.Column("start_order", sa.Integer(), nullable=True),
        sa.Column("blind_code", sa.String(length=12), nullable=True),
        sa.Column("team_name", sa.String(length=60), nullable=False),
        sa.Column("is_leader", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_registration_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_registration_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_registration_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
        sa.UniqueConstraint("event_id", "bib", name=op.f("uq_registration_event_id_bib")),
        sa.UniqueConstraint(
            "event_id", "blind_code", name=op.f("uq_registration_event_id_blind_code")
        ),
        sa.UniqueConstraint(
            "event_id", "person_id", name=op.f("uq_registration_event_id_person_id")
        ),
    )
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.create_index("ix_registration_person", ["person_id"], unique=False)

    op.create_table(
        "scheme_component",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("weight", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("base", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_scheme_component_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheme_component")),
        sa.UniqueConstraint("event_id", "key", name=op.f("uq_scheme_component_event_id_key")),
    )
    op.create_table(
        "judge_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_judge_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_judge_id"],
            ["event_judge.id"],
            name=op.f("fk_judge_block_event_judge_id_event_judge"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registration.id"],
            name=op.f("fk_judge_block_registration_id_registration"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judge_block")),
        sa.UniqueConstraint(
            "event_judge_id",
            "registration_id",
            name=op.f("uq_judge_block_event_judge_id_registration_id"),
        ),
    )
    op.create_table(
        "scheme_criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("max_mark", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("aggregation", sa.String(length=14), nullable=False),
        sa.Column("step", sa.Numeric(precision=14, scale=4), nullable=True),
        sa.Column("deduction", sa.Boolean(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["scheme_component.id"],
            name=op.f("fk_scheme_criterion_component_id_scheme_component"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheme_criterion")),
    )


def downgrade() -> None:
    op.drop_table("scheme_criterion")
    op.drop_table("judge_block")
    op.drop_table("scheme_component")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index("ix_registration_person")

    op.drop_table("registration")
    op.drop_table("event_judge")
    op.drop_table("event_allowed_unit")
    op.drop_table("event")
    op.drop_table("competition_co_organizer")
    op.drop_table("competition")
