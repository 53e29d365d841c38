"""成绩: an event's results — ranking, component scores, awards and titles, what is still
missing, teams and a meet's unit standings, appeals — and publishing, exports, the
judges' analysis and granting titles."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.scoring.results_read import EventResultsView, ResultRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui import scoring_labels as sl
from skillsapp.ui.dialogs.drilldown_dialog import DrilldownDialog
from skillsapp.ui.models.results_table_models import (
    MissingMarkTableModel,
    ResultTableModel,
    TeamTableModel,
    UnitStandingTableModel,
)
from skillsapp.ui.pages.competition_tab import CompetitionTab
from skillsapp.ui.pages.scoring.appeals_panel import AppealsPanel
from skillsapp.ui.pages.scoring.results_actions import ResultsActions
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.tables import table_view

RESULT_WIDTHS = (70, 80, 90, 200)
SCORED = frozenset(
    {
        CompetitionStatus.SCORING,
        CompetitionStatus.REVIEW,
        CompetitionStatus.FINAL,
        CompetitionStatus.ARCHIVED,
    }
)


class ResultsTab(CompetitionTab):
    """Sub-tabs by name: ranking, missing, teams, units, appeals."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._organizer = services.actor.can(Permission.MANAGE_COMPETITIONS)
        self.view: EventResultsView | None = None
        self._units_loaded = False
        self.drilldown_dialog: DrilldownDialog | None = None
        self.actions = ResultsActions(services, self)
        self._build_ui()
        self._connect_signals()
        self._watch({signals.MARKS, signals.RESULTS, signals.APPEALS})

    def _build_ui(self) -> None:
        self.event = QComboBox()
        self.event.setMinimumContentsLength(12)
        self.standardised = QCheckBox(self.tr("Standardised score"))
        self.standardised.setToolTip(
            self.tr("WorldSkills-style scores centred on 700; never the official total.")
        )
        self.publish_button = QPushButton(self.tr("Publish for review…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.analysis_button = QPushButton(self.tr("Judges' analysis…"))
        self.titles_button = QPushButton(self.tr("Grant titles…"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Event")))
        bar.addWidget(self.event)
        bar.addWidget(self.standardised)
        bar.addStretch(1)
        for button in self._buttons():
            bar.addWidget(button)
        self.provisional = self._banner(sl.BANNER_STYLE)
        self.too_small = self._banner(sl.BANNER_STYLE)
        self.hidden_names = self._banner(sl.BANNER_STYLE)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._build_tables()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        for banner in (self.provisional, self.too_small, self.hidden_names):
            layout.addWidget(banner)
        layout.addWidget(self.tabs, 1)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.publish_button,
            self.pdf_button,
            self.xlsx_button,
            self.analysis_button,
            self.titles_button,
        )

    @staticmethod
    def _banner(style: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.hide()
        return label

    def _build_tables(self) -> None:
        self.model = ResultTableModel(self)
        self.table = table_view(self.model, RESULT_WIDTHS, stretch=3)
        self.table.setToolTip(self.tr("Double-click a contestant for every judge's mark."))
        self.missing_model = MissingMarkTableModel(self)
        self.missing_table = table_view(self.missing_model, (90, 100, 220), stretch=3)
        self.team_model = TeamTableModel(self)
        self.team_table = table_view(self.team_model, (60, 220, 100), stretch=3)
        self.unit_model = UnitStandingTableModel(self)
        self.unit_table = table_view(self.unit_model, (60, 260, 100), stretch=3)
        self.appeals = AppealsPanel(self._services)
        self.tab_widgets: dict[str, QWidget] = {
            "ranking": self.table,
            "missing": self.missing_table,
            "teams": self.team_table,
            "units": self.unit_table,
            "appeals": self.appeals,
        }
        self._titles = {
            "ranking": self.tr("Ranking"),
            "missing": self.tr("Missing marks"),
            "teams": self.tr("Teams"),
            "units": self.tr("Unit standings"),
            "appeals": self.tr("Appeals"),
        }
        for name, widget in self.tab_widgets.items():
            self.tabs.addTab(widget, self._titles[name])

    def _connect_signals(self) -> None:
        self.event.activated.connect(self._load_event)
        self.standardised.toggled.connect(self._show_view)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.publish_button.clicked.connect(self.actions.publish)
        self.pdf_button.clicked.connect(self.actions.export_pdf)
        self.xlsx_button.clicked.connect(self.actions.export_xlsx)
        self.analysis_button.clicked.connect(self.actions.judge_analysis)
        self.titles_button.clicked.connect(self.actions.grant_titles)

    def apply_status(self) -> None:
        status = self.status
        for button in (self.publish_button, self.titles_button):
            button.setVisible(self._organizer)
        self.publish_button.setEnabled(
            status in (CompetitionStatus.SCORING, CompetitionStatus.REVIEW)
        )
        self.titles_button.setEnabled(status is CompetitionStatus.FINAL)
        for button in (self.pdf_button, self.xlsx_button, self.analysis_button):
            button.setEnabled(status in SCORED)

    def refresh(self) -> None:
        current = self.event.currentData()
        self.event.clear()
        for event in self._services.events.events(self.competition_id):
            self.event.addItem(event.name, event.id)
        self.event.setCurrentIndex(max(self.event.findData(current), 0))
        self._load_event()
        self.appeals.load(self.competition_id, self.status)
        self._units_loaded = False
        meet = self.event.count() > 1 and self.status in SCORED
        self.tabs.setTabVisible(self.tabs.indexOf(self.unit_table), meet)
        self._on_tabs_current_changed()

    def event_id(self) -> int | None:
        return self.event.currentData()

    def _load_event(self) -> None:
        event_id = self.event_id()
        self.view = None
        if event_id is not None and self.status in SCORED:
            try:
                self.view = self._services.results.event_results(event_id)
            except UserError as err:
                msgbox.user_error(self, err)
        self.appeals.rows = list(self.view.rows) if self.view else []
        self._show_view()

    def _on_tabs_current_changed(self) -> None:
        """A meet's unit standings add up every event: computed only when looked at."""
        if self.tabs.currentWidget() is self.unit_table and not self._units_loaded:
            self._units_loaded = True
            try:
                standings = self._services.results.unit_standings(self.competition_id)
            except UserError as err:
                msgbox.user_error(self, err)
                standings = []
            self.unit_model.set_rows(standings)

    def _show_view(self) -> None:
        view = self.view
        self.model.set_view(view, standardised=self.standardised.isChecked())
        self._fit_text_columns()
        self.missing_model.set_rows(view.missing if view else ())
        self.team_model.set_rows(view.teams if view else ())
        self.tabs.setTabVisible(self.tabs.indexOf(self.missing_table), bool(view and view.missing))
        self.tabs.setTabVisible(self.tabs.indexOf(self.team_table), bool(view and view.teams))
        self._show_banners(view)

    def _fit_text_columns(self) -> None:
        """Award, titles and note as wide as their text; the unit takes the rest."""
        header = self.table.horizontalHeader()
        first = 4 + len(self.view.component_names) if self.view else 4
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Interactive
            if column == 3:
                mode = QHeaderView.ResizeMode.Stretch
            elif column > first:
                mode = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    def _show_banners(self, view: EventResultsView | None) -> None:
        self.provisional.setVisible(bool(view and view.provisional))
        self.too_small.setVisible(bool(view and view.field_too_small))
        self.hidden_names.setVisible(bool(view and view.names_hidden))
        if view is None:
            return
        self.provisional.setText(
            self.tr(
                "Provisional results: {count} marks are still missing (see “Missing marks”)."
            ).format(count=len(view.missing))
        )
        self.too_small.setText(
            self.tr(
                "{entrants} contestants, fewer than the minimum field of {minimum}: "
                "such an event is normally cancelled."
            ).format(entrants=view.entrants, minimum=view.min_field)
        )
        self.hidden_names.setText(
            self.tr("Blind marking: names are shown once the chief judge has reviewed the marks.")
        )

    def selected_row(self) -> ResultRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_table_double_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_drilldown(row.registration_id)

    def open_drilldown(self, registration_id: int) -> DrilldownDialog | None:
        try:
            found = self._services.results.drilldown(registration_id)
        except UserError as err:
            msgbox.user_error(self, err)
            return None
        self.drilldown_dialog = open_dialog(DrilldownDialog(found, parent=self))
        return self.drilldown_dialog

    def show_panel(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.tab_widgets[name])
