"""评分 (judge mode): the events assigned to the signed-in judge and, for the selected
one, the mark entry grid — plus, for its chief judge, the review of all judges' marks,
the paper sheets to sign and the re-check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.services.scoring.marking import MARKS_OPEN
from skillsapp.services.scoring.marks import JudgeEventRow
from skillsapp.services.scoring.recheck import RECHECK_OPEN
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui import signals
from skillsapp.ui.models.scoring_table_models import JudgeEventTableModel
from skillsapp.ui.pages.scoring.chief_panel import ChiefPanel
from skillsapp.ui.pages.scoring.grid_panel import MarkGridPanel
from skillsapp.ui.pages.scoring.paper_panel import PaperPanel
from skillsapp.ui.pages.scoring.recheck_panel import RecheckPanel
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.tables import table_view


class MarkingPage(QWidget):
    """Tabs by name: grid, panel (chief judge), paper (chief judge), recheck (chief judge)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(
            self,
            self.refresh,
            {signals.MARKS, signals.EVENTS, signals.COMPETITIONS},
            initially=True,
        )

    def _build_ui(self) -> None:
        heading = QLabel(self.tr("My events"))
        heading.setStyleSheet("font-size: 12pt; font-weight: 600; color: #23344d;")
        self.events_model = JudgeEventTableModel(self)
        self.events_table = table_view(self.events_model, (140, 86), stretch=2)
        self.empty = QLabel(self.tr("No event has been assigned to you yet."))
        self.empty.setStyleSheet(sl.HINT_STYLE)
        self.empty.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.events_table, 1)
        left_layout.addWidget(self.empty)
        self.tab_widgets: dict[str, QWidget] = {
            "grid": MarkGridPanel(self._services),
            "panel": ChiefPanel(self._services),
            "paper": PaperPanel(self._services, signing=True),
            "recheck": RecheckPanel(self._services),
        }
        self._titles = {
            "grid": self.tr("My marks"),
            "panel": self.tr("Review (chief judge)"),
            "paper": self.tr("Paper sheets"),
            "recheck": self.tr("Re-check"),
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name, widget in self.tab_widgets.items():
            self.tabs.addTab(widget, self._titles[name])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([320, 940])
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 4)
        layout.addWidget(splitter)
        self._show_chief_tabs(False)

    def _connect_signals(self) -> None:
        selection = self.events_table.selectionModel()
        selection.selectionChanged.connect(self._on_events_selection_changed)

    def refresh(self) -> None:
        keep = self.selected_event()
        rows = self._services.marks.judge_events()
        same = [(r.event_id, r.submission, r.competition_status) for r in rows] == [
            (r.event_id, r.submission, r.competition_status) for r in self.events_model.rows()
        ]
        if same and keep is not None:
            return  # nothing the list shows has changed; the panels refresh themselves
        self.events_model.set_rows(rows)
        self.empty.setVisible(not rows)
        row = self.events_model.index_of(keep.event_id) if keep else -1
        if rows:
            self.events_table.selectRow(max(row, 0))

    def selected_event(self) -> JudgeEventRow | None:
        rows = self.events_table.selectionModel().selectedRows()
        return self.events_model.row_at(rows[0].row()) if rows else None

    def _on_events_selection_changed(self) -> None:
        event = self.selected_event()
        self._show_chief_tabs(event is not None and event.chief)
        if event is None:
            self.tab_widgets["grid"].load(None)
            return
        marks_open = event.competition_status in MARKS_OPEN
        self.tab_widgets["grid"].load(event.event_id, open_for_marks=marks_open)
        if event.chief:
            chief = self.tab_widgets
            chief["panel"].load(event.event_id, chief=True, open_for_marks=marks_open)
            chief["paper"].load(
                event.event_id, competition_id=event.competition_id, open_for_marks=marks_open
            )
            chief["recheck"].load(
                event.event_id, open_for_checks=event.competition_status in RECHECK_OPEN
            )

    def _show_chief_tabs(self, chief: bool) -> None:
        for name in ("panel", "paper", "recheck"):
            self.tabs.setTabVisible(self.tabs.indexOf(self.tab_widgets[name]), chief)

    def show_tab(self, name: str) -> None:
        if self.events_model.rowCount() == 0:
            self.refresh()
        widget = self.tab_widgets.get(name)
        if widget is not None and self.tabs.isTabVisible(self.tabs.indexOf(widget)):
            self.tabs.setCurrentWidget(widget)

    def tab_titles(self) -> list[str]:
        """The tabs shown for the selected event."""
        return [self.tabs.tabText(i) for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)]
