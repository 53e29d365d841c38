"""Adding or editing a unit (单位)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.domain.models import UnitKind
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.units import UnitInput, UnitRow, UnitService
from skillsapp.ui import labels, signals
from skillsapp.ui.widgets.form import FieldError, banner, with_error

FIELDS = ("name", "short_name", "parent_id", "kind", "contact_person", "contact_phone", "address")


class UnitDialog(QDialog):
    """New unit (optionally under `parent_id`) or edit of `unit`."""

    def __init__(
        self,
        service: UnitService,
        *,
        units: Sequence[UnitRow],
        unit: UnitRow | None = None,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._unit = unit
        self.saved: UnitRow | None = None
        self.setWindowTitle(self.tr("Edit unit") if unit else self.tr("New unit"))
        others = [u for u in units if unit is None or u.id != unit.id]
        self._build_ui(others)
        self._fill(unit, parent_id)
        self._connect_signals()

    def _build_ui(self, units: Sequence[UnitRow]) -> None:
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.parent_unit = QComboBox()
        self.parent_unit.addItem(self.tr("(top level)"), None)
        for unit in units:
            self.parent_unit.addItem(unit.name, unit.id)
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(labels.unit_kind(kind), kind)
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        self.address = QLineEdit()
        self.banner = banner()
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        for key, widget in zip(FIELDS, self._widgets(), strict=True):
            box, self.errors[key] = with_error(widget)
            form.addRow(labels.field(key), box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _widgets(self) -> tuple[QWidget, ...]:
        return (
            self.name,
            self.short_name,
            self.parent_unit,
            self.kind,
            self.contact_person,
            self.contact_phone,
            self.address,
        )

    def _fill(self, unit: UnitRow | None, parent_id: int | None) -> None:
        if unit is not None:
            self.name.setText(unit.name)
            self.short_name.setText(unit.short_name)
            self.contact_person.setText(unit.contact_person)
            self.contact_phone.setText(unit.contact_phone)
            self.address.setText(unit.address)
            self.kind.setCurrentIndex(max(self.kind.findData(unit.kind), 0))
            parent_id = unit.parent_id
        self.parent_unit.setCurrentIndex(max(self.parent_unit.findData(parent_id), 0))

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def unit_input(self) -> UnitInput:
        return UnitInput(
            name=self.name.text(),
            short_name=self.short_name.text(),
            parent_id=self.parent_unit.currentData(),
            kind=UnitKind(self.kind.currentData()),
            contact_person=self.contact_person.text(),
            contact_phone=self.contact_phone.text(),
            address=self.address.text(),
        )

    def _on_buttons_accepted(self) -> None:
        for error in (*self.errors.values(), self.banner):
            error.show_message("")
        try:
            self.saved = self._save()
        except ValidationError as err:
            for key, code in err.field_errors.items():
                self.errors.get(key, self.banner).show_message(messages.text(code))
            return
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return
        signals.announce(signals.UNITS)
        self.accept()

    def _save(self) -> UnitRow:
        if self._unit is None:
            return self._service.add_unit(self.unit_input())
        return self._service.update_unit(
            self._unit.id, self.unit_input(), expected_version=self._unit.version
        )
