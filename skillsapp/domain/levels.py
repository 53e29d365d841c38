"""Skill levels (职业技能等级) and the professional-title (职称) completion list."""

from __future__ import annotations

import enum
import re
import unicodedata


class SkillLevel(enum.IntEnum):
    """Skill levels, ordered low to high."""

    APPRENTICE = 0
    GRADE5 = 1
    GRADE4 = 2
    GRADE3 = 3
    GRADE2 = 4
    GRADE1 = 5
    SPECIAL = 6
    CHIEF = 7

    @property
    def label(self) -> str:
        """Canonical Chinese text, e.g. "三级/高级工"."""
        return _LABELS[self]

    def promoted(self) -> SkillLevel:
        """One level up; CHIEF stays CHIEF."""
        return SkillLevel(min(self + 1, SkillLevel.CHIEF))


_LABELS: dict[SkillLevel, str] = {
    SkillLevel.APPRENTICE: "学徒工",
    SkillLevel.GRADE5: "五级/初级工",
    SkillLevel.GRADE4: "四级/中级工",
    SkillLevel.GRADE3: "三级/高级工",
    SkillLevel.GRADE2: "二级/技师",
    SkillLevel.GRADE1: "一级/高级技师",
    SkillLevel.SPECIAL: "特级技师",
    SkillLevel.CHIEF: "首席技师",
}

# Whole tokens only: "技师" and "高级技师" are different levels, so never match substrings.
_NAMES: dict[str, SkillLevel] = {
    "学徒": SkillLevel.APPRENTICE,
    "学徒工": SkillLevel.APPRENTICE,
    "初级": SkillLevel.GRADE5,
    "初级工": SkillLevel.GRADE5,
    "中级": SkillLevel.GRADE4,
    "中级工": SkillLevel.GRADE4,
    "高级": SkillLevel.GRADE3,
    "高级工": SkillLevel.GRADE3,
    "技师": SkillLevel.GRADE2,
    "高级技师": SkillLevel.GRADE1,
    "特级技师": SkillLevel.SPECIAL,
    "首席技师": SkillLevel.CHIEF,
}
_GRADE_DIGITS = {
    char: n for n, pair in enumerate(("一1", "二2", "三3", "四4", "五5"), 1) for char in pair
}
_GRADE = re.compile(r"([一二三四五1-5])级(.*)")
_SEPARATORS = re.compile(r"[\s/()\[\]【】〔〕、,;|\\-]+")

PROFESSIONAL_TITLES: tuple[str, ...] = (
    "技术员",
    "助理工程师",
    "工程师",
    "高级工程师",
    "正高级工程师",
    "助理讲师",
    "讲师",
    "高级讲师",
    "正高级讲师",
    "实习指导教师",
    "一级实习指导教师",
    "高级实习指导教师",
    "正高级实习指导教师",
    "技术设计员",
    "助理经济师",
    "经济师",
    "高级经济师",
    "正高级经济师",
    "会计员",
    "助理会计师",
    "会计师",
    "高级会计师",
    "正高级会计师",
    "统计员",
    "助理统计师",
    "统计师",
    "高级统计师",
    "护士",
    "护师",
    "主管护师",
    "副主任护师",
    "主任护师",
    "医士",
    "医师",
    "主治医师",
    "副主任医师",
    "主任医师",
    "助理农艺师",
    "农艺师",
    "高级农艺师",
)


def parse_level(text: str) -> SkillLevel:
    """Read "三级/高级工", "高级工（三级）", "3级", "技师" …; ValueError if unknown."""
    tokens = [t for t in _SEPARATORS.split(unicodedata.normalize("NFKC", text)) if t]
    found = {_token_level(token, text) for token in tokens}
    if len(found) != 1:
        raise ValueError(f"unknown skill level: {text!r}")
    return found.pop()


def _token_level(token: str, original: str) -> SkillLevel:
    """Level named by one token: a name, "N级", or "N级" glued to a name."""
    if token in _NAMES:
        return _NAMES[token]
    match = _GRADE.fullmatch(token)
    if match is None:
        raise ValueError(f"unknown skill level: {original!r}")
    level = SkillLevel(SkillLevel.GRADE1 + 1 - _GRADE_DIGITS[match.group(1)])
    rest = match.group(2)
    if rest and _token_level(rest, original) is not level:
        raise ValueError(f"contradictory skill level: {original!r}")
    return level
