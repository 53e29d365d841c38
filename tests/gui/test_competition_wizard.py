"""新建赛事: the wizard creates a competition with its events, each with a valid scheme."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from skillsapp.domain.competitions import CompetitionKind, CompetitionLevel
from skillsapp.services.competitions.competitions import CompetitionInput
from skillsapp.ui.dialogs.competition_wizard import CompetitionWizard
from skillsapp.ui.pages.competitions_page import CompetitionsPage
from tests.gui.competition_helpers import shown
from tests.gui.helpers import LEFT, open_dialog_of, type_text


def _wizard(qtbot, page: CompetitionsPage) -> CompetitionWizard:
    qtbot.mouseClick(page.list.new_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(page, CompetitionWizard) is not None)
    return open_dialog_of(page, CompetitionWizard)


def _next(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), LEFT)


def test_the_wizard_creates_a_competition_with_two_events(qtbot, admin):
    page = shown(qtbot, CompetitionsPage(admin))
    wizard = _wizard(qtbot, page)
    basics = wizard.basics
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # name and code are required

    type_text(qtbot, basics.name, "2025年焦作市职工技能竞赛")
    qtbot.keyClicks(basics.code, "jz2025")
    basics.kind.setCurrentIndex(basics.kind.findData(CompetitionKind.SPORTS_MEET.value))
    basics.edition.setValue(3)
    type_text(qtbot, basics.venue, "焦作技师学院")
    assert next_button.isEnabled()
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.rules_page
    wizard.rules.quota.setValue(2)
    _next(qtbot, wizard)

    events = wizard.events
    type_text(qtbot, events.name.lineEdit(), "焊工")
    qtbot.mouseClick(events.add_button, LEFT)
    type_text(qtbot, events.name.lineEdit(), "维修电工")
    type_text(qtbot, events.trade, "电工")
    qtbot.mouseClick(events.add_button, LEFT)
    type_text(qtbot, events.name.lineEdit(), "焊工")
    qtbot.mouseClick(events.add_button, LEFT)
    assert events.error.text() == "本赛事已有同名比赛项目"
    assert events.events() == [("焊工", "焊工"), ("维修电工", "电工")]

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    [row] = admin.competitions.competitions()
    assert (row.name, row.code, row.edition, row.kind, row.level) == (
        "2025年焦作市职工技能竞赛",
        "JZ2025",
        3,
        CompetitionKind.SPORTS_MEET,
        CompetitionLevel.CITY,
    )
    assert admin.competitions.competition(row.id).data.quota_per_unit == 2
    created = admin.events.events(row.id)
    assert [(e.name, e.trade, e.scheme_valid) for e in created] == [
        ("焊工", "焊工", True),
        ("维修电工", "电工", True),
    ]
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)  # opened at once
    assert page.view.header.name.text() == "2025年焦作市职工技能竞赛"


def test_a_taken_code_is_reported_on_the_first_page(qtbot, admin):
    admin.competitions.create(CompetitionInput(name="去年的竞赛", code="JZ2025"))
    page = shown(qtbot, CompetitionsPage(admin))
    wizard = _wizard(qtbot, page)
    type_text(qtbot, wizard.basics.name, "今年的竞赛")
    qtbot.keyClicks(wizard.basics.code, "JZ2025")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.basics_page
    assert wizard.basics.errors["code"].text() == "赛事代码已被使用"
    assert wizard.basics.errors["code"].isVisible()
