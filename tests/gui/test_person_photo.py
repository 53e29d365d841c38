"""A person's photo in the person dialog: chosen, shown again on edit, removed, checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from skillsapp.errors import UserError
from skillsapp.ui.dialogs.person_dialog import PersonDialog
from skillsapp.ui.pages.persons_tab import PersonsTab
from skillsapp.ui.widgets.photo_widget import MAX_SIDE
from tests.factories import id_number, person_input
from tests.gui.helpers import LEFT, ok_button, open_dialog_of, table_names, type_text

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


def _image_file(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3b6ea8"))
    assert image.save(str(path))
    return path


def _tab(qtbot, services) -> PersonsTab:
    tab = PersonsTab(services)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _edit_dialog(qtbot, tab: PersonsTab, person_id: int) -> PersonDialog:
    dialog = tab.person_dialog(person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _press_ok(qtbot, dialog: PersonDialog) -> None:
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_photo_chosen_when_adding_is_shown_on_edit_and_can_be_removed(qtbot, admin, tmp_path):
    photo = _image_file(tmp_path / "证件照.png", 100, 140)
    tab = _tab(qtbot, admin)
    qtbot.mouseClick(tab.add_button, LEFT)
    qtbot.waitUntil(lambda: open_dialog_of(tab, PersonDialog) is not None)
    dialog = open_dialog_of(tab, PersonDialog)
    type_text(qtbot, dialog.name, "李丽")
    qtbot.keyClicks(dialog.id_number, id_number(5, female=True))
    assert dialog.set_photo_from_file(photo)
    assert not dialog.photo.preview.pixmap().isNull()
    _press_ok(qtbot, dialog)

    qtbot.waitUntil(lambda: table_names(tab.model) == ["李丽"])
    person_id = tab.model.row_at(0).id
    assert admin.registry.photo(person_id) == photo.read_bytes()  # small PNG kept as it is

    dialog = _edit_dialog(qtbot, tab, person_id)
    assert not dialog.photo.preview.pixmap().isNull()
    assert dialog.photo.remove_button.isEnabled()
    qtbot.mouseClick(dialog.photo.remove_button, LEFT)
    assert dialog.photo.preview.pixmap().isNull()
    assert dialog.photo.preview.text() == "暂无照片"
    _press_ok(qtbot, dialog)
    assert admin.registry.photo(person_id) is None


def test_large_image_is_scaled_down_and_stored_as_jpeg(qtbot, admin, tmp_path):
    row = admin.registry.add(person_input(2))
    tab = _tab(qtbot, admin)
    dialog = _edit_dialog(qtbot, tab, row.id)
    assert dialog.set_photo_from_file(_image_file(tmp_path / "big.png", 1500, 2100))
    _press_ok(qtbot, dialog)

    stored = admin.registry.photo(row.id) or b""
    assert stored.startswith(JPEG_MAGIC)
    image = QImage.fromData(stored)
    assert (image.width(), image.height()) == (MAX_SIDE * 5 // 7, MAX_SIDE)


def test_unreadable_file_is_reported_under_the_photo_and_the_old_photo_kept(qtbot, admin, tmp_path):
    row = admin.registry.add(person_input(4))
    tab = _tab(qtbot, admin)
    dialog = _edit_dialog(qtbot, tab, row.id)
    assert dialog.set_photo_from_file(_image_file(tmp_path / "ok.png", 50, 70))
    broken = tmp_path / "broken.jpg"
    broken.write_text("not a picture at all")

    assert not dialog.set_photo_from_file(broken)
    assert not dialog.set_photo_from_file(tmp_path / "missing.png")
    assert dialog.photo.error.isVisible()
    assert dialog.photo.error.text() == "无法读取该图片"
    assert not dialog.photo.preview.pixmap().isNull()

    _press_ok(qtbot, dialog)
    assert (admin.registry.photo(row.id) or b"").startswith(PNG_MAGIC)


def test_editing_other_fields_leaves_the_photo_alone(qtbot, admin, tmp_path):
    row = admin.registry.add(person_input(6))
    stored = _image_file(tmp_path / "p.png", 30, 42).read_bytes()
    admin.registry.set_photo(row.id, stored)
    tab = _tab(qtbot, admin)
    dialog = _edit_dialog(qtbot, tab, row.id)
    dialog.mobile.clear()
    qtbot.keyClicks(dialog.mobile, "13900139000")
    _press_ok(qtbot, dialog)

    assert admin.registry.photo(row.id) == stored
    assert dialog.saved is not None and dialog.saved.mobile == "13900139000"


def test_refused_photo_is_reported_under_it_and_ok_again_does_not_add_twice(
    qtbot, admin, tmp_path, monkeypatch
):
    tab = _tab(qtbot, admin)
    dialog = tab.person_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "周芳")
    qtbot.keyClicks(dialog.id_number, id_number(9, female=True))
    dialog.set_photo_from_file(_image_file(tmp_path / "p.png", 50, 70))
    store = admin.registry.set_photo

    def refuse(*_args, **_kwargs):
        raise UserError("photo_too_large", limit=2)

    monkeypatch.setattr(admin.registry, "set_photo", refuse)
    qtbot.mouseClick(ok_button(dialog.buttons), LEFT)
    assert dialog.isVisible()
    assert dialog.photo.error.text() == "照片大小不能超过 2 MB"
    assert not dialog.banner.isVisible()

    monkeypatch.setattr(admin.registry, "set_photo", store)
    _press_ok(qtbot, dialog)
    assert admin.registry.search().total == 1
    assert admin.registry.photo(dialog.saved.id) is not None
