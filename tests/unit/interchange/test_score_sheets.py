"""Score sheets as .xlsx: blank for a judge, filled in, read back with row/column problems."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from skillsapp.errors import UserError
from skillsapp.interchange.score_sheets import (
    FIRST_ROW,
    HEADER_ROW,
    META_SHEET,
    ScoreSheetFile,
    SheetCriterion,
    SheetEntry,
    read_score_sheet,
    write_score_sheet,
)

CRITERIA = (
    SheetCriterion("P1", "测量精度", Decimal(40)),
    SheetCriterion("P2", "操作规范", Decimal(30), deduction=True),
    SheetCriterion("P3", "安全文明", Decimal("12.5")),
)


def _sheet(*, blind: bool = False, entries: int = 3) -> ScoreSheetFile:
    return ScoreSheetFile(
        competition_id=7,
        competition="2025年焦作市职工技术运动会",
        event_id=11,
        event="维修电工",
        judge_user_id=5,
        judge="张三",
        blind=blind,
        criteria=CRITERIA,
        entries=tuple(
            SheetEntry(100 + i, f"A{i:02d}" if blind else f"{i:03d}", "" if blind else f"选手{i}")
            for i in range(1, entries + 1)
        ),
    )


def _fill(path: Path, values: dict[str, object]) -> None:
    """Type values into cells (e.g. {"D9": 35}) as a clerk would, and save."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for ref, value in values.items():
        sheet[ref] = value
    workbook.save(path)


def test_header_cells_carry_key_name_and_maximum(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    written = write_score_sheet(path, _sheet())
    sheet = openpyxl.load_workbook(path).worksheets[0]
    headers = [sheet.cell(HEADER_ROW, c).value for c in range(1, 8)]
    assert headers == [
        "序号",
        "参赛号",
        "姓名",
        "P1 测量精度 (40)",
        "P2 操作规范 (30)",
        "P3 安全文明 (12.5)",
        "备注",
    ]
    assert [sheet.cell(HEADER_ROW + 1, c).value for c in (4, 5)] == ["得分", "扣分"]
    assert sheet["B2"].value == "2025年焦作市职工技术运动会" and sheet["B4"].value == "张三"
    assert sheet["B5"].value == written.sheet_id and written.sheet_id.startswith("7-11-5-")
    assert sheet.cell(FIRST_ROW, 2).value == "001"  # the bib stays text


def test_marks_round_trip_as_decimals(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    written = write_score_sheet(path, _sheet())
    _fill(path, {"D9": 35, "E9": 2.5, "F9": "12.5", "G9": "迟到3分钟", "D10": "３８", "E11": 0})
    filled = read_score_sheet(path)
    assert filled.problems == ()
    meta = filled.meta
    assert (meta.competition_id, meta.event_id, meta.judge_user_id) == (7, 11, 5)
    assert meta.sheet_id == written.sheet_id and not meta.blind
    assert [c.key for c in meta.criteria] == ["P1", "P2", "P3"]
    assert [(c.max_mark, c.deduction) for c in meta.criteria][1] == (Decimal(30), True)
    rows = {row.registration_id: row for row in filled.rows}
    assert rows[101].marks == {"P1": Decimal(35), "P2": Decimal("2.5"), "P3": Decimal("12.5")}
    assert rows[101].remark == "迟到3分钟" and rows[101].code == "001"
    assert rows[102].marks == {"P1": Decimal(38)}  # full-width digits, blanks left out
    assert rows[103].marks == {"P2": Decimal(0)}
    assert all(isinstance(v, Decimal) for row in filled.rows for v in row.marks.values())


def test_bad_values_are_reported_by_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet())
    _fill(path, {"D9": "abc", "E9": 31, "F10": -1, "D11": True, "E11": 29.5})
    filled = read_score_sheet(path)
    problems = {(p.row, p.column, p.criterion, p.code) for p in filled.problems}
    assert problems == {
        (9, "D", "P1", "score_sheet_not_a_number"),
        (9, "E", "P2", "score_sheet_out_of_range"),
        (10, "F", "P3", "score_sheet_out_of_range"),
        (11, "D", "P1", "score_sheet_not_a_number"),
    }
    assert {row.registration_id: dict(row.marks) for row in filled.rows}[103] == {
        "P2": Decimal("29.5")
    }


def test_a_row_whose_code_changed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet())
    _fill(path, {"B10": "003", "D10": 20})
    filled = read_score_sheet(path)
    assert [(p.row, p.column, p.code, p.value) for p in filled.problems] == [
        (10, "B", "score_sheet_row_moved", "003")
    ]
    assert [row.registration_id for row in filled.rows] == [101, 103]


def test_blind_sheet_has_codes_only(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet(blind=True))
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "姓名" not in cells and not any("选手" in c for c in cells)
    assert sheet.cell(HEADER_ROW, 2).value == "密号" and sheet.cell(FIRST_ROW, 2).value == "A01"
    _fill(path, {"C9": 40})
    filled = read_score_sheet(path)
    assert filled.meta.blind and filled.rows[0].marks == {"P1": Decimal(40)}


def test_only_mark_cells_are_open_and_validated(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    assert sheet.protection.sheet and workbook.security.lockStructure
    assert workbook[META_SHEET].sheet_state == "veryHidden"
    assert not sheet["D9"].protection.locked and not sheet["G11"].protection.locked
    assert sheet["B9"].protection.locked and sheet["D7"].protection.locked
    rules = {
        str(dv.sqref): (dv.type, dv.formula1, dv.formula2)
        for dv in sheet.data_validations.dataValidation
    }
    assert rules == {
        "D9:D11": ("decimal", "0", "40"),
        "E9:E11": ("decimal", "0", "30"),
        "F9:F11": ("decimal", "0", "12.5"),
    }


def test_sheet_without_entries_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet(entries=0))
    filled = read_score_sheet(path)
    assert filled.rows == () and filled.problems == () and len(filled.meta.criteria) == 3


def test_a_foreign_workbook_is_not_a_score_sheet(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "成绩"
    workbook.save(path)
    with pytest.raises(UserError) as error:
        read_score_sheet(path)
    assert error.value.code == "score_sheet_not_ours"


def test_damaged_metadata_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    write_score_sheet(path, _sheet())
    workbook = openpyxl.load_workbook(path)
    workbook[META_SHEET]["B4"] = "not a number"  # competition_id
    workbook.save(path)
    with pytest.raises(UserError) as error:
        read_score_sheet(path)
    assert error.value.code == "score_sheet_damaged"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("s.csv", b"a,b", "file_format"),
        ("missing.xlsx", None, "file_not_found"),
        ("bad.xlsx", b"PK\x03\x04junk", "file_unreadable"),
    ],
)
def test_unreadable_files_raise_user_errors(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError) as error:
        read_score_sheet(path)
    assert error.value.code == code


def test_writing_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "s.xlsx"
    with pytest.raises(UserError) as error:
        write_score_sheet(target, _sheet())
    assert error.value.code == "file_unwritable"
    path = tmp_path / "s.xlsx"
    path.write_bytes(b"old")
    write_score_sheet(path, _sheet())
    assert read_score_sheet(path).meta.event_id == 11
    assert [p.name for p in tmp_path.iterdir()] == ["s.xlsx"]
