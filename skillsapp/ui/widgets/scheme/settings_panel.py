"""Rounding, judging thresholds, minimum field, time used, and the tie-break order."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from skillsapp.domain.scheme_doc import ComponentSpec, SchemeSpec
from skillsapp.domain.scoring import TieBreak, TieBreakKind
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.widgets.scheme.buttons import RowButtons

TIE_ROLE = Qt.ItemDataRole.UserRole + 1


def _spin(low: int, high: int, *, special: str = "", suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSpecialValueText(special)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(160)
    return spin


class SettingsPanel(QWidget):
    """Emits `edited`; `apply(spec)` returns the spec with these settings."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._components: tuple[ComponentSpec, ...] = ()
        self._editable = True
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        columns = QHBoxLayout()
        columns.addWidget(self._settings_box(), 3, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self._ties_box(), 2, Qt.AlignmentFlag.AlignTop)
        hint = QLabel(
            self.tr(
                "Equal rounded totals are compared step by step in this order; "
                "still equal: a shared rank (1, 2, 2, 4)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(hint)
        layout.addStretch(1)

    def _settings_box(self) -> QGroupBox:
        self.decimals = _spin(0, 4, suffix=self.tr(" decimals"))
        self.rounding = QComboBox()
        for text, mode in cl.choices(cl.ROUNDING_NAMES):
            self.rounding.addItem(text, mode)
        self.trim_threshold = _spin(1, 20, suffix=self.tr(" judges or more"))
        self.spread = QDoubleSpinBox()
        self.spread.setRange(0, 3)
        self.spread.setSingleStep(0.5)
        self.spread.setDecimals(1)
        self.spread.setMaximumWidth(160)
        self.min_field = _spin(0, 999, special=self.tr("No minimum"), suffix=self.tr(" entrants"))
        self.time_used = QCheckBox(self.tr("Record the time used"))
        form = QFormLayout()
        form.addRow(self.tr("Published totals"), self.decimals)
        form.addRow(self.tr("Rounding"), self.rounding)
        form.addRow(self.tr("Drop highest and lowest from"), self.trim_threshold)
        form.addRow(self.tr("WorldSkills: largest allowed spread"), self.spread)
        form.addRow(self.tr("Minimum field (warning)"), self.min_field)
        form.addRow("", self.time_used)
        settings = QGroupBox(self.tr("Marks"))
        settings.setLayout(form)
        return settings

    def _ties_box(self) -> QGroupBox:
        self.ties = QListWidget()
        self.ties.setMaximumHeight(180)
        self.tie_buttons = RowButtons(self.tr("Add…"))
        self.add_menu = QMenu(self)
        self.tie_buttons.add_button.setMenu(self.add_menu)
        ties = QGroupBox(self.tr("Tie-break order (after the rounded total)"))
        tie_layout = QVBoxLayout(ties)
        tie_layout.addWidget(self.ties)
        tie_layout.addWidget(self.tie_buttons)
        return ties

    def _connect_signals(self) -> None:
        for spin in (self.decimals, self.trim_threshold, self.min_field):
            spin.valueChanged.connect(self.edited)
        self.spread.valueChanged.connect(self.edited)
        self.rounding.currentIndexChanged.connect(self.edited)
        self.time_used.toggled.connect(self.edited)
        self.ties.currentRowChanged.connect(self._update_buttons)
        self.add_menu.aboutToShow.connect(self._on_add_menu_about_to_show)
        self.tie_buttons.remove_button.clicked.connect(self._on_remove_clicked)
        self.tie_buttons.up_button.clicked.connect(lambda: self._move(-1))
        self.tie_buttons.down_button.clicked.connect(lambda: self._move(1))

    def set_spec(self, spec: SchemeSpec) -> None:
        widgets = (self.decimals, self.rounding, self.trim_threshold, self.spread)
        for widget in (*widgets, self.min_field, self.time_used):
            widget.blockSignals(True)
        self.decimals.setValue(spec.rounding_decimals)
        if self.rounding.findData(spec.rounding_mode) < 0:
            self.rounding.addItem(spec.rounding_mode, spec.rounding_mode)
        self.rounding.setCurrentIndex(self.rounding.findData(spec.rounding_mode))
        self.trim_threshold.setValue(spec.trim_threshold)
        self.spread.setValue(float(spec.worldskills_max_spread))
        self.min_field.setValue(spec.min_field or 0)
        self.time_used.setChecked(spec.time_used)
        for widget in (*widgets, self.min_field, self.time_used):
            widget.blockSignals(False)
        self._components = spec.components
        self.set_tie_breaks(spec.tie_breaks)

    def apply(self, spec: SchemeSpec) -> SchemeSpec:
        return replace(
            spec,
            rounding_decimals=self.decimals.value(),
            rounding_mode=self.rounding.currentData(),
            trim_threshold=self.trim_threshold.value(),
            worldskills_max_spread=Decimal(str(self.spread.value())).normalize(),
            min_field=self.min_field.value() or None,
            time_used=self.time_used.isChecked(),
            tie_breaks=self.tie_breaks(),
        )

    def set_components(self, components: tuple[ComponentSpec, ...]) -> None:
        """The components changed: relabel the tie-break steps that name them."""
        self._components = components
        self.set_tie_breaks(self.tie_breaks())

    def set_editable(self, editable: bool) -> None:
        for widget in (self.decimals, self.rounding, self.trim_threshold, self.spread):
            widget.setEnabled(editable)
        self.min_field.setEnabled(editable)
        self.time_used.setEnabled(editable)
        self._editable = editable
        self._update_buttons()

    # -- tie-breaks

    def tie_breaks(self) -> tuple[TieBreak, ...]:
        return tuple(self.ties.item(i).data(TIE_ROLE) for i in range(self.ties.count()))

    def set_tie_breaks(self, ties: tuple[TieBreak, ...]) -> None:
        row = self.ties.currentRow()
        self.ties.clear()
        for tie in ties:
            item = QListWidgetItem(self._tie_text(tie))
            item.setData(TIE_ROLE, tie)
            self.ties.addItem(item)
        self.ties.setCurrentRow(min(row, self.ties.count() - 1))
        self._update_buttons()

    def _tie_text(self, tie: TieBreak) -> str:
        if tie.kind is TieBreakKind.TIME:
            if tie.descending:
                return self.tr("Time used (more is better)")
            return self.tr("Time used (less is better)")
        name = next((c.name for c in self._components if c.key == tie.component), tie.component)
        if tie.descending:
            return self.tr("{component} (higher is better)").format(component=name)
        return self.tr("{component} (lower is better)").format(component=name)

    def _on_add_menu_about_to_show(self) -> None:
        self.add_menu.clear()
        present = self.tie_breaks()
        options = [TieBreak.by_component(c.key) for c in self._components]
        options.append(TieBreak.by_time())
        for option in options:
            if any((t.kind, t.component) == (option.kind, option.component) for t in present):
                continue
            action = self.add_menu.addAction(self._tie_text(option))
            action.triggered.connect(lambda _c=False, t=option: self._add(t))

    def _add(self, tie: TieBreak) -> None:
        self.set_tie_breaks((*self.tie_breaks(), tie))
        self.ties.setCurrentRow(self.ties.count() - 1)
        self.edited.emit()

    def _on_remove_clicked(self) -> None:
        row = self.ties.currentRow()
        if row >= 0:
            ties = list(self.tie_breaks())
            del ties[row]
            self.set_tie_breaks(tuple(ties))
            self.edited.emit()

    def _move(self, delta: int) -> None:
        row, ties = self.ties.currentRow(), list(self.tie_breaks())
        target = row + delta
        if 0 <= row < len(ties) and 0 <= target < len(ties):
            ties.insert(target, ties.pop(row))
            self.set_tie_breaks(tuple(ties))
            self.ties.setCurrentRow(target)
            self.edited.emit()

    def _update_buttons(self) -> None:
        self.tie_buttons.set_state(
            editable=self._editable,
            row=self.ties.currentRow(),
            count=self.ties.count(),
        )
