"""Uncaught exceptions: log them and open a dialog with copyable details and the log path."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp import __version__, paths

log = logging.getLogger(__name__)

_showing = False


def log_path() -> Path:
    """The log file in use (the root logger's file handler) or else the log folder."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    try:
        from skillsapp.logging_setup import LOG_FILE_NAME
    except ImportError:
        return paths.log_dir()
    return paths.log_dir() / LOG_FILE_NAME


class CrashDialog(QDialog):
    """Says that something went wrong, with the traceback to copy and the log path."""

    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SkillsApp — unexpected error"))
        self.resize(720, 480)
        self._build_ui(details, log_file)
        self._connect_signals()

    def _build_ui(self, details: str, log_file: Path) -> None:
        intro = QLabel(
            self.tr(
                "Something went wrong inside SkillsApp. Your saved data is safe. "
                "Please send the details below and the log file to your administrator."
            )
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        where = QLabel(self.tr("Log file: {path}").format(path=log_file))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        for widget in (intro, self.details, where, self.buttons):
            layout.addWidget(widget)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return f"SkillsApp {__version__}, Python {sys.version.split()[0]}\n\n" + "".join(lines)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    global _showing
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if _showing or QApplication.instance() is None or issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing = True
    try:
        CrashDialog(format_details(exc_type, exc, tb), log_path()).exec()
    finally:
        _showing = False


def install() -> None:
    """Route uncaught exceptions (also those raised in Qt slots) to the crash dialog."""
    sys.excepthook = _excepthook
