"""报名: the paged entry list, adding an entry, withdrawing, and importing entry forms."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl

from skillsapp.domain.competitions import RegistrationStatus
from skillsapp.services.competitions.registration_import import RegistrationImporter
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.dialogs.registration_dialog import RegistrationDialog
from skillsapp.ui.models.registration_table_model import PAGE_SIZE
from tests.factories import id_number, person_input
from tests.gui.competition_helpers import click_cell, competition_view, tick
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, type_text
from tests.unit.services.test_competition_helpers import competition, enter, event, unit

BAD_CHECKSUM = "360426199101010072"


def _entry_form(path: Path) -> Path:
    """Two good rows (2, 6) and three bad ones (3: ID, 4: event, 5: unit)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目", "姓名", "性别", "身份证号", "手机号", "单位"])
    sheet.append(["焊工", "王建国", "男", id_number(1), "13800000001", "焦煤集团"])
    sheet.append(["钳工", "李秀英", "女", BAD_CHECKSUM, "13800000002", "焦煤集团"])
    sheet.append(["电焊", "张伟", "男", id_number(3), "13800000003", "焦煤集团"])
    sheet.append(["焊工", "刘洋", "男", id_number(5), "13800000005", ""])
    sheet.append(["钳工", "陈静", "女", id_number(2, female=True), "13800000006", "中原内配"])
    book.save(path)
    return path


def _meet(admin):
    c = competition(admin, quota_per_unit=10)
    welders, fitters = event(admin, c.id, "焊工"), event(admin, c.id, "钳工")
    return c, welders, fitters


def _tab(qtbot, admin, competition_id):
    view = competition_view(qtbot, admin, competition_id, "registrations")
    return view, view.tab_widgets["registrations"]


def test_an_entry_form_with_bad_rows_previews_them_and_imports_the_rest(
    qtbot, admin, tmp_path, recorder, monkeypatch
):
    threads: list[threading.Thread] = []
    original = RegistrationImporter.run

    def run(self, preview, **kwargs):
        threads.append(threading.current_thread())
        return original(self, preview, **kwargs)

    monkeypatch.setattr(RegistrationImporter, "run", run)
    c, _, _ = _meet(admin)
    _view, tab = _tab(qtbot, admin, c.id)
    tab.import_file(_entry_form(tmp_path / "报名表.xlsx"))
    flow = tab.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    dialog = flow.preview_dialog

    problems = [(p.row, p.field) for p in dialog.model.rows()]
    assert problems == [(3, "id_number"), (4, "event"), (5, "unit")]
    texts = [dialog.model.data(dialog.model.index(row, 3)) for row in range(3)]
    assert texts == ["身份证号校验位错误", "没有名为“电焊”的比赛项目", "未填写参赛单位"]
    assert dialog.summary.text() == "共读取 5 行：有效 2 行，有问题 3 行。"
    assert dialog.notes.text() == "其中 2 人为新人员，将加入人才库。"
    assert dialog.import_button.text() == "导入有效行 (2)"

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: flow.result is not None)
    assert threads and threads[0] is not threading.main_thread()
    assert recorder.texts("info") == ["已报名 2 人；跳过 3 行；新增人员 2 人；新建单位 2 个。"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert sorted(tab.model.row_at(r).person_name for r in range(2)) == ["王建国", "陈静"]
    assert tab.count_label.text() == "共 2 条报名"


def test_the_table_fetches_pages_as_it_scrolls(qtbot, admin):
    c = competition(admin, quota_per_unit=None)
    e = event(admin, c.id)
    u = unit(admin)
    for seq in range(PAGE_SIZE + 5):
        enter(admin, e.id, seq, u.id)
    _view, tab = _tab(qtbot, admin, c.id)
    qtbot.waitUntil(lambda: tab.model.total == PAGE_SIZE + 5)
    assert tab.model.rowCount() == PAGE_SIZE
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == PAGE_SIZE + 5)
    assert tab.count_label.text() == f"共 {PAGE_SIZE + 5} 条报名"


def test_search_and_event_filter_narrow_the_list(qtbot, admin):
    c, welders, fitters = _meet(admin)
    u = unit(admin)
    enter(admin, welders.id, 0, u.id)
    enter(admin, fitters.id, 1, u.id)
    _view, tab = _tab(qtbot, admin, c.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    tab.event.setCurrentIndex(tab.event.findData(fitters.id))
    tab.event.activated.emit(tab.event.currentIndex())
    assert [tab.model.row_at(r).event_name for r in range(tab.model.rowCount())] == ["钳工"]
    tab.event.setCurrentIndex(0)
    tab.event.activated.emit(0)
    type_text(qtbot, tab.search, person_input(0).name)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_a_new_person_is_entered_through_the_dialog(qtbot, admin):
    c, _welders, _ = _meet(admin)
    u = unit(admin)
    _view, tab = _tab(qtbot, admin, c.id)
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, RegistrationDialog) is not None)
    dialog = open_dialog_of(tab, RegistrationDialog)
    tick(qtbot, dialog.new)
    type_text(qtbot, dialog.name, "赵敏")
    qtbot.keyClicks(dialog.id_number, BAD_CHECKSUM)
    assert dialog.errors["id_number"].text() == "身份证号校验位错误"
    dialog.unit.setCurrentIndex(dialog.unit.findData(u.id))
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.isVisible()

    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, id_number(9))
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = admin.registrations.registrations(c.id)
    assert (row.person_name, row.event_name, row.unit_name) == ("赵敏", "焊工", u.name)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_a_registry_person_over_the_quota_is_refused_in_the_dialog(qtbot, admin):
    c = competition(admin, quota_per_unit=1)
    e = event(admin, c.id)
    u = unit(admin)
    enter(admin, e.id, 0, u.id)
    second = admin.registry.add(person_input(1, unit_id=u.id))
    _view, tab = _tab(qtbot, admin, c.id)
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, RegistrationDialog) is not None)
    dialog = open_dialog_of(tab, RegistrationDialog)
    type_text(qtbot, dialog.picker.search, second.name)
    dialog.picker.find()
    dialog.picker.results.setCurrentRow(0)
    assert dialog.unit.currentData() == u.id  # the person's own unit
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.banner.text() == f"{u.name} 在“焊工”的名额（1 人）已满"
    assert dialog.isVisible()


def test_withdrawing_asks_for_a_reason(qtbot, admin):
    c, welders, _ = _meet(admin)
    enter(admin, welders.id, 0, unit(admin).id)
    _view, tab = _tab(qtbot, admin, c.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    click_cell(qtbot, tab.table, tab.model.index(0, 2))
    qtbot.mouseClick(tab.withdraw_button, LEFT)
    dialog = tab.reason_dialog
    assert isinstance(dialog, ReasonDialog) and not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.reason, "因病退赛")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    [row] = admin.registrations.registrations(c.id)
    assert row.status is RegistrationStatus.WITHDRAWN
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, 7)) == "已退赛")
