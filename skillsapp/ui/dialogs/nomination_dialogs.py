"""评选推荐: a new round (which honour it grants), and putting somebody forward in one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from skillsapp.domain.marks import HonourLevel
from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.services.talent.honours import HonourTypeRow
from skillsapp.services.talent.nominations import (
    NominationRow,
    NominationService,
    RoundInput,
    RoundRow,
)
from skillsapp.services.units import UnitRow
from skillsapp.ui import signals
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.fields import YearSpin, combo, select_data
from skillsapp.ui.widgets.person_picker import PersonPicker


class RoundDialog(RecordDialog):
    """A new round: its name and the honour approval grants."""

    announced = (signals.NOMINATIONS,)

    def __init__(
        self,
        service: NominationService,
        *,
        types: Sequence[HonourTypeRow],
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._types = types
        super().__init__(self.tr("New selection round"), parent=parent)

    def _build_ui(self) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2026年焦作市劳动模范评选"))
        self.honour_type = combo([(t.name, t.id) for t in self._types])
        self.level = combo(tl.choices(tl.HONOUR_LEVEL_NAMES))
        select_data(self.level, HonourLevel.CITY)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("The honour's exact wording; blank: the type"))
        self.granting_body = QLineEdit()
        self.year = YearSpin(optional=True)
        self.year.set_year(dt.date.today().year)
        self.document_number = QLineEdit()
        rows = (
            ("name", self.tr("Round"), self.name),
            ("honour_type_id", self.tr("Honour"), self.honour_type),
            ("level", self.tr("Level"), self.level),
            ("title", self.tr("Exact title"), self.title),
            ("granting_body", self.tr("Granted by"), self.granting_body),
            ("year", self.tr("Year"), self.year),
            ("document_number", self.tr("Document number"), self.document_number),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.name.textChanged.connect(lambda: self.touch("name"))

    def round_input(self) -> RoundInput:
        return RoundInput(
            name=self.name.text(),
            honour_type_id=self.honour_type.currentData() or 0,
            level=HonourLevel(self.level.currentData()),
            title=self.title.text(),
            granting_body=self.granting_body.text(),
            year=self.year.year(),
            document_number=self.document_number.text(),
        )

    def problems(self) -> dict[str, str]:
        return {} if self.name.text().strip() else {"name": "name_required"}

    def save(self) -> RoundRow:
        return self._service.create_round(self.round_input())


class NominateDialog(RecordDialog):
    """A person (or, for a unit honour, a unit) put forward by a unit, with the reasons."""

    announced = (signals.NOMINATIONS,)

    def __init__(
        self,
        service: NominationService,
        registry: RegistryService,
        *,
        round_row: RoundRow,
        for_units: bool,
        units: Sequence[UnitRow],
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._registry = registry
        self._round = round_row
        self._for_units = for_units
        self._units = units
        self._person: PersonRow | None = None
        title = self.tr("Nominate for {round}").format(round=round_row.name)
        super().__init__(title, parent=parent)

    def _build_ui(self) -> None:
        self.picker = PersonPicker(self._registry)
        self.chosen = QLabel()
        self.unit = combo([(u.name, u.id) for u in self._units], first=self.tr("(choose)"))
        self.nominated_by = combo([(u.name, u.id) for u in self._units], first=self.tr("(none)"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Deeds and reasons (事迹简介)"))
        self.notes.setMaximumHeight(90)
        if self._for_units:
            self.add_row("nominee", self.tr("Unit"), self.unit)
        else:
            self.add_row("nominee", self.tr("Person"), self.picker)
            self.form.addRow("", self.chosen)
        self.add_row("nominated_by_unit_id", self.tr("Nominated by"), self.nominated_by)
        self.add_row("notes", self.tr("Reasons"), self.notes)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.picker.person_chosen.connect(self._on_picker_person_chosen)
        self.unit.currentIndexChanged.connect(lambda: self.touch("nominee"))

    def _on_picker_person_chosen(self, person: PersonRow) -> None:
        self._person = person
        self.chosen.setText(self.tr("Chosen: {name}").format(name=person.name))
        self.touch("nominee")

    def problems(self) -> dict[str, str]:
        chosen = self.unit.currentData() if self._for_units else self._person
        return {} if chosen is not None else {"nominee": "field_required"}

    def save(self) -> NominationRow:
        person_id = None if self._for_units or self._person is None else self._person.id
        return self._service.nominate(
            self._round.id,
            person_id=person_id,
            unit_id=self.unit.currentData() if self._for_units else None,
            nominated_by_unit_id=self.nominated_by.currentData(),
            notes=self.notes.toPlainText(),
        )
