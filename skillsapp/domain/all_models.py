"""Imports every mapped module so Base.metadata knows all tables (Alembic, create_all)."""

from skillsapp.domain import competitions, models

__all__ = ["competitions", "models"]
