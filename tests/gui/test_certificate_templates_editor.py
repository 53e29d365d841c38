"""证书 › 模板 › 编辑: add and remove fields, page settings, images and fonts, save as a
new template, and what closing with unsaved changes does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from skillsapp import messages
from skillsapp.domain.cert_layout import BackgroundKind, FieldKind, Orientation
from skillsapp.paths import resource
from skillsapp.services.certificates.cert_assets import MAX_ASSET_BYTES
from skillsapp.ui.dialogs.template_editor_dialog import TemplateEditorDialog
from tests.gui.helpers import LEFT
from tests.gui.test_certificate_templates import _own_template
from tests.unit.services.test_cert_templates import PNG


def _open(qtbot, services, template_id: int) -> TemplateEditorDialog:
    dialog = TemplateEditorDialog(services, template_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.preview.image.isNull())
    return dialog


def _editor(qtbot, services) -> TemplateEditorDialog:
    """The editor on an own copy of the award template."""
    return _open(qtbot, services, _own_template(services))


def _tick(qtbot, box) -> None:
    """Click a check box on its indicator (its label may be short once translated)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def _choose(combo, value: str) -> None:
    """Pick the entry of `value` as a person picks it from the drop-down list."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _rendered(qtbot, dialog: TemplateEditorDialog, before: int) -> None:
    qtbot.waitUntil(lambda: dialog.renders > before)


def _select(dialog: TemplateEditorDialog, field_id: str) -> None:
    ids = [f.id for f in dialog.layout_doc.fields]
    dialog.field_list.list.setCurrentRow(ids.index(field_id))
    assert dialog.current_field().id == field_id


def _offer(dialog: TemplateEditorDialog, path: Path) -> None:
    """The next file dialog of the asset panel answers `path`."""
    dialog.assets.choose_file = lambda kind: path


def test_adding_a_data_field_bound_to_unit_shows_it_in_the_preview(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    count, renders = len(dialog.layout_doc.fields), dialog.renders
    _choose(dialog.field_list.kind, FieldKind.DATA.value)
    qtbot.mouseClick(dialog.field_list.add_button, LEFT)
    added = dialog.current_field()
    assert len(dialog.layout_doc.fields) == count + 1 and added.kind is FieldKind.DATA
    assert dialog.field_list.list.count() == count + 1
    page_w, page_h = dialog.layout_doc.page_mm
    assert abs(added.x + added.w / 2 - page_w / 2) < 0.1
    assert abs(added.y + added.h / 2 - page_h / 2) < 0.1
    assert dialog.form.binding.isVisible() and not dialog.form.text.isVisible()
    _rendered(qtbot, dialog, renders)
    before, renders = dialog.preview.image.copy(), dialog.renders
    _choose(dialog.form.binding, "unit")
    _rendered(qtbot, dialog, renders)
    assert dialog.current_field().binding == "unit"
    assert dialog.field_list.list.currentItem().text().endswith("{unit}")
    assert dialog.preview.image != before
    assert dialog.dirty and dialog.save_draft()
    stored = admin.cert_templates.view(dialog.template_id).layout
    assert stored.fields[-1].binding == "unit"


def test_a_field_is_removed_by_the_delete_key_or_the_button(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    ids = [f.id for f in dialog.layout_doc.fields]
    _select(dialog, "qr")
    renders = dialog.renders
    dialog.field_list.list.setFocus()
    qtbot.keyClick(dialog.field_list.list, Qt.Key.Key_Delete)
    assert "qr" not in [f.id for f in dialog.layout_doc.fields]
    assert dialog.current_field().id == ids[ids.index("qr") + 1]  # its neighbour
    _rendered(qtbot, dialog, renders)
    removed = dialog.current_field().id
    qtbot.mouseClick(dialog.field_list.remove_button, LEFT)
    assert [f.id for f in dialog.layout_doc.fields] == [i for i in ids if i not in ("qr", removed)]
    assert dialog.field_list.list.count() == len(ids) - 2


def test_delete_in_a_text_box_edits_the_text_not_the_fields(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    _select(dialog, "title")
    count = len(dialog.layout_doc.fields)
    dialog.form.text.setFocus()
    dialog.form.text.home(False)
    qtbot.keyClick(dialog.form.text, Qt.Key.Key_Delete)
    assert len(dialog.layout_doc.fields) == count
    assert dialog.current_field().text == "奖证书"


def test_text_style_properties_reach_the_field(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    _select(dialog, "unit")
    form = dialog.form
    form.colour.choose("#1f3a68")  # as the colour dialog does when a colour is picked
    _choose(form.valign, "top")
    _tick(qtbot, form.multiline)
    form.spacing.setValue(2.5)
    _tick(qtbot, form.booklet_print)
    edited = dialog.current_field()
    assert (edited.colour, edited.valign, edited.multiline, edited.spacing) == (
        "#1F3A68",
        "top",
        True,
        2.5,
    )
    assert edited.booklet_print is False
    assert form.colour.text() == "#1F3A68"
    _select(dialog, "qr")  # a QR code has no text properties
    assert not form.family.isVisible() and not form.colour.isVisible()
    assert form.booklet_print.isVisible()


def test_a_placeholder_is_inserted_into_a_text_field(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    _select(dialog, "title")
    form = dialog.form
    form.text.setFocus()
    form.text.end(False)
    qtbot.keyClicks(form.text, " ")
    form.insert_placeholder("event")
    assert dialog.current_field().text == "获奖证书 {event}"


def test_a3_portrait_paper_changes_the_preview_proportions(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    image = dialog.preview.image
    assert abs(image.width() / image.height() - 297 / 210) < 0.02  # A4 landscape
    dialog.tabs.setCurrentIndex(1)
    renders = dialog.renders
    _choose(dialog.page.paper, "A3")
    _choose(dialog.page.orientation, Orientation.PORTRAIT.value)
    _rendered(qtbot, dialog, renders)
    image = dialog.preview.image
    assert abs(image.height() / image.width() - 420 / 297) < 0.02
    assert (dialog.layout_doc.paper, dialog.layout_doc.page_mm) == ("A3", (297.0, 420.0))
    assert dialog.preview.page_mm == (297.0, 420.0)


def test_a_custom_paper_size_and_a_plain_background(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    dialog.tabs.setCurrentIndex(1)
    page = dialog.page
    assert not page.width_mm.isVisible()
    _choose(page.paper, "custom")
    assert page.width_mm.isVisible() and page.width_mm.value() == 210.0  # from A4
    renders = dialog.renders
    page.height_mm.setValue(105.0)  # 297 × 105 landscape
    _choose(page.background, BackgroundKind.NONE.value)
    assert not page.border_style.isVisible()
    _rendered(qtbot, dialog, renders)
    assert dialog.layout_doc.page_mm == (210.0, 105.0)
    image = dialog.preview.image
    assert abs(image.width() / image.height() - 2.0) < 0.03
    assert dialog.layout_doc.background.kind is BackgroundKind.NONE


def test_an_added_image_is_offered_to_image_fields_and_as_background(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    dialog = _editor(qtbot, admin)
    count = len(dialog.layout_doc.fields)
    assert dialog.add_field(FieldKind.IMAGE) is None  # no image yet: says so
    assert len(dialog.layout_doc.fields) == count and recorder.texts("info")
    emblem = tmp_path / "会徽.png"
    emblem.write_bytes(PNG)
    _offer(dialog, emblem)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.assets.add_image_button, LEFT)
    assert dialog.assets.names() == ["会徽"]
    _choose(dialog.page.background, BackgroundKind.IMAGE.value)
    assert dialog.page.image.currentData() == "会徽"
    assert dialog.layout_doc.background.image == "会徽"
    dialog.tabs.setCurrentIndex(0)
    _choose(dialog.field_list.kind, FieldKind.IMAGE.value)
    qtbot.mouseClick(dialog.field_list.add_button, LEFT)
    assert dialog.current_field().image == "会徽"
    assert dialog.form.image.findData("会徽") >= 0
    assert dialog.save_draft() and not recorder.texts("error")


def test_a_truetype_font_is_added_and_chosen_for_a_field(qtbot, admin, tmp_path: Path) -> None:
    dialog = _editor(qtbot, admin)
    font = tmp_path / "微米黑.ttc"  # a TrueType collection: the service takes its first face
    shutil.copy(resource("fonts", "wqy-microhei.ttc"), font)
    _offer(dialog, font)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.assets.add_font_button, LEFT)
    assert dialog.assets.names() == ["微米黑"]
    dialog.tabs.setCurrentIndex(0)
    _select(dialog, "title")
    renders, before = dialog.renders, dialog.preview.image.copy()
    _choose(dialog.form.family, "微米黑")
    _rendered(qtbot, dialog, renders)
    assert dialog.current_field().font == "微米黑"
    assert dialog.preview.image != before  # drawn in the new face
    assert dialog.save_draft()
    loaded = admin.cert_templates.load(dialog.template_id, draft=True)
    assert set(loaded.fonts) == {"微米黑"}
    assert next(f for f in loaded.layout.fields if f.id == "title").font == "微米黑"


@pytest.mark.parametrize(
    ("file_name", "content", "code"),
    [
        ("思源宋体.otf", b"OTTO" + bytes(200), "cert_font_unusable"),
        ("说明.txt", "这不是字体".encode(), "cert_asset_type"),
    ],
)
def test_a_file_that_is_no_truetype_font_or_image_is_refused_with_a_message(
    qtbot, admin, recorder, tmp_path: Path, file_name: str, content: bytes, code: str
) -> None:
    dialog = _editor(qtbot, admin)
    path = tmp_path / file_name
    path.write_bytes(content)
    _offer(dialog, path)
    fonts = dialog.form.family.count()
    qtbot.mouseClick(dialog.assets.add_font_button, LEFT)
    assert recorder.texts("error") == [messages.text(code, name=path.stem)]
    assert dialog.assets.names() == [] and dialog.form.family.count() == fonts
    assert admin.cert_templates.view(dialog.template_id).assets == ()


def test_too_large_a_file_is_refused_before_it_is_read(
    qtbot, admin, recorder, tmp_path: Path
) -> None:
    dialog = _editor(qtbot, admin)
    huge = tmp_path / "巨幅底图.png"
    with huge.open("wb") as sparse:
        sparse.truncate(MAX_ASSET_BYTES + 1)
    _offer(dialog, huge)
    qtbot.mouseClick(dialog.assets.add_image_button, LEFT)
    assert recorder.texts("error") == [messages.text("cert_asset_too_large", name=huge.name)]
    assert dialog.assets.names() == []


def test_save_as_new_template_carries_the_layout_and_assets(qtbot, admin, recorder) -> None:
    dialog = _editor(qtbot, admin)
    source = dialog.template_id
    admin.cert_templates.add_asset(source, "会徽", PNG)
    dialog.reload_assets()
    dialog.form.y_mm.setValue(31.0)
    dialog.ask_name = lambda suggested: "另存的获奖证书"
    qtbot.mouseClick(dialog.save_as_button, LEFT)
    assert dialog.template_id != source and not dialog.dirty
    assert "另存的获奖证书" in dialog.windowTitle()
    made = admin.cert_templates.view(dialog.template_id)
    assert made.layout == dialog.layout_doc and made.assets == ("会徽",)
    assert admin.cert_templates.view(source).layout.fields[0].y != 31.0  # source untouched
    dialog.form.y_mm.setValue(35.0)  # the editor goes on with the new template
    assert dialog.save_draft()
    assert admin.cert_templates.view(dialog.template_id).layout.fields[0].y == 35.0
    assert not recorder.texts("error")


def test_closing_with_unsaved_changes_asks_to_save_discard_or_cancel(
    qtbot, admin, recorder
) -> None:
    dialog = _editor(qtbot, admin)
    stored = admin.cert_templates.view(dialog.template_id).layout
    dialog.form.y_mm.setValue(44.0)
    recorder.answers.append(2)  # Cancel: the editor stays open
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert dialog.isVisible() and len(recorder.texts("choose")) == 1
    recorder.answers.append(1)  # Discard
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible()
    assert admin.cert_templates.view(dialog.template_id).layout == stored
    again = _open(qtbot, admin, dialog.template_id)
    again.form.y_mm.setValue(45.0)
    recorder.answers.append(0)  # Save draft
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()
    assert admin.cert_templates.view(again.template_id).layout.fields[0].y == 45.0


def test_closing_without_changes_asks_nothing(qtbot, admin, recorder) -> None:
    dialog = _editor(qtbot, admin)
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible() and recorder.shown == []
