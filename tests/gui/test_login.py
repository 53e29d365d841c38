"""First run, sign-in and the main window's status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from skillsapp.app import open_services
from skillsapp.domain.roles import Role
from skillsapp.ui import tasks
from skillsapp.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from skillsapp.ui.main import open_main_window
from tests.gui.helpers import LEFT, ok_button, type_text


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_creates_the_admin_then_login_checks_the_password(qtbot, sqlite_target):
    services = open_services(sqlite_target)
    try:
        assert services.accounts.needs_first_admin()
        first = _shown(qtbot, FirstAdminDialog(services.accounts))
        first.username.clear()
        qtbot.keyClicks(first.username, "chief")
        type_text(qtbot, first.display_name, "李主席")
        qtbot.keyClicks(first.password, "secret1")
        qtbot.keyClicks(first.repeat, "secret1")
        qtbot.mouseClick(ok_button(first.buttons), LEFT)
        assert first.result() == QDialog.DialogCode.Accepted
        assert first.actor.role == Role.ADMIN
        assert not services.accounts.needs_first_admin()

        login = _shown(qtbot, LoginDialog(services.accounts, database=services.db.display))
        qtbot.keyClicks(login.username, "chief")
        qtbot.keyClicks(login.password, "wrong")
        qtbot.mouseClick(ok_button(login.buttons), LEFT)
        assert login.isVisible() and login.actor is None
        assert login.error.isVisible()
        assert "用户名或密码错误" in login.error.text()

        login.password.clear()
        qtbot.keyClicks(login.password, "secret1")
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
        assert login.result() == QDialog.DialogCode.Accepted

        window = open_main_window(services.as_actor(login.actor))
        qtbot.addWidget(window)
        assert "李主席" in window.user_label.text()
        assert "管理员" in window.user_label.text()
        assert sqlite_target in window.database_label.text()
    finally:
        tasks.wait_all()
        services.db.close()


def test_first_admin_dialog_refuses_different_passwords(qtbot, sqlite_target):
    services = open_services(sqlite_target)
    try:
        dialog = _shown(qtbot, FirstAdminDialog(services.accounts))
        qtbot.keyClicks(dialog.password, "secret1")
        qtbot.keyClicks(dialog.repeat, "secret2")
        qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
        assert dialog.isVisible()
        assert dialog.errors["repeat"].text() == "两次输入的密码不一致"
        assert services.accounts.needs_first_admin()
    finally:
        services.db.close()


def test_demo_login_is_prefilled(qtbot, admin):
    dialog = _shown(qtbot, LoginDialog(admin.accounts, username="admin", password="admin"))
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.name == "admin"
