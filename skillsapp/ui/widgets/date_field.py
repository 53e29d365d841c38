"""A date that may be left open ("not set")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

UNSET = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    """Shows "not set" until a date is chosen; choosing starts from today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(UNSET)
        self.setSpecialValueText(self.tr("Not set"))
        self.setDate(UNSET)
        self.setMinimumWidth(130)
        self.setMaximumWidth(180)

    def value(self) -> dt.date | None:
        return None if self.date() == UNSET else self.date().toPython()

    def set_value(self, day: dt.date | None) -> None:
        self.setDate(UNSET if day is None else QDate(day))

    def _start_from_today(self) -> None:
        if self.date() == UNSET:
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_from_today()
        super().mousePressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.date() == UNSET:
            self._start_from_today()
            return
        super().stepBy(steps)
