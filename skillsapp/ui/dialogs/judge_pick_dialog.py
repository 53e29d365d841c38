"""Choosing a judge account to assign to an event (optionally as its chief judge)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from skillsapp.services.competitions.judges import JudgeAccountRow
from skillsapp.ui.models.judge_table_models import JudgeAccountTableModel
from skillsapp.ui.widgets.tables import sorted_table_view


class JudgePickDialog(QDialog):
    """Emits `chosen(user_id, chief)` on OK."""

    chosen = Signal(int, bool)

    def __init__(
        self, accounts: Sequence[JudgeAccountRow], *, event: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a judge to {event}").format(event=event))
        self.resize(520, 420)
        self._build_ui(accounts)
        self._connect_signals()
        self._on_selection_changed()

    def _build_ui(self, accounts: Sequence[JudgeAccountRow]) -> None:
        self.model = JudgeAccountTableModel(self)
        self.model.set_rows(accounts)
        self.table = sorted_table_view(self.model, (140, 120))
        self.empty = QLabel(
            self.tr("No judge accounts left to add. Administrators create them under System.")
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not accounts)
        self.chief = QCheckBox(self.tr("Chief judge of this event"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.chief)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_buttons_accepted)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def selected(self) -> JudgeAccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.table.model().mapToSource(rows[0]).row())

    def select(self, username: str) -> None:
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            account = self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row())
            if account.username == username:
                self.table.selectRow(row)

    def _on_selection_changed(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None)

    def _on_buttons_accepted(self) -> None:
        account = self.selected()
        if account is not None:
            self.accept()
            self.chosen.emit(account.user_id, self.chief.isChecked())
