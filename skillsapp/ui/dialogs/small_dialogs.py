"""One-question dialogs: a name (a saved search, say) or a date (a member leaving)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def _buttons() -> QDialogButtonBox:
    return QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )


class NameDialog(QDialog):
    """OK stays disabled until a name is typed; emits `name_given(text)`."""

    name_given = Signal(str)

    def __init__(
        self, title: str, label: str, *, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._build_ui(label, text)
        self._connect_signals()
        self.setMinimumWidth(380)

    def _build_ui(self, label: str, text: str) -> None:
        self.name = QLineEdit(text)
        self.buttons = _buttons()
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(bool(text.strip()))
        form = QFormLayout()
        form.addRow(label, self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.name.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        text = self.name.text().strip()
        if text:
            self.accept()
            self.name_given.emit(text)


class DateDialog(QDialog):
    """A date, today unless told; emits `date_given(date)`."""

    date_given = Signal(object)

    def __init__(
        self,
        title: str,
        text: str,
        label: str,
        *,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._build_ui(text, label, day or dt.date.today())
        self._connect_signals()
        self.setMinimumWidth(380)

    def _build_ui(self, text: str, label: str, day: dt.date) -> None:
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.date = QDateEdit(QDate(day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumWidth(180)
        self.buttons = _buttons()
        form = QFormLayout()
        form.addRow(label, self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def value(self) -> dt.date:
        return self.date.date().toPython()

    def _on_buttons_accepted(self) -> None:
        self.accept()
        self.date_given.emit(self.value())
