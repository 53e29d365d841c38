"""成绩表: an event's results on A4, with signature lines for the chief judge and supervisor.

One section per event (its own page numbers): the title, a line naming the event,
the date and the organizer, the ranked table (名次 参赛号 姓名 单位, each component,
总分, 奖项) and any notes (provisional results, a small field). The signature line
is printed at the foot of every page, so each page can be signed and posted alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from skillsapp.pdf.fonts import FontChain
from skillsapp.pdf.layout import PageFrame, PdfDocument, Section, frame_width
from skillsapp.pdf.tables import TableSpec, column_widths, heading, paragraph_style, ruled_table

_LINE, _GAP = "\uff3f", "\u3000" * 3  # a fullwidth low line draws the line to sign on
LANDSCAPE_FROM = 5  # components; more than this turns the page
NOTE_SIZE = 9.5

LABELS: Mapping[str, str] = {
    "title": "{competition}成绩表",
    "event": "比赛项目：{event}",
    "date": "比赛日期：{date}",
    "organizer": "主办单位：{organizer}",
    "rank": "名次",
    "bib": "参赛号",
    "code": "密号",
    "name": "姓名",
    "unit": "单位",
    "total": "总分",
    "award": "奖项",
    "disqualified": "失格",
    "provisional": "※ 成绩暂定：尚缺 {count} 个分数，名次可能变动",
    "field_too_small": "※ 参赛 {count} 人，少于规定的最少 {minimum} 人",
    "signature": f"裁判长（签字）：{_LINE * 8}{_GAP}监督（签字）：{_LINE * 8}{_GAP}"
    f"日期：{_LINE * 6}",
    "printed": "打印日期：{date}",
    "page": "第 {page} 页 / 共 {pages} 页",
    "day": "{year}年{month}月{day}日",
}


@dataclass(frozen=True)
class ResultLine:
    """One printed row; `rank` is text ("3", or 失格)."""

    rank: str
    bib: str
    name: str
    unit: str
    components: tuple[str, ...]
    total: str
    award: str


@dataclass(frozen=True)
class ResultsSheet:
    title: str
    subtitle: str
    components: tuple[str, ...]  # component names, the columns between 单位 and 总分
    rows: tuple[ResultLine, ...]
    notes: tuple[str, ...] = ()
    blind: bool = False  # codes only: 密号 instead of 参赛号


def results_pdf(
    frame: PageFrame, sheets: Sequence[ResultsSheet], labels: Mapping[str, str] = LABELS
) -> bytes:
    """The results sheets, one section per event."""
    if not sheets:
        raise ValueError("no results sheet to print")
    doc = PdfDocument(frame)
    for index, sheet in enumerate(sheets):
        section = Section(
            f"results-{index}",
            sheet.title,
            signature=labels["signature"],
            landscape=len(sheet.components) > LANDSCAPE_FROM,
        )
        doc.section(section)
        doc.add(*_sheet(doc.chain, sheet, labels, frame_width(section)))
    return doc.build()


def _sheet(
    chain: FontChain, sheet: ResultsSheet, labels: Mapping[str, str], width: float
) -> list[Flowable]:
    flowables = [*heading(chain, sheet.title, sheet.subtitle)]
    flowables.append(ruled_table(chain, _rows(sheet, labels), _spec(sheet, width)))
    if sheet.notes:
        style = paragraph_style(chain.main, NOTE_SIZE, "left")
        flowables.append(Spacer(1, 3 * mm))
        flowables += [Paragraph(chain.markup(note), style) for note in sheet.notes]
    return flowables


def _spec(sheet: ResultsSheet, width: float) -> TableSpec:
    count = len(sheet.components)
    weights = [0.7, 1.0, 1.3, 2.8, *([1.0] * count), 1.0, 1.1]
    aligns = ("center", "center", "left", "left", *(["right"] * count), "right", "center")
    return TableSpec(widths=column_widths(weights, width), aligns=aligns, font_size=9.5)


def _rows(sheet: ResultsSheet, labels: Mapping[str, str]) -> list[Sequence[str]]:
    header = [
        labels["rank"],
        labels["code"] if sheet.blind else labels["bib"],
        labels["name"],
        labels["unit"],
        *sheet.components,
        labels["total"],
        labels["award"],
    ]
    body = [[r.rank, r.bib, r.name, r.unit, *r.components, r.total, r.award] for r in sheet.rows]
    return [header, *body]
