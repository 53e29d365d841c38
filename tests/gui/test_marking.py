"""Judge mode: a judge signs in, types marks from the keyboard, is refused a bad one,
submits; the chief judge returns a judge's marks; the corrected mark shows in the
results."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.marks import SubmissionStatus
from skillsapp.services.scoring.marks_grid import CellState
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from tests.gui.competition_helpers import competition_view
from tests.gui.helpers import LEFT, open_dialog_of, type_text
from tests.gui.scoring_helpers import (
    contest,
    editor_of,
    fill,
    main_window,
    sign_in,
    type_mark,
)


def _typed_column(grid, column: int) -> list[str]:
    model = grid.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_a_judge_sees_only_the_marking_page_with_their_events(qtbot, admin):
    contest(admin)
    judge = sign_in(qtbot, admin, "judge2", "judge")
    window = main_window(qtbot, judge)
    assert window.nav_titles() == ["评分"]
    page = window.pages["marking"]
    qtbot.waitUntil(lambda: page.events_model.rowCount() == 1)
    assert page.events_model.data(page.events_model.index(0, 0)) == "维修电工"
    assert page.tab_titles() == ["我的评分"]  # not the chief judge's tabs
    grid = page.tab_widgets["grid"]
    assert grid.model.rowCount() == 20
    headers = [grid.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers[0] == "T1 理论知识\n满分 100"
    assert headers[3] == "P3 安全文明生产\n扣分 ≤ 30"


def test_marks_typed_with_digits_and_enter_are_saved_at_once(qtbot, admin, recorder):
    event_id = contest(admin).event_id
    judge = sign_in(qtbot, admin, "judge1", "judge")
    window = main_window(qtbot, judge)
    grid = window.pages["marking"].tab_widgets["grid"]
    qtbot.waitUntil(lambda: grid.model.rowCount() == 20)
    view = grid.view
    view.setFocus()
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 0)

    marks = [str(60 + n) for n in range(20)]
    for mark in marks:
        type_mark(qtbot, view, mark)
    assert _typed_column(grid, 0) == marks
    assert view.currentIndex().row() == 19  # Enter went down, row by row
    saved = judge.marks.grid(event_id)
    assert [r.cells[0].value for r in saved.rows] == [Decimal(m) for m in marks]
    assert all(r.cells[0].state is CellState.SAVED for r in saved.rows)
    assert grid.status.text() == f"已保存：{grid.model.line(19).code} · 理论知识 = 79"

    # Tab goes right; an out-of-range mark is refused at once and nothing is saved
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (18, 1)
    type_mark(qtbot, view, "45")
    editor = editor_of(view)
    assert editor.text() == "45" and editor.selectedText() == "45"  # still editing
    assert grid.status.is_error
    assert grid.status.text().endswith("电气控制线路安装：分数应在 0 到 40 之间")
    assert judge.marks.grid(event_id).rows[18].cells[1].value is None
    qtbot.keyClicks(editor, "38")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert judge.marks.grid(event_id).rows[18].cells[1].value == Decimal(38)

    # a refused sign-off names how many marks are still missing
    qtbot.mouseClick(grid.submit_button, LEFT)
    assert recorder.shown[-1].kind == "error"
    assert recorder.shown[-1].text.startswith("还有 ") and "个分数未录入" in recorder.shown[-1].text
    fill(judge, event_id)
    qtbot.mouseClick(grid.refresh_button, LEFT)
    qtbot.mouseClick(grid.submit_button, LEFT)
    assert recorder.shown[-1].kind == "confirm"
    assert grid.grid.status is SubmissionStatus.SUBMITTED
    assert grid.model.read_only and not grid.submit_button.isEnabled()
    index = grid.model.index(0, 0)
    assert not grid.model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_letters_do_not_open_the_editor_and_delete_clears(qtbot, admin):
    event_id = contest(admin).event_id
    judge = sign_in(qtbot, admin, "judge2", "judge")
    window = main_window(qtbot, judge)
    grid = window.pages["marking"].tab_widgets["grid"]
    qtbot.waitUntil(lambda: grid.model.rowCount() == 20)
    view = grid.view
    view.setCurrentIndex(grid.model.index(0, 2))
    qtbot.keyClicks(view, "x")
    assert view.state() != view.State.EditingState
    type_mark(qtbot, view, "25")
    assert judge.marks.grid(event_id).rows[0].cells[2].value == Decimal(25)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert judge.marks.grid(event_id).rows[0].cells[2].value is None
    assert grid.status.text().startswith("已清除")


def _submitted(admin, username: str, event_id: int, value: Decimal) -> None:
    services = admin.as_actor(admin.accounts.login(username, "judge"))
    fill(services, event_id, value)
    services.marks.submit(event_id)


def test_chief_judge_returns_marks_and_the_judge_corrects_them(qtbot, admin, recorder):
    meet = contest(admin)
    competition_id, event_id = meet.competition_id, meet.event_id
    _submitted(admin, "judge1", event_id, Decimal(20))
    _submitted(admin, "judge3", event_id, Decimal(20))
    judge2 = sign_in(qtbot, admin, "judge2", "judge")
    fill(judge2, event_id, Decimal(20))
    judge2.marks.submit(event_id)
    results = competition_view(qtbot, admin, competition_id, "results")
    results_tab = results.tab_widgets["results"]
    qtbot.waitUntil(lambda: results_tab.model.rowCount() == 20)
    first = results_tab.model.row_at(0)
    before = {r.registration_id: r.total for r in results_tab.model.rows()}

    chief = sign_in(qtbot, admin, "judge1", "judge")
    chief_window = main_window(qtbot, chief)
    page = chief_window.pages["marking"]
    qtbot.waitUntil(lambda: page.events_model.rowCount() == 1)
    assert page.tab_titles() == ["我的评分", "评分审核（裁判长）", "纸质评分表", "复核"]
    page.show_tab("panel")
    panel = page.tab_widgets["panel"]
    qtbot.waitUntil(lambda: panel.judge_model.rowCount() == 3)
    names = [j.name for j in panel.judge_model.rows()]
    panel.judge_table.selectRow(names.index(judge2.actor.display_name))
    qtbot.mouseClick(panel.return_button, LEFT)
    dialog = open_dialog_of(panel, ReasonDialog)
    type_text(qtbot, dialog.reason, "第1号选手故障排除分数偏低，请核对")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert judge2.marks.grid(event_id).status is SubmissionStatus.RETURNED

    window = main_window(qtbot, judge2)
    grid = window.pages["marking"].tab_widgets["grid"]
    qtbot.waitUntil(lambda: grid.model.rowCount() == 20)
    assert grid.returned.isVisible()
    assert "第1号选手故障排除分数偏低" in grid.returned.text()
    row = grid.model.row_of(first.registration_id)
    view = grid.view
    view.setFocus()
    view.setCurrentIndex(grid.model.index(row, 2))
    type_mark(qtbot, view, "24")
    cell = grid.model.cell_at(row, 2)
    assert cell.value == Decimal(24) and cell.state is CellState.CORRECTED
    assert grid.model.data(grid.model.index(row, 2), Qt.ItemDataRole.ToolTipRole).endswith("已更正")
    qtbot.mouseClick(grid.submit_button, LEFT)
    assert judge2.marks.grid(event_id).status is SubmissionStatus.SUBMITTED

    qtbot.waitUntil(  # the results page heard about the new mark
        lambda: (
            results_tab.model.row_at(0).total != before[results_tab.model.row_at(0).registration_id]
            or any(r.total != before[r.registration_id] for r in results_tab.model.rows())
        )
    )
    after = {r.registration_id: r.total for r in results_tab.model.rows()}
    assert after[first.registration_id] != before[first.registration_id]
    assert [k for k in after if after[k] != before[k]] == [first.registration_id]
