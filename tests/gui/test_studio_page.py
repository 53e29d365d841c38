"""创新工作室: a studio created from its dialog, members added, an innovation recorded, the
member make-up and the conditions shown, the profile PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt

from skillsapp import messages
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studios import PatentKind, StudioKind
from skillsapp.services.studios.studios import StudioInput
from skillsapp.services.talent.honours import HonourInput
from skillsapp.ui.dialogs.innovation_dialog import InnovationDialog
from skillsapp.ui.dialogs.studio_dialog import StudioDialog
from skillsapp.ui.dialogs.studio_record_dialogs import MemberDialog
from skillsapp.ui.pages.studios_page import StudiosPage
from skillsapp.ui.widgets.person_field import PickPersonDialog
from tests.factories import person_input
from tests.gui.competition_helpers import tick
from tests.gui.talent_helpers import LEFT, choose, click_row, ok, pick_person, shown, type_text


def _page(qtbot, services) -> StudiosPage:
    page = StudiosPage(services)
    shown(qtbot, page, (1280, 800))
    return page


def _people(services):
    people = {
        "王建国": dict(title="高级工程师", skill_level=SkillLevel.GRADE1),
        "李秀英": dict(title="工程师", skill_level=SkillLevel.GRADE2),
        "张伟": dict(title="", skill_level=SkillLevel.GRADE2),
    }
    return {
        name: services.registry.add(person_input(seq, name=name, **extra)).id
        for seq, (name, extra) in enumerate(people.items())
    }


def test_a_studio_is_created_from_the_list_and_opened(qtbot, admin):
    _people(admin)
    page = _page(qtbot, admin)
    studio_list = page.list
    qtbot.mouseClick(studio_list.new_button, LEFT)
    dialog = studio_list.dialog
    assert isinstance(dialog, StudioDialog)
    type_text(qtbot, dialog.name, "王建国劳模创新工作室")
    choose(qtbot, dialog.kind, "劳模创新工作室")
    choose(qtbot, dialog.level, "省级")
    qtbot.mouseClick(dialog.leader.choose_button, LEFT)
    picker = dialog.leader.dialog
    assert isinstance(picker, PickPersonDialog)
    pick_person(qtbot, picker.picker, "王建", "王建国")
    ok(qtbot, picker)
    assert dialog.leader.name.text() == "王建国"
    ok(qtbot, dialog)

    qtbot.waitUntil(lambda: studio_list.model.rowCount() == 1)
    model = studio_list.model
    assert [model.data(model.index(0, c)) for c in (0, 1, 2, 4, 5)] == [
        "王建国劳模创新工作室",
        "劳模创新工作室",
        "省级",
        "王建国",
        "正常",
    ]
    click_row(qtbot, studio_list.table_section, 0, double=True)
    view = page.view
    assert page.stack.currentWidget() is view
    assert view.name.text() == "王建国劳模创新工作室"
    assert view.tab_titles() == ["概况与认定条件", "成员", "创新成果", "培训活动", "人才培养"]


def test_a_demonstration_studio_must_be_national(qtbot, admin):
    page = _page(qtbot, admin)
    qtbot.mouseClick(page.list.new_button, LEFT)
    dialog = page.list.dialog
    type_text(qtbot, dialog.name, "某工作室")
    tick(qtbot, dialog.demonstration)
    assert dialog.errors["demonstration"].text() == messages.text("studio_demonstration_national")
    choose(qtbot, dialog.level, "国家级")
    assert not dialog.errors["demonstration"].text()


def test_members_and_an_innovation_are_added_and_summed_up(qtbot, admin):
    ids = _people(admin)
    types = {t.name: t.id for t in admin.honours.types()}
    admin.honours.add(HonourInput(types["技术能手"], HonourLevel.NATIONAL, person_id=ids["王建国"]))
    admin.honours.add(HonourInput(types["技术能手"], HonourLevel.CITY, person_id=ids["李秀英"]))
    studio = admin.studios.add_studio(
        StudioInput(
            "焊接创新工作室", StudioKind.MODEL_WORKER, HonourLevel.CITY, leader_id=ids["王建国"]
        )
    )
    page = _page(qtbot, admin)
    page.open_studio(studio.id, "members")
    view = page.view
    members = view.tab_widgets["members"]
    for name in ("王建国", "李秀英", "张伟"):
        qtbot.mouseClick(members.add_button, LEFT)
        dialog = members.dialog
        assert isinstance(dialog, MemberDialog)
        pick_person(qtbot, dialog.picker, name[:2], name)
        if name == "王建国":
            choose(qtbot, dialog.role, "领办人")
        ok(qtbot, dialog)
        qtbot.waitUntil(lambda n=name: n in [r.name for r in members.section.model.rows()])
    assert members.section.model.row_at(0).role == "领办人"

    overview = view.tab_widgets["overview"]
    assert overview.makeup.text() == (
        "3 人：高级工程师 1，工程师 1，高级技师 1，技师 2；全国技术能手 1，市级 1"
    )

    view.show_tab("innovations")
    results = view.tab_widgets["innovations"]
    qtbot.mouseClick(results.add_button, LEFT)
    dialog = results.dialog
    assert isinstance(dialog, InnovationDialog)
    type_text(qtbot, dialog.title, "大型储罐自动焊接工装")
    choose(qtbot, dialog.patent_kind, "实用新型")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["patent_number"].text() == messages.text("patent_number_required")
    type_text(qtbot, dialog.patent_number, "ZL202620123456.7")
    type_text(qtbot, dialog.benefit, "86.5")
    qtbot.mouseClick(dialog.applied, LEFT)
    first = dialog.contributors.item(0)
    rect = dialog.contributors.visualItemRect(first)
    box = QPoint(rect.left() + 10, rect.center().y())  # the check box at the item's left
    qtbot.mouseClick(dialog.contributors.viewport(), LEFT, pos=box)
    assert first.checkState() == Qt.CheckState.Checked
    ok(qtbot, dialog)

    model = results.section.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    [row] = admin.studios.studio(studio.id).innovations
    assert (row.patent_kind, row.patent_number, row.benefit) == (
        PatentKind.UTILITY_MODEL,
        "ZL202620123456.7",
        Decimal("86.5"),
    )
    assert [p.name for p in row.contributors] == ["王建国"]
    assert model.data(model.index(0, 4)) == "实用新型 ZL202620123456.7"
    assert model.data(model.index(0, 7)) == "王建国"
    assert view.tab_widgets["overview"].conditions.model.rowCount() > 0


def test_a_member_who_leaves_stays_in_the_history(qtbot, admin):
    ids = _people(admin)
    studio = admin.studios.add_studio(
        StudioInput("焊接创新工作室", StudioKind.MODEL_WORKER, HonourLevel.CITY)
    )
    admin.studios.add_member(studio.id, ids["张伟"], joined_on=dt.date(2020, 1, 1))
    page = _page(qtbot, admin)
    page.open_studio(studio.id, "members")
    members = page.view.tab_widgets["members"]
    click_row(qtbot, members.section, 0)
    members.leave()
    dialog = members.dialog
    ok(qtbot, dialog)
    model = members.section.model
    qtbot.waitUntil(lambda: model.row_at(0).left_on is not None)
    assert not model.row_at(0).current
    assert page.view.tab_widgets["overview"].makeup.text() == "0 人"


def test_the_studio_profile_pdf_is_written(qtbot, admin, tmp_path):
    studio = admin.studios.add_studio(
        StudioInput("焊接创新工作室", StudioKind.MODEL_WORKER, HonourLevel.CITY)
    )
    page = _page(qtbot, admin)
    page.open_studio(studio.id)
    path = tmp_path / "简况.pdf"
    page.view.export_pdf(path)
    qtbot.waitUntil(lambda: page.view.pdf_flow.path == path)
    assert path.read_bytes().startswith(b"%PDF")
