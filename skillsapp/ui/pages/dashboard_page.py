"""仪表盘: a few real counts (persons, units, accounts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui.widgets.refresh import RefreshOnChange


class _CountCard(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("countCard")
        self.setStyleSheet(
            "#countCard { background: white; border: 1px solid #dfe4ea; border-radius: 8px; }"
        )
        self.setMinimumSize(200, 110)
        self.number = QLabel("—")
        self.number.setStyleSheet("font-size: 28pt; font-weight: 600; color: #1f4e8c;")
        label = QLabel(caption)
        label.setStyleSheet("color: #5f6b7a; font-size: 11pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.number)
        layout.addWidget(label)

    def set_count(self, count: int | None) -> None:
        self.number.setText("—" if count is None else f"{count:,}")


class DashboardPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._build_ui()
        self.refresh()
        RefreshOnChange(self, self.refresh)

    def _build_ui(self) -> None:
        actor = self._services.actor
        name = actor.display_name or actor.name
        greeting = QLabel(self.tr("Welcome, {name}").format(name=name))
        greeting.setStyleSheet("font-size: 18pt; font-weight: 600; color: #23344d;")
        self.persons = _CountCard(self.tr("Persons in the registry"))
        self.units = _CountCard(self.tr("Units"))
        self.accounts = _CountCard(self.tr("User accounts"))
        self.persons.setVisible(actor.can(Permission.VIEW_REGISTRY))
        self.units.setVisible(actor.can(Permission.VIEW_REGISTRY))
        self.accounts.setVisible(actor.can(Permission.MANAGE_USERS))
        cards = QHBoxLayout()
        cards.setSpacing(16)
        for card in (self.persons, self.units, self.accounts):
            cards.addWidget(card)
        cards.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setVerticalSpacing(20)
        layout.addWidget(greeting, 0, 0)
        layout.addLayout(cards, 1, 0)
        layout.setRowStretch(2, 1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self) -> None:
        services, actor = self._services, self._services.actor
        if actor.can(Permission.VIEW_REGISTRY):
            self.persons.set_count(services.registry.search(PersonQuery(limit=0)).total or 0)
            self.units.set_count(len(services.units.units()))
        if actor.can(Permission.MANAGE_USERS):
            self.accounts.set_count(len(services.accounts.users(actor)))
