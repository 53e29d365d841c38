"""The person file: header recognition, cell clean-up, row problems, preview and import."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillsapp.app import Services
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import parse_id
from skillsapp.domain.levels import PROFESSIONAL_TITLES, SkillLevel
from skillsapp.domain.person_rules import PersonInput
from skillsapp.errors import UserError
from skillsapp.interchange.persons import (
    PERSON_EXPORT_HEADERS,
    PERSON_SHEET_TITLE,
    PERSON_TEXT_COLUMNS,
    person_export_cells,
    read_persons,
)
from skillsapp.interchange.rows import RowProblem
from skillsapp.interchange.tables import write_xlsx
from skillsapp.services.audit import AuditFilter
from skillsapp.services.registry.person_import import ImportCancelled
from skillsapp.services.registry.registry import PersonQuery, PersonRow
from tests.factories import id_number, person_input

ZH = ["姓名", "性别", "身份证号", "手机号", "单位", "工种", "技能等级", "职称"]
EN = ["Name", "Sex", "ID Number", "Mobile", "Employer", "Occupation", "Skill Level", "Title"]
BAD_CHECKSUM = "360426199101010072"  # DOMAIN.md: fails the check


def _sheet(path: Path, headers: Sequence[object], rows: Sequence[Sequence[object]]) -> Path:
    """An .xlsx as a user makes it: header in row 1, data from row 2, cells as given."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, values in enumerate([headers, *rows], start=1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


def _one(path: Path) -> tuple[PersonInput, str, tuple[RowProblem, ...]]:
    [draft] = read_persons(path)
    assert draft.data is not None
    return draft.data, draft.unit_name, draft.problems


def _cells(data: PersonInput, unit: str = "") -> list[object]:
    gender = {Gender.MALE: "男", Gender.FEMALE: "女", None: ""}[data.gender]
    level = data.skill_level.label if data.skill_level is not None else ""
    return [data.name, gender, data.id_number, data.mobile, unit, data.trade, level, data.title]


def _header_code(tmp_path: Path, headers: list[str]) -> tuple[str, object]:
    path = _sheet(tmp_path / "p.xlsx", headers, [["王伟"] * len(headers)])
    with pytest.raises(UserError) as info:
        read_persons(path)
    return info.value.code, info.value.params.get("value")


@pytest.mark.parametrize("headers", [ZH, EN], ids=["chinese", "english"])
def test_all_columns_are_read_under_chinese_or_english_headers(
    tmp_path: Path, headers: list[str]
) -> None:
    expected = person_input(0, title="工程师")
    path = _sheet(tmp_path / "p.xlsx", headers, [_cells(expected, "洛阳轴承厂")])
    assert _one(path) == (expected, "洛阳轴承厂", ())


@pytest.mark.parametrize(
    ("id_header", "mobile_header"),
    [
        (" 身份证号码 ", "手机号码"),
        ("公民身份号码", "联系电话"),
        ("ＩＤ　ｎｕｍｂｅｒ", "PHONE"),
        ("id_number", "手机"),
        ("idcard", "mobile"),
        ("身份证号（必填）*", "手机号"),
    ],
)
def test_header_variants_are_recognised(tmp_path: Path, id_header: str, mobile_header: str) -> None:
    path = _sheet(
        tmp_path / "p.xlsx",
        ["姓名", id_header, mobile_header],
        [["王伟", id_number(0), "13800138000"]],
    )
    data, _, _ = _one(path)
    assert (data.id_number, data.mobile) == (id_number(0), "13800138000")


@pytest.mark.parametrize(
    ("headers", "missing"),
    [(["姓名", "性别", "手机号"], "身份证号"), (["身份证号", "性别"], "姓名")],
)
def test_missing_required_header_rejects_the_whole_file(
    tmp_path: Path, headers: list[str], missing: str
) -> None:
    assert _header_code(tmp_path, headers) == ("header_missing", missing)


def test_title_rows_above_the_header_are_passed_over(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "p.xlsx", ["2024年职工技能人才名单"], [ZH, _cells(person_input(0))])
    [draft] = read_persons(path)
    assert draft.row == 3
    assert draft.data == person_input(0)


def test_full_width_digits_and_stray_spaces_are_normalised(tmp_path: Path) -> None:
    wide_id = id_number(0).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    row = [
        "  王\u3000建国 ",
        " 男 ",
        f" {wide_id}\u200b ",
        "１３８ ００１３ ８０００",
        " 郑州重工（集团） ",
        "焊工 ",
        " 高级工",
        "",
    ]
    data, unit, problems = _one(_sheet(tmp_path / "p.xlsx", ZH, [row]))
    assert (data.name, data.id_number, data.mobile) == ("王 建国", id_number(0), "138 0013 8000")
    assert (unit, data.trade, data.skill_level, problems) == (
        "郑州重工（集团）",
        "焊工",
        SkillLevel.GRADE3,
        (),
    )


