"""项目与评分标准: the events on the left, the selected event's scheme on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.competitions import SETUP_OPEN
from skillsapp.services.competitions.events import EventRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.event_dialog import EventDialog
from skillsapp.ui.models.competition_table_models import EventTableModel
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.scheme.scheme_editor import SchemeEditor
from skillsapp.ui.widgets.tables import table_view


class EventsTab(CompetitionTab):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._manager = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self._shown_event: int | None = None
        self._build_ui()
        self._connect_signals()
        self._watch()

    def _build_ui(self) -> None:
        self.model = EventTableModel(parent=self)
        self.table = table_view(self.model, stretch=0, fit=(1, 2))
        self.add_button = QPushButton(self.tr("Add event…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b7a;")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self._manager)
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.hint)
        self.editor = SchemeEditor(self._services)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_edit_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def editable(self) -> bool:
        return self._manager and self.status in SETUP_OPEN

    def apply_status(self) -> None:
        self.add_button.setEnabled(self.editable())
        self.hint.setText(
            ""
            if self.editable() or not self._manager
            else self.tr("Events and schemes are fixed once the competition has started.")
        )
        self.editor.set_editable(self.editable())
        self._update_buttons()

    def refresh(self) -> None:
        keep = self.selected_event()
        self.model.set_rows(self._services.events.events(self.competition_id))
        row = self.model.index_of(keep.id) if keep else -1
        self.table.selectRow(row if row >= 0 else 0)
        if self.model.rowCount() == 0:
            self._show_event(None)

    def selected_event(self) -> EventRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_event(self, event_id: int) -> None:
        self.table.selectRow(self.model.index_of(event_id))

    def _on_selection_changed(self) -> None:
        event = self.selected_event()
        self._update_buttons()
        if event is None:
            return
        if event.id == self._shown_event:
            self.editor.reload_if_unchanged()
            return
        if not self.editor.confirm_discard():  # stay on the event being edited
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.select_event(self._shown_event or event.id)
            selection.blockSignals(False)
            return
        self._show_event(event)

    def _show_event(self, event: EventRow | None) -> None:
        self._shown_event = event.id if event else None
        name = event.name if event else ""
        self.editor.load(self._shown_event, name, editable=self.editable())

    def _update_buttons(self) -> None:
        event = self.selected_event()
        self.edit_button.setEnabled(self.editable() and event is not None)
        self.delete_button.setEnabled(
            self.editable() and event is not None and event.registrations == 0
        )

    def event_dialog(self, event_id: int | None = None) -> EventDialog:
        return EventDialog(
            self._services.events,
            competition_id=self.competition_id,
            units=self._services.units.units(),
            detail=self._services.events.event(event_id) if event_id else None,
            parent=self,
        )

    def _on_add_button_clicked(self) -> None:
        dialog = self.event_dialog()
        dialog.accepted.connect(lambda: self._on_event_dialog_accepted(dialog))
        open_dialog(dialog)

    def _on_event_dialog_accepted(self, dialog: EventDialog) -> None:
        if dialog.saved is not None:
            self.select_event(dialog.saved.id)

    def _on_edit_button_clicked(self) -> None:
        event = self.selected_event()
        if event is not None and self.editable():
            open_dialog(self.event_dialog(event.id))

    def _on_delete_button_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        question = self.tr("Delete the event {name} and its scoring scheme?").format(
            name=event.name
        )
        if not msgbox.confirm(self, self.tr("Delete event"), question, ok_text=self.tr("Delete")):
            return
        try:
            self._services.events.delete(event.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        self._shown_event = None
        signals.announce(signals.EVENTS)
