"""The registry roster (人员名单): a search result as an A4 landscape table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from skillsapp.pdf.layout import PageFrame, PdfDocument, Section, frame_width
from skillsapp.pdf.tables import TableSpec, column_widths, heading, ruled_table

LABELS: Mapping[str, str] = {
    "title": "人员名单",
    "count": "共 {count} 人",
    "printed": "打印日期：{date}",
    "page": "第 {page} 页 / 共 {pages} 页",
}
HEADERS: tuple[str, ...] = ("序号", "姓名", "性别", "单位", "工种", "技能等级", "职称", "荣誉")
WEIGHTS: tuple[float, ...] = (1.0, 2.0, 1.0, 4.5, 2.5, 2.5, 2.0, 6.5)
ALIGNS: tuple[str, ...] = ("center", "left", "center")


def roster_pdf(
    frame: PageFrame,
    rows: Sequence[Sequence[str]],
    *,
    title: str = "",
    labels: Mapping[str, str] = LABELS,
) -> bytes:
    """One table of `rows` (姓名 性别 单位 工种 技能等级 职称 荣誉), numbered from 1."""
    title = title or labels["title"]
    count = labels["count"].format(count=len(rows))
    section = Section("roster", f"{title} · {count}", landscape=True)
    doc = PdfDocument(frame, title=title)
    doc.section(section)
    doc.add(*heading(doc.chain, title, count))
    spec = TableSpec(widths=column_widths(WEIGHTS, frame_width(section)), aligns=ALIGNS)
    numbered = [(str(number), *row) for number, row in enumerate(rows, start=1)]
    doc.add(ruled_table(doc.chain, [HEADERS, *numbered], spec))
    return doc.build()
