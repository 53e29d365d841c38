"""The two layouts of a blank score sheet (评分表).

Up to `GRID_MAX_CRITERIA` criteria: one landscape grid, contestants as rows and each
criterion as a column (扣分 and 得分 for deduction items), below the criteria table.
More criteria: one portrait page per contestant with the criteria as rows, as the
published sheets are laid out. Blind sheets print codes only, never a name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from skillsapp.pdf.fonts import FontChain
from skillsapp.pdf.layout import Section, frame_width
from skillsapp.pdf.sheets import CriterionLine, ScoreSheet, SheetContestant
from skillsapp.pdf.tables import Cell, TableSpec, column_widths, heading, ruled_table

GRID_MAX_CRITERIA = 8
GRID_ROW_HEIGHT: float = 9 * mm
PAGE_ROW_HEIGHT: float = 10 * mm
BLANK_ROWS = 15  # rows to fill by hand when nobody is listed yet
SIGN_BLANK = "_" * 12
GAP = "\u3000\u3000"

_LEGEND = (("no", 0.6, "center"), ("item", 1.6, "left"), ("requirement", 3.4, "left"))
_LEGEND_TAIL = (("max", 0.6, "center"), ("standard", 3.8, "left"))
_PAGE_TAIL = (("deduction", 0.65, "center"), ("mark", 0.65, "center"), ("remark", 0.9, "left"))

Sections = Iterator[tuple[Section, list[Flowable]]]


def score_sheet_sections(chain: FontChain, sheet: ScoreSheet, key: str) -> Sections:
    """The sections (with their content) that print `sheet`."""
    if len(sheet.criteria) <= GRID_MAX_CRITERIA:
        yield _grid_section(chain, sheet, key)
        return
    contestants = sheet.contestants or (SheetContestant(""),)
    for index, contestant in enumerate(contestants):
        yield _page_section(chain, sheet, contestant, f"{key}-{index}")


def mark_text(value: Decimal) -> str:
    """30.00 → "30", 2.50 → "2.5"."""
    return format(value.normalize(), "f")


def _signature(labels: Mapping[str, str]) -> str:
    roles = (labels["judge"], labels["checker"], labels["tallier"])
    return GAP.join(f"{role}：{SIGN_BLANK}" for role in roles) + GAP + labels["date"]


def _code_label(sheet: ScoreSheet) -> str:
    return sheet.labels["blind_code" if sheet.blind else "code"]


def _subtitle(sheet: ScoreSheet, *extra: str) -> str:
    labels = sheet.labels
    parts = [*extra]
    if sheet.judge:
        parts.append(f"{labels['judge']}：{sheet.judge}")
    if sheet.blind:
        parts.append(labels["blind_note"])
    return GAP.join(parts)


def _legend(chain: FontChain, sheet: ScoreSheet, width: float) -> Flowable:
    """The criteria with their requirements, maxima and marking standards."""
    columns = (*_LEGEND, *_LEGEND_TAIL)
    header = [sheet.labels[name] for name, _w, _a in columns]
    rows = [
        [c.no, c.name, c.requirement, mark_text(c.max_mark), c.standard] for c in sheet.criteria
    ]
    spec = TableSpec(
        widths=column_widths([w for _n, w, _a in columns], width),
        aligns=tuple(a for _n, _w, a in columns),
    )
    return ruled_table(chain, [header, *rows], spec)


@dataclass
class _Grid:
    """Columns of the grid being assembled: two header rows, widths, spans."""

    top: list[str] = field(default_factory=list)
    sub: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    aligns: list[str] = field(default_factory=list)
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def fixed(self, label: str, weight: float, align: str = "center") -> None:
        column = len(self.top)
        self.top.append(label)
        self.sub.append("")
        self.weights.append(weight)
        self.aligns.append(align)
        self.spans.append(((column, 0), (column, 1)))

    def criterion(self, line: CriterionLine, labels: Mapping[str, str]) -> None:
        column = len(self.top)
        header = f"{line.no} {line.name}\n{labels['max']} {mark_text(line.max_mark)}"
        if line.deduction:
            self.top += [header, ""]
            self.sub += [labels["deduction"], labels["mark"]]
            self.weights += [0.8, 0.8]
            self.aligns += ["center", "center"]
            self.spans.append(((column, 0), (column + 1, 0)))
        else:
            self.top.append(header)
            self.sub.append(labels["mark"])
            self.weights.append(1.3)
            self.aligns.append("center")


def _grid_table(chain: FontChain, sheet: ScoreSheet, width: float) -> Flowable:
    labels = sheet.labels
    grid = _Grid()
    grid.fixed(labels["no"], 0.65)
    grid.fixed(_code_label(sheet), 1.0)
    if not sheet.blind:
        grid.fixed(labels["name"], 1.2)
    for line in sheet.criteria:
        grid.criterion(line, labels)
    grid.fixed(labels["total"], 0.9)
    grid.fixed(labels["remark"], 1.5, "left")
    blanks = [""] * (len(grid.top) - (2 if sheet.blind else 3))
    rows: list[list[Cell]] = [[*_identity(sheet, c, i), *blanks] for i, c in _numbered(sheet)]
    spec = TableSpec(
        widths=column_widths(grid.weights, width),
        aligns=tuple(grid.aligns),
        header_rows=2,
        min_body_height=GRID_ROW_HEIGHT,
        spans=tuple(grid.spans),
    )
    return ruled_table(chain, [grid.top, grid.sub, *rows], spec)


def _numbered(sheet: ScoreSheet) -> list[tuple[int, SheetContestant]]:
    contestants = sheet.contestants or (SheetContestant(""),) * BLANK_ROWS
    return list(enumerate(contestants, start=1))


def _identity(sheet: ScoreSheet, contestant: SheetContestant, number: int) -> list[Cell]:
    """序号 and code, plus the name only on a sheet that is not blind."""
    cells: list[Cell] = [str(number), contestant.code]
    if not sheet.blind:
        cells.append(contestant.name)
    return cells


def _grid_section(chain: FontChain, sheet: ScoreSheet, key: str) -> tuple[Section, list[Flowable]]:
    title = f"{sheet.event} {sheet.labels['title']}"
    section = Section(key, _running(sheet, title), _signature(sheet.labels), landscape=True)
    width = frame_width(section)
    flowables = [
        *heading(chain, title, _subtitle(sheet)),
        _legend(chain, sheet, width),
        Spacer(1, 5 * mm),
        _grid_table(chain, sheet, width),
    ]
    return section, flowables


def _running(sheet: ScoreSheet, title: str) -> str:
    return f"{title} · {sheet.judge}" if sheet.judge else title


def _page_section(
    chain: FontChain, sheet: ScoreSheet, contestant: SheetContestant, key: str
) -> tuple[Section, list[Flowable]]:
    labels = sheet.labels
    title = f"{sheet.event} {labels['title']}"
    who = f"{_code_label(sheet)}：{contestant.code or SIGN_BLANK}"
    if contestant.name and not sheet.blind:
        who += f"{GAP}{labels['name']}：{contestant.name}"
    section = Section(key, f"{_running(sheet, title)} · {who}", _signature(labels))
    flowables = [
        *heading(chain, title, _subtitle(sheet, who)),
        _criteria_table(chain, sheet, frame_width(section)),
    ]
    return section, flowables


def _criteria_table(chain: FontChain, sheet: ScoreSheet, width: float) -> Flowable:
    """Criteria as rows with 扣分, 得分 and 备注 to fill in, and a 合计 row."""
    columns = (*_LEGEND, ("max", 0.8, "center"), ("standard", 2.9, "left"), *_PAGE_TAIL)
    labels = sheet.labels
    header = [labels[name] for name, _w, _a in columns]
    rows: list[list[Cell]] = [
        [c.no, c.name, c.requirement, mark_text(c.max_mark), c.standard, "", "", ""]
        for c in sheet.criteria
    ]
    total = sum((c.max_mark for c in sheet.criteria), Decimal(0))
    rows.append([labels["total"], "", "", mark_text(total), "", "", "", ""])
    last = len(rows)
    spec = TableSpec(
        widths=column_widths([w for _n, w, _a in columns], width),
        aligns=tuple(a for _n, _w, a in columns),
        min_body_height=PAGE_ROW_HEIGHT,
        spans=(((0, last), (2, last)),),
    )
    return ruled_table(chain, [header, *rows], spec)
