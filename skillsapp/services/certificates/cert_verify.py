"""Verifying a certificate from its QR code, online (the register) or offline.

The QR payload is `SKC1:<serial>:<signature>`: the format tag, the certificate's
serial, and the Ed25519 signature (base64url, no padding) of `signed_message(fields)`,
where `fields` are the values printed on the certificate (`SIGNED_FIELDS`, the
layout's data items, serial included). Anyone with the organisation's public key and
the printed values can check a certificate with `verify_with_public_key`; the program
checks the signature against the register's record of what was printed, so a changed
register entry or a made-up code shows as forged.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.cert_layout import BINDINGS
from skillsapp.domain.certificates import (
    Certificate,
    CertificatePrint,
    CertificateStatus,
    CertificateTemplate,
    SigningKey,
    TemplateVersion,
)
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_keys import public_key_from_text

PAYLOAD_TAG = "SKC1"
SIGNED_FIELDS: tuple[str, ...] = BINDINGS


class VerifyStatus(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"  # no certificate has this serial
    FORGED = "forged"  # the signature does not match: made up, or the record altered


def signed_message(fields: Mapping[str, str]) -> bytes:
    """The bytes a certificate's signature covers: its printed values in a fixed order."""
    values = [PAYLOAD_TAG, *(str(fields.get(name, "")) for name in SIGNED_FIELDS)]
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def make_payload(serial: str, signature: bytes) -> str:
    text = base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")
    return f"{PAYLOAD_TAG}:{serial}:{text}"


def parse_payload(payload: str) -> tuple[str, bytes] | None:
    """(serial, signature) of a QR payload; None when it is not one of ours."""
    tag, _, rest = payload.strip().partition(":")
    serial, _, text = rest.rpartition(":")
    if tag != PAYLOAD_TAG or not serial or not text:
        return None
    try:
        signature = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return (serial, signature) if len(signature) == 64 else None


def signature_text(signature: bytes) -> str:
    """How the register stores a signature (standard base64)."""
    return base64.b64encode(signature).decode("ascii")


def _check(public_key: Ed25519PublicKey, signature: bytes, fields: Mapping[str, str]) -> bool:
    try:
        public_key.verify(signature, signed_message(fields))
    except InvalidSignature:
        return False
    return True


def verify_with_public_key(
    payload: str, fields: Mapping[str, str], public_key: Ed25519PublicKey | str
) -> bool:
    """Offline: whether `payload` is the organisation's signature of the printed `fields`
    (`public_key` as given by `CertificateKeyService.public_key_text`)."""
    key = public_key_from_text(public_key) if isinstance(public_key, str) else public_key
    parsed = parse_payload(payload)
    if parsed is None or parsed[0] != fields.get("serial"):
        return False
    return _check(key, parsed[1], fields)


@dataclass(frozen=True)
class RegisterEntry:
    """One certificate as the register shows it: what was printed, and its history."""

    id: int
    serial: str
    status: CertificateStatus
    fields: dict[str, str]
    person_id: int | None
    competition_id: int | None
    template: str
    template_version: int
    issued_at: dt.datetime
    issued_by: str
    revoked_at: dt.datetime | None
    revoked_reason: str
    prints: int
    key_fingerprint: str = ""

    def __getitem__(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass(frozen=True)
class VerifyResult:
    status: VerifyStatus
    entry: RegisterEntry | None = None
    details: dict[str, Any] = field(default_factory=dict)


def entry(session: Session, cert: Certificate) -> RegisterEntry:
    """The register entry of `cert` (one certificate; lists use `entries`)."""
    return entries(session, [cert])[0]


def _print_counts(session: Session, ids: list[int]) -> dict[int, int]:
    counted = (
        select(CertificatePrint.certificate_id, func.count())
        .where(CertificatePrint.certificate_id.in_(ids))
        .group_by(CertificatePrint.certificate_id)
    )
    return {cid: count for cid, count in session.execute(counted)}


def _versions(session: Session, version_ids: set[int]) -> dict[int, tuple[str, int]]:
    """Template name and version number of each template version."""
    query = (
        select(TemplateVersion.id, CertificateTemplate.name, TemplateVersion.number)
        .join(CertificateTemplate)
        .where(TemplateVersion.id.in_(version_ids))
    )
    return {vid: (name, number) for vid, name, number in session.execute(query)}


def entries(session: Session, certs: list[Certificate]) -> list[RegisterEntry]:
    prints = _print_counts(session, [c.id for c in certs])
    versions = _versions(session, {c.template_version_id for c in certs})
    keys = {k: f for k, f in session.execute(select(SigningKey.id, SigningKey.fingerprint))}
    return [
        RegisterEntry(
            id=c.id,
            serial=c.serial,
            status=c.status,
            fields=json.loads(c.fields),
            person_id=c.person_id,
            competition_id=c.competition_id,
            template=versions[c.template_version_id][0],
            template_version=versions[c.template_version_id][1],
            issued_at=c.issued_at,
            issued_by=c.issued_by,
            revoked_at=c.revoked_at,
            revoked_reason=c.revoked_reason,
            prints=prints.get(c.id, 0),
            key_fingerprint=keys.get(c.key_id, "") if c.key_id else "",
        )
        for c in certs
    ]


def _record_intact(session: Session, cert: Certificate, signature: bytes) -> bool:
    key = session.get(SigningKey, cert.key_id) if cert.key_id else None
    if key is None:
        return False
    public_key = public_key_from_text(key.public_key)
    return _check(public_key, signature, json.loads(cert.fields))


def verify_serial_in(session: Session, serial: str) -> VerifyResult:
    """The register's word on `serial`, its stored signature checked against its fields."""
    cert = session.scalar(select(Certificate).where(Certificate.serial == serial.strip()))
    if cert is None:
        return VerifyResult(VerifyStatus.UNKNOWN, details={"serial": serial})
    try:
        intact = _record_intact(session, cert, base64.b64decode(cert.signature))
    except (binascii.Error, ValueError, UserError):
        intact = False
    return _result(session, cert, intact)


def verify_in(session: Session, payload: str) -> VerifyResult:
    """What a scanned QR payload proves (see the module docstring)."""
    parsed = parse_payload(payload)
    if parsed is None:
        return VerifyResult(VerifyStatus.FORGED, details={"reason": "not_a_certificate_code"})
    serial, signature = parsed
    cert = session.scalar(select(Certificate).where(Certificate.serial == serial))
    if cert is None:
        return VerifyResult(VerifyStatus.UNKNOWN, details={"serial": serial})
    try:
        intact = _record_intact(session, cert, signature)
    except UserError:
        intact = False
    return _result(session, cert, intact)


def _result(session: Session, cert: Certificate, intact: bool) -> VerifyResult:
    found = entry(session, cert)
    if not intact:
        return VerifyResult(VerifyStatus.FORGED, found, {"reason": "signature_mismatch"})
    if cert.status is CertificateStatus.REVOKED:
        return VerifyResult(VerifyStatus.REVOKED, found)
    return VerifyResult(VerifyStatus.VALID, found)
