"""Reading the .xlsx marking-scheme template (the format is in scheme_xlsx.py)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec
from skillsapp.domain.scoring import (
    Aggregation,
    AwardRule,
    ComponentBase,
    CriterionKind,
    Merit,
    MeritMode,
    TieBreak,
    TieBreakKind,
    Tier,
)
from skillsapp.domain.scoring.scheme import ROUNDING_MODES
from skillsapp.errors import UserError
from skillsapp.interchange.normalize import normalize_text
from skillsapp.interchange.persons import header_key
from skillsapp.interchange.scheme_xlsx import (
    AGGREGATION_TEXT,
    AWARD_MODE_TEXT,
    BASE_TEXT,
    COLUMNS,
    COMPONENT_SECTION,
    CRITERIA_SHEET,
    DOWN,
    KIND_TEXT,
    MERIT_MODE_TEXT,
    ROUNDING_TEXT,
    SETTING_LABELS,
    SETTINGS_SHEET,
    TIER_SECTION,
    TIME_NAME,
    UP,
)

_ALIASES: dict[str, tuple[str, ...]] = {
    "component": ("组成部分", "部分", "模块", "component"),
    "weight": ("权重", "权重%", "比重", "weight"),
    "key": ("评分项代码", "代码", "编号", "key", "code"),
    "name": ("评分项名称", "评分项", "考核项目", "考核内容", "名称", "name", "criterion"),
    "max": ("配分", "分值", "满分", "max", "maxmark"),
    "kind": ("类型", "评分类型", "type", "kind"),
    "aggregation": ("评分方式", "裁判评分方式", "aggregation"),
    "step": ("步长", "分值步长", "step"),
    "deduction": ("扣分制", "扣分", "deduction"),
    "requirement": ("考核要求", "技术要求", "requirement"),
    "standard": ("评分标准", "评分细则", "standard"),
}
_REQUIRED = ("component", "key", "name", "max")
_HEADER_SEARCH_ROWS = 5

_EXTRA_CHOICES: dict[str, Any] = {
    "客观": CriterionKind.MEASUREMENT,
    "主观": CriterionKind.JUDGEMENT,
    "去掉最高最低": Aggregation.TRIMMED_MEAN,
    "世赛": Aggregation.WORLDSKILLS,
}
_DEFAULT_KEYS = {"理论": "theory", "实操": "practical", "答辩": "oral", "机考": "computer"}
_LIST_SPLIT = re.compile(r"[;；,，、]")
_CORRUPT = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, EOFError)


_FIELD_BY_KEY = {header_key(a): f for f, aliases in _ALIASES.items() for a in aliases}


def _choices(*tables: dict[Any, str]) -> dict[str, Any]:
    """Text → value for cells: the Chinese text and the enum value both work."""
    found: dict[str, Any] = {}
    for table in tables:
        for value, text in table.items():
            found[header_key(text)] = value
            found[header_key(str(value))] = value
    return found


_KIND = {**_choices(KIND_TEXT), **{k: v for k, v in _EXTRA_CHOICES.items() if v in KIND_TEXT}}
_AGGREGATION = {
    **_choices(AGGREGATION_TEXT),
    **{k: v for k, v in _EXTRA_CHOICES.items() if v in AGGREGATION_TEXT},
}
_BASE = _choices(BASE_TEXT)
_AWARD_MODE = _choices(AWARD_MODE_TEXT)
_MERIT_MODE = _choices(MERIT_MODE_TEXT)
_ROUNDING = _choices(ROUNDING_TEXT, {mode: mode for mode in ROUNDING_MODES})
_BOOL = {"是": True, "y": True, "yes": True, "true": True, "1": True}
_BOOL |= {"否": False, "n": False, "no": False, "false": False, "0": False}


@dataclass
class _Settings:
    """The 设置 sheet as read, before the components are known."""

    values: dict[str, tuple[int, object]] = field(default_factory=dict)
    keys: dict[str, tuple[str, ComponentBase]] = field(default_factory=dict)
    tiers: list[Tier] = field(default_factory=list)
    present: bool = False


@dataclass
class _Component:
    name: str
    weight: Decimal
    criteria: list[CriterionSpec] = field(default_factory=list)


def read_scheme_xlsx(path: Path) -> SchemeSpec:
    """Read the template; a bad cell raises UserError with its sheet, row and column."""
    workbook = _open(path)
    try:
        sheets = {ws.title: ws for ws in workbook.worksheets}
        criteria_sheet = sheets.get(CRITERIA_SHEET) or workbook.worksheets[0]
        criteria_rows = _rows(criteria_sheet)
        settings = _read_settings(_rows(sheets[SETTINGS_SHEET]) if SETTINGS_SHEET in sheets else [])
    finally:
        workbook.close()
    components = _read_components(criteria_rows, criteria_sheet.title)
    return _spec(components, settings)


def _open(path: Path) -> Any:
    if not path.is_file():
        raise UserError("file_not_found", path=str(path))
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except OSError as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc
    except _CORRUPT as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc) or "xlsx") from exc


def _rows(sheet: Any) -> list[tuple[int, list[object]]]:
    rows = sheet.iter_rows(values_only=True)
    return [(n, list(v)) for n, v in enumerate(rows, start=1) if any(_text(x) for x in v)]


def _text(value: object) -> str:
    return normalize_text(value)


def _header(rows: list[tuple[int, list[object]]], sheet: str) -> tuple[dict[str, int], int]:
    """Field → column index and the index of the first data row."""
    for index, (_, values) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, value in enumerate(values):
            found = _FIELD_BY_KEY.get(header_key(value))
            if found is not None and found not in columns:
                columns[found] = column
        if all(f in columns for f in _REQUIRED):
            return columns, index + 1
    raise UserError("scheme_xlsx_header_missing", sheet=sheet)


@dataclass(frozen=True)
class _Cell:
    """Where a value came from, for the error message."""

    sheet: str
    row: int
    column: str
    value: object

    def error(self, code: str) -> UserError:
        return UserError(
            code, sheet=self.sheet, row=self.row, column=self.column, value=_text(self.value)
        )


def _decimal(cell: _Cell, *, optional: bool = False) -> Decimal | None:
    text = _text(cell.value).rstrip("%")
    if not text:
        if optional:
            return None
        raise cell.error("scheme_xlsx_missing_cell")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise cell.error("scheme_xlsx_bad_cell") from exc
    if not number.is_finite():
        raise cell.error("scheme_xlsx_bad_cell")
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def _required_decimal(cell: _Cell) -> Decimal:
    number = _decimal(cell)
    assert number is not None
    return number


def _integer(cell: _Cell, *, optional: bool = False) -> int | None:
    number = _decimal(cell, optional=optional)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise cell.error("scheme_xlsx_bad_cell")
    return int(number)


def _choice(cell: _Cell, table: dict[str, Any], default: Any) -> Any:
    text = header_key(cell.value)
    if not text:
        return default
    if text not in table:
        raise cell.error("scheme_xlsx_bad_cell")
    return table[text]


def _read_components(rows: list[tuple[int, list[object]]], sheet: str) -> list[_Component]:
    columns, first = _header(rows, sheet)
    components: dict[str, _Component] = {}
    current: _Component | None = None
    for number, values in rows[first:]:
        cells = {
            f: _Cell(sheet, number, COLUMNS[f], values[i] if i < len(values) else None)
            for f, i in columns.items()
        }
        current = _component_of(cells, components, current)
        current.criteria.append(_criterion(cells))
    return list(components.values())


def _component_of(
    cells: dict[str, _Cell], components: dict[str, _Component], current: _Component | None
) -> _Component:
    """The row's component: named in the cell, or (blank, merged) the one above."""
    name_cell = cells["component"]
    name = _text(name_cell.value)
    weight = _decimal(cells["weight"], optional=True) if "weight" in cells else None
    if not name:
        if current is None:
            raise name_cell.error("scheme_xlsx_missing_cell")
        name = current.name
    if name not in components:
        if weight is None:
            raise cells.get("weight", name_cell).error("scheme_xlsx_missing_cell")
        components[name] = _Component(name, weight)
    component = components[name]
    if weight is not None and weight != component.weight:
        raise cells["weight"].error("scheme_xlsx_weight_mismatch")
    return component


