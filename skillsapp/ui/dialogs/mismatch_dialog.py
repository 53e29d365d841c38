"""Where two keyings of a paper sheet differ, cell by cell; each is settled from the paper
by somebody who keyed neither round."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.scoring.paper import Mismatch
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.formatting import parse_optional_decimal
from skillsapp.ui.models.scoring_table_models import MismatchTableModel
from skillsapp.ui.widgets.mark_status import StatusLine
from skillsapp.ui.widgets.tables import table_view


class MismatchDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        sheet_id: int,
        judge_name: str,
        codes: Mapping[int, str],
        items: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._sheet_id = sheet_id
        self.setWindowTitle(self.tr("Mismatches — paper sheet of {judge}").format(judge=judge_name))
        self.resize(720, 480)
        self.model = MismatchTableModel(codes, items, self)
        self._build_ui()
        self._connect_signals()
        self.reload()

    def _build_ui(self) -> None:
        hint = QLabel(
            self.tr(
                "Look each cell up on the signed paper sheet and enter what it says "
                "(leave the value empty for a blank cell)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(sl.HINT_STYLE)
        self.table = table_view(self.model, (80, 200, 100, 100), stretch=4)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("Value on the paper"))
        self.value.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,6}(\.\d{0,4})?"), self.value)
        )
        self.value.setMaximumWidth(160)
        self.resolve_button = QPushButton(self.tr("Settle from the paper"))
        self.status = StatusLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Value")))
        row.addWidget(self.value)
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resolve_button.clicked.connect(self.resolve)
        self.value.returnPressed.connect(self.resolve)
        self.buttons.rejected.connect(self.reject)

    def reload(self) -> None:
        keep = self.table.currentIndex().row()
        try:
            rows = self._services.paper.mismatches(self._sheet_id)
        except UserError as err:
            rows = []
            self.status.show_error(msgbox.reasons_text(err))
        self.model.set_rows(rows)
        first_open = next((i for i, m in enumerate(rows) if not m.resolved), max(keep, 0))
        if rows:
            self.table.selectRow(first_open)
        self._update_buttons()

    def selected(self) -> Mismatch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.resolve_button.setEnabled(self.selected() is not None)

    def resolve(self) -> bool:
        mismatch = self.selected()
        if mismatch is None:
            return False
        try:
            value = parse_optional_decimal(self.value.text())
            self._services.paper.resolve(self._sheet_id, mismatch.cell, value)
        except (UserError, ValueError) as err:
            text = (
                msgbox.reasons_text(err)
                if isinstance(err, UserError)
                else messages.text("mark_invalid")
            )
            self.status.show_error(text)
            return False
        self.status.show_ok(self.tr("Settled."))
        self.value.clear()
        signals.announce(signals.MARKS)
        self.reload()
        return True
