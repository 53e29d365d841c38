"""Beside the marks: a contestant's time used (a tie-break) and 失格 with its reason."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.ui import signals
from skillsapp.ui.formatting import decimal_text, parse_optional_decimal
from skillsapp.ui.widgets.form import banner


class ContestantScoreDialog(QDialog):
    """Saves what changed when OK is pressed; a refusal stays in the dialog."""

    def __init__(
        self, services: Services, registration_id: int, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._registration_id = registration_id
        self._time: Decimal | None = None
        self._disqualified = False
        self.setWindowTitle(self.tr("Time used and disqualification — {code}").format(code=code))
        self.setMinimumWidth(420)
        self._build_ui()
        self._load()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.time_used = QLineEdit()
        self.time_used.setPlaceholderText(self.tr("Minutes, e.g. 52.5"))
        self.time_used.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,5}(\.\d{0,2})?"), self)
        )
        self.disqualified = QCheckBox(self.tr("Disqualified (scored but not ranked)"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why (required), e.g. a safety breach"))
        self.reason.setMaximumHeight(80)
        self.error = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow(self.tr("Time used"), self.time_used)
        form.addRow("", self.disqualified)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _load(self) -> None:
        """The current values (from the drill-down, which both the chief judge and
        organizers may read)."""
        try:
            found = self._services.results.drilldown(self._registration_id)
        except UserError:
            return
        self._time, self._disqualified = found.time_used, found.disqualified
        self.time_used.setText(decimal_text(found.time_used))
        self.disqualified.setChecked(found.disqualified)

    def _on_buttons_accepted(self) -> None:
        try:
            self.save()
        except ValueError:
            self.error.show_message(self.tr("Type the time used in minutes, as a number."))
            return
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        signals.announce(signals.MARKS)
        self.accept()

    def save(self) -> None:
        marks, reg = self._services.marks, self._registration_id
        minutes = parse_optional_decimal(self.time_used.text())
        if minutes != self._time:
            marks.set_time_used(reg, minutes)
            self._time = minutes
        wanted, reason = self.disqualified.isChecked(), self.reason.toPlainText()
        if wanted and not self._disqualified:
            marks.disqualify(reg, reason)
        elif self._disqualified and not wanted:
            marks.reinstate(reg, reason)
        self._disqualified = wanted
