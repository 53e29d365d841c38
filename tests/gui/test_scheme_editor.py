"""The scheme editor: problems shown as they arise, Save only for a valid scheme, refusals."""

from __future__ import annotations

import json
from decimal import Decimal

from PySide6.QtCore import Qt

from skillsapp.domain.scheme_doc import spec_to_json, standard_spec
from skillsapp.domain.scoring import CriterionKind
from tests.gui.competition_helpers import click_cell, competition_view, edit_cell
from tests.gui.helpers import LEFT
from tests.unit.services.test_competition_helpers import competition, event

WEIGHTS = "各部分权重之和必须为100%"


def _editor_on(qtbot, admin, name: str = "维修电工"):
    c = competition(admin)
    event(admin, c.id, "焊工")
    target = event(admin, c.id, name)
    view = competition_view(qtbot, admin, c.id, "scheme")
    tab = view.tab_widgets["scheme"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    tab.select_event(target.id)
    qtbot.waitUntil(lambda: tab.editor.event_id == target.id)
    return view, tab.editor, target


def _problems(editor) -> list[str]:
    return [editor.problems.item(i).text() for i in range(editor.problems.count())]


def test_weights_off_100_turn_red_and_block_saving_until_fixed(qtbot, admin):
    _view, editor, target = _editor_on(qtbot, admin)
    panel = editor.components_panel
    assert editor.ok_label.isVisible() and not editor.save_button.isEnabled()

    # 实操: add a criterion P2 (the new one gets the marks left, here none: 10)
    click_cell(qtbot, panel.component_table, panel.component_model.index(1, 0))
    qtbot.mouseClick(panel.criterion_buttons.add_button, LEFT)
    criteria = panel.criterion_model
    assert [c.key for c in criteria.rows()] == ["P1", "P2"]
    edit_cell(qtbot, panel.criterion_table, criteria.index(1, 1), "安全文明生产")
    edit_cell(qtbot, panel.criterion_table, criteria.index(1, 3), "评判")
    assert criteria.row_at(1).kind is CriterionKind.JUDGEMENT

    # 理论 30 → 20: the weights add up to 90
    weights = panel.component_model
    edit_cell(qtbot, panel.component_table, weights.index(0, 2), "20")
    assert panel.weight_label.text() == "权重合计：90%"
    assert "c62828" in panel.weight_label.styleSheet()  # red
    assert WEIGHTS in _problems(editor)
    assert editor.problems.isVisible()
    assert not editor.save_button.isEnabled()

    # fix it: 实操 80, and its criteria 90 + 10 marks
    edit_cell(qtbot, panel.component_table, weights.index(1, 2), "80")
    assert panel.weight_label.text() == "权重合计：100%"
    assert "2e7d32" in panel.weight_label.styleSheet()  # green
    assert _problems(editor) == ["组成部分“实操”的评分项配分之和应为100"]
    edit_cell(qtbot, panel.criterion_table, criteria.index(0, 2), "90")
    assert _problems(editor) == []
    assert editor.save_button.isEnabled()

    qtbot.mouseClick(editor.save_button, LEFT)
    stored = admin.events.scheme(target.id)
    assert [c.weight for c in stored.components] == [Decimal(20), Decimal(80)]
    assert [(x.key, x.max_mark) for x in stored.components[1].criteria] == [
        ("P1", Decimal(90)),
        ("P2", Decimal(10)),
    ]
    assert not editor.save_button.isEnabled() and not editor.is_dirty()


def test_a_bad_number_is_refused_and_the_cell_keeps_its_value(qtbot, admin):
    _view, editor, _ = _editor_on(qtbot, admin)
    panel = editor.components_panel
    edit_cell(qtbot, panel.component_table, panel.component_model.index(0, 2), "abc")
    assert panel.component_model.data(panel.component_model.index(0, 2)) == "30"
    assert not editor.is_dirty()


def test_removing_a_component_drops_it_from_the_tie_breaks(qtbot, admin):
    _view, editor, _ = _editor_on(qtbot, admin)
    panel = editor.components_panel
    assert [t.component for t in editor.settings_panel.tie_breaks()] == ["practical", "theory"]
    click_cell(qtbot, panel.component_table, panel.component_model.index(0, 0))
    qtbot.mouseClick(panel.component_buttons.remove_button, LEFT)
    assert [t.component for t in editor.spec().tie_breaks] == ["practical"]
    assert WEIGHTS in _problems(editor)


def test_an_invalid_imported_scheme_is_refused_with_its_reasons(qtbot, admin, tmp_path, recorder):
    _view, editor, target = _editor_on(qtbot, admin)
    document = spec_to_json(standard_spec(theory=30, practical=60))
    path = tmp_path / "评分标准.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    editor.import_file(path)
    [shown] = recorder.shown
    assert (shown.kind, shown.title) == ("error", "评分标准未导入")
    assert WEIGHTS in shown.text
    assert admin.events.scheme(target.id) == standard_spec()


def test_a_save_the_service_refuses_shows_why(qtbot, admin, recorder):
    _view, editor, target = _editor_on(qtbot, admin)
    panel = editor.components_panel
    edit_cell(qtbot, panel.criterion_table, panel.criterion_model.index(0, 1), "理论考试")
    assert editor.save_button.isEnabled()
    admin.events.delete(target.id)  # meanwhile, somebody else deleted the event
    qtbot.mouseClick(editor.save_button, LEFT)
    [shown] = recorder.shown
    assert (shown.kind, shown.title, shown.text) == (
        "error",
        "评分标准未保存",
        "记录不存在或已被删除",
    )
    assert editor.is_dirty()


def test_the_scheme_of_another_competition_is_copied(qtbot, admin):
    other = competition(admin, code="OLD")
    source = event(admin, other.id, "车工")
    admin.events.save_scheme(source.id, standard_spec(theory=20, practical=80))
    _view, editor, target = _editor_on(qtbot, admin)
    editor.copy_from(source.id)
    assert [c.weight for c in admin.events.scheme(target.id).components] == [20, 80]
    weights = editor.components_panel.component_model
    assert weights.data(weights.index(0, 2), Qt.ItemDataRole.DisplayRole) == "20"
