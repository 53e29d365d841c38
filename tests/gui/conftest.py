"""GUI test fixtures: off-screen Qt, isolated QSettings, recorded message boxes, Chinese UI."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt creates the app

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from skillsapp.app import Services, open_services
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


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, written once per run (about two seconds)."""
    from skillsapp.services.demo.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo(str(path), persons=300)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    """A fresh copy of the demo database, with services acting as its admin."""
    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, target)
    services = open_services(str(target))
    try:
        yield services.as_actor(services.accounts.login("admin", "admin"))
    finally:
        assert tasks.wait_all()
        services.db.close()
