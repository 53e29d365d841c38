"""复核更正 from the re-check panel: a sampled entry's mark corrected in writing through
the dialog (an empty reason refused), the entry then showing an error found and the
correction in the mark's history on the results page."""

from __future__ import annotations

from decimal import Decimal

from skillsapp.ui.dialogs.recheck_correction_dialog import RecheckCorrectionDialog
from tests.gui.competition_helpers import competition_view
from tests.gui.helpers import LEFT, type_text
from tests.gui.scoring_helpers import contest, double_click, fill, login

D = Decimal
REASON = "依据签字评分表第3页"


def _all_marked(admin, meet) -> None:
    for number in (1, 2, 3):
        judge = login(admin, f"judge{number}")
        fill(judge, meet.event_id, D(18 + number))
        judge.marks.submit(meet.event_id)


def _recheck_panel(qtbot, view):
    tab = view.tab_widgets["scoring"]
    tab.show_panel("recheck")
    panel = tab.panels["recheck"]
    qtbot.waitUntil(lambda: panel.draw_button.isEnabled())
    qtbot.mouseClick(panel.draw_button, LEFT)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)  # four entries: all in the top 10
    return panel


def _open_correction(qtbot, panel) -> RecheckCorrectionDialog:
    assert not panel.correct_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    assert panel.correct_button.isEnabled()
    qtbot.mouseClick(panel.correct_button, LEFT)
    dialog = panel.correct_dialog
    assert isinstance(dialog, RecheckCorrectionDialog) and dialog.isVisible()
    return dialog


def _history(qtbot, view, registration_id: int, judge_id: int) -> list[list[str]]:
    view.show_tab("results")
    tab = view.tab_widgets["results"]
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    row = next(i for i, r in enumerate(tab.model.rows()) if r.registration_id == registration_id)
    double_click(qtbot, tab.table, tab.model.index(row, 2))
    qtbot.waitUntil(lambda: tab.drilldown_dialog is not None)
    dialog = tab.drilldown_dialog
    assert dialog.select_line("P2", judge_id) >= 0
    model = dialog.history_model
    return [[model.data(model.index(r, c)) for c in (1, 2, 4)] for r in range(model.rowCount())]


def test_a_mark_is_corrected_in_writing_from_the_recheck_panel(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    view = competition_view(qtbot, admin, meet.competition_id, "scoring")
    panel = _recheck_panel(qtbot, view)
    item = panel.model.row_at(0)
    dialog = _open_correction(qtbot, panel)
    assert dialog.mark.count() == 8  # T1, P1 measured once; P2, P3 judged by three judges
    dialog.mark.setCurrentIndex(dialog.mark.findText("P2 故障排除 · 崔涛：20"))
    qtbot.keyClicks(dialog.value, "23")
    qtbot.mouseClick(dialog.ok_button, LEFT)  # no reason yet
    assert dialog.error.text() == "必须填写原因" and dialog.isVisible()
    assert not panel.model.row_at(0).checked

    type_text(qtbot, dialog.reason, REASON)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: panel.model.row_at(0).error_found)
    assert not dialog.isVisible()
    assert panel.model.data(panel.model.index(0, 2)) == "是"
    assert panel.model.data(panel.model.index(0, 3)) == REASON
    assert panel.selected() is not None and panel.selected().item_id == item.item_id
    assert panel.status_label.text() == "样本 4 人，已复核 1 人，发现错误 1 人；错误率 100.0%。"

    judge2 = login(admin, "judge2").actor.user_id
    assert _history(qtbot, view, item.registration_id, judge2)[-1] == [
        "复核更正",
        "20 → 23",
        REASON,
    ]


def test_a_correction_without_a_new_value_is_refused_in_the_dialog(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    view = competition_view(qtbot, admin, meet.competition_id, "scoring")
    panel = _recheck_panel(qtbot, view)
    dialog = _open_correction(qtbot, panel)
    type_text(qtbot, dialog.reason, REASON)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.error.text() == "不是有效的分数" and dialog.isVisible()
    qtbot.keyClicks(dialog.value, "19")  # the first mark's own value: nothing to correct
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.error.text() == "新分数与原分数 19 相同，无需更正"
    dialog.reject()
    assert not panel.model.row_at(0).checked
