"""One competition: the header with its workflow, and a tab per part of the set-up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.competitions.competitions import CompetitionDetail
from skillsapp.ui import competition_labels as cl
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.pages.competition_info_tab import CompetitionInfoTab
from skillsapp.ui.pages.draw_tab import DrawTab
from skillsapp.ui.pages.events_tab import EventsTab
from skillsapp.ui.pages.judges_tab import JudgesTab
from skillsapp.ui.pages.print_tab import PrintTab
from skillsapp.ui.pages.registrations_tab import RegistrationsTab
from skillsapp.ui.pages.scoring.results_tab import ResultsTab
from skillsapp.ui.pages.scoring.scoring_tab import ScoringTab
from skillsapp.ui.widgets.competition_header import CompetitionHeader
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange


class CompetitionView(QWidget):
    """Tabs by name: info, scheme, registrations, draw, judges, print, scoring, results."""

    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.detail: CompetitionDetail | None = None
        self.reason_dialog: ReasonDialog | None = None
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(
            self, self.reload, {signals.COMPETITIONS, signals.EVENTS, signals.REGISTRATIONS}
        )

    def _build_ui(self) -> None:
        actor, services = self._services.actor, self._services
        self.header = CompetitionHeader(
            can_step=actor.can(Permission.MANAGE_COMPETITIONS),
            can_reopen=actor.can(Permission.REOPEN_COMPETITION),
        )
        self.tab_widgets: dict[str, QWidget] = {
            "info": CompetitionInfoTab(services),
            "scheme": EventsTab(services),
            "registrations": RegistrationsTab(services),
            "draw": DrawTab(services),
            "judges": JudgesTab(services),
            "print": PrintTab(services),
            "scoring": ScoringTab(services),
            "results": ResultsTab(services),
        }
        titles = {
            "info": self.tr("Basics"),
            "scheme": self.tr("Events and schemes"),
            "registrations": self.tr("Entries"),
            "draw": self.tr("Draw"),
            "judges": self.tr("Judges"),
            "print": self.tr("Printing"),
            "scoring": self.tr("Marking"),
            "results": self.tr("Results"),
        }
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name, widget in self.tab_widgets.items():
            self.tabs.addTab(widget, titles[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.header.back_requested.connect(self.back_requested)
        self.header.step_requested.connect(self._on_header_step_requested)
        self.header.reopen_requested.connect(self._on_header_reopen_requested)

    def open(self, competition_id: int) -> None:
        self.detail = self._services.competitions.competition(competition_id)
        self._show_detail()

    def reload(self) -> None:
        if self.detail is None:
            return
        try:
            self.detail = self._services.competitions.competition(self.detail.row.id)
        except UserError:  # deleted meanwhile
            self.back_requested.emit()
            return
        self._show_detail()

    def _show_detail(self) -> None:
        assert self.detail is not None
        self.header.set_detail(self.detail)
        for tab in self.tab_widgets.values():
            tab.set_competition(self.detail)

    def show_tab(self, name: str) -> None:
        if name in self.tab_widgets:
            self.tabs.setCurrentWidget(self.tab_widgets[name])

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # -- workflow

    def _on_header_step_requested(self, target: str) -> None:
        status = CompetitionStatus(target)
        assert self.detail is not None
        question = self.tr("Move {name} from “{old}” to “{new}”?").format(
            name=self.detail.row.name,
            old=cl.status(self.detail.row.status),
            new=cl.status(status),
        )
        if msgbox.confirm(self, cl.step(status), question, ok_text=cl.step(status)):
            self.set_status(status)

    def _on_header_reopen_requested(self, target: str) -> None:
        status = CompetitionStatus(target)
        text = self.tr("Move the competition back to “{status}”. Why?").format(
            status=cl.status(status)
        )
        dialog = ReasonDialog(self.tr("Move back"), text, ok_text=self.tr("Move back"), parent=self)
        dialog.reason_given.connect(lambda reason: self.set_status(status, reason=reason))
        self.reason_dialog = open_dialog(dialog)

    def set_status(self, target: CompetitionStatus, *, reason: str = "") -> bool:
        """Ask the service for the step; a refusal lists every reason."""
        assert self.detail is not None
        try:
            self._services.competitions.set_status(self.detail.row.id, target, reason=reason)
        except UserError as err:
            step = cl.step(target) if not reason else self.tr("Move back")
            msgbox.refused(self, self.tr("Not possible: {step}").format(step=step), err)
            return False
        signals.announce(signals.COMPETITIONS)
        return True
