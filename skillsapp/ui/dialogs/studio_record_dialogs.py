"""A studio's smaller records: a new member, a training held, a talent trained."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QSpinBox, QWidget

from skillsapp.domain.levels import SkillLevel
from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.services.studios.studio_detail import MemberRow
from skillsapp.services.studios.studio_records import (
    TalentInput,
    TalentRow,
    TrainingInput,
    TrainingRow,
)
from skillsapp.services.studios.studios import StudioService
from skillsapp.ui import labels, signals
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.fields import YearSpin, combo
from skillsapp.ui.widgets.person_picker import PersonPicker

ROLES = ("成员", "骨干", "领办人")
MAX_ATTENDEES = 100_000


class _PersonRecordDialog(RecordDialog):
    """A record about one person picked from the registry."""

    def __init__(self, title: str, registry: RegistryService, parent: QWidget | None) -> None:
        self._registry = registry
        self.person: PersonRow | None = None
        super().__init__(title, parent=parent)

    def _add_picker(self, label: str, chosen_text: str) -> None:
        self.picker = PersonPicker(self._registry)
        self.picker.results.setMinimumHeight(130)
        self.chosen = QLabel()
        self._chosen_text = chosen_text
        self.add_row("person_id", label, self.picker)
        self.form.addRow("", self.chosen)
        self.picker.person_chosen.connect(self._on_picker_person_chosen)

    def _on_picker_person_chosen(self, person: PersonRow) -> None:
        self.person = person
        self.chosen.setText(self._chosen_text.format(name=person.name))
        self.touch("person_id")

    def problems(self) -> dict[str, str]:
        return {} if self.person is not None else {"person_id": "field_required"}


class MemberDialog(_PersonRecordDialog):
    """A person joins the studio, in a role, on a date."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: StudioService,
        registry: RegistryService,
        *,
        studio_id: int,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._studio_id = studio_id
        super().__init__(self.tr("New member"), registry, parent)

    def _build_ui(self) -> None:
        self._add_picker(self.tr("Person"), self.tr("Chosen: {name}"))
        self.role = combo([(r, r) for r in ROLES], editable=True)
        self.joined_on = OptionalDateEdit()
        self.joined_on.set_value(dt.date.today())
        self.add_row("role", self.tr("Role"), self.role)
        self.add_row("joined_on", self.tr("Joined on"), self.joined_on)
        self.setMinimumWidth(520)

    def save(self) -> MemberRow:
        assert self.person is not None
        return self._service.add_member(
            self._studio_id,
            self.person.id,
            role=self.role.currentText(),
            joined_on=self.joined_on.value(),
        )


class TalentDialog(_PersonRecordDialog):
    """A person the studio trained, the year, the level reached, whether promoted."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: StudioService,
        registry: RegistryService,
        *,
        studio_id: int,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._studio_id = studio_id
        super().__init__(self.tr("New talent trained"), registry, parent)

    def _build_ui(self) -> None:
        self._add_picker(self.tr("Person"), self.tr("Chosen: {name}"))
        self.year = YearSpin()
        self.year.setMaximum(dt.date.today().year)
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        self.level_reached = combo(levels, first=self.tr("(not set)"))
        self.promoted = QCheckBox(self.tr("Promoted to a higher level"))
        self.add_row("year", self.tr("Year"), self.year)
        self.add_row("level_reached", self.tr("Level reached"), self.level_reached)
        self.add_row("promoted", "", self.promoted)
        self.setMinimumWidth(520)

    def save(self) -> TalentRow:
        assert self.person is not None
        data = TalentInput(
            person_id=self.person.id,
            year=self.year.value(),
            level_reached=self.level_reached.currentData(),
            promoted=self.promoted.isChecked(),
        )
        return self._service.add_talent(self._studio_id, data)


class TrainingDialog(RecordDialog):
    """A training the studio held: the date, what it taught, how many came."""

    announced = (signals.STUDIOS,)

    def __init__(
        self, service: StudioService, *, studio_id: int, parent: QWidget | None = None
    ) -> None:
        self._service = service
        self._studio_id = studio_id
        super().__init__(self.tr("New training"), parent=parent)

    def _build_ui(self) -> None:
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setMaximumWidth(180)
        self.title = QLineEdit()
        self.attendees = QSpinBox()
        self.attendees.setRange(0, MAX_ATTENDEES)
        self.add_row("held_on", self.tr("Held on"), self.held_on)
        self.add_row("title", self.tr("Training"), self.title)
        self.add_row("attendees", self.tr("Attendees"), self.attendees)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.title.textChanged.connect(lambda: self.touch("title"))
        self.held_on.dateChanged.connect(lambda: self.touch("held_on"))

    def training_input(self) -> TrainingInput:
        return TrainingInput(
            self.held_on.date().toPython(), self.title.text(), self.attendees.value()
        )

    def problems(self) -> dict[str, str]:
        data = self.training_input()
        problems = {} if data.title.strip() else {"title": "training_title_required"}
        if data.held_on > dt.date.today():
            problems["held_on"] = "date_in_future"
        return problems

    def save(self) -> TrainingRow:
        return self._service.add_training(self._studio_id, self.training_input())
