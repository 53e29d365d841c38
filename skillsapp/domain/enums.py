"""Small enumerations shared by the domain rules."""

from __future__ import annotations

import enum


class Gender(enum.StrEnum):
    """Gender as recorded on the resident ID (sequence odd = male)."""

    MALE = "M"
    FEMALE = "F"
