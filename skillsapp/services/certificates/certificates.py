"""Certificates: who gets one, issuing and reprinting PDFs, the register, verification.

The GUI runs `issue` and `reprint` off its thread with `progress(done, total)` and
`cancelled()`; the CLI calls the same methods. See `cert_issue` for what cancelling
guarantees and `cert_verify` for the QR payload.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.cert_layout import QR_KEY, check_serial_pattern, format_serial, serial_family
from skillsapp.domain.certificates import Certificate, CertificateStatus, PrintKind, SerialCounter
from skillsapp.domain.models import Setting
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, UserError, ValidationError
from skillsapp.pdf.calibration import calibration_pdf
from skillsapp.pdf.certificates import render_pdf
from skillsapp.services import audit
from skillsapp.services.certificates.cert_assets import load_version, published_version
from skillsapp.services.certificates.cert_candidates import (
    AwardedRow,
    CertificateCandidate,
    HonourGroup,
    awarded,
    competition_candidates,
    honour_candidates,
    honour_groups,
    listed_candidates,
    person_candidates,
)
from skillsapp.services.certificates.cert_issue import (
    Batch,
    Cancelled,
    IssueCancelled,
    Output,
    Progress,
    certificate_fields,
    family_key,
    issue_records,
    log_prints,
    write_output,
)
from skillsapp.services.certificates.cert_keys import CertificateKeyService
from skillsapp.services.certificates.cert_register import (
    ISSUER_KEY,
    PATTERN_KEY,
    RegisterFilter,
    check_issuer,
    check_kind,
    filtered,
    fresh_candidates,
    in_page_order,
    numbered,
    printable,
    reprint_groups,
    setting,
)
from skillsapp.services.certificates.cert_templates import CertificateTemplateService
from skillsapp.services.certificates.cert_verify import (
    RegisterEntry,
    VerifyResult,
    entries,
    make_payload,
    verify_in,
    verify_serial_in,
)
from skillsapp.services.context import Actor
from skillsapp.services.registry.registry import PersonQuery, RegistryService
from skillsapp.storage.database import Database

__all__ = [
    "ISSUER_KEY",
    "PATTERN_KEY",
    "AwardedRow",
    "CertificateCandidate",
    "CertificateService",
    "HonourGroup",
    "IssueCancelled",
    "IssueResult",
    "Output",
    "RegisterFilter",
]
PREVIEW_SERIAL = "（样张）"
MAX_LISTED = 10_000  # persons one registry filter may certify at once


@dataclass(frozen=True)
class IssueResult:
    issued: int
    skipped: int  # issued before: reprint those instead
    serials: tuple[str, ...]
    certificate_ids: tuple[int, ...]
    paths: tuple[Path, ...]


@contextmanager
def _files_undone_on_error(paths: list[Path]) -> Iterator[None]:
    """Delete files already given their final names if the register is not committed."""
    try:
        yield
    except BaseException:
        for path in paths:
            path.unlink(missing_ok=True)
        raise


class CertificateService:
    """Issuing certificates and keeping their register."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        keys: CertificateKeyService | None = None,
        today: dt.date | None = None,
    ) -> None:
        self._db = db
        self._actor = actor
        self._keys = keys or CertificateKeyService(db, actor)
        self._today = today

    @property
    def _by(self) -> str:
        return self._actor.display_name or self._actor.name

    def setting(self, key: str) -> str:
        """`PATTERN_KEY` (serial pattern) or `ISSUER_KEY` (default issuing body)."""
        with self._db.reading() as session:
            return setting(session, key)

    def set_setting(self, key: str, value: str) -> None:
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        if key not in (PATTERN_KEY, ISSUER_KEY):
            raise ValidationError({"key": "setting_unknown"})
        if key == PATTERN_KEY and (problems := check_serial_pattern(value)):
            raise ValidationError({"pattern": problems[0].code})
        with self._db.transaction() as session:
            old = setting(session, key)
            session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
            audit.record(
                session,
                self._actor,
                action="update",
                entity="setting",
                entity_id=key,
                old={"value": old},
                new={"value": value},
            )

    def next_serial(self, pattern: str, *, code: str) -> str:
        """The serial the next certificate of competition `code` would get under `pattern`
        (a look only: nothing is reserved; the pattern must be valid)."""
        day = self._today or dt.date.today()
        key = family_key(serial_family(pattern, year=day.year, month=day.month, code=code))

        def serial(seq: int) -> str:
            return format_serial(pattern, seq=seq, year=day.year, month=day.month, code=code)

        with self._db.reading() as session:
            last = session.scalar(select(SerialCounter.last).where(SerialCounter.prefix == key))
            seq = (last or 0) + 1
            while session.scalar(select(Certificate.id).where(Certificate.serial == serial(seq))):
                seq += 1  # an older pattern made the same text: issuing skips it too
            return serial(seq)

    def awarded(self, competition_id: int) -> list[AwardedRow]:
        """The tiers, then the titles, given in the competition's published results, with
        how many results carry each, in the schemes' order."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.reading() as session:
            return awarded(session, competition_id)

    def _read(
        self, work: Callable[[Session], list[CertificateCandidate]]
    ) -> list[CertificateCandidate]:
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.reading() as session:
            return work(session)

    def candidates(
        self,
        competition_id: int,
        *,
        awards: Sequence[str] = (),
        titles: Sequence[str] = (),
        participation: bool = False,
    ) -> list[CertificateCandidate]:
        """Certificates a final competition's results earn, in event and rank order."""
        return self._read(
            lambda s: competition_candidates(
                s, competition_id, awards=awards, titles=titles, participation=participation
            )
        )

    def candidates_for_persons(
        self,
        person_ids: Sequence[int],
        *,
        award: str = "",
        title: str = "",
        competition_id: int | None = None,
        event_id: int | None = None,
    ) -> list[CertificateCandidate]:
        """One certificate per person of a registry selection."""
        return self._read(
            lambda s: person_candidates(
                s,
                person_ids,
                award=award,
                title=title,
                competition_id=competition_id,
                event_id=event_id,
            )
        )

    def candidates_for_query(
        self, query: PersonQuery, *, award: str = "", title: str = ""
    ) -> list[CertificateCandidate]:
        """One certificate per person matching a registry filter (every match, in the
        filter's sort order); refused above `MAX_LISTED` persons."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        everyone = dataclasses.replace(query, offset=0, limit=MAX_LISTED + 1)
        page = RegistryService(self._db, self._actor).search(everyone)
        if len(page.rows) > MAX_LISTED:
            raise UserError("cert_too_many_persons", count=page.total, limit=MAX_LISTED)
        persons = [(r.id, r.name, r.unit_name) for r in page.rows]
        return self._read(lambda s: listed_candidates(s, persons, award=award, title=title))

    def honour_groups(self) -> list[HonourGroup]:
        """Persons' honours by (year, title, granting body), newest year first: each group
        one batch of honour certificates (e.g. 2025 焦作市技术能手, 12 persons)."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.reading() as session:
            return honour_groups(session)

    def candidates_for_honours(self, honour_ids: Sequence[int]) -> list[CertificateCandidate]:
        return self._read(lambda s: honour_candidates(s, honour_ids))

    def preview(
        self,
        candidates: Sequence[CertificateCandidate],
        template_id: int,
        *,
        pages: int = 3,
        draft: bool = False,
        booklet: bool = False,
        offsets: tuple[float, float] = (0.0, 0.0),
    ) -> bytes:
        """The first `pages` certificates as they would print, as samples (no serials)."""
        loaded = CertificateTemplateService(self._db, self._actor).load(template_id, draft=draft)
        issuer = self.setting(ISSUER_KEY)
        day = self._today or dt.date.today()
        sample_code = make_payload(PREVIEW_SERIAL, bytes(64))
        records = [
            {**certificate_fields(c, PREVIEW_SERIAL, issuer=issuer, day=day), QR_KEY: sample_code}
            for c in candidates[:pages]
        ]
        return render_pdf(
            loaded.layout,
            records,
            images=loaded.images,
            fonts=loaded.font_book(),
            booklet=booklet,
            offsets=offsets,
            title=loaded.template,
        )

    def issue(
        self,
        candidates: Sequence[CertificateCandidate],
        template_id: int,
        output: Output,
        *,
        issued_on: dt.date | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> IssueResult:
        """Number, sign, register and print the candidates not issued yet (one page
        each, in the candidates' order) with the template's published version."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        signer = self._keys.signer()
        day = issued_on or self._today or dt.date.today()
        paths: list[Path] = []
        with _files_undone_on_error(paths), self._db.transaction() as session:
            version = load_version(session, published_version(session, template_id).id)
            fresh = fresh_candidates(session, candidates)
            check_kind(version.kind, fresh)
            items = numbered(session, fresh, day)
            check_issuer(version.layout, items)
            ids: list[int] = []
            records = issue_records(Batch(session, self._by, version, signer, utcnow()), items, ids)
            paths += write_output(output, [(version, records)], len(items), progress, cancelled)
            serials = tuple(fields["serial"] for _c, fields in items)
            summary = {"count": len(ids), "first": serials[0], "last": serials[-1]}
            self._audit(session, "issue", ids[0], {**summary, "version_id": version.version_id})
        skipped = len(candidates) - len(fresh)
        return IssueResult(len(ids), skipped, serials, tuple(ids), tuple(paths))

    def _log(self, session: Session, ids: list[int], kind: PrintKind, note: str) -> None:
        log_prints(session, ids, kind, by=self._by, at=utcnow(), note=note)

    def _audit(
        self, session: Session, action: str, cert_id: int, new: dict[str, object], reason: str = ""
    ) -> None:
        audit.record(
            session,
            self._actor,
            action=action,
            entity="certificate",
            entity_id=cert_id,
            new=new,
            reason=reason,
        )

    def reprint(
        self,
        certificate_ids: Sequence[int],
        output: Output,
        *,
        note: str = "",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> IssueResult:
        """Print issued certificates again: same serial, same template version; logged."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        paths: list[Path] = []
        with _files_undone_on_error(paths), self._db.transaction() as session:
            certs = in_page_order(printable(session, certificate_ids))
            groups = reprint_groups(session, certs)
            self._log(session, [c.id for c in certs], PrintKind.REPRINT, note)
            paths += write_output(output, groups, len(certs), progress, cancelled)
            summary = {"count": len(certs), "serials": [c.serial for c in certs[:50]]}
            self._audit(session, "reprint", certs[0].id, summary, note)
        serials, ids = tuple(c.serial for c in certs), tuple(c.id for c in certs)
        return IssueResult(len(certs), 0, serials, ids, tuple(paths))

    def calibration_page(
        self, template_id: int, offsets: tuple[float, float] = (0.0, 0.0)
    ) -> bytes:
        """Rulers and crosshairs on the template's paper, shifted by the printer's offsets."""
        loaded = CertificateTemplateService(self._db, self._actor).load(template_id)
        return calibration_pdf(loaded.layout, offsets)

    def register(self, flt: RegisterFilter | None = None) -> list[RegisterEntry]:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            return entries(session, list(session.scalars(filtered(flt or RegisterFilter()))))

    def revoke(self, certificate_id: int, reason: str) -> RegisterEntry:
        """Mark a certificate revoked (verification then says so), keeping the reason."""
        self._actor.require(Permission.REVOKE_CERTIFICATES)
        reason = reason.strip()
        if not reason:
            raise ValidationError({"reason": "cert_revoke_reason"})
        with self._db.transaction() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None:
                raise NotFound(entity="certificate", id=certificate_id)
            if cert.status is CertificateStatus.REVOKED:
                raise UserError("cert_revoked", serial=cert.serial)
            cert.status, cert.revoked_at, cert.revoked_reason = (
                CertificateStatus.REVOKED,
                utcnow(),
                reason,
            )
            new = {"status": "revoked", "serial": cert.serial}
            audit.record(
                session,
                self._actor,
                action="revoke",
                entity="certificate",
                entity_id=cert.id,
                old={"status": "valid"},
                new=new,
                reason=reason,
            )
            session.flush()
            return entries(session, [cert])[0]

    def log_print(self, certificate_ids: Sequence[int], note: str = "") -> None:
        """Record that the GUI sent these certificates to a printer."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        with self._db.transaction() as session:
            certs = printable(session, certificate_ids)
            self._log(session, [c.id for c in certs], PrintKind.PRINT, note)

    def verify(self, payload: str) -> VerifyResult:
        """What a scanned QR code proves: valid, revoked, unknown serial, or forged."""
        with self._db.reading() as session:
            return verify_in(session, payload)

    def verify_serial(self, serial: str) -> VerifyResult:
        """The register's word on a serial typed in from the paper."""
        with self._db.reading() as session:
            return verify_serial_in(session, serial)
