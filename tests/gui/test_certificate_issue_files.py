"""证书 › 发证: what was awarded (with counts), one PDF per person, the 套打 calibration page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter

from skillsapp.ui.pages.certificates_page import CertificatesPage
from tests.gui.test_certificate_helpers import awarded, issue_tab, shown_page
from tests.unit.services.test_cert_helpers import BOOKLET_TEMPLATE, TITLE, template_id

MM_PER_POINT = 25.4 / 72


def _click_box(qtbot, box) -> None:
    """Click a check box on its indicator, as a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _generated_split(qtbot, admin, tmp_path: Path) -> tuple[CertificatesPage, Path]:
    """Three certificates issued one PDF per person; the page (keep it: it owns the tab)."""
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    folder = tmp_path / "每人一份"
    _click_box(qtbot, tab.form.split)
    tab.form.output.setText(str(folder))
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
    return page, folder


def test_the_form_offers_what_was_awarded_with_counts(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    assert tab.form.choice_texts() == ["一等奖（1）", "二等奖（1）", "三等奖（1）", f"{TITLE}（1）"]
    assert tab.form.titles() == []  # a title needs an honour template: not ticked at first
    qtbot.waitUntil(lambda: tab.viewer.page_count() == 3)
    _click_box(qtbot, tab.form.choice_boxes[1])
    _click_box(qtbot, tab.form.choice_boxes[2])
    assert [c.award for c in tab.candidates] == ["一等奖"]
    assert "1" in tab.count_label.text()
    qtbot.waitUntil(lambda: tab.viewer.page_count() == 1)  # the preview follows
    _click_box(qtbot, tab.form.choice_boxes[3])
    assert tab.form.titles() == [TITLE]
    assert [(c.award, c.title) for c in tab.candidates] == [("一等奖", ""), ("", TITLE)]


def test_split_generation_lists_every_file_and_shows_the_chosen_one(qtbot, admin, tmp_path) -> None:
    page, folder = _generated_split(qtbot, admin, tmp_path)
    tab = issue_tab(page)
    paths = tab.result.paths
    assert len(paths) == 3 and {p.parent for p in paths} == {folder}
    assert tab.files.isVisible()
    assert [tab.files.item(i).text() for i in range(3)] == [p.name for p in paths]
    assert tab.viewer.path == paths[0] and tab.viewer.page_count() == 1
    assert not tab._preview_timer.isActive()  # the new file stays in view
    third = tab.files.visualItemRect(tab.files.item(2)).center()
    qtbot.mouseClick(tab.files.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert tab.viewer.path == paths[2]
    assert str(paths[2]) in tab.viewer_title.text()


def test_printing_a_split_file_logs_that_persons_certificate(qtbot, admin, tmp_path) -> None:
    page, _folder = _generated_split(qtbot, admin, tmp_path)
    tab = issue_tab(page)
    tab.files.setCurrentRow(1)
    assert tab.viewer.print_to(_pdf_printer(tmp_path / "printed.pdf"), [0]) == 1
    prints = {e.serial: e.prints for e in admin.certificates.register()}
    serials = tab.result.serials
    assert [prints[s] for s in serials] == [1, 2, 1]  # the issue line, and one print


def test_open_folder_and_system_viewer_hand_the_paths_to_the_desktop(
    qtbot, admin, tmp_path
) -> None:
    page, folder = _generated_split(qtbot, admin, tmp_path)
    tab = issue_tab(page)
    opened: list[Path] = []
    tab.open_externally = lambda path: opened.append(path) or True
    tab.viewer.open_externally = lambda path: opened.append(path) or True
    qtbot.mouseClick(tab.folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.viewer.system_button, Qt.MouseButton.LeftButton)
    assert opened == [folder, tab.result.paths[0]]


def test_one_pdf_shows_without_a_file_list(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    tab.form.output.setText(str(tmp_path / "all.pdf"))
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
    assert tab.files.isHidden() and tab.viewer.path == tmp_path / "all.pdf"
    assert tab.viewer.page_count() == 3 and tab.folder_button.isEnabled()


def test_the_calibration_page_shows_on_the_templates_paper(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    form = tab.form
    assert not form.calibration_button.isEnabled()  # only for pre-printed booklets
    form.template.setCurrentIndex(form.template.findData(template_id(admin, BOOKLET_TEMPLATE)))
    _click_box(qtbot, form.booklet)
    form.offset_x.setValue(1.5)
    qtbot.mouseClick(form.calibration_button, Qt.MouseButton.LeftButton)
    assert tab.viewer.page_count() == 1
    size = tab.viewer.document.pagePointSize(0)
    width, height = admin.cert_templates.view(template_id(admin, BOOKLET_TEMPLATE)).layout.page_mm
    assert abs(size.width() * MM_PER_POINT - width) < 0.5
    assert abs(size.height() * MM_PER_POINT - height) < 0.5
    assert "+1.5" in tab.viewer_title.text()
    assert tab.viewer.print_button.isEnabled()  # it is meant for paper
    assert tab.viewer.print_to(_pdf_printer(tmp_path / "calibration.pdf"), [0]) == 1
    assert admin.certificates.register() == []  # nothing logged, nothing issued
