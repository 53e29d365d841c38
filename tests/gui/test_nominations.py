"""评选推荐: a round, nominations with documents, review, approval granting the honour,
and honours imported from a spreadsheet."""

from __future__ import annotations

import openpyxl

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.talent import NominationStatus
from skillsapp.services.talent.nominations import RoundInput
from skillsapp.ui.dialogs.nomination_dialogs import NominateDialog, RoundDialog
from skillsapp.ui.dialogs.reason_dialog import ReasonDialog
from skillsapp.ui.dialogs.small_dialogs import DateDialog
from skillsapp.ui.pages.nominations_tab import NominationsTab
from tests.factories import id_number, person_input
from tests.gui.talent_helpers import LEFT, choose, click_row, ok, pick_person, shown, type_text


def _tab(qtbot, services) -> NominationsTab:
    tab = NominationsTab(services)
    shown(qtbot, tab)
    return tab


def _round(services):
    types = {t.name: t.id for t in services.honours.types()}
    return services.nominations.create_round(
        RoundInput(
            "2026年焦作市劳动模范评选",
            types["劳动模范"],
            HonourLevel.CITY,
            title="焦作市劳动模范",
            granting_body="焦作市人民政府",
            year=2026,
        )
    )


def test_a_new_round_is_created_from_its_dialog(qtbot, admin):
    tab = _tab(qtbot, admin)
    qtbot.mouseClick(tab.new_round_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, RoundDialog)
    type_text(qtbot, dialog.name, "2026年焦作工匠评选")
    choose(qtbot, dialog.honour_type, "工匠")
    type_text(qtbot, dialog.title, "焦作工匠")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.rounds.model.rowCount() == 1)
    model = tab.rounds.model
    assert [model.data(model.index(0, c)) for c in range(5)] == [
        "2026年焦作工匠评选",
        "焦作工匠",
        "市级",
        "2026",
        "推荐中",
    ]


def test_nominating_attaching_and_approving_grants_the_honour(qtbot, admin, recorder, tmp_path):
    person = admin.registry.add(person_input(1, name="王建国"))
    _round(admin)
    tab = _tab(qtbot, admin)
    qtbot.waitUntil(lambda: tab.rounds.model.rowCount() == 1)
    assert tab.nominate_button.isEnabled()
    qtbot.mouseClick(tab.nominate_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, NominateDialog)
    pick_person(qtbot, dialog.picker, "王建", "王建国")
    type_text(qtbot, dialog.notes, "扎根一线二十年")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.nominations.model.rowCount() == 1)

    click_row(qtbot, tab.nominations, 0)
    document = tmp_path / "事迹材料.txt"
    document.write_text("先进事迹", encoding="utf-8")
    tab.attach_file(document)
    qtbot.waitUntil(lambda: tab.documents.model.rowCount() == 1)
    assert tab.documents.model.row_at(0).filename == "事迹材料.txt"

    click_row(qtbot, tab.documents, 0)
    saved = tmp_path / "下载.txt"
    tab.download(saved)
    qtbot.waitUntil(lambda: tab.download_flow.path == saved)
    assert saved.read_text(encoding="utf-8") == "先进事迹"

    qtbot.mouseClick(tab.approve_button, LEFT)
    approve = tab.dialog
    assert isinstance(approve, DateDialog)
    assert approve.text.text() == "授予 王建国“焦作市劳动模范”称号？"
    ok(qtbot, approve)
    assert tab.granted == "已授予 王建国：焦作市劳动模范（市级，焦作市人民政府，2026）"
    assert recorder.texts("info")[-1] == tab.granted
    [honour] = admin.honours.honours(person_id=person.id)
    assert honour.title == "焦作市劳动模范"
    model = tab.nominations.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.row_at(0).status is NominationStatus.APPROVED
    )
    assert model.data(model.index(0, 2)) == "已批准"


def test_a_rejection_needs_a_reason(qtbot, admin):
    person = admin.registry.add(person_input(1, name="王建国"))
    rnd = _round(admin)
    admin.nominations.nominate(rnd.id, person_id=person.id)
    tab = _tab(qtbot, admin)
    qtbot.waitUntil(lambda: tab.nominations.model.rowCount() == 1)
    click_row(qtbot, tab.nominations, 0)
    qtbot.mouseClick(tab.reject_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, ReasonDialog) and not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.reason, "材料不全")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    model = tab.nominations.model
    qtbot.waitUntil(lambda: model.row_at(0).status is NominationStatus.REJECTED)
    assert model.data(model.index(0, 5)) == "材料不全"


def test_honours_import_previews_the_problems_then_imports(qtbot, admin, recorder, tmp_path):
    admin.registry.add(person_input(1, name="王建国"))
    path = tmp_path / "荣誉.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "荣誉类型", "级别", "荣誉称号", "授予单位", "年度"])
    sheet.append(
        [
            "王建国",
            id_number(1, female=True),
            "技术能手",
            "市级",
            "焦作市技术能手",
            "焦作市人社局",
            2023,
        ]
    )
    sheet.append(["李四", id_number(9), "技术能手", "市级", "焦作市技术能手", "焦作市人社局", 2023])
    book.save(path)
    tab = _tab(qtbot, admin)
    tab.import_flow.start(path)
    flow = tab.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None and flow.preview_dialog.isVisible())
    preview = flow.preview_dialog
    assert preview.summary.text() == "共读取 2 行：有效 1 行，有问题 1 行。"
    assert preview.model.data(preview.model.index(0, 1)) == "身份证号"
    assert not preview.new_units.isVisible()
    qtbot.mouseClick(preview.import_button, LEFT)
    qtbot.waitUntil(lambda: flow.result is not None)
    assert recorder.texts("info") == ["已导入 1 项荣誉；跳过 1 行。"]