def _criterion(cells: dict[str, _Cell]) -> CriterionSpec:
    def text(name: str) -> str:
        return _text(cells[name].value) if name in cells else ""

    for required in ("key", "name"):
        if not text(required):
            raise cells[required].error("scheme_xlsx_missing_cell")
    blank = _Cell("", 0, "", None)
    return CriterionSpec(
        key=text("key"),
        name=text("name"),
        max_mark=_required_decimal(cells["max"]),
        kind=_choice(cells.get("kind", blank), _KIND, CriterionKind.MEASUREMENT),
        aggregation=_choice(cells.get("aggregation", blank), _AGGREGATION, Aggregation.MEAN),
        step=_decimal(cells.get("step", blank), optional=True),
        deduction=_choice(cells.get("deduction", blank), _BOOL, False),
        requirement=text("requirement"),
        standard=text("standard"),
    )


def _read_settings(rows: Sequence[tuple[int, list[object]]]) -> _Settings:
    settings = _Settings(present=bool(rows))
    by_label = {header_key(text): key for key, text in SETTING_LABELS.items()}
    section = ""
    for number, values in rows:
        label = header_key(values[0] if values else None)
        second = _text(values[1]) if len(values) > 1 else ""
        if label == header_key(COMPONENT_SECTION[0]) and second == COMPONENT_SECTION[1]:
            section = "components"
        elif label == header_key(TIER_SECTION[0]) and second == TIER_SECTION[1]:
            section = "tiers"
        elif section == "components":
            _component_setting(settings, number, values)
        elif section == "tiers":
            settings.tiers.append(_tier(number, values))
        elif label in by_label:
            settings.values[by_label[label]] = (number, values[1] if len(values) > 1 else None)
    return settings


