"""打印: all forms into a folder off the GUI thread, one PDF opened in the viewer."""

from __future__ import annotations

import threading

from PySide6.QtGui import QDesktopServices

from skillsapp.services.competitions.forms import FormsService
from tests.gui.competition_helpers import competition_view
from tests.gui.helpers import LEFT
from tests.unit.services.test_competition_helpers import meet_ready_for_scoring


def test_all_forms_are_written_to_a_folder(qtbot, admin, tmp_path, recorder, monkeypatch):
    threads: list[threading.Thread] = []
    original = FormsService.write_all

    def write_all(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FormsService, "write_all", write_all)
    meet = meet_ready_for_scoring(admin)
    view = competition_view(qtbot, admin, meet.competition_id, "print")
    tab = view.tab_widgets["print"]
    tab.write_all(tmp_path / "表格")
    qtbot.waitUntil(lambda: bool(tab.written), timeout=20_000)
    assert threads and threads[0] is not threading.main_thread()
    names = sorted(p.name for p in tab.written)
    assert all((tmp_path / "表格" / name).exists() for name in names)
    assert any(name.endswith(".xlsx") for name in names)
    assert recorder.texts("info")[0].startswith(f"已将 {len(names)} 个文件写入")
    assert tab.progress_dialog.bar.value() == len(names)


def test_a_roster_opens_in_the_pdf_viewer(qtbot, admin, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    meet = meet_ready_for_scoring(admin)
    view = competition_view(qtbot, admin, meet.competition_id, "print")
    tab = view.tab_widgets["print"]
    qtbot.mouseClick(tab.roster_button, LEFT)
    qtbot.waitUntil(lambda: tab.opened is not None, timeout=20_000)
    assert opened and opened[0].toLocalFile() == str(tab.opened)
    assert tab.opened.read_bytes().startswith(b"%PDF")


def test_cancelling_stops_between_files_and_says_so(qtbot, admin, tmp_path, recorder, monkeypatch):
    original = FormsService.write_all

    def write_all_after_cancel(self, competition_id, out_dir, *, progress=None, cancelled=None):
        waiting = threading.Event()
        for _ in range(500):  # the worker waits (≤ 5 s) for the Cancel click
            if cancelled():
                break
            waiting.wait(0.01)
        return original(self, competition_id, out_dir, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(FormsService, "write_all", write_all_after_cancel)
    meet = meet_ready_for_scoring(admin)
    view = competition_view(qtbot, admin, meet.competition_id, "print")
    tab = view.tab_widgets["print"]
    tab.write_all(tmp_path / "表格")
    qtbot.waitUntil(lambda: tab.progress_dialog.isVisible())
    with qtbot.waitSignal(tab.task.finished, timeout=10_000):
        qtbot.mouseClick(tab.progress_dialog.cancel_button, LEFT)
    assert recorder.texts("info") == ["已取消：已写完的 0 个文件保留，其余未生成"]
    assert tab.written == []
