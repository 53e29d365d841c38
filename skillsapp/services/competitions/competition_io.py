"""A competition's set-up as a JSON document: its fields, events and schemes, no people.

Units (organizer, co-organizers, units allowed in an event) travel by name and are
found or created on import. An imported competition starts in 筹备 (draft).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import (
    Competition,
    CompetitionKind,
    CompetitionLevel,
    CompetitionStatus,
    Event,
)
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.roles import Permission
from skillsapp.domain.scheme_doc import FORMAT as SCHEME_FORMAT
from skillsapp.domain.scheme_doc import spec_to_json
from skillsapp.domain.scoring import TeamMode
from skillsapp.errors import UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import (
    _AUDITED as COMPETITION_FIELDS,
)
from skillsapp.services.competitions.competitions import (
    CompetitionInput,
    CompetitionRow,
    _apply,
    _clean,
    _row,
    get_competition,
)
from skillsapp.services.competitions.events import (
    EventInput,
    apply_event,
    clean_event,
    event_snapshot,
    scheme_from_document,
)
from skillsapp.services.competitions.scheme_store import load_spec, store_spec
from skillsapp.services.context import Actor
from skillsapp.services.units import find_or_create_unit
from skillsapp.storage.database import Database

FORMAT = "skillsapp.competition/1"
_EMPTY_SCHEME = {"format": SCHEME_FORMAT, "components": []}
E = TypeVar("E", bound=enum.Enum)


def _competition_json(c: Competition) -> dict[str, Any]:
    return {
        "name": c.name,
        "edition": c.edition,
        "kind": c.kind.value,
        "level": c.level.value,
        "level_class": c.level_class,
        "organizer": c.organizer.name if c.organizer else None,
        "co_organizers": [u.name for u in c.co_organizers],
        "start_date": c.start_date.isoformat() if c.start_date else None,
        "end_date": c.end_date.isoformat() if c.end_date else None,
        "venue": c.venue,
        "code": c.code,
        "quota_per_unit": c.quota_per_unit,
        "one_event_per_person": c.one_event_per_person,
        "review_days": c.review_days,
        "appeal_hours": c.appeal_hours,
        "notes": c.notes,
    }


def _event_json(e: Event) -> dict[str, Any]:
    return {
        "name": e.name,
        "trade": e.trade,
        "team": e.team,
        "team_size": e.team_size,
        "team_mode": e.team_mode,
        "team_k": e.team_k,
        "min_level": e.min_level.name if e.min_level is not None else None,
        "max_level": e.max_level.name if e.max_level is not None else None,
        "min_age": e.min_age,
        "max_age": e.max_age,
        "quota_per_unit": e.quota_per_unit,
        "blind": e.blind,
        "allowed_units": [u.name for u in e.allowed_units],
        "scheme": spec_to_json(load_spec(e)),
    }


class _Reader:
    """Typed access to one object of the document; a wrong value names its place."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise UserError("competition_file_invalid", where=where)
        self._data = data
        self._where = where

    def _bad(self, key: str) -> UserError:
        return UserError("competition_file_invalid", where=f"{self._where}.{key}")

    def raw(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def text(self, key: str, default: str = "") -> str:
        value = self._data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self._bad(key)
        return value

    def integer(self, key: str, default: int | None = None) -> int | None:
        value = self._data.get(key, default)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._bad(key)
        return value

    def number(self, key: str, default: int) -> int:
        value = self.integer(key, default)
        return default if value is None else value

    def flag(self, key: str, default: bool) -> bool:
        value = self._data.get(key, default)
        if not isinstance(value, bool):
            raise self._bad(key)
        return value

    def date(self, key: str) -> dt.date | None:
        text = self.text(key)
        try:
            return dt.date.fromisoformat(text) if text else None
        except ValueError as exc:
            raise self._bad(key) from exc

    def choice(self, key: str, cls: type[E], default: E) -> E:
        value = self._data.get(key)
        if value is None:
            return default
        try:
            return cls(value)
        except ValueError as exc:
            raise self._bad(key) from exc

    def level(self, key: str) -> SkillLevel | None:
        name = self.text(key)
        if not name:
            return None
        if name not in SkillLevel.__members__:
            raise self._bad(key)
        return SkillLevel[name]

    def names(self, key: str) -> list[str]:
        value = self._data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key)
        return [v for v in value if v.strip()]


