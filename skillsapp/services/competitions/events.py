"""Events (比赛项目) of a competition and their scoring schemes."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from skillsapp.domain.competitions import (
    Event,
    EventJudge,
    Registration,
    RegistrationStatus,
    SchemeComponent,
)
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Unit
from skillsapp.domain.roles import Permission
from skillsapp.domain.scheme_doc import SchemeFormatError, SchemeSpec, spec_from_json, spec_to_json
from skillsapp.domain.scoring import TeamMode
from skillsapp.errors import Blocked, Conflict, NotFound, UserError, ValidationError
from skillsapp.interchange.scheme_xlsx import write_scheme_xlsx
from skillsapp.interchange.scheme_xlsx_read import read_scheme_xlsx
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import SETUP_OPEN, get_competition, require_status
from skillsapp.services.competitions.scheme_store import load_spec, store_spec
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

AUDITED = (
    "name",
    "trade",
    "position",
    "team",
    "team_size",
    "team_mode",
    "team_k",
    "min_level",
    "max_level",
    "min_age",
    "max_age",
    "quota_per_unit",
    "blind",
)
MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class EventInput:
    """An event as the set-up dialog edits it; `quota_per_unit` None: the competition's."""

    name: str
    trade: str = ""
    team: bool = False
    team_size: int | None = None
    team_mode: TeamMode = TeamMode.BEST_K_SUM
    team_k: int = 3
    min_level: SkillLevel | None = None
    max_level: SkillLevel | None = None
    min_age: int | None = None
    max_age: int | None = None
    quota_per_unit: int | None = None
    blind: bool = False
    allowed_unit_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class EventRow:
    """An event in the set-up list; `drawn` means every active entry has its number."""

    id: int
    competition_id: int
    position: int
    name: str
    trade: str
    team: bool
    quota_per_unit: int | None
    registrations: int
    judges: int
    has_chief: bool
    drawn: bool
    draw_seed: int | None
    scheme_valid: bool
    field_too_small: bool
    version: int


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    data: EventInput
    allowed_units: tuple[str, ...]


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(entity="event", id=event_id)
    return event


def clean_event(
    session: Session, competition_id: int, data: EventInput, event_id: int | None
) -> EventInput:
    """Normalise and validate; raises ValidationError (field → code)."""
    name = " ".join(data.name.split())
    errors = _range_errors(data)
    if not name:
        errors["name"] = "name_required"
    elif len(name) > MAX_NAME_LENGTH:
        errors["name"] = "event_name_too_long"
    elif _name_clash(session, competition_id, name, event_id):
        errors["name"] = "event_name_taken"
    if any(session.get(Unit, uid) is None for uid in data.allowed_unit_ids):
        errors["allowed_unit_ids"] = "unit_unknown"
    if errors:
        raise ValidationError(errors)
    units = tuple(dict.fromkeys(data.allowed_unit_ids))
    return replace(data, name=name, trade=data.trade.strip(), allowed_unit_ids=units)


def _name_clash(session: Session, competition_id: int, name: str, event_id: int | None) -> bool:
    query = select(Event.id).where(Event.competition_id == competition_id, Event.name == name)
    clash = session.scalar(query)
    return clash is not None and clash != event_id


