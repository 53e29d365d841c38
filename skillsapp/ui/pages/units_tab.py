"""The unit tree with person counts; add, edit and delete units; the selected unit's
honours below the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.units import UnitRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.unit_dialog import UnitDialog
from skillsapp.ui.models.unit_tree_model import UnitTreeModel
from skillsapp.ui.pages.unit_honours_panel import UnitHonoursPanel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange

COLUMN_WIDTHS = (300, 120, 110, 70, 110)


class UnitsTab(QWidget):
    """Emits `persons_requested(unit_id)` to show a unit's persons in the registry."""

    persons_requested = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._editable = services.actor.can(Permission.EDIT_UNITS)
        self._units: list[UnitRow] = []
        self._build_ui()
        self._connect_signals()
        self.refresh()
        RefreshOnChange(self, self.refresh, {signals.PERSONS, signals.UNITS, signals.TALENT})

    def _build_ui(self) -> None:
        self.model = UnitTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        for column, width in enumerate(COLUMN_WIDTHS):
            self.tree.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("Add unit…"))
        self.add_child_button = QPushButton(self.tr("Add sub-unit…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.persons_button = QPushButton(self.tr("Show persons"))
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.add_child_button,
            self.edit_button,
            self.delete_button,
        ):
            button.setVisible(self._editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.persons_button)
        self.honours = UnitHonoursPanel(self._services)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.honours)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.tree.doubleClicked.connect(self._on_tree_double_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.add_child_button.clicked.connect(self._on_add_child_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.persons_button.clicked.connect(self._on_persons_button_clicked)

    def refresh(self) -> None:
        selected = self.selected_unit()
        self._units = self._services.units.units()
        self.model.set_units(self._units)
        self.tree.expandAll()
        if selected is not None:
            self.select_unit(selected.id)
        self._on_selection_changed()

    def select_unit(self, unit_id: int) -> None:
        index = self.model.index_of(unit_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def selected_unit(self) -> UnitRow | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.unit_at(rows[0]) if rows else None

    def _on_selection_changed(self) -> None:
        unit = self.selected_unit()
        self.honours.set_unit(unit)
        selected = unit is not None
        for button in (self.add_child_button, self.edit_button, self.delete_button):
            button.setEnabled(selected)
        self.persons_button.setEnabled(selected)

    def unit_dialog(self, *, unit: UnitRow | None = None, parent_id: int | None = None):
        return UnitDialog(
            self._services.units, units=self._units, unit=unit, parent_id=parent_id, parent=self
        )

    def _on_add_button_clicked(self) -> None:
        open_dialog(self.unit_dialog())

    def _on_add_child_button_clicked(self) -> None:
        unit = self.selected_unit()
        open_dialog(self.unit_dialog(parent_id=unit.id if unit else None))

    def _on_edit_button_clicked(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            open_dialog(self.unit_dialog(unit=unit))

    def _on_tree_double_clicked(self) -> None:
        if self._editable:
            self._on_edit_button_clicked()
        else:
            self._on_persons_button_clicked()

    def _on_delete_button_clicked(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        question = self.tr("Delete the unit {name}?").format(name=unit.name)
        if not msgbox.confirm(self, self.tr("Delete unit"), question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.units.delete_unit(unit.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.UNITS)

    def _on_persons_button_clicked(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self.persons_requested.emit(unit.id)
