"""The competitions: a status filter and search, the table, new / open / delete."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.competitions import CompetitionRow
from skillsapp.ui import competition_labels as cl
from skillsapp.ui import msgbox, signals
from skillsapp.ui.models.competition_table_models import CompetitionTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import sorted_table_view

COLUMN_WIDTHS = (300, 70, 130, 70, 80, 170, 150, 60)
SEARCH_DELAY_MS = 150


class CompetitionListWidget(QWidget):
    """Emits `open_requested(competition_id)`."""

    open_requested = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._manager = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self.wizard = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(
            self,
            self.refresh,
            {signals.COMPETITIONS, signals.EVENTS, signals.REGISTRATIONS, signals.UNITS},
            initially=True,
        )

    def _build_ui(self) -> None:
        title = QLabel(self.tr("Competitions"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600; color: #23344d;")
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for text, value in cl.choices(cl.STATUS_NAMES):
            self.status.addItem(text, value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or code"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.new_button = QPushButton(self.tr("New competition…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.setVisible(self._manager)
        self.delete_button.setVisible(self._manager)
        self.model = CompetitionTableModel(self)
        self.table = sorted_table_view(self.model, COLUMN_WIDTHS)
        self.count_label = QLabel()
        self.empty_label = QLabel(self.tr("No competitions yet. Start with “New competition…”."))
        self.empty_label.setStyleSheet("color: #5f6b7a; padding: 8px 0;")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addStretch(1)
        for button in (self.new_button, self.open_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_open_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def refresh(self) -> None:
        selected = self.selected()
        status = self.status.currentData()
        rows = self._services.competitions.competitions(
            status=CompetitionStatus(status) if status else None, text=self.search.text()
        )
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} competitions").format(count=len(rows)))
        filtered = bool(status or self.search.text().strip())
        self.empty_label.setVisible(not rows and not filtered)
        if selected is not None:
            self.select(selected.id)
        self._on_selection_changed()

    def rows(self) -> list[CompetitionRow]:
        return self.model.rows()

    def select(self, competition_id: int) -> None:
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 0))
            if self.model.row_at(source.row()).id == competition_id:
                self.table.selectRow(row)
                return

    def selected(self) -> CompetitionRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.table.model().mapToSource(rows[0]).row())

    def _on_selection_changed(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status is CompetitionStatus.DRAFT)

    def _on_open_button_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_requested.emit(row.id)

    def _on_new_button_clicked(self) -> None:
        from skillsapp.ui.dialogs.competition_wizard import CompetitionWizard

        self.wizard = CompetitionWizard(self._services, self)
        self.wizard.accepted.connect(self._on_wizard_accepted)
        open_dialog(self.wizard)

    def _on_wizard_accepted(self) -> None:
        created = self.wizard.created if self.wizard is not None else None
        if created is not None:
            self.open_requested.emit(created.id)

    def _on_delete_button_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr("Delete the competition {name} with its events and entries?").format(
            name=row.name
        )
        title = self.tr("Delete competition")
        if not msgbox.confirm(self, title, question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.competitions.delete(row.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.COMPETITIONS)
