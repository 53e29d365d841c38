"""证书 › 发证: a batch for a final competition, previewed, issued off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from skillsapp.services.certificates.certificates import RegisterFilter
from skillsapp.ui.pages.certificate_register_tab import CertificateRegisterTab
from tests.gui.test_certificate_helpers import AWARDS, awarded, issue_tab, shown_page


def test_issue_tab_lists_final_competition_and_its_award_tiers(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    assert tab.form.competition.count() == 1
    assert tab.form.awards() == list(AWARDS)
    assert len(tab.candidates) == 3
    assert "3" in tab.count_label.text()


def test_preview_shows_the_first_pages_without_issuing(qtbot, admin, tmp_path) -> None:
    setup = awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    qtbot.waitUntil(lambda: tab.viewer.page_count() == 3)
    assert not tab.viewer.print_button.isEnabled()  # a preview is not for printing
    assert setup.services.certificates.register() == []


def test_unticking_a_tier_leaves_it_out(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    tab.form.choice_boxes[2].setChecked(False)
    assert tab.form.awards() == list(AWARDS[:2])
    assert [c.award for c in tab.candidates] == list(AWARDS[:2])


def test_generate_issues_the_batch_and_the_register_lists_it(qtbot, admin, tmp_path) -> None:
    setup = awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    out = tmp_path / "证书.pdf"
    tab.form.output.setText(str(out))
    tab.generate_button.click()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
    assert out.exists()
    assert tab.result.issued == 3
    assert tab.viewer.page_count() == 3 and tab.viewer.path == out
    page.show_tab("register")
    register = page.tab_widgets["register"]
    assert isinstance(register, CertificateRegisterTab)
    qtbot.waitUntil(lambda: register.model.rowCount() == 3)
    serials = {register.model.row_at(r).serial for r in range(3)}
    assert serials == set(tab.result.serials)
    assert setup.services.certificates.register(RegisterFilter(text="二等奖"))


def test_cancelling_leaves_no_file_and_no_serials(qtbot, admin, tmp_path, recorder) -> None:
    setup = awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    out = tmp_path / "cancelled.pdf"
    tab.form.output.setText(str(out))
    tab.generate()
    tab.task.cancel()  # before the first page: the service stops at its first check
    qtbot.waitUntil(lambda: not tab.task.running, timeout=15_000)
    assert not out.exists()
    assert setup.services.certificates.register() == []
    assert recorder.texts("info") and "取消" in recorder.texts("info")[-1]


def test_printing_from_the_viewer_is_logged(qtbot, admin, tmp_path) -> None:
    setup = awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "issue")
    tab = issue_tab(page)
    tab.form.output.setText(str(tmp_path / "batch.pdf"))
    tab.generate()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=15_000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert tab.viewer.print_to(printer, [1, 2]) == 2  # reprint the two that jammed
    prints = {e.serial: e.prints for e in setup.services.certificates.register()}
    assert sorted(prints.values()) == [1, 2, 2]  # issue line each, print line for two
    assert Path(tmp_path / "printed.pdf").stat().st_size > 0
