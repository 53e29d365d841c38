"""Adding or editing one honour of a person or a unit: type from the catalogue, level,
exact title, granting body, year or edition, document number, date."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from skillsapp.domain.marks import HonourLevel
from skillsapp.services.talent.honours import (
    HonourInput,
    HonourRow,
    HonourService,
    HonourTypeRow,
    check_honour,
)
from skillsapp.ui import signals
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.fields import YearSpin, combo, select_data


class HonourDialog(RecordDialog):
    """A new honour of `person_id` or of `unit_id` (give one), or `honour` to edit;
    `types` are the honour types offered (for persons or for units)."""

    announced = (signals.TALENT,)

    def __init__(
        self,
        service: HonourService,
        *,
        person_id: int | None = None,
        unit_id: int | None = None,
        types: Sequence[HonourTypeRow],
        honour: HonourRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._person_id = person_id
        self._unit_id = unit_id
        self._types = {t.id: t for t in types}
        self._honour = honour
        title = self.tr("Edit honour") if honour else self.tr("New honour")
        super().__init__(title, parent=parent)
        if honour is not None:
            self._fill(honour)

    def _build_ui(self) -> None:
        self.honour_type = combo([(t.name, t.id) for t in self._types.values()])
        self.level = combo(tl.choices(tl.HONOUR_LEVEL_NAMES))
        select_data(self.level, HonourLevel.CITY)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("The exact wording, e.g. 焦作市技术能手"))
        self.granting_body = QLineEdit()
        self.granting_body.setPlaceholderText(self.tr("e.g. 焦作市人民政府"))
        self.year = YearSpin(optional=True)
        self.edition = QLineEdit()
        self.edition.setPlaceholderText(self.tr("e.g. 第三届"))
        self.document_number = QLineEdit()
        self.granted_on = OptionalDateEdit()
        rows = (
            ("type_id", self.tr("Honour"), self.honour_type),
            ("level", self.tr("Level"), self.level),
            ("title", self.tr("Exact title"), self.title),
            ("granting_body", self.tr("Granted by"), self.granting_body),
            ("year", self.tr("Year"), self.year),
            ("edition", self.tr("Edition"), self.edition),
            ("document_number", self.tr("Document number"), self.document_number),
            ("granted_on", self.tr("Date granted"), self.granted_on),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.honour_type.currentIndexChanged.connect(lambda: self.touch("type_id"))
        self.year.valueChanged.connect(lambda: self.touch("year"))
        for key in ("title", "granting_body", "edition", "document_number"):
            field: QLineEdit = getattr(self, key)
            field.textChanged.connect(lambda _t, k=key: self.touch(k))

    def _fill(self, honour: HonourRow) -> None:
        select_data(self.honour_type, honour.type_id)
        select_data(self.level, honour.level)
        self.title.setText(honour.title)
        self.granting_body.setText(honour.granting_body)
        self.year.set_year(honour.year)
        self.edition.setText(honour.edition)
        self.document_number.setText(honour.document_number)
        self.granted_on.set_value(honour.granted_on)

    def honour_input(self) -> HonourInput:
        return HonourInput(
            type_id=self.honour_type.currentData() or 0,
            level=HonourLevel(self.level.currentData()),
            person_id=self._person_id,
            unit_id=self._unit_id,
            title=self.title.text(),
            granting_body=self.granting_body.text(),
            year=self.year.year(),
            edition=self.edition.text(),
            document_number=self.document_number.text(),
            granted_on=self.granted_on.value(),
        )

    def problems(self) -> dict[str, str]:
        data = self.honour_input()
        return check_honour(data, self._types.get(data.type_id))  # type: ignore[arg-type]

    def save(self) -> HonourRow:
        if self._honour is None:
            return self._service.add(self.honour_input())
        return self._service.update(
            self._honour.id, self.honour_input(), expected_version=self._honour.version
        )
