"""系统: users and audit log (admins), settings and about (everyone)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.ui.pages.about_tab import AboutTab
from skillsapp.ui.pages.settings_tab import SettingsTab


class SystemPage(QWidget):
    """Tabs by name: "users", "audit", "settings", "about" (admin-only ones may be absent)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab_widgets: dict[str, QWidget] = {}
        self._build_ui(services)

    def _build_ui(self, services: Services) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        actor = services.actor
        if actor.can(Permission.MANAGE_USERS):
            from skillsapp.ui.pages.users_tab import UsersTab

            self._add("users", UsersTab(services), self.tr("Users"))
        if actor.can(Permission.VIEW_AUDIT):
            from skillsapp.ui.pages.audit_tab import AuditTab

            self._add("audit", AuditTab(services), self.tr("Audit log"))
        self._add("settings", SettingsTab(services.db.display), self.tr("Settings"))
        self._add("about", AboutTab(), self.tr("About"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.tabs)

    def _add(self, name: str, widget: QWidget, title: str) -> None:
        self.tab_widgets[name] = widget
        self.tabs.addTab(widget, title)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_tab(self, name: str) -> None:
        if name in self.tab_widgets:
            self.tabs.setCurrentWidget(self.tab_widgets[name])
