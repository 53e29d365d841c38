"""Components (理论, 实操 …) with their weights, and the criteria of the selected one."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec
from skillsapp.ui.formatting import decimal_text
from skillsapp.ui.models.scheme_models import HUNDRED, ComponentTableModel, CriterionTableModel
from skillsapp.ui.widgets.scheme.buttons import RowButtons
from skillsapp.ui.widgets.tables import edit_table_view

GOOD, BAD = "#2e7d32", "#c62828"
HEADING = "font-weight: 600; color: #23344d;"


def _unique(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _selected_row(table: QTableView) -> int:
    index = table.currentIndex()
    return index.row() if index.isValid() else -1


class ComponentsPanel(QWidget):
    """Emits `edited` after any change; `components()` is what the tables say now."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = True
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.component_model = ComponentTableModel(self)
        self.component_table = edit_table_view(self.component_model, (140, 90, 80, 120, 70))
        self.component_buttons = RowButtons(self.tr("Add component"))
        self.weight_label = QLabel()
        self.weight_label.setObjectName("weightTotal")
        self.component_buttons.add_trailing(self.weight_label)
        self.criteria_heading = QLabel()
        self.criteria_heading.setStyleSheet(HEADING)
        self.criterion_model = CriterionTableModel(self)
        widths = (50, 130, 50, 60, 110, 50, 60, 150)
        self.criterion_table = edit_table_view(self.criterion_model, widths)
        self.criterion_buttons = RowButtons(self.tr("Add criterion"))
        self.marks_label = QLabel()
        self.criterion_buttons.add_trailing(self.marks_label)
        top, bottom = QWidget(), QWidget()
        heading = QLabel(self.tr("Components and weights"))
        heading.setStyleSheet(HEADING)
        for box, widgets in (
            (top, (heading, self.component_table, self.component_buttons)),
            (bottom, (self.criteria_heading, self.criterion_table, self.criterion_buttons)),
        ):
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 4)
            for widget in widgets:
                layout.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([190, 360])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.component_model.rows_edited.connect(self._on_component_model_rows_edited)
        self.criterion_model.rows_edited.connect(self._on_criterion_model_rows_edited)
        selection = self.component_table.selectionModel()
        selection.currentRowChanged.connect(self._on_component_current_row_changed)
        self.criterion_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        buttons = self.component_buttons
        buttons.add_button.clicked.connect(self._on_add_component_clicked)
        buttons.remove_button.clicked.connect(self._on_remove_component_clicked)
        buttons.up_button.clicked.connect(lambda: self._move_component(-1))
        buttons.down_button.clicked.connect(lambda: self._move_component(1))
        buttons = self.criterion_buttons
        buttons.add_button.clicked.connect(self._on_add_criterion_clicked)
        buttons.remove_button.clicked.connect(self._on_remove_criterion_clicked)
        buttons.up_button.clicked.connect(lambda: self._move_criterion(-1))
        buttons.down_button.clicked.connect(lambda: self._move_criterion(1))

    # -- state

    def set_components(self, components: tuple[ComponentSpec, ...]) -> None:
        self.component_model.set_rows(components)
        self._select_component(0 if components else -1)
        self._update_totals()

    def components(self) -> tuple[ComponentSpec, ...]:
        return self.component_model.rows()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.component_model.set_editable(editable)
        self.criterion_model.set_editable(editable)
        self._update_buttons()

    def current_component(self) -> int:
        return _selected_row(self.component_table)

    def _select_component(self, row: int) -> None:
        if row < 0:
            self._show_criteria(-1)
            return
        self.component_table.setCurrentIndex(self.component_model.index(row, 0))
        self._show_criteria(row)

    def _show_criteria(self, row: int) -> None:
        components = self.components()
        criteria = components[row].criteria if 0 <= row < len(components) else ()
        self.criterion_model.set_rows(criteria)
        name = components[row].name if 0 <= row < len(components) else ""
        self.criteria_heading.setText(self.tr("Criteria of {component}").format(component=name))
        self._update_totals()

    def _update_totals(self) -> None:
        total = sum((c.weight for c in self.components()), Decimal(0))
        self.weight_label.setText(
            self.tr("Weights in total: {total} %").format(total=decimal_text(total))
        )
        color = GOOD if total == HUNDRED else BAD
        self.weight_label.setStyleSheet(f"color: {color}; font-weight: 600;")
        marks = sum((c.max_mark for c in self.criterion_model.rows()), Decimal(0))
        self.marks_label.setText(
            self.tr("Marks in total: {total}").format(total=decimal_text(marks))
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.component_buttons.set_state(
            editable=self._editable,
            row=self.current_component(),
            count=self.component_model.rowCount(),
        )
        self.criterion_buttons.set_state(
            editable=self._editable and self.current_component() >= 0,
            row=_selected_row(self.criterion_table),
            count=self.criterion_model.rowCount(),
        )

    # -- edits

    def _on_component_model_rows_edited(self) -> None:
        self._show_criteria(self.current_component())
        self.edited.emit()

    def _on_criterion_model_rows_edited(self) -> None:
        row = self.current_component()
        if row < 0:
            return
        changed = replace(self.components()[row], criteria=self.criterion_model.rows())
        self.component_model.replace_row(row, changed)
        self._update_totals()
        self.edited.emit()

    def _on_component_current_row_changed(self) -> None:
        self._show_criteria(self.current_component())

    def _criterion_keys(self) -> set[str]:
        return {x.key for c in self.components() for x in c.criteria}

    def _on_add_component_clicked(self) -> None:
        key = _unique("C", {c.key for c in self.components()})
        criterion = CriterionSpec(
            _unique(key, self._criterion_keys()), self.tr("New criterion"), HUNDRED
        )
        component = ComponentSpec(key, self.tr("New component"), Decimal(0), (criterion,))
        self._select_component(self.component_model.append_row(component))

    def _on_remove_component_clicked(self) -> None:
        row = self.current_component()
        if row >= 0:
            self.component_model.remove_row(row)
            self._select_component(min(row, self.component_model.rowCount() - 1))

    def _move_component(self, delta: int) -> None:
        row = self.component_model.move_row(self.current_component(), delta)
        self._select_component(row)

    def _on_add_criterion_clicked(self) -> None:
        row = self.current_component()
        if row < 0:
            return
        component = self.components()[row]
        prefix = (component.key[:1] or "K").upper()
        left = HUNDRED - sum((x.max_mark for x in component.criteria), Decimal(0))
        criterion = CriterionSpec(
            _unique(prefix, self._criterion_keys()),
            self.tr("New criterion"),
            left if left > 0 else Decimal(10),
        )
        at = self.criterion_model.append_row(criterion)
        self.criterion_table.setCurrentIndex(self.criterion_model.index(at, 1))

    def _on_remove_criterion_clicked(self) -> None:
        row = _selected_row(self.criterion_table)
        if row >= 0:
            self.criterion_model.remove_row(row)

    def _move_criterion(self, delta: int) -> None:
        row = self.criterion_model.move_row(_selected_row(self.criterion_table), delta)
        self.criterion_table.setCurrentIndex(self.criterion_model.index(row, 0))