class CompetitionIOService:
    """Export and import of a competition's set-up (the CLI's competition export/import)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def export_competition(self, competition_id: int) -> dict[str, Any]:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            competition = get_competition(session, competition_id)
            return {
                "format": FORMAT,
                "competition": _competition_json(competition),
                "events": [_event_json(e) for e in competition.events],
            }

    def import_competition(self, document: object, *, code: str | None = None) -> CompetitionRow:
        """Create the competition of `document` (in 筹备); its code, or `code` when given,
        must be free: a taken code is refused with competition_code_taken."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        root = _Reader(document, "")
        if root.raw("format") != FORMAT:
            raise UserError("competition_file_invalid", where="format")
        events = root.raw("events", [])
        if not isinstance(events, list):
            raise UserError("competition_file_invalid", where="events")
        with self._db.transaction() as session:
            competition = self._competition(
                session, _Reader(root.raw("competition"), "competition"), code
            )
            for position, event in enumerate(events):
                self._event(session, competition, position, _Reader(event, f"events[{position}]"))
            session.flush()
            return _row(session, competition)

    def _competition(self, session: Session, data: _Reader, code: str | None) -> Competition:
        wanted = (code if code is not None else data.text("code")).strip().upper()
        if session.scalar(select(Competition.id).where(Competition.code == wanted)) is not None:
            raise UserError("competition_code_taken", code=wanted)
        units = _Units(self._actor, session)
        data_in = _competition_input(
            data,
            wanted,
            organizer_id=units.one(data.text("organizer")),
            co_organizers=units.many(data.names("co_organizers")),
        )
        competition = Competition(status=CompetitionStatus.DRAFT)
        _apply(session, competition, _clean(session, data_in, None))
        session.add(competition)
        session.flush()
        audit.record(
            session,
            self._actor,
            action="create",
            entity="competition",
            entity_id=competition.id,
            new=audit.snapshot(competition, COMPETITION_FIELDS),
            reason="import",
        )
        return competition

    def _event(
        self, session: Session, competition: Competition, position: int, data: _Reader
    ) -> None:
        allowed = _Units(self._actor, session).many(data.names("allowed_units"))
        try:
            clean = clean_event(session, competition.id, _event_input(data, allowed), None)
        except ValidationError as exc:
            raise ValidationError(exc.field_errors, where=f"events[{position}]") from exc
        event = Event(competition_id=competition.id, position=position)
        apply_event(session, event, clean)
        spec = scheme_from_document(data.raw("scheme", _EMPTY_SCHEME))
        store_spec(event, spec)
        session.add(event)
        session.flush()
        audit.record(
            session,
            self._actor,
            action="create",
            entity="event",
            entity_id=event.id,
            new=event_snapshot(event),
            reason="import",
        )


class _Units:
    """Units named in the document, found or created (and audited) on first use."""

    def __init__(self, actor: Actor, session: Session) -> None:
        self._actor = actor
        self._session = session

    def one(self, name: str) -> int | None:
        name = " ".join(name.split())
        return find_or_create_unit(self._session, self._actor, name).id if name else None

    def many(self, names: list[str]) -> tuple[int, ...]:
        found = (self.one(name) for name in names)
        return tuple(unit_id for unit_id in found if unit_id is not None)


def _competition_input(
    data: _Reader, code: str, *, organizer_id: int | None, co_organizers: tuple[int, ...]
) -> CompetitionInput:
    default = CompetitionInput(name="", code="")
    return CompetitionInput(
        name=data.text("name"),
        code=code,
        kind=data.choice("kind", CompetitionKind, default.kind),
        level=data.choice("level", CompetitionLevel, default.level),
        level_class=data.text("level_class"),
        edition=data.integer("edition"),
        organizer_id=organizer_id,
        co_organizer_ids=co_organizers,
        start_date=data.date("start_date"),
        end_date=data.date("end_date"),
        venue=data.text("venue"),
        quota_per_unit=data.integer("quota_per_unit", default.quota_per_unit),
        one_event_per_person=data.flag("one_event_per_person", default.one_event_per_person),
        review_days=data.number("review_days", default.review_days),
        appeal_hours=data.number("appeal_hours", default.appeal_hours),
        notes=data.text("notes"),
    )


def _event_input(data: _Reader, allowed: tuple[int, ...]) -> EventInput:
    default = EventInput(name="")
    return EventInput(
        name=data.text("name"),
        trade=data.text("trade"),
        team=data.flag("team", default.team),
        team_size=data.integer("team_size"),
        team_mode=data.choice("team_mode", TeamMode, default.team_mode),
        team_k=data.number("team_k", default.team_k),
        min_level=data.level("min_level"),
        max_level=data.level("max_level"),
        min_age=data.integer("min_age"),
        max_age=data.integer("max_age"),
        quota_per_unit=data.integer("quota_per_unit"),
        blind=data.flag("blind", default.blind),
        allowed_unit_ids=allowed,
    )
