"""申诉 on the results page: the competition's appeals, filing one, re-marking while it
is open and the ruling."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import AppealStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.scoring.appeals import APPEALS_OPEN, AppealRow
from skillsapp.services.scoring.results_read import ResultRow
from skillsapp.ui import msgbox
from skillsapp.ui.dialogs.appeal_dialogs import AppealDialog, DecideDialog, RemarkDialog
from skillsapp.ui.models.results_table_models import AppealTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.tables import table_view


class AppealsPanel(QWidget):
    """`rows`: the contestants an appeal may be filed for (the event shown)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._organizer = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self._open = False
        self.competition_id: int | None = None
        self.rows: list[ResultRow] = []
        self.dialog: QDialog | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.model = AppealTableModel(self)
        self.table = table_view(self.model, (130, 90, 80, 80, 100, 240, 80), stretch=7)
        self.file_button = QPushButton(self.tr("File an appeal…"))
        self.remark_button = QPushButton(self.tr("Re-mark…"))
        self.decide_button = QPushButton(self.tr("Ruling…"))
        bar = QHBoxLayout()
        for button in (self.file_button, self.remark_button, self.decide_button):
            button.setVisible(self._organizer)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.remark_button.clicked.connect(lambda: self._open_for(RemarkDialog))
        self.decide_button.clicked.connect(lambda: self._open_for(DecideDialog))

    def load(self, competition_id: int, status: CompetitionStatus) -> None:
        self.competition_id, self._open = competition_id, status in APPEALS_OPEN
        keep = self.selected()
        try:
            appeals = self._services.appeals.appeals(competition_id)
        except UserError:
            appeals = []
        self.model.set_rows(appeals)
        row = self.model.index_of(keep.id) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> AppealRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        appeal = self.selected()
        pending = self._open and appeal is not None and appeal.status is AppealStatus.OPEN
        self.file_button.setEnabled(self._open)
        self.remark_button.setEnabled(pending)
        self.decide_button.setEnabled(pending)

    def _on_file_button_clicked(self) -> None:
        if not self.rows:
            msgbox.info(self, self.tr("File an appeal"), self.tr("The event has no results yet."))
            return
        self.dialog = open_dialog(AppealDialog(self._services, self.rows, parent=self))

    def _open_for(self, kind: Callable[..., QDialog]) -> None:
        appeal = self.selected()
        if appeal is not None:
            self.dialog = open_dialog(kind(self._services, appeal, parent=self))
