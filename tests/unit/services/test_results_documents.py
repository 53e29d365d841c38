"""The results sheet as PDF and .xlsx, built from the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from skillsapp.app import Services
from tests.unit.pdf.pdf_checks import A4_PORTRAIT, notdef_characters, page_sizes, text
from tests.unit.services.test_results_helpers import put_marks, worked_example


def test_the_results_pdf_has_the_names_totals_and_awards(services: Services) -> None:
    example = worked_example(services)
    data = services.results.results_pdf(example.competition_id, today=dt.date(2025, 5, 21))
    found = text(data)
    for name, total in [
        ("李秀英", "84.83"),
        ("张伟", "76.68"),
        ("陈静", "81.60"),
        ("杨磊", "51.97"),
    ]:
        assert name in found and total in found
    for expected in (
        "一等奖",
        "二等奖",
        "三等奖",
        "焦作市职工技能竞赛成绩表",
        "比赛项目：维修电工",
    ):
        assert expected in found
    assert "主办单位：焦作市总工会" in found and "2025年5月20日" in found
    assert "打印日期：2025年5月21日" in found
    assert page_sizes(data) == [A4_PORTRAIT]
    assert notdef_characters(data) == set()


def test_the_results_pdf_says_when_results_are_provisional(services: Services) -> None:
    example = worked_example(services, marks=False)
    put_marks(services, example, skip=("张伟", "P2", 3))
    found = text(services.results.results_pdf(example.competition_id, example.event_id))
    assert "成绩暂定：尚缺 1 个分数" in found


def test_the_results_xlsx_has_a_sheet_per_event_with_scores_as_numbers(
    services: Services, tmp_path: Path
) -> None:
    example = worked_example(services)
    path = services.results.results_xlsx(example.competition_id, tmp_path / "成绩.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["维修电工", "维修电工团体", "单位总分"]
    rows = list(book["维修电工"].iter_rows())
    headers = [c.value for c in rows[0]]
    assert headers[:8] == ["名次", "参赛号", "姓名", "单位", "理论", "实操", "总分", "奖项"]
    chen = next(r for r in rows[1:] if r[2].value == "陈静")
    assert (chen[0].value, chen[6].value, chen[6].number_format, chen[7].value) == (
        3, 81.6, "0.00", "二等奖",
    )  # fmt: skip
    assert chen[1].data_type == "s"  # the bib stays text
    assert [c.value for c in list(book["单位总分"].iter_rows())[1]][:3] == [1, "焦作电厂", 246.34]
