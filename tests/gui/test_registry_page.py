"""The registry: search as you type, filters, sorting, columns, paging, units."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from skillsapp.domain.levels import SkillLevel
from skillsapp.services.units import UnitInput
from skillsapp.ui.models.person_table_model import COLUMN_KEYS, PAGE_SIZE
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.pages.registry_page import RegistryPage
from tests.factories import id_number, person_input
from tests.gui.helpers import LEFT, table_names

PEOPLE = (
    ("张三", SkillLevel.GRADE3),
    ("张森", SkillLevel.GRADE2),
    ("李四", SkillLevel.GRADE2),
    ("王五", SkillLevel.GRADE4),
    ("赵六", SkillLevel.GRADE3),
)


def _fill(services) -> None:
    for seq, (name, level) in enumerate(PEOPLE):
        services.registry.add(person_input(seq, name=name, skill_level=level))


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_typing_initials_finds_matching_names(qtbot, admin):
    _fill(admin)
    tab = _shown(qtbot, PersonsTab(admin))
    assert tab.count_label.text() == "共 5 人"

    qtbot.keyClicks(tab.filters.search, "zs")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert sorted(table_names(tab.model)) == ["张三", "张森"]
    assert tab.count_label.text() == "共 2 人"

    tab.filters.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5)


def test_search_matches_id_numbers(qtbot, admin):
    _fill(admin)
    tab = _shown(qtbot, PersonsTab(admin))
    qtbot.keyClicks(tab.filters.search, id_number(3, female=True)[-8:])
    qtbot.waitUntil(lambda: table_names(tab.model) == ["王五"])


def test_skill_level_combo_filters(qtbot, admin):
    _fill(admin)
    tab = _shown(qtbot, PersonsTab(admin))
    combo = tab.filters.skill_level
    combo.setFocus()
    while combo.currentData() != SkillLevel.GRADE2:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "二级/技师"
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert sorted(table_names(tab.model)) == ["张森", "李四"]


def test_clicking_a_header_sorts_in_sql_and_is_remembered(qtbot, admin):
    _fill(admin)
    tab = _shown(qtbot, PersonsTab(admin))
    header = tab.table.horizontalHeader()
    column = COLUMN_KEYS.index("skill_level")
    pos = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), LEFT, pos=pos)
    assert tab.model.query().sort == "skill_level"
    levels = [tab.model.row_at(r).skill_level for r in range(tab.model.rowCount())]
    assert levels == sorted(levels, reverse=tab.model.query().descending)

    again = _shown(qtbot, PersonsTab(admin))
    assert again.model.query().sort == "skill_level"
    assert again.table.horizontalHeader().sortIndicatorSection() == column


def test_column_chooser_hides_a_column_and_remembers_it(qtbot, admin):
    tab = _shown(qtbot, PersonsTab(admin))
    trade = COLUMN_KEYS.index("trade")
    menu = tab.column_menu()
    action = menu.actions()[trade]
    assert action.text() == "工种" and action.isChecked()
    action.trigger()
    assert tab.table.isColumnHidden(trade)
    assert not menu.actions()[COLUMN_KEYS.index("name")].isEnabled()

    again = _shown(qtbot, PersonsTab(admin))
    assert again.table.isColumnHidden(trade)


def test_rows_are_fetched_page_by_page(qtbot, admin):
    from skillsapp.interchange.rows import PersonDraft

    drafts = [PersonDraft(i + 2, person_input(i)) for i in range(PAGE_SIZE + 120)]
    admin.importer.run(admin.importer.preview(drafts))
    tab = _shown(qtbot, PersonsTab(admin))
    assert tab.model.rowCount() == PAGE_SIZE
    assert tab.count_label.text() == f"共 {PAGE_SIZE + 120} 人"
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == PAGE_SIZE + 120)


def test_unit_tree_shows_children_and_counts_and_filters_the_registry(qtbot, admin):
    top = admin.units.add_unit(UnitInput("焦作市总工会"))
    child = admin.units.add_unit(UnitInput("焦煤集团", parent_id=top.id))
    admin.registry.add(person_input(1, unit_id=child.id))
    admin.registry.add(person_input(2))
    page = _shown(qtbot, RegistryPage(admin))
    page.show_tab("units")
    model = page.units.model
    assert model.rowCount() == 1
    top_index = model.index(0, 0)
    assert model.data(top_index) == "焦作市总工会"
    child_index = model.index(0, 0, top_index)
    assert model.data(child_index) == "焦煤集团"
    assert model.data(model.index(0, 3, top_index)) == "1"

    page.units.tree.setCurrentIndex(child_index)
    qtbot.mouseClick(page.units.persons_button, LEFT)
    assert page.tabs.currentWidget() is page.persons
    qtbot.waitUntil(lambda: page.persons.model.rowCount() == 1)
    assert page.persons.filters.unit.currentText() == "焦煤集团"
