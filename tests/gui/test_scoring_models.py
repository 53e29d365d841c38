"""Every item model of mark entry and results passes Qt's model tester."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.roles import Role
from skillsapp.services.scoring.marks_grid import CellState
from skillsapp.ui.models.drilldown_models import (
    DrillLineTableModel,
    MarkChangeTableModel,
    drill_lines,
)
from skillsapp.ui.models.mark_grid_model import MarkGridTableModel, keep_locally
from skillsapp.ui.models.panel_model import PanelTableModel
from skillsapp.ui.models.results_table_models import (
    AppealTableModel,
    MissingMarkTableModel,
    ResultTableModel,
    SeverityTableModel,
    TeamTableModel,
    UnitStandingTableModel,
)
from skillsapp.ui.models.scoring_table_models import (
    JudgeEventTableModel,
    MismatchTableModel,
    PanelJudgeTableModel,
    RecheckItemTableModel,
    SheetTableModel,
)
from tests.gui.scoring_helpers import contest, fill, login

D = Decimal


def _marked(admin):
    """A contest whose judges have all marked and signed off, one mark corrected."""
    meet = contest(admin, entrants=6)
    judges = [login(admin, f"judge{n}") for n in (1, 2, 3)]
    missing = admin.results.event_results(meet.event_id)
    for number, judge in enumerate(judges):
        fill(judge, meet.event_id, D(20 + number))
        judge.marks.submit(meet.event_id)
    judges[0].marks.return_marks(meet.event_id, judges[1].actor.user_id, "核对第一名")
    judges[1].marks.save_mark(meet.event_id, meet.entries[0], "P2", D(25))
    judges[1].marks.submit(meet.event_id)
    return meet, judges, missing


def test_mark_grid_model(qtmodeltester, admin):
    meet, judges, _ = _marked(admin)
    model = MarkGridTableModel()
    model.set_mark_grid(judges[1].marks.grid(meet.event_id), keep_locally)
    qtmodeltester.check(model)
    assert model.cell_at(0, model.column_of("P2")).state is CellState.CORRECTED
    assert model.read_only
    fresh = MarkGridTableModel()
    grid = judges[1].marks.grid(meet.event_id)
    fresh.set_grid(grid.columns, [], {}, saver=keep_locally)
    qtmodeltester.check(fresh)


def test_panel_and_judge_event_models(qtmodeltester, admin):
    meet, judges, _ = _marked(admin)
    panel = PanelTableModel()
    panel.set_view(judges[0].marks.panel(meet.event_id))
    qtmodeltester.check(panel)
    # T1, P1 measured (one column each); P2, P3 by three judges and their spread
    assert panel.columnCount() == 2 + 2 * 4
    assert panel.headerData(2, Qt.Orientation.Horizontal) == "P2 故障排除\n蔡天宇"
    assert panel.headerData(5, Qt.Orientation.Horizontal).endswith("分差")
    people = PanelJudgeTableModel()
    people.set_rows(panel.view.judges)
    qtmodeltester.check(people)
    events = JudgeEventTableModel()
    events.set_rows(judges[0].marks.judge_events())
    qtmodeltester.check(events)
    assert events.data(events.index(0, 0)) == "维修电工（裁判长）"


def test_paper_and_recheck_models(qtmodeltester, admin):
    meet, judges, _ = _marked(admin)
    clerks = []
    for name in ("clerk1", "clerk2"):
        admin.accounts.create_user(admin.actor, username=name, password="clerk", role=Role.CLERK)
        clerks.append(login(admin, name, "clerk"))
    judge3 = judges[2].actor.user_id
    clerks[0].paper.receive(meet.event_id, judge3)
    clerks[0].paper.key(meet.event_id, judge3, {(meet.entries[0], "P2"): D(22)})
    clerks[1].paper.key(meet.event_id, judge3, {(meet.entries[0], "P2"): D(23)})
    sheets = SheetTableModel()
    sheets.set_rows(admin.paper.sheets(meet.event_id))
    qtmodeltester.check(sheets)
    sheet_id = sheets.row_at(sheets.index_of(judge3)).sheet_id
    mismatches = MismatchTableModel({meet.entries[0]: "A1"}, {"P2": "P2 故障排除"})
    mismatches.set_rows(admin.paper.mismatches(sheet_id))
    qtmodeltester.check(mismatches)
    assert mismatches.data(mismatches.index(0, 0)) == "A1"

    judges[0].marks.review_done(meet.event_id)
    sample = admin.recheck.draw_sample(meet.event_id, seed=1)
    admin.recheck.record_check(sample.items[0].item_id, error_found=True, note="P2 抄错")
    items = RecheckItemTableModel()
    items.set_rows(admin.recheck.sample(meet.event_id).items)
    qtmodeltester.check(items)


def test_results_models(qtmodeltester, admin):
    meet, _, missing = _marked(admin)
    view = admin.results.event_results(meet.event_id)
    for standardised in (False, True):
        results = ResultTableModel()
        results.set_view(view, standardised=standardised)
        qtmodeltester.check(results)
    assert results.headerData(4, Qt.Orientation.Horizontal) == "理论"
    empty = ResultTableModel()
    empty.set_view(None)
    qtmodeltester.check(empty)
    gaps = MissingMarkTableModel()
    gaps.set_rows(missing.missing)
    qtmodeltester.check(gaps)
    assert gaps.rowCount() == len(missing.missing) > 0
    teams = TeamTableModel()
    teams.set_rows(view.teams)
    qtmodeltester.check(teams)
    units = UnitStandingTableModel()
    units.set_rows(admin.results.unit_standings(meet.competition_id))
    qtmodeltester.check(units)
    severity = SeverityTableModel()
    severity.set_rows(admin.results.judge_analysis(meet.event_id))
    qtmodeltester.check(severity)

    admin.appeals.file(meet.entries[0], "实操分数偏低", "领队")
    appeals = AppealTableModel()
    appeals.set_rows(admin.appeals.appeals(meet.competition_id))
    qtmodeltester.check(appeals)

    drilldown = admin.results.drilldown(meet.entries[0])
    lines = DrillLineTableModel()
    lines.set_rows(drill_lines(drilldown))
    qtmodeltester.check(lines)
    corrected = next(
        j.history
        for c in drilldown.criteria
        if c.key == "P2"
        for j in c.judges
        if len(j.history) > 1
    )
    changes = MarkChangeTableModel()
    changes.set_rows(corrected)
    qtmodeltester.check(changes)
    assert changes.data(changes.index(1, 1)) == "更正"
    assert changes.data(changes.index(1, 2)) == "21 → 25"


def test_grid_headers_show_the_range_a_judge_may_type():
    from skillsapp.services.scoring.marking import CriterionInfo
    from skillsapp.ui.scoring_labels import criterion_header

    def item(**kind: bool) -> CriterionInfo:
        flags = {"deduction": False, "judgement": True, "worldskills": False} | kind
        return CriterionInfo(1, "P3", "外观", "practical", D(30), D(1), **flags)

    assert criterion_header(item()) == "P3 外观\n满分 30"
    assert criterion_header(item(deduction=True)) == "P3 外观\n扣分 ≤ 30"
    assert criterion_header(item(worldskills=True)) == "P3 外观\n0–3"
