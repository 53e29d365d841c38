"""Translated names of the talent registry's enums: honour levels, mentorship, nominations."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.talent import (
    GraduationResult,
    MentorshipStatus,
    NominationStatus,
    RoundStatus,
)

_CTX = "talent_labels"

HONOUR_LEVEL_NAMES = {
    HonourLevel.NATIONAL: QT_TRANSLATE_NOOP("talent_labels", "National"),
    HonourLevel.PROVINCIAL: QT_TRANSLATE_NOOP("talent_labels", "Provincial"),
    HonourLevel.CITY: QT_TRANSLATE_NOOP("talent_labels", "City"),
    HonourLevel.COUNTY: QT_TRANSLATE_NOOP("talent_labels", "County"),
    HonourLevel.INDUSTRY: QT_TRANSLATE_NOOP("talent_labels", "Industry"),
    HonourLevel.ENTERPRISE: QT_TRANSLATE_NOOP("talent_labels", "Enterprise"),
}
MENTORSHIP_STATUS_NAMES = {
    MentorshipStatus.ACTIVE: QT_TRANSLATE_NOOP("talent_labels", "In progress"),
    MentorshipStatus.COMPLETED: QT_TRANSLATE_NOOP("talent_labels", "Graduated"),
    MentorshipStatus.ENDED: QT_TRANSLATE_NOOP("talent_labels", "Ended early"),
}
GRADUATION_NAMES = {
    GraduationResult.EXCELLENT: QT_TRANSLATE_NOOP("talent_labels", "Excellent"),
    GraduationResult.PASS: QT_TRANSLATE_NOOP("talent_labels", "Pass"),
    GraduationResult.FAIL: QT_TRANSLATE_NOOP("talent_labels", "Fail"),
}
NOMINATION_STATUS_NAMES = {
    NominationStatus.NOMINATED: QT_TRANSLATE_NOOP("talent_labels", "Nominated"),
    NominationStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("talent_labels", "Under review"),
    NominationStatus.APPROVED: QT_TRANSLATE_NOOP("talent_labels", "Approved"),
    NominationStatus.REJECTED: QT_TRANSLATE_NOOP("talent_labels", "Rejected"),
}
ROUND_STATUS_NAMES = {
    RoundStatus.OPEN: QT_TRANSLATE_NOOP("talent_labels", "Open"),
    RoundStatus.CLOSED: QT_TRANSLATE_NOOP("talent_labels", "Closed"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def name_of(table: dict, value: object) -> str:
    """The translated name of `value`; "" for None, the raw value when unknown."""
    if value is None:
        return ""
    return translate(table[value]) if value in table else str(value)


def choices(table: dict) -> list[tuple[str, Enum]]:
    """(translated name, value) pairs in the table's order, for a combo box."""
    return [(translate(text), value) for value, text in table.items()]


def honour_level(value: HonourLevel | None) -> str:
    return name_of(HONOUR_LEVEL_NAMES, value)
