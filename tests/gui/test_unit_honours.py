"""Units' honours in the units tab: only unit honour types offered, added through the
dialog, shown for the selected unit, deleted after confirmation."""

from __future__ import annotations

from skillsapp.domain.marks import HonourLevel
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.units import UnitInput
from skillsapp.ui.dialogs.honour_dialog import HonourDialog
from skillsapp.ui.models.unit_honour_model import UnitHonourTableModel
from skillsapp.ui.pages.units_tab import UnitsTab
from tests.gui.talent_helpers import LEFT, choose, click_row, ok, set_year, shown, type_text


def _tab(qtbot, services) -> UnitsTab:
    tab = UnitsTab(services)
    shown(qtbot, tab)
    return tab


def _cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_adding_a_unit_honour_shows_it_for_that_unit_only(qtbot, admin):
    unit = admin.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    other = admin.units.add_unit(UnitInput("风神轮胎股份有限公司"))
    tab = _tab(qtbot, admin)
    panel = tab.honours
    assert not panel.add_button.isEnabled()
    tab.select_unit(unit.id)
    assert panel.add_button.isEnabled() and panel.model.rowCount() == 0

    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, HonourDialog) and dialog.isVisible()
    offered = [dialog.honour_type.itemText(i) for i in range(dialog.honour_type.count())]
    assert {"五一劳动奖状", "工人先锋号", "先进集体"} <= set(offered)
    assert "技术能手" not in offered and "劳动模范" not in offered
    choose(qtbot, dialog.honour_type, "五一劳动奖状")
    choose(qtbot, dialog.level, "国家级")
    type_text(qtbot, dialog.title, "全国五一劳动奖状")
    type_text(qtbot, dialog.granting_body, "中华全国总工会")
    set_year(qtbot, dialog.year, 2021)
    type_text(qtbot, dialog.document_number, "总工发〔2021〕5号")
    ok(qtbot, dialog)

    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert not dialog.isVisible()
    assert _cells(panel.model, 0) == [
        "五一劳动奖状",
        "国家级",
        "全国五一劳动奖状",
        "中华全国总工会",
        "2021",
        "总工发〔2021〕5号",
    ]
    [stored] = admin.honours.honours(unit_id=unit.id)
    assert (stored.person_id, stored.level, stored.year) == (None, HonourLevel.NATIONAL, 2021)
    assert panel.section.count.text() == "(1)"

    tab.select_unit(other.id)
    assert panel.model.rowCount() == 0


def test_deleting_a_unit_honour_asks_first(qtbot, admin, recorder):
    unit = admin.units.add_unit(UnitInput("焦作技师学院"))
    types = {t.name: t.id for t in admin.honours.types(for_units=True)}
    admin.honours.add(
        HonourInput(types["先进集体"], HonourLevel.CITY, unit_id=unit.id, title="焦作市先进集体")
    )
    tab = _tab(qtbot, admin)
    tab.select_unit(unit.id)
    panel = tab.honours
    assert panel.model.rowCount() == 1
    assert not panel.delete_button.isEnabled()
    click_row(qtbot, panel.section, 0)
    assert panel.delete_button.isEnabled()

    qtbot.mouseClick(panel.delete_button, LEFT)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert [(s.kind, s.title) for s in recorder.shown] == [("confirm", "删除荣誉")]
    assert "焦作市先进集体" in recorder.shown[0].text
    assert admin.honours.honours(unit_id=unit.id) == []


def test_refusing_the_confirmation_keeps_the_honour(qtbot, admin, recorder):
    unit = admin.units.add_unit(UnitInput("国网焦作供电公司"))
    types = {t.name: t.id for t in admin.honours.types(for_units=True)}
    admin.honours.add(HonourInput(types["工人先锋号"], HonourLevel.NATIONAL, unit_id=unit.id))
    tab = _tab(qtbot, admin)
    tab.select_unit(unit.id)
    click_row(qtbot, tab.honours.section, 0)
    recorder.answers.append(0)
    qtbot.mouseClick(tab.honours.delete_button, LEFT)
    assert len(admin.honours.honours(unit_id=unit.id)) == 1
    assert tab.honours.model.rowCount() == 1


def test_unit_honour_model_passes_the_model_tester(qtmodeltester, admin):
    unit = admin.units.add_unit(UnitInput("焦煤集团九里山矿"))
    types = {t.name: t.id for t in admin.honours.types(for_units=True)}
    for name, year in (("先进集体", 2024), ("工人先锋号", 2020)):
        admin.honours.add(
            HonourInput(types[name], HonourLevel.PROVINCIAL, unit_id=unit.id, year=year)
        )
    model = UnitHonourTableModel()
    model.set_rows(admin.honours.honours(unit_id=unit.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