def _cells(number: int, values: list[object], headers: Sequence[str]) -> list[_Cell]:
    padded = [*values, *([None] * len(headers))]
    return [_Cell(SETTINGS_SHEET, number, h, padded[i]) for i, h in enumerate(headers)]


def _component_setting(settings: _Settings, number: int, values: list[object]) -> None:
    name, key, base = _cells(number, values, COMPONENT_SECTION)
    if not _text(key.value):
        raise key.error("scheme_xlsx_missing_cell")
    settings.keys[_text(name.value)] = (_text(key.value), _choice(base, _BASE, ComponentBase.SUM))


def _tier(number: int, values: list[object]) -> Tier:
    name, count, share = _cells(number, values, TIER_SECTION)
    percent = _decimal(share, optional=True) or Decimal(0)
    return Tier(_text(name.value), _integer(count, optional=True) or 0, percent / 100)


def _setting(settings: _Settings, key: str) -> _Cell:
    number, value = settings.values.get(key, (0, None))
    return _Cell(SETTINGS_SHEET, number, SETTING_LABELS[key], value)


def _spec(components: list[_Component], settings: _Settings) -> SchemeSpec:
    specs = tuple(_component_spec(i, c, settings) for i, c in enumerate(components, start=1))
    default = SchemeSpec()

    def get(key: str) -> _Cell:
        return _setting(settings, key)

    return SchemeSpec(
        components=specs,
        rounding_decimals=_integer_or(get("decimals"), default.rounding_decimals),
        rounding_mode=_choice(get("rounding"), _ROUNDING, default.rounding_mode),
        tie_breaks=_tie_breaks(get("tie_breaks"), specs),
        trim_threshold=_integer_or(get("trim"), default.trim_threshold),
        worldskills_max_spread=_decimal(get("spread"), optional=True)
        or default.worldskills_max_spread,
        min_field=_integer(get("min_field"), optional=True),
        time_used=_choice(get("time_used"), _BOOL, False),
        award_rule=_award_rule(settings, default.award_rule),
    )


def _integer_or(cell: _Cell, default: int) -> int:
    number = _integer(cell, optional=True)
    return default if number is None else number


def _component_spec(index: int, component: _Component, settings: _Settings) -> ComponentSpec:
    fallback = _DEFAULT_KEYS.get(component.name, f"c{index}")
    key, base = settings.keys.get(component.name, (fallback, ComponentBase.SUM))
    return ComponentSpec(key, component.name, component.weight, tuple(component.criteria), base)


def _tie_breaks(cell: _Cell, components: tuple[ComponentSpec, ...]) -> tuple[TieBreak, ...]:
    keys = {c.name: c.key for c in components} | {c.key: c.key for c in components}
    steps = []
    for part in (p.strip() for p in _LIST_SPLIT.split(_text(cell.value))):
        if not part:
            continue
        name = part.rstrip(DOWN + UP).strip()
        if name == TIME_NAME:
            steps.append(TieBreak(TieBreakKind.TIME, None, part.endswith(DOWN)))
        elif name in keys:
            steps.append(TieBreak.by_component(keys[name], descending=not part.endswith(UP)))
        else:
            raise _Cell(cell.sheet, cell.row, cell.column, name).error(
                "scheme_xlsx_unknown_component"
            )
    return tuple(steps)


def _award_rule(settings: _Settings, default: AwardRule) -> AwardRule:
    merit_name = _text(_setting(settings, "merit_name").value)
    merit = None
    if merit_name:
        mode = _choice(_setting(settings, "merit_mode"), _MERIT_MODE, MeritMode.COUNT)
        count = _integer(_setting(settings, "merit_count"), optional=True) or 0
        merit = Merit(mode, count, merit_name)
    share_rounding = _choice(
        _setting(settings, "share_rounding"), _ROUNDING, default.share_rounding
    )
    return AwardRule(
        tuple(settings.tiers) if settings.present else default.tiers,
        _choice(_setting(settings, "award_mode"), _AWARD_MODE, default.mode),
        _decimal(_setting(settings, "min_total"), optional=True),
        share_rounding,
        merit,
    )
