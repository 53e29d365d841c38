"""赛事: the list of competitions, and one competition opened from it (with a way back)."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.ui.pages.competition_list import CompetitionListWidget

SCORED = frozenset({CompetitionStatus.SCORING, CompetitionStatus.REVIEW, CompetitionStatus.FINAL})


class CompetitionsPage(QWidget):
    """The list first; `open_competition` shows one (its view is built on first use)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.view = None  # CompetitionView, imported when first needed
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.list = CompetitionListWidget(self._services)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _connect_signals(self) -> None:
        self.list.open_requested.connect(self.open_competition)

    def open_competition(self, competition_id: int, tab: str = "") -> None:
        if self.view is None:
            from skillsapp.ui.pages.competition_view import CompetitionView

            self.view = CompetitionView(self._services)
            self.view.back_requested.connect(self.show_list)
            self.stack.addWidget(self.view)
        self.view.open(competition_id)
        if tab:
            self.view.show_tab(tab)
        self.stack.setCurrentWidget(self.view)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)

    def show_tab(self, name: str) -> None:
        """A named view: "" the list; a tab name opens the competition with the most to
        show there (the drawn one for "draw", one with marks for "scoring" and "results")."""
        if not name:
            self.show_list()
            return
        self.list.refresh()
        rows = self.list.rows()
        if not rows:
            return
        if name == "draw":
            best = max(rows, key=lambda r: (r.draw_seed is not None, r.registration_count))
        elif name in ("scoring", "results"):
            best = max(rows, key=lambda r: (r.status in SCORED, r.registration_count))
        else:
            best = max(rows, key=lambda r: (r.registration_count, r.event_count))
        self.open_competition(best.id, name)