def _range_errors(data: EventInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.team and (data.team_size is None or data.team_size < 2):
        errors["team_size"] = "team_size_invalid"
    if data.team_k < 1:
        errors["team_k"] = "team_k_invalid"
    levels = (data.min_level, data.max_level)
    if levels[0] is not None and levels[1] is not None and levels[0] > levels[1]:
        errors["max_level"] = "level_range_invalid"
    ages = [a for a in (data.min_age, data.max_age) if a is not None]
    if any(a < 0 for a in ages):
        errors["min_age"] = "value_negative"
    elif len(ages) == 2 and ages[0] > ages[1]:
        errors["max_age"] = "age_range_invalid"
    if data.quota_per_unit is not None and data.quota_per_unit < 1:
        errors["quota_per_unit"] = "quota_not_positive"
    return errors


def apply_event(session: Session, event: Event, data: EventInput) -> None:
    for key in AUDITED:
        if key != "position":
            setattr(event, key, getattr(data, key))
    event.team_mode = data.team_mode.value
    event.team_size = data.team_size if data.team else None
    event.allowed_units = [
        u for u in map(lambda i: session.get(Unit, i), data.allowed_unit_ids) if u
    ]


def event_snapshot(event: Event) -> dict[str, Any]:
    values = audit.snapshot(event, AUDITED)
    values["allowed_unit_ids"] = sorted(u.id for u in event.allowed_units)
    return values


def event_input(event: Event) -> EventInput:
    return EventInput(
        name=event.name,
        trade=event.trade,
        team=event.team,
        team_size=event.team_size,
        team_mode=TeamMode(event.team_mode),
        team_k=event.team_k,
        min_level=event.min_level,
        max_level=event.max_level,
        min_age=event.min_age,
        max_age=event.max_age,
        quota_per_unit=event.quota_per_unit,
        blind=event.blind,
        allowed_unit_ids=tuple(u.id for u in event.allowed_units),
    )


def refuse_invalid(spec: SchemeSpec) -> None:
    """Raise Blocked with one coded reason per problem (the GUI lists them)."""
    problems = spec.problems()
    if problems:
        raise Blocked([UserError(p.code.value, subject=p.subject) for p in problems])


def scheme_from_document(document: object) -> SchemeSpec:
    """A scheme JSON document as a SchemeSpec; a bad document is a UserError naming where."""
    try:
        return spec_from_json(document)
    except SchemeFormatError as exc:
        raise UserError(exc.code, where=exc.where) from exc


class EventService:
    """Set-up of events and schemes: only while the competition is 筹备 or 报名."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def events(self, competition_id: int) -> list[EventRow]:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_competition(session, competition_id)
            return _rows(session, competition_id)

    def event(self, event_id: int) -> EventDetail:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            event = get_event(session, event_id)
            [row] = [r for r in _rows(session, event.competition_id) if r.id == event_id]
            names = tuple(u.name for u in event.allowed_units)
            return EventDetail(row, event_input(event), names)

    def add(self, competition_id: int, data: EventInput) -> EventRow:
        """A new event at the end of the list, with an empty scheme to be filled in."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            competition = get_competition(session, competition_id)
            require_status(competition, SETUP_OPEN)
            clean = clean_event(session, competition_id, data, None)
            last = session.scalar(
                select(func.max(Event.position)).where(Event.competition_id == competition_id)
            )
            event = Event(competition_id=competition_id, position=0 if last is None else last + 1)
            apply_event(session, event, clean)
            session.add(event)
            session.flush()
            self._audit(session, "create", event, new=event_snapshot(event))
            return _row_of(session, event)

    def update(
        self, event_id: int, data: EventInput, *, expected_version: int | None = None
    ) -> EventRow:
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id, expected_version)
            before = event_snapshot(event)
            apply_event(session, event, clean_event(session, event.competition_id, data, event_id))
            session.flush()
            old, new = audit.changed(before, event_snapshot(event))
            self._audit(session, "update", event, old=old, new=new)
            return _row_of(session, event)

    def delete(self, event_id: int, *, reason: str = "") -> None:
        """Only an event nobody has entered can go (withdrawn entries count too)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id, None)
            entered = session.scalar(
                select(func.count(Registration.id)).where(Registration.event_id == event_id)
            )
            if entered:
                raise UserError("event_has_registrations", event=event.name, count=entered)
            self._audit(session, "delete", event, old=event_snapshot(event), reason=reason)
            session.delete(event)

    def scheme(self, event_id: int) -> SchemeSpec:
        """The stored scheme; a new event's has no components (start from standard_spec())."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            return load_spec(_with_scheme(session, event_id))

    def save_scheme(self, event_id: int, spec: SchemeSpec, *, reason: str = "") -> SchemeSpec:
        """Replace the scheme; an invalid one is refused with every problem (Blocked)."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        refuse_invalid(spec)
        with self._db.transaction() as session:
            event = self._open_event(session, event_id, None)
            old = spec_to_json(load_spec(event))
            store_spec(event, spec)
            session.flush()
            new = spec_to_json(spec)
            self._audit(session, "scheme", event, old=old, new=new, reason=reason)
        return spec

    def copy_scheme(self, from_event_id: int, to_event_id: int) -> SchemeSpec:
        """Copy the scheme of any event (an earlier competition's too) onto an open one."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.reading() as session:
            source = _with_scheme(session, from_event_id)
            spec = load_spec(source)
            reason = f"copy:{source.competition.code}/{source.name}"
        return self.save_scheme(to_event_id, spec, reason=reason)

    def scheme_document(self, event_id: int) -> dict[str, Any]:
        """The scheme as its JSON document (skillsapp.scheme/1)."""
        return spec_to_json(self.scheme(event_id))

    def import_scheme_document(self, event_id: int, document: object) -> SchemeSpec:
        return self.save_scheme(event_id, scheme_from_document(document), reason="import")

    def export_scheme(self, event_id: int, path: Path) -> None:
        """Write the scheme as .json or as the .xlsx marking-scheme template."""
        spec = self.scheme(event_id)
        if path.suffix.lower() == ".xlsx":
            with self._db.reading() as session:
                event = get_event(session, event_id)
                title = f"{event.competition.name} {event.name} 评分标准"
            write_scheme_xlsx(path, spec, title=title)
            return
        _write_json(path, spec_to_json(spec))

    def import_scheme(self, event_id: int, path: Path) -> SchemeSpec:
        """Read a .json or .xlsx scheme; an .xlsx carries no title rules, so they are kept."""
        if path.suffix.lower() == ".xlsx":
            spec = replace(read_scheme_xlsx(path), title_rules=self.scheme(event_id).title_rules)
            return self.save_scheme(event_id, spec, reason="import")
        return self.import_scheme_document(event_id, _read_json(path))

    def _open_event(self, session: Session, event_id: int, expected_version: int | None) -> Event:
        event = get_event(session, event_id)
        require_status(event.competition, SETUP_OPEN)
        if expected_version is not None and event.version != expected_version:
            raise Conflict(entity="event", id=event_id)
        return event

    def _audit(self, session: Session, action: str, event: Event, **values: Any) -> None:
        audit.record(
            session, self._actor, action=action, entity="event", entity_id=event.id, **values
        )


def _with_scheme(session: Session, event_id: int) -> Event:
    query = (
        select(Event)
        .where(Event.id == event_id)
        .options(selectinload(Event.components).selectinload(SchemeComponent.criteria))
    )
    event = session.scalar(query)
    if event is None:
        raise NotFound(entity="event", id=event_id)
    return event


def _write_json(path: Path, document: dict[str, Any]) -> None:
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UserError("file_unreadable", path=str(path), detail=str(exc)) from exc


def _counts(session: Session, competition_id: int) -> dict[str, dict[int, int]]:
    """Per event: active entries, entries without a number, judges and chief judges."""
    active = Registration.status == RegistrationStatus.ACTIVE
    in_competition = Event.competition_id == competition_id
    queries = {
        "entered": select(Registration.event_id, func.count()).where(active),
        "undrawn": select(Registration.event_id, func.count()).where(
            active, Registration.bib.is_(None)
        ),
        "judges": select(EventJudge.event_id, func.count()),
        "chiefs": select(EventJudge.event_id, func.count()).where(EventJudge.chief),
    }
    result: dict[str, dict[int, int]] = {}
    for key, query in queries.items():
        column = query.selected_columns[0]
        joined = query.join(Event, Event.id == column).where(in_competition).group_by(column)
        result[key] = {event_id: n for event_id, n in session.execute(joined)}
    return result


def _rows(session: Session, competition_id: int) -> list[EventRow]:
    query = (
        select(Event)
        .where(Event.competition_id == competition_id)
        .order_by(Event.position, Event.id)
        .options(selectinload(Event.components).selectinload(SchemeComponent.criteria))
    )
    counts = _counts(session, competition_id)
    return [_row(event, counts) for event in session.scalars(query)]


def _row_of(session: Session, event: Event) -> EventRow:
    return _row(event, _counts(session, event.competition_id))


def _row(event: Event, counts: dict[str, dict[int, int]]) -> EventRow:
    spec = load_spec(event)
    entered = counts["entered"].get(event.id, 0)
    drawn = event.draw_seed is not None and not counts["undrawn"].get(event.id, 0)
    return EventRow(
        id=event.id,
        competition_id=event.competition_id,
        position=event.position,
        name=event.name,
        trade=event.trade,
        team=event.team,
        quota_per_unit=event.quota_per_unit,
        registrations=entered,
        judges=counts["judges"].get(event.id, 0),
        has_chief=bool(counts["chiefs"].get(event.id, 0)),
        drawn=drawn,
        draw_seed=event.draw_seed,
        scheme_valid=not spec.problems(),
        field_too_small=spec.to_scheme().field_too_small(entered),
        version=event.version,
    )