def test_float_mangled_id_is_reported_with_row_number(tmp_path: Path) -> None:
    rows = [_cells(person_input(0)), ["李静", "女", 4.10802199001011e17]]
    drafts = read_persons(_sheet(tmp_path / "p.xlsx", ZH, rows))
    assert drafts[0].problems == ()
    [problem] = drafts[1].problems
    assert (problem.row, problem.field, problem.code) == (3, "id_number", "id_float_mangled")
    assert drafts[1].data is not None and drafts[1].data.name == "李静"


def test_float_shaped_id_text_from_a_csv_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("姓名,身份证号\n王伟,4.10802E+17\n", encoding="utf-8")
    [draft] = read_persons(path)
    assert [(p.row, p.code) for p in draft.problems] == [(2, "id_float_mangled")]


def test_phone_stored_as_a_number_cell_is_read_as_text(tmp_path: Path) -> None:
    data, _, _ = _one(
        _sheet(
            tmp_path / "p.xlsx", ["姓名", "身份证号", "手机"], [["王伟", id_number(0), 13800138000]]
        )
    )
    assert data.mobile == "13800138000"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("男", Gender.MALE),
        ("男性", Gender.MALE),
        ("M", Gender.MALE),
        ("Male", Gender.MALE),
        ("女", Gender.FEMALE),
        ("女性", Gender.FEMALE),
        ("f", Gender.FEMALE),
        ("FEMALE", Gender.FEMALE),
        ("", None),
    ],
)
def test_gender_words_are_understood(tmp_path: Path, text: str, gender: Gender | None) -> None:
    data, _, problems = _one(
        _sheet(tmp_path / "p.xlsx", ["姓名", "身份证号", "性别"], [["王伟", id_number(0), text]])
    )
    assert (data.gender, problems) == (gender, ())


def test_unknown_gender_is_reported(tmp_path: Path) -> None:
    _, _, problems = _one(
        _sheet(tmp_path / "p.xlsx", ["姓名", "身份证号", "性别"], [["王伟", id_number(0), "未知"]])
    )
    assert problems == (RowProblem(2, "gender", "gender_unknown", "未知"),)


def test_unknown_level_is_reported_and_known_spellings_are_read(tmp_path: Path) -> None:
    rows = [["王伟", id_number(0), "超级工"], ["李静", id_number(1, female=True), "二级（技师）"]]
    drafts = read_persons(_sheet(tmp_path / "p.xlsx", ["姓名", "身份证号", "等级"], rows))
    assert drafts[0].problems == (RowProblem(2, "skill_level", "level_unknown", "超级工"),)
    assert drafts[1].data is not None and drafts[1].data.skill_level is SkillLevel.GRADE2


def test_rows_with_nothing_in_known_columns_are_skipped(tmp_path: Path) -> None:
    rows = [[1, "王伟", id_number(0)], [2, None, None], [3, " ", ""]]
    drafts = read_persons(_sheet(tmp_path / "p.xlsx", ["序号", "姓名", "身份证号"], rows))
    assert [d.row for d in drafts] == [2]


def test_row_without_a_name_is_kept_for_the_importer_to_report(tmp_path: Path) -> None:
    drafts = read_persons(_sheet(tmp_path / "p.xlsx", ["姓名", "身份证号"], [["", id_number(0)]]))
    assert [(d.row, d.problems) for d in drafts] == [(2, ())]


def test_progress_reaches_the_total_and_cancel_stops_reading(tmp_path: Path) -> None:
    rows = [[f"人{i}", id_number(i)] for i in range(250)]
    path = _sheet(tmp_path / "p.xlsx", ["姓名", "身份证号"], rows)
    seen: list[tuple[int, int]] = []
    assert len(read_persons(path, progress=lambda done, total: seen.append((done, total)))) == 250
    assert seen[-1] == (250, 250)
    with pytest.raises(UserError) as info:
        read_persons(path, cancelled=lambda: True)
    assert info.value.code == "import_cancelled"


@pytest.fixture
def messy_file(tmp_path: Path, sqlite_services: Services) -> Path:
    """Two good rows (2 and 10) among one bad row of each kind; row 6 is in the database."""
    sqlite_services.registry.add(person_input(4))
    rows = [
        _cells(person_input(0), "郑州重工"),
        _cells(person_input(20, id_number=BAD_CHECKSUM, gender=None)),
        _cells(person_input(2, gender=Gender.FEMALE)),
        _cells(person_input(22, id_number=id_number(0))),
        _cells(person_input(4)),
        _cells(person_input(8, mobile="12345")),
        [*_cells(person_input(10))[:6], "超级工"],
        ["赵敏", "", 4.10802198506011e17],
        _cells(person_input(6), "洛阳轴承厂"),
    ]
    return _sheet(tmp_path / "messy.xlsx", ZH, rows)


