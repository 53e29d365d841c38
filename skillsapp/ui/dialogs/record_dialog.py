"""The shape of every small record dialog: a form with a message under each field,
checked as the user goes, saved through a service on OK."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.errors import UserError, ValidationError
from skillsapp.ui import signals
from skillsapp.ui.widgets.form import FieldError, banner, with_error


class RecordDialog(QDialog):
    """Subclasses add fields with `add_row` in `_build_ui`, say what OK writes in `save`
    and may check fields first in `problems` (field → message code). `saved` holds what
    `save` returned; `announced` are the data kinds a save changes."""

    announced: tuple[str, ...] = ()

    def __init__(self, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved: object = None
        self.errors: dict[str, FieldError] = {}
        self._touched: set[str] = set()
        self.setWindowTitle(title)
        self.banner = banner()
        self.form = QFormLayout()
        self.body = QHBoxLayout()  # the form; a dialog may add a column beside it
        self.body.addLayout(self.form, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.setMinimumWidth(460)  # a subclass may ask for more in _build_ui
        self._build_ui()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.buttons)
        self._connect_signals()

    def _build_ui(self) -> None:
        raise NotImplementedError

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def add_row(self, key: str, label: str, field: QWidget) -> None:
        box, self.errors[key] = with_error(field)
        self.form.addRow(label, box)

    # -- what subclasses say

    def problems(self) -> dict[str, str]:
        """Field → message code for what is wrong before asking the service."""
        return {}

    def save(self) -> object:
        raise NotImplementedError

    def after_save(self) -> None:
        """Runs after the dialog closed with a saved record (warnings, say)."""

    # -- checking

    def touch(self, key: str) -> None:
        """The user changed `key`: show its message (and the others already shown)."""
        self._touched.add(key)
        self._show(self.problems())

    def _show(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            code = problems.get(key) if key in self._touched else None
            error.show_message(messages.text(code) if code else "")

    def show_all_problems(self) -> dict[str, str]:
        self._touched.update(self.errors)
        problems = self.problems()
        self._show(problems)
        return problems

    def _on_buttons_accepted(self) -> None:
        self.banner.show_message("")
        if self.show_all_problems():
            return
        try:
            self.saved = self.save()
        except ValidationError as err:
            self._show_refused(err.field_errors)
            return
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return
        signals.announce(*self.announced)
        self.accept()
        self.after_save()

    def _show_refused(self, field_errors: dict[str, str]) -> None:
        stray = []
        for key, code in field_errors.items():
            if key in self.errors:
                self.errors[key].show_message(messages.text(code))
            else:
                stray.append(messages.text(code))
        self.banner.show_message("；".join(stray))
