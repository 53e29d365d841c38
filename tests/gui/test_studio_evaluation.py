"""年度考核: a plan whose weights must add up to 100 (the running total shows), the ranking
of two studios by it, the reviewers' scores and the evaluation sheets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp import messages
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import Metric
from skillsapp.domain.studios import InnovationKind, StudioKind
from skillsapp.services.studios.studio_evaluation import PlanInput
from skillsapp.services.studios.studio_records import InnovationInput, TrainingInput
from skillsapp.services.studios.studios import StudioInput
from skillsapp.ui.dialogs.plan_dialog import PlanDialog
from skillsapp.ui.dialogs.scores_dialog import ScoresDialog
from skillsapp.ui.pages.studios_page import StudiosPage
from tests.gui.competition_helpers import edit_cell
from tests.gui.talent_helpers import LEFT, choose, click_row, ok, shown, type_text

YEAR = dt.date.today().year


def _two_studios(services):
    made = []
    for name, results, benefit in (("甲工作室", 2, "30"), ("乙工作室", 1, "90")):
        studio = services.studios.add_studio(
            StudioInput(name, StudioKind.MODEL_WORKER, HonourLevel.CITY)
        )
        for number in range(results):
            services.studios.add_innovation(
                studio.id,
                InnovationInput(
                    f"{name}成果{number}",
                    YEAR,
                    InnovationKind.TECHNICAL_INNOVATION,
                    benefit=Decimal(benefit) / results,
                ),
            )
        made.append(studio)
    services.studios.add_training(made[0].id, TrainingInput(dt.date(YEAR, 1, 2), "岗位练兵", 30))
    return made


def _evaluation(qtbot, services) -> StudiosPage:
    """The page on screen showing its evaluation tab (keep the page referenced)."""
    page = StudiosPage(services)
    shown(qtbot, page, (1280, 800))
    page.show_tab("evaluation")
    return page


def test_a_plan_needs_weights_adding_up_to_100_and_ranks_two_studios(qtbot, admin):
    _two_studios(admin)
    page = _evaluation(qtbot, admin)
    tab = page.evaluation
    qtbot.mouseClick(tab.new_plan_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, PlanDialog)
    type_text(qtbot, dialog.name, f"{YEAR}年度考核")
    for metric in ("创新成果（项）", "经济效益（万元）"):
        choose(qtbot, dialog.computed, metric)
        qtbot.mouseClick(dialog.add_button, LEFT)
    model = dialog.model
    edit_cell(qtbot, dialog.table, model.index(0, 2), "60")
    assert dialog.total.text() == "权重合计：60 / 100"
    assert "c62828" in dialog.total.styleSheet()  # red
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["metrics"].text() == messages.text("evaluation_weight_invalid")
    edit_cell(qtbot, dialog.table, model.index(1, 2), "30")
    assert dialog.errors["metrics"].text() == messages.text("evaluation_weights_sum")
    edit_cell(qtbot, dialog.table, model.index(1, 2), "40")
    assert dialog.total.text() == "权重合计：100 / 100"
    assert "2e7d32" in dialog.total.styleSheet()  # green
    assert not dialog.errors["metrics"].text()
    ok(qtbot, dialog)

    ranking = tab.results.model
    qtbot.waitUntil(lambda: ranking.rowCount() == 2)
    cells = [[ranking.data(ranking.index(r, c)) for c in range(5)] for r in range(2)]
    # 甲: 2 results (best: 60) + 30 of 90 万元 (13.33) = 73.33; 乙: 30 + 40 = 70
    assert cells == [["1", "甲工作室", "73.33", "60", "13.33"], ["2", "乙工作室", "70", "30", "40"]]
    headers = [
        ranking.headerData(c, Qt.Orientation.Horizontal) for c in range(ranking.columnCount())
    ]
    assert headers == ["名次", "工作室", "总分", "创新成果（项）", "经济效益（万元）", "评审意见"]


def test_reviewers_scores_change_the_ranking(qtbot, admin):
    first, second = _two_studios(admin)
    metrics = (
        Metric("innovations", Decimal(50)),
        Metric("m1", Decimal(50), label="现场评审", manual=True, max_score=Decimal(10)),
    )
    admin.studio_evaluation.add_plan(PlanInput(YEAR, "考核", metrics))
    page = _evaluation(qtbot, admin)
    tab = page.evaluation
    ranking = tab.results.model
    qtbot.waitUntil(lambda: ranking.rowCount() == 2)
    row = next(r for r in range(2) if ranking.row_at(r).studio_id == second.id)
    click_row(qtbot, tab.results, row)
    qtbot.mouseClick(tab.scores_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, ScoresDialog)
    spin = dialog.spins["m1"]
    spin.selectAll()
    qtbot.keyClicks(spin, "10")
    type_text(qtbot, dialog.note, "现场整洁")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: ranking.row_at(0).studio_id == second.id)
    assert [ranking.row_at(r).total for r in range(2)] == [Decimal(75), Decimal(50)]
    assert ranking.data(ranking.index(0, 5)) == "现场整洁"
    assert first.id == ranking.row_at(1).studio_id


def test_the_evaluation_sheets_are_written_as_one_pdf(qtbot, admin, tmp_path):
    _two_studios(admin)
    metrics = (Metric("innovations", Decimal(100)),)
    admin.studio_evaluation.add_plan(PlanInput(YEAR, "考核", metrics))
    page = _evaluation(qtbot, admin)
    tab = page.evaluation
    qtbot.waitUntil(lambda: tab.results.model.rowCount() == 2)
    path = tmp_path / "考核表.pdf"
    tab.export_sheet(path)
    qtbot.waitUntil(lambda: tab.pdf_flow.path == path)
    assert path.read_bytes().startswith(b"%PDF")
