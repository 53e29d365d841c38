"""申诉: filing an appeal, re-marking (改分) while it is open, and the ruling (裁决)."""

from __future__ import annotations

from collections.abc import Sequence
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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.scoring.appeals import AppealRow
from skillsapp.services.scoring.results_read import ResultRow
from skillsapp.ui import signals
from skillsapp.ui.formatting import decimal_text, parse_decimal
from skillsapp.ui.widgets.form import banner


def _text_box(placeholder: str, height: int = 100) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(height)
    return box


class _ActionDialog(QDialog):
    """OK runs `action()`; a refusal shows in the banner and the dialog stays open."""

    def __init__(self, services: Services, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
        self.setMinimumWidth(480)
        self.error = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _finish(self, form: QFormLayout, intro: str = "") -> None:
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def action(self) -> object:
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        try:
            self.action()
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        except ValueError:
            self.error.show_message(messages.text("mark_invalid"))
            return
        signals.announce(signals.APPEALS, signals.MARKS)
        self.accept()


class AppealDialog(_ActionDialog):
    """A written appeal against one contestant's result."""

    def __init__(
        self, services: Services, rows: Sequence[ResultRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(services, parent)
        self.setWindowTitle(self.tr("File an appeal"))
        self.contestant = QComboBox()
        for row in rows:
            self.contestant.addItem(f"{row.bib}  {row.name}".strip(), row.registration_id)
        self.appellant = QLineEdit()
        self.appellant.setPlaceholderText(self.tr("Who appeals (the contestant, the team leader…)"))
        self.text = _text_box(self.tr("What the appeal says"), 140)
        form = QFormLayout()
        form.addRow(self.tr("Contestant"), self.contestant)
        form.addRow(self.tr("Appellant"), self.appellant)
        form.addRow(self.tr("Appeal"), self.text)
        self._finish(form)

    def action(self) -> object:
        return self._services.appeals.file(
            self.contestant.currentData(), self.text.toPlainText(), self.appellant.text()
        )


class RemarkDialog(_ActionDialog):
    """改分: one judge's mark of the appellant changed (or entered), with the reason."""

    def __init__(self, services: Services, appeal: AppealRow, parent: QWidget | None = None):
        super().__init__(services, parent)
        self._appeal = appeal
        self.setWindowTitle(self.tr("Re-mark — {who}").format(who=f"{appeal.bib} {appeal.name}"))
        self.mark = QComboBox()
        self._fill_marks()
        self.value = QLineEdit()
        pattern = QRegularExpression(r"\d{0,6}(\.\d{0,4})?")
        self.value.setValidator(QRegularExpressionValidator(pattern, self.value))
        self.reason = _text_box(self.tr("Why the mark changes (kept with the mark's history)"))
        form = QFormLayout()
        form.addRow(self.tr("Mark"), self.mark)
        form.addRow(self.tr("New value"), self.value)
        form.addRow(self.tr("Reason"), self.reason)
        self._finish(form, self.tr("Appeal: {text}").format(text=appeal.text))

    def _fill_marks(self) -> None:
        try:
            found = self._services.results.drilldown(self._appeal.registration_id)
        except UserError as err:
            self.error.show_message(messages.describe(err))
            return
        for criterion in found.criteria:
            for judge in criterion.judges:
                value = "—" if judge.value is None else decimal_text(judge.value)
                text = f"{criterion.key} {criterion.name} · {judge.judge}：{value}"
                self.mark.addItem(text, (criterion.key, judge.judge_id))

    def action(self) -> object:
        key, judge_id = self.mark.currentData()
        value: Decimal = parse_decimal(self.value.text())
        return self._services.appeals.remark(
            self._appeal.id, judge_id, key, value, self.reason.toPlainText()
        )


class DecideDialog(_ActionDialog):
    """裁决: upheld or rejected, with the written decision (final)."""

    def __init__(self, services: Services, appeal: AppealRow, parent: QWidget | None = None):
        super().__init__(services, parent)
        self._appeal = appeal
        self.setWindowTitle(self.tr("Ruling — {who}").format(who=f"{appeal.bib} {appeal.name}"))
        self.upheld = QRadioButton(self.tr("Upheld"))
        self.rejected = QRadioButton(self.tr("Rejected"))
        self.rejected.setChecked(True)
        self.decision = _text_box(self.tr("The written decision"), 120)
        choice = QVBoxLayout()
        choice.addWidget(self.upheld)
        choice.addWidget(self.rejected)
        form = QFormLayout()
        form.addRow(self.tr("Ruling"), choice)
        form.addRow(self.tr("Decision"), self.decision)
        self._finish(
            form,
            self.tr("Appeal: {text}\nThe ruling is final.").format(text=self._appeal.text),
        )

    def action(self) -> object:
        return self._services.appeals.decide(
            self._appeal.id, self.upheld.isChecked(), self.decision.toPlainText()
        )
