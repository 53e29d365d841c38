"""Accounts: adding a user with a role, and setting a password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.domain.roles import Role
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.accounts import AccountService
from skillsapp.services.context import Actor
from skillsapp.ui import labels, signals
from skillsapp.ui.widgets.form import FieldError, banner, with_error


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _buttons() -> QDialogButtonBox:
    return QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )


class UserDialog(QDialog):
    """A new account: user name, display name, role and the first password."""

    def __init__(self, accounts: AccountService, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._accounts, self._actor = accounts, actor
        self.setWindowTitle(self.tr("New user"))
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.CLERK, Role.ORGANIZER, Role.JUDGE, Role.ADMIN):
            self.role.addItem(labels.role(role), role)
        self.password = _password_field()
        self.repeat = _password_field()
        self.banner = banner()
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        for key, label, field in (
            ("username", self.tr("User name"), self.username),
            ("display_name", self.tr("Display name"), self.display_name),
            ("role", self.tr("Role"), self.role),
            ("password", self.tr("Password"), self.password),
            ("repeat", self.tr("Repeat password"), self.repeat),
        ):
            box, self.errors[key] = with_error(field)
            form.addRow(label, box)
        self.buttons = _buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        for error in (*self.errors.values(), self.banner):
            error.show_message("")
        if self.password.text() != self.repeat.text():
            self.errors["repeat"].show_message(messages.text("password_mismatch"))
            return
        try:
            self._accounts.create_user(
                self._actor,
                username=self.username.text().strip(),
                password=self.password.text(),
                role=Role(self.role.currentData()),
                display_name=self.display_name.text().strip(),
            )
        except ValidationError as err:
            for key, code in err.field_errors.items():
                self.errors.get(key, self.banner).show_message(messages.text(code))
            return
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return
        signals.announce(signals.USERS)
        self.accept()


class PasswordDialog(QDialog):
    """Set a new password for the account `user_id` (admins reset anyone's)."""

    def __init__(
        self,
        accounts: AccountService,
        actor: Actor,
        *,
        user_id: int,
        username: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts, self._actor, self._user_id = accounts, actor, user_id
        self.setWindowTitle(self.tr("New password for {user}").format(user=username))
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.password = _password_field()
        self.repeat = _password_field()
        form = QFormLayout()
        password_box, self.password_error = with_error(self.password)
        repeat_box, self.repeat_error = with_error(self.repeat)
        form.addRow(self.tr("New password"), password_box)
        form.addRow(self.tr("Repeat password"), repeat_box)
        self.buttons = _buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.password_error.show_message("")
        self.repeat_error.show_message("")
        if self.password.text() != self.repeat.text():
            self.repeat_error.show_message(messages.text("password_mismatch"))
            return
        try:
            self._accounts.set_password(self._actor, self._user_id, self.password.text())
        except UserError as err:
            self.password_error.show_message(messages.describe(err))
            return
        self.accept()
