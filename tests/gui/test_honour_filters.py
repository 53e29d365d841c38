"""The registry's talent filters (honour type and level, studio, master), saved searches
and the roster PDF."""

from __future__ import annotations

import datetime as dt

from skillsapp.domain.marks import HonourLevel
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.talent.mentorship import MentorshipInput
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.widgets.person_field import PickPersonDialog
from tests.factories import person_input
from tests.gui.helpers import table_names
from tests.gui.talent_helpers import LEFT, choose, ok, pick_person, shown, type_text


def _people(services):
    ids = {
        name: services.registry.add(person_input(seq, name=name)).id
        for seq, name in enumerate(("王建国", "李秀英", "张伟", "刘洋"))
    }
    types = {t.name: t.id for t in services.honours.types()}
    for name, type_name, level in (
        ("王建国", "技术能手", HonourLevel.NATIONAL),
        ("李秀英", "技术能手", HonourLevel.CITY),
        ("张伟", "劳动模范", HonourLevel.NATIONAL),
    ):
        services.honours.add(HonourInput(types[type_name], level, person_id=ids[name], year=2024))
    return ids


def _tab(qtbot, services) -> PersonsTab:
    tab = PersonsTab(services)
    shown(qtbot, tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    return tab


def test_filtering_by_honour_level_and_type(qtbot, admin):
    _people(admin)
    tab = _tab(qtbot, admin)
    choose(qtbot, tab.talent_filters.honour_level, "国家级")
    qtbot.waitUntil(lambda: sorted(table_names(tab.model)) == ["张伟", "王建国"])
    assert tab.count_label.text() == "共 2 人"
    choose(qtbot, tab.talent_filters.honour_type, "技术能手")
    qtbot.waitUntil(lambda: table_names(tab.model) == ["王建国"])
    choose(qtbot, tab.talent_filters.honour_level, "全部荣誉级别")
    qtbot.waitUntil(lambda: sorted(table_names(tab.model)) == ["李秀英", "王建国"])


def test_an_honour_added_elsewhere_shows_up_in_the_filtered_list(qtbot, admin):
    ids = _people(admin)
    tab = _tab(qtbot, admin)
    choose(qtbot, tab.talent_filters.honour_level, "市级")
    qtbot.waitUntil(lambda: table_names(tab.model) == ["李秀英"])
    types = {t.name: t.id for t in admin.honours.types()}
    admin.honours.add(
        HonourInput(types["工匠"], HonourLevel.CITY, person_id=ids["刘洋"], title="焦作工匠")
    )
    from skillsapp.ui import signals

    signals.announce(signals.TALENT)
    qtbot.waitUntil(lambda: sorted(table_names(tab.model)) == ["刘洋", "李秀英"])


def test_filtering_by_master_picks_the_master_from_the_registry(qtbot, admin):
    ids = _people(admin)
    admin.mentorship.create(MentorshipInput(ids["王建国"], ids["刘洋"], dt.date(2025, 1, 1)))
    tab = _tab(qtbot, admin)
    mentor = tab.talent_filters.mentor
    qtbot.mouseClick(mentor.choose_button, LEFT)
    dialog = mentor.dialog
    assert isinstance(dialog, PickPersonDialog)
    pick_person(qtbot, dialog.picker, "王建", "王建国")
    ok(qtbot, dialog)
    assert mentor.name.text() == "王建国"
    qtbot.waitUntil(lambda: table_names(tab.model) == ["刘洋"])
    qtbot.mouseClick(mentor.clear_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)


def test_a_saved_search_brings_its_filters_back(qtbot, admin, recorder):
    _people(admin)
    tab = _tab(qtbot, admin)
    choose(qtbot, tab.talent_filters.honour_level, "国家级")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    bar = tab.saved_searches
    qtbot.mouseClick(bar.save_button, LEFT)
    type_text(qtbot, bar.dialog.name, "国家级人才")
    ok(qtbot, bar.dialog)
    assert [s.name for s in admin.profile.saved_searches()] == ["国家级人才"]

    choose(qtbot, tab.talent_filters.honour_level, "全部荣誉级别")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    choose(qtbot, bar.searches, "已存查询")
    choose(qtbot, bar.searches, "国家级人才")
    bar.searches.activated.emit(bar.searches.currentIndex())  # what Enter on the popup does
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert tab.talent_filters.honour_level.currentText() == "国家级"

    qtbot.mouseClick(bar.delete_button, LEFT)
    assert recorder.texts("confirm") == ["删除已存查询“国家级人才”？"]
    assert admin.profile.saved_searches() == []


def test_the_roster_pdf_lists_the_filtered_persons(qtbot, admin, tmp_path):
    _people(admin)
    tab = _tab(qtbot, admin)
    choose(qtbot, tab.talent_filters.honour_level, "国家级")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    path = tmp_path / "花名册.pdf"
    tab.export_roster_pdf(path)
    qtbot.waitUntil(lambda: tab.roster_flow.path == path)
    assert path.read_bytes().startswith(b"%PDF")
