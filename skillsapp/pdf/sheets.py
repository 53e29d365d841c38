"""Read models the form builders print: plain, frozen, with translated text only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Column:
    """A table column: its heading, relative width and alignment of its cells."""

    label: str
    weight: float = 1.0
    align: str = "left"  # left, center, right


@dataclass(frozen=True)
class RosterSheet:
    """One section of a roster (参赛名单): an event's or a unit's contestants."""

    title: str
    subtitle: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SignInSheet:
    """签到表 of one event: the listed columns, then a blank column to sign in."""

    title: str
    subtitle: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    signature: Column


@dataclass(frozen=True)
class CriterionLine:
    """One line of a score sheet: 序号, 考核项目, 考核要求, 配分, 评分标准."""

    no: str
    name: str
    requirement: str
    max_mark: Decimal
    standard: str
    deduction: bool = False  # the judge writes 扣分 and the mark is 配分 − 扣分


@dataclass(frozen=True)
class SheetContestant:
    """A contestant as a judge may see them: the code always, the name only if not blind."""

    code: str
    name: str = ""


@dataclass(frozen=True)
class ScoreSheet:
    """评分表 of one event for one judge ("" = any judge), in marking order.

    `labels` are the translated texts of the sheet; the keys are those of
    `SCORE_SHEET_LABEL_KEYS`.
    """

    competition: str
    event: str
    judge: str
    criteria: tuple[CriterionLine, ...]
    contestants: tuple[SheetContestant, ...]
    blind: bool
    labels: Mapping[str, str]


SCORE_SHEET_LABEL_KEYS = (
    "title",  # 评分表
    "event",  # 比赛项目
    "no",  # 序号
    "item",  # 考核项目
    "requirement",  # 考核要求
    "max",  # 配分
    "standard",  # 评分标准
    "deduction",  # 扣分
    "mark",  # 得分
    "remark",  # 备注
    "total",  # 合计 / 总分
    "code",  # 参赛号
    "blind_code",  # 密号
    "name",  # 姓名
    "judge",  # 评分人
    "checker",  # 核分人
    "tallier",  # 统分人
    "date",  # 日期：    年   月   日
    "blind_note",  # 盲评：只填写密号，不得写姓名或单位
)
