"""The signing key section of the certificate settings: the keys, the public key to hand
out, and moving the private key to a second printing laptop (password-protected)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_keys import MIN_PASSWORD, KeyRow
from skillsapp.ui import msgbox
from skillsapp.ui.dialogs.key_password_dialog import KeyPasswordDialog
from skillsapp.ui.models.signing_key_model import SigningKeyTableModel
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.tables import table_view

WIDTHS = (190, 150, 70, 90)
HINT_STYLE = "color: #5f6b7a;"
KEY_FILTER = "PEM (*.pem)"


class SigningKeyBox(QGroupBox):
    """`password_dialog` is the last password asked for (tests type into it)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Signing key"))
        self._services = services
        self.password_dialog: KeyPasswordDialog | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        about = QLabel(
            self.tr(
                "Certificates' QR codes are signed with this laptop's private key, kept in your "
                "data folder and never in the database. The public key is in the database, so "
                "every laptop (and anyone given the public key) can verify."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet(HINT_STYLE)
        self.model = SigningKeyTableModel(self)
        self.table = table_view(self.model, WIDTHS)
        self.table.setMaximumHeight(150)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy public key"))
        self.export_button = QPushButton(self.tr("Export private key…"))
        self.import_button = QPushButton(self.tr("Import private key…"))
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        mover = self._services.actor.can(Permission.MANAGE_DATABASE)
        self.export_button.setVisible(mover)
        self.import_button.setVisible(mover)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def refresh(self) -> None:
        rows = self._services.cert_keys.keys()
        self.model.set_rows(rows)
        local = self.local_key()
        self.copy_button.setEnabled(bool(rows))
        self.export_button.setEnabled(local is not None)
        self.status_label.setText(
            ""
            if local
            else self.tr(
                "This laptop has no signing key yet: one is made when it first issues "
                "certificates, or import the key of the first laptop."
            )
        )

    def local_key(self) -> KeyRow | None:
        return next((r for r in self.model.rows() if r.local), None)

    def chosen_key(self) -> KeyRow | None:
        """The key selected in the table, else this laptop's, else the newest."""
        selected = self.table.selectionModel().selectedRows()
        if selected:
            return self.model.row_at(selected[0].row())
        rows = self.model.rows()
        return self.local_key() or (rows[-1] if rows else None)

    # -- public key

    def _on_copy_button_clicked(self) -> None:
        key = self.chosen_key()
        if key is None:
            return
        try:
            text = self._services.cert_keys.public_key_text(key.id)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(
            self.tr("Public key {fingerprint} copied: give it to whoever should verify.").format(
                fingerprint=key.fingerprint
            )
        )

    # -- export

    def _on_export_button_clicked(self) -> None:
        dialog = KeyPasswordDialog(
            self.tr("Export private key"),
            self.tr(
                "The file is protected by this password. Carry the file and tell the password "
                "separately: whoever has both can sign certificates."
            ),
            repeat=True,
            minimum=MIN_PASSWORD,
            parent=self,
        )
        dialog.password_given.connect(self.export_key)
        self.password_dialog = open_dialog(dialog)

    def export_key(self, password: str) -> None:
        path = self.export_path()
        if path is None:
            return
        try:
            self._services.cert_keys.export_private_key(path, password)
        except UserError as err:
            msgbox.user_error(self, err)
            return
        self.refresh()
        self.status_label.setText(
            self.tr("Private key saved to {path}; import it on the other laptop.").format(path=path)
        )

    def export_path(self) -> Path | None:
        """Where to save the exported key (a file dialog; tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export private key"), "skillsapp-signing-key.pem", KEY_FILTER
        )
        return Path(path) if path else None

    # -- import

    def _on_import_button_clicked(self) -> None:
        path = self.import_path()
        if path is None:
            return
        dialog = KeyPasswordDialog(
            self.tr("Import private key"),
            self.tr("The password the key was exported with:"),
            repeat=False,
            parent=self,
        )
        dialog.password_given.connect(lambda password: self.import_key(path, password))
        self.password_dialog = open_dialog(dialog)

    def import_key(self, path: Path, password: str, *, replace: bool = False) -> None:
        try:
            row = self._services.cert_keys.import_private_key(path, password, replace=replace)
        except UserError as err:
            if err.code == "cert_key_exists" and not replace:
                if self._confirm_replace():
                    self.import_key(path, password, replace=True)
                return
            msgbox.user_error(self, err)
            return
        self.refresh()
        self.status_label.setText(
            self.tr("This laptop now signs with key {fingerprint}.").format(
                fingerprint=row.fingerprint
            )
        )

    def _confirm_replace(self) -> bool:
        local = self.local_key()
        return msgbox.confirm(
            self,
            self.tr("Import private key"),
            self.tr(
                "This laptop already signs with another key ({fingerprint}). Replace it? "
                "Certificates it signed still verify, but unless it was exported this laptop "
                "can no longer sign with it."
            ).format(fingerprint=local.fingerprint if local else ""),
            ok_text=self.tr("Replace"),
        )

    def import_path(self) -> Path | None:
        """The exported key file to import (a file dialog; tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import private key"), "", KEY_FILTER)
        return Path(path) if path else None
