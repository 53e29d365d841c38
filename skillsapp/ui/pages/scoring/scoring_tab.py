"""评分 on the competition page: per event, all judges' marks side by side (organizers),
the paper score sheets (clerks and organizers) and the re-check (organizers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.services.competitions.events import EventRow
from skillsapp.services.scoring.marking import MARKS_OPEN
from skillsapp.services.scoring.recheck import RECHECK_OPEN
from skillsapp.ui.models.competition_table_models import EventTableModel
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.pages.scoring.chief_panel import ChiefPanel
from skillsapp.ui.pages.scoring.paper_panel import PaperPanel
from skillsapp.ui.pages.scoring.recheck_panel import RecheckPanel
from skillsapp.ui.widgets.tables import table_view


class ScoringTab(CompetitionTab):
    """Sub-tabs by name: panel, paper, recheck — each only for those who may use it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        actor = services.actor
        self._organizer = actor.can(Permission.MANAGE_COMPETITIONS)
        self._clerk = actor.can(Permission.KEY_SHEETS)
        self._build_ui()
        self._connect_signals()
        self._watch()

    def _build_ui(self) -> None:
        self.events_model = EventTableModel("judges", self)
        self.events_table = table_view(self.events_model, stretch=0, fit=(1,))
        self.panels: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        if self._organizer:
            self.panels["panel"] = ChiefPanel(self._services)
            self.tabs.addTab(self.panels["panel"], self.tr("All judges' marks"))
        if self._clerk:
            self.panels["paper"] = PaperPanel(self._services)
            self.tabs.addTab(self.panels["paper"], self.tr("Paper sheets"))
        if self._organizer:
            self.panels["recheck"] = RecheckPanel(self._services)
            self.tabs.addTab(self.panels["recheck"], self.tr("Re-check"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.events_table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([240, 1000])
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        selection = self.events_table.selectionModel()
        selection.selectionChanged.connect(self._on_events_selection_changed)

    def refresh(self) -> None:
        keep = self.selected_event()
        self.events_model.set_rows(self._services.events.events(self.competition_id))
        row = self.events_model.index_of(keep.id) if keep else -1
        self.events_table.selectRow(max(row, 0))
        self._load_event()

    def selected_event(self) -> EventRow | None:
        rows = self.events_table.selectionModel().selectedRows()
        return self.events_model.row_at(rows[0].row()) if rows else None

    def _on_events_selection_changed(self) -> None:
        self._load_event()

    def _load_event(self) -> None:
        event = self.selected_event()
        event_id = event.id if event else None
        marks_open = self.status in MARKS_OPEN
        if "panel" in self.panels:
            self.panels["panel"].load(event_id, chief=False, open_for_marks=marks_open)
        if "paper" in self.panels:
            self.panels["paper"].load(
                event_id, competition_id=self.competition_id, open_for_marks=marks_open
            )
        if "recheck" in self.panels:
            self.panels["recheck"].load(event_id, open_for_checks=self.status in RECHECK_OPEN)

    def show_panel(self, name: str) -> None:
        if name in self.panels:
            self.tabs.setCurrentWidget(self.panels[name])
