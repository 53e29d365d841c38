"""Around the marks: the re-check sample and its error rate, time used and 失格, blind
events showing codes only, and filled .xlsx score sheets imported with a preview."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
from PySide6.QtCore import Qt

from skillsapp.domain.roles import Role
from skillsapp.ui.dialogs.contestant_score_dialog import ContestantScoreDialog
from skillsapp.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from skillsapp.ui.dialogs.recheck_dialog import RecheckDialog
from tests.gui.competition_helpers import competition_view, tick
from tests.gui.helpers import LEFT, type_text
from tests.gui.scoring_helpers import contest, fill, login, main_window, sign_in

D = Decimal


def _all_marked(admin, meet) -> None:
    for number in (1, 2, 3):
        judge = login(admin, f"judge{number}")
        fill(judge, meet.event_id, D(18 + number))
        judge.marks.submit(meet.event_id)


def test_the_recheck_sample_is_drawn_checked_and_its_error_rate_shown(qtbot, admin):
    meet = contest(admin)
    _all_marked(admin, meet)
    view = competition_view(qtbot, admin, meet.competition_id, "scoring")
    tab = view.tab_widgets["scoring"]
    tab.show_panel("recheck")
    panel = tab.panels["recheck"]
    qtbot.waitUntil(lambda: panel.draw_button.isEnabled())
    assert panel.sample_label.text() == "尚未抽样。"
    qtbot.mouseClick(panel.draw_button, LEFT)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 12)  # the top 10 and 15 % of the rest
    assert not panel.draw_button.isEnabled()

    panel.table.selectRow(0)
    qtbot.mouseClick(panel.check_button, LEFT)
    dialog = panel.check_dialog
    assert isinstance(dialog, RecheckDialog)
    tick(qtbot, dialog.error_found)
    type_text(qtbot, dialog.note, "P3 扣分抄错，已书面更正")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: panel.model.row_at(0).checked)
    assert panel.status_label.text() == "样本 12 人，已复核 1 人，发现错误 1 人；错误率 100.0%。"
    assert panel.full_label.isVisible()


def test_time_used_and_disqualification_are_entered_beside_the_marks(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    view = competition_view(qtbot, admin, meet.competition_id, "scoring")
    panel = view.tab_widgets["scoring"].panels["panel"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert panel.return_button.isHidden()  # returning marks is the chief judge's
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.score_button, LEFT)
    dialog = panel.score_dialog
    assert isinstance(dialog, ContestantScoreDialog)
    qtbot.keyClicks(dialog.time_used, "52.5")
    tick(qtbot, dialog.disqualified)
    type_text(qtbot, dialog.reason, "违反安全操作规程")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    registration = panel.model.row_at(1).registration_id
    drill = admin.results.drilldown(registration)
    assert (drill.time_used, drill.disqualified) == (D("52.5"), True)

    view.show_tab("results")
    results = view.tab_widgets["results"]
    qtbot.waitUntil(lambda: results.model.rowCount() == 4)
    row = next(i for i, r in enumerate(results.model.rows()) if r.registration_id == registration)
    assert results.model.data(results.model.index(row, 0)) == "失格"


def test_a_blind_event_shows_judges_codes_only(qtbot, admin):
    meet = contest(admin, entrants=5, blind=True)
    codes = {r.id: r.blind_code for r in admin.registrations.registrations(meet.competition_id)}
    judge = sign_in(qtbot, admin, "judge1", "judge")
    window = main_window(qtbot, judge)
    page = window.pages["marking"]
    grid = page.tab_widgets["grid"]
    qtbot.waitUntil(lambda: grid.model.rowCount() == 5)
    shown = [grid.model.headerData(r, Qt.Orientation.Vertical) for r in range(5)]
    assert shown == [codes[e] for e in meet.entries]
    page.show_tab("panel")
    panel = page.tab_widgets["panel"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
    assert [panel.model.row_at(r).name for r in range(5)] == [""] * 5


def test_a_filled_score_sheet_is_imported_after_its_preview(qtbot, admin, tmp_path, recorder):
    meet = contest(admin, entrants=4)
    judge2 = login(admin, "judge2")
    path = tmp_path / "评分表.xlsx"
    admin.forms.score_sheet_xlsx(meet.event_id, judge2.actor.user_id, path)
    workbook = openpyxl.load_workbook(path)
    for ref, value in {"F9": 25, "F10": 26, "F11": 31, "G9": 3}.items():
        workbook.worksheets[0][ref] = value
    workbook.save(path)
    admin.accounts.create_user(admin.actor, username="clerk1", password="clerk", role=Role.CLERK)
    clerk = sign_in(qtbot, admin, "clerk1", "clerk")
    view = competition_view(qtbot, clerk, meet.competition_id, "scoring")
    panel = view.tab_widgets["scoring"].panels["paper"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)

    panel.import_file(path)
    qtbot.waitUntil(lambda: panel.import_flow.preview_dialog is not None, timeout=10_000)
    preview = panel.import_flow.preview_dialog
    assert isinstance(preview, ImportPreviewDialog)
    assert preview.model.rowCount() == 1
    problem = [preview.model.data(preview.model.index(0, c)) for c in range(3)]
    assert problem == ["11", "F 列（P2）", "31"]
    assert preview.notes.text() == "评分表中共 3 个分数，其中 3 个为新增或修改。"
    qtbot.mouseClick(preview.import_button, LEFT)
    qtbot.waitUntil(lambda: panel.import_flow.result is not None, timeout=10_000)
    assert recorder.shown[-1].text == "已写入 3 个分数，0 个未变，1 个有问题未导入。"
    grid = judge2.marks.grid(meet.event_id)
    assert [c.value for c in grid.rows[0].cells] == [None, None, D(25), D(3)]
