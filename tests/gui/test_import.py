"""Importing persons: preview off the GUI thread, problems by row, import, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl

from skillsapp.services.registry.person_import import PersonImporter
from skillsapp.ui.pages.persons_tab import PersonsTab
from tests.factories import id_number
from tests.gui.helpers import LEFT, table_names

BAD_CHECKSUM = "360426199101010072"


def _workbook(path: Path) -> Path:
    """Header, then 3 good rows and a bad one at spreadsheet row 3."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "单位", "工种", "技能等级"])
    sheet.append(["王建国", id_number(1), "焦煤集团", "焊工", "三级/高级工"])
    sheet.append(["李秀英", BAD_CHECKSUM, "焦煤集团", "钳工", "高级工"])
    sheet.append(["张伟", id_number(2), "中原内配", "电工", "技师"])
    sheet.append(["刘洋", id_number(3), "焦煤集团", "焊工", ""])
    book.save(path)
    return path


def _tab(qtbot, services) -> PersonsTab:
    tab = PersonsTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _preview(qtbot, tab: PersonsTab, path: Path):
    tab.import_file(path)
    flow = tab.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    return flow.preview_dialog


def test_preview_lists_the_bad_row_then_imports_the_valid_ones(
    qtbot, admin, tmp_path, recorder, monkeypatch
):
    threads: list[threading.Thread] = []
    original_run = PersonImporter.run

    def run(self, preview, **kwargs):
        threads.append(threading.current_thread())
        return original_run(self, preview, **kwargs)

    monkeypatch.setattr(PersonImporter, "run", run)
    tab = _tab(qtbot, admin)
    dialog = _preview(qtbot, tab, _workbook(tmp_path / "人员.xlsx"))

    problems = dialog.model.rows()
    assert [(p.row, p.field) for p in problems] == [(3, "id_number")]
    assert dialog.model.data(dialog.model.index(0, 3)) == "身份证号校验位错误"
    assert dialog.summary.text() == "共读取 4 行：有效 3 行，有问题 1 行。"
    assert "焦煤集团" in dialog.new_units.text() and "中原内配" in dialog.new_units.text()
    assert dialog.import_button.text() == "导入有效行 (3)"

    qtbot.mouseClick(dialog.import_button, LEFT)
    flow = tab.import_flow
    qtbot.waitUntil(lambda: flow.result is not None)
    assert flow.result.imported == 3
    assert threads and threads[0] is not threading.main_thread()
    assert flow.progress_dialog.bar.maximum() == 3
    assert flow.progress_dialog.bar.value() == 3
    assert recorder.texts("info") == ["已导入 3 人；跳过 1 行；新建单位 2 个。"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    assert sorted(table_names(tab.model)) == sorted(["王建国", "张伟", "刘洋"])


def test_cancelling_the_import_writes_nothing(qtbot, admin, tmp_path, recorder, monkeypatch):
    original_run = PersonImporter.run

    def run_after_cancel(self, preview, *, progress=None, cancelled=None):
        waiting = threading.Event()
        for _ in range(500):  # the worker waits (≤ 5 s) for the Cancel click
            if cancelled():
                break
            waiting.wait(0.01)
        return original_run(self, preview, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(PersonImporter, "run", run_after_cancel)
    tab = _tab(qtbot, admin)
    units_before = len(admin.units.units())
    dialog = _preview(qtbot, tab, _workbook(tmp_path / "人员.xlsx"))
    qtbot.mouseClick(dialog.import_button, LEFT)
    flow = tab.import_flow
    qtbot.waitUntil(lambda: flow.progress_dialog.isVisible())
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        qtbot.mouseClick(flow.progress_dialog.cancel_button, LEFT)

    assert recorder.texts("info") == ["导入已取消，未写入任何数据"]
    assert flow.result is None
    assert admin.registry.search().total == 0
    assert len(admin.units.units()) == units_before
    assert not flow.progress_dialog.isVisible()


def test_an_unreadable_file_is_reported(qtbot, admin, tmp_path, recorder):
    path = tmp_path / "人员.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    tab = _tab(qtbot, admin)
    tab.import_file(path)
    qtbot.waitUntil(lambda: bool(recorder.shown))
    assert recorder.shown[0].kind == "error"
    assert tab.import_flow.preview_dialog is None


def test_export_writes_the_filtered_registry(qtbot, admin, tmp_path, recorder):
    from tests.factories import person_input

    for seq in range(3):
        admin.registry.add(person_input(seq))
    tab = _tab(qtbot, admin)
    out = tmp_path / "导出.xlsx"
    with qtbot.waitSignal(tab.export_flow.finished, timeout=10_000):
        tab.export_file(out)
    assert tab.export_flow.count == 3
    assert out.exists()
    assert recorder.texts("info")[0].startswith("已导出 3 人")
