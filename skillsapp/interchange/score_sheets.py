"""Score sheets as .xlsx: written blank for a judge, read back filled in.

One row per contestant (bib, or only 密号 when blind), one column per criterion with
validation 0 … 配分; all else locked. A very hidden sheet holds the ids the import
needs: competition, event, judge, criterion keys/columns/maxima, registrations/rows.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from skillsapp.errors import UserError
from skillsapp.interchange.normalize import normalize_text

FORMAT = "skillsapp.score_sheet/1"
META_SHEET = "_skillsapp"
HEADER_ROW = 7
SUB_ROW = 8
FIRST_ROW = 9

XLSX_LABELS: Mapping[str, str] = {
    "sheet": "评分表",
    "competition": "赛事",
    "event": "比赛项目",
    "judge": "裁判",
    "sheet_id": "表号",
    "any_judge": "（未指定）",
    "no": "序号",
    "code": "参赛号",
    "blind_code": "密号",
    "name": "姓名",
    "remark": "备注",
    "deduction": "扣分",
    "mark": "得分",
    "blind_note": "盲评：只凭密号评分",
    "error_title": "分数无效",
    "error": "请输入 0 到 {max} 之间的数",
}

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_SHADE = PatternFill("solid", fgColor="E8E8E8")
_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
_OPEN = Protection(locked=False)


@dataclass(frozen=True)
class SheetCriterion:
    """A criterion the judge marks; with `deduction` the judge enters 扣分."""

    key: str
    name: str
    max_mark: Decimal
    deduction: bool = False


@dataclass(frozen=True)
class SheetEntry:
    """A contestant's row: the registration, the code shown and (not blind) the name."""

    registration_id: int
    code: str
    name: str = ""


@dataclass(frozen=True)
class ScoreSheetFile:
    """Everything one blank .xlsx score sheet holds."""

    competition_id: int
    competition: str
    event_id: int
    event: str
    judge_user_id: int | None
    judge: str
    blind: bool
    criteria: tuple[SheetCriterion, ...]
    entries: tuple[SheetEntry, ...]
    sheet_id: str = ""


def _first_criterion_column(blind: bool) -> int:
    return 3 if blind else 4  # after 序号, the code and (not blind) 姓名


def write_score_sheet(
    path: Path, sheet: ScoreSheetFile, *, labels: Mapping[str, str] = XLSX_LABELS
) -> ScoreSheetFile:
    """Write `sheet` atomically to `path`; return it with the sheet id it carries."""
    if not sheet.sheet_id:
        token = f"{sheet.event_id}-{sheet.judge_user_id or 0}-{uuid.uuid4().hex[:8]}"
        sheet = dataclasses.replace(sheet, sheet_id=f"{sheet.competition_id}-{token}")
    workbook = openpyxl.Workbook()
    marks = workbook.active
    marks.title = labels["sheet"]
    _header_block(marks, sheet, labels)
    _column_headers(marks, sheet, labels)
    _body(marks, sheet)
    _validation(marks, sheet, labels)
    _protect(workbook, marks)
    _metadata(workbook, sheet)
    _save_atomically(workbook, path)
    return sheet


def _header_block(ws: Any, sheet: ScoreSheetFile, labels: Mapping[str, str]) -> None:
    ws.cell(1, 1, f"{sheet.event} {labels['sheet']}").font = _TITLE
    last = _first_criterion_column(sheet.blind) + len(sheet.criteria)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    rows = (
        (labels["competition"], sheet.competition),
        (labels["event"], sheet.event),
        (labels["judge"], sheet.judge or labels["any_judge"]),
        (labels["sheet_id"], sheet.sheet_id),
    )
    for offset, (label, value) in enumerate(rows):
        ws.cell(2 + offset, 1, label).font = _BOLD
        ws.cell(2 + offset, 2, value)
    if sheet.blind:
        ws.cell(6, 1, labels["blind_note"])


