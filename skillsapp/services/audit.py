"""The audit trail: written in the same transaction as the change it records."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, insert, select, text
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.models import AuditEntry
from skillsapp.domain.roles import Permission
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

# Any fixed number: serialises appends to the hash chain across PostgreSQL clients.
_PG_AUDIT_LOCK = 0x5C111A
_INSERT_CHUNK = 2000


def plain(value: Any) -> Any:
    """A JSON-safe rendering of a column value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    return {name: plain(getattr(obj, name)) for name in fields}


def changed(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields whose values differ, as (old, new)."""
    keys = [k for k in new if old.get(k) != new[k]]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


def _dump(values: Mapping[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def _utc_text(moment: dt.datetime) -> str:
    """SQLite hands datetimes back without a zone; hash them the same either way."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat()


_HASHED = (
    "prev_hash",
    "at",
    "actor",
    "action",
    "entity",
    "entity_id",
    "old_values",
    "new_values",
    "reason",
)


def _digest(values: Mapping[str, Any]) -> str:
    parts = [_utc_text(values[name]) if name == "at" else (values[name] or "") for name in _HASHED]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def entry_digest(entry: AuditEntry) -> str:
    """The hash an entry must carry, given the hash of the entry before it."""
    return _digest({name: getattr(entry, name) for name in _HASHED})


@dataclass(frozen=True)
class Change:
    """One change to record; see `record_many`."""

    action: str
    entity: str
    entity_id: object = ""
    old: Mapping[str, Any] | None = None
    new: Mapping[str, Any] | None = None
    reason: str = ""


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    return session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""


def record_many(session: Session, actor: Actor, changes: Iterable[Change]) -> None:
    """Append many entries at once (imports), chained like single ones."""
    prev = _last_hash(session)
    at = utcnow().replace(microsecond=0)
    rows = []
    for change in changes:
        row = {
            "at": at,
            "actor": actor.name,
            "user_id": actor.user_id,
            "action": change.action,
            "entity": change.entity,
            "entity_id": str(change.entity_id),
            "old_values": _dump(change.old),
            "new_values": _dump(change.new),
            "reason": change.reason,
            "prev_hash": prev,
        }
        row["hash"] = prev = _digest(row)
        rows.append(row)
    # Plain bulk inserts, not ORM objects: an import writes one entry per person.
    for start in range(0, len(rows), _INSERT_CHUNK):
        session.execute(insert(AuditEntry), rows[start : start + _INSERT_CHUNK])


def record(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity: str,
    entity_id: object = "",
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
    reason: str = "",
) -> None:
    """Append one entry, chained to the previous one by SHA-256."""
    record_many(session, actor, [Change(action, entity, entity_id, old, new, reason)])


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    old_values: dict[str, Any] | None
    new_values: dict[str, Any] | None
    reason: str


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    entity: str = ""
    action: str = ""
    text: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 2000


def _row(entry: AuditEntry) -> AuditRow:
    return AuditRow(
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        old_values=json.loads(entry.old_values) if entry.old_values else None,
        new_values=json.loads(entry.new_values) if entry.new_values else None,
        reason=entry.reason,
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` on this computer's clock, in UTC (users think in local days)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _filtered(flt: AuditFilter) -> Select[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(flt.limit)
    if flt.actor:
        query = query.where(AuditEntry.actor.contains(flt.actor))
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.text:
        like = f"%{flt.text}%"
        query = query.where(AuditEntry.old_values.like(like) | AuditEntry.new_values.like(like))
    if flt.since:
        query = query.where(AuditEntry.at >= _local_midnight(flt.since))
    if flt.until:
        query = query.where(AuditEntry.at < _local_midnight(flt.until + dt.timedelta(days=1)))
    return query


class AuditService:
    """Reading the trail (admins only) and checking that nobody rewrote it."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def entries(self, flt: AuditFilter | None = None) -> list[AuditRow]:
        self._actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as session:
            return [_row(e) for e in session.scalars(_filtered(flt or AuditFilter()))]

    def entities(self) -> list[str]:
        self._actor.require(Permission.VIEW_AUDIT)
        with self._db.reading() as session:
            return list(
                session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))
            )

    def first_broken_link(self) -> int | None:
        """The id of the first entry whose hash does not match, or None when intact."""
        self._actor.require(Permission.VIEW_AUDIT)
        prev = ""
        with self._db.reading() as session:
            for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
                if entry.prev_hash != prev or entry_digest(entry) != entry.hash:
                    return entry.id
                prev = entry.hash
        return None
