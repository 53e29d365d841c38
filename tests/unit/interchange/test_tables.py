"""Reading and writing tabular files: xlsx and csv, encodings, row numbers, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from skillsapp.errors import UserError
from skillsapp.interchange.tables import Table, read_table, write_xlsx

HEADERS = ["姓名", "身份证号", "手机号"]
ID = "410802198506010011"


def _xlsx(path: Path, rows: dict[int, list[object]]) -> Path:
    """An .xlsx whose sheet has `rows` at the given 1-based row numbers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    workbook.save(path)
    return path


def _code(path: Path) -> str:
    with pytest.raises(UserError) as info:
        read_table(path)
    return info.value.code


def test_xlsx_rows_keep_the_row_numbers_excel_shows(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "p.xlsx",
        {3: HEADERS, 4: ["王伟", ID, "13800138000"], 7: ["李静", ID, None]},
    )
    table = read_table(path)
    assert table.headers == HEADERS
    assert [number for number, _ in table.rows] == [4, 7]
    assert table.rows[1][1] == ["李静", ID, None]


def test_xlsx_keeps_raw_cell_values(tmp_path: Path) -> None:
    mangled = 4.10802199001011e17
    path = _xlsx(tmp_path / "p.xlsx", {1: HEADERS, 2: ["王伟", mangled, 13800138000]})
    _, values = read_table(path).rows[0]
    assert values == ["王伟", mangled, 13800138000]
    assert isinstance(values[1], float)


def test_wrong_dimension_tag_does_not_cut_rows_off(tmp_path: Path) -> None:
    """Some generators write <dimension ref="A1"/> whatever the sheet holds."""
    good = _xlsx(tmp_path / "good.xlsx", {1: HEADERS, 2: ["王伟", ID, None], 3: ["李静", ID, "1"]})
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            target.writestr(name, data)
    assert read_table(bad) == read_table(good)
    assert len(read_table(bad).rows) == 2


def test_rows_of_only_spaces_are_skipped(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "p.xlsx", {1: HEADERS, 2: [" ", "\u3000", None], 3: ["王伟", ID, ""]})
    assert [number for number, _ in read_table(path).rows] == [3]


def test_short_rows_are_padded_to_the_header_width(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "p.xlsx", {1: HEADERS, 2: ["王伟"]})
    assert read_table(path).rows == [(2, ["王伟", None, None])]


def test_csv_in_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"姓名,身份证号,手机号\n王伟,{ID},13800138000\n", encoding="utf-8-sig")
    assert read_table(path) == Table(HEADERS, [(2, ["王伟", ID, "13800138000"])])


def test_csv_saved_by_chinese_excel_in_gbk_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(f"姓名,身份证号,手机号\r\n赵秀英,{ID},\r\n".encode("gbk"))
    assert read_table(path) == Table(HEADERS, [(2, ["赵秀英", ID, ""])])


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiter_is_detected(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "p.csv"
    lines = [delimiter.join(HEADERS), delimiter.join(["王, 伟", ID, "138 0013 8000"])]
    if delimiter == ",":
        lines[1] = f'"王, 伟",{ID},138 0013 8000'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_table(path).rows == [(2, ["王, 伟", ID, "138 0013 8000"])]


def test_csv_row_numbers_skip_blank_lines_but_count_them(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(f"\n姓名,身份证号\n,\n王伟,{ID}\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["姓名", "身份证号"]
    assert table.rows == [(4, ["王伟", ID])]


def test_empty_file_gives_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"")
    assert read_table(path) == Table([], [])


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert _code(tmp_path / "nowhere.xlsx") == "file_not_found"


def test_unsupported_suffix_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("姓名\n", encoding="utf-8")
    assert _code(path) == "file_format"


@pytest.mark.parametrize("content", [b"\x00\x01garbage" * 100, b"PK\x03\x04broken zip", b""])
def test_corrupt_xlsx_is_unreadable_not_a_crash(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        read_table(path)
    assert info.value.code == "file_unreadable"
    assert info.value.params["path"] == str(path)


def test_csv_in_no_known_encoding_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"\x81\x30\xff\xff\xfe,\x80\n")
    assert _code(path) == "file_unreadable"


def test_written_xlsx_reads_back_with_its_values(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows: list[list[object]] = [["王伟", ID, 3, dt.date(1985, 6, 1)], ["李静", None, 1.5, None]]
    write_xlsx(path, [*HEADERS[:2], "数", "日期"], rows, sheet_title="名单", text_columns=[1])
    table = read_table(path)
    assert table.headers == [*HEADERS[:2], "数", "日期"]
    assert table.rows[0] == (2, ["王伟", ID, 3, dt.datetime(1985, 6, 1)])
    assert table.rows[1] == (3, ["李静", None, 1.5, None])


def test_written_xlsx_has_bold_frozen_header_and_text_id_column(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(
        path, HEADERS, [["王伟", 410802198506010011, "138"]], sheet_title="名单", text_columns=[1]
    )
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "名单"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    assert sheet["B2"].number_format == "@"
    assert sheet["B2"].value == ID
    assert sheet["B2"].data_type == "s"
    assert sheet.column_dimensions["B"].width >= len(ID)


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, ["姓名"], [['=HYPERLINK("x")']], sheet_title="名单")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == '=HYPERLINK("x")'


def test_sheet_title_is_made_acceptable_to_excel(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, ["a"], [], sheet_title="人员/名单:" + "长" * 40)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title.startswith("人员_名单_")
    assert len(sheet.title) == 31


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")

    def rows() -> Iterator[list[object]]:
        yield ["王伟"]
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError):
        write_xlsx(path, ["姓名"], rows(), sheet_title="名单")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_write_into_a_missing_folder_is_unwritable(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "out.xlsx"
    with pytest.raises(UserError) as info:
        write_xlsx(path, ["姓名"], [["王伟"]], sheet_title="名单")
    assert info.value.code == "file_unwritable"
    assert not path.exists()
