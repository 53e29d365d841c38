"""Who may enter an event: skill level, age, unit and team rules (pure, no database)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from skillsapp.domain.levels import SkillLevel


class Ineligible(enum.StrEnum):
    """Why an entrant may not enter; the values are message codes."""

    LEVEL_MISSING = "level_missing"
    LEVEL_TOO_LOW = "level_too_low"
    LEVEL_TOO_HIGH = "level_too_high"
    AGE_UNKNOWN = "age_unknown"
    AGE_TOO_LOW = "age_too_low"
    AGE_TOO_HIGH = "age_too_high"
    UNIT_NOT_ALLOWED = "unit_not_allowed"
    TEAM_NAME_REQUIRED = "team_name_required"


# The entry field each problem is about (import previews point at that column).
FIELD_OF: dict[Ineligible, str] = {
    Ineligible.LEVEL_MISSING: "skill_level",
    Ineligible.LEVEL_TOO_LOW: "skill_level",
    Ineligible.LEVEL_TOO_HIGH: "skill_level",
    Ineligible.AGE_UNKNOWN: "id_number",
    Ineligible.AGE_TOO_LOW: "id_number",
    Ineligible.AGE_TOO_HIGH: "id_number",
    Ineligible.UNIT_NOT_ALLOWED: "unit",
    Ineligible.TEAM_NAME_REQUIRED: "team_name",
}


@dataclass(frozen=True)
class EventRules:
    """An event's entry rules; `allowed_units` already holds the descendants (empty: any)."""

    min_level: SkillLevel | None = None
    max_level: SkillLevel | None = None
    min_age: int | None = None
    max_age: int | None = None
    allowed_units: frozenset[int] = frozenset()
    team: bool = False


@dataclass(frozen=True)
class Entrant:
    skill_level: SkillLevel | None
    birth_date: dt.date | None
    unit_id: int | None
    team_name: str = ""


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on `day` (someone born on 29 Feb turns a year older on 1 Mar)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_entry(rules: EventRules, entrant: Entrant, on: dt.date) -> list[Ineligible]:
    """Every rule the entrant breaks, in a fixed order; empty when eligible."""
    return [
        *_level(rules, entrant.skill_level),
        *_age(rules, entrant.birth_date, on),
        *_rest(rules, entrant),
    ]


def _level(rules: EventRules, level: SkillLevel | None) -> Iterator[Ineligible]:
    if rules.min_level is not None:
        if level is None:
            yield Ineligible.LEVEL_MISSING  # no recorded level cannot meet a minimum
        elif level < rules.min_level:
            yield Ineligible.LEVEL_TOO_LOW
    if rules.max_level is not None and level is not None and level > rules.max_level:
        yield Ineligible.LEVEL_TOO_HIGH


def _age(rules: EventRules, birth: dt.date | None, on: dt.date) -> Iterator[Ineligible]:
    if rules.min_age is None and rules.max_age is None:
        return
    if birth is None:
        yield Ineligible.AGE_UNKNOWN
        return
    age = age_on(birth, on)
    if rules.min_age is not None and age < rules.min_age:
        yield Ineligible.AGE_TOO_LOW
    if rules.max_age is not None and age > rules.max_age:
        yield Ineligible.AGE_TOO_HIGH


def _rest(rules: EventRules, entrant: Entrant) -> Iterator[Ineligible]:
    if rules.allowed_units and entrant.unit_id not in rules.allowed_units:
        yield Ineligible.UNIT_NOT_ALLOWED
    if rules.team and not entrant.team_name.strip():
        yield Ineligible.TEAM_NAME_REQUIRED


def with_descendants(roots: Iterable[int], parents: Mapping[int, int | None]) -> frozenset[int]:
    """`roots` and every unit below them in the tree given as unit → parent."""
    children: dict[int, list[int]] = {}
    for unit, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(unit)
    found: set[int] = set()
    stack = list(roots)
    while stack:
        unit = stack.pop()
        if unit not in found:
            found.add(unit)
            stack.extend(children.get(unit, ()))
    return frozenset(found)
