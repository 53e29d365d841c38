"""证书: issue, the register, templates, verification and settings, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui.pages.certificate_issue_tab import CertificateIssueTab
from skillsapp.ui.pages.certificate_register_tab import CertificateRegisterTab
from skillsapp.ui.pages.certificate_settings_tab import CertificateSettingsTab
from skillsapp.ui.pages.template_list_tab import TemplateListTab
from skillsapp.ui.pages.verify_tab import VerifyTab


class CertificatesPage(QWidget):
    """Tabs by name: "issue", "register", "templates", "verify", "settings" (the issuing
    ones, and settings, need the right to issue certificates)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab_widgets: dict[str, QWidget] = {}
        self._build_ui(services)

    def _build_ui(self, services: Services) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        issuer = services.actor.can(Permission.ISSUE_CERTIFICATES)
        if issuer:
            self._add("issue", CertificateIssueTab(services), self.tr("Issue"))
        self._add("register", CertificateRegisterTab(services), self.tr("Register"))
        if issuer:
            self._add("templates", TemplateListTab(services), self.tr("Templates"))
        self._add("verify", VerifyTab(services), self.tr("Verify"))
        if issuer:
            self._add("settings", CertificateSettingsTab(services), self.tr("Settings"))
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

    def issue_for_query(self, query: PersonQuery, description: str) -> None:
        """The issue tab, certifying the persons of a registry filter."""
        tab = self.tab_widgets.get("issue")
        if isinstance(tab, CertificateIssueTab):
            self.show_tab("issue")
            tab.issue_for_query(query, description)
