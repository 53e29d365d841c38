"""GUI test fixtures: off-screen Qt, isolated QSettings, recorded message boxes, Chinese UI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the app

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from skillsapp.app import Services
from skillsapp.ui import i18n, msgbox, signals, tasks


@pytest.fixture(autouse=True)
def _isolated_qsettings(qapp: QApplication, tmp_path: Path) -> None:
    """Preferences go to an INI file under tmp_path, never to the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    qapp.setOrganizationName("SkillsAppTest")
    qapp.setApplicationName("SkillsAppTest")


@pytest.fixture(autouse=True)
def recorder() -> Iterator[msgbox.Recorder]:
    """Message boxes are recorded and answered (confirmations: yes) instead of shown."""
    recorder = msgbox.Recorder()
    msgbox.route_to(recorder)
    yield recorder
    msgbox.route_to(None)


@pytest.fixture(autouse=True)
def _chinese_ui(qapp: QApplication) -> Iterator[None]:
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


@pytest.fixture(autouse=True)
def _fresh_signal_hub() -> Iterator[None]:
    signals.reset()
    yield
    signals.reset()


@pytest.fixture
def admin(sqlite_services: Services) -> Iterator[Services]:
    """Services of a signed-in admin; background tasks end before the database closes."""
    yield sqlite_services
    assert tasks.wait_all()
