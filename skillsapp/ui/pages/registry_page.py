"""人才库: persons, units and nominations as tabs; a person's profile opens over them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.pages.units_tab import UnitsTab

if TYPE_CHECKING:
    from skillsapp.services.talent.profile import PersonProfile


class RegistryPage(QWidget):
    """Emits `certificates_requested(PersonQuery, description)` to certify the persons
    of the current filter (the main window takes it to the certificates page)."""

    certificates_requested = Signal(object, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.profile = None  # ProfileView, built when first opened
        self._build_ui(services)
        self._connect_signals()

    def _build_ui(self, services: Services) -> None:
        from skillsapp.ui.pages.nominations_tab import NominationsTab

        self.persons = PersonsTab(services)
        self.units = UnitsTab(services)
        self.nominations = NominationsTab(services)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.persons, self.tr("Persons"))
        self.tabs.addTab(self.units, self.tr("Units"))
        self.tabs.addTab(self.nominations, self.tr("Honours and nominations"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.stack)

    def _connect_signals(self) -> None:
        self.units.persons_requested.connect(self._on_units_persons_requested)
        self.persons.profile_requested.connect(self.open_profile)
        self.persons.certificates_requested.connect(self.certificates_requested)

    def _on_units_persons_requested(self, unit_id: int) -> None:
        self.persons.show_unit(unit_id)
        self.tabs.setCurrentWidget(self.persons)

    def open_profile(self, person_id: int) -> None:
        """Show one person's profile over the tabs (back returns to them)."""
        if self.profile is None:
            from skillsapp.ui.pages.profile_view import ProfileView

            self.profile = ProfileView(self._services)
            self.profile.back_requested.connect(self.show_tabs)
            self.stack.addWidget(self.profile)
        self.profile.open(person_id)
        self.stack.setCurrentWidget(self.profile)

    def show_tabs(self) -> None:
        self.stack.setCurrentWidget(self.tabs)

    def show_tab(self, name: str) -> None:
        """A named view: "persons", "units", "nominations", or "profile" (the person with
        the most honours first shown in the registry)."""
        if name == "profile":
            self._open_richest_profile()
            return
        self.show_tabs()
        widgets = {"units": self.units, "nominations": self.nominations}
        self.tabs.setCurrentWidget(widgets.get(name, self.persons))

    def _open_richest_profile(self) -> None:
        """Studio leaders and the first persons: the one whose profile holds the most."""
        from skillsapp.domain.roles import Permission
        from skillsapp.services.registry.registry import PersonQuery

        services = self._services
        ids = [r.id for r in services.registry.search(PersonQuery(limit=40)).rows]
        if services.actor.can(Permission.VIEW_STUDIOS):
            ids += [s.leader_id for s in services.studios.studios() if s.leader_id]
        if not ids:
            return
        profiles = [services.profile.profile(key) for key in dict.fromkeys(ids)]
        best = max(profiles, key=_richness)
        self.open_profile(best.id)


def _richness(p: PersonProfile) -> tuple[int, int]:
    """How much a profile shows: every kind of record present first, then their number."""
    parts = (p.certificates, p.titles, p.honours, p.history, p.as_mentor, p.studios)
    return (sum(bool(x) for x in parts), sum(len(x) for x in parts) + len(p.innovations))
