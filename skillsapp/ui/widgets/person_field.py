"""Choosing one registry person: a dialog around the person picker, and a form field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.person_picker import PersonPicker


class PickPersonDialog(QDialog):
    """Search, select, OK; emits `person_picked(PersonRow)`."""

    person_picked = Signal(object)

    def __init__(self, registry: RegistryService, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._build_ui(registry)
        self._connect_signals()
        self.resize(520, 360)

    def _build_ui(self, registry: RegistryService) -> None:
        self.picker = PersonPicker(registry)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.picker.person_chosen.connect(lambda _p: self.ok_button.setEnabled(True))
        self.picker.results.itemDoubleClicked.connect(self._on_buttons_accepted)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        person = self.picker.chosen()
        if person is not None:
            self.accept()
            self.person_picked.emit(person)


class PersonField(QWidget):
    """The chosen person's name, "Choose…" and "Clear"; emits `changed` after a choice."""

    changed = Signal()

    def __init__(
        self, registry: RegistryService, *, none_text: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._registry = registry
        self._none_text = none_text
        self.person_id: int | None = None
        self.dialog: PickPersonDialog | None = None
        self._build_ui()
        self._connect_signals()
        self.set_person(None, "")

    def _build_ui(self) -> None:
        self.name = QLabel()
        self.name.setMinimumWidth(90)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.clear_button = QPushButton(self.tr("Clear"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

    def set_person(self, person_id: int | None, name: str) -> None:
        self.person_id = person_id
        self.name.setText(name if person_id is not None else self._none_text)
        self.name.setStyleSheet("" if person_id is not None else "color: #8a94a3;")
        self.clear_button.setEnabled(person_id is not None)

    def _on_choose_button_clicked(self) -> None:
        dialog = PickPersonDialog(self._registry, self.tr("Choose a person"), self)
        dialog.person_picked.connect(self._on_dialog_person_picked)
        self.dialog = open_dialog(dialog)

    def _on_dialog_person_picked(self, person: PersonRow) -> None:
        self.set_person(person.id, person.name)
        self.changed.emit()

    def _on_clear_button_clicked(self) -> None:
        self.set_person(None, "")
        self.changed.emit()
