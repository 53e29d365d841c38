"""Skill levels (职业技能等级)."""

from __future__ import annotations

import pytest

from skillsapp.domain.levels import PROFESSIONAL_TITLES, SkillLevel, parse_level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("三级", SkillLevel.GRADE3),
        ("高级工", SkillLevel.GRADE3),
        ("三级/高级工", SkillLevel.GRADE3),
        ("高级工（三级）", SkillLevel.GRADE3),
        ("三级 高级工", SkillLevel.GRADE3),
        ("三级／高级工", SkillLevel.GRADE3),
        ("  3级 ", SkillLevel.GRADE3),
        ("３级", SkillLevel.GRADE3),
        ("高级技师", SkillLevel.GRADE1),
        ("一级", SkillLevel.GRADE1),
        ("一级/高级技师", SkillLevel.GRADE1),
        ("初级", SkillLevel.GRADE5),
        ("初级工", SkillLevel.GRADE5),
        ("五级", SkillLevel.GRADE5),
        ("中级工", SkillLevel.GRADE4),
        ("技师", SkillLevel.GRADE2),
        ("二级/技师", SkillLevel.GRADE2),
        ("二级技师", SkillLevel.GRADE2),
        ("技师(二级)", SkillLevel.GRADE2),
        ("特级技师", SkillLevel.SPECIAL),
        ("首席技师", SkillLevel.CHIEF),
        ("学徒工", SkillLevel.APPRENTICE),
    ],
)
def test_parse_level_accepts_common_variants(text: str, level: SkillLevel) -> None:
    assert parse_level(text) is level


@pytest.mark.parametrize("level", list(SkillLevel))
def test_parse_level_reads_every_canonical_label(level: SkillLevel) -> None:
    assert parse_level(level.label) is level


@pytest.mark.parametrize("text", ["", "  ", "六级", "工程师", "三级/技师", "高级技", "技师技师x"])
def test_parse_level_rejects_unknown_or_contradictory_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_level(text)


def test_labels_are_canonical() -> None:
    assert SkillLevel.GRADE3.label == "三级/高级工"
    assert SkillLevel.APPRENTICE.label == "学徒工"
    assert SkillLevel.SPECIAL.label == "特级技师"
    assert SkillLevel.GRADE1.label == "一级/高级技师"


def test_levels_order_low_to_high() -> None:
    assert SkillLevel.APPRENTICE < SkillLevel.GRADE5 < SkillLevel.GRADE1 < SkillLevel.CHIEF


def test_promoted_moves_one_step_up() -> None:
    assert SkillLevel.GRADE3.promoted() is SkillLevel.GRADE2
    assert SkillLevel.APPRENTICE.promoted() is SkillLevel.GRADE5


def test_promoted_chief_stays_chief() -> None:
    assert SkillLevel.CHIEF.promoted() is SkillLevel.CHIEF


def test_professional_titles_are_a_separate_ladder() -> None:
    assert "高级工程师" in PROFESSIONAL_TITLES
    for title in PROFESSIONAL_TITLES:
        with pytest.raises(ValueError):
            parse_level(title)
