"""The .xlsx marking-scheme template: one row per criterion, and a 设置 sheet.

This is the file an organizer mails to a trade's chief expert and reads back. Sheet
评分标准 has a title row, a header row, then one row per criterion; a blank 组成部分
(merged cells) continues the component above. Sheet 设置 holds the settings as
label/value rows, then a 组成部分/代码/计分方式 table and a 奖项/名额/比例(%) table.
Title rules are not part of the template.
"""

from __future__ import annotations

import decimal
import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import (
    Aggregation,
    AwardMode,
    ComponentBase,
    CriterionKind,
    MeritMode,
    TieBreakKind,
)
from skillsapp.errors import UserError

CRITERIA_SHEET = "评分标准"
SETTINGS_SHEET = "设置"
COLUMNS = {  # field → header of the 评分标准 sheet, in column order
    "component": "组成部分",
    "weight": "权重(%)",
    "key": "评分项代码",
    "name": "评分项名称",
    "max": "配分",
    "kind": "类型(测量/评判)",
    "aggregation": "评分方式(平均/去最高最低/世赛0-3)",
    "step": "步长",
    "deduction": "扣分制(是/否)",
    "requirement": "考核要求",
    "standard": "评分标准",
}
HEADERS = tuple(COLUMNS.values())

KIND_TEXT = {CriterionKind.MEASUREMENT: "测量", CriterionKind.JUDGEMENT: "评判"}
AGGREGATION_TEXT = {
    Aggregation.MEAN: "平均",
    Aggregation.TRIMMED_MEAN: "去最高最低",
    Aggregation.WORLDSKILLS: "世赛0-3",
}
BASE_TEXT = {ComponentBase.SUM: "合计", ComponentBase.SCALED: "折算"}
AWARD_MODE_TEXT = {AwardMode.BY_COUNT: "按名额", AwardMode.BY_SHARE: "按比例"}
MERIT_MODE_TEXT = {MeritMode.COUNT: "名额", MeritMode.TOP_HALF: "前一半"}
ROUNDING_TEXT = {
    decimal.ROUND_HALF_UP: "四舍五入",
    decimal.ROUND_HALF_EVEN: "四舍六入五成双",
    decimal.ROUND_UP: "进一法",
    decimal.ROUND_DOWN: "去尾法",
}
YES, NO = "是", "否"
TIME_NAME = "用时"
DOWN, UP = "↓", "↑"

# 设置 sheet labels → SchemeSpec settings
SETTING_LABELS = {
    "decimals": "小数位数",
    "rounding": "舍入方式",
    "trim": "去最高最低分的最少裁判数",
    "spread": "世赛最大分差",
    "min_field": "最少参赛人数",
    "time_used": "记录用时",
    "tie_breaks": "同分排序",
    "award_mode": "评奖方式",
    "share_rounding": "比例取整",
    "min_total": "最低获奖总分",
    "merit_name": "优胜奖名称",
    "merit_mode": "优胜奖方式",
    "merit_count": "优胜奖名额",
}
COMPONENT_SECTION = ("组成部分", "代码", "计分方式(合计/折算)")
TIER_SECTION = ("奖项", "名额", "比例(%)")


# ---- writing -------------------------------------------------------------------


def write_scheme_xlsx(path: Path, spec: SchemeSpec, *, title: str) -> None:
    """Write the template atomically (a temporary file in the same folder, then a rename)."""
    workbook = openpyxl.Workbook()
    _write_criteria(workbook.active, spec, title)
    _write_settings(workbook.create_sheet(SETTINGS_SHEET), spec)
    temp = path.with_name(f".~{path.stem}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


def criterion_cells(component: ComponentSpec, criterion: CriterionSpec) -> list[object]:
    """One row of the 评分标准 sheet, in HEADERS order."""
    return [
        component.name,
        component.weight,
        criterion.key,
        criterion.name,
        criterion.max_mark,
        KIND_TEXT[criterion.kind],
        AGGREGATION_TEXT[criterion.aggregation],
        criterion.step,
        YES if criterion.deduction else NO,
        criterion.requirement,
        criterion.standard,
    ]


def _write_criteria(sheet: Any, spec: SchemeSpec, title: str) -> None:
    sheet.title = CRITERIA_SHEET
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for component in spec.components:
        for criterion in component.criteria:
            sheet.append(criterion_cells(component, criterion))
    for column, text in enumerate(HEADERS, start=1):
        wide = text in ("考核要求", "评分标准")
        sheet.column_dimensions[get_column_letter(column)].width = 40 if wide else 14
        if text == "评分项代码":
            sheet.column_dimensions[get_column_letter(column)].number_format = "@"
    sheet.freeze_panes = "A3"


def _settings_rows(spec: SchemeSpec) -> Iterator[Sequence[object]]:
    rule, labels = spec.award_rule, SETTING_LABELS
    yield ["设置", "值"]
    yield [labels["decimals"], spec.rounding_decimals]
    yield [labels["rounding"], ROUNDING_TEXT.get(spec.rounding_mode, spec.rounding_mode)]
    yield [labels["trim"], spec.trim_threshold]
    yield [labels["spread"], spec.worldskills_max_spread]
    yield [labels["min_field"], spec.min_field]
    yield [labels["time_used"], YES if spec.time_used else NO]
    yield [labels["tie_breaks"], tie_break_text(spec)]
    yield [labels["award_mode"], AWARD_MODE_TEXT[rule.mode]]
    yield [labels["share_rounding"], ROUNDING_TEXT.get(rule.share_rounding, rule.share_rounding)]
    yield [labels["min_total"], rule.min_total]
    if rule.merit is not None:
        yield [labels["merit_name"], rule.merit.name]
        yield [labels["merit_mode"], MERIT_MODE_TEXT[rule.merit.mode]]
        yield [labels["merit_count"], rule.merit.count]
    yield []
    yield list(COMPONENT_SECTION)
    yield from ([c.name, c.key, BASE_TEXT[c.base]] for c in spec.components)
    yield []
    yield list(TIER_SECTION)
    yield from ([t.name, t.count, t.share * 100] for t in rule.tiers)


def _write_settings(sheet: Any, spec: SchemeSpec) -> None:
    for row in _settings_rows(spec):
        sheet.append(row)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 18


def tie_break_text(spec: SchemeSpec) -> str:
    """ "实操↓；用时↑；理论↓": component names (or 用时) with ↓ for higher-is-better."""
    names = {c.key: c.name for c in spec.components}
    parts = []
    for tie in spec.tie_breaks:
        name = TIME_NAME if tie.kind is TieBreakKind.TIME else names.get(tie.component or "", "")
        parts.append((name or tie.component or "") + (DOWN if tie.descending else UP))
    return "；".join(parts)
