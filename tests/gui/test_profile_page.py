"""A person's profile: opened from the registry, honours and mentorships added from it,
the dossier written off the GUI thread."""

from __future__ import annotations

import datetime as dt

from skillsapp import messages
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.talent import MentorshipStatus
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.talent.mentorship import MentorshipInput
from skillsapp.ui.dialogs.honour_dialog import HonourDialog
from skillsapp.ui.dialogs.mentorship_dialog import GraduationDialog, MentorshipDialog, RenewalDialog
from skillsapp.ui.pages.registry_page import RegistryPage
from tests.factories import person_input
from tests.gui.helpers import table_names
from tests.gui.talent_helpers import (
    LEFT,
    choose,
    click_row,
    ok,
    pick_person,
    set_year,
    shown,
    type_text,
)


def _profile_of(qtbot, services, name: str = "王建国", **extra):
    person = services.registry.add(person_input(1, name=name, **extra))
    page = RegistryPage(services)
    shown(qtbot, page)
    persons = page.persons
    type_text(qtbot, persons.filters.search, name)
    qtbot.waitUntil(lambda: table_names(persons.model) == [name])
    persons.table.selectRow(0)
    qtbot.mouseClick(persons.profile_button, LEFT)
    assert page.stack.currentWidget() is page.profile
    return page, page.profile, person


def test_double_clicking_a_person_opens_the_profile_and_back_returns(qtbot, admin):
    admin.registry.add(person_input(1, name="王建国", title="高级工程师"))
    page = RegistryPage(admin)
    shown(qtbot, page)
    table = page.persons.table
    qtbot.waitUntil(lambda: page.persons.model.rowCount() == 1)
    rect = table.visualRect(page.persons.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())
    view = page.profile
    assert page.stack.currentWidget() is view
    assert view.name.text() == "王建国"
    assert "高级工程师" in view.facts.text()
    assert view.tab_titles() == [
        "证书与职称",
        "荣誉",
        "竞赛成绩",
        "师带徒",
        "创新工作室",
        "创新成果",
    ]
    qtbot.mouseClick(view.back_button, LEFT)
    assert page.stack.currentWidget() is page.tabs


def test_adding_an_honour_from_the_profile_shows_it_at_once(qtbot, admin):
    _page, view, person = _profile_of(qtbot, admin)
    view.show_tab("honours")
    panel = view.tab_widgets["honours"]
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, HonourDialog) and dialog.isVisible()
    choose(qtbot, dialog.honour_type, "技术能手")
    choose(qtbot, dialog.level, "市级")
    type_text(qtbot, dialog.title, "焦作市技术能手")
    type_text(qtbot, dialog.granting_body, "焦作市人民政府")
    set_year(qtbot, dialog.year, 2024)
    type_text(qtbot, dialog.document_number, "焦政〔2024〕8号")
    ok(qtbot, dialog)

    qtbot.waitUntil(lambda: panel.section.model.rowCount() == 1)
    row = panel.section.model
    assert [row.data(row.index(0, c)) for c in range(5)] == [
        "焦作市技术能手",
        "技术能手",
        "市级",
        "2024",
        "焦作市人民政府",
    ]
    [stored] = admin.honours.honours(person_id=person.id)
    assert (stored.level, stored.year, stored.document_number) == (
        HonourLevel.CITY,
        2024,
        "焦政〔2024〕8号",
    )


def test_the_same_honour_twice_is_refused_under_its_title(qtbot, admin):
    _page, view, _person = _profile_of(qtbot, admin)
    view.show_tab("honours")
    panel = view.tab_widgets["honours"]
    for attempt in range(2):
        qtbot.mouseClick(panel.add_button, LEFT)
        dialog = panel.dialog
        choose(qtbot, dialog.honour_type, "劳动模范")
        set_year(qtbot, dialog.year, 2020)
        ok(qtbot, dialog)
        if attempt == 0:
            qtbot.waitUntil(lambda: panel.section.model.rowCount() == 1)
    assert dialog.isVisible()
    assert dialog.errors["title"].text() == messages.text("honour_duplicate")


def test_double_clicking_an_honour_edits_it(qtbot, admin):
    person = admin.registry.add(person_input(1, name="王建国"))
    types = {t.name: t.id for t in admin.honours.types()}
    admin.honours.add(
        HonourInput(types["工匠"], HonourLevel.CITY, person_id=person.id, title="焦作工匠")
    )
    page = RegistryPage(admin)
    shown(qtbot, page)
    page.open_profile(person.id)
    view = page.profile
    view.show_tab("honours")
    panel = view.tab_widgets["honours"]
    click_row(qtbot, panel.section, 0, double=True)
    dialog = panel.dialog
    assert isinstance(dialog, HonourDialog)
    assert dialog.windowTitle() == "编辑荣誉" and dialog.title.text() == "焦作工匠"
    type_text(qtbot, dialog.edition, "第三届")
    ok(qtbot, dialog)
    model = panel.section.model
    qtbot.waitUntil(lambda: model.row_at(0).edition == "第三届")
    assert model.data(model.index(0, 3)) == "第三届"


