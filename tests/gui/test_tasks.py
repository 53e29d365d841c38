"""Background tasks: results and errors arrive on the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from skillsapp.errors import UserError
from skillsapp.ui.dialogs.progress_dialog import TaskProgressDialog
from skillsapp.ui.tasks import Task, run_task
from tests.gui.helpers import LEFT


def _parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object, bool]] = []

    def work(control):
        for done in range(1, 4):
            control.progress(done, 3)
        return threading.current_thread() is threading.main_thread()

    parent = _parent(qtbot)
    task = Task(work, parent)
    task.progressed.connect(lambda d, t: seen.append(("progress", d, _on_main())))
    task.succeeded.connect(lambda r: seen.append(("result", r, _on_main())))
    with qtbot.waitSignal(task.finished):
        task.start()
    assert seen[-1] == ("result", False, True)  # ran off the GUI thread, reported on it
    assert [s[1] for s in seen if s[0] == "progress"] == [1, 2, 3]
    assert all(s[2] for s in seen)


def _on_main() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_user_errors_are_reported_in_a_message(qtbot, recorder):
    def fail(_control):
        raise UserError("file_not_found", path="a.xlsx")

    parent = _parent(qtbot)
    task = run_task(fail, parent=parent, on_result=lambda _r: None)
    qtbot.waitUntil(lambda: not task.running)
    assert recorder.texts("error") == ["找不到文件：a.xlsx"]


def test_cancel_in_the_progress_dialog_reaches_the_callable(qtbot):
    started = threading.Event()

    def wait_for_cancel(control):
        started.set()
        for _ in range(1000):
            if control.cancelled():
                return "cancelled"
            threading.Event().wait(0.005)
        return "not cancelled"

    parent = _parent(qtbot)
    task = Task(wait_for_cancel, parent)
    dialog = TaskProgressDialog(task, title="t", text="working", parent=parent)
    dialog.open()
    results = []
    task.succeeded.connect(results.append)
    task.start()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(task.finished):
        qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert results == ["cancelled"]
    assert not dialog.isVisible()
