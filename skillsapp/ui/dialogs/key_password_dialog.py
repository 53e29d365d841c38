"""The password protecting an exported signing key: typed twice to export, once to import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

HINT_STYLE = "color: #5f6b7a;"


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class KeyPasswordDialog(QDialog):
    """OK stays disabled until the password has `minimum` characters (and, with `repeat`,
    is typed the same twice); emits `password_given(text)` on OK."""

    password_given = Signal(str)

    def __init__(
        self,
        title: str,
        text: str,
        *,
        repeat: bool,
        minimum: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._minimum = minimum
        self._build_ui(text, repeat)
        self._connect_signals()
        self._on_text_edited()
        self.setMinimumWidth(440)

    def _build_ui(self, text: str, repeat: bool) -> None:
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.password = _password_field()
        self.repeat = _password_field() if repeat else None
        self.hint = QLabel()
        self.hint.setStyleSheet(HINT_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        if self.repeat is not None:
            form.addRow(self.tr("Repeat it"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.password.textChanged.connect(self._on_text_edited)
        if self.repeat is not None:
            self.repeat.textChanged.connect(self._on_text_edited)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def problem(self) -> str:
        """Why OK is disabled; "" when the password may be used."""
        text = self.password.text()
        if len(text) < self._minimum:
            return self.tr("At least {count} characters.").format(count=self._minimum)
        if self.repeat is not None and self.repeat.text() != text:
            return self.tr("The two passwords differ.")
        return ""

    def _on_text_edited(self) -> None:
        problem = self.problem()
        self.hint.setText(problem)
        self.ok_button.setEnabled(not problem)

    def _on_buttons_accepted(self) -> None:
        if not self.problem():
            self.accept()
            self.password_given.emit(self.password.text())
