"""The add / remove / up / down button row under an editable table."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

ARROW_WIDTH = 36


class RowButtons(QWidget):
    """Buttons for the rows of one table; the owner connects their `clicked`."""

    def __init__(self, add_text: str, *, movable: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        for arrow in (self.up_button, self.down_button):
            arrow.setFixedWidth(ARROW_WIDTH)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self._row.addWidget(button)
        self.up_button.setVisible(movable)
        self.down_button.setVisible(movable)
        self._row.addStretch(1)

    def add_trailing(self, widget: QWidget) -> None:
        """A widget at the right end of the row (a running total, say)."""
        self._row.addWidget(widget)

    def set_state(self, *, editable: bool, row: int, count: int) -> None:
        """Enable what makes sense for the selected `row` (-1: none) of `count` rows."""
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
