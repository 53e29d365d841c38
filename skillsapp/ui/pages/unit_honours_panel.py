"""The honours of the unit selected in the units tab (五一劳动奖状, 工人先锋号, 先进集体 …)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.talent.honours import HonourRow
from skillsapp.services.units import UnitRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.honour_dialog import HonourDialog
from skillsapp.ui.models.unit_honour_model import UnitHonourTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.record_section import RecordSection

COLUMN_WIDTHS = (120, 70, 220, 170, 90, 150)


class UnitHonoursPanel(QWidget):
    """Call `set_unit` when the selection changes; `dialog` is the last dialog opened."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._visible = services.actor.can(Permission.VIEW_REGISTRY)
        self._editable = services.actor.can(Permission.EDIT_REGISTRY)
        self.unit: UnitRow | None = None
        self.dialog: HonourDialog | None = None
        self._build_ui()

    def _build_ui(self) -> None:
        self.section = RecordSection(
            self.tr("Unit honours"), UnitHonourTableModel(self), COLUMN_WIDTHS, stretch=2
        )
        self.model = self.section.model
        shown = self._editable
        self.add_button = self.section.add_button(
            self.tr("Add honour…"), self.add_honour, shown=shown
        )
        self.edit_button = self.section.add_button(
            self.tr("Edit…"), self.edit_honour, needs_row=True, shown=shown
        )
        self.delete_button = self.section.add_button(
            self.tr("Delete"), self.delete_honour, needs_row=True, shown=shown
        )
        if shown:
            self.section.on_activated(lambda _row: self.edit_honour())
        self.add_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.section)
        self.setVisible(self._visible)

    def set_unit(self, unit: UnitRow | None) -> None:
        """Show the honours of `unit` (none without a unit)."""
        self.unit = unit
        self.add_button.setEnabled(unit is not None)
        if unit is None or not self._visible:
            self.section.set_rows([])
            return
        self.section.set_rows(self._services.honours.honours(unit_id=unit.id))

    def _dialog(self, honour: HonourRow | None = None) -> HonourDialog:
        assert self.unit is not None
        honours = self._services.honours
        return HonourDialog(
            honours,
            unit_id=self.unit.id,
            types=honours.types(for_units=True),
            honour=honour,
            parent=self,
        )

    def add_honour(self) -> None:
        if self.unit is not None:
            self.dialog = open_dialog(self._dialog())

    def edit_honour(self) -> None:
        honour = self.section.selected()
        if honour is not None and self.unit is not None:
            self.dialog = open_dialog(self._dialog(honour))

    def delete_honour(self) -> None:
        honour = self.section.selected()
        if honour is None:
            return
        question = self.tr("Delete the honour “{title}” ({year})?").format(
            title=honour.title, year=honour.year or ""
        )
        title = self.tr("Delete honour")
        if not msgbox.confirm(self, title, question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.honours.delete(honour.id, expected_version=honour.version)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.TALENT)