def _column_headers(ws: Any, sheet: ScoreSheetFile, labels: Mapping[str, str]) -> None:
    first = _first_criterion_column(sheet.blind)
    remark = first + len(sheet.criteria)
    fixed = [labels["no"], labels["blind_code" if sheet.blind else "code"]]
    if not sheet.blind:
        fixed.append(labels["name"])
    for column, text in enumerate(fixed, start=1):
        _heading(ws, column, text, 7 if column == 1 else 12)
    for column, criterion in enumerate(sheet.criteria, start=first):
        _heading(ws, column, f"{criterion.key} {criterion.name} ({_text(criterion.max_mark)})", 16)
        sub = labels["deduction" if criterion.deduction else "mark"]
        ws.cell(SUB_ROW, column, sub).alignment = _WRAP
    _heading(ws, remark, labels["remark"], 24)
    for column in range(1, remark + 1):
        for row in (HEADER_ROW, SUB_ROW):
            ws.cell(row, column).fill = _SHADE
    ws.row_dimensions[HEADER_ROW].height = 36
    ws.freeze_panes = ws.cell(FIRST_ROW, first)


def _heading(ws: Any, column: int, text: str, width: float) -> None:
    cell = ws.cell(HEADER_ROW, column, text)
    cell.font = _BOLD
    cell.alignment = _WRAP
    ws.column_dimensions[get_column_letter(column)].width = width


def _body(ws: Any, sheet: ScoreSheetFile) -> None:
    first = _first_criterion_column(sheet.blind)
    for index, entry in enumerate(sheet.entries):
        row = FIRST_ROW + index
        ws.cell(row, 1, index + 1)
        ws.cell(row, 2, entry.code).number_format = "@"
        if not sheet.blind:
            ws.cell(row, 3, entry.name)
        for column in range(first, first + len(sheet.criteria) + 1):
            ws.cell(row, column).protection = _OPEN


def _validation(ws: Any, sheet: ScoreSheetFile, labels: Mapping[str, str]) -> None:
    if not sheet.entries:
        return
    last = FIRST_ROW + len(sheet.entries) - 1
    first = _first_criterion_column(sheet.blind)
    for column, criterion in enumerate(sheet.criteria, start=first):
        maximum = _text(criterion.max_mark)
        rule = DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=maximum,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=labels["error_title"],
            error=labels["error"].format(max=maximum),
        )
        letter = get_column_letter(column)
        rule.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(rule)


def _protect(workbook: Any, ws: Any) -> None:
    """Lock all but the mark and remark cells; columns may still be widened."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    workbook.security = WorkbookProtection(lockStructure=True)


def _metadata(workbook: Any, sheet: ScoreSheetFile) -> None:
    meta = workbook.create_sheet(META_SHEET)
    judge = "" if sheet.judge_user_id is None else str(sheet.judge_user_id)
    meta.append(["format", FORMAT])
    meta.append(["sheet_id", sheet.sheet_id])
    meta.append(["competition_id", str(sheet.competition_id)])
    meta.append(["event_id", str(sheet.event_id)])
    meta.append(["judge_user_id", judge])
    meta.append(["blind", "1" if sheet.blind else "0"])
    first = _first_criterion_column(sheet.blind)
    for column, c in enumerate(sheet.criteria, start=first):
        meta.append(
            ["criterion", c.key, str(column), _text(c.max_mark), str(int(c.deduction)), c.name]
        )
    meta.append(["remark", str(first + len(sheet.criteria))])
    for row, entry in enumerate(sheet.entries, start=FIRST_ROW):
        meta.append(["entry", str(entry.registration_id), str(row), entry.code])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _save_atomically(workbook: Any, path: Path) -> None:
    """A temporary file in the same folder, then a rename: never a half-written sheet."""
    temp = path.with_name(f".~{path.stem}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


# ---- reading a filled sheet ------------------------------------------------------

_UNREADABLE = (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError)
_DAMAGED = (KeyError, ValueError, IndexError, TypeError, InvalidOperation)


@dataclass(frozen=True)
class MetaCriterion(SheetCriterion):
    column: int = 0


@dataclass(frozen=True)
class MetaEntry(SheetEntry):
    row: int = 0


@dataclass(frozen=True)
class SheetMeta:
    """What the hidden sheet says the file was made for."""

    sheet_id: str
    competition_id: int
    event_id: int
    judge_user_id: int | None
    blind: bool
    remark_column: int
    criteria: tuple[MetaCriterion, ...]
    entries: tuple[MetaEntry, ...]


@dataclass(frozen=True)
class FilledRow:
    """One contestant's entered values (blank cells left out) and remark."""

    registration_id: int
    code: str
    row: int
    marks: Mapping[str, Decimal]
    remark: str = ""


