"""Recording one re-checked entry: was an error found, and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.scoring.recheck import RecheckItemRow
from skillsapp.ui import signals
from skillsapp.ui.widgets.form import banner


class RecheckDialog(QDialog):
    def __init__(
        self, services: Services, item: RecheckItemRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._item = item
        self.setWindowTitle(self.tr("Re-check — {code}").format(code=item.code))
        self.setMinimumWidth(420)
        self._build_ui()
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _build_ui(self) -> None:
        text = QLabel(
            self.tr("Compare the marks of {code} with the signed paper sheets.").format(
                code=self._item.code
            )
        )
        text.setWordWrap(True)
        self.error_found = QCheckBox(self.tr("An error was found"))
        self.error_found.setChecked(self._item.error_found)
        self.note = QPlainTextEdit(self._item.note)
        self.note.setPlaceholderText(self.tr("Note: what was wrong and how it was corrected"))
        self.note.setMaximumHeight(90)
        self.error = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        for widget in (text, self.error, self.error_found, self.note, self.buttons):
            layout.addWidget(widget)

    def _on_buttons_accepted(self) -> None:
        try:
            self._services.recheck.record_check(
                self._item.item_id,
                error_found=self.error_found.isChecked(),
                note=self.note.toPlainText(),
            )
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        signals.announce(signals.MARKS)
        self.accept()
