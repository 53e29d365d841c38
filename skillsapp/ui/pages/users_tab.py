"""Accounts (admins): list, add with a role, enable or disable, reset a password."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.errors import UserError
from skillsapp.services.accounts import UserRow
from skillsapp.ui import msgbox, signals
from skillsapp.ui.dialogs.user_dialogs import PasswordDialog, UserDialog
from skillsapp.ui.models.list_model import SORT_ROLE
from skillsapp.ui.models.user_table_model import UserTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.refresh import RefreshOnChange


class UsersTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(self, self.refresh, {signals.USERS}, initially=True)

    def _build_ui(self) -> None:
        self.model = UserTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((160, 200, 140)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        self.password_button.clicked.connect(self._on_password_button_clicked)

    def refresh(self) -> None:
        self.model.set_rows(self._services.accounts.users(self._services.actor))
        self._on_selection_changed()

    def selected_user(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _on_selection_changed(self) -> None:
        user = self.selected_user()
        self.toggle_button.setEnabled(user is not None)
        self.password_button.setEnabled(user is not None)
        active = user is None or user.active
        self.toggle_button.setText(self.tr("Disable") if active else self.tr("Enable"))

    def _on_add_button_clicked(self) -> None:
        open_dialog(UserDialog(self._services.accounts, self._services.actor, self))

    def _on_toggle_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        try:
            self._services.accounts.update_user(
                self._services.actor,
                user.id,
                display_name=user.display_name,
                role=user.role,
                active=not user.active,
                person_id=user.person_id,
            )
        except UserError as err:
            msgbox.user_error(self, err)
            return
        signals.announce(signals.USERS)

    def _on_password_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = PasswordDialog(
            self._services.accounts,
            self._services.actor,
            user_id=user.id,
            username=user.username,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_password_dialog_accepted(user.username))
        open_dialog(dialog)

    def _on_password_dialog_accepted(self, username: str) -> None:
        msgbox.info(
            self,
            self.tr("Reset password"),
            self.tr("The password of {user} was changed.").format(user=username),
        )
