"""抽签: every event's draw state, the draw with a seed, and the numbers it gave out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.draw import DRAW_OPEN, SEED_LIMIT, DrawResult
from skillsapp.services.competitions.events import EventRow
from skillsapp.services.competitions.registrations import RegistrationQuery
from skillsapp.ui import msgbox, signals
from skillsapp.ui.formatting import local_time
from skillsapp.ui.models.competition_table_models import EventTableModel
from skillsapp.ui.models.registration_table_model import DRAW_KEYS, RegistrationTableModel
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.widgets.tables import table_view

SEED_STYLE = (
    "font-size: 13pt; font-weight: 600; color: #1f4e8c; background: #eef4fb;"
    " border: 1px solid #c9dcf2; border-radius: 6px; padding: 8px 12px;"
)


class DrawTab(CompetitionTab):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._manager = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self.last_result: DrawResult | None = None
        self._result_of: int | None = None  # the competition last_result belongs to
        self._build_ui()
        self._connect_signals()
        self._watch()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._toolbar())
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(self.hint)
        self.seed_label = QLabel()
        self.seed_label.setStyleSheet(SEED_STYLE)
        self.seed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.seed_label)
        layout.addWidget(self._tables(), 1)

    def _toolbar(self) -> QHBoxLayout:
        self.seed = QLineEdit()
        self.seed.setValidator(QIntValidator(0, SEED_LIMIT - 1, self.seed))
        self.seed.setPlaceholderText(self.tr("Empty: a random seed"))
        self.seed.setMaximumWidth(200)
        self.draw_button = QPushButton(self.tr("Draw all events"))
        self.redraw_button = QPushButton(self.tr("Draw the selected event again"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Seed")))
        bar.addWidget(self.seed)
        bar.addWidget(self.draw_button)
        bar.addWidget(self.redraw_button)
        bar.addStretch(1)
        return bar

    def _tables(self) -> QSplitter:
        """The events' draw state, and the drawn entries of the selected event."""
        self.events_model = EventTableModel("draw", self)
        self.events_table = table_view(self.events_model, stretch=0, fit=(1, 2, 3))
        self.entries_model = RegistrationTableModel(
            self._services.registrations.page, DRAW_KEYS, self
        )
        self.entries_table = table_view(self.entries_model, (60, 80, 90, 100))
        self.entries_label = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.entries_label)
        right_layout.addWidget(self.entries_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.events_table)
        splitter.addWidget(right)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _connect_signals(self) -> None:
        selection = self.events_table.selectionModel()
        selection.selectionChanged.connect(self._on_events_selection_changed)
        self.draw_button.clicked.connect(self._on_draw_button_clicked)
        self.redraw_button.clicked.connect(self._on_redraw_button_clicked)
        self.entries_model.total_changed.connect(self._on_entries_total_changed)

    def editable(self) -> bool:
        return self._manager and self.status in DRAW_OPEN

    def apply_status(self) -> None:
        for widget in (self.seed, self.draw_button):
            widget.setVisible(self._manager)
            widget.setEnabled(self.editable())
        self.redraw_button.setVisible(self._manager)
        hint = ""
        if self._manager and not self.editable():
            hint = self.tr("The draw is made while registration is open.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._show_seed()
        self._update_buttons()

    def refresh(self) -> None:
        keep = self.selected_event()
        self.events_model.set_rows(self._services.events.events(self.competition_id))
        row = self.events_model.index_of(keep.id) if keep else -1
        self.events_table.selectRow(max(row, 0))
        self._show_seed()

    def selected_event(self) -> EventRow | None:
        rows = self.events_table.selectionModel().selectedRows()
        return self.events_model.row_at(rows[0].row()) if rows else None

    def _on_events_selection_changed(self) -> None:
        event = self.selected_event()
        query = RegistrationQuery(self.competition_id, event_id=event.id) if event else None
        self.entries_model.set_query(query)
        self._update_buttons()

    def _on_entries_total_changed(self, total: int) -> None:
        event = self.selected_event()
        text = self.tr("{event}: {count} entries").format(event=event.name, count=total)
        self.entries_label.setText(text if event else "")

    def _update_buttons(self) -> None:
        event = self.selected_event()
        self.redraw_button.setEnabled(self.editable() and event is not None)

    def _show_seed(self) -> None:
        if self.detail is None:
            return
        if self._result_of != self.detail.row.id:
            self.last_result = None
        seed = self.detail.row.draw_seed
        if self.last_result is not None:
            seed = self.last_result.seed
        if seed is None:
            self.seed_label.setText(self.tr("Not drawn yet."))
            return
        text = self.tr("Draw seed: {seed}. Anyone can repeat the draw with this seed.")
        when = ""
        if self.last_result is not None:
            when = self.tr(" (drawn {time})").format(time=local_time(self.last_result.drawn_at))
        self.seed_label.setText(text.format(seed=seed) + when)

    def seed_value(self) -> int | None:
        text = self.seed.text().strip()
        return int(text) if text else None

    def _on_draw_button_clicked(self) -> None:
        if self.detail is not None and self.detail.row.draw_seed is not None:
            question = self.tr("Draw again? Every number and blind code changes.")
            if not msgbox.confirm(self, self.tr("Draw"), question, ok_text=self.tr("Draw")):
                return
        self._draw(lambda: self._services.draw.draw(self.competition_id, seed=self.seed_value()))

    def _on_redraw_button_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        question = self.tr("Draw {event} again? Its numbers and blind codes change.").format(
            event=event.name
        )
        if not msgbox.confirm(self, self.tr("Draw"), question, ok_text=self.tr("Draw")):
            return
        self._draw(lambda: self._services.draw.draw_event(event.id, seed=self.seed_value()))

    def _draw(self, draw: Callable[[], DrawResult]) -> None:
        try:
            self.last_result = draw()
            self._result_of = self.competition_id
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.COMPETITIONS, signals.REGISTRATIONS)
