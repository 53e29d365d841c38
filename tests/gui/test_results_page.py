"""成绩: provisional results and what is missing, the drill-down with a mark's history,
appeals (filed, re-marked, ruled on), 公示 refused with reasons, exports, titles."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import AppealStatus
from skillsapp.ui.dialogs.appeal_dialogs import AppealDialog, DecideDialog, RemarkDialog
from skillsapp.ui.dialogs.judge_analysis_dialog import JudgeAnalysisDialog
from tests.gui.competition_helpers import competition_view
from tests.gui.helpers import LEFT, type_text
from tests.gui.scoring_helpers import contest, double_click, fill, login
from tests.unit.services.test_marks_helpers import lock

D = Decimal


def _results(qtbot, admin, competition_id):
    view = competition_view(qtbot, admin, competition_id, "results")
    tab = view.tab_widgets["results"]
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    return view, tab


def _all_marked(admin, meet) -> None:
    for number in (1, 2, 3):
        judge = login(admin, f"judge{number}")
        fill(judge, meet.event_id, D(18 + number))
        judge.marks.submit(meet.event_id)


def test_provisional_results_list_the_missing_marks_and_publishing_is_refused(
    qtbot, admin, recorder
):
    meet = contest(admin, entrants=6)
    fill(login(admin, "judge1"), meet.event_id, D(20))
    view, tab = _results(qtbot, admin, meet.competition_id)
    assert tab.provisional.isVisible()
    assert tab.provisional.text().startswith("成绩为暂定：还有 24 个分数未录入")
    assert tab.tabs.isTabVisible(tab.tabs.indexOf(tab.missing_table))
    assert tab.missing_model.rowCount() == 24  # P2 and P3 of judges 2 and 3
    assert tab.model.data(tab.model.index(0, tab.model.columnCount() - 1)) == "缺分"
    assert tab.too_small.isHidden()

    qtbot.mouseClick(tab.publish_button, LEFT)
    refused = recorder.shown[-1]
    assert refused.kind == "error" and refused.title == "无法公示"
    assert "分数未录入" in refused.text
    assert view.detail.row.status is CompetitionStatus.SCORING


def test_double_click_shows_every_judges_mark_and_its_history(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    chief, judge2 = login(admin, "judge1"), login(admin, "judge2")
    chief.marks.return_marks(meet.event_id, judge2.actor.user_id, "请核对")
    judge2.marks.save_mark(meet.event_id, meet.entries[0], "P2", D(22))
    _, tab = _results(qtbot, admin, meet.competition_id)
    assert tab.provisional.isHidden()
    row = next(i for i, r in enumerate(tab.model.rows()) if r.registration_id == meet.entries[0])
    double_click(qtbot, tab.table, tab.model.index(row, 2))
    qtbot.waitUntil(lambda: tab.drilldown_dialog is not None)
    dialog = tab.drilldown_dialog
    assert dialog.isVisible()
    assert dialog.select_line("P2", judge2.actor.user_id) >= 0
    history = dialog.history_model
    assert history.rowCount() == 2
    assert [history.data(history.index(1, c)) for c in (1, 2, 3)] == ["更正", "20 → 22", "崔涛"]


def test_an_appeal_is_filed_re_marked_and_ruled_on(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    _, tab = _results(qtbot, admin, meet.competition_id)
    tab.show_panel("appeals")
    appeals = tab.appeals
    qtbot.mouseClick(appeals.file_button, LEFT)
    dialog = appeals.dialog
    assert isinstance(dialog, AppealDialog)
    type_text(qtbot, dialog.appellant, "领队 王强")
    type_text(qtbot, dialog.text, "选手认为故障排除评分过低")
    registration = dialog.contestant.currentData()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: appeals.model.rowCount() == 1)
    assert appeals.model.row_at(0).registration_id == registration

    appeals.table.selectRow(0)
    before = next(r.total for r in tab.model.rows() if r.registration_id == registration)
    qtbot.mouseClick(appeals.remark_button, LEFT)
    remark = appeals.dialog
    assert isinstance(remark, RemarkDialog)
    remark.mark.setCurrentIndex(remark.mark.findText("P2 故障排除 · 崔涛：20"))
    qtbot.keyClicks(remark.value, "26")
    type_text(qtbot, remark.reason, "复看录像后改分")
    qtbot.mouseClick(remark.ok_button, LEFT)
    qtbot.waitUntil(
        lambda: (
            next(r.total for r in tab.model.rows() if r.registration_id == registration) != before
        )
    )

    appeals.table.selectRow(0)
    qtbot.mouseClick(appeals.decide_button, LEFT)
    ruling = appeals.dialog
    assert isinstance(ruling, DecideDialog)
    ruling.upheld.click()
    type_text(qtbot, ruling.decision, "申诉成立，已改分")
    qtbot.mouseClick(ruling.ok_button, LEFT)
    qtbot.waitUntil(lambda: appeals.model.row_at(0).status is AppealStatus.UPHELD)
    assert appeals.model.data(appeals.model.index(0, 6)) == "申诉成立"
    appeals.table.selectRow(0)
    assert not appeals.remark_button.isEnabled()


def test_publish_exports_analysis_and_titles(qtbot, admin, tmp_path, recorder):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    view, tab = _results(qtbot, admin, meet.competition_id)
    assert not tab.titles_button.isEnabled()  # titles only once the results are final

    task = tab.actions.write_pdf(tmp_path / "成绩.pdf")
    qtbot.waitUntil(lambda: not task.running)
    assert (tmp_path / "成绩.pdf").read_bytes().startswith(b"%PDF")
    task = tab.actions.write_xlsx(tmp_path / "成绩.xlsx")
    qtbot.waitUntil(lambda: not task.running)
    assert (tmp_path / "成绩.xlsx").stat().st_size > 0

    qtbot.mouseClick(tab.analysis_button, LEFT)
    analysis = tab.actions.analysis_dialog
    assert isinstance(analysis, JudgeAnalysisDialog)
    assert analysis.model.rowCount() == 3
    task = tab.actions.write_analysis(meet.event_id, tmp_path / "分析.xlsx")
    qtbot.waitUntil(lambda: not task.running)
    assert (tmp_path / "分析.xlsx").exists()

    qtbot.mouseClick(tab.publish_button, LEFT)
    assert recorder.shown[-1].kind == "info"
    assert recorder.shown[-1].text.startswith("已公示 4 条成绩")
    qtbot.waitUntil(lambda: view.detail.row.status is CompetitionStatus.REVIEW)

    lock(admin, meet.competition_id)
    view.reload()
    assert tab.titles_button.isEnabled()
    qtbot.mouseClick(tab.titles_button, LEFT)
    assert recorder.shown[-1].kind == "info"
    assert recorder.shown[-1].text.endswith("项称号。")


def test_the_standardised_column_is_shown_on_request(qtbot, admin):
    meet = contest(admin, entrants=4)
    _all_marked(admin, meet)
    _, tab = _results(qtbot, admin, meet.competition_id)
    columns = tab.model.columnCount()
    tab.standardised.click()
    assert tab.model.columnCount() == columns + 1
    header = tab.model.headerData(columns, Qt.Orientation.Horizontal)
    assert header == "标准分"
