"""复核更正: one mark of a re-checked entry corrected in writing, with the reason (the
signed sheet it follows); the entry then counts as having an error."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.scoring.recheck import RecheckItemRow
from skillsapp.ui import signals
from skillsapp.ui.formatting import decimal_text, parse_decimal
from skillsapp.ui.widgets.form import banner


class RecheckCorrectionDialog(QDialog):
    """OK corrects the chosen mark; a refusal shows in the banner and the dialog stays."""

    def __init__(
        self, services: Services, item: RecheckItemRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._item = item
        self.setWindowTitle(self.tr("Correct a mark — {code}").format(code=item.code))
        self.setMinimumWidth(480)
        self._build_ui()
        self._fill_marks()
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _build_ui(self) -> None:
        intro = QLabel(
            self.tr(
                "Correct a mark of {code} that differs from the signed paper sheet. The "
                "correction is made in writing: the reason is kept with the mark's history."
            ).format(code=self._item.code)
        )
        intro.setWordWrap(True)
        self.error = banner()
        self.mark = QComboBox()
        self.value = QLineEdit()
        pattern = QRegularExpression(r"\d{0,6}(\.\d{0,4})?")
        self.value.setValidator(QRegularExpressionValidator(pattern, self.value))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Why the mark changes, e.g. the signed sheet and its page")
        )
        self.reason.setMaximumHeight(100)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        form.addRow(self.tr("Mark"), self.mark)
        form.addRow(self.tr("New value"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _fill_marks(self) -> None:
        """Every judge's mark of the entry: item · judge: current value."""
        try:
            marks = self._services.recheck.marks(self._item.item_id)
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        for mark in marks:
            value = decimal_text(mark.value)
            text = f"{mark.criterion} {mark.criterion_name} · {mark.judge}：{value}"
            self.mark.addItem(text, (mark.criterion, mark.judge_id))

    def _correct(self) -> None:
        chosen = self.mark.currentData()
        if chosen is None:
            raise UserError("recheck_mark_missing")
        key, judge_id = chosen
        value: Decimal = parse_decimal(self.value.text())
        self._services.recheck.correct(
            self._item.item_id, judge_id, key, value, self.reason.toPlainText()
        )

    def _on_buttons_accepted(self) -> None:
        try:
            self._correct()
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        except ValueError:
            self.error.show_message(messages.text("mark_invalid"))
            return
        signals.announce(signals.MARKS)
        self.accept()
