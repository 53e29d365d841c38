"""Reading the unit entry form (报名表): headers, title rows, person cells, extras."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.errors import UserError
from skillsapp.interchange.entry_forms import (
    ENTRY_HEADERS,
    match_entry_headers,
    read_entry_forms,
    write_entry_form,
)
from skillsapp.interchange.rows import RowProblem
from tests.factories import id_number

ROW = [
    "焊工",
    "王建国",
    "男",
    id_number(0),
    "13800000000",
    "洛阳轴承厂",
    "焊工",
    "三级/高级工",
    "工程师",
    "",
    "首次参赛",
]


def test_a_written_form_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    write_entry_form(path, [ROW])
    [draft] = read_entry_forms(path)
    assert (draft.row, draft.event_name, draft.team_name, draft.note) == (2, "焊工", "", "首次参赛")
    person = draft.person.data
    assert person is not None
    assert (person.name, person.gender, person.id_number, person.skill_level, person.title) == (
        "王建国",
        Gender.MALE,
        id_number(0),
        SkillLevel.GRADE3,
        "工程师",
    )
    assert draft.person.unit_name == "洛阳轴承厂"


def test_english_headers_in_any_order_are_recognised() -> None:
    columns = match_entry_headers(["Team", "ID number", "Name", "Event", "Unit", "Remark"])
    assert columns == {"team_name": 0, "id_number": 1, "name": 2, "event": 3, "unit": 4, "note": 5}


def test_a_title_row_above_the_header_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["洛阳轴承厂 职工技能竞赛报名表"])
    sheet.append(["序号", "比赛项目", "姓名", "身份证号码", "队名"])
    sheet.append([1, "叉车", "李秀英", id_number(1, female=True), "一队"])
    sheet.append([2])  # a pre-numbered blank row
    workbook.save(path)
    [draft] = read_entry_forms(path)
    assert (draft.row, draft.event_name, draft.team_name) == (3, "叉车", "一队")


def test_a_form_without_an_event_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "人员.xlsx"
    write_entry_form(path, [])
    workbook = openpyxl.load_workbook(path)
    workbook.active["A1"] = "序号"
    workbook.save(path)
    with pytest.raises(UserError) as error:
        read_entry_forms(path)
    assert (error.value.code, error.value.params) == ("header_missing", {"value": "项目"})


def test_cell_problems_keep_their_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    bad_gender = [*ROW[:2], "男女", *ROW[3:]]
    only_event = ["钳工", "", "", "", "", "", "", "", "", "", ""]
    write_entry_form(path, [ROW, bad_gender, only_event])
    drafts = read_entry_forms(path)
    assert [d.row for d in drafts] == [2, 3, 4]
    assert drafts[1].person.problems == (RowProblem(3, "gender", "gender_unknown", "男女"),)
    assert drafts[2].person.problems == (RowProblem(4, "name", "name_required"),)


def test_the_id_and_mobile_columns_are_text(tmp_path: Path) -> None:
    path = tmp_path / "报名表.xlsx"
    write_entry_form(path, [ROW])
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == list(ENTRY_HEADERS)
    assert (sheet["D2"].data_type, sheet["E2"].data_type) == ("s", "s")
