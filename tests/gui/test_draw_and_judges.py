"""抽签 with a given seed, shown for anyone to repeat; judges, the chief judge, conflicts."""

from __future__ import annotations

from skillsapp.services.competitions.draw import draw_event_entries
from skillsapp.ui.dialogs.judge_pick_dialog import JudgePickDialog
from tests.gui.competition_helpers import click_cell, competition_view, tick
from tests.gui.helpers import LEFT
from tests.unit.services.test_competition_helpers import (
    judge,
    meet_in_registration,
    person,
)


def test_the_draw_with_a_given_seed_shows_the_seed_and_the_numbers(qtbot, admin):
    meet = meet_in_registration(admin, entrants=4)
    view = competition_view(qtbot, admin, meet.competition_id, "draw")
    tab = view.tab_widgets["draw"]
    qtbot.waitUntil(lambda: tab.events_model.rowCount() == 1)
    assert tab.seed_label.text() == "尚未抽签。"
    assert tab.events_model.data(tab.events_model.index(0, 2)) == "未抽签"

    qtbot.keyClicks(tab.seed, "123456789")
    qtbot.mouseClick(tab.draw_button, LEFT)

    assert tab.seed_label.text().startswith("抽签种子：123456789，任何人可用此种子复现")
    qtbot.waitUntil(lambda: tab.events_model.data(tab.events_model.index(0, 2)) == "已抽签")
    assert tab.events_model.data(tab.events_model.index(0, 3)) == "123456789"
    expected = draw_event_entries(123456789, meet.event_id, 0, meet.registration_ids)
    model = tab.entries_model
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    shown = [
        tuple(model.data(model.index(row, column)) for column in range(3))
        for row in range(model.rowCount())
    ]
    assert shown == [(str(e.start_order), e.bib, e.blind_code) for e in expected]
    assert view.header.facts.text()  # the header was refreshed too


def test_a_judge_and_the_chief_judge_are_assigned(qtbot, admin):
    meet = meet_in_registration(admin)
    same_unit = person(admin, 40, meet.unit_id)
    judge(admin, "zhangjudge", person_id=same_unit.id)
    judge(admin, "lijudge")
    view = competition_view(qtbot, admin, meet.competition_id, "judges")
    tab = view.tab_widgets["judges"]
    qtbot.waitUntil(lambda: tab.events_model.rowCount() == 1)

    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.pick_dialog
    assert isinstance(dialog, JudgePickDialog)
    assert dialog.model.rowCount() == 2
    dialog.select("lijudge")
    tick(qtbot, dialog.chief)
    qtbot.mouseClick(dialog.ok_button, LEFT)

    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.pick_dialog
    assert [dialog.model.row_at(r).username for r in range(dialog.model.rowCount())] == [
        "zhangjudge"
    ]
    dialog.select("zhangjudge")
    qtbot.mouseClick(dialog.ok_button, LEFT)

    judges = admin.judges.judges(meet.event_id)
    assert [(j.username, j.chief) for j in judges] == [("lijudge", True), ("zhangjudge", False)]
    assert tab.judge_model.data(tab.judge_model.index(0, 3)) == "裁判长"

    click_cell(qtbot, tab.judge_table, tab.judge_model.index(1, 0))
    qtbot.mouseClick(tab.chief_button, LEFT)
    judges = admin.judges.judges(meet.event_id)
    assert [(j.username, j.chief) for j in judges] == [("zhangjudge", True), ("lijudge", False)]

    # zhangjudge works for the contestants' unit: three conflicts to decide
    assert tab.conflict_model.rowCount() == 3
    assert tab.conflict_model.data(tab.conflict_model.index(0, 4)) == "同单位"
    click_cell(qtbot, tab.conflict_table, tab.conflict_model.index(0, 0))
    qtbot.mouseClick(tab.block_button, LEFT)
    assert tab.conflict_model.data(tab.conflict_model.index(0, 5)) == "是"
    assert sum(c.blocked for c in admin.judges.conflicts(meet.event_id)) == 1
