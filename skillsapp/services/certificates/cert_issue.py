"""Issuing and reprinting: serials, signatures, the register, and the PDF files.

One issue is one transaction: serials are drawn from `serial_counter`, each
certificate is signed and written to the register (with an ISSUE line in its print
log) while its page is drawn, and the PDF goes to a temporary file that gets its
final name only when every page is done. Cancelling (or any error) rolls the
transaction back — no serial is used up, no register row stays — and deletes the
temporary file, so nothing half-written is left.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from skillsapp.domain.cert_layout import QR_KEY, chinese_date, format_serial, serial_family
from skillsapp.domain.certificates import Certificate, CertificatePrint, PrintKind, SerialCounter
from skillsapp.errors import UserError
from skillsapp.pdf.cert_render import Offsets, render_pages
from skillsapp.pdf.certificates import discard, new_canvas, save, write_pdf
from skillsapp.services.certificates.cert_assets import LoadedVersion
from skillsapp.services.certificates.cert_candidates import CertificateCandidate
from skillsapp.services.certificates.cert_keys import Signer
from skillsapp.services.certificates.cert_verify import make_payload, signature_text, signed_message

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_INSERT_CHUNK = 500
_SERIAL_MAX = 40
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


class IssueCancelled(UserError):
    code = "cert_issue_cancelled"


@dataclass(frozen=True)
class Output:
    """Where and how to print: one PDF at `path`, or (`split`) one per certificate in the
    folder `path`; `booklet` prints only the variable fields, shifted by `offsets`."""

    path: Path
    split: bool = False
    booklet: bool = False
    offsets: Offsets = (0.0, 0.0)


@dataclass(frozen=True)
class Batch:
    """A register write in progress: who prints, with which version and key."""

    session: Session
    actor_name: str
    version: LoadedVersion
    signer: Signer
    issued_at: dt.datetime


def certificate_fields(
    candidate: CertificateCandidate, serial: str, *, issuer: str, day: dt.date
) -> dict[str, str]:
    """The values printed on a certificate (the layout's data items)."""
    return {
        "name": candidate.name,
        "unit": candidate.unit,
        "competition": candidate.competition,
        "event": candidate.event,
        "award": candidate.award,
        "title": candidate.title,
        "rank": str(candidate.rank) if candidate.rank else "",
        "date_cn": chinese_date(day),
        "serial": serial,
        "issuer": candidate.issuer or issuer,
    }


def family_key(family: str) -> str:
    """Counter keys are at most 40 characters; longer families are hashed."""
    if len(family) <= _SERIAL_MAX:
        return family
    return hashlib.sha1(family.encode("utf-8")).hexdigest()


def _lock_counter(session: Session, key: str) -> SerialCounter:
    dialect = session.get_bind().dialect.name
    make_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(make_insert(SerialCounter).values(prefix=key, last=0).on_conflict_do_nothing())
    counter = session.get(SerialCounter, key, with_for_update=True, populate_existing=True)
    assert counter is not None
    return counter


def allocate_serials(
    session: Session, pattern: str, *, code: str, day: dt.date, count: int
) -> list[str]:
    """`count` serials never used before, from the pattern's counter (locked until commit)."""
    family = serial_family(pattern, year=day.year, month=day.month, code=code)
    counter = _lock_counter(session, family_key(family))
    serials: list[str] = []
    seq = counter.last
    while len(serials) < count:
        batch = [
            format_serial(pattern, seq=seq + i + 1, year=day.year, month=day.month, code=code)
            for i in range(count - len(serials))
        ]
        seq += len(batch)
        taken = _taken(session, batch)  # an older pattern may have made the same text
        serials += [s for s in batch if s not in taken]
    if any(len(s) > _SERIAL_MAX for s in serials):
        raise UserError("cert_serial_too_long", maximum=_SERIAL_MAX)
    counter.last = seq
    return serials


def _taken(session: Session, serials: Sequence[str]) -> set[str]:
    taken: set[str] = set()
    for start in range(0, len(serials), 900):
        chunk = serials[start : start + 900]
        taken.update(
            session.scalars(select(Certificate.serial).where(Certificate.serial.in_(chunk)))
        )
    return taken


def _insert(batch: Batch, rows: list[dict[str, object]]) -> list[int]:
    statement = insert(Certificate).returning(Certificate.id, sort_by_parameter_order=True)
    ids = list(batch.session.scalars(statement, rows))
    log_prints(batch.session, ids, PrintKind.ISSUE, by=batch.actor_name, at=batch.issued_at)
    return ids


def log_prints(
    session: Session,
    ids: Sequence[int],
    kind: PrintKind,
    *,
    by: str,
    at: dt.datetime,
    note: str = "",
) -> None:
    """One line per certificate in the print log."""
    for start in range(0, len(ids), _INSERT_CHUNK):
        rows = [
            {"certificate_id": i, "kind": kind, "at": at, "by": by, "note": note}
            for i in ids[start : start + _INSERT_CHUNK]
        ]
        session.execute(insert(CertificatePrint), rows)


def issue_records(
    batch: Batch, items: Sequence[tuple[CertificateCandidate, dict[str, str]]], ids: list[int]
) -> Iterator[dict[str, str]]:
    """Sign and register each certificate just before its page is drawn; yield records."""
    rows: list[dict[str, object]] = []
    for candidate, fields in items:
        signature = batch.signer.sign(signed_message(fields))
        rows.append(_register_row(batch, candidate, fields, signature_text(signature)))
        if len(rows) >= _INSERT_CHUNK:
            ids += _insert(batch, rows)
            rows = []
        yield {**fields, QR_KEY: make_payload(fields["serial"], signature)}
    if rows:
        ids += _insert(batch, rows)


def _register_row(
    batch: Batch, candidate: CertificateCandidate, fields: Mapping[str, str], signature: str
) -> dict[str, object]:
    return {
        "serial": fields["serial"],
        "person_id": candidate.person_id,
        "competition_id": candidate.competition_id,
        "event_id": candidate.event_id,
        "result_id": candidate.result_id,
        "honour_id": candidate.honour_id,
        "award": candidate.award,
        "title": candidate.title,
        "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
        "template_version_id": batch.version.version_id,
        "signature": signature,
        "key_id": batch.signer.key_id,
        "issued_at": batch.issued_at,
        "issued_by": batch.actor_name,
        "version": 1,
    }


def file_name(serial: str, name: str) -> str:
    """`serial_name.pdf`, safe on every file system."""
    return _UNSAFE.sub("_", f"{serial}_{name}").strip("._")[:120] + ".pdf"


def _page_counter(
    total: int, progress: Progress | None, cancelled: Cancelled | None
) -> Callable[[int], None]:
    done = 0

    def on_page(_count: int) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)
        if cancelled is not None and cancelled():
            raise IssueCancelled()

    return on_page


