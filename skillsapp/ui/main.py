"""Starting the GUI: application, language, database, sign-in, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from skillsapp import messages, paths, settings
from skillsapp.app import Services, open_services
from skillsapp.errors import DatabaseError
from skillsapp.services.context import Actor
from skillsapp.ui import crash, i18n, msgbox, prefs, tasks
from skillsapp.ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from skillsapp.ui.icons import app_icon
from skillsapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ORGANIZATION = "SkillsApp"
APPLICATION = "SkillsApp"
DEMO_LOGIN = ("admin", "admin")


def create_app() -> QApplication:
    """The QApplication (reused when one exists), named for QSettings."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    return app


def database_target(db_target: str | None) -> str:
    """The argument, else the saved setting, else the default file."""
    return (
        db_target or prefs.get_str(settings.DATABASE_TARGET) or str(paths.default_database_path())
    )


def open_database_or_ask(target: str, parent: QWidget | None = None) -> Services | None:
    """Open `target`; on a DatabaseError explain it and offer another file, or quit (None)."""
    while True:
        try:
            return open_services(target)
        except DatabaseError as err:
            log.warning("cannot open database %s: %s", target, err)
            text = (
                messages.describe(err)
                + "\n\n"
                + QCoreApplication.translate("main", "Choose another database, or quit.")
            )
            buttons = [
                QCoreApplication.translate("main", "Choose another database…"),
                QCoreApplication.translate("main", "Quit"),
            ]
            if (
                msgbox.choose(
                    parent,
                    QCoreApplication.translate("main", "Cannot open the database"),
                    text,
                    buttons,
                )
                != 0
            ):
                return None
            chosen = _ask_database_file(parent)
            if not chosen:
                return None
            target = chosen


def _ask_database_file(parent: QWidget | None) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("main", "Choose a database file"),
        str(paths.data_dir()),
        QCoreApplication.translate("main", "SQLite database (*.sqlite3 *.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def sign_in(services: Services, *, demo: bool = False) -> Actor | None:
    """First run: create the administrator; otherwise the login dialog. None if cancelled."""
    if services.accounts.needs_first_admin():
        dialog: QDialog = FirstAdminDialog(services.accounts)
    else:
        username, password = DEMO_LOGIN if demo else ("", "")
        dialog = LoginDialog(
            services.accounts, database=services.db.display, username=username, password=password
        )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def _write_demo_if_empty(services: Services) -> None:
    """A new, empty database gets the demo data (its admin signs in as admin/admin)."""
    if not services.accounts.needs_first_admin():
        return
    url = services.db.url
    target = url.database if services.db.is_sqlite else url.render_as_string(hide_password=False)
    try:
        from skillsapp.services.demo.demo import write_demo
    except ImportError:
        log.warning("demo data is not available in this build")
        return
    write_demo(target)


def open_main_window(services: Services) -> MainWindow:
    window = MainWindow(services)
    window.show()
    return window


def run_gui(db_target: str | None, lang: str | None, demo: bool) -> int:
    """The whole GUI session; returns the exit code."""
    app = create_app()
    i18n.install(lang or prefs.get_str(settings.LANGUAGE))
    crash.install()
    target = database_target(db_target)
    services = open_database_or_ask(target)
    if services is None:
        return 1
    try:
        if demo:
            _write_demo_if_empty(services)
        actor = sign_in(services, demo=demo)
        if actor is None:
            return 0
        window = open_main_window(services.as_actor(actor))
        code = app.exec()
        del window
        return code
    finally:
        tasks.wait_all()
        services.db.close()
