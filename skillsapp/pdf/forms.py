"""Printable forms: rosters, sign-in sheets and blank score sheets, as PDF bytes."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from skillsapp.pdf.layout import PageFrame, PdfDocument, Section, frame_width
from skillsapp.pdf.score_layout import score_sheet_sections
from skillsapp.pdf.sheets import Column, RosterSheet, ScoreSheet, SignInSheet
from skillsapp.pdf.tables import TableSpec, column_widths, heading, ruled_table

SIGN_IN_ROW_HEIGHT: float = 10 * mm


def _spec(columns: Sequence[Column], width: float, *, min_body_height: float = 0.0) -> TableSpec:
    return TableSpec(
        widths=column_widths([c.weight for c in columns], width),
        aligns=tuple(c.align for c in columns),
        min_body_height=min_body_height,
    )


def _table_rows(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    return [[c.label for c in columns], *rows]


def roster_pdf(frame: PageFrame, sheets: Sequence[RosterSheet]) -> bytes:
    """参赛名单: one section per sheet (event or unit), each starting on a new page."""
    doc = PdfDocument(frame)
    for index, sheet in enumerate(sheets or [_empty_roster()]):
        section = Section(f"roster-{index}", _running_head(sheet.title, sheet.subtitle))
        doc.section(section)
        doc.add(*heading(doc.chain, sheet.title, sheet.subtitle))
        spec = _spec(sheet.columns, frame_width(section))
        doc.add(ruled_table(doc.chain, _table_rows(sheet.columns, sheet.rows), spec))
    return doc.build()


def sign_in_pdf(frame: PageFrame, sheets: Sequence[SignInSheet]) -> bytes:
    """签到表: the contestants of each event with tall rows and a column to sign."""
    doc = PdfDocument(frame)
    for index, sheet in enumerate(sheets or [_empty_sign_in()]):
        section = Section(f"sign-in-{index}", _running_head(sheet.title, sheet.subtitle))
        doc.section(section)
        doc.add(*heading(doc.chain, sheet.title, sheet.subtitle))
        columns = (*sheet.columns, sheet.signature)
        rows = [(*row, "") for row in sheet.rows]
        spec = _spec(columns, frame_width(section), min_body_height=SIGN_IN_ROW_HEIGHT)
        doc.add(ruled_table(doc.chain, _table_rows(columns, rows), spec))
    return doc.build()


def score_sheet_pdf(frame: PageFrame, sheets: Sequence[ScoreSheet]) -> bytes:
    """评分表: a landscape grid for up to 8 criteria, else one portrait page per contestant."""
    if not sheets:
        raise ValueError("no score sheet to print")
    doc = PdfDocument(frame)
    for index, sheet in enumerate(sheets):
        for section, flowables in score_sheet_sections(doc.chain, sheet, f"score-{index}"):
            doc.section(section)
            doc.add(*flowables)
    return doc.build()


def _running_head(title: str, subtitle: str) -> str:
    return f"{title} · {subtitle}" if subtitle else title


def _empty_roster() -> RosterSheet:
    return RosterSheet("", "", (Column(""),), ())


def _empty_sign_in() -> SignInSheet:
    return SignInSheet("", "", (Column(""),), (), Column(""))
