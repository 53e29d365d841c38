"""Shared steps of the talent registry and studio GUI tests: choosing in combo boxes and
person pickers the way a person does, pages on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from skillsapp.ui.widgets.person_picker import PersonPicker
from skillsapp.ui.widgets.record_section import RecordSection
from tests.gui.competition_helpers import click_cell, shown
from tests.gui.helpers import LEFT, ok_button, type_text

__all__ = ["LEFT", "choose", "click_row", "ok", "pick_person", "shown", "type_text"]


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Move through a combo box with the arrow keys until it shows `text`."""
    assert combo.findText(text) >= 0, (
        f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    )
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findText(text) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentText() != text:
        qtbot.keyClick(combo, key)


def pick_person(qtbot, picker: PersonPicker, search: str, name: str) -> None:
    """Type into the picker's search box and click the result of `name`."""
    type_text(qtbot, picker.search, search)
    results = picker.results
    qtbot.waitUntil(lambda: results.count() > 0)
    rows = [r for r in range(results.count()) if results.item(r).text().startswith(name)]
    assert rows, f"{name} not found"
    rect = results.visualItemRect(results.item(rows[0]))
    qtbot.mouseClick(results.viewport(), LEFT, pos=rect.center())


def ok(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)


def click_row(qtbot, section: RecordSection, row: int, *, double: bool = False) -> None:
    """Click (or double-click) a row of a section's table, given in the model's order."""
    proxy = section.table.model()
    index = proxy.mapFromSource(section.model.index(row, 0))
    click_cell(qtbot, section.table, index)
    if double:
        rect = section.table.visualRect(index)
        qtbot.mouseDClick(section.table.viewport(), LEFT, pos=rect.center())


def set_year(qtbot, spin: QWidget, year: int) -> None:
    """Select the year shown and type another over it."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(year))
