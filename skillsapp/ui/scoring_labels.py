"""Translated names and colours of mark entry, paper sheets, appeals and mark history."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from skillsapp.domain.marks import (
    AppealStatus,
    ChangeKind,
    MarkSource,
    SheetStatus,
    SubmissionStatus,
)
from skillsapp.services.scoring.marking import CriterionInfo
from skillsapp.services.scoring.marks_grid import CellState
from skillsapp.ui.formatting import decimal_text

_CTX = "scoring_labels"

SUBMISSION_NAMES = {
    SubmissionStatus.OPEN: QT_TRANSLATE_NOOP("scoring_labels", "Not submitted"),
    SubmissionStatus.SUBMITTED: QT_TRANSLATE_NOOP("scoring_labels", "Submitted"),
    SubmissionStatus.RETURNED: QT_TRANSLATE_NOOP("scoring_labels", "Returned"),
}
SHEET_NAMES = {
    SheetStatus.RECEIVED: QT_TRANSLATE_NOOP("scoring_labels", "Received"),
    SheetStatus.ENTERED: QT_TRANSLATE_NOOP("scoring_labels", "Keyed"),
    SheetStatus.CONFIRMED: QT_TRANSLATE_NOOP("scoring_labels", "Confirmed"),
    SheetStatus.SIGNED: QT_TRANSLATE_NOOP("scoring_labels", "Signed"),
}
APPEAL_NAMES = {
    AppealStatus.OPEN: QT_TRANSLATE_NOOP("scoring_labels", "Awaiting ruling"),
    AppealStatus.UPHELD: QT_TRANSLATE_NOOP("scoring_labels", "Upheld"),
    AppealStatus.REJECTED: QT_TRANSLATE_NOOP("scoring_labels", "Rejected"),
}
CHANGE_NAMES = {
    ChangeKind.ENTRY: QT_TRANSLATE_NOOP("scoring_labels", "Entry"),
    ChangeKind.CORRECTION: QT_TRANSLATE_NOOP("scoring_labels", "Correction"),
    ChangeKind.RECHECK: QT_TRANSLATE_NOOP("scoring_labels", "Re-check correction"),
    ChangeKind.APPEAL: QT_TRANSLATE_NOOP("scoring_labels", "Re-mark on appeal"),
}
SOURCE_NAMES = {
    MarkSource.GRID: QT_TRANSLATE_NOOP("scoring_labels", "Entry grid"),
    MarkSource.PAPER: QT_TRANSLATE_NOOP("scoring_labels", "Paper sheet"),
    MarkSource.IMPORT: QT_TRANSLATE_NOOP("scoring_labels", "Imported sheet"),
}
CELL_NAMES = {
    CellState.EMPTY: QT_TRANSLATE_NOOP("scoring_labels", "Not entered"),
    CellState.SAVED: QT_TRANSLATE_NOOP("scoring_labels", "Saved"),
    CellState.CORRECTED: QT_TRANSLATE_NOOP("scoring_labels", "Corrected"),
    CellState.OUT_OF_SPREAD: QT_TRANSLATE_NOOP("scoring_labels", "Beyond the allowed spread"),
}
DROPPED_NAMES = {
    "high": QT_TRANSLATE_NOOP("scoring_labels", "Dropped (highest)"),
    "low": QT_TRANSLATE_NOOP("scoring_labels", "Dropped (lowest)"),
}
# cell background by state; EMPTY is the table's own
CELL_COLORS = {
    CellState.SAVED: "#e6f4e7",
    CellState.CORRECTED: "#dcebfb",
    CellState.OUT_OF_SPREAD: "#fbdcdc",
}
CELL_ICONS = {CellState.CORRECTED: "corrected", CellState.OUT_OF_SPREAD: "warning"}
LOCKED_COLOR = "#eef0f3"  # a cell nobody may type in here (kept apart, another judge's)
MISSING_COLOR = "#fff6d8"  # a mark still owed (the chief judge's panel)
OVER_COLOR = "#f6b8b8"  # a spread beyond the limit
ERROR_STYLE = "color: #c62828; font-weight: 600;"
OK_STYLE = "color: #2e7d32;"
HINT_STYLE = "color: #5f6b7a;"
BANNER_STYLE = (
    "background: #fff4d6; color: #7a5200; border: 1px solid #f0d48a;"
    " border-radius: 6px; padding: 6px 10px;"
)
ALERT_STYLE = (
    "background: #fde7e7; color: #a21c1c; border: 1px solid #f1b5b5;"
    " border-radius: 6px; padding: 6px 10px;"
)


def translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def name_of(table: dict, value: object) -> str:
    return translate(table[value]) if value in table else str(value or "")


def color(name: str) -> QColor:
    return QColor(name)


def criterion_header(criterion: CriterionInfo) -> str:
    """A grid column's header: the criterion's name over its range (配分, 扣分, 0–3)."""
    top = decimal_text(criterion.max_mark)
    if criterion.worldskills:
        scale = "0–3"
    elif criterion.deduction:
        scale = QCoreApplication.translate("scoring_labels", "Deduction ≤ {max}").format(max=top)
    else:
        scale = QCoreApplication.translate("scoring_labels", "Max {max}").format(max=top)
    return f"{criterion.key} {criterion.name}\n{scale}"


def percent(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('0.1'))}%"
