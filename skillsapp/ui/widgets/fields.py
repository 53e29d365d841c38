"""Small form fields: combo boxes over choices, an optional year, an amount of money."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from skillsapp.ui.formatting import decimal_text, parse_optional_decimal

FIRST_YEAR = 1949


def combo(
    items: Sequence[tuple[str, object]], *, first: str | None = None, editable: bool = False
) -> QComboBox:
    """A combo box of (text, data) items, after an optional `first` item meaning "none"."""
    box = QComboBox()
    box.setEditable(editable)
    if first is not None:
        box.addItem(first, None)
    for text, data in items:
        box.addItem(text, data)
    return box


def narrow_combo(characters: int = 8) -> QComboBox:
    """A drop-down list that may be narrower than its longest entry (a side panel; long
    competition or honour names); it shows at least `characters` characters."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(characters)
    return box


def select_data(box: QComboBox, data: object) -> None:
    """Choose the item holding `data` (the first item when none does)."""
    box.setCurrentIndex(max(box.findData(data), 0))


class YearSpin(QSpinBox):
    """A year; with `optional`, the lowest value reads "not set" and means None."""

    def __init__(self, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setRange(FIRST_YEAR - 1 if optional else FIRST_YEAR, dt.date.today().year + 1)
        if optional:
            self.setSpecialValueText(self.tr("Not set"))
        self.setValue(dt.date.today().year)
        self.setMinimumWidth(100)
        self.setMaximumWidth(140)

    def year(self) -> int | None:
        if self._optional and self.value() == self.minimum():
            return None
        return self.value()

    def set_year(self, year: int | None) -> None:
        self.setValue(self.minimum() if year is None else year)


class AmountEdit(QLineEdit):
    """A non-negative amount with up to four decimals (万元); empty is zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(r"\d{0,10}(\.\d{0,4})?", self))
        self.setPlaceholderText("0")
        self.setMaximumWidth(160)

    def amount(self) -> Decimal:
        try:
            return parse_optional_decimal(self.text()) or Decimal(0)
        except ValueError:
            return Decimal(0)

    def set_amount(self, value: Decimal) -> None:
        self.setText(decimal_text(value) if value else "")
