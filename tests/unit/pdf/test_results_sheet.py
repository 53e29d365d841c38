"""The results sheet (成绩表): Chinese on A4, every row, signature lines, notes."""

from __future__ import annotations

import pytest

from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.results_sheet import LABELS, ResultLine, ResultsSheet, results_pdf
from tests.unit.pdf.pdf_checks import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    notdef_characters,
    page_sizes,
    page_texts,
    text,
)

FRAME = PageFrame("焦作市职工技能竞赛", "打印日期：2025年5月21日")
ROWS = (
    ResultLine("1", "0104", "李秀英", "焦作电厂", ("79.00", "87.33"), "84.83", "一等奖"),
    ResultLine("2", "0101", "王建国", "焦作电厂", ("86.00", "84.33"), "84.83", "二等奖"),
    ResultLine("6", "0106", "杨磊", "焦作煤业", ("62.00", "47.67"), "51.97", ""),
    ResultLine("失格", "0102", "䶮子", "焦作煤业", ("0.00", "0.00"), "0.00", ""),
)


def _sheet(**overrides: object) -> ResultsSheet:
    values: dict[str, object] = {
        "title": "焦作市职工技能竞赛成绩表",
        "subtitle": "比赛项目：维修电工\u3000比赛日期：2025年5月20日\u3000主办单位：焦作市总工会",
        "components": ("理论", "实操"),
        "rows": ROWS,
    }
    values.update(overrides)
    return ResultsSheet(**values)  # type: ignore[arg-type]


def test_the_sheet_has_title_event_date_organizer_columns_rows_and_signatures() -> None:
    data = results_pdf(FRAME, [_sheet()])
    found = text(data)
    for expected in (
        "焦作市职工技能竞赛成绩表",
        "比赛项目：维修电工",
        "2025年5月20日",
        "主办单位：焦作市总工会",
        "名次", "参赛号", "姓名", "单位", "理论", "实操", "总分", "奖项",
        "李秀英", "84.83", "一等奖", "王建国", "二等奖", "杨磊", "51.97", "失格",
        "裁判长（签字）", "监督（签字）",
    ):  # fmt: skip
        assert expected in found, expected
    assert page_sizes(data) == [A4_PORTRAIT]


def test_every_character_has_a_glyph_even_a_rare_name() -> None:
    assert notdef_characters(results_pdf(FRAME, [_sheet()])) == set()


def test_notes_say_the_results_are_provisional() -> None:
    note = LABELS["provisional"].format(count=3)
    assert "成绩暂定：尚缺 3 个分数" in text(results_pdf(FRAME, [_sheet(notes=(note,))]))


def test_a_long_list_repeats_the_header_and_signatures_on_every_page() -> None:
    rows = tuple(
        ResultLine(str(n), f"{n:04d}", f"选手{n}", "焦作电厂", ("80.00", "80.00"), "80.00", "")
        for n in range(1, 80)
    )
    pages = page_texts(results_pdf(FRAME, [_sheet(rows=rows)]))
    assert len(pages) > 1
    assert all("名次" in p and "裁判长（签字）" in p and "监督（签字）" in p for p in pages)
    assert "第 2 页 / 共" in pages[1]


def test_each_event_starts_its_own_numbered_section() -> None:
    data = results_pdf(FRAME, [_sheet(), _sheet(title="焊工成绩表")])
    pages = page_texts(data)
    assert len(pages) == 2 and "焊工成绩表" in pages[1]
    assert all("第 1 页 / 共 1 页" in p for p in pages)


def test_many_components_turn_the_page_to_landscape() -> None:
    components = tuple(f"部分{n}" for n in range(6))
    rows = (ResultLine("1", "0101", "李秀英", "焦作电厂", ("80.00",) * 6, "80.00", ""),)
    data = results_pdf(FRAME, [_sheet(components=components, rows=rows)])
    assert page_sizes(data) == [A4_LANDSCAPE]


def test_a_blind_sheet_heads_the_code_column_as_such() -> None:
    assert "密号" in text(results_pdf(FRAME, [_sheet(blind=True)]))


def test_no_sheet_is_an_error() -> None:
    with pytest.raises(ValueError):
        results_pdf(FRAME, [])
