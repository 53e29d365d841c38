"""talent uniques: the database, not only the services, refuses a second identical
honour and a second nomination of one person (or unit) in one round

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from skillsapp.errors import DatabaseError
from skillsapp.storage.database import display_url

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_SHOWN = 10  # duplicate groups named in the message; the rest are counted

# Grouped exactly as the new indexes compare (NULL years are one value in GROUP BY).
_SAME_HONOURS = """
SELECT coalesce(p.name, u.name), h.title, h.year, count(*)
FROM honour h
LEFT JOIN person p ON p.id = h.person_id
LEFT JOIN unit u ON u.id = h.unit_id
WHERE (h.person_id IS NOT NULL AND h.unit_id IS NULL)
   OR (h.unit_id IS NOT NULL AND h.person_id IS NULL)
GROUP BY h.person_id, h.unit_id, h.type_id, h.level, h.title, h.year, p.name, u.name
HAVING count(*) > 1
ORDER BY min(h.id)
"""
_SAME_NOMINEES = """
SELECT r.name, x.name, count(*)
FROM nomination n
JOIN nomination_round r ON r.id = n.round_id
JOIN {table} x ON x.id = n.{table}_id
GROUP BY n.round_id, n.{table}_id, r.name, x.name
HAVING count(*) > 1
ORDER BY min(n.id)
"""


def _listed(items: list[str]) -> str:
    if not items:
        return "—"
    more = f"; … (+{len(items) - _SHOWN})" if len(items) > _SHOWN else ""
    return "; ".join(items[:_SHOWN]) + more


def _refuse_duplicates() -> None:
    """Name the duplicates an older program let in (two clerks at the same moment, or
    titles granted to a holder who had them already) instead of failing on CREATE
    UNIQUE INDEX. The whole upgrade is one transaction: raising here rolls it back."""
    bind = op.get_bind()
    honours = [
        f"{holder} · {title}{'' if year is None else f' · {year}'} ×{n}"
        for holder, title, year, n in bind.execute(sa.text(_SAME_HONOURS))
    ]
    nominations = [
        f"{round_name} · {nominee} ×{n}"
        for table in ("person", "unit")
        for round_name, nominee, n in bind.execute(sa.text(_SAME_NOMINEES.format(table=table)))
    ]
    if honours or nominations:
        raise DatabaseError(
            "db_talent_duplicates",
            url=display_url(bind.engine.url),
            honours=_listed(honours),
            nominations=_listed(nominations),
        )


def upgrade() -> None:
    _refuse_duplicates()
    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.create_index(
            "ux_honour_person",
            ["person_id", "type_id", "level", "title", "year"],
            unique=True,
            sqlite_where=sa.text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NOT NULL"),
            postgresql_where=sa.text(
                "person_id IS NOT NULL AND unit_id IS NULL AND year IS NOT NULL"
            ),
        )
        batch_op.create_index(
            "ux_honour_person_undated",
            ["person_id", "type_id", "level", "title"],
            unique=True,
            sqlite_where=sa.text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NULL"),
            postgresql_where=sa.text("person_id IS NOT NULL AND unit_id IS NULL AND year IS NULL"),
        )
        batch_op.create_index(
            "ux_honour_unit",
            ["unit_id", "type_id", "level", "title", "year"],
            unique=True,
            sqlite_where=sa.text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NOT NULL"),
            postgresql_where=sa.text(
                "unit_id IS NOT NULL AND person_id IS NULL AND year IS NOT NULL"
            ),
        )
        batch_op.create_index(
            "ux_honour_unit_undated",
            ["unit_id", "type_id", "level", "title"],
            unique=True,
            sqlite_where=sa.text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NULL"),
            postgresql_where=sa.text("unit_id IS NOT NULL AND person_id IS NULL AND year IS NULL"),
        )

    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.create_index(
            "ux_nomination_round_person",
            ["round_id", "person_id"],
            unique=True,
            sqlite_where=sa.text("person_id IS NOT NULL"),
            postgresql_where=sa.text("person_id IS NOT NULL"),
        )
        batch_op.create_index(
            "ux_nomination_round_unit",
            ["round_id", "unit_id"],
            unique=True,
            sqlite_where=sa.text("unit_id IS NOT NULL"),
            postgresql_where=sa.text("unit_id IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.drop_index("ux_nomination_round_unit")
        batch_op.drop_index("ux_nomination_round_person")

    with op.batch_alter_table("honour", schema=None) as batch_op:
        batch_op.drop_index("ux_honour_unit_undated")
        batch_op.drop_index("ux_honour_unit")
        batch_op.drop_index("ux_honour_person_undated")
        batch_op.drop_index("ux_honour_person")
