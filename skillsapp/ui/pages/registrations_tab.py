"""报名: the entries (paged from SQL), search and event filter, add, withdraw, remove, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.competitions import RegistrationStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.competitions import REGISTRATION_OPEN
from skillsapp.services.competitions.events import EventRow
from skillsapp.services.competitions.registrations import RegistrationQuery, RegistrationRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.models.registration_table_model import RegistrationTableModel
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.pages.registration_io import ENTRY_FORM_FILTER, RegistrationImportFlow
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.tables import table_view

COLUMN_WIDTHS = (70, 70, 90, 170, 220, 110, 100, 70, 70)
UNIT_COLUMN = 4
SEARCH_DELAY_MS = 150


class RegistrationsTab(CompetitionTab):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._clerk = services.actor.can(Permission.REGISTER_CONTESTANTS)
        self.import_flow = RegistrationImportFlow(services, self)
        self.reason_dialog: ReasonDialog | None = None
        self._events: list[EventRow] = []
        self._build_ui()
        self._connect_signals()
        self._watch({signals.PERSONS})

    def _build_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, ID number, unit, number or team"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.event = QComboBox()
        self.event.setMinimumContentsLength(10)
        self.add_button = QPushButton(self.tr("Add entry…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import entry forms…"))
        self.model = RegistrationTableModel(self._services.registrations.page, parent=self)
        self.table = table_view(self.model, COLUMN_WIDTHS, stretch=UNIT_COLUMN)
        self.count_label = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.event, 1)
        bar.addStretch(1)
        buttons = (self.add_button, self.withdraw_button, self.remove_button, self.import_button)
        for button in buttons:
            button.setVisible(self._clerk)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self._on_filter_changed)
        self.event.activated.connect(self._on_filter_changed)
        self.model.total_changed.connect(self._on_model_total_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def editable(self) -> bool:
        return self._clerk and self.status in REGISTRATION_OPEN

    def apply_status(self) -> None:
        self.add_button.setEnabled(self.editable())
        self.import_button.setEnabled(self.editable())
        self.import_flow.competition_id = self.competition_id
        self._update_buttons()

    def refresh(self) -> None:
        self._reload_events()
        self._on_filter_changed()

    def _reload_events(self) -> None:
        current = self.event.currentData()
        self._events = self._services.events.events(self.competition_id)
        self.event.clear()
        self.event.addItem(self.tr("All events"), None)
        for event in self._events:
            self.event.addItem(f"{event.name} ({event.registrations})", event.id)
        self.event.setCurrentIndex(max(self.event.findData(current), 0))

    def query(self) -> RegistrationQuery:
        return RegistrationQuery(
            self.competition_id, event_id=self.event.currentData(), text=self.search.text()
        )

    def _on_filter_changed(self) -> None:
        self._timer.stop()
        self.model.set_query(self.query())

    def _on_model_total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} entries").format(count=f"{total:,}"))
        self._update_buttons()

    def selected(self) -> RegistrationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        active = entry is not None and entry.status is RegistrationStatus.ACTIVE
        self.withdraw_button.setEnabled(self.editable() and active)
        self.remove_button.setEnabled(self.editable() and entry is not None and not entry.bib)

    # -- actions

    def registration_dialog(self) -> QWidget:
        from skillsapp.ui.dialogs.registration_dialog import RegistrationDialog

        return RegistrationDialog(self._services, self._events, parent=self)

    def _on_add_button_clicked(self) -> None:
        open_dialog(self.registration_dialog())

    def _on_withdraw_button_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        text = self.tr("{name} withdraws from {event}. Why?").format(
            name=entry.person_name, event=entry.event_name
        )
        dialog = ReasonDialog(self.tr("Withdraw"), text, ok_text=self.tr("Withdraw"), parent=self)
        dialog.reason_given.connect(lambda reason: self._withdraw(entry.id, reason))
        self.reason_dialog = open_dialog(dialog)

    def _withdraw(self, registration_id: int, reason: str) -> None:
        try:
            self._services.registrations.withdraw(registration_id, reason)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.REGISTRATIONS)

    def _on_remove_button_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        question = self.tr("Remove the entry of {name} for {event}?").format(
            name=entry.person_name, event=entry.event_name
        )
        if not msgbox.confirm(self, self.tr("Remove entry"), question, ok_text=self.tr("Remove")):
            return
        try:
            self._services.registrations.remove(entry.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.REGISTRATIONS)

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import entry forms"),
            "",
            self.tr("Entry forms ({patterns})").format(patterns=ENTRY_FORM_FILTER),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.import_flow.start(path)