def test_adding_a_mentorship_warns_when_the_master_has_too_many(qtbot, admin, recorder):
    mentor = admin.registry.add(person_input(2, name="李师傅"))
    first = admin.registry.add(person_input(3, name="赵徒弟"))
    admin.mentorship.set_max_active(1)
    admin.mentorship.create(MentorshipInput(mentor.id, first.id, dt.date(2025, 1, 1)))
    _page, view, person = _profile_of(qtbot, admin, name="王小明")
    view.show_tab("mentorship")
    panel = view.tab_widgets["mentorship"]
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, MentorshipDialog)
    qtbot.mouseClick(dialog.as_apprentice, LEFT)
    assert dialog.other_label.text() == "师傅"
    pick_person(qtbot, dialog.picker, "李", "李师傅")
    assert dialog.chosen.text() == "已选：李师傅"
    assert dialog.load_note.text() == "该师傅已有 1 名在带徒弟（上限 1 名）。"
    choose(qtbot, dialog.goal_level, "二级/技师")
    type_text(qtbot, dialog.agreement_number, "JZ-2026-01")
    ok(qtbot, dialog)

    qtbot.waitUntil(lambda: panel.masters.model.rowCount() == 1)
    assert recorder.texts("warning") == [messages.text("mentor_overloaded")]
    masters = panel.masters.model
    assert masters.data(masters.index(0, 0)) == "李师傅"
    assert masters.data(masters.index(0, 2)) == "二级/技师"
    [row] = admin.mentorship.mentors(person.id)
    assert (row.mentor_name, row.agreement_number) == ("李师傅", "JZ-2026-01")


def test_choosing_nobody_is_refused_in_the_dialog(qtbot, admin):
    _page, view, _person = _profile_of(qtbot, admin)
    panel = view.tab_widgets["mentorship"]
    view.show_tab("mentorship")
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["other"].text() == messages.text("field_required")


def test_graduating_an_apprentice_completes_the_agreement(qtbot, admin):
    apprentice = admin.registry.add(person_input(4, name="赵徒弟", skill_level=SkillLevel.GRADE3))
    _page, view, master = _profile_of(qtbot, admin)
    admin.mentorship.create(MentorshipInput(master.id, apprentice.id, dt.date(2024, 3, 1)))
    view.reload()
    view.show_tab("mentorship")
    panel = view.tab_widgets["mentorship"]
    click_row(qtbot, panel.apprentices, 0)
    graduate = [
        b for b in panel.apprentices.findChildren(type(panel.add_button)) if b.text() == "出师考核…"
    ]
    qtbot.mouseClick(graduate[0], LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, GraduationDialog)
    choose(qtbot, dialog.result, "优秀")
    ok(qtbot, dialog)
    model = panel.apprentices.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).status.value == "completed")
    assert model.data(model.index(0, 3)) == "已出师"
    assert model.data(model.index(0, 4)) == "优秀"
    assert admin.mentorship.apprentices(master.id)[0].status is MentorshipStatus.COMPLETED


def test_renewing_an_agreement_extends_its_end_date(qtbot, admin, recorder):
    apprentice = admin.registry.add(person_input(4, name="赵徒弟", skill_level=SkillLevel.GRADE3))
    _page, view, master = _profile_of(qtbot, admin)
    start, end = dt.date(2024, 3, 1), dt.date(2025, 3, 1)
    admin.mentorship.create(MentorshipInput(master.id, apprentice.id, start, end_date=end))
    view.reload()
    view.show_tab("mentorship")
    panel = view.tab_widgets["mentorship"]
    click_row(qtbot, panel.apprentices, 0)
    renew = [
        b for b in panel.apprentices.findChildren(type(panel.add_button)) if b.text() == "续签…"
    ]
    qtbot.mouseClick(renew[0], LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, RenewalDialog)
    assert dialog.end_date.date().toPython() == dt.date(2026, 3, 1)  # a year on, proposed
    ok(qtbot, dialog)
    qtbot.waitUntil(
        lambda: admin.mentorship.apprentices(master.id)[0].end_date == dt.date(2026, 3, 1)
    )
    assert not recorder.texts("warning")  # one year: within the 1–3 year rule


def test_the_dossier_pdf_is_written_off_the_gui_thread(qtbot, admin, recorder, tmp_path):
    _page, view, _person = _profile_of(qtbot, admin)
    path = tmp_path / "档案.pdf"
    view.export_pdf(path)
    qtbot.waitUntil(lambda: view.pdf_flow.path == path)
    assert path.read_bytes().startswith(b"%PDF")
    assert recorder.texts("info") == [f"已保存到 {path}。"]
