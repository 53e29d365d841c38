"""The PDF builders: A4 pages as designed, Chinese text extractable, blind sheets blind."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.pdf.forms import roster_pdf, score_sheet_pdf, sign_in_pdf
from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.printables import LABELS
from skillsapp.pdf.score_layout import GRID_MAX_CRITERIA
from skillsapp.pdf.sheets import (
    SCORE_SHEET_LABEL_KEYS,
    Column,
    CriterionLine,
    RosterSheet,
    ScoreSheet,
    SheetContestant,
    SignInSheet,
)
from tests.unit.pdf.pdf_checks import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    embedded_fonts,
    notdef_characters,
    page_sizes,
    page_texts,
    text,
)

FRAME = PageFrame("2025年焦作市职工技术运动会", "打印日期：2025年9月1日")
NAMES = ("王䶮", "李堃", "张喆", "阿卜杜热合曼·艾买提", "刘洋", "陈静")
UNITS = ("焦煤集团赵固二矿", "中原内配集团股份有限公司")
COLUMNS = (Column("序号", 0.6, "center"), Column("姓名", 1.5), Column("参赛单位", 3))


def _rows(count: int) -> tuple[tuple[str, ...], ...]:
    return tuple((str(i + 1), NAMES[i % 6], UNITS[i % 2]) for i in range(count))


def _criteria(count: int) -> tuple[CriterionLine, ...]:
    return tuple(
        CriterionLine(
            f"P{i}",
            f"焊缝外观{i}",
            "焊缝余高0～3mm，宽度均匀，无咬边",
            Decimal("12.5") if i == 1 else Decimal(10),
            "余高超差每处扣2分；咬边深度＞0.5mm每处扣3分",
            deduction=i % 2 == 1,
        )
        for i in range(1, count + 1)
    )


def _sheet(*, criteria: int, blind: bool, contestants: int = 4, judge: str = "张三") -> ScoreSheet:
    people = tuple(SheetContestant(f"M{i:02d}", NAMES[i % 6]) for i in range(1, contestants + 1))
    return ScoreSheet(
        "2025年焦作市职工技术运动会", "焊工", judge, _criteria(criteria), people, blind, LABELS
    )


def test_default_labels_cover_the_score_sheet() -> None:
    assert set(SCORE_SHEET_LABEL_KEYS) <= set(LABELS)


def test_roster_has_a4_portrait_pages_with_the_chinese_text() -> None:
    data = roster_pdf(FRAME, [RosterSheet("参赛名单", "焊工（共 6 人）", COLUMNS, _rows(6))])
    assert page_sizes(data) == [A4_PORTRAIT]
    content = text(data)
    for expected in (
        *NAMES,
        *UNITS,
        "参赛名单",
        "焊工（共 6 人）",
        FRAME.header,
        "第 1 页 / 共 1 页",
    ):
        assert expected in content
    assert notdef_characters(data) == set()
    assert all(embedded_fonts(data).values())


def test_each_section_numbers_its_own_pages() -> None:
    sheets = [
        RosterSheet("参赛名单", "焊工", COLUMNS, _rows(80)),
        RosterSheet("参赛名单", "钳工", COLUMNS, _rows(3)),
    ]
    pages = page_texts(roster_pdf(FRAME, sheets))
    assert len(pages) == 3
    assert "第 1 页 / 共 2 页" in pages[0] and "第 2 页 / 共 2 页" in pages[1]
    assert "第 1 页 / 共 1 页" in pages[2] and "钳工" in pages[2]
    assert "序号" in pages[1]  # the header row repeats


def test_sign_in_sheet_adds_the_signature_column() -> None:
    sheet = SignInSheet("签到表", "焊工", COLUMNS, _rows(5), Column("本人签名", 2))
    data = sign_in_pdf(FRAME, [sheet])
    assert page_sizes(data) == [A4_PORTRAIT]
    assert "本人签名" in text(data) and "王䶮" in text(data)


def test_few_criteria_make_one_landscape_grid() -> None:
    data = score_sheet_pdf(FRAME, [_sheet(criteria=GRID_MAX_CRITERIA, blind=False)])
    assert set(page_sizes(data)) == {A4_LANDSCAPE}
    content = text(data)
    for expected in (
        "P1 焊缝外观1",
        "配分 12.5",
        "扣分",
        "得分",
        "评分人",
        "核分人",
        "统分人",
        "M01",
        "李堃",
    ):
        assert expected in content
    assert notdef_characters(data) == set()


def test_many_criteria_make_one_portrait_page_per_contestant() -> None:
    data = score_sheet_pdf(
        FRAME, [_sheet(criteria=GRID_MAX_CRITERIA + 2, blind=False, contestants=3)]
    )
    pages = page_texts(data)
    assert page_sizes(data) == [A4_PORTRAIT] * 3
    for number, page in enumerate(pages, start=1):
        assert f"M{number:02d}" in page and "第 1 页 / 共 1 页" in page
        for label in (
            "序号",
            "考核项目",
            "考核要求",
            "配分",
            "评分标准",
            "扣分",
            "得分",
            "备注",
            "合计",
        ):
            assert label in page
        assert "P10 焊缝外观10" not in page and "焊缝外观10" in page
        assert "102.5" in page  # 合计 of the maxima


@pytest.mark.parametrize("criteria", [3, GRID_MAX_CRITERIA + 1])
def test_blind_sheet_shows_codes_and_no_names(criteria: int) -> None:
    data = score_sheet_pdf(FRAME, [_sheet(criteria=criteria, blind=True, contestants=6)])
    content = text(data)
    assert all(f"M{i:02d}" in content for i in range(1, 7))
    assert "密号" in content and "参赛号" not in content
    assert not any(name in content for name in NAMES)


def test_sheet_without_contestants_leaves_rows_to_fill_by_hand() -> None:
    sheet = _sheet(criteria=4, blind=True, contestants=0, judge="")
    content = text(score_sheet_pdf(FRAME, [sheet]))
    assert "15" in content and "评分人" in content


def test_score_sheet_needs_a_sheet() -> None:
    with pytest.raises(ValueError):
        score_sheet_pdf(FRAME, [])


def test_long_running_heads_are_shortened_not_overprinted() -> None:
    from skillsapp.pdf.fonts import default_chain
    from skillsapp.pdf.layout import fit

    chain = default_chain()
    long = "中原内配集团股份有限公司（孟州市）特种装备事业部第三车间"
    short = fit(chain, long, 9, 100)
    assert short.endswith("…") and chain.width(short, 9) <= 100
    assert fit(chain, "焊工", 9, 100) == "焊工"
    frame = PageFrame("2025年河南省焦作市第十二届职工技术运动会暨全市职工职业技能大赛决赛")
    page = text(roster_pdf(frame, [RosterSheet("参赛名单", long, COLUMNS, _rows(1))]))
    assert "…" in page
