"""Importing unit entry forms (报名表): a preview listing every row's problems, then one
transaction that writes all valid rows (with their new persons and units) or nothing.

A person already in the registry (matched by ID number) is reused, not updated; the
form's skill level counts for eligibility when given, else the registry's.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import Competition, Event, Registration, RegistrationStatus
from skillsapp.domain.eligibility import FIELD_OF, Entrant, EventRules, check_entry
from skillsapp.domain.idcard import normalize_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.person_rules import CheckedPerson
from skillsapp.domain.pinyin import full_pinyin, initials
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.interchange.entry_forms import EntryDraft, read_entry_forms
from skillsapp.interchange.rows import RowProblem
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import (
    REGISTRATION_OPEN,
    get_competition,
    require_status,
)
from skillsapp.services.competitions.registrations import (
    AUDITED,
    entry_day,
    event_rules,
    quota_of,
    unit_parents,
)
from skillsapp.services.context import Actor
from skillsapp.services.registry.person_import import ImportCancelled, check_draft
from skillsapp.services.registry.registry import AUDITED_FIELDS as PERSON_FIELDS
from skillsapp.services.units import find_or_create_unit
from skillsapp.storage.database import Database

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_CHUNK = 500  # IN (…) lists
_BATCH = 1000  # rows written between progress reports and cancel checks
UnitKey = int | str  # a known unit's id, or a new unit's name


@dataclass(frozen=True)
class EntryRow:
    """A valid row: `person_id` of a registry person, or `person` to create; `unit_id`, or
    `unit_name` of a unit to create."""

    row: int
    event_id: int
    event_name: str
    id_number: str
    person_id: int | None
    person: CheckedPerson | None
    unit_id: int | None
    unit_name: str
    team_name: str
    note: str


@dataclass(frozen=True)
class RegistrationImportPreview:
    competition_id: int
    total_rows: int
    valid: list[EntryRow]
    problems: list[RowProblem]
    new_units: list[str]
    new_persons: int

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


@dataclass(frozen=True)
class RegistrationImportResult:
    registered: int
    skipped: int
    persons_created: int
    units_created: int


@dataclass(frozen=True)
class _EventInfo:
    id: int
    name: str
    rules: EventRules
    quota: int | None


@dataclass(frozen=True)
class _Known:
    """A registry person as far as entry checks need it."""

    id: int
    name: str
    birth_date: dt.date | None
    skill_level: SkillLevel | None


@dataclass
class _Context:
    """What the database says, loaded once per preview, plus what earlier rows added."""

    competition: Competition
    events: dict[str, _EventInfo]
    units: dict[str, int]
    persons: dict[str, _Known]
    entered: set[tuple[int, int]]  # (event, person) in the database, any status
    active_events: dict[int, set[int]]  # person → events entered (active)
    counts: Counter[tuple[int, UnitKey]]
    default_unit_id: int | None
    in_file: dict[tuple[int, str], int] = field(default_factory=dict)  # (event, ID) → row
    file_events: dict[str, set[int]] = field(default_factory=dict)  # ID → events


def _events(session: Session, competition: Competition) -> dict[str, _EventInfo]:
    """By name, and by trade where one event alone has that trade."""
    parents = unit_parents(session)
    infos = [
        (e, _EventInfo(e.id, e.name, event_rules(e, parents), quota_of(e, competition)))
        for e in competition.events
    ]
    trades = Counter(e.trade for e, _ in infos if e.trade)
    by_trade = {e.trade: info for e, info in infos if e.trade and trades[e.trade] == 1}
    return by_trade | {e.name: info for e, info in infos}


def _units(session: Session) -> dict[str, int]:
    rows = session.execute(select(Unit.id, Unit.name, Unit.short_name)).all()
    by_short = {short: uid for uid, _, short in rows if short}
    return by_short | {name: uid for uid, name, _ in rows}


def _persons(session: Session, numbers: Sequence[str]) -> dict[str, _Known]:
    found: dict[str, _Known] = {}
    columns = (Person.id_number, Person.id, Person.name, Person.birth_date, Person.skill_level)
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        query = select(*columns).where(Person.id_number.in_(chunk))
        for number, person_id, name, birth, level in session.execute(query):
            found[number] = _Known(person_id, name, birth, level)
    return found


def _entries(session: Session, competition_id: int) -> Iterable[Any]:
    columns = (Registration.event_id, Registration.person_id, Registration.unit_id)
    query = (
        select(*columns, Registration.status)
        .join(Event, Event.id == Registration.event_id)
        .where(Event.competition_id == competition_id)
    )
    return session.execute(query)


def _load(
    session: Session, competition_id: int, drafts: Sequence[EntryDraft], default_unit: int | None
) -> _Context:
    competition = get_competition(session, competition_id)
    numbers = sorted({normalize_id(d.person.data.id_number) for d in drafts if d.person.data})
    context = _Context(
        competition,
        _events(session, competition),
        _units(session),
        _persons(session, numbers),
        set(),
        {},
        Counter(),
        default_unit,
    )
    for event_id, person_id, unit_id, status in _entries(session, competition_id):
        context.entered.add((event_id, person_id))
        if status is RegistrationStatus.ACTIVE:
            context.active_events.setdefault(person_id, set()).add(event_id)
            context.counts[(event_id, unit_id)] += 1
    return context


class _Checker:
    """Checks the rows in file order; earlier valid rows count for quotas and duplicates."""

    def __init__(self, context: _Context, day: dt.date) -> None:
        self.context = context
        self.day = day
        self.problems: list[RowProblem] = []

    def check(self, draft: EntryDraft) -> EntryRow | None:
        person, problems = check_draft(draft.person, False)
        event = self.context.events.get(draft.event_name)
        if event is None:
            code = "entry_event_missing" if not draft.event_name else "event_unknown"
            problems.append(RowProblem(draft.row, "event", code, draft.event_name))
        unit_key = self._unit(draft)
        if unit_key is None:
            problems.append(RowProblem(draft.row, "unit", "entry_unit_required"))
        if person is None or event is None or unit_key is None or problems:
            self.problems += problems
            return None
        entry = self._entry(draft, person, event, unit_key)
        if entry is not None:
            self._count(entry, unit_key)
        return entry

    def _unit(self, draft: EntryDraft) -> UnitKey | None:
        name = draft.person.unit_name.strip()
        if not name:
            return self.context.default_unit_id
        return self.context.units.get(name, name)

    def _entry(
        self, draft: EntryDraft, person: CheckedPerson, event: _EventInfo, unit_key: UnitKey
    ) -> EntryRow | None:
        known = self.context.persons.get(person.data.id_number)
        before = len(self.problems)
        if known is not None and known.name != person.data.name:
            self._problem(draft, "name", "person_name_mismatch", value=known.name)
        self._duplicates(draft, person, event, known)
        self._eligibility(draft, person, event, known, unit_key)
        self._quota(draft, event, unit_key)
        if len(self.problems) > before:
            return None
        return EntryRow(
            draft.row,
            event.id,
            event.name,
            person.data.id_number,
            known.id if known else None,
            None if known else person,
            unit_key if isinstance(unit_key, int) else None,
            unit_key if isinstance(unit_key, str) else "",
            " ".join(draft.team_name.split()),
            draft.note.strip(),
        )

    def _duplicates(
        self, draft: EntryDraft, person: CheckedPerson, event: _EventInfo, known: _Known | None
    ) -> None:
        number, context = person.data.id_number, self.context
        params = {"name": person.data.name, "event": event.name}
        other_row = context.in_file.get((event.id, number))
        if other_row is not None:
            self._problem(draft, "id_number", "entry_duplicate_in_file", other=other_row)
        elif known is not None and (event.id, known.id) in context.entered:
            self._problem(draft, "id_number", "already_registered", **params)
        if not context.competition.one_event_per_person:
            return
        others = context.file_events.get(number, set())
        if known is not None:
            others = others | context.active_events.get(known.id, set())
        others = others - {event.id}
        if others:
            names = {e.id: e.name for e in context.events.values()}
            params["event"] = names.get(min(others), "")
            self._problem(draft, "event", "person_in_other_event", **params)

    def _eligibility(
        self,
        draft: EntryDraft,
        person: CheckedPerson,
        event: _EventInfo,
        known: _Known | None,
        unit_key: UnitKey,
    ) -> None:
        level = person.data.skill_level
        if level is None and known is not None:
            level = known.skill_level
        unit_id = unit_key if isinstance(unit_key, int) else None
        entrant = Entrant(level, person.birth_date, unit_id, draft.team_name)
        for problem in check_entry(event.rules, entrant, self.day):
            self._problem(draft, FIELD_OF[problem], problem.value, event=event.name)

    def _quota(self, draft: EntryDraft, event: _EventInfo, unit_key: UnitKey) -> None:
        if event.quota is not None and self.context.counts[(event.id, unit_key)] >= event.quota:
            unit = draft.person.unit_name or str(unit_key)
            self._problem(
                draft, "unit", "quota_exceeded", unit=unit, event=event.name, quota=event.quota
            )

    def _count(self, entry: EntryRow, unit_key: UnitKey) -> None:
        self.context.counts[(entry.event_id, unit_key)] += 1
        self.context.in_file[(entry.event_id, entry.id_number)] = entry.row
        self.context.file_events.setdefault(entry.id_number, set()).add(entry.event_id)

    def _problem(self, draft: EntryDraft, field_name: str, code: str, **params: object) -> None:
        value = str(params.pop("value", ""))
        self.problems.append(RowProblem(draft.row, field_name, code, value, params))


class RegistrationImporter:
    """Preview an entry form, then register all its valid rows in one transaction."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def preview(
        self,
        competition_id: int,
        path: Path,
        *,
        unit_id: int | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> RegistrationImportPreview:
        """Read the form and check it; `unit_id` is the unit of rows that name none."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        drafts = read_entry_forms(path, progress=progress, cancelled=cancelled)
        return self.preview_drafts(competition_id, drafts, unit_id=unit_id)

    def preview_drafts(
        self, competition_id: int, drafts: Sequence[EntryDraft], *, unit_id: int | None = None
    ) -> RegistrationImportPreview:
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        with self._db.reading() as session:
            context = _load(session, competition_id, drafts, unit_id)
            require_status(context.competition, REGISTRATION_OPEN)
            checker = _Checker(context, entry_day(context.competition))
            valid = [entry for entry in map(checker.check, drafts) if entry is not None]
        new_units = sorted({e.unit_name for e in valid if e.unit_id is None})
        new_persons = len({e.id_number for e in valid if e.person is not None})
        problems = sorted(checker.problems, key=lambda p: p.row)
        return RegistrationImportPreview(
            competition_id, len(drafts), valid, problems, new_units, new_persons
        )

    def run(
        self,
        preview: RegistrationImportPreview,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> RegistrationImportResult:
        """Write every valid row; a cancel, a change since the preview or any error leaves
        the database untouched."""
        self._actor.require(Permission.REGISTER_CONTESTANTS)
        if preview.new_persons:
            self._actor.require(Permission.EDIT_REGISTRY)
        try:
            with self._db.transaction() as session:
                self._write(session, preview, _Steps(len(preview.valid), progress, cancelled))
        except IntegrityError as exc:  # entered or created by somebody else meanwhile
            raise UserError("registration_import_stale") from exc
        return RegistrationImportResult(
            len(preview.valid),
            preview.total_rows - len(preview.valid),
            preview.new_persons,
            len(preview.new_units),
        )

    def _write(self, session: Session, preview: RegistrationImportPreview, steps: _Steps) -> None:
        competition = get_competition(session, preview.competition_id)
        require_status(competition, REGISTRATION_OPEN)
        units = {
            name: find_or_create_unit(session, self._actor, name).id for name in preview.new_units
        }
        steps.check()
        persons = self._create_persons(session, preview.valid, units, steps)
        values = [_entry_values(e, persons, units) for e in preview.valid]
        ids = _insert(session, Registration, values, steps)
        changes = (
            audit.Change("create", "registration", reg_id, new=_snapshot(v), reason="import")
            for reg_id, v in zip(ids, values, strict=True)
        )
        audit.record_many(session, self._actor, changes)
        steps.check()

    def _create_persons(
        self, session: Session, valid: list[EntryRow], units: dict[str, int], steps: _Steps
    ) -> dict[str, int]:
        """ID number → person id for every row: registry persons and the ones created now."""
        ids = {e.id_number: e.person_id for e in valid if e.person_id is not None}
        new: dict[str, dict[str, Any]] = {}
        for entry in valid:
            if entry.person is not None and entry.id_number not in new:
                new[entry.id_number] = _person_values(entry.person, _unit_of(entry, units))
        values = list(new.values())
        _refuse_added_since_preview(session, list(new))
        created = _insert(session, Person, values, steps)
        audit.record_many(
            session,
            self._actor,
            (
                audit.Change("create", "person", pid, new=_person_snapshot(v), reason="import")
                for pid, v in zip(created, values, strict=True)
            ),
        )
        return ids | dict(zip(new, created, strict=True))


@dataclass
class _Steps:
    """Progress over the rows written, and the cancel check between batches."""

    total: int
    progress: Progress | None
    cancelled: Cancelled | None
    done: int = 0

    def check(self) -> None:
        if self.cancelled and self.cancelled():
            raise ImportCancelled()

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        if self.progress:
            self.progress(self.done, self.total)
        self.check()


def _refuse_added_since_preview(session: Session, numbers: list[str]) -> None:
    if _persons(session, numbers):
        raise UserError("registration_import_stale")


def _insert(
    session: Session,
    entity: type[Person] | type[Registration],
    values: list[dict[str, Any]],
    steps: _Steps,
) -> list[int]:
    """Bulk INSERT … RETURNING id in batches; ids come back in the order of `values`."""
    ids: list[int] = []
    for start in range(0, len(values), _BATCH):
        batch = values[start : start + _BATCH]
        stmt = insert(entity).returning(entity.id, sort_by_parameter_order=True)
        ids += session.scalars(stmt, batch)
        if entity is Registration:
            steps.advance(len(batch))
    return ids


def _unit_of(entry: EntryRow, units: dict[str, int]) -> int | None:
    return entry.unit_id if entry.unit_id is not None else units.get(entry.unit_name)


def _person_values(checked: CheckedPerson, unit_id: int | None) -> dict[str, Any]:
    data = checked.data
    return {
        "name": data.name,
        "id_number": data.id_number,
        "gender": checked.gender,
        "birth_date": checked.birth_date,
        "mobile": data.mobile,
        "unit_id": unit_id,
        "trade": data.trade,
        "skill_level": data.skill_level,
        "title": data.title,
        "name_initials": initials(data.name),
        "name_pinyin": full_pinyin(data.name),
        "version": 1,
    }


def _entry_values(
    entry: EntryRow, persons: dict[str, int], units: dict[str, int]
) -> dict[str, Any]:
    return {
        "event_id": entry.event_id,
        "person_id": persons[entry.id_number],
        "unit_id": _unit_of(entry, units),
        "status": RegistrationStatus.ACTIVE,
        "team_name": entry.team_name,
        "note": entry.note,
        "is_leader": False,
        "version": 1,
    }


def _snapshot(values: dict[str, Any]) -> dict[str, Any]:
    return {name: audit.plain(values[name]) for name in AUDITED}


def _person_snapshot(values: dict[str, Any]) -> dict[str, Any]:
    return {name: audit.plain(values[name]) for name in PERSON_FIELDS}
