"""The window speaks the chosen language; Chinese is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from skillsapp import messages
from skillsapp.domain.levels import SkillLevel
from skillsapp.ui import i18n, labels
from skillsapp.ui.main_window import MainWindow


def _nav(qtbot, services) -> list[str]:
    window = MainWindow(services)
    qtbot.addWidget(window)
    return window.nav_titles()


def test_english_navigation_says_registry(qtbot, admin):
    i18n.install("en")
    assert "Registry" in _nav(qtbot, admin)
    assert messages.language() == "en"


def test_chinese_navigation_says_rencaiku(qtbot, admin):
    i18n.install("zh_CN")
    assert _nav(qtbot, admin) == ["仪表盘", "赛事", "人才库", "创新工作室", "证书", "系统"]


def test_unknown_language_falls_back_to_chinese(qtbot):
    assert i18n.install("fr") == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "Registry") == "人才库"


def test_chinese_skill_levels_are_the_canonical_labels(qtbot):
    assert [labels.skill_level(level) for level in SkillLevel] == [lv.label for lv in SkillLevel]


def test_qt_standard_buttons_are_translated(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
