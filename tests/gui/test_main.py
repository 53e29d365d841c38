"""Start-up: a database that cannot be used is explained, never a crash; snapshots; crashes."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from skillsapp.app import open_services
from skillsapp.ui import crash
from skillsapp.ui.main import open_database_or_ask
from skillsapp.ui.snapshot import VIEWS, render_snapshot
from tests.factories import person_input


def _too_new(path: str) -> None:
    open_services(path).db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")


def test_a_too_new_database_is_explained_and_quitting_is_offered(qtbot, sqlite_target, recorder):
    _too_new(sqlite_target)
    recorder.answers.append(1)  # "Quit"
    assert open_database_or_ask(sqlite_target) is None
    shown = recorder.shown[0]
    assert shown.kind == "choose"
    assert shown.title == "无法打开数据库"
    assert "更新版本的 SkillsApp" in shown.text


def test_a_good_database_opens_without_questions(qtbot, sqlite_target, recorder):
    services = open_database_or_ask(sqlite_target)
    assert services is not None
    services.db.close()
    assert recorder.shown == []


@pytest.mark.parametrize("view", VIEWS)
def test_snapshot_renders_every_view(qtbot, admin, tmp_path, view):
    admin.registry.add(person_input(1))
    out = tmp_path / f"{view}.png"
    render_snapshot(str(admin.db.url.database), view, out, "zh_CN")
    image = QImage(str(out))
    assert not image.isNull()
    if view not in ("login", "person-dialog", "import-preview", "template-editor"):
        assert (image.width(), image.height()) == (1280, 800)


def test_snapshot_refuses_unknown_views(qtbot, admin, tmp_path):
    with pytest.raises(ValueError):
        render_snapshot(str(admin.db.url.database), "nope", tmp_path / "x.png", "en")


def test_crash_dialog_shows_and_copies_the_details(qtbot, tmp_path):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        details = crash.format_details(type(exc), exc, exc.__traceback__)
    dialog = crash.CrashDialog(details, tmp_path / "skillsapp.log")
    qtbot.addWidget(dialog)
    assert "RuntimeError: boom" in dialog.details.toPlainText()
    dialog.copy_button.click()
    assert "RuntimeError: boom" in QGuiApplication.clipboard().text()
