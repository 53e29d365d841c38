"""证书 › 模板: export a template with its assets, import it back, archive one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint

from skillsapp import messages
from skillsapp.domain.cert_layout import Field, FieldKind
from skillsapp.ui.pages.certificates_page import CertificatesPage
from skillsapp.ui.pages.template_list_tab import TemplateListTab
from tests.gui.helpers import LEFT
from tests.gui.test_certificate_helpers import shown_page
from tests.gui.test_certificate_templates import _own_template
from tests.unit.services.test_cert_templates import PNG


def _tab(qtbot, services) -> tuple[CertificatesPage, TemplateListTab]:
    """The templates tab and its page (qtbot holds widgets weakly: keep the page)."""
    page = shown_page(qtbot, services, "templates")
    tab = page.tab_widgets["templates"]
    assert isinstance(tab, TemplateListTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 4)
    return page, tab


def _with_emblem(services) -> int:
    """An own template drawing an emblem image."""
    tid = _own_template(services)
    services.cert_templates.add_asset(tid, "会徽", PNG)
    layout = services.cert_templates.view(tid).layout.with_field(
        Field("emblem", FieldKind.IMAGE, 135, 12, 27, 12, image="会徽")
    )
    services.cert_templates.save_draft(tid, layout)
    return tid


def test_export_then_import_round_trip_through_the_buttons(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    tid = _with_emblem(admin)
    _page, tab = _tab(qtbot, admin)
    tab.select_template(tid)
    assert tab.selected().id == tid and tab.export_button.isEnabled()
    target = tmp_path / "我们的获奖证书.zip"
    asked: list[str] = []
    tab.ask_export_path = lambda suggested: asked.append(suggested) or target
    qtbot.mouseClick(tab.export_button, LEFT)
    assert asked == ["我们的获奖证书.zip"] and target.is_file()
    assert recorder.texts("info")
    tab.ask_open_path = lambda: target
    tab.ask_name = lambda suggested: "导入的获奖证书"  # the name is taken here
    qtbot.mouseClick(tab.import_button, LEFT)
    imported = tab.selected()
    assert imported.name == "导入的获奖证书" and imported.published_number == 1
    loaded = admin.cert_templates.load(imported.id)
    assert loaded.images == {"会徽": PNG}
    assert loaded.layout == admin.cert_templates.view(tid).layout
    assert tab.viewer.page_count() == 1 and not recorder.texts("error")


def test_an_import_whose_name_is_taken_may_be_cancelled(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    tid = _own_template(admin)
    target = tmp_path / "t.zip"
    admin.cert_templates.export_zip(tid, target)
    _page, tab = _tab(qtbot, admin)
    rows = tab.model.rowCount()
    tab.ask_open_path = lambda: target
    tab.ask_name = lambda suggested: None
    qtbot.mouseClick(tab.import_button, LEFT)
    assert tab.model.rowCount() == rows and recorder.shown == []


def test_a_file_that_is_no_template_is_refused_with_a_message(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    bogus = tmp_path / "不是模板.zip"
    bogus.write_bytes(b"PK not really")
    _page, tab = _tab(qtbot, admin)
    rows = tab.model.rowCount()
    tab.ask_open_path = lambda: bogus
    qtbot.mouseClick(tab.import_button, LEFT)
    assert recorder.texts("error") == [messages.text("cert_template_file", path=str(bogus))]
    assert tab.model.rowCount() == rows


def test_an_export_to_a_folder_that_refuses_it_shows_the_error(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    _page, tab = _tab(qtbot, admin)
    tab.ask_export_path = lambda suggested: tmp_path / "没有的文件夹" / "x.zip"
    qtbot.mouseClick(tab.export_button, LEFT)
    assert len(recorder.texts("error")) == 1 and not recorder.texts("info")


def test_an_archived_template_leaves_the_list(qtbot, admin, recorder) -> None:
    tid = _own_template(admin)
    _page, tab = _tab(qtbot, admin)
    tab.select_template(tid)
    qtbot.mouseClick(tab.archive_button, LEFT)
    assert recorder.texts("confirm")
    assert tid not in [r.id for r in tab.model.rows()]
    assert tid in [r.id for r in admin.cert_templates.templates(include_archived=True)]


def test_an_archived_template_is_shown_on_request_and_restored(qtbot, admin, recorder) -> None:
    tid = _own_template(admin)
    _page, tab = _tab(qtbot, admin)
    tab.select_template(tid)
    qtbot.mouseClick(tab.archive_button, LEFT)
    assert tid not in [r.id for r in tab.model.rows()]
    qtbot.mouseClick(tab.show_archived, LEFT, pos=QPoint(8, tab.show_archived.height() // 2))
    assert tid in [r.id for r in tab.model.rows()]
    tab.select_template(tid)
    assert tab.archive_button.text() == "恢复"
    row = tab.table.selectionModel().selectedRows()[0].row()
    assert "已归档" in tab.model.index(row, 4).data()
    qtbot.mouseClick(tab.archive_button, LEFT)
    qtbot.mouseClick(tab.show_archived, LEFT, pos=QPoint(8, tab.show_archived.height() // 2))
    assert tid in [r.id for r in tab.model.rows()]  # back among the templates in use
