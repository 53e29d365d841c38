"""What sits under a mark grid: the status line (red when a value is refused) and the
legend of the cell colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from skillsapp.services.scoring.marks_grid import CellState
from skillsapp.ui import scoring_labels as sl


class StatusLine(QLabel):
    """One line: a refusal in red, a saved value in green, a hint in grey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markStatus")
        self.setWordWrap(True)
        self.setMinimumHeight(24)
        self.is_error = False

    def show_error(self, text: str) -> None:
        self._show(text, sl.ERROR_STYLE, error=True)

    def show_ok(self, text: str) -> None:
        self._show(text, sl.OK_STYLE, error=False)

    def show_hint(self, text: str) -> None:
        self._show(text, sl.HINT_STYLE, error=False)

    def _show(self, text: str, style: str, *, error: bool) -> None:
        self.is_error = error
        self.setStyleSheet(style)
        self.setText(text)


def _swatch(color: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(
        f"background: {color}; border: 1px solid #c8d0da; border-radius: 3px; padding: 1px 8px;"
    )
    return label


def legend(*, spread: bool = True, locked: bool = True) -> QWidget:
    """Coloured samples of the cell states."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(_swatch("#ffffff", sl.name_of(sl.CELL_NAMES, CellState.EMPTY)))
    saved = sl.name_of(sl.CELL_NAMES, CellState.SAVED)
    layout.addWidget(_swatch(sl.CELL_COLORS[CellState.SAVED], saved))
    corrected = sl.name_of(sl.CELL_NAMES, CellState.CORRECTED)
    layout.addWidget(_swatch(sl.CELL_COLORS[CellState.CORRECTED], corrected))
    if spread:
        beyond = sl.name_of(sl.CELL_NAMES, CellState.OUT_OF_SPREAD)
        layout.addWidget(_swatch(sl.CELL_COLORS[CellState.OUT_OF_SPREAD], beyond))
    if locked:
        layout.addWidget(
            _swatch(
                sl.LOCKED_COLOR, QCoreApplication.translate("mark_status", "Not yours to enter")
            )
        )
    layout.addStretch(1)
    return box