Group = tuple[LoadedVersion, Iterator[dict[str, str]]]


def write_output(
    output: Output,
    groups: Sequence[Group],
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[Path, ...]:
    """Render the groups (one per template version) into temporary files, then give
    them their final names; on any error remove what was written."""
    on_page = _page_counter(total, progress, cancelled)
    scratch = output.path.parent / f".skillsapp-{uuid.uuid4().hex}.partial"
    try:
        if output.split:
            scratch.mkdir(parents=True)
            files = _write_split(scratch, output, groups, on_page)
            output.path.mkdir(parents=True, exist_ok=True)
            return tuple(_move(f, output.path / f.name) for f in files)
        _write_single(scratch, output, groups, on_page)
        return (_move(scratch, output.path),)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(output.path), detail=exc.strerror) from exc
    finally:
        if scratch.is_dir():
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            scratch.unlink(missing_ok=True)


def _move(source: Path, target: Path) -> Path:
    os.replace(source, target)
    return target


def _write_single(
    path: Path, output: Output, groups: Sequence[Group], on_page: Callable[[int], None]
) -> None:
    first = groups[0][0]
    canvas = new_canvas(str(path), first.layout, title=first.template)
    try:
        for index, (version, records) in enumerate(groups):
            render_pages(
                canvas,
                version.layout,
                records,
                version.images,
                version.font_book(),
                output.offsets,
                booklet=output.booklet,
                on_page=on_page,
                prefix=f"v{index}",
            )
    except BaseException:
        discard(canvas)
        raise
    save(canvas)


def _write_split(
    folder: Path, output: Output, groups: Sequence[Group], on_page: Callable[[int], None]
) -> list[Path]:
    files = []
    for version, records in groups:
        fonts = version.font_book()
        for record in records:
            path = folder / file_name(record["serial"], record["name"])
            write_pdf(
                path,
                version.layout,
                [record],
                images=version.images,
                fonts=fonts,
                offsets=output.offsets,
                booklet=output.booklet,
                title=record["name"],
            )
            files.append(path)
            on_page(len(files))
    return files
