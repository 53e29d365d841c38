"""talent registry and studios

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evaluation_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("metrics", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_plan")),
        sa.UniqueConstraint("year", "name", name=op.f("uq_evaluation_plan_year_name")),
    )
    op.create_table(
        "nomination_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("honour_type_id", sa.Integer(), nullable=False),
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
        sa.Column("document_number", sa.String(length=60), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "closed", name="round_status", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["honour_type_id"],
            ["honour_type.id"],
            name=op.f("fk_nomination_round_honour_type_id_honour_type"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_round")),
    )
    op.create_table(
        "mentorship",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("apprentice_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("agreement_number", sa.String(length=40), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("goal_level", sa.Integer(), nullable=True),
        sa.Column("level_before", sa.Integer(), nullable=True),
        sa.Column("level_after", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "completed",
                "ended",
                name="mentorship_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "result",
            sa.Enum(
                "excellent", "pass", "fail", name="graduation_result", native_enum=False, length=24
            ),
            nullable=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["apprentice_id"],
            ["person.id"],
            name=op.f("fk_mentorship_apprentice_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["person.id"],
            name=op.f("fk_mentorship_mentor_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentorship")),
    )
    with op.batch_alter_table("mentorship", schema=None) as batch_op:
        batch_op.create_index("ix_mentorship_apprentice", ["apprentice_id"], unique=False)
        batch_op.create_index("ix_mentorship_mentor", ["mentor_id"], unique=False)

    op.create_table(
        "professional_title",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(length=120), nullable=False),
        sa.Column("certificate_number", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_professional_title_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_professional_title")),
    )
    with op.batch_alter_table("professional_title", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_professional_title_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "skill_certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("occupation", sa.String(length=60), nullable=False),
        sa.Column("direction", sa.String(length=60), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(length=120), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_skill_certificate_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_certificate")),
    )
    with op.batch_alter_table("skill_certificate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_skill_certificate_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "studio",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "model_worker",
                "craftsman",
                "skill_master",
                name="studio_kind",
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
                "county",
                "industry",
                "enterprise",
                name="honour_level",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("demonstration", sa.Boolean(), nullable=False),
        sa.Column("host_unit_id", sa.Integer(), nullable=True),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.Column("accredited_on", sa.Date(), nullable=True),
        sa.Column("accreditation_number", sa.String(length=60), nullable=False),
        sa.Column("last_confirmed_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "under_review",
                "revoked",
                name="studio_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_unit_id"],
            ["unit.id"],
            name=op.f("fk_studio_host_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["leader_id"],
            ["person.id"],
            name=op.f("fk_studio_leader_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio")),
        sa.UniqueConstraint("name", name=op.f("uq_studio_name")),
    )
    op.create_table(
        "evaluation_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("studio_id", sa.Integer(), nullable=False),
        sa.Column("manual", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["evaluation_plan.id"],
            name=op.f("fk_evaluation_score_plan_id_evaluation_plan"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studio.id"],
            name=op.f("fk_evaluation_score_studio_id_studio"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_score")),
        sa.UniqueConstraint(
            "plan_id", "studio_id", name=op.f("uq_evaluation_score_plan_id_studio_id")
        ),
    )
    op.create_table(
        "innovation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("studio_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "technical_innovation",
                "invention",
                "rationalisation",
                "qc",
                "construction_method",
                "other",
                name="innovation_kind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column(
            "patent_kind",
            sa.Enum(
                "invention",
                "utility_model",
                "design",
                name="patent_kind",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("patent_number", sa.String(length=40), nullable=False),
        sa.Column("patent_granted_on", sa.Date(), nullable=True),
        sa.Column("benefit", sa.Numeric(precision=14, scale=4), nullable=False),
        sa.Column("awards", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studio.id"],
            name=op.f("fk_innovation_studio_id_studio"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_innovation")),
    )
    with op.batch_alter_table("innovation", schema=None) as batch_op:
        batch_op.create_index("ix_innovation_studio_year", ["studio_id", "year"], unique=False)

    op.create_table(
        "saved_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["app_user.id"],
            name=op.f("fk_saved_search_owner_id_app_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_search")),
    )
    with op.batch_alter_table("saved_search", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_search_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "studio_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("studio_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_studio_member_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studio.id"],
            name=op.f("fk_studio_member_studio_id_studio"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio_member")),
    )
    with op.batch_alter_table("studio_member", schema=None) as batch_op:
        batch_op.create_index("ix_studio_member_person", ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_studio_member_studio_id"), ["studio_id"], unique=False)

    op.create_table(
        "studio_training",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("studio_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studio.id"],
            name=op.f("fk_studio_training_studio_id_studio"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio_training")),
    )
    with op.batch_alter_table("studio_training", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_studio_training_studio_id"), ["studio_id"], unique=False
        )

    op.create_table(
        "talent_trained",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("studio_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("level_reached", sa.Integer(), nullable=True),
        sa.Column("promoted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talent_trained_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["studio_id"],
            ["studio.id"],
            name=op.f("fk_talent_trained_studio_id_studio"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talent_trained")),
        sa.UniqueConstraint(
            "studio_id",
            "person_id",
            "year",
            name=op.f("uq_talent_trained_studio_id_person_id_year"),
        ),
    )
    with op.batch_alter_table("talent_trained", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_talent_trained_studio_id"), ["studio_id"], unique=False
        )

    op.create_table(
        "innovation_contributor",
        sa.Column("innovation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["innovation_id"],
            ["innovation.id"],
            name=op.f("fk_innovation_contributor_innovation_id_innovation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_innovation_contributor_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "innovation_id", "person_id", name=op.f("pk_innovation_contributor")
        ),
    )
    op.create_table(
        "nomination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("nominated_by_unit_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "nominated",
                "under_review",
                "approved",
                "rejected",
                name="nomination_status",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("review_notes", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("honour_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["app_user.id"],
            name=op.f("fk_nomination_decided_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["honour_id"],
            ["honour.id"],
            name=op.f("fk_nomination_honour_id_honour"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["nominated_by_unit_id"],
            ["unit.id"],
            name=op.f("fk_nomination_nominated_by_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_nomination_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["nomination_round.id"],
            name=op.f("fk_nomination_round_id_nomination_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_nomination_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
    )
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nomination_round_id"), ["round_id"], unique=False)

    op.create_table(
        "nomination_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_nomination_document_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"],
            ["app_user.id"],
            name=op.f("fk_nomination_document_uploaded_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_document")),
    )
    with op.batch_alter_table("nomination_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_nomination_document_nomination_id"), ["nomination_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("nomination_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_document_nomination_id"))

    op.drop_table("nomination_document")
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_round_id"))

    op.drop_table("nomination")
    op.drop_table("innovation_contributor")
    with op.batch_alter_table("talent_trained", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talent_trained_studio_id"))

    op.drop_table("talent_trained")
    with op.batch_alter_table("studio_training", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_studio_training_studio_id"))

    op.drop_table("studio_training")
    with op.batch_alter_table("studio_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_studio_member_studio_id"))
        batch_op.drop_index("ix_studio_member_person")

    op.drop_table("studio_member")
    with op.batch_alter_table("saved_search", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_search_owner_id"))

    op.drop_table("saved_search")
    with op.batch_alter_table("innovation", schema=None) as batch_op:
        batch_op.drop_index("ix_innovation_studio_year")

    op.drop_table("innovation")
    op.drop_table("evaluation_score")
    op.drop_table("studio")
    with op.batch_alter_table("skill_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skill_certificate_person_id"))

    op.drop_table("skill_certificate")
    with op.batch_alter_table("professional_title", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_professional_title_person_id"))

    op.drop_table("professional_title")
    with op.batch_alter_table("mentorship", schema=None) as batch_op:
        batch_op.drop_index("ix_mentorship_mentor")
        batch_op.drop_index("ix_mentorship_apprentice")

    op.drop_table("mentorship")
    op.drop_table("nomination_round")
    op.drop_table("evaluation_plan")
