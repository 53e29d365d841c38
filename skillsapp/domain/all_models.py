"""Imports every mapped module so Base.metadata knows all tables (Alembic, create_all)."""

from skillsapp.domain import certificates, competitions, marks, models, studios, talent

__all__ = ["certificates", "competitions", "marks", "models", "studios", "talent"]
