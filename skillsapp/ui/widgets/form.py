"""Form helpers: a red inline error under a field, and the row that holds both."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_COLOR = "#c62828"


class FieldError(QLabel):
    """A red message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def with_error(field: QWidget) -> tuple[QWidget, FieldError]:
    """The field with its error label below it, for one QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    error = FieldError(box)
    layout.addWidget(field)
    layout.addWidget(error)
    return box, error


def banner() -> FieldError:
    """A dialog-wide error line (a conflict, a refused save)."""
    label = FieldError()
    label.setStyleSheet(
        f"color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f5c2c0;"
        " border-radius: 4px; padding: 6px;"
    )
    return label
