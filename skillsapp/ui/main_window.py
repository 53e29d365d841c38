"""The main window: a left navigation, the pages, and a status bar (database, user)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from skillsapp import settings
from skillsapp.app import Services
from skillsapp.domain.roles import Permission, Role
from skillsapp.ui import labels, prefs
from skillsapp.ui.icons import app_icon, icon
from skillsapp.ui.pages.dashboard_page import DashboardPage
from skillsapp.ui.pages.placeholder_page import PlaceholderPage
from skillsapp.ui.pages.system_page import SystemPage

_CTX = "MainWindow"
# key, navigation text, icon, placeholder description (None: a real page)
PAGES: tuple[tuple[str, str, str, str | None], ...] = (
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "dashboard", None),
    ("competitions", QT_TRANSLATE_NOOP("MainWindow", "Competitions"), "competitions", None),
    ("marking", QT_TRANSLATE_NOOP("MainWindow", "Marking"), "marking", None),
    ("registry", QT_TRANSLATE_NOOP("MainWindow", "Registry"), "registry", None),
    ("studios", QT_TRANSLATE_NOOP("MainWindow", "Innovation studios"), "studios", None),
    ("certificates", QT_TRANSLATE_NOOP("MainWindow", "Certificates"), "certificates", None),
    ("system", QT_TRANSLATE_NOOP("MainWindow", "System"), "system", None),
)
NAV_STYLE = """
#navPanel { background: #f4f6f9; border-right: 1px solid #dfe4ea; }
#brand { font-size: 13pt; font-weight: 600; color: #23344d; padding: 18px 16px 14px 16px; }
QListWidget#nav { background: transparent; border: none; outline: 0; font-size: 11pt; }
QListWidget#nav::item { padding: 9px 8px; margin: 2px 10px; border-radius: 6px; color: #2c3e50; }
QListWidget#nav::item:selected { background: #dce8f7; color: #1f4e8c; }
QListWidget#nav::item:hover:!selected { background: #e8edf4; }
"""
# snapshot/test view name → (page, tab)
VIEW_PAGES: dict[str, tuple[str, str]] = {
    "dashboard": ("dashboard", ""),
    "competitions": ("competitions", ""),
    "competition-scheme": ("competitions", "scheme"),
    "competition-registrations": ("competitions", "registrations"),
    "competition-draw": ("competitions", "draw"),
    "marking-grid": ("marking", "grid"),
    "chief-panel": ("marking", "panel"),
    "results": ("competitions", "results"),
    "competition-scoring": ("competitions", "scoring"),
    "registry": ("registry", "persons"),
    "units": ("registry", "units"),
    "profile": ("registry", "profile"),
    "nominations": ("registry", "nominations"),
    "studios": ("studios", "studios"),
    "studio": ("studios", "studio"),
    "evaluation": ("studios", "evaluation"),
    "users": ("system", "users"),
    "audit": ("system", "audit"),
    "settings": ("system", "settings"),
    "certificates": ("certificates", "issue"),
    "certificate-verify": ("certificates", "verify"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("SkillsApp — skills competitions and talent registry"))
        self.setWindowIcon(app_icon())
        self._build_ui()
        self._connect_signals()
        self._restore_geometry()

    def _build_ui(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for key, title, icon_name, placeholder in PAGES:
            page = self._make_page(key, title, icon_name, placeholder)
            if page is None:
                continue
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(icon(icon_name), _tr(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav_panel())
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.nav.setCurrentRow(0)

    def _nav_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("navPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setStyleSheet(NAV_STYLE)
        panel.setFixedWidth(220)
        brand = QLabel(self.tr("Skills & Talent"))
        brand.setObjectName("brand")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(brand)
        layout.addWidget(self.nav, 1)
        return panel

    def _make_page(self, key: str, title: str, icon_name: str, text: str | None) -> QWidget | None:
        actor = self._services.actor
        if (key == "marking") != (actor.role is Role.JUDGE):
            return None  # a judge sees the marking page only, and only judges see it
        if key == "marking":
            from skillsapp.ui.pages.scoring.marking_page import MarkingPage

            return MarkingPage(self._services)
        if text is not None:
            return PlaceholderPage(icon(icon_name), _tr(title), _tr(text))
        if key == "dashboard":
            return DashboardPage(self._services)
        if key == "competitions":
            if not actor.can(Permission.VIEW_COMPETITIONS):
                return None  # judges get their own marking screens
            from skillsapp.ui.pages.competitions_page import CompetitionsPage

            return CompetitionsPage(self._services)
        if key == "registry":
            if not actor.can(Permission.VIEW_REGISTRY):
                return None  # judges mark blind: no registry
            from skillsapp.ui.pages.registry_page import RegistryPage

            return RegistryPage(self._services)
        if key == "certificates":
            if not actor.can(Permission.VIEW_COMPETITIONS):
                return None
            from skillsapp.ui.pages.certificates_page import CertificatesPage

            return CertificatesPage(self._services)
        if key == "studios":
            if not actor.can(Permission.VIEW_STUDIOS):
                return None
            from skillsapp.ui.pages.studios_page import StudiosPage

            return StudiosPage(self._services)
        return SystemPage(self._services)

    def _build_status_bar(self) -> None:
        actor = self._services.actor
        self.database_label = QLabel(
            self.tr("Database: {name}").format(name=self._services.db.display)
        )
        self.user_label = QLabel(
            self.tr("{user} ({role})").format(
                user=actor.display_name or actor.name, role=labels.role(actor.role)
            )
        )
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        registry = self.pages.get("registry")
        if registry is not None and "certificates" in self.pages:
            registry.certificates_requested.connect(self._on_registry_certificates_requested)

    def _on_registry_certificates_requested(self, query: object, description: str) -> None:
        """The registry's "issue certificates" button: its filter, on the issue tab."""
        self.show_page("certificates").issue_for_query(query, description)

    def nav_titles(self) -> list[str]:
        return [self.nav.item(row).text() for row in range(self.nav.count())]

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def show_view(self, view: str) -> QWidget:
        """Switch to a named view (see VIEW_PAGES); returns the page shown."""
        key, tab = VIEW_PAGES[view]
        page = self.show_page(key)
        if tab:
            page.show_tab(tab)
        return page

    def _restore_geometry(self) -> None:
        saved = prefs.get(settings.WINDOW_GEOMETRY)
        if not (saved and self.restoreGeometry(QByteArray(saved))):
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs.put(settings.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        super().closeEvent(event)
