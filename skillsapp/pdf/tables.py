"""Ruled tables of text for forms, with CJK wrapping and glyph fallback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from skillsapp.pdf.fonts import FontChain

PADDING = 3.0
TITLE_SIZE = 16.0
SUBTITLE_SIZE = 10.5
HEADER_BACKGROUND = colors.HexColor("#E8E8E8")
_ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

Cell: TypeAlias = object  # text, or a reportlab Flowable (untyped)


@dataclass(frozen=True)
class TableSpec:
    """How to draw a table: column widths (points), alignments and row heights."""

    widths: tuple[float, ...]
    aligns: tuple[str, ...] = ()  # per column: left, center, right (default left)
    header_rows: int = 1
    font_size: float = 9.0
    min_body_height: float = 0.0  # room to write by hand in the body rows
    spans: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = field(default=())

    def align(self, column: int) -> str:
        return self.aligns[column] if column < len(self.aligns) else "left"


@cache
def paragraph_style(font: str, size: float, align: str) -> ParagraphStyle:
    return ParagraphStyle(
        f"cell-{font}-{size}-{align}",
        fontName=font,
        fontSize=size,
        leading=size * 1.3,
        alignment=_ALIGNMENTS[align],
        wordWrap="CJK",
    )


def text_cell(chain: FontChain, text: str, width: float, *, size: float, align: str) -> Cell:
    """Plain text when it fits on one line in the main font (fast), else a Paragraph."""
    one_line = "\n" not in text and chain.covered_by_main(text)
    if one_line and chain.width(text, size) <= width - 2 * PADDING:
        return text
    markup = "<br/>".join(chain.markup(line) for line in text.split("\n"))
    return Paragraph(markup, paragraph_style(chain.main, size, align))


def _cells(chain: FontChain, rows: Sequence[Sequence[Cell]], spec: TableSpec) -> list[list[Cell]]:
    data = []
    for index, row in enumerate(rows):
        header = index < spec.header_rows
        cells = [
            _cell(chain, value, spec, column, header=header) for column, value in enumerate(row)
        ]
        if not header and spec.min_body_height:
            _hold_open(cells, spec.min_body_height)
        data.append(cells)
    return data


def _hold_open(cells: list[Cell], height: float) -> None:
    """Give the row at least `height` (for handwriting) through its first empty cell.

    Fixed row heights would clip a name that wraps; an invisible spacer only sets a floor.
    """
    for column, value in enumerate(cells):
        if value == "":
            cells[column] = Spacer(1, height - 5)  # less the cell's top and bottom padding
            return


def _cell(chain: FontChain, value: Cell, spec: TableSpec, column: int, *, header: bool) -> Cell:
    if not isinstance(value, str):
        return value
    width = _span_width(spec, column)
    align = "center" if header else spec.align(column)
    return text_cell(chain, value, width, size=spec.font_size, align=align)


def _span_width(spec: TableSpec, column: int) -> float:
    """A header cell spanning columns may use their joint width."""
    for (c0, _r0), (c1, _r1) in spec.spans:
        if c0 == column:
            return sum(spec.widths[c0 : c1 + 1])
    return spec.widths[column]


def _style(chain: FontChain, spec: TableSpec) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), chain.main, spec.font_size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if spec.header_rows:
        last = spec.header_rows - 1
        commands += [
            ("BACKGROUND", (0, 0), (-1, last), HEADER_BACKGROUND),
            ("ALIGN", (0, 0), (-1, last), "CENTER"),
        ]
    for column in range(len(spec.widths)):
        align = spec.align(column).upper()
        commands.append(("ALIGN", (column, spec.header_rows), (column, -1), align))
    commands += [("SPAN", start, end) for start, end in spec.spans]
    return TableStyle(commands)


def ruled_table(chain: FontChain, rows: Sequence[Sequence[Cell]], spec: TableSpec) -> Table:
    """A gridded table; header rows are shaded and repeated on every page."""
    data = _cells(chain, rows, spec)
    table = Table(
        data,
        colWidths=list(spec.widths),
        repeatRows=spec.header_rows,
        style=_style(chain, spec),
        hAlign="LEFT",
    )
    return table


def column_widths(weights: Sequence[float], total: float) -> tuple[float, ...]:
    """Widths in points from relative weights, filling `total`."""
    scale = total / sum(weights)
    return tuple(weight * scale for weight in weights)


def heading(chain: FontChain, title: str, subtitle: str = "") -> list[Flowable]:
    """The centred title block that opens a section."""
    # A Paragraph folds any run of spaces, ideographic ones too, into one; NBSP stays.
    subtitle = subtitle.replace("\u3000", "\u00a0" * 3)
    flowables: list[Flowable] = [
        Paragraph(chain.markup(title), paragraph_style(chain.main, TITLE_SIZE, "center")),
    ]
    if subtitle:
        flowables += [
            Spacer(1, 2 * mm),
            Paragraph(chain.markup(subtitle), paragraph_style(chain.main, SUBTITLE_SIZE, "center")),
        ]
    flowables.append(Spacer(1, 4 * mm))
    return flowables
