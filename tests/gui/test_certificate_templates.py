"""证书 › 模板: copy a built-in template, edit a field, the live preview follows."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from skillsapp.ui.dialogs.template_editor_dialog import TemplateEditorDialog
from skillsapp.ui.pages.template_list_tab import TemplateListTab
from tests.gui.helpers import LEFT
from tests.gui.test_certificate_helpers import shown_page
from tests.unit.services.test_cert_helpers import template_id


def _own_template(services) -> int:
    services.cert_templates.ensure_builtin_templates()
    return services.cert_templates.copy(template_id(services), "我们的获奖证书").id


def _editor(qtbot, services) -> TemplateEditorDialog:
    dialog = TemplateEditorDialog(services, _own_template(services))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.preview.image.isNull())
    return dialog


def test_changing_x_moves_the_field_in_the_preview(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    before, renders = dialog.preview.image.copy(), dialog.renders
    dialog.form.x_mm.setValue(dialog.form.x_mm.value() + 30)
    qtbot.waitUntil(lambda: dialog.renders > renders)
    assert dialog.current_field().x == dialog.form.x_mm.value()
    assert dialog.preview.image != before


def test_dragging_on_the_preview_moves_the_selected_field(qtbot, admin) -> None:
    dialog = _editor(qtbot, admin)
    start = dialog.current_field()
    centre = dialog.preview.rect().center()
    qtbot.mousePress(dialog.preview, LEFT, pos=centre)
    qtbot.mouseMove(dialog.preview, centre + QPoint(40, 20))
    qtbot.mouseRelease(dialog.preview, LEFT, pos=centre + QPoint(40, 20))
    moved = dialog.current_field()
    assert moved.x > start.x and moved.y > start.y
    expected = 40 * dialog.preview.mm_per_pixel()
    assert abs((moved.x - start.x) - expected) < 0.2


def test_save_draft_and_publish_store_the_edited_layout(qtbot, admin, recorder) -> None:
    dialog = _editor(qtbot, admin)
    dialog.form.y_mm.setValue(33.0)
    dialog.publish()
    view = admin.cert_templates.view(dialog._template_id, draft=False)
    assert view.layout.fields[0].y == 33.0
    assert recorder.texts("info")


def test_templates_tab_lists_built_ins_and_previews_them(qtbot, admin) -> None:
    page = shown_page(qtbot, admin, "templates")
    tab = page.tab_widgets["templates"]
    assert isinstance(tab, TemplateListTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 3)
    assert tab.viewer.page_count() == 1
    assert not tab.edit_button.isEnabled()  # built-ins are copied, not edited
    made = tab.copy(tab.selected().id, "复制的模板")
    qtbot.waitUntil(lambda: any(r.id == made.id for r in tab.model.rows()))
