"""Signing in, and creating the first administrator of a new database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.accounts import AccountService
from skillsapp.services.context import Actor
from skillsapp.ui.icons import app_icon
from skillsapp.ui.widgets.form import FieldError, banner, with_error


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    """User name and password; on success `actor` is the signed-in user."""

    def __init__(
        self,
        accounts: AccountService,
        *,
        database: str = "",
        username: str = "",
        password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — SkillsApp"))
        self.setWindowIcon(app_icon())
        self._build_ui(database, username, password)
        self._connect_signals()

    def _build_ui(self, database: str, username: str, password: str) -> None:
        heading = QLabel(self.tr("Skills competitions and talent registry"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600; padding-bottom: 8px;")
        where = QLabel(self.tr("Database: {name}").format(name=database))
        where.setStyleSheet("color: #5f6b7a;")
        where.setVisible(bool(database))
        self.username = QLineEdit(username)
        self.password = _password_field()
        self.password.setText(password)
        self.error = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        for widget in (heading, where):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        try:
            self.actor = self._accounts.login(self.username.text(), self.password.text())
        except UserError as err:
            self.error.show_message(messages.describe(err))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """A new database has no accounts: create the administrator (then signed in)."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator — SkillsApp"))
        self.setWindowIcon(app_icon())
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        intro = QLabel(
            self.tr(
                "This database has no accounts yet. Create the administrator account; "
                "the administrator then adds the other users."
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.repeat = _password_field()
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        for key, label, field in (
            ("username", self.tr("User name"), self.username),
            ("display_name", self.tr("Display name"), self.display_name),
            ("password", self.tr("Password"), self.password),
            ("repeat", self.tr("Repeat password"), self.repeat),
        ):
            box, self.errors[key] = with_error(field)
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        if self.password.text() != self.repeat.text():
            self.errors["repeat"].show_message(messages.text("password_mismatch"))
            return
        try:
            self.actor = self._accounts.create_first_admin(
                username=self.username.text().strip(),
                password=self.password.text(),
                display_name=self.display_name.text().strip(),
            )
        except ValidationError as err:
            for field, code in err.field_errors.items():
                self.errors.get(field, self.errors["username"]).show_message(messages.text(code))
            return
        self.accept()
