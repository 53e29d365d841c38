"""Entry rules of an event: level, age, units (with their sub-units), team name."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.domain.eligibility import (
    Entrant,
    EventRules,
    Ineligible,
    age_on,
    check_entry,
    with_descendants,
)
from skillsapp.domain.levels import SkillLevel as L

DAY = dt.date(2025, 5, 20)
BORN = dt.date(1985, 6, 1)  # 39 on DAY


def _entrant(
    level: L | None = L.GRADE3, birth: dt.date | None = BORN, unit: int | None = 1
) -> Entrant:
    return Entrant(level, birth, unit)


@pytest.mark.parametrize(
    ("birth", "age"),
    [
        (dt.date(1985, 5, 20), 40),  # birthday today
        (dt.date(1985, 5, 21), 39),  # tomorrow
        (dt.date(2000, 2, 29), 25),
    ],
)
def test_age_counts_completed_years(birth: dt.date, age: int) -> None:
    assert age_on(birth, DAY) == age


def test_a_leap_day_birthday_counts_on_the_first_of_march() -> None:
    assert age_on(dt.date(2004, 2, 29), dt.date(2025, 2, 28)) == 20
    assert age_on(dt.date(2004, 2, 29), dt.date(2025, 3, 1)) == 21


def test_no_rules_admit_everyone_even_without_level_or_birth_date() -> None:
    assert check_entry(EventRules(), _entrant(None, None, None), DAY) == []


@pytest.mark.parametrize(
    ("level", "problems"),
    [
        (None, [Ineligible.LEVEL_MISSING]),
        (L.GRADE5, [Ineligible.LEVEL_TOO_LOW]),
        (L.GRADE4, []),
        (L.GRADE2, []),
        (L.GRADE1, [Ineligible.LEVEL_TOO_HIGH]),
    ],
)
def test_the_level_must_lie_in_the_range(level: L | None, problems: list[Ineligible]) -> None:
    rules = EventRules(min_level=L.GRADE4, max_level=L.GRADE2)
    assert check_entry(rules, _entrant(level), DAY) == problems


def test_a_person_without_a_level_meets_a_maximum_only() -> None:
    assert check_entry(EventRules(max_level=L.GRADE3), _entrant(None), DAY) == []


@pytest.mark.parametrize(
    ("min_age", "max_age", "problems"),
    [
        (40, None, [Ineligible.AGE_TOO_LOW]),
        (39, 39, []),
        (None, 38, [Ineligible.AGE_TOO_HIGH]),
    ],
)
def test_the_age_at_the_start_date_must_lie_in_the_range(
    min_age: int | None, max_age: int | None, problems: list[Ineligible]
) -> None:
    rules = EventRules(min_age=min_age, max_age=max_age)
    assert check_entry(rules, _entrant(), DAY) == problems


def test_an_unknown_birth_date_fails_an_age_rule() -> None:
    assert check_entry(EventRules(max_age=60), _entrant(birth=None), DAY) == [
        Ineligible.AGE_UNKNOWN
    ]


def test_only_allowed_units_may_enter() -> None:
    rules = EventRules(allowed_units=frozenset({1, 2}))
    assert check_entry(rules, _entrant(unit=2), DAY) == []
    assert check_entry(rules, _entrant(unit=3), DAY) == [Ineligible.UNIT_NOT_ALLOWED]
    assert check_entry(rules, _entrant(unit=None), DAY) == [Ineligible.UNIT_NOT_ALLOWED]


def test_allowed_units_include_every_sub_unit() -> None:
    parents = {1: None, 2: 1, 3: 2, 4: None, 5: 4}
    assert with_descendants([1], parents) == {1, 2, 3}
    assert with_descendants([2, 5], parents) == {2, 3, 5}


def test_a_team_event_needs_a_team_name() -> None:
    rules = EventRules(team=True)
    assert check_entry(rules, Entrant(None, None, 1, " "), DAY) == [Ineligible.TEAM_NAME_REQUIRED]
    assert check_entry(rules, Entrant(None, None, 1, "一队"), DAY) == []


def test_every_broken_rule_is_reported_in_a_fixed_order() -> None:
    rules = EventRules(min_level=L.GRADE2, min_age=50, allowed_units=frozenset({9}), team=True)
    assert check_entry(rules, _entrant(L.GRADE5), DAY) == [
        Ineligible.LEVEL_TOO_LOW,
        Ineligible.AGE_TOO_LOW,
        Ineligible.UNIT_NOT_ALLOWED,
        Ineligible.TEAM_NAME_REQUIRED,
    ]
