"""人才档案: one person's dossier on A4 portrait — identity with photo, then a titled
table per part of the record (certificates, titles, honours, results, mentorship,
studios, innovations). The service hands over texts only (`DossierView`)."""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from skillsapp.pdf.fonts import FontChain
from skillsapp.pdf.layout import PageFrame, PdfDocument, Section, frame_width
from skillsapp.pdf.tables import (
    HEADER_BACKGROUND,
    TableSpec,
    column_widths,
    heading,
    paragraph_style,
    ruled_table,
    text_cell,
)

logger = logging.getLogger(__name__)

LABELS: Mapping[str, str] = {
    "title": "人才档案",
    "printed": "打印日期：{date}",
    "page": "第 {page} 页 / 共 {pages} 页",
    "none": "（无）",
    "name": "姓名",
    "gender": "性别",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "mobile": "手机号",
    "unit": "单位",
    "trade": "工种",
    "skill_level": "技能等级",
    "prof_title": "职称",
    "photo": "照片",
    "certificates": "技能等级证书",
    "certificates_columns": "职业（工种）|等级|证书编号|发证日期|发证机构|状态",
    "titles": "专业技术职称",
    "titles_columns": "职称|取得日期|评审（发证）单位|证书编号",
    "honours": "荣誉",
    "honours_columns": "荣誉称号|类别|级别|年度/届次|授予单位|文号",
    "history": "竞赛成绩",
    "history_columns": "赛事|项目|日期|名次|成绩|奖项/称号",
    "mentorship": "师带徒",
    "mentorship_columns": "身份|师傅/徒弟|起止日期|目标等级|出师考核|等级变化",
    "studios": "创新工作室",
    "studios_columns": "工作室|类别|级别|角色|加入/退出",
    "innovations": "创新成果",
    "innovations_columns": "成果名称|年度|工作室|专利|成果转化|效益（万元）",
    "valid": "有效",
    "revoked": "已撤销",
    "as_mentor": "师傅",
    "as_apprentice": "徒弟",
    "excellent": "优秀",
    "pass": "及格",
    "fail": "不及格",
    "active": "在带",
    "ended": "提前终止",
    "applied": "已转化",
    "M": "男",
    "F": "女",
    "model_worker": "劳模创新工作室",
    "craftsman": "劳模和工匠人才创新工作室",
    "skill_master": "技能大师工作室",
    "invention": "发明专利",
    "utility_model": "实用新型",
    "design": "外观设计",
}
SECTION_SIZE = 12.0
IDENTITY_SIZE = 9.5
PHOTO_WIDTH: float = 30 * mm
PHOTO_HEIGHT: float = 40 * mm
_RULE = colors.HexColor("#9A9A9A")


# Relative column widths of each part; its heading is LABELS[key], its columns
# LABELS[key + "_columns"] split at "|".
WEIGHTS: Mapping[str, tuple[float, ...]] = {
    "certificates": (3, 2.2, 3.6, 1.8, 3, 1.1),
    "titles": (3, 2, 4, 3),
    "honours": (3.5, 2, 1.3, 1.6, 3.2, 2.6),
    "history": (4, 2, 1.8, 1, 1.2, 3),
    "mentorship": (1, 1.6, 3.6, 2, 1.4, 3.6),
    "studios": (4, 3.4, 1.2, 1.4, 3.6),
    "innovations": (4.2, 1, 3.2, 3, 1.4, 1.6),
}


@dataclass(frozen=True)
class DossierTable:
    """One part of the record (a key of WEIGHTS) and its rows of texts."""

    key: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class DossierView:
    name: str
    subtitle: str  # e.g. the unit path
    identity: tuple[tuple[str, str], ...]  # (label, value), shown two pairs a row
    photo: bytes | None
    tables: tuple[DossierTable, ...]


