"""Adding or editing a person, with each field checked as it is typed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.domain.enums import Gender
from skillsapp.domain.idcard import IdNumberInvalid, normalize_id, parse_id
from skillsapp.domain.levels import PROFESSIONAL_TITLES, SkillLevel
from skillsapp.domain.person_rules import PersonInput
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.services.units import UnitRow
from skillsapp.ui import labels, signals
from skillsapp.ui.widgets.form import FieldError, banner, with_error
from skillsapp.ui.widgets.photo_widget import PhotoWidget

FIELDS = ("name", "id_number", "gender", "mobile", "unit_id", "trade", "skill_level", "title")
ID_LENGTH = 18
MOBILE_LENGTH = 11


def _combo(items: Sequence[tuple[str, object]], *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class PersonDialog(QDialog):
    """New person (person_id None) or edit; `saved` holds the stored row after OK."""

    def __init__(
        self,
        registry: RegistryService,
        *,
        units: Sequence[UnitRow],
        trades: Sequence[str],
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._person_id = person_id
        self._version: int | None = None
        self._touched: set[str] = set()
        self._photo_changed = False
        self.saved: PersonRow | None = None
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("New person"))
        self._build_ui(units, trades)
        if person_id is not None:
            data, self._version = registry.person_for_edit(person_id)
            self._fill(data)
            self.photo.set_photo(registry.photo(person_id))
        self._connect_signals()

    def _build_ui(self, units: Sequence[UnitRow], trades: Sequence[str]) -> None:
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)
        self.id_number.setPlaceholderText(self.tr("18 characters; gender follows from it"))
        self.gender = _combo([(self.tr("From the ID number"), None)])
        for gender in Gender:
            self.gender.addItem(labels.gender(gender), gender)
        self.mobile = QLineEdit()
        self.unit = _combo([(self.tr("(none)"), None), *((u.name, u.id) for u in units)])
        self.trade = _combo([("", "")] + [(t, t) for t in trades], editable=True)
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        self.skill_level = _combo([(self.tr("(not set)"), None), *levels])
        self.title = _combo([("", "")] + [(t, t) for t in PROFESSIONAL_TITLES], editable=True)
        self.photo = PhotoWidget()
        self.banner = banner()
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        for key, widget in zip(FIELDS, self._widgets(), strict=True):
            box, self.errors[key] = with_error(widget)
            form.addRow(labels.field(key), box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        body = QHBoxLayout()
        body.addLayout(form, 1)
        body.addSpacing(8)
        body.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _widgets(self) -> tuple[QWidget, ...]:
        return (
            self.name,
            self.id_number,
            self.gender,
            self.mobile,
            self.unit,
            self.trade,
            self.skill_level,
            self.title,
        )

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for line in (self.name, self.id_number, self.mobile):
            line.installEventFilter(self)  # leaving a field shows its message
        self.name.textChanged.connect(self._on_field_changed)
        self.id_number.textChanged.connect(self._on_id_number_text_changed)
        self.mobile.textChanged.connect(self._on_mobile_text_changed)
        self.gender.activated.connect(lambda _i: self._touch("gender"))
        self.photo.photo_changed.connect(self._on_photo_photo_changed)

    def _fill(self, data: PersonInput) -> None:
        self.name.setText(data.name)
        self.id_number.setText(data.id_number)
        self.mobile.setText(data.mobile)
        for combo, value in (
            (self.gender, data.gender),
            (self.unit, data.unit_id),
            (self.skill_level, data.skill_level),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.trade.setCurrentText(data.trade)
        self.title.setCurrentText(data.title)

    def person_input(self) -> PersonInput:
        """What the form says now."""
        return PersonInput(
            name=self.name.text(),
            id_number=self.id_number.text(),
            gender=Gender(self.gender.currentData()) if self.gender.currentData() else None,
            mobile=self.mobile.text(),
            unit_id=self.unit.currentData(),
            trade=self.trade.currentText(),
            skill_level=self.skill_level.currentData(),
            title=self.title.currentText(),
        )

    def set_photo_from_file(self, path: Path) -> bool:
        """Take the photo from an image file, as choosing it does (False: unreadable)."""
        return self.photo.load_file(path)

    def _on_photo_photo_changed(self) -> None:
        self._photo_changed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            lines = {self.name: "name", self.id_number: "id_number", self.mobile: "mobile"}
            if watched in lines:
                self._touch(lines[watched])
        return super().eventFilter(watched, event)

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._validate()

    def _on_field_changed(self) -> None:
        self._validate()

    def _on_id_number_text_changed(self, text: str) -> None:
        if len(normalize_id(text)) >= ID_LENGTH:
            self._touched.add("id_number")
        self._set_gender_from_id(text)
        self._validate()

    def _on_mobile_text_changed(self, text: str) -> None:
        if sum(c.isdigit() for c in text) >= MOBILE_LENGTH:
            self._touched.add("mobile")
        self._validate()

    def _set_gender_from_id(self, text: str) -> None:
        try:
            gender = parse_id(text).gender
        except IdNumberInvalid:
            return
        self.gender.setCurrentIndex(self.gender.findData(gender))

    def _validate(self) -> dict[str, str]:
        """Check the form; show the messages of the fields the user has been to."""
        problems = self._registry.check(self.person_input())
        for key, error in self.errors.items():
            shown = key in self._touched and key in problems
            error.show_message(messages.text(problems[key]) if shown else "")
        return problems

    def show_all_problems(self) -> dict[str, str]:
        """Mark every field as visited and show its message (also before OK)."""
        self._touched.update(FIELDS)
        return self._validate()

    def _on_buttons_accepted(self) -> None:
        self.banner.show_message("")
        problems = self.show_all_problems()
        if problems:
            first = next((i for i, key in enumerate(FIELDS) if key in problems), 0)
            self._widgets()[first].setFocus()
            return
        try:
            self.saved = self._save()
        except ValidationError as err:
            for key, code in err.field_errors.items():
                self.errors.get(key, self.errors["name"]).show_message(messages.text(code))
            return
        except UserError as err:
            self._show_refusal(err)
            return
        signals.announce(signals.PERSONS)
        self.accept()

    def _show_refusal(self, err: UserError) -> None:
        """A refused photo is reported under it, anything else above the form."""
        if err.code.startswith("photo_"):
            self.photo.show_error(messages.describe(err))
        else:
            self.banner.show_message(messages.describe(err))

    def _save(self) -> PersonRow:
        data = self.person_input()
        if self._person_id is None:
            row = self._registry.add(data)
            # Should the photo be refused, OK again edits this person instead of adding twice.
            self._person_id = row.id
        else:
            row = self._registry.update(self._person_id, data, expected_version=self._version)
        self._version = row.version
        if self._photo_changed:
            row = self._registry.set_photo(row.id, self.photo.photo(), expected_version=row.version)
            self._version, self._photo_changed = row.version, False
        return row
