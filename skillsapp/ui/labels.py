"""Translated names of enum values, audit actions and record fields."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import UnitKind
from skillsapp.domain.roles import Role

_CONTEXT = "labels"

ROLE_NAMES: dict[Role, str] = {
    Role.ADMIN: QT_TRANSLATE_NOOP("labels", "Administrator"),
    Role.ORGANIZER: QT_TRANSLATE_NOOP("labels", "Organizer"),
    Role.JUDGE: QT_TRANSLATE_NOOP("labels", "Judge"),
    Role.CLERK: QT_TRANSLATE_NOOP("labels", "Clerk"),
}
GENDER_NAMES: dict[Gender, str] = {
    Gender.MALE: QT_TRANSLATE_NOOP("labels", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("labels", "Female"),
}
# The Chinese translations are exactly SkillLevel.label (a test holds them together).
SKILL_LEVEL_NAMES: dict[SkillLevel, str] = {
    SkillLevel.APPRENTICE: QT_TRANSLATE_NOOP("labels", "Apprentice"),
    SkillLevel.GRADE5: QT_TRANSLATE_NOOP("labels", "Grade 5 / Junior worker"),
    SkillLevel.GRADE4: QT_TRANSLATE_NOOP("labels", "Grade 4 / Intermediate worker"),
    SkillLevel.GRADE3: QT_TRANSLATE_NOOP("labels", "Grade 3 / Senior worker"),
    SkillLevel.GRADE2: QT_TRANSLATE_NOOP("labels", "Grade 2 / Technician"),
    SkillLevel.GRADE1: QT_TRANSLATE_NOOP("labels", "Grade 1 / Senior technician"),
    SkillLevel.SPECIAL: QT_TRANSLATE_NOOP("labels", "Special technician"),
    SkillLevel.CHIEF: QT_TRANSLATE_NOOP("labels", "Chief technician"),
}
UNIT_KIND_NAMES: dict[UnitKind, str] = {
    UnitKind.ENTERPRISE: QT_TRANSLATE_NOOP("labels", "Enterprise"),
    UnitKind.UNION: QT_TRANSLATE_NOOP("labels", "Trade union"),
    UnitKind.SCHOOL: QT_TRANSLATE_NOOP("labels", "School"),
    UnitKind.GOVERNMENT: QT_TRANSLATE_NOOP("labels", "Government office"),
    UnitKind.INSTITUTION: QT_TRANSLATE_NOOP("labels", "Public institution"),
    UnitKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}
ACTION_NAMES: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("labels", "Created"),
    "update": QT_TRANSLATE_NOOP("labels", "Changed"),
    "delete": QT_TRANSLATE_NOOP("labels", "Deleted"),
    "login": QT_TRANSLATE_NOOP("labels", "Logged in"),
    "password": QT_TRANSLATE_NOOP("labels", "Password set"),
    "status": QT_TRANSLATE_NOOP("labels", "Status changed"),
    "scheme": QT_TRANSLATE_NOOP("labels", "Scheme saved"),
    "draw": QT_TRANSLATE_NOOP("labels", "Drawn"),
    "withdraw": QT_TRANSLATE_NOOP("labels", "Withdrawn"),
    "reinstate": QT_TRANSLATE_NOOP("labels", "Entered again"),
    "assign": QT_TRANSLATE_NOOP("labels", "Judge assigned"),
    "unassign": QT_TRANSLATE_NOOP("labels", "Judge removed"),
    "chief": QT_TRANSLATE_NOOP("labels", "Chief judge set"),
    "block": QT_TRANSLATE_NOOP("labels", "Kept apart"),
    "unblock": QT_TRANSLATE_NOOP("labels", "No longer kept apart"),
}
ENTITY_NAMES: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("labels", "Person"),
    "unit": QT_TRANSLATE_NOOP("labels", "Unit"),
    "user": QT_TRANSLATE_NOOP("labels", "User account"),
    "competition": QT_TRANSLATE_NOOP("labels", "Competition"),
    "event": QT_TRANSLATE_NOOP("labels", "Event"),
    "registration": QT_TRANSLATE_NOOP("labels", "Entry"),
    "event_judge": QT_TRANSLATE_NOOP("labels", "Judges"),
}
REASON_NAMES: dict[str, str] = {
    "import": QT_TRANSLATE_NOOP("labels", "Imported from a file"),
    "registration": QT_TRANSLATE_NOOP("labels", "Entered for a competition"),
}
FIELD_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("labels", "Name"),
    "gender": QT_TRANSLATE_NOOP("labels", "Gender"),
    "id_number": QT_TRANSLATE_NOOP("labels", "ID number"),
    "birth_date": QT_TRANSLATE_NOOP("labels", "Birth date"),
    "mobile": QT_TRANSLATE_NOOP("labels", "Mobile"),
    "unit": QT_TRANSLATE_NOOP("labels", "Unit"),
    "unit_id": QT_TRANSLATE_NOOP("labels", "Unit"),
    "trade": QT_TRANSLATE_NOOP("labels", "Trade"),
    "skill_level": QT_TRANSLATE_NOOP("labels", "Skill level"),
    "title": QT_TRANSLATE_NOOP("labels", "Professional title"),
    "short_name": QT_TRANSLATE_NOOP("labels", "Short name"),
    "parent_id": QT_TRANSLATE_NOOP("labels", "Parent unit"),
    "kind": QT_TRANSLATE_NOOP("labels", "Kind"),
    "contact_person": QT_TRANSLATE_NOOP("labels", "Contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("labels", "Contact phone"),
    "address": QT_TRANSLATE_NOOP("labels", "Address"),
    "username": QT_TRANSLATE_NOOP("labels", "User name"),
    "display_name": QT_TRANSLATE_NOOP("labels", "Display name"),
    "role": QT_TRANSLATE_NOOP("labels", "Role"),
    "active": QT_TRANSLATE_NOOP("labels", "Active"),
    "person_id": QT_TRANSLATE_NOOP("labels", "Linked person"),
    "row": QT_TRANSLATE_NOOP("labels", "Row"),
    "event": QT_TRANSLATE_NOOP("labels", "Event"),
    "event_id": QT_TRANSLATE_NOOP("labels", "Event"),
    "team_name": QT_TRANSLATE_NOOP("labels", "Team name"),
    "note": QT_TRANSLATE_NOOP("labels", "Note"),
    "status": QT_TRANSLATE_NOOP("labels", "Status"),
    "code": QT_TRANSLATE_NOOP("labels", "Code"),
    "edition": QT_TRANSLATE_NOOP("labels", "Edition"),
    "level": QT_TRANSLATE_NOOP("labels", "Level"),
    "level_class": QT_TRANSLATE_NOOP("labels", "Class"),
    "organizer_id": QT_TRANSLATE_NOOP("labels", "Organizer"),
    "start_date": QT_TRANSLATE_NOOP("labels", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("labels", "End date"),
    "venue": QT_TRANSLATE_NOOP("labels", "Venue"),
    "quota_per_unit": QT_TRANSLATE_NOOP("labels", "Places per unit and event"),
    "one_event_per_person": QT_TRANSLATE_NOOP("labels", "One event per person"),
    "review_days": QT_TRANSLATE_NOOP("labels", "Public review period"),
    "appeal_hours": QT_TRANSLATE_NOOP("labels", "Appeal deadline"),
    "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
    "seed": QT_TRANSLATE_NOOP("labels", "Seed"),
    "chief": QT_TRANSLATE_NOOP("labels", "Chief judge"),
    "user_id": QT_TRANSLATE_NOOP("labels", "Account"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _named(table: dict, key: object, fallback: str) -> str:
    return translate(table[key]) if key in table else fallback


def role(value: Role) -> str:
    return _named(ROLE_NAMES, value, str(value))


def gender(value: Gender | None) -> str:
    return "" if value is None else _named(GENDER_NAMES, value, str(value))


def skill_level(value: SkillLevel | None) -> str:
    return "" if value is None else _named(SKILL_LEVEL_NAMES, value, value.label)


def unit_kind(value: UnitKind) -> str:
    return _named(UNIT_KIND_NAMES, value, str(value))


def action(value: str) -> str:
    return _named(ACTION_NAMES, value, value)


def entity(value: str) -> str:
    return _named(ENTITY_NAMES, value, value)


def reason(value: str) -> str:
    return _named(REASON_NAMES, value, value)


def field(value: str) -> str:
    return _named(FIELD_NAMES, value, value)