def dossier_pdf(view: DossierView, frame: PageFrame, labels: Mapping[str, str] = LABELS) -> bytes:
    """The dossier as PDF bytes."""
    doc = PdfDocument(frame, title=f"{labels['title']} · {view.name}")
    section = Section("dossier", " · ".join(x for x in (view.name, view.subtitle) if x))
    doc.section(section)
    width = frame_width(section)
    doc.add(*heading(doc.chain, f"{labels['title']} · {view.name}", view.subtitle))
    doc.add(_identity_block(doc.chain, view, width, labels), Spacer(1, 5 * mm))
    for table in view.tables:
        doc.add(*_part(doc.chain, table, width, labels))
    return doc.build()


def _identity_block(
    chain: FontChain, view: DossierView, width: float, labels: Mapping[str, str]
) -> Flowable:
    """The identity table, with the photo (or an empty frame for one) on its right."""
    table_width = width - PHOTO_WIDTH - 4 * mm
    identity = _identity_table(chain, view.identity, table_width)
    photo = _photo(view.photo) or _photo_frame(chain, labels["photo"])
    outer = Table([[identity, photo]], colWidths=[table_width + 4 * mm, PHOTO_WIDTH])
    outer.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    outer.hAlign = "LEFT"
    return outer


def _identity_table(chain: FontChain, pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Two (label, value) pairs a row; a last lone pair's value spans the row."""
    label_w, value_w = width * 0.14, width * 0.36
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[start : start + 2]:
            row += [label, text_cell(chain, value, value_w, size=IDENTITY_SIZE, align="left")]
        rows.append([*row, "", ""] if len(row) == 2 else row)
    style = [*_IDENTITY_STYLE, ("FONT", (0, 0), (-1, -1), chain.main, IDENTITY_SIZE)]
    if len(pairs) % 2:
        last = len(rows) - 1
        rows[last][1] = text_cell(
            chain, pairs[-1][1], width - label_w, size=IDENTITY_SIZE, align="left"
        )
        style.append(("SPAN", (1, last), (3, last)))
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


_IDENTITY_STYLE: list[tuple[object, ...]] = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("BACKGROUND", (0, 0), (0, -1), HEADER_BACKGROUND),
    ("BACKGROUND", (2, 0), (2, -1), HEADER_BACKGROUND),
    ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ("ALIGN", (2, 0), (2, -1), "CENTER"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
]


def _photo(data: bytes | None) -> Flowable | None:
    """The photo scaled into its frame, keeping its proportions; None if unreadable."""
    if not data:
        return None
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # a damaged photo must not stop the dossier
        logger.warning("photo unreadable, dossier printed without it", exc_info=True)
        return None
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


def _photo_frame(chain: FontChain, label: str) -> Flowable:
    frame = Table([[label]], colWidths=[PHOTO_WIDTH], rowHeights=[PHOTO_HEIGHT])
    frame.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), chain.main, IDENTITY_SIZE),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.grey),
            ]
        )
    )
    return frame


def _part(
    chain: FontChain, part: DossierTable, width: float, labels: Mapping[str, str]
) -> list[Flowable]:
    """A heading with a rule under it, then the table (or "none"), kept on one page
    when they fit there."""
    text = chain.markup(labels[part.key])
    title = Paragraph(text, paragraph_style(chain.main, SECTION_SIZE, "left"))
    rule = Table([[""]], colWidths=[width], rowHeights=[1.5 * mm])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, _RULE)]))
    if not part.rows:
        body: Flowable = Paragraph(
            chain.markup(labels["none"]), paragraph_style(chain.main, IDENTITY_SIZE, "left")
        )
        return [KeepTogether([title, rule, body]), Spacer(1, 4 * mm)]
    spec = TableSpec(widths=column_widths(WEIGHTS[part.key], width), font_size=8.5)
    headers = labels[f"{part.key}_columns"].split("|")
    table = ruled_table(chain, [headers, *part.rows], spec)
    return [KeepTogether([title, rule, table]), Spacer(1, 5 * mm)]
