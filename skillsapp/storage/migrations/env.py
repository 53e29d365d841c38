"""Alembic environment: runs on the connection handed over by storage.migrate."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.types import TypeDecorator

from skillsapp.domain import all_models  # noqa: F401  (registers every table)
from skillsapp.domain.base import Base


def render_item(kind: str, obj: Any, _context: Any) -> str | bool:
    """Write our TypeDecorators as their plain SQL types: migrations import no app code."""
    if kind == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
