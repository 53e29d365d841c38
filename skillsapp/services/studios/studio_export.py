"""Exporting the studio list to an .xlsx that the studio import reads back."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.idcard import mask_id
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Permission
from skillsapp.domain.studios import Studio
from skillsapp.interchange.studios_xlsx import StudioExportRow, write_studios
from skillsapp.services.context import Actor
from skillsapp.services.studios.studio_conditions import load_conditions
from skillsapp.services.studios.studio_queries import StudioFilter, StudioRow, studio_rows
from skillsapp.storage.database import Database

logger = logging.getLogger(__name__)
_CHUNK = 500


def export_studios(
    db: Database, actor: Actor, path: Path, flt: StudioFilter | None, today: dt.date
) -> int:
    """Write the studios matching `flt` to `path`; the leader's ID masked unless allowed."""
    with db.reading() as session:
        rows = studio_rows(session, flt or StudioFilter(), load_conditions(session), today)
        extra = _extra(session, [r.id for r in rows])
    full = actor.can(Permission.VIEW_FULL_ID)
    write_studios(path, [_export_row(r, *extra[r.id], full=full) for r in rows])
    logger.info("exported %d studios to %s", len(rows), path.name)
    return len(rows)


def _export_row(row: StudioRow, description: str, number: str, *, full: bool) -> StudioExportRow:
    return StudioExportRow(
        name=row.name,
        kind=row.kind,
        level=row.level,
        demonstration=row.demonstration,
        host_unit=row.host_unit_name,
        leader_id_number=number if full or not number else mask_id(number),
        founded_on=row.founded_on,
        accredited_on=row.accredited_on,
        accreditation_number=row.accreditation_number,
        status=row.status,
        description=description,
        members=row.members,
        innovations=row.innovations,
        applied=row.applied,
        patents=row.patents,
        benefit=row.benefit,
        reconfirm_due_on=row.reconfirm_due_on,
    )


def _extra(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Studio id → (description, the leader's ID number)."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        query = (
            select(Studio.id, Studio.description, Person.id_number)
            .outerjoin(Person, Person.id == Studio.leader_id)
            .where(Studio.id.in_(ids[start : start + _CHUNK]))
        )
        found.update({key: (text, number or "") for key, text, number in session.execute(query)})
    return found
