"""The competition header: workflow steps, refusals with every reason, moving back."""

from __future__ import annotations

from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.ui.pages.competitions_page import CompetitionsPage
from tests.conftest import as_role
from tests.gui.competition_helpers import competition_view, shown
from tests.gui.helpers import LEFT, type_text
from tests.unit.services.test_competition_helpers import (
    competition,
    event,
    meet_in_registration,
)


def test_a_blocked_step_shows_all_its_reasons(qtbot, admin, recorder):
    meet = meet_in_registration(admin)
    event(admin, meet.competition_id, "钳工")  # a second event, nobody entered
    view = competition_view(qtbot, admin, meet.competition_id)
    header = view.header
    assert header.badge.text() == "报名"
    assert header.step_button.text() == "开始比赛"

    qtbot.mouseClick(header.step_button, LEFT)
    confirm, refusal = recorder.shown
    assert confirm.kind == "confirm"
    assert (refusal.kind, refusal.title) == ("error", "无法执行：开始比赛")
    assert refusal.text.splitlines() == ["• 项目“焊工”尚未抽签", "• 项目“焊工”尚未指派裁判"]
    status = admin.competitions.competition(meet.competition_id).row.status
    assert status is CompetitionStatus.REGISTRATION
    assert header.badge.text() == "报名"


def test_a_step_that_passes_moves_the_competition_on(qtbot, admin, recorder):
    c = competition(admin)
    event(admin, c.id)
    view = competition_view(qtbot, admin, c.id)
    assert view.header.step_button.text() == "开始报名"
    qtbot.mouseClick(view.header.step_button, LEFT)
    assert admin.competitions.competition(c.id).row.status is CompetitionStatus.REGISTRATION
    qtbot.waitUntil(lambda: view.header.badge.text() == "报名")
    assert view.header.step_button.text() == "开始比赛"


def test_an_admin_moves_back_with_a_reason(qtbot, admin):
    meet = meet_in_registration(admin)
    view = competition_view(qtbot, admin, meet.competition_id)
    assert view.header.reopen_button.isVisible()
    qtbot.mouseClick(view.header.reopen_button, LEFT)
    dialog = view.reason_dialog
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.reason, "项目设置有误")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    row = admin.competitions.competition(meet.competition_id).row
    assert row.status is CompetitionStatus.DRAFT


def test_organizers_cannot_move_back_and_clerks_see_no_steps(qtbot, admin):
    meet = meet_in_registration(admin)
    organizer = as_role(admin, "org", "organizer")
    view = competition_view(qtbot, organizer, meet.competition_id)
    assert view.header.step_button.isVisible() and not view.header.reopen_button.isVisible()
    clerk = as_role(admin, "clerk", "clerk")
    clerk_view = competition_view(qtbot, clerk, meet.competition_id)
    assert not clerk_view.header.step_button.isVisible()
    assert not clerk_view.tab_widgets["scheme"].add_button.isVisible()


def test_the_list_opens_a_competition_and_goes_back(qtbot, admin):
    competition(admin, code="A1", name="甲赛事")
    competition(admin, code="B2", name="乙赛事")
    page = shown(qtbot, CompetitionsPage(admin))
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 2)
    assert page.list.count_label.text() == "共 2 项赛事"
    type_text(qtbot, page.list.search, "乙")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    page.list.table.selectRow(0)
    qtbot.mouseClick(page.list.open_button, LEFT)
    assert page.stack.currentWidget() is page.view
    assert page.view.header.name.text() == "乙赛事"
    qtbot.mouseClick(page.view.header.back_button, LEFT)
    assert page.stack.currentWidget() is page.list


def test_only_a_competition_in_preparation_can_be_deleted(qtbot, admin, recorder):
    meet = meet_in_registration(admin)
    draft = competition(admin, code="D1", name="筹备中的赛事")
    page = shown(qtbot, CompetitionsPage(admin))
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 2)
    page.list.select(meet.competition_id)
    assert not page.list.delete_button.isEnabled()
    page.list.select(draft.id)
    assert page.list.delete_button.isEnabled()
    qtbot.mouseClick(page.list.delete_button, LEFT)
    assert recorder.shown[0].kind == "confirm"
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    assert [r.id for r in admin.competitions.competitions()] == [meet.competition_id]
