"""Printing a PDF at 100 %: each page rendered at the printer's resolution, unscaled."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QPoint, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72.0


def page_layout(document: QPdfDocument, page: int) -> QPageLayout:
    """The paper of `page` (the template's), no margins, in its own orientation."""
    size = document.pagePointSize(page)
    short, long = sorted((size.width(), size.height()))
    orientation = (
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    paper = QPageSize(
        QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    return QPageLayout(paper, orientation, QMarginsF(0, 0, 0, 0))


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The 0-based pages the print dialog asked for (all, a range, or the current one)."""
    match printer.printRange():
        case QPrinter.PrintRange.PageRange if printer.fromPage() > 0:
            last = min(printer.toPage() or count, count)
            return list(range(printer.fromPage() - 1, last))
        case QPrinter.PrintRange.CurrentPage:
            return [current]
        case _:
            return list(range(count))


def print_pages(document: QPdfDocument, printer: QPrinter, pages: Sequence[int]) -> int:
    """Print `pages` of `document` on `printer` at their true size; return how many."""
    if not pages:
        return 0
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document, pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for position, page in enumerate(pages):
            if position:
                printer.setPageLayout(page_layout(document, page))
                printer.newPage()
            painter.drawImage(QPoint(0, 0), document.render(page, _pixels(document, page, printer)))
    finally:
        painter.end()
    return len(pages)


def _pixels(document: QPdfDocument, page: int, printer: QPrinter) -> QSize:
    """The page's size in printer pixels: points → inches → dots."""
    size = document.pagePointSize(page)
    dpi = printer.resolution()
    return QSize(
        round(size.width() / POINTS_PER_INCH * dpi), round(size.height() / POINTS_PER_INCH * dpi)
    )
