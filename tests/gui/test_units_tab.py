"""Units: adding through the dialog, refused duplicates, deleting with confirmation."""

from __future__ import annotations

from skillsapp.services.units import UnitInput
from skillsapp.ui.dialogs.unit_dialog import UnitDialog
from skillsapp.ui.pages.units_tab import UnitsTab
from tests.factories import person_input
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, type_text


def _tab(qtbot, services) -> UnitsTab:
    tab = UnitsTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _unit_dialog(qtbot, tab: UnitsTab, button) -> UnitDialog:
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, UnitDialog) is not None)
    return open_dialog_of(tab, UnitDialog)


def test_add_a_sub_unit_and_refuse_a_duplicate_name(qtbot, admin):
    top = admin.units.add_unit(UnitInput("焦作市总工会"))
    tab = _tab(qtbot, admin)
    tab.select_unit(top.id)
    dialog = _unit_dialog(qtbot, tab, tab.add_child_button)
    assert dialog.parent_unit.currentText() == "焦作市总工会"
    type_text(qtbot, dialog.name, "焦煤集团")
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount(tab.model.index_of(top.id)) == 1)

    again = _unit_dialog(qtbot, tab, tab.add_button)
    type_text(qtbot, again.name, "焦煤集团")
    qtbot.mouseClick(ok_button(again.buttons), LEFT)
    assert again.isVisible()
    assert again.errors["name"].text() == "已有同名单位"


def test_a_unit_with_persons_cannot_be_deleted(qtbot, admin, recorder):
    unit = admin.units.add_unit(UnitInput("焦煤集团"))
    admin.registry.add(person_input(1, unit_id=unit.id))
    tab = _tab(qtbot, admin)
    tab.select_unit(unit.id)
    qtbot.mouseClick(tab.delete_button, LEFT)
    assert [s.kind for s in recorder.shown] == ["confirm", "error"]
    assert recorder.shown[-1].text == "该单位下仍有人员，不能删除"
    assert len(admin.units.units()) == 1
