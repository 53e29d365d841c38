"""证书设置: the serial number pattern (with the next serial it gives), the default issuing
organisation, and the signing key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.cert_layout import DEFAULT_SERIAL_PATTERN, check_serial_pattern
from skillsapp.errors import UserError
from skillsapp.services.certificates.certificates import ISSUER_KEY, PATTERN_KEY
from skillsapp.ui import msgbox, signals
from skillsapp.ui.widgets.refresh import RefreshOnChange
from skillsapp.ui.widgets.signing_key_box import SigningKeyBox

HINT_STYLE = "color: #5f6b7a;"
PROBLEM_STYLE = "color: #a01c1c;"
CONTENT_WIDTH = 860
EXAMPLE_CODE = "XX"  # the competition code of the example when there is no competition


class CertificateSettingsTab(QWidget):
    """Settings are saved together by Save; `saved` holds what the database has."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved: dict[str, str] = {PATTERN_KEY: "", ISSUER_KEY: ""}
        self._example = ("", EXAMPLE_CODE)  # (competition name, its code)
        self._build_ui()
        self._connect_signals()
        RefreshOnChange(
            self, self.refresh, {signals.COMPETITIONS, signals.CERTIFICATES}, initially=True
        )

    def _build_ui(self) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._serial_box())
        self.key_box = SigningKeyBox(self._services)
        column.addWidget(self.key_box)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(CONTENT_WIDTH)  # long lines of settings are hard to read
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(content, 1)
        layout.addStretch(0)

    def _serial_box(self) -> QGroupBox:
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(DEFAULT_SERIAL_PATTERN)
        self.example_label = QLabel()
        self.example_label.setWordWrap(True)
        placeholders = QLabel(
            self.tr(
                "Placeholders: {year}, {month}, {competition_code} and {seq} (exactly once); "
                "{seq:04d} pads the number to four digits. Each year and competition code "
                "counts from 1, and no serial is ever used twice."
            )
        )
        placeholders.setWordWrap(True)
        placeholders.setStyleSheet(HINT_STYLE)
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("Used when a competition names no organiser"))
        self.save_button = QPushButton(self.tr("Save"))
        self.status_label = QLabel()
        self.status_label.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status_label, 1)
        pattern = QVBoxLayout()
        pattern.addWidget(self.pattern)
        pattern.addWidget(self.example_label)
        pattern.addWidget(placeholders)
        box = QGroupBox(self.tr("Serial numbers and issuer"))
        form = QFormLayout(box)
        form.addRow(self.tr("Serial pattern"), pattern)
        form.addRow(self.tr("Issuing organisation"), self.issuer)
        form.addRow(buttons)
        return box

    def _connect_signals(self) -> None:
        self.pattern.textChanged.connect(self._on_text_changed)
        self.issuer.textChanged.connect(self._on_text_changed)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        """Reload the settings (keeping unsaved typing), the example's competition, the keys."""
        dirty = self.edited() != self.saved
        certificates = self._services.certificates
        self.saved = {key: certificates.setting(key) for key in (PATTERN_KEY, ISSUER_KEY)}
        competitions = self._services.competitions.competitions()
        self._example = (
            (competitions[0].name, competitions[0].code) if competitions else ("", EXAMPLE_CODE)
        )
        if not dirty:
            self.pattern.setText(self.saved[PATTERN_KEY])
            self.issuer.setText(self.saved[ISSUER_KEY])
        self._on_text_changed()
        self.key_box.refresh()

    def edited(self) -> dict[str, str]:
        """The settings as typed."""
        return {PATTERN_KEY: self.pattern.text().strip(), ISSUER_KEY: self.issuer.text().strip()}

    def _on_text_changed(self) -> None:
        valid = self._show_example(self.edited()[PATTERN_KEY])
        self.save_button.setEnabled(valid and self.edited() != self.saved)
        if self.edited() != self.saved:
            self.status_label.clear()

    def _show_example(self, pattern: str) -> bool:
        """The next serial the pattern gives, or its problems; whether it is valid."""
        problems = check_serial_pattern(pattern)
        if problems:
            texts = dict.fromkeys(messages.text(p.code) for p in problems)
            self.example_label.setStyleSheet(PROBLEM_STYLE)
            self.example_label.setText("；".join(texts))
            return False
        name, code = self._example
        serial = self._services.certificates.next_serial(pattern, code=code)
        self.example_label.setStyleSheet(HINT_STYLE)
        if name:
            text = self.tr("Next serial for {competition}: {serial}")
        else:
            text = self.tr("Next serial, e.g.: {serial}")
        self.example_label.setText(text.format(competition=name, serial=serial))
        return True

    def save(self) -> None:
        """Store the settings that changed (each is audited)."""
        changed = {k: v for k, v in self.edited().items() if v != self.saved[k]}
        for key, value in changed.items():
            try:
                self._services.certificates.set_setting(key, value)
            except UserError as err:
                msgbox.user_error(self, err)
                return
            self.saved[key] = value
        self.status_label.setText(self.tr("Saved."))
        self.save_button.setEnabled(False)
