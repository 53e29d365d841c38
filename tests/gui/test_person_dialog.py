"""Adding and editing persons through the dialog, with inline validation."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from skillsapp.domain.enums import Gender
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui.dialogs.person_dialog import PersonDialog
from skillsapp.ui.pages.persons_tab import PersonsTab
from tests.conftest import as_role
from tests.factories import id_number, person_input
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, table_names, type_text

BAD_CHECKSUM = "360426199101010072"


def _tab(qtbot, services) -> PersonsTab:
    tab = PersonsTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _new_person_dialog(qtbot, tab: PersonsTab) -> PersonDialog:
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, PersonDialog) is not None)
    return open_dialog_of(tab, PersonDialog)


def test_bad_id_number_is_reported_inline_and_ok_refused_until_fixed(qtbot, admin):
    tab = _tab(qtbot, admin)
    dialog = _new_person_dialog(qtbot, tab)
    type_text(qtbot, dialog.name, "张三")
    qtbot.keyClicks(dialog.id_number, BAD_CHECKSUM)

    error = dialog.errors["id_number"]
    assert error.isVisible()
    assert error.text() == "身份证号校验位错误"
    assert "c62828" in error.styleSheet()  # red
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.isVisible()
    assert admin.registry.search().total == 0

    dialog.id_number.clear()
    qtbot.keyClicks(dialog.id_number, id_number(7, female=True))
    assert not error.isVisible()
    assert dialog.gender.currentData() == Gender.FEMALE  # read from the ID number
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)

    qtbot.waitUntil(lambda: table_names(tab.model) == ["张三"])
    assert tab.count_label.text() == "共 1 人"


def test_missing_name_is_shown_after_leaving_the_field(qtbot, admin):
    tab = _tab(qtbot, admin)
    dialog = _new_person_dialog(qtbot, tab)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.id_number.hasFocus()
    assert dialog.errors["name"].text() == "必须填写姓名"
    assert not dialog.errors["mobile"].isVisible()  # not visited yet


def test_edit_shows_the_full_id_and_reports_a_conflict_without_closing(qtbot, admin):
    row = admin.registry.add(person_input(3))
    tab = _tab(qtbot, admin)
    dialog = tab.person_dialog(row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.id_number.text() == row.id_number  # full, not masked

    data, version = admin.registry.person_for_edit(row.id)
    admin.registry.update(
        row.id, dataclasses.replace(data, title="工程师"), expected_version=version
    )
    dialog.mobile.clear()
    qtbot.keyClicks(dialog.mobile, "13900139000")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)

    assert dialog.isVisible()
    assert "已被他人修改" in dialog.banner.text()


def test_clerk_sees_masked_id_numbers(qtbot, admin):
    admin.registry.add(person_input(1))
    clerk = as_role(admin, "clerk1", "clerk")
    tab = _tab(qtbot, clerk)
    shown = tab.model.row_at(0).id_number
    assert "*" in shown and shown != id_number(1, female=True)


def test_delete_asks_first_and_keeps_the_person_on_no(qtbot, admin, recorder):
    admin.registry.add(person_input(1))
    tab = _tab(qtbot, admin)
    tab.table.selectRow(0)
    recorder.answers.append(0)  # "no"
    qtbot.mouseClick(tab.delete_button, LEFT)
    assert recorder.shown[-1].kind == "confirm"
    assert admin.registry.search(PersonQuery()).total == 1

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, LEFT)  # the recorder says yes
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.count_label.text() == "共 0 人"
