"""证书 › 设置: the serial pattern with its next serial, the issuer, and the signing key
moved to a second laptop (export, then import there). Keys live under tmp_path only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from skillsapp.app import Services
from skillsapp.domain.cert_layout import DEFAULT_SERIAL_PATTERN
from skillsapp.services.certificates.certificates import ISSUER_KEY, PATTERN_KEY, Output
from skillsapp.ui.models.signing_key_model import SigningKeyTableModel
from tests.conftest import as_role
from tests.gui.test_certificate_helpers import awarded, settings_tab, shown_page, with_local_key
from tests.unit.services.test_cert_helpers import template_id

PASSWORD = "Second-laptop-2025"


def _click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _retype(qtbot, field: QLineEdit, text: str) -> None:
    """Select all and type over it, as a person would."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _type_chinese(field: QLineEdit, text: str) -> None:
    """Chinese comes from an input method committing the text (QTest types Latin-1 only)."""
    field.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def _import(qtbot, box, password: str) -> None:
    """Import… then the password typed and OK clicked (the file is `box.import_path()`)."""
    _click(qtbot, box.import_button)
    qtbot.keyClicks(box.password_dialog.password, password)
    _click(qtbot, box.password_dialog.ok_button)


def _second_laptop(services: Services, folder: Path) -> Services:
    """The same database seen from another laptop: its key file elsewhere."""
    return Services(services.db, services.actor, key_path=folder / "signing.pem")


def test_the_pattern_shows_the_next_serial_and_is_used_once_saved(qtbot, admin, tmp_path) -> None:
    setup = awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "settings")
    tab = settings_tab(page)
    assert tab.pattern.text() == DEFAULT_SERIAL_PATTERN
    assert "2025JZ0001" in tab.example_label.text()
    assert not tab.save_button.isEnabled()  # nothing changed yet
    _retype(qtbot, tab.pattern, "ZS{year}-{seq:05d}")
    assert "ZS2025-00001" in tab.example_label.text()
    _type_chinese(tab.issuer, "焦作市总工会")
    _click(qtbot, tab.save_button)
    certificates = setup.services.certificates
    assert certificates.setting(PATTERN_KEY) == "ZS{year}-{seq:05d}"
    assert certificates.setting(ISSUER_KEY) == "焦作市总工会"
    assert not tab.save_button.isEnabled() and tab.status_label.text()
    first = certificates.candidates(setup.meet.competition_id, awards=["一等奖"])
    issued = certificates.issue(first, template_id(admin), Output(tmp_path / "a.pdf"))
    assert issued.serials == ("ZS2025-00001",)


def test_an_invalid_pattern_says_why_and_cannot_be_saved(qtbot, admin, tmp_path) -> None:
    awarded(admin, tmp_path)
    page = shown_page(qtbot, admin, "settings")
    tab = settings_tab(page)
    _retype(qtbot, tab.pattern, "{year}{competition_code}")
    assert "必须恰好包含一个" in tab.example_label.text()
    assert not tab.save_button.isEnabled()
    _retype(qtbot, tab.pattern, "{year}{name}{seq}")
    assert "只能使用" in tab.example_label.text()
    assert not tab.save_button.isEnabled()
    _retype(qtbot, tab.pattern, "{year}{seq:03d}")
    assert "2025001" in tab.example_label.text() and tab.save_button.isEnabled()


def test_the_keys_table_and_copying_the_public_key(qtbot, qtmodeltester, admin, tmp_path) -> None:
    setup = awarded(admin, tmp_path)
    signer = setup.services.cert_keys.signer()
    page = shown_page(qtbot, admin, "settings")
    box = settings_tab(page).key_box
    qtmodeltester.check(box.model)
    assert isinstance(box.model, SigningKeyTableModel)
    (row,) = box.model.rows()
    assert row.fingerprint == signer.fingerprint and row.local and row.active
    assert box.model.index(0, 3).data()  # "this laptop" is marked
    _click(qtbot, box.copy_button)
    text = QGuiApplication.clipboard().text()
    assert text.startswith("ed25519:")
    assert text == setup.services.cert_keys.public_key_text(signer.key_id)
    assert signer.fingerprint in box.status_label.text()


def test_exporting_then_importing_on_a_second_laptop_keeps_the_key(
    qtbot, admin, tmp_path, recorder
) -> None:
    setup = awarded(admin, tmp_path / "first")
    signer = setup.services.cert_keys.signer()
    exported = tmp_path / "key-export.pem"
    page = shown_page(qtbot, admin, "settings")
    box = settings_tab(page).key_box
    box.export_path = lambda: exported
    _click(qtbot, box.export_button)
    dialog = box.password_dialog
    qtbot.keyClicks(dialog.password, "short")
    assert not dialog.ok_button.isEnabled() and "8" in dialog.hint.text()
    _retype(qtbot, dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, PASSWORD + "x")
    assert not dialog.ok_button.isEnabled()  # the two differ
    _retype(qtbot, dialog.repeat, PASSWORD)
    _click(qtbot, dialog.ok_button)
    assert b"ENCRYPTED" in exported.read_bytes()

    second = _second_laptop(admin, tmp_path / "second")
    other = shown_page(qtbot, second, "settings")
    other_box = settings_tab(other).key_box
    assert not other_box.export_button.isEnabled() and other_box.status_label.text()
    other_box.import_path = lambda: exported
    _import(qtbot, other_box, "wrong password")
    assert recorder.texts("error")[-1] == "密钥文件密码错误"
    _import(qtbot, other_box, PASSWORD)
    (row,) = second.cert_keys.keys()
    assert row.local and row.fingerprint == signer.fingerprint
    assert second.cert_keys.signer().key_id == signer.key_id
    assert other_box.local_key() == row and signer.fingerprint in other_box.status_label.text()
    assert (tmp_path / "second" / "signing.pem").is_file()


def test_importing_over_another_key_asks_first(qtbot, admin, tmp_path, recorder) -> None:
    setup = awarded(admin, tmp_path / "first")
    exported = tmp_path / "key-export.pem"
    setup.services.cert_keys.export_private_key(exported, PASSWORD)
    second = _second_laptop(admin, tmp_path / "second")
    own = second.cert_keys.signer()  # the second laptop made a key of its own meanwhile
    page = shown_page(qtbot, second, "settings")
    box = settings_tab(page).key_box
    box.import_path = lambda: exported
    recorder.answers.append(0)  # the first time: keep this laptop's key
    _import(qtbot, box, PASSWORD)
    assert own.fingerprint in recorder.texts("confirm")[0]
    assert second.cert_keys.signer().key_id == own.key_id
    _import(qtbot, box, PASSWORD)  # the second time: replace it
    assert len(recorder.texts("confirm")) == 2
    rows = second.cert_keys.keys()
    assert [r.id for r in rows if r.local] == [setup.services.cert_keys.signer().key_id]
    assert box.model.rowCount() == 2  # both public keys stay: certificates of each verify


def test_clerks_set_serials_but_do_not_move_keys(qtbot, admin, tmp_path) -> None:
    with_local_key(admin, tmp_path)
    clerk = as_role(admin, "clerk1", "clerk")
    page = shown_page(qtbot, clerk, "settings")
    box = settings_tab(page).key_box
    assert box.copy_button.isVisible()
    assert box.export_button.isHidden() and box.import_button.isHidden()
