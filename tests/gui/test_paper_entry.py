"""Clerks key a judge's paper sheet twice; the second keying is blind; a mismatch is
settled and the sheet confirmed by a third person — never by a clerk who keyed it."""

from __future__ import annotations

from decimal import Decimal

from skillsapp.domain.marks import SheetStatus, SubmissionStatus
from skillsapp.domain.roles import Role
from skillsapp.ui.dialogs.mismatch_dialog import MismatchDialog
from skillsapp.ui.dialogs.paper_keying_dialog import PaperKeyingDialog
from tests.gui.competition_helpers import competition_view
from tests.gui.helpers import LEFT
from tests.gui.scoring_helpers import contest, sign_in, type_mark


def _clerk(qtbot, admin, username: str):
    admin.accounts.create_user(
        admin.actor, username=username, password="clerk", role=Role.CLERK, display_name=username
    )
    return sign_in(qtbot, admin, username, "clerk")


def _paper_panel(qtbot, services, competition_id: int, judge_name: str):
    view = competition_view(qtbot, services, competition_id, "scoring")
    tab = view.tab_widgets["scoring"]
    assert tab.tabs.count() == 1  # a clerk sees the paper sheets only
    panel = tab.panels["paper"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    names = [r.judge_name for r in panel.model.rows()]
    panel.table.selectRow(names.index(judge_name))
    return view, panel


def _key(qtbot, panel, marks: list[str], heading: str) -> None:
    """Open the keying grid, type P2 down the column, save."""
    qtbot.mouseClick(panel.key_button, LEFT)
    dialog = panel.keying_dialog
    assert isinstance(dialog, PaperKeyingDialog)
    assert dialog.heading.text() == heading
    view = dialog.view
    assert dialog.model.values() == {}  # always blank: the first keying stays out of sight
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(0, dialog.model.column_of("P2")))
    for mark in marks:
        type_mark(qtbot, view, mark)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_double_entry_with_a_mismatch_settled_and_confirmed_by_a_third_clerk(
    qtbot, admin, recorder
):
    meet = contest(admin)
    competition_id, event_id = meet.competition_id, meet.event_id
    judge = next(j for j in admin.judges.judges(event_id) if j.username == "judge2")
    first = _clerk(qtbot, admin, "clerk1")
    view1, panel = _paper_panel(qtbot, first, competition_id, judge.name)
    assert not panel.key_button.isEnabled()
    qtbot.mouseClick(panel.receive_button, LEFT)
    qtbot.waitUntil(lambda: panel.selected().status is SheetStatus.RECEIVED)

    marks = [str(10 + n) for n in range(20)]
    _key(qtbot, panel, marks, "第一遍录入")
    qtbot.waitUntil(lambda: panel.selected().status is SheetStatus.ENTERED)
    assert panel.selected().first_clerk == "clerk1"

    second = _clerk(qtbot, admin, "clerk2")
    view2, panel2 = _paper_panel(qtbot, second, competition_id, judge.name)
    differing = ["11", *marks[1:]]
    _key(qtbot, panel2, differing, "第二遍录入")
    qtbot.waitUntil(lambda: panel2.selected().mismatches == 1)

    # the clerk who keyed may not confirm; the reason is shown
    panel.reload()
    assert panel.confirm_button.isEnabled()
    qtbot.mouseClick(panel.confirm_button, LEFT)
    assert recorder.shown[-1].kind == "error"
    assert recorder.shown[-1].text == "不能核对或确认自己录入的评分表"
    assert panel.selected().status is SheetStatus.ENTERED

    third = _clerk(qtbot, admin, "clerk3")
    view3, panel3 = _paper_panel(qtbot, third, competition_id, judge.name)
    qtbot.mouseClick(panel3.mismatch_button, LEFT)
    mismatches = panel3.mismatch_dialog
    assert isinstance(mismatches, MismatchDialog)
    assert mismatches.model.rowCount() == 1
    shown = [mismatches.model.data(mismatches.model.index(0, c)) for c in range(4)]
    assert shown[1:] == ["P2 故障排除", "10", "11"]
    qtbot.keyClicks(mismatches.value, "10")
    qtbot.mouseClick(mismatches.resolve_button, LEFT)
    assert mismatches.model.row_at(0).resolved
    mismatches.close()

    qtbot.mouseClick(panel3.confirm_button, LEFT)
    qtbot.waitUntil(lambda: panel3.selected().status is SheetStatus.CONFIRMED)
    assert panel3.selected().confirmed_by == "clerk3"
    judge2 = admin.as_actor(admin.accounts.login("judge2", "judge"))
    grid = judge2.marks.grid(event_id)
    assert grid.status is SubmissionStatus.SUBMITTED  # the paper carries the signature
    column = [c.key for c in grid.columns].index("P2")
    assert [r.cells[column].value for r in grid.rows] == [Decimal(m) for m in marks]
    assert all(v.isVisible() for v in (view1, view2, view3))  # kept alive until here
