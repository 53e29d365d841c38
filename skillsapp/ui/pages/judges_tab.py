"""裁判: per event, the judges and the chief judge, and who must keep apart (回避)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.events import EventRow
from skillsapp.services.competitions.judges import JUDGES_OPEN, ConflictRow, JudgeRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.judge_pick_dialog import JudgePickDialog
from skillsapp.ui.models.competition_table_models import EventTableModel
from skillsapp.ui.models.judge_table_models import ConflictTableModel, JudgeTableModel
from skillsapp.ui.models.list_model import ListTableModel
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.tables import table_view

T = TypeVar("T")


def _selected(table: QTableView, model: ListTableModel[T]) -> T | None:
    rows = table.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


class JudgesTab(CompetitionTab):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._manager = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self.pick_dialog: JudgePickDialog | None = None
        self._build_ui()
        self._connect_signals()
        self._watch({signals.USERS, signals.PERSONS})

    def _build_ui(self) -> None:
        self.events_model = EventTableModel("judges", self)
        self.events_table = table_view(self.events_model, stretch=0, fit=(1,))
        self.judge_model = JudgeTableModel(self)
        self.judge_table = table_view(self.judge_model, (120, 100, 200))
        self.add_button = QPushButton(self.tr("Add judge…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.chief_button = QPushButton(self.tr("Make chief judge"))
        self.conflict_model = ConflictTableModel(self)
        self.conflict_table = table_view(self.conflict_model, (110, 110, 70, 200, 90))
        self.block_button = QPushButton(self.tr("Keep apart"))
        self.unblock_button = QPushButton(self.tr("Allow"))
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6b7a;")
        judges = self._box(
            self.tr("Judges"),
            self.judge_table,
            (self.add_button, self.remove_button, self.chief_button),
        )
        conflicts = self._box(
            self.tr("Judges and contestants of the same unit"),
            self.conflict_table,
            (self.block_button, self.unblock_button),
        )
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(judges)
        right.addWidget(conflicts)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.events_table)
        splitter.addWidget(right)
        splitter.setSizes([260, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)

    def _box(self, title: str, table: QWidget, buttons: tuple[QPushButton, ...]) -> QGroupBox:
        box = QGroupBox(title)
        row = QHBoxLayout()
        for button in buttons:
            button.setVisible(self._manager)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addLayout(row)
        return box

    def _connect_signals(self) -> None:
        selection = self.events_table.selectionModel()
        selection.selectionChanged.connect(self._on_events_selection_changed)
        self.judge_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.conflict_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.chief_button.clicked.connect(self._on_chief_button_clicked)
        self.block_button.clicked.connect(lambda: self._set_blocked(True))
        self.unblock_button.clicked.connect(lambda: self._set_blocked(False))

    def editable(self) -> bool:
        return self._manager and self.status in JUDGES_OPEN

    def apply_status(self) -> None:
        hint = ""
        if self._manager and not self.editable():
            hint = self.tr("Judges can change until the competition ends.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._update_buttons()

    def refresh(self) -> None:
        keep = self.selected_event()
        self.events_model.set_rows(self._services.events.events(self.competition_id))
        row = self.events_model.index_of(keep.id) if keep else -1
        self.events_table.selectRow(max(row, 0))
        self._load_event()

    def selected_event(self) -> EventRow | None:
        return _selected(self.events_table, self.events_model)

    def selected_judge(self) -> JudgeRow | None:
        return _selected(self.judge_table, self.judge_model)

    def selected_conflict(self) -> ConflictRow | None:
        return _selected(self.conflict_table, self.conflict_model)

    def _on_events_selection_changed(self) -> None:
        self._load_event()

    def _load_event(self) -> None:
        event = self.selected_event()
        judges = self._services.judges
        self.judge_model.set_rows(judges.judges(event.id) if event else [])
        self.conflict_model.set_rows(judges.conflicts(event.id) if event else [])
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable, judge = self.editable(), self.selected_judge()
        conflict = self.selected_conflict()
        self.add_button.setEnabled(editable and self.selected_event() is not None)
        self.remove_button.setEnabled(editable and judge is not None)
        self.chief_button.setEnabled(editable and judge is not None and not judge.chief)
        self.block_button.setEnabled(editable and conflict is not None and not conflict.blocked)
        self.unblock_button.setEnabled(editable and conflict is not None and conflict.blocked)

    def _change(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserError as err:
            msgbox.user_error(self, err)
            return False
        signals.announce(signals.EVENTS)
        self._load_event()
        return True

    def _on_add_button_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        assigned = {j.user_id for j in self.judge_model.rows()}
        accounts = [a for a in self._services.judges.judge_accounts() if a.user_id not in assigned]
        dialog = JudgePickDialog(accounts, event=event.name, parent=self)
        dialog.chosen.connect(
            lambda user_id, chief: self._change(
                lambda: self._services.judges.assign(event.id, user_id, chief=chief)
            )
        )
        self.pick_dialog = open_dialog(dialog)

    def _on_remove_button_clicked(self) -> None:
        event, judge = self.selected_event(), self.selected_judge()
        if event is None or judge is None:
            return
        question = self.tr("Remove {name} from the judges of {event}?").format(
            name=judge.name, event=event.name
        )
        if msgbox.confirm(self, self.tr("Remove judge"), question, ok_text=self.tr("Remove")):
            self._change(lambda: self._services.judges.remove(event.id, judge.user_id))

    def _on_chief_button_clicked(self) -> None:
        event, judge = self.selected_event(), self.selected_judge()
        if event is not None and judge is not None:
            self._change(lambda: self._services.judges.set_chief(event.id, judge.user_id))

    def _set_blocked(self, blocked: bool) -> None:
        event, pair = self.selected_event(), self.selected_conflict()
        if event is None or pair is None:
            return
        judges = self._services.judges
        action = judges.block if blocked else judges.unblock
        self._change(lambda: action(event.id, pair.user_id, pair.registration_id))
