"""Titles recommended from an event's results (技术能手, promotion to 技师 …)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from skillsapp.domain.scheme_doc import SchemeSpec
from skillsapp.domain.scoring import TitleRule
from skillsapp.ui.models.scheme_models import TitleRuleTableModel
from skillsapp.ui.widgets.scheme.buttons import RowButtons
from skillsapp.ui.widgets.tables import edit_table_view


class TitlesPanel(QWidget):
    """Emits `edited`; `tiers()` names the awards a rule may ask for."""

    edited = Signal()

    def __init__(self, tiers: Callable[[], Sequence[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._editable = True
        self._build_ui(tiers)
        self._connect_signals()

    def _build_ui(self, tiers: Callable[[], Sequence[str]]) -> None:
        self.model = TitleRuleTableModel(tiers, self)
        self.table = edit_table_view(self.model, (200, 70, 90, 80, 80, 70), stretch=6)
        self.buttons = RowButtons(self.tr("Add title"))
        hint = QLabel(
            self.tr(
                "A contestant earns a title when every condition given holds; "
                "each title needs a rank or an award."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.model.rows_edited.connect(self.edited)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.buttons.add_button.clicked.connect(self._on_add_clicked)
        self.buttons.remove_button.clicked.connect(self._on_remove_clicked)
        self.buttons.up_button.clicked.connect(lambda: self._move(-1))
        self.buttons.down_button.clicked.connect(lambda: self._move(1))

    def set_spec(self, spec: SchemeSpec) -> None:
        self.model.set_rows(spec.title_rules)
        self._update_buttons()

    def apply(self, spec: SchemeSpec) -> SchemeSpec:
        return replace(spec, title_rules=self.model.rows())

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.model.set_editable(editable)
        self._update_buttons()

    def _selected(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_buttons(self) -> None:
        self.buttons.set_state(
            editable=self._editable, row=self._selected(), count=self.model.rowCount()
        )

    def _on_add_clicked(self) -> None:
        rule = TitleRule(self.tr("Technical expert"), max_rank=1)
        at = self.model.append_row(rule)
        self.table.setCurrentIndex(self.model.index(at, 0))

    def _on_remove_clicked(self) -> None:
        if self._selected() >= 0:
            self.model.remove_row(self._selected())

    def _move(self, delta: int) -> None:
        if self._selected() >= 0:
            row = self.model.move_row(self._selected(), delta)
            self.table.setCurrentIndex(self.model.index(row, 0))
