"""基本信息 edited with a version check; events added and edited through their dialog."""

from __future__ import annotations

from dataclasses import replace

from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.ui.dialogs.event_dialog import EventDialog
from tests.gui.competition_helpers import competition_view, tick
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, type_text
from tests.unit.services.test_competition_helpers import (
    advance,
    competition,
    event,
    meet_ready_for_scoring,
)


def test_the_basics_are_saved_and_a_conflict_is_shown(qtbot, admin):
    c = competition(admin)
    view = competition_view(qtbot, admin, c.id, "info")
    tab = view.tab_widgets["info"]
    tab.basics.venue.clear()
    type_text(qtbot, tab.basics.venue, "焦作技师学院")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert admin.competitions.competition(c.id).data.venue == "焦作技师学院"
    qtbot.waitUntil(lambda: "焦作技师学院" in view.header.facts.text())

    detail = admin.competitions.competition(c.id)  # somebody else saves meanwhile …
    admin.competitions.update(c.id, replace(detail.data, venue="市体育中心"))
    tab.basics.name.clear()
    type_text(qtbot, tab.basics.name, "改过的名称")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.banner.text().startswith("该记录已被他人修改")
    assert admin.competitions.competition(c.id).row.name == "第三届职工技能竞赛"


def test_once_scoring_has_begun_events_schemes_and_the_draw_are_fixed(qtbot, admin):
    meet = meet_ready_for_scoring(admin)
    advance(admin, meet.competition_id, CompetitionStatus.SCORING)
    view = competition_view(qtbot, admin, meet.competition_id, "scheme")
    events = view.tab_widgets["scheme"]
    qtbot.waitUntil(lambda: events.editor.event_id == meet.event_id)
    assert not events.add_button.isEnabled() and not events.edit_button.isEnabled()
    assert events.hint.text() == "比赛开始后，比赛项目和评分标准不能再修改。"
    assert not events.editor.import_button.isEnabled()
    weights = events.editor.components_panel.component_model
    assert not weights.setData(weights.index(0, 2), "20")
    view.show_tab("draw")
    draw = view.tab_widgets["draw"]
    assert not draw.draw_button.isEnabled()
    assert draw.hint.text() == "抽签在报名阶段进行。"
    assert view.tab_widgets["info"].save_button.isEnabled()  # the basics stay editable


def test_a_team_event_is_added_and_a_bad_range_is_shown_inline(qtbot, admin):
    c = competition(admin)
    view = competition_view(qtbot, admin, c.id, "scheme")
    tab = view.tab_widgets["scheme"]
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, EventDialog) is not None)
    dialog = open_dialog_of(tab, EventDialog)
    type_text(qtbot, dialog.name, "汽车维修团体赛")
    tick(qtbot, dialog.team)
    assert dialog.team_size.isEnabled()
    dialog.min_level.setCurrentIndex(dialog.min_level.findData(SkillLevel.GRADE2))
    dialog.max_level.setCurrentIndex(dialog.max_level.findData(SkillLevel.GRADE4))
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.errors["max_level"].text() == "最高技能等级不能低于最低技能等级"

    dialog.max_level.setCurrentIndex(0)
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = admin.events.events(c.id)
    assert (row.name, row.team, row.scheme_valid) == ("汽车维修团体赛", True, True)
    qtbot.waitUntil(lambda: tab.editor.event_id == row.id)


def test_an_event_with_entries_cannot_be_deleted(qtbot, admin):
    from tests.unit.services.test_competition_helpers import enter, unit

    c = competition(admin)
    e = event(admin, c.id)
    enter(admin, e.id, 0, unit(admin).id)
    view = competition_view(qtbot, admin, c.id, "scheme")
    tab = view.tab_widgets["scheme"]
    qtbot.waitUntil(lambda: tab.selected_event() is not None)
    assert tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