def test_preview_reports_every_bad_row_with_its_number(
    messy_file: Path, sqlite_services: Services
) -> None:
    preview = sqlite_services.importer.preview(read_persons(messy_file))
    assert [(p.row, p.field, p.code) for p in preview.problems] == [
        (3, "id_number", "id_checksum"),
        (4, "gender", "gender_mismatch"),
        (5, "id_number", "id_duplicate_in_file"),
        (6, "id_number", "id_duplicate_in_database"),
        (7, "mobile", "mobile_invalid"),
        (8, "skill_level", "level_unknown"),
        (9, "id_number", "id_float_mangled"),
    ]
    assert [v.row for v in preview.valid] == [2, 10]
    assert preview.new_units == ["洛阳轴承厂", "郑州重工"]


def test_run_imports_exactly_the_valid_rows(messy_file: Path, sqlite_services: Services) -> None:
    preview = sqlite_services.importer.preview(read_persons(messy_file))
    result = sqlite_services.importer.run(preview)
    assert (result.imported, result.skipped, result.units_created) == (2, 7, 2)
    rows = sqlite_services.registry.search(PersonQuery(sort="id_number")).rows
    assert sorted((r.id_number, r.unit_name) for r in rows) == sorted(
        [(id_number(0), "郑州重工"), (id_number(6), "洛阳轴承厂"), (id_number(4), "")]
    )


def test_import_audits_each_person_under_its_own_id(
    messy_file: Path, sqlite_services: Services
) -> None:
    sqlite_services.importer.run(sqlite_services.importer.preview(read_persons(messy_file)))
    stored = {str(r.id): r for r in sqlite_services.registry.search().rows}
    entries = sqlite_services.audit.entries(AuditFilter(entity="person", action="create"))
    imported = [e for e in entries if e.reason == "import"]
    assert len(imported) == 2
    for entry in imported:
        person = stored[entry.entity_id]
        assert entry.new_values is not None
        assert (entry.new_values["id_number"], entry.new_values["name"]) == (
            person.id_number,
            person.name,
        )
        assert entry.new_values["skill_level"] == person.skill_level
    assert sqlite_services.audit.first_broken_link() is None


def test_cancelled_run_writes_nothing(messy_file: Path, sqlite_services: Services) -> None:
    preview = sqlite_services.importer.preview(read_persons(messy_file))
    before = sqlite_services.registry.search().total
    with pytest.raises(ImportCancelled):
        sqlite_services.importer.run(preview, cancelled=lambda: True)
    assert sqlite_services.registry.search().total == before == 1
    assert sqlite_services.units.units() == []


def _row(data: PersonInput, unit: str) -> PersonRow:
    info = parse_id(data.id_number)
    return PersonRow(
        0, data.name, info.gender, data.id_number, info.birth_date, data.mobile,
        None, unit, data.trade, data.skill_level, data.title, 1,
    )  # fmt: skip


Variant = tuple[int, str, SkillLevel | None, str, str, str, bool]
_variants = st.tuples(
    st.integers(0, 4999),
    st.text("王李张欧阳伟芳建国秀英·", min_size=1, max_size=6).map(str.strip).filter(bool),
    st.sampled_from([None, *SkillLevel]),
    st.sampled_from(["", *PROFESSIONAL_TITLES[:5]]),
    st.sampled_from(["", "焊工", "汽车维修工（发动机）"]),
    st.sampled_from(["", "郑州重工（集团）有限公司", "洛阳轴承厂"]),
    st.booleans(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_variants, max_size=12, unique_by=lambda v: v[0]))
def test_written_persons_read_back_unchanged(variants: list[Variant]) -> None:
    persons = [
        (person_input(seq, name=name, skill_level=level, title=title, trade=trade,
                      mobile=f"139{seq:08d}" if phone else ""), unit)
        for seq, name, level, title, trade, unit, phone in variants
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "persons.xlsx"
        cells = [person_export_cells(_row(data, unit)) for data, unit in persons]
        write_xlsx(
            path,
            PERSON_EXPORT_HEADERS,
            cells,
            sheet_title=PERSON_SHEET_TITLE,
            text_columns=PERSON_TEXT_COLUMNS,
        )
        drafts = read_persons(path)
    assert [(d.data, d.unit_name, d.problems) for d in drafts] == [
        (data, unit, ()) for data, unit in persons
    ]
