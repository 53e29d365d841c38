"""A titled table of records with its buttons: the building block of the profile and
studio pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from skillsapp.ui.models.list_model import ListTableModel
from skillsapp.ui.widgets.tables import sorted_table_view

HEADING_STYLE = "font-weight: 600; color: #23344d; font-size: 11pt;"
EMPTY_STYLE = "color: #8a94a3;"


class RecordSection(QWidget):
    """Heading, buttons to its right, the table; buttons made with `needs_row` are enabled
    only while a row is selected. `activated(row)` fires on a double-click."""

    def __init__(
        self,
        heading: str,
        model: ListTableModel,
        widths: Sequence[int] = (),
        *,
        stretch: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._row_buttons: list[QPushButton] = []
        self._on_activated: Callable[[Any], None] | None = None
        self._build_ui(heading, widths, stretch)
        self._connect_signals()

    def _build_ui(self, heading: str, widths: Sequence[int], stretch: int | None) -> None:
        self.heading = QLabel(heading)
        self.heading.setStyleSheet(HEADING_STYLE)
        self.count = QLabel()
        self.count.setStyleSheet(EMPTY_STYLE)
        self.table: QTableView = sorted_table_view(self.model, widths, stretch=stretch)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.heading)
        self.buttons.addWidget(self.count)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._on_model_model_reset)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

    def add_button(
        self, text: str, slot: Callable[[], None], *, needs_row: bool = False, shown: bool = True
    ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        button.setVisible(shown)
        self.buttons.addWidget(button)
        if needs_row:
            self._row_buttons.append(button)
        self._update_buttons()
        return button

    def on_activated(self, slot: Callable[[Any], None]) -> None:
        """Call `slot(row)` when a row is double-clicked."""
        self._on_activated = slot

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)

    def selected(self) -> Any:
        """The selected row's read model, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self._source_row(rows[0]))

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def _source_row(self, index: QModelIndex) -> int:
        proxy = self.table.model()
        if isinstance(proxy, QSortFilterProxyModel):
            return proxy.mapToSource(index).row()
        return index.row()

    def _on_model_model_reset(self) -> None:
        count = self.model.rowCount()
        self.count.setText(f"({count})")
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        for button in self._row_buttons:
            button.setEnabled(selected)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if self._on_activated is not None:
            self._on_activated(self.model.row_at(self._source_row(index)))
