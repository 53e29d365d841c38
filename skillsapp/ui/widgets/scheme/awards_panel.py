"""Awards of an event: by places or shares, the tiers, a minimum total and 优胜奖."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from skillsapp.domain.scheme_doc import SchemeSpec
from skillsapp.domain.scoring import AwardMode, AwardRule, Merit, MeritMode, Tier
from skillsapp.domain.scoring.awards import MERIT_AWARD
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.models.scheme_models import TierTableModel
from skillsapp.ui.widgets.scheme.buttons import RowButtons
from skillsapp.ui.widgets.tables import edit_table_view


def _combo(table: dict) -> QComboBox:
    combo = QComboBox()
    for text, value in cl.choices(table):
        combo.addItem(text, value)
    return combo


class AwardsPanel(QWidget):
    """Emits `edited`; `apply(spec)` returns the spec with this award rule."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share_rounding = AwardRule(()).share_rounding
        self._editable = True
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.mode = _combo(cl.AWARD_MODE_NAMES)
        self.tier_model = TierTableModel(self)
        self.tier_table = edit_table_view(self.tier_model, (140, 80, 80))
        self.tier_table.setFixedHeight(122)
        self.tier_table.setMaximumWidth(460)
        self.tier_buttons = RowButtons(self.tr("Add award"))
        self.min_total = QDoubleSpinBox()
        self.min_total.setRange(0, 100)
        self.min_total.setDecimals(2)
        self.min_total.setSpecialValueText(self.tr("None"))
        self.min_total.setMaximumWidth(160)
        self.merit_on = QCheckBox(self.tr("Merit award after the tiers"))
        self.merit_name = QLineEdit()
        self.merit_name.setMinimumWidth(80)
        self.merit_name.setMaximumWidth(140)
        self.merit_mode = _combo(cl.MERIT_MODE_NAMES)
        self.merit_count = QSpinBox()
        self.merit_count.setRange(0, 999)
        merit = QHBoxLayout()
        for widget in (self.merit_on, self.merit_name, self.merit_mode, self.merit_count):
            merit.addWidget(widget)
        merit.addStretch(1)
        rule = QHBoxLayout()
        rule.addWidget(QLabel(self.tr("Awards given")))
        rule.addWidget(self.mode)
        rule.addSpacing(16)
        rule.addWidget(QLabel(self.tr("Minimum total for any award")))
        rule.addWidget(self.min_total)
        rule.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(rule)
        layout.addWidget(self.tier_table)
        layout.addWidget(self.tier_buttons)
        layout.addLayout(merit)

    def _connect_signals(self) -> None:
        self.tier_model.rows_edited.connect(self.edited)
        self.tier_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.mode.currentIndexChanged.connect(self.edited)
        self.min_total.valueChanged.connect(self.edited)
        self.merit_on.toggled.connect(self._on_merit_on_toggled)
        self.merit_name.textEdited.connect(self.edited)
        self.merit_mode.currentIndexChanged.connect(self._on_merit_mode_changed)
        self.merit_count.valueChanged.connect(self.edited)
        self.tier_buttons.add_button.clicked.connect(self._on_add_clicked)
        self.tier_buttons.remove_button.clicked.connect(self._on_remove_clicked)
        self.tier_buttons.up_button.clicked.connect(lambda: self._move(-1))
        self.tier_buttons.down_button.clicked.connect(lambda: self._move(1))

    def _controls(self) -> tuple[QWidget, ...]:
        return (self.mode, self.min_total, self.merit_on, self.merit_name, self.merit_mode,
                self.merit_count)  # fmt: skip

    def set_spec(self, spec: SchemeSpec) -> None:
        rule = spec.award_rule
        self._share_rounding = rule.share_rounding
        for widget in self._controls():
            widget.blockSignals(True)
        self.mode.setCurrentIndex(max(self.mode.findData(rule.mode.value), 0))
        self.min_total.setValue(float(rule.min_total or 0))
        merit = rule.merit or Merit(name=MERIT_AWARD)
        self.merit_on.setChecked(rule.merit is not None)
        self.merit_name.setText(merit.name)
        self.merit_mode.setCurrentIndex(max(self.merit_mode.findData(merit.mode.value), 0))
        self.merit_count.setValue(merit.count)
        for widget in self._controls():
            widget.blockSignals(False)
        self.tier_model.set_rows(rule.tiers)
        self._update_merit()

    def apply(self, spec: SchemeSpec) -> SchemeSpec:
        minimum = Decimal(str(self.min_total.value())).normalize()
        merit = None
        if self.merit_on.isChecked():
            merit = Merit(
                MeritMode(self.merit_mode.currentData()),
                self.merit_count.value(),
                self.merit_name.text().strip() or MERIT_AWARD,
            )
        rule = AwardRule(
            self.tier_model.rows(),
            AwardMode(self.mode.currentData()),
            minimum if minimum > 0 else None,
            self._share_rounding,
            merit,
        )
        return replace(spec, award_rule=rule)

    def tier_names(self) -> list[str]:
        return [t.name for t in self.tier_model.rows()]

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.tier_model.set_editable(editable)
        for widget in self._controls():
            widget.setEnabled(editable)
        self._update_merit()

    def _on_merit_on_toggled(self) -> None:
        self._update_merit()
        self.edited.emit()

    def _on_merit_mode_changed(self) -> None:
        self._update_merit()
        self.edited.emit()

    def _update_merit(self) -> None:
        editable = self._editable
        on = self.merit_on.isChecked() and editable
        self.merit_name.setEnabled(on)
        self.merit_mode.setEnabled(on)
        by_count = self.merit_mode.currentData() == MeritMode.COUNT.value
        self.merit_count.setEnabled(on and by_count)
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.tier_table.currentIndex()
        self.tier_buttons.set_state(
            editable=self._editable,
            row=index.row() if index.isValid() else -1,
            count=self.tier_model.rowCount(),
        )

    def _on_add_clicked(self) -> None:
        number = self.tier_model.rowCount() + 1
        name = self.tr("Award {number}").format(number=number)
        at = self.tier_model.append_row(Tier(name, 1, Decimal(0)))
        self.tier_table.setCurrentIndex(self.tier_model.index(at, 0))

    def _on_remove_clicked(self) -> None:
        index = self.tier_table.currentIndex()
        if index.isValid():
            self.tier_model.remove_row(index.row())

    def _move(self, delta: int) -> None:
        index = self.tier_table.currentIndex()
        if index.isValid():
            row = self.tier_model.move_row(index.row(), delta)
            self.tier_table.setCurrentIndex(self.tier_model.index(row, 0))
