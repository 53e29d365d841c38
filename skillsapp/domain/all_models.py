"""Imports every mapped module so Base.metadata knows all tables (Alembic, create_all)."""

from skillsapp.domain import competitions, marks, models, studios, talent

__all__ = ["competitions", "marks", "models", "studios", "talent"]
