"""Pure studio rules: honour families, the member make-up, conditions, re-confirmation."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import (
    HonourFact,
    HonourFamily,
    MemberFacts,
    StudioConditions,
    StudioFacts,
    TalentFact,
    check_conditions,
    honour_family,
    is_due,
    leader_level,
    member_makeup,
    reconfirmation_due,
    skill_level_short,
)

TODAY = dt.date(2025, 6, 30)
N, P, C = HonourLevel.NATIONAL, HonourLevel.PROVINCIAL, HonourLevel.CITY
EXPERT = HonourFamily.SKILL_EXPERT


@pytest.mark.parametrize(
    ("name", "ladder", "family"),
    [
        ("中华技能大奖", "技术能手", HonourFamily.GRAND_AWARD),
        ("全国技术能手", "", HonourFamily.SKILL_EXPERT),
        ("焦作市技术能手", "技术能手", HonourFamily.SKILL_EXPERT),
        ("全国劳动模范", "", HonourFamily.MODEL_WORKER),
        ("河南省先进工作者", "", HonourFamily.MODEL_WORKER),
        ("全国五一劳动奖章", "", HonourFamily.MAY_DAY),
        ("全国五一劳动奖状", "", None),
        ("大国工匠", "", HonourFamily.CRAFTSMAN),
        ("中原大工匠", "工匠", HonourFamily.CRAFTSMAN),
        ("最美职工", "", None),
    ],
)
def test_honour_types_fall_into_families_by_name_and_ladder(
    name: str, ladder: str, family: HonourFamily | None
) -> None:
    assert honour_family(name, ladder) is family


def _published_example() -> list[MemberFacts]:
    """26 members: 10 高级工程师, 3 工程师, 4 高级技师, 9 技师; 2 national, 5 provincial
    and 8 city 技术能手 (one national holder also has a city title)."""
    plan = (
        [("高级工程师", None)] * 10
        + [("工程师", None)] * 3
        + [("", SkillLevel.GRADE1)] * 4
        + [("", SkillLevel.GRADE2)] * 9
    )
    levels = [N, N] + [P] * 5 + [C] * 8
    members = []
    for index, (title, skill) in enumerate(plan):
        honours = [HonourFact(EXPERT, levels[index])] if index < len(levels) else []
        if index == 0:
            honours.append(HonourFact(EXPERT, C))
        members.append(MemberFacts(index, title, skill, tuple(honours)))
    return members


def test_makeup_of_the_published_26_member_studio() -> None:
    makeup = member_makeup(_published_example())
    assert makeup.total == 26
    assert makeup.by_title == (("高级工程师", 10), ("工程师", 3))
    assert makeup.by_skill_level == ((SkillLevel.GRADE1, 4), (SkillLevel.GRADE2, 9))
    assert makeup.honours[EXPERT] == ((N, 2), (P, 5), (C, 8))
    assert makeup.honour_count(EXPERT, C) == 8
    assert makeup.honour_count(HonourFamily.MODEL_WORKER, N) == 0


def test_makeup_lists_titles_senior_first_whatever_the_counts() -> None:
    members = [
        MemberFacts(i, t) for i, t in enumerate(["助理工程师", "工程师", "工程师", "正高级工程师"])
    ]
    assert [t for t, _ in member_makeup(members).by_title] == [
        "正高级工程师",
        "工程师",
        "助理工程师",
    ]


def test_skill_levels_are_reported_by_their_short_name() -> None:
    assert [skill_level_short(lv) for lv in (SkillLevel.GRADE1, SkillLevel.GRADE3)] == [
        "高级技师",
        "高级工",
    ]


def test_may_day_medal_counts_one_level_below_a_model_worker_title() -> None:
    facts = StudioFacts(None, 0, leader_honours=(HonourFact(HonourFamily.MAY_DAY, N),))
    assert leader_level(facts, [HonourFamily.MAY_DAY]) is P
    assert leader_level(facts, [HonourFamily.MODEL_WORKER]) is None


RULES = StudioConditions(
    leader_families=(HonourFamily.MODEL_WORKER,),
    leader_level=P,
    min_years=3,
    min_members=5,
    min_results=3,
    min_trainings=2,
    reconfirm_years=2,
)


def _checks(facts: StudioFacts, rules: StudioConditions = RULES) -> dict[str, tuple[object, bool]]:
    return {c.key: (c.actual, c.met) for c in check_conditions(facts, rules, TODAY)}


def test_conditions_report_actual_values_against_the_required_ones() -> None:
    facts = StudioFacts(
        founded_on=dt.date(2022, 7, 1),  # 2 whole years on TODAY
        members=5,
        leader_honours=(HonourFact(HonourFamily.MODEL_WORKER, C),),
        results_by_year={2023: 9, 2024: 2, 2025: 1},  # only 2024–2025 count (2 years)
        training_dates=(dt.date(2024, 6, 30), dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
    )
    assert _checks(facts) == {
        "leader_honour": ("city", False),
        "years_running": (2, False),
        "members": (5, True),
        "results": (3, True),
        "trainings": (2, True),
    }


def test_a_condition_with_no_requirement_is_not_listed() -> None:
    rules = StudioConditions(min_members=1)
    assert [c.key for c in check_conditions(StudioFacts(None, 0), rules, TODAY)] == ["members"]


def test_skill_master_leader_may_qualify_as_technician_with_an_invention() -> None:
    rules = StudioConditions(
        leader_families=(HonourFamily.SKILL_EXPERT,),
        leader_level=N,
        leader_alt_skill_level=SkillLevel.GRADE2,
    )
    without = StudioFacts(None, 0, leader_skill_level=SkillLevel.GRADE2)
    inventor = StudioFacts(None, 0, leader_skill_level=SkillLevel.GRADE2, leader_inventions=1)
    worker = StudioFacts(None, 0, leader_skill_level=SkillLevel.GRADE3, leader_inventions=4)
    assert _checks(without, rules)["leader_honour"] == ("", False)
    assert _checks(inventor, rules)["leader_honour"] == ("skill:4", True)
    assert _checks(worker, rules)["leader_honour"][1] is False


def test_talents_count_only_at_the_level_and_within_the_years() -> None:
    rules = StudioConditions(min_trained=2, trained_level=SkillLevel.GRADE3, trained_years=3)
    facts = StudioFacts(
        None,
        0,
        talents=(
            TalentFact(2023, SkillLevel.GRADE3, False),
            TalentFact(2025, SkillLevel.GRADE1, True),
            TalentFact(2022, SkillLevel.GRADE1, True),  # too long ago
            TalentFact(2024, SkillLevel.GRADE4, True),  # below 高级工
        ),
    )
    assert _checks(facts, rules) == {"trained": (2, True)}


def test_reconfirmation_is_due_n_years_after_the_latest_confirmation() -> None:
    assert reconfirmation_due(dt.date(2019, 5, 1), None, 2) == dt.date(2021, 5, 1)
    assert reconfirmation_due(dt.date(2019, 5, 1), dt.date(2024, 9, 1), 2) == dt.date(2026, 9, 1)
    assert reconfirmation_due(dt.date(2020, 2, 29), None, 3) == dt.date(2023, 2, 28)
    assert reconfirmation_due(None, None, 2) is None


def test_due_means_within_90_days_from_today_or_past() -> None:
    assert is_due(TODAY + dt.timedelta(days=90), TODAY)
    assert not is_due(TODAY + dt.timedelta(days=91), TODAY)
    assert is_due(dt.date(2020, 1, 1), TODAY)
    assert not is_due(None, TODAY)


def test_honour_levels_rank_national_first_and_enterprise_last() -> None:
    from skillsapp.domain.studio_rules import LEVEL_ORDER, level_rank

    ranks = [level_rank(level) for level in LEVEL_ORDER]
    assert LEVEL_ORDER[0] is N and LEVEL_ORDER[-1] is HonourLevel.ENTERPRISE
    assert ranks == sorted(ranks, reverse=True)
