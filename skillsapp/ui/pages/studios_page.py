"""创新工作室: the studios and the annual evaluation as tabs; a studio opens over them."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.ui.pages.evaluation_tab import EvaluationTab
from skillsapp.ui.pages.studio_list import StudioListWidget


class StudiosPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.view = None  # StudioView, built when a studio is first opened
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.list = StudioListWidget(self._services)
        self.evaluation = EvaluationTab(self._services)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list, self.tr("Studios"))
        self.tabs.addTab(self.evaluation, self.tr("Annual evaluation"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.stack)

    def _connect_signals(self) -> None:
        self.list.open_requested.connect(self.open_studio)

    def open_studio(self, studio_id: int, tab: str = "") -> None:
        if self.view is None:
            from skillsapp.ui.pages.studio_view import StudioView

            self.view = StudioView(self._services)
            self.view.back_requested.connect(self.show_tabs)
            self.stack.addWidget(self.view)
        self.view.open(studio_id)
        if tab:
            self.view.show_tab(tab)
        self.stack.setCurrentWidget(self.view)

    def show_tabs(self) -> None:
        self.stack.setCurrentWidget(self.tabs)

    def show_tab(self, name: str) -> None:
        """A named view: "" or "studios" the list, "evaluation", or "studio" (the studio
        with the most members)."""
        if name == "studio":
            self.list.refresh()
            rows = self.list.rows()
            if rows:
                best = max(rows, key=lambda r: (r.members, r.innovations, -r.id))
                self.open_studio(best.id)
            return
        self.show_tabs()
        self.tabs.setCurrentWidget(self.evaluation if name == "evaluation" else self.list)
