"""证书 › 验证 and 登记簿: verdicts for real, altered, revoked and unknown certificates."""

from __future__ import annotations

from skillsapp.services.certificates.cert_verify import VerifyStatus
from skillsapp.services.certificates.certificates import Output
from skillsapp.ui.models.certificate_register_model import CertificateRegisterModel
from skillsapp.ui.models.template_table_model import TemplateTableModel
from skillsapp.ui.pages.certificate_register_tab import CertificateRegisterTab
from skillsapp.ui.pages.verify_tab import VerifyTab
from tests.gui.test_certificate_helpers import awarded, shown_page
from tests.unit.services.test_cert_helpers import template_id


def _issued(services, tmp_path):
    setup = awarded(services, tmp_path)
    certificates = setup.services.certificates
    candidates = certificates.candidates(setup.meet.competition_id, awards=["一等奖", "二等奖"])
    certificates.issue(candidates, template_id(services), Output(tmp_path / "batch.pdf"))
    return certificates.register()


def _verify_tab(page) -> VerifyTab:
    tab = page.tab_widgets["verify"]
    assert isinstance(tab, VerifyTab)
    return tab


def test_a_real_payload_is_valid_and_an_altered_one_forged(qtbot, admin, tmp_path) -> None:
    entries = _issued(admin, tmp_path)
    page = shown_page(qtbot, admin, "verify")
    tab = _verify_tab(page)
    real = _real_payload(admin, entries[0].id)
    tab.input.setPlainText(real)
    tab.verify_button.click()
    assert tab.result.status is VerifyStatus.VALID
    assert tab.verdict_label.text() == "有效"
    assert tab.detail_labels["serial"].text() == entries[0].serial
    altered = real[:-3] + ("AAA" if not real.endswith("AAA") else "BBB")
    assert tab.verify(altered).status is VerifyStatus.FORGED
    assert "伪造" in tab.verdict_label.text()


def test_a_typed_serial_is_checked_and_an_unknown_one_said_so(qtbot, admin, tmp_path) -> None:
    entries = _issued(admin, tmp_path)
    page = shown_page(qtbot, admin, "verify")
    tab = _verify_tab(page)
    assert tab.verify(entries[1].serial).status is VerifyStatus.VALID
    assert tab.verify("1999XX0001").status is VerifyStatus.UNKNOWN
    assert tab.verdict_label.text() == "未知编号"
    assert not tab.detail_labels["name"].text()


def test_revoking_in_the_register_makes_verify_say_revoked(qtbot, admin, tmp_path) -> None:
    entries = _issued(admin, tmp_path)
    page = shown_page(qtbot, admin, "register")
    register = page.tab_widgets["register"]
    assert isinstance(register, CertificateRegisterTab)
    qtbot.waitUntil(lambda: register.model.rowCount() == 2)
    register.table.selectRow(0)
    assert register.revoke_button.isEnabled()
    chosen = register.selected()[0]
    register.revoke(chosen.id, "姓名打错，已重新颁发")
    qtbot.waitUntil(
        lambda: "已作废" in _status_texts(register) or "已撤销" in _status_texts(register)
    )
    page.show_tab("verify")
    tab = _verify_tab(page)
    assert tab.verify(chosen.serial).status is VerifyStatus.REVOKED
    assert tab.verdict_label.text() == "已撤销"
    assert "姓名打错" in tab.detail_labels["revoked"].text()
    assert entries  # the other certificate stays valid
    assert tab.verify(next(e.serial for e in entries if e.id != chosen.id)).status is (
        VerifyStatus.VALID
    )


def test_reprint_keeps_the_serial_and_opens_the_viewer(qtbot, admin, tmp_path) -> None:
    _issued(admin, tmp_path)
    page = shown_page(qtbot, admin, "register")
    register = page.tab_widgets["register"]
    qtbot.waitUntil(lambda: register.model.rowCount() == 2)
    register.table.selectRow(0)
    serial = register.selected()[0].serial
    register.reprint_button.click()
    qtbot.waitUntil(lambda: register.viewer_dialog is not None, timeout=15_000)
    assert register.reprinted.serials == (serial,)
    assert register.viewer_dialog.viewer.page_count() == 1
    register.viewer_dialog.close()


def test_register_and_template_models_pass_the_model_tester(qtmodeltester, admin, tmp_path):
    entries = _issued(admin, tmp_path)
    model = CertificateRegisterModel()
    model.set_rows(entries)
    qtmodeltester.check(model)
    templates = TemplateTableModel()
    templates.set_rows(admin.cert_templates.templates())
    qtmodeltester.check(templates)


def _status_texts(register: CertificateRegisterTab) -> str:
    model = register.model
    return " ".join(model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount()))


def _real_payload(services, certificate_id: int) -> str:
    """The QR text printed on a certificate, rebuilt from its stored signature."""
    import base64

    from skillsapp.domain.certificates import Certificate
    from skillsapp.services.certificates.cert_verify import make_payload

    with services.db.reading() as session:
        cert = session.get(Certificate, certificate_id)
        return make_payload(cert.serial, base64.b64decode(cert.signature))
