"""A studio's basics: name, kind and level, host unit, leader, dates, status, description."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studios import StudioKind, StudioStatus
from skillsapp.services.registry.registry import RegistryService
from skillsapp.services.studios.studios import StudioInput, StudioRow, StudioService
from skillsapp.services.units import UnitRow
from skillsapp.ui import signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.fields import combo, select_data
from skillsapp.ui.widgets.person_field import PersonField

DATES = ("founded_on", "accredited_on", "last_confirmed_on")


class StudioDialog(RecordDialog):
    """A new studio, or `studio` to edit (its description comes with it)."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: StudioService,
        registry: RegistryService,
        *,
        units: Sequence[UnitRow],
        studio: StudioRow | None = None,
        description: str = "",
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._registry = registry
        self._units = units
        self._studio = studio
        title = self.tr("Edit studio") if studio else self.tr("New studio")
        super().__init__(title, parent=parent)
        if studio is not None:
            self._fill(studio, description)

    def _build_ui(self) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 王建国劳模创新工作室"))
        self.kind = combo(sl.choices(sl.KIND_NAMES))
        self.level = combo(tl.choices(tl.HONOUR_LEVEL_NAMES))
        select_data(self.level, HonourLevel.CITY)
        self.demonstration = QCheckBox(self.tr("National demonstration studio (全国示范性)"))
        self.host_unit = combo([(u.name, u.id) for u in self._units], first=self.tr("(none)"))
        self.leader = PersonField(self._registry, none_text=self.tr("(none)"))
        self.founded_on, self.accredited_on = OptionalDateEdit(), OptionalDateEdit()
        self.last_confirmed_on = OptionalDateEdit()
        self.accreditation_number = QLineEdit()
        self.status = combo(sl.choices(sl.STATUS_NAMES))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        rows = (
            ("name", self.tr("Name"), self.name),
            ("kind", self.tr("Kind"), self.kind),
            ("level", self.tr("Level"), self.level),
            ("demonstration", "", self.demonstration),
            ("host_unit_id", self.tr("Host unit"), self.host_unit),
            ("leader_id", self.tr("Leader"), self.leader),
            ("founded_on", self.tr("Founded on"), self.founded_on),
            ("accredited_on", self.tr("Named on"), self.accredited_on),
            ("accreditation_number", self.tr("Naming document"), self.accreditation_number),
            ("last_confirmed_on", self.tr("Last re-examined"), self.last_confirmed_on),
            ("status", self.tr("Status"), self.status),
            ("description", self.tr("Description"), self.description),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.name.textChanged.connect(lambda: self.touch("name"))
        self.level.currentIndexChanged.connect(lambda: self.touch("demonstration"))
        self.demonstration.toggled.connect(lambda: self.touch("demonstration"))
        for key in DATES:
            getattr(self, key).dateChanged.connect(lambda _d, k=key: self.touch(k))

    def _fill(self, studio: StudioRow, description: str) -> None:
        self.name.setText(studio.name)
        select_data(self.kind, studio.kind)
        select_data(self.level, studio.level)
        self.demonstration.setChecked(studio.demonstration)
        select_data(self.host_unit, studio.host_unit_id)
        self.leader.set_person(studio.leader_id, studio.leader_name)
        for key in DATES:
            getattr(self, key).set_value(getattr(studio, key))
        self.accreditation_number.setText(studio.accreditation_number)
        select_data(self.status, studio.status)
        self.description.setPlainText(description)

    def studio_input(self) -> StudioInput:
        return StudioInput(
            name=self.name.text(),
            kind=StudioKind(self.kind.currentData()),
            level=HonourLevel(self.level.currentData()),
            demonstration=self.demonstration.isChecked(),
            host_unit_id=self.host_unit.currentData(),
            leader_id=self.leader.person_id,
            founded_on=self.founded_on.value(),
            accredited_on=self.accredited_on.value(),
            accreditation_number=self.accreditation_number.text(),
            last_confirmed_on=self.last_confirmed_on.value(),
            status=StudioStatus(self.status.currentData()),
            description=self.description.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        data = self.studio_input()
        problems = {} if data.name.strip() else {"name": "studio_name_required"}
        if data.demonstration and data.level is not HonourLevel.NATIONAL:
            problems["demonstration"] = "studio_demonstration_national"
        today = dt.date.today()
        problems |= {k: "date_in_future" for k in DATES if (getattr(data, k) or today) > today}
        if data.founded_on and data.accredited_on and data.accredited_on < data.founded_on:
            problems.setdefault("accredited_on", "studio_accredited_before_founded")
        return problems

    def save(self) -> StudioRow:
        if self._studio is None:
            return self._service.add_studio(self.studio_input())
        return self._service.update_studio(
            self._studio.id, self.studio_input(), expected_version=self._studio.version
        )
