"""Imports every mapped module so Base.metadata knows all tables (Alembic, create_all)."""

from skillsapp.domain import models

__all__ = ["models"]
