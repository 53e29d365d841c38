"""Asking for the written reason a step needs (moving a competition back, a withdrawal)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """OK stays disabled until a reason is typed; emits `reason_given(text)` on OK."""

    reason_given = Signal(str)

    def __init__(
        self, title: str, text: str, *, ok_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._build_ui(text, ok_text)
        self._connect_signals()
        self.setMinimumWidth(440)

    def _build_ui(self, text: str, ok_text: str) -> None:
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("The reason is kept in the audit log."))
        self.reason.setMaximumHeight(100)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _on_reason_text_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def _on_buttons_accepted(self) -> None:
        if self.text():
            self.accept()
            self.reason_given.emit(self.text())
