"""Refresh a page when its kind of data changes, but only once it is on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from skillsapp.ui import signals


class RefreshOnChange(QObject):
    """Calls `refresh` when one of `kinds` changed (None: any kind) and `widget` is visible.

    A change while hidden is remembered and refreshed when the widget is shown. With
    `initially=True` the first load also waits until the widget is first shown, so pages
    nobody opens cost nothing at start-up.
    """

    def __init__(
        self,
        widget: QWidget,
        refresh: Callable[[], None],
        kinds: Iterable[str] | None = None,
        *,
        initially: bool = False,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._kinds = None if kinds is None else frozenset(kinds)
        self._stale = initially
        widget.installEventFilter(self)
        signals.hub().data_changed.connect(self._on_hub_data_changed)

    def _on_hub_data_changed(self, kind: str) -> None:
        if self._kinds is None or kind in self._kinds:
            self.request()

    def request(self) -> None:
        """Refresh now when the widget is visible, else when it is next shown."""
        if self._widget.isVisible():
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False
