"""Translated names of certificate statuses, verdicts and template kinds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.cert_layout import FieldKind
from skillsapp.domain.certificates import CertificateStatus, TemplateKind
from skillsapp.services.certificates.cert_verify import VerifyStatus

_CTX = "CertificateLabels"

_STATUS = {
    CertificateStatus.VALID: QT_TRANSLATE_NOOP("CertificateLabels", "Valid"),
    CertificateStatus.REVOKED: QT_TRANSLATE_NOOP("CertificateLabels", "Revoked"),
}
_VERDICT = {
    VerifyStatus.VALID: QT_TRANSLATE_NOOP("CertificateLabels", "Valid"),
    VerifyStatus.REVOKED: QT_TRANSLATE_NOOP("CertificateLabels", "Revoked"),
    VerifyStatus.UNKNOWN: QT_TRANSLATE_NOOP("CertificateLabels", "Unknown serial"),
    VerifyStatus.FORGED: QT_TRANSLATE_NOOP("CertificateLabels", "Forged or tampered with"),
}
_KIND = {
    TemplateKind.AWARD: QT_TRANSLATE_NOOP("CertificateLabels", "Award certificate"),
    TemplateKind.HONOUR: QT_TRANSLATE_NOOP("CertificateLabels", "Honour certificate"),
    TemplateKind.PARTICIPATION: QT_TRANSLATE_NOOP("CertificateLabels", "Participation"),
    TemplateKind.BOOKLET: QT_TRANSLATE_NOOP("CertificateLabels", "Pre-printed booklet"),
}
_FIELD_KIND = {
    FieldKind.DATA: QT_TRANSLATE_NOOP("CertificateLabels", "Data item"),
    FieldKind.TEXT: QT_TRANSLATE_NOOP("CertificateLabels", "Fixed text"),
    FieldKind.IMAGE: QT_TRANSLATE_NOOP("CertificateLabels", "Image"),
    FieldKind.QR: QT_TRANSLATE_NOOP("CertificateLabels", "QR code"),
    FieldKind.SEAL: QT_TRANSLATE_NOOP("CertificateLabels", "Seal"),
}
# the data items a template field may show (cert_layout.BINDINGS)
_BINDING = {
    "name": QT_TRANSLATE_NOOP("CertificateLabels", "Name"),
    "unit": QT_TRANSLATE_NOOP("CertificateLabels", "Unit"),
    "competition": QT_TRANSLATE_NOOP("CertificateLabels", "Competition"),
    "event": QT_TRANSLATE_NOOP("CertificateLabels", "Event"),
    "award": QT_TRANSLATE_NOOP("CertificateLabels", "Award"),
    "title": QT_TRANSLATE_NOOP("CertificateLabels", "Title conferred"),
    "rank": QT_TRANSLATE_NOOP("CertificateLabels", "Rank"),
    "date_cn": QT_TRANSLATE_NOOP("CertificateLabels", "Date (Chinese numerals)"),
    "serial": QT_TRANSLATE_NOOP("CertificateLabels", "Certificate serial"),
    "issuer": QT_TRANSLATE_NOOP("CertificateLabels", "Issued by (body)"),
}
# verdict → (text colour, background, icon name)
VERDICT_STYLE = {
    VerifyStatus.VALID: ("#1e6b34", "#e3f4e8", "ok"),
    VerifyStatus.REVOKED: ("#8a5a00", "#fff3d6", "warning"),
    VerifyStatus.UNKNOWN: ("#4a5563", "#eceff3", "warning"),
    VerifyStatus.FORGED: ("#a01c1c", "#fde4e4", "error"),
}


def status(value: CertificateStatus) -> str:
    return QCoreApplication.translate(_CTX, _STATUS[value])


def verdict(value: VerifyStatus) -> str:
    return QCoreApplication.translate(_CTX, _VERDICT[value])


def template_kind(value: TemplateKind) -> str:
    return QCoreApplication.translate(_CTX, _KIND[value])


def field_kind(value: FieldKind) -> str:
    return QCoreApplication.translate(_CTX, _FIELD_KIND[value])


def binding(name: str) -> str:
    """A data item's label (the item's key when it is not one of ours)."""
    text = _BINDING.get(name)
    return QCoreApplication.translate(_CTX, text) if text else name
