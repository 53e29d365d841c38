"""添加报名: a registry person or a new one, for an event and on behalf of a unit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.idcard import normalize_id
from skillsapp.domain.person_rules import PersonInput
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.competitions.events import EventRow
from skillsapp.services.competitions.registrations import RegistrationRow
from skillsapp.services.registry.registry import PersonRow
from skillsapp.ui import labels, msgbox, signals
from skillsapp.ui.dialogs.person_dialog import ID_LENGTH, MOBILE_LENGTH
from skillsapp.ui.widgets.form import FieldError, banner, with_error
from skillsapp.ui.widgets.person_picker import PersonPicker

NEW_FIELDS = ("name", "id_number", "mobile")


class RegistrationDialog(QDialog):
    """`saved` holds the new entry after OK."""

    def __init__(
        self, services: Services, events: Sequence[EventRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._events = {e.id: e for e in events}
        self._touched: set[str] = set()
        self.saved: RegistrationRow | None = None
        self.setWindowTitle(self.tr("New entry"))
        self._build_ui(events)
        self._connect_signals()
        self._on_event_changed()

    def _build_ui(self, events: Sequence[EventRow]) -> None:
        self._make_fields(events)
        self.banner = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self._form())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _make_fields(self, events: Sequence[EventRow]) -> None:
        self.event = QComboBox()
        for event in events:
            self.event.addItem(event.name, event.id)
        self.existing = QRadioButton(self.tr("A person in the registry"))
        self.new = QRadioButton(self.tr("A new person"))
        self.existing.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.existing)
        self.mode.addButton(self.new)
        self.picker = PersonPicker(self._services.registry)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.picker)
        self.pages.addWidget(self._new_person_form())
        self.unit = QComboBox()
        self.unit.addItem(self.tr("(choose the unit)"), None)
        for unit in self._services.units.units():
            self.unit.addItem(unit.name, unit.id)
        self.team_name = QLineEdit()
        self.note = QLineEdit()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        choice = QHBoxLayout()
        choice.addWidget(self.existing)
        choice.addWidget(self.new)
        choice.addStretch(1)
        form.addRow(self.tr("Event"), self.event)
        form.addRow(self.tr("Contestant"), choice)
        form.addRow("", self.pages)
        self.unit_box, self.unit_error = with_error(self.unit)
        form.addRow(self.tr("Entered by unit"), self.unit_box)
        form.addRow(self.tr("Team name"), self.team_name)
        form.addRow(self.tr("Note"), self.note)
        return form

    def _new_person_form(self) -> QWidget:
        self.name, self.id_number, self.mobile = QLineEdit(), QLineEdit(), QLineEdit()
        self.id_number.setMaxLength(24)
        self.errors: dict[str, FieldError] = {}
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        for key, line in zip(NEW_FIELDS, (self.name, self.id_number, self.mobile), strict=True):
            field_box, self.errors[key] = with_error(line)
            form.addRow(labels.field(key), field_box)
            line.installEventFilter(self)  # leaving a field shows its message
            line.textChanged.connect(self._on_new_person_text_changed)
        return box

    def _connect_signals(self) -> None:
        self.mode.buttonToggled.connect(self._on_mode_button_toggled)
        self.event.currentIndexChanged.connect(self._on_event_changed)
        self.picker.person_chosen.connect(self._on_picker_person_chosen)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            lines = {self.name: "name", self.id_number: "id_number", self.mobile: "mobile"}
            if watched in lines:
                self._touched.add(lines[watched])
                self._validate()
        return super().eventFilter(watched, event)

    def _on_new_person_text_changed(self) -> None:
        """A complete ID or mobile number is checked at once, as in the person dialog."""
        if len(normalize_id(self.id_number.text())) >= ID_LENGTH:
            self._touched.add("id_number")
        if sum(c.isdigit() for c in self.mobile.text()) >= MOBILE_LENGTH:
            self._touched.add("mobile")
        self._validate()

    def _on_mode_button_toggled(self) -> None:
        self.pages.setCurrentIndex(1 if self.new.isChecked() else 0)

    def _on_event_changed(self) -> None:
        event = self._events.get(self.event.currentData())
        self.team_name.setEnabled(bool(event and event.team))

    def _on_picker_person_chosen(self, person: PersonRow) -> None:
        if person.unit_id is not None:
            self.unit.setCurrentIndex(max(self.unit.findData(person.unit_id), 0))

    def person_input(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(),
            id_number=self.id_number.text(),
            mobile=self.mobile.text(),
            unit_id=self.unit.currentData(),
        )

    def _validate(self) -> dict[str, str]:
        problems = self._services.registry.check(self.person_input())
        for key, error in self.errors.items():
            shown = key in self._touched and key in problems
            error.show_message(messages.text(problems[key]) if shown else "")
        return {k: v for k, v in problems.items() if k in NEW_FIELDS}

    def _on_buttons_accepted(self) -> None:
        self.banner.show_message("")
        self.unit_error.show_message("")
        if not self._ready():
            return
        try:
            self.saved = self._save()
        except ValidationError as err:
            self._touched.update(NEW_FIELDS)
            for key, code in err.field_errors.items():
                self.errors.get(key, self.banner).show_message(messages.text(code))
            return
        except UserError as err:
            self.banner.show_message(msgbox.reasons_text(err))
            return
        signals.announce(signals.REGISTRATIONS, signals.PERSONS)
        self.accept()

    def _ready(self) -> bool:
        """Everything the form can check itself; shows what is missing."""
        if self.unit.currentData() is None:
            self.unit_error.show_message(messages.text("entry_unit_required"))
            return False
        if self.new.isChecked():
            self._touched.update(NEW_FIELDS)
            return not self._validate()
        if self.picker.chosen() is None:
            self.banner.show_message(self.tr("Choose a person from the search results."))
            return False
        return True

    def _save(self) -> RegistrationRow:
        registrations = self._services.registrations
        event_id, unit_id = self.event.currentData(), self.unit.currentData()
        extra = {"team_name": self.team_name.text(), "note": self.note.text()}
        if self.new.isChecked():
            return registrations.register_new_person(
                event_id, self.person_input(), unit_id, **extra
            )
        person = self.picker.chosen()
        assert person is not None
        return registrations.register(event_id, person.id, unit_id, **extra)
