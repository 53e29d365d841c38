"""师带徒 from a person's profile: a new agreement (the other person from the picker), and
the graduation review (出师考核)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from skillsapp import messages
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.talent import GraduationResult, MentorshipStatus
from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.services.talent.mentorship import MentorshipInput, MentorshipRow, MentorshipService
from skillsapp.ui import labels, msgbox, signals
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.fields import combo, select_data
from skillsapp.ui.widgets.form import with_error
from skillsapp.ui.widgets.person_picker import PersonPicker

WARNING_STYLE = "color: #8a5a00; font-weight: 600;"
TERM_YEARS = 2


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumWidth(180)
    return edit


class MentorshipDialog(RecordDialog):
    """A new agreement of `person` with somebody picked; warns as the master is chosen."""

    announced = (signals.TALENT,)

    def __init__(
        self,
        service: MentorshipService,
        registry: RegistryService,
        *,
        person_id: int,
        person_name: str,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._registry = registry
        self._person_id = person_id
        self._person_name = person_name
        self._other: PersonRow | None = None
        super().__init__(self.tr("New mentorship"), parent=parent)

    def _build_ui(self) -> None:
        self.as_mentor = QRadioButton(
            self.tr("{name} is the master").format(name=self._person_name)
        )
        self.as_apprentice = QRadioButton(
            self.tr("{name} is the apprentice").format(name=self._person_name)
        )
        self.as_mentor.setChecked(True)
        self.role_group = QButtonGroup(self)
        roles = QHBoxLayout()
        for button in (self.as_mentor, self.as_apprentice):
            self.role_group.addButton(button)
            roles.addWidget(button)
        roles.addStretch(1)
        self.picker = PersonPicker(self._registry)
        self.picker.results.setMinimumHeight(120)
        self.chosen = QLabel()
        self.load_note = QLabel()
        self.load_note.setStyleSheet(WARNING_STYLE)
        self.load_note.setWordWrap(True)
        self.other_label = QLabel(self._other_label())
        self._build_form()
        self.form.insertRow(0, self.tr("Role"), roles)
        self.form.insertRow(1, self.other_label, self._picker_box())
        self.setMinimumWidth(600)

    def _picker_box(self) -> QWidget:
        box, self.errors["other"] = with_error(self.picker)
        box.layout().addWidget(self.chosen)
        box.layout().addWidget(self.load_note)
        return box

    def _other_label(self) -> str:
        return self.tr("Apprentice") if self.as_mentor.isChecked() else self.tr("Master")

    def _build_form(self) -> None:
        today = dt.date.today()
        self.start_date = _date_edit(today)
        self.end_date = OptionalDateEdit()
        self.end_date.set_value(today.replace(year=today.year + TERM_YEARS) - dt.timedelta(days=1))
        self.agreement_number = QLineEdit()
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        self.goal_level = combo(levels, first=self.tr("(not set)"))
        self.goals = QPlainTextEdit()
        self.goals.setMaximumHeight(70)
        rows = (
            ("start_date", self.tr("Starts on"), self.start_date),
            ("end_date", self.tr("Ends on"), self.end_date),
            ("agreement_number", self.tr("Agreement number"), self.agreement_number),
            ("goal_level", self.tr("Goal level"), self.goal_level),
            ("goals", self.tr("Goals"), self.goals),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.picker.person_chosen.connect(self._on_picker_person_chosen)
        self.role_group.buttonToggled.connect(self._on_role_changed)
        self.end_date.dateChanged.connect(lambda: self.touch("end_date"))
        self.start_date.dateChanged.connect(lambda: self.touch("end_date"))

    def _on_picker_person_chosen(self, person: PersonRow) -> None:
        self._other = person
        self.chosen.setText(self.tr("Chosen: {name}").format(name=person.name))
        self.touch("other")
        self._show_load()

    def _on_role_changed(self) -> None:
        self.other_label.setText(self._other_label())
        self._show_load()

    def mentor_id(self) -> int | None:
        if self.as_mentor.isChecked():
            return self._person_id
        return self._other.id if self._other else None

    def _show_load(self) -> None:
        """Warn before saving when the master already has the most apprentices allowed."""
        mentor = self.mentor_id()
        self.load_note.setText("")
        if mentor is None:
            return
        active = [
            m for m in self._service.apprentices(mentor) if m.status is MentorshipStatus.ACTIVE
        ]
        limit = self._service.max_active()
        if len(active) >= limit:
            text = self.tr("This master already has {count} active apprentices (limit {limit}).")
            self.load_note.setText(text.format(count=len(active), limit=limit))

    def mentorship_input(self) -> MentorshipInput:
        other = self._other.id if self._other else 0
        mentor, apprentice = (self._person_id, other) if self.as_mentor.isChecked() else (
            other, self._person_id)  # fmt: skip
        return MentorshipInput(
            mentor_id=mentor,
            apprentice_id=apprentice,
            start_date=self.start_date.date().toPython(),
            end_date=self.end_date.value(),
            agreement_number=self.agreement_number.text(),
            goals=self.goals.toPlainText(),
            goal_level=self.goal_level.currentData(),
        )

    def problems(self) -> dict[str, str]:
        data = self.mentorship_input()
        problems = {} if self._other else {"other": "field_required"}
        if self._other and data.mentor_id == data.apprentice_id:
            problems["other"] = "mentor_is_apprentice"
        if data.end_date is not None and data.end_date < data.start_date:
            problems["end_date"] = "end_before_start"
        return problems

    def save(self) -> MentorshipRow:
        return self._service.create(self.mentorship_input())

    def after_save(self) -> None:
        warn_about(self.saved, self.parentWidget(), self.tr("New mentorship"))


class GraduationDialog(RecordDialog):
    """出师考核 of an active agreement: the result, the level reached, the date."""

    announced = (signals.TALENT,)

    def __init__(
        self, service: MentorshipService, row: MentorshipRow, *, parent: QWidget | None = None
    ) -> None:
        self._service = service
        self._row = row
        title = self.tr("Graduation of {name}").format(name=row.apprentice_name)
        super().__init__(title, parent=parent)

    def _build_ui(self) -> None:
        self.result = combo(tl.choices(tl.GRADUATION_NAMES))
        select_data(self.result, GraduationResult.PASS)
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        self.level_after = combo(levels, first=self.tr("The apprentice's level now"))
        self.on = _date_edit(dt.date.today())
        self.add_row("result", self.tr("Result"), self.result)
        self.add_row("level_after", self.tr("Level reached"), self.level_after)
        self.add_row("on", self.tr("Reviewed on"), self.on)

    def save(self) -> MentorshipRow:
        return self._service.graduate(
            self._row.id,
            GraduationResult(self.result.currentData()),
            level_after=self.level_after.currentData(),
            on=self.on.date().toPython(),
            expected_version=self._row.version,
        )


class RenewalDialog(RecordDialog):
    """续签: extend an active agreement to a later end date (1–3 years is the rule)."""

    announced = (signals.TALENT,)

    def __init__(
        self, service: MentorshipService, row: MentorshipRow, *, parent: QWidget | None = None
    ) -> None:
        self._service = service
        self._row = row
        title = self.tr("Renew the agreement of {master} and {apprentice}").format(
            master=row.mentor_name, apprentice=row.apprentice_name
        )
        super().__init__(title, parent=parent)

    def _build_ui(self) -> None:
        since = self._row.end_date or self._row.start_date
        self.end_date = _date_edit(_years_later(since, 1))
        self.add_row("end_date", self.tr("New end date"), self.end_date)

    def save(self) -> MentorshipRow:
        return self._service.renew(
            self._row.id, self.end_date.date().toPython(), expected_version=self._row.version
        )

    def after_save(self) -> None:
        warn_about(self.saved, self.parentWidget(), self.tr("Renew"))


def warn_about(row: object, parent: QWidget | None, title: str) -> None:
    """The rules a saved agreement breaks (a term outside 1–3 years, a busy master):
    they only warn."""
    if isinstance(row, MentorshipRow) and row.warnings:
        text = "\n".join(messages.text(code) for code in row.warnings)
        msgbox.warning(parent, title, text)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
