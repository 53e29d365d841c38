"""The certificate register's queries and rules: settings, filters, which certificates
may be (re)printed, what is new in a batch, and their serial numbers."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from skillsapp.domain.cert_layout import DEFAULT_SERIAL_PATTERN, QR_KEY, Layout, uses
from skillsapp.domain.certificates import Certificate, CertificateStatus, TemplateKind
from skillsapp.domain.models import Setting
from skillsapp.errors import NotFound, UserError
from skillsapp.services.certificates.cert_assets import load_version
from skillsapp.services.certificates.cert_candidates import CertificateCandidate, issued_serials
from skillsapp.services.certificates.cert_issue import Group, allocate_serials, certificate_fields
from skillsapp.services.certificates.cert_verify import make_payload

PATTERN_KEY = "certificates.serial_pattern"
ISSUER_KEY = "certificates.issuer"  # the issuing body when a competition names none
SETTING_DEFAULTS = {PATTERN_KEY: DEFAULT_SERIAL_PATTERN, ISSUER_KEY: ""}


@dataclass(frozen=True)
class RegisterFilter:
    competition_id: int | None = None
    person_id: int | None = None
    status: CertificateStatus | None = None
    text: str = ""  # a serial, or anything printed (name, unit, award …)
    limit: int = 2000


def setting(session: Session, key: str) -> str:
    text = session.scalar(select(Setting.value).where(Setting.key == key))
    return SETTING_DEFAULTS[key] if text is None else str(json.loads(text))


def filtered(flt: RegisterFilter) -> Select[Certificate]:
    query = select(Certificate).order_by(Certificate.id.desc()).limit(flt.limit)
    if flt.competition_id is not None:
        query = query.where(Certificate.competition_id == flt.competition_id)
    if flt.person_id is not None:
        query = query.where(Certificate.person_id == flt.person_id)
    if flt.status is not None:
        query = query.where(Certificate.status == flt.status)
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        query = query.where(Certificate.serial.like(like) | Certificate.fields.like(like))
    return query


def fresh_candidates(
    session: Session, candidates: Sequence[CertificateCandidate]
) -> list[CertificateCandidate]:
    """The candidates without a valid certificate yet, each once."""
    issued = issued_serials(session, candidates)
    seen: set[tuple[object, ...]] = set()
    fresh = []
    for candidate in candidates:
        if candidate.key not in issued and candidate.key not in seen:
            seen.add(candidate.key)
            fresh.append(candidate)
    if not fresh:
        raise UserError("cert_nothing_to_issue", skipped=len(candidates))
    return fresh


def check_kind(kind: TemplateKind, candidates: Sequence[CertificateCandidate]) -> None:
    """An award template needs an award on every certificate, an honour one a title."""
    needs = {TemplateKind.AWARD: "award", TemplateKind.HONOUR: "title"}.get(kind)
    lacking = [c for c in candidates if needs and not getattr(c, needs)]
    if lacking:
        raise UserError("cert_template_kind", name=lacking[0].name, count=len(lacking))


def check_issuer(
    layout: Layout, items: Sequence[tuple[CertificateCandidate, dict[str, str]]]
) -> None:
    """Refuse to print a seal or an issuing body that would come out blank."""
    if not any(uses(item, "issuer") for item in layout.fields):
        return
    lacking = [c for c, fields in items if not fields["issuer"]]
    if lacking:
        raise UserError("cert_issuer_missing", name=lacking[0].name, count=len(lacking))


def numbered(
    session: Session, fresh: Sequence[CertificateCandidate], day: dt.date
) -> list[tuple[CertificateCandidate, dict[str, str]]]:
    """Each candidate with the values printed on it, a new serial among them; serials
    are drawn per competition code, in the candidates' order."""
    pattern, issuer = setting(session, PATTERN_KEY), setting(session, ISSUER_KEY)
    pools = {}
    for code in dict.fromkeys(c.competition_code for c in fresh):
        count = sum(c.competition_code == code for c in fresh)
        pools[code] = iter(allocate_serials(session, pattern, code=code, day=day, count=count))
    return [
        (c, certificate_fields(c, next(pools[c.competition_code]), issuer=issuer, day=day))
        for c in fresh
    ]


def printable(session: Session, certificate_ids: Sequence[int]) -> list[Certificate]:
    """The certificates in the order given; revoked ones cannot be printed again."""
    query = select(Certificate).where(Certificate.id.in_(certificate_ids))
    found = {c.id: c for c in session.scalars(query)}
    certs = []
    for cid in certificate_ids:
        cert = found.get(cid)
        if cert is None:
            raise NotFound(entity="certificate", id=cid)
        if cert.status is CertificateStatus.REVOKED:
            raise UserError("cert_revoked", serial=cert.serial)
        certs.append(cert)
    if not certs:
        raise UserError("cert_nothing_selected")
    return certs


def in_page_order(certs: Sequence[Certificate]) -> list[Certificate]:
    """The certificates as a reprint prints them: grouped by template version (in order
    of first appearance), so that the n-th id is the n-th page."""
    order = {v: i for i, v in enumerate(dict.fromkeys(c.template_version_id for c in certs))}
    return sorted(certs, key=lambda c: order[c.template_version_id])


def reprint_groups(session: Session, certs: Sequence[Certificate]) -> list[Group]:
    """The certificates by the template version they were printed with, in order."""
    version_ids = dict.fromkeys(c.template_version_id for c in certs)
    return [
        (
            load_version(session, v),
            iter([reprint_record(c) for c in certs if c.template_version_id == v]),
        )
        for v in version_ids
    ]


def reprint_record(cert: Certificate) -> dict[str, str]:
    """What was printed, with the QR code of the stored signature."""
    fields: dict[str, str] = json.loads(cert.fields)
    return {**fields, QR_KEY: make_payload(cert.serial, base64.b64decode(cert.signature))}
