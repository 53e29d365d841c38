"""验证: a scanned QR text or a typed serial → the register entry and a clear verdict."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.services.certificates.cert_verify import (
    PAYLOAD_TAG,
    RegisterEntry,
    VerifyResult,
    VerifyStatus,
)
from skillsapp.ui import certificate_labels
from skillsapp.ui.formatting import local_time
from skillsapp.ui.icons import icon

_CTX = "VerifyTab"
# register field → label
FIELDS = (
    ("serial", QT_TRANSLATE_NOOP("VerifyTab", "Serial")),
    ("name", QT_TRANSLATE_NOOP("VerifyTab", "Name")),
    ("unit", QT_TRANSLATE_NOOP("VerifyTab", "Unit")),
    ("competition", QT_TRANSLATE_NOOP("VerifyTab", "Competition")),
    ("event", QT_TRANSLATE_NOOP("VerifyTab", "Event")),
    ("award", QT_TRANSLATE_NOOP("VerifyTab", "Award")),
    ("title", QT_TRANSLATE_NOOP("VerifyTab", "Title")),
    ("issuer", QT_TRANSLATE_NOOP("VerifyTab", "Issued by (body)")),
)
_EXPLAIN = {
    VerifyStatus.VALID: QT_TRANSLATE_NOOP(
        "VerifyTab", "The register holds this certificate and its signature matches."
    ),
    VerifyStatus.REVOKED: QT_TRANSLATE_NOOP(
        "VerifyTab", "The certificate was issued but has been revoked."
    ),
    VerifyStatus.UNKNOWN: QT_TRANSLATE_NOOP("VerifyTab", "No certificate has this serial."),
    VerifyStatus.FORGED: QT_TRANSLATE_NOOP(
        "VerifyTab",
        "The code is not one of ours or its signature does not match what was printed.",
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class VerifyTab(QWidget):
    """`result` is the last verification."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.result: VerifyResult | None = None
        self._build_ui()
        self._connect_signals()
        self.show_result(None)

    def _build_ui(self) -> None:
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(
            self.tr("Paste the scanned QR text (SKC1:…) or type the printed serial")
        )
        self.input.setMaximumHeight(80)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verdict_icon = QLabel()
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.banner = QFrame()
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.verdict_icon)
        text = QVBoxLayout()
        text.addWidget(self.verdict_label)
        text.addWidget(self.explain_label)
        banner_layout.addLayout(text, 1)
        self.details = QFormLayout()
        self.detail_labels: dict[str, QLabel] = {}
        for key, title in (*FIELDS, *self._extra_rows()):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = label
            self.details.addRow(_tr(title), label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.input)
        layout.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.banner)
        layout.addLayout(self.details)
        layout.addStretch(1)
        self.setMaximumWidth(760)

    @staticmethod
    def _extra_rows() -> tuple[tuple[str, str], ...]:
        return (
            ("template", QT_TRANSLATE_NOOP("VerifyTab", "Template")),
            ("issued", QT_TRANSLATE_NOOP("VerifyTab", "Issued at / by")),
            ("revoked", QT_TRANSLATE_NOOP("VerifyTab", "Revoked")),
        )

    def _connect_signals(self) -> None:
        self.verify_button.clicked.connect(self._on_verify_button_clicked)

    def _on_verify_button_clicked(self) -> None:
        self.verify(self.input.toPlainText())

    def verify(self, text: str) -> VerifyResult | None:
        """Check a QR payload (it starts with SKC1:) or a serial; show the verdict."""
        text = text.strip()
        if not text:
            self.show_result(None)
            return None
        certificates = self._services.certificates
        if text.upper().startswith(PAYLOAD_TAG + ":"):
            result = certificates.verify(text)
        else:
            result = certificates.verify_serial(text)
        self.show_result(result)
        return result

    def show_result(self, result: VerifyResult | None) -> None:
        self.result = result
        self.banner.setVisible(result is not None)
        if result is not None:
            fg, bg, icon_name = certificate_labels.VERDICT_STYLE[result.status]
            self.banner.setStyleSheet(
                f"QFrame {{ background: {bg}; border-radius: 6px; }}"
                f"QLabel#verdict {{ color: {fg}; font-size: 16pt; font-weight: 600; }}"
            )
            self.verdict_icon.setPixmap(icon(icon_name).pixmap(36, 36))
            self.verdict_label.setText(certificate_labels.verdict(result.status))
            self.explain_label.setText(_tr(_EXPLAIN[result.status]))
        self._show_entry(result.entry if result else None)

    def _show_entry(self, entry: RegisterEntry | None) -> None:
        values = dict.fromkeys(self.detail_labels, "")
        if entry is not None:
            values.update({key: entry[key] for key, _title in FIELDS})
            values["serial"] = entry.serial
            values["template"] = f"{entry.template} v{entry.template_version}"
            values["issued"] = f"{local_time(entry.issued_at)} · {entry.issued_by}"
            if entry.revoked_at is not None:
                values["revoked"] = f"{local_time(entry.revoked_at)} · {entry.revoked_reason}"
        for key, label in self.detail_labels.items():
            label.setText(values[key])
            self.details.setRowVisible(label, bool(values[key]))
