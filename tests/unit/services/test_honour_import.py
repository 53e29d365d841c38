"""Importing honours from .xlsx: every row's problems by number, then all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.interchange.honours_xlsx import HONOUR_HEADERS, read_honours, write_honours_template
from skillsapp.services.talent.honours import HonourInput
from tests.conftest import as_role
from tests.factories import id_number
from tests.unit.services.test_talent_helpers import entries, person, type_id


def _write(path: Path, rows: list[list[object]], headers: tuple[str, ...] = HONOUR_HEADERS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2024年度荣誉汇总表"])  # a title row above the header, as units send them
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _row(seq: int, name: str, **overrides: object) -> list[object]:
    values: dict[str, object] = {
        "姓名": name,
        "身份证号": id_number(seq, female=seq % 2 == 1),
        "荣誉类型": "技术能手",
        "级别": "市级",
        "荣誉称号": "焦作市技术能手",
        "授予单位": "焦作市人力资源和社会保障局",
        "年度": 2024,
        "届次": "",
        "文号": "焦人社〔2024〕12号",
        "授予日期": "2024年5月1日",
    }
    values.update(overrides)
    return [values[h] for h in HONOUR_HEADERS]


@pytest.fixture
def two(services: Services) -> Services:
    person(services, 0)  # 王建国
    person(services, 1)  # 李秀英
    return services


def test_valid_file_imports_every_row_in_one_go(two: Services, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "荣誉.xlsx",
        [
            _row(0, "王建国"),
            _row(1, "李秀英", 荣誉类型="劳动模范", 级别="省部级", 荣誉称号="河南省劳动模范"),
        ],
    )
    preview = two.honour_import.preview_file(path)
    assert (preview.total_rows, len(preview.valid), preview.problems) == (2, 2, [])
    result = two.honour_import.run(preview)
    assert (result.imported, result.skipped) == (2, 0)
    [honour] = two.honours.honours(person_id=preview.valid[1].data.person_id)
    assert (honour.title, honour.level) == ("河南省劳动模范", HonourLevel.PROVINCIAL)
    [first] = two.honours.honours(person_id=preview.valid[0].data.person_id)
    assert first.granted_on is not None and first.granted_on.isoformat() == "2024-05-01"
    created = entries(two, "honour")
    assert [e.reason for e in created] == ["import", "import"]
    assert created[0].new_values is not None and created[0].new_values["year"] == 2024


def test_preview_lists_every_bad_row_by_number(two: Services, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "荣誉.xlsx",
        [
            _row(0, "王建国"),  # row 3: fine
            _row(40, "赵六"),  # 4: nobody with this ID
            _row(1, "李秀英", 荣誉类型="优秀员工"),  # 5: unknown type
            _row(1, "李秀英", 级别="特级"),  # 6: bad level
            _row(0, "王建国", 年度=2024),  # 7: repeats row 3
            _row(1, "李秀英", 授予日期="2024-13-01"),  # 8: not a date
            _row(1, "张三"),  # 9: the ID is someone else's
            _row(1, "李秀英", 荣誉类型="五一劳动奖状"),  # 10: a unit award
        ],
    )
    preview = two.honour_import.preview_file(path)
    found = [(p.row, p.field, p.code) for p in preview.problems]
    assert found == [
        (4, "id_number", "person_unknown"),
        (5, "type", "honour_type_unknown"),
        (6, "level", "honour_level_unknown"),
        (7, "title", "honour_duplicate_in_file"),
        (8, "granted_on", "date_invalid"),
        (9, "name", "person_name_mismatch"),
        (10, "type", "honour_type_for_units"),
    ]
    assert preview.problems[3].params == {"other": 3}
    assert [v.row for v in preview.valid] == [3]
    assert preview.bad_rows == [4, 5, 6, 7, 8, 9, 10]


def test_row_repeating_an_honour_already_held_is_a_problem(two: Services, tmp_path: Path) -> None:
    held = two.registry.search().rows[-1]  # 王建国
    two.honours.add(
        HonourInput(
            type_id(two, "技术能手"),
            HonourLevel.CITY,
            person_id=held.id,
            title="焦作市技术能手",
            year=2024,
        )
    )
    preview = two.honour_import.preview_file(_write(tmp_path / "h.xlsx", [_row(0, "王建国")]))
    assert [(p.row, p.code) for p in preview.problems] == [(3, "honour_duplicate")]


def test_run_is_refused_when_a_row_was_recorded_after_the_preview(
    two: Services, tmp_path: Path
) -> None:
    path = _write(tmp_path / "h.xlsx", [_row(1, "李秀英"), _row(0, "王建国")])
    preview = two.honour_import.preview_file(path)
    two.honours.add(preview.valid[1].data)  # somebody types it in meanwhile
    with pytest.raises(UserError) as caught:
        two.honour_import.run(preview)
    assert caught.value.code == "honour_import_stale"
    assert caught.value.params == {"rows": "4"}
    assert len(entries(two, "honour")) == 1  # nothing of the import was written


def test_float_mangled_id_and_missing_column_are_reported(two: Services, tmp_path: Path) -> None:
    mangled = _row(0, "王建国", 身份证号=4.10802198506e17)
    preview = two.honour_import.preview_file(_write(tmp_path / "f.xlsx", [mangled]))
    assert ("id_number", "id_float_mangled") in [(p.field, p.code) for p in preview.problems]
    headers = tuple(h for h in HONOUR_HEADERS if h != "级别")
    path = _write(tmp_path / "g.xlsx", [], headers=headers)
    with pytest.raises(UserError) as caught:
        read_honours(path)
    assert (caught.value.code, caught.value.params) == ("header_missing", {"value": "级别"})


def test_template_reads_back_with_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_honours_template(path)
    assert read_honours(path) == []


def test_nothing_valid_is_nothing_to_import(two: Services, tmp_path: Path) -> None:
    preview = two.honour_import.preview_file(_write(tmp_path / "h.xlsx", [_row(40, "赵六")]))
    with pytest.raises(UserError) as caught:
        two.honour_import.run(preview)
    assert caught.value.code == "import_nothing"


def test_judge_cannot_import_honours(two: Services, tmp_path: Path) -> None:
    judge = as_role(two, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.honour_import.preview_file(_write(tmp_path / "h.xlsx", [_row(0, "王建国")]))
