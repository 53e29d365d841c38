"""The default honour types (DOMAIN.md §3), as data seeded into the `honour_type` table.

Types on one ladder can be compared: `rank` orders them within it, high first, and an
honour's level (national … enterprise) orders honours of the same type. Both numbers
are what a later rule such as "a national 五一劳动奖章 counts like a provincial 劳模"
needs: it compares (ladder, level, rank) pairs, not type names. Local types (for
example a county's own title) are added by administrators as rows, never as code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from skillsapp.domain.marks import HonourLevel


@dataclass(frozen=True)
class CatalogueType:
    name: str
    ladder: str
    rank: int  # within the ladder, high first
    for_units: bool = False


MODEL_WORKER = "劳动模范"
MAY_DAY = "五一"
SKILL = "技术能手"
CRAFTSMAN = "工匠"
OTHER = "其他"

DEFAULT_TYPES: tuple[CatalogueType, ...] = (
    # 劳模 ladder: 先进工作者 is the same honour for staff outside enterprises.
    CatalogueType("劳动模范", MODEL_WORKER, 100),
    CatalogueType("先进工作者", MODEL_WORKER, 100),
    # 五一 ladder (union awards): medal for persons, certificate for units, 先锋号 for teams.
    CatalogueType("五一劳动奖章", MAY_DAY, 90),
    CatalogueType("五一劳动奖状", MAY_DAY, 90, for_units=True),
    CatalogueType("工人先锋号", MAY_DAY, 80, for_units=True),
    # 技术能手 ladder: 中华技能大奖 > 全国技术能手 > provincial > city > industry/enterprise.
    CatalogueType("中华技能大奖", SKILL, 100),
    CatalogueType("技术能手", SKILL, 80),
    # 工匠 ladder: 大国工匠 (national), then provincial/city editions (中原大工匠, 焦作工匠).
    CatalogueType("大国工匠", CRAFTSMAN, 100),
    CatalogueType("工匠", CRAFTSMAN, 80),
    CatalogueType("最美职工", OTHER, 50),
    CatalogueType("青年岗位能手", OTHER, 40),
    CatalogueType("巾帼建功标兵", OTHER, 40),
    CatalogueType("先进集体", OTHER, 50, for_units=True),
)

# High first; industry and enterprise honours sit below the administrative levels.
LEVEL_ORDER: Mapping[HonourLevel, int] = {
    HonourLevel.NATIONAL: 0,
    HonourLevel.PROVINCIAL: 1,
    HonourLevel.CITY: 2,
    HonourLevel.COUNTY: 3,
    HonourLevel.INDUSTRY: 4,
    HonourLevel.ENTERPRISE: 5,
}

LEVEL_LABELS: Mapping[HonourLevel, str] = {
    HonourLevel.NATIONAL: "国家级",
    HonourLevel.PROVINCIAL: "省级",
    HonourLevel.CITY: "市级",
    HonourLevel.COUNTY: "县级",
    HonourLevel.INDUSTRY: "行业",
    HonourLevel.ENTERPRISE: "企业",
}

# What import files write for a level (after removing spaces), besides the labels.
_LEVEL_WORDS: Mapping[str, HonourLevel] = {
    **{label: level for level, label in LEVEL_LABELS.items()},
    **{level.value: level for level in HonourLevel},
    "全国": HonourLevel.NATIONAL,
    "国家": HonourLevel.NATIONAL,
    "全国性": HonourLevel.NATIONAL,
    "省部级": HonourLevel.PROVINCIAL,
    "省": HonourLevel.PROVINCIAL,
    "市": HonourLevel.CITY,
    "地市级": HonourLevel.CITY,
    "县": HonourLevel.COUNTY,
    "区县级": HonourLevel.COUNTY,
    "县区级": HonourLevel.COUNTY,
    "行业级": HonourLevel.INDUSTRY,
    "企业级": HonourLevel.ENTERPRISE,
}


def parse_honour_level(text: str) -> HonourLevel:
    """Read "国家级", "省部级", "市级", "county" …; ValueError if unknown."""
    key = "".join(text.split()).lower()
    try:
        return _LEVEL_WORDS[key]
    except KeyError:
        raise ValueError(f"unknown honour level: {text!r}") from None
