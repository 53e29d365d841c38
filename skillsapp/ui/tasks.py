"""Background work: run a callable on the thread pool, deliver its outcome on the GUI thread.

The callable receives a `TaskControl` to report progress and to poll for a cancel. It
must not touch widgets or share a session with the GUI thread: it calls services,
which open their own sessions.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from skillsapp.errors import UserError
from skillsapp.ui import msgbox

log = logging.getLogger(__name__)

_running: set[Task] = set()  # keeps running tasks alive until they report back


class TaskControl:
    """Handed to the callable: `progress(done, total)` and `cancelled()`."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._relay.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Lives on the GUI thread; emitting from the worker queues the call over."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], control: TaskControl, relay: _Relay):
        super().__init__()
        self._fn, self._control, self._relay = fn, control, relay

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except Exception as exc:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Task(QObject):
    """One background job; connect to its signals, then `start()`."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[[TaskControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._relay = _Relay()
        self.control = TaskControl(self._relay)
        self.running = False
        self._relay.progressed.connect(self._on_relay_progressed)
        self._relay.succeeded.connect(self._on_relay_succeeded)
        self._relay.failed.connect(self._on_relay_failed)

    def start(self) -> None:
        self.running = True
        _running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self.control, self._relay))

    def cancel(self) -> None:
        self.control.cancel()

    def _on_relay_progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def _on_relay_succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_relay_failed(self, exc: Exception) -> None:
        self._end()
        self.failed.emit(exc)
        self.finished.emit()

    def _end(self) -> None:
        self.running = False
        _running.discard(self)


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """Expected errors go to a message box; anything else is a bug for the crash dialog."""
    if isinstance(exc, UserError):
        msgbox.user_error(parent, exc)
        return
    log.error("background task failed", exc_info=exc)
    sys.excepthook(type(exc), exc, exc.__traceback__)


def run_task(
    fn: Callable[[TaskControl], Any],
    *,
    parent: QWidget,
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    """Start `fn` off the GUI thread; `on_result` or `on_error` runs on the GUI thread."""
    task = Task(fn, parent)
    task.succeeded.connect(on_result)
    task.failed.connect(on_error or (lambda exc: report_error(parent, exc)))
    task.start()
    return task


def wait_all(timeout_ms: int = 10_000) -> bool:
    """Block until the pool is idle (shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
