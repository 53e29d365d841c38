"""Studio sheets: the profile and the evaluation sheet as A4 PDFs with extractable Chinese."""

from __future__ import annotations

import pytest

from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.sheets import Column
from skillsapp.pdf.studio_sheets import (
    STUDIO_LABELS,
    StudioSheet,
    TableBlock,
    evaluation_sheets_pdf,
    studio_profile_pdf,
)
from tests.unit.pdf.pdf_checks import (
    A4_PORTRAIT,
    embedded_fonts,
    notdef_characters,
    page_sizes,
    page_texts,
)

FRAME = PageFrame("工作室简况", "打印日期：2025年6月30日")
COLUMNS = (Column("年度", 0.6, "center"), Column("成果名称", 3), Column("完成人", 1.5))


def _sheet(rows: int = 3, **overrides: object) -> StudioSheet:
    values: dict[str, object] = {
        "title": "梁兵创新工作室",
        "subtitle": "市级劳模创新工作室",
        "facts": (
            ("依托单位", "焦煤集团赵固二矿"),
            ("领办人", "王䶮"),
            ("命名文号", "焦工发〔2019〕12号"),
        ),
        "notes": (
            ("成员构成", "共 26 人：高级工程师 10 人，工程师 3 人；高级技师 4 人，技师 9 人"),
        ),
        "blocks": (
            TableBlock(
                "创新成果",
                COLUMNS,
                tuple(
                    (str(2024 - i % 5), f"液压支架快速拆装工装第{i}代", "王䶮、李堃")
                    for i in range(rows)
                ),
                "无",
            ),
            TableBlock("培训活动", COLUMNS, (), "无"),
        ),
    }
    values.update(overrides)
    return StudioSheet(**values)  # type: ignore[arg-type]


def test_profile_is_a4_with_the_studio_name_labels_and_fallback_glyphs() -> None:
    pdf = studio_profile_pdf(FRAME, _sheet())
    (text,) = page_texts(pdf)
    for expected in (
        "梁兵创新工作室",
        "市级劳模创新工作室",
        "依托单位",
        "领办人",
        "王䶮",
        "成员构成",
        "高级技师 4 人",
        "创新成果",
        "培训活动",
        "无",
        "第 1 页 / 共 1 页",
    ):
        assert expected in text
    assert page_sizes(pdf) == [A4_PORTRAIT]
    assert notdef_characters(pdf) == set()
    assert all(embedded_fonts(pdf).values())


def test_long_tables_run_over_pages_numbered_within_the_sheet() -> None:
    pages = page_texts(studio_profile_pdf(FRAME, _sheet(rows=120)))
    assert len(pages) >= 3
    assert f"第 {len(pages)} 页 / 共 {len(pages)} 页" in pages[-1]
    assert all("成果名称" in page for page in pages[1:-1])  # the header row repeats


def test_each_evaluation_sheet_is_its_own_section_with_a_signature_line() -> None:
    sheets = [
        _sheet(title=f"{name} 2024年度考核表", signature=STUDIO_LABELS["signature"], blocks=())
        for name in ("甲工作室", "乙工作室")
    ]
    pages = page_texts(evaluation_sheets_pdf(FRAME, sheets))
    assert len(pages) == 2
    assert "甲工作室" in pages[0] and "乙工作室" in pages[1]
    assert all("考核组签字" in page and "第 1 页 / 共 1 页" in page for page in pages)


def test_an_evaluation_print_needs_a_sheet() -> None:
    with pytest.raises(ValueError):
        evaluation_sheets_pdf(FRAME, [])