@dataclass(frozen=True)
class CellProblem:
    """A value that cannot be imported; `code` is a message code (skillsapp.messages)."""

    row: int
    column: str
    code: str
    criterion: str = ""
    value: str = ""


@dataclass(frozen=True)
class FilledScoreSheet:
    meta: SheetMeta
    rows: tuple[FilledRow, ...]
    problems: tuple[CellProblem, ...]


def read_score_sheet(path: Path) -> FilledScoreSheet:
    """Read a sheet written by `write_score_sheet` and filled in by a judge or clerk."""
    workbook = _open(path)
    try:
        meta = _read_meta(workbook, path)
        marks = workbook.worksheets[0]  # the workbook's structure is locked
        problems: list[CellProblem] = []
        read = (_read_row(marks, meta, entry, problems) for entry in meta.entries)
        rows = tuple(row for row in read if row is not None)
        return FilledScoreSheet(meta, rows, tuple(problems))
    finally:
        workbook.close()


def _open(path: Path) -> Any:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError("file_format", path=str(path))
    if not path.is_file():
        raise UserError("file_not_found", path=str(path))
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except _UNREADABLE as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc) or repr(exc)) from exc


def _read_meta(workbook: Any, path: Path) -> SheetMeta:
    if META_SHEET not in workbook.sheetnames:
        raise UserError("score_sheet_not_ours", path=str(path))
    sheet = workbook[META_SHEET]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    values = {row[0]: row[1] for row in rows if len(row) > 1}
    if values.get("format") != FORMAT:
        raise UserError("score_sheet_not_ours", path=str(path))
    try:
        return _meta(values, rows)
    except _DAMAGED as exc:
        raise UserError("score_sheet_damaged", path=str(path), detail=repr(exc)) from exc


def _meta(values: Mapping[str, str], rows: list[list[str]]) -> SheetMeta:
    criteria = tuple(
        MetaCriterion(r[1], r[5], Decimal(r[3]), r[4] == "1", column=int(r[2]))
        for r in rows
        if r[0] == "criterion"
    )
    entries = tuple(MetaEntry(int(r[1]), r[3], row=int(r[2])) for r in rows if r[0] == "entry")
    judge = values["judge_user_id"]
    return SheetMeta(
        sheet_id=values["sheet_id"],
        competition_id=int(values["competition_id"]),
        event_id=int(values["event_id"]),
        judge_user_id=int(judge) if judge else None,
        blind=values["blind"] == "1",
        remark_column=int(values["remark"]),
        criteria=criteria,
        entries=entries,
    )


def _read_row(
    ws: Any, meta: SheetMeta, entry: MetaEntry, problems: list[CellProblem]
) -> FilledRow | None:
    """The row's marks; None (and a problem) when its code is not the one written there."""
    found = normalize_text(ws.cell(entry.row, 2).value)
    if found != normalize_text(entry.code):
        problems.append(CellProblem(entry.row, "B", "score_sheet_row_moved", value=found))
        return None
    marks: dict[str, Decimal] = {}
    for criterion in meta.criteria:
        raw = ws.cell(entry.row, criterion.column).value
        value, code = _mark(raw, criterion.max_mark)
        if code:
            letter = get_column_letter(criterion.column)
            problems.append(
                CellProblem(entry.row, letter, code, criterion.key, normalize_text(raw))
            )
        elif value is not None:
            marks[criterion.key] = value
    remark = normalize_text(ws.cell(entry.row, meta.remark_column).value)
    return FilledRow(entry.registration_id, entry.code, entry.row, marks, remark)


def _mark(raw: object, maximum: Decimal) -> tuple[Decimal | None, str]:
    """A cell as a mark: (value, "") or (None, problem code); blank is (None, "")."""
    if raw is None or (isinstance(raw, str) and not normalize_text(raw)):
        return None, ""
    try:
        value = Decimal(normalize_text(raw))
    except InvalidOperation:
        value = Decimal("NaN")
    if isinstance(raw, bool) or not value.is_finite():
        return None, "score_sheet_not_a_number"
    if value < 0 or value > maximum:
        return None, "score_sheet_out_of_range"
    return value, ""
