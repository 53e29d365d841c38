"""Importing honours: a preview listing every row's problems, then one transaction.

A row needs a person already in the registry (by ID number), a known honour type for
persons, a readable level, and must not repeat an honour the person holds (or an
earlier row of the file). Nothing is written unless the whole import succeeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from skillsapp.domain.marks import Honour, HonourType
from skillsapp.domain.models import Person
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.interchange.honours_xlsx import HonourDraft, read_honours
from skillsapp.interchange.rows import RowProblem
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.talent.honours import (
    AUDITED,
    HonourInput,
    check_honour,
    cleaned,
    ensure_catalogue,
)
from skillsapp.storage.database import Database

_CHUNK = 500
_Key = tuple[Any, ...]  # (person, type, level, title, year): what makes an honour the same


@dataclass(frozen=True)
class ValidHonour:
    row: int
    data: HonourInput
    person_name: str


@dataclass(frozen=True)
class HonourImportPreview:
    """What an import would write and every problem found, by row number."""

    total_rows: int
    valid: list[ValidHonour]
    problems: list[RowProblem]

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


@dataclass(frozen=True)
class HonourImportResult:
    imported: int
    skipped: int


def _key(data: HonourInput) -> _Key:
    return (data.person_id, data.type_id, data.level.value, data.title, data.year)


@dataclass
class _Context:
    """What the preview looks rows up in: persons, types, the honours already held."""

    persons: dict[str, tuple[int, str]]
    types: dict[str, HonourType]
    held: set[_Key]


def _persons(session: Session, numbers: Sequence[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        stmt = select(Person.id_number, Person.id, Person.name).where(Person.id_number.in_(chunk))
        found.update({number: (pid, name) for number, pid, name in session.execute(stmt)})
    return found


def _held(session: Session, person_ids: Sequence[int]) -> set[_Key]:
    held: set[_Key] = set()
    columns = (Honour.person_id, Honour.type_id, Honour.level, Honour.title, Honour.year)
    for start in range(0, len(person_ids), _CHUNK):
        stmt = select(*columns).where(Honour.person_id.in_(person_ids[start : start + _CHUNK]))
        held.update(
            (p, t, level.value, title, y) for p, t, level, title, y in session.execute(stmt)
        )
    return held


def _check(draft: HonourDraft, ctx: _Context) -> tuple[HonourInput | None, list[RowProblem]]:
    """The honour a row describes, or None with its problems."""
    problems = list(draft.problems)
    row = draft.row
    person = ctx.persons.get(draft.id_number)
    if not draft.id_number:
        problems.append(RowProblem(row, "id_number", "id_empty"))
    elif person is None:
        problems.append(RowProblem(row, "id_number", "person_unknown", draft.id_number))
    elif draft.name and draft.name != person[1]:
        problems.append(RowProblem(row, "name", "person_name_mismatch", draft.name))
    honour_type = ctx.types.get(draft.type_name)
    if honour_type is None or honour_type.for_units:
        code = "honour_type_unknown" if honour_type is None else "honour_type_for_units"
        problems.append(RowProblem(row, "type", code, draft.type_name))
    if problems or person is None or honour_type is None or draft.level is None:
        return None, problems
    data = HonourInput(honour_type.id, draft.level, person_id=person[0], **_texts(draft))
    errors = check_honour(data, honour_type)
    problems += [
        RowProblem(row, field, code, _value(data, field)) for field, code in errors.items()
    ]
    return (None if problems else cleaned(data, honour_type)), problems


def _texts(draft: HonourDraft) -> dict[str, Any]:
    names = ("title", "granting_body", "year", "edition", "document_number", "granted_on")
    return {name: getattr(draft, name) for name in names}


def _value(data: HonourInput, field: str) -> str:
    value = getattr(data, field, "")
    return "" if value is None else str(value)


class HonourImporter:
    """Preview, then import all valid rows in one transaction (or nothing)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def preview_file(self, path: Path) -> HonourImportPreview:
        """Read `path` (.xlsx or .csv) and preview it."""
        self._actor.require(Permission.EDIT_REGISTRY)
        return self.preview(read_honours(path))

    def preview(self, drafts: Sequence[HonourDraft]) -> HonourImportPreview:
        self._actor.require(Permission.EDIT_REGISTRY)
        with self._db.transaction() as session:  # the first import may seed the types
            ensure_catalogue(session, self._actor)
        with self._db.reading() as session:
            ctx = self._context(session, drafts)
        valid: list[ValidHonour] = []
        problems: list[RowProblem] = []
        first_row: dict[_Key, int] = {}
        for draft in drafts:
            data, row_problems = _check(draft, ctx)
            problems += row_problems
            if data is not None and (problem := _duplicate(draft.row, data, ctx, first_row)):
                problems.append(problem)
            elif data is not None:
                first_row[_key(data)] = draft.row
                valid.append(ValidHonour(draft.row, data, ctx.persons[draft.id_number][1]))
        problems.sort(key=lambda p: p.row)
        return HonourImportPreview(len(drafts), valid, problems)

    def _context(self, session: Session, drafts: Sequence[HonourDraft]) -> _Context:
        persons = _persons(session, sorted({d.id_number for d in drafts if d.id_number}))
        types = {t.name: t for t in session.scalars(select(HonourType))}
        held = _held(session, sorted({pid for pid, _ in persons.values()}))
        return _Context(persons, types, held)

    def run(self, preview: HonourImportPreview) -> HonourImportResult:
        """Write every valid row; refused (nothing written) when the registry changed so
        that a row would now repeat an honour."""
        self._actor.require(Permission.EDIT_REGISTRY)
        if not preview.valid:
            raise UserError("import_nothing")
        values = [{name: getattr(v.data, name) for name in AUDITED} for v in preview.valid]
        try:
            with self._db.transaction() as session:
                _refuse_stale(session, preview)
                stmt = insert(Honour).returning(Honour.id, sort_by_parameter_order=True)
                ids = list(session.scalars(stmt, [{**v, "version": 1} for v in values]))
                changes = (
                    audit.Change("create", "honour", key, new=_snapshot(row), reason="import")
                    for key, row in zip(ids, values, strict=True)
                )
                audit.record_many(session, self._actor, changes)
        except IntegrityError:  # the database refused an honour saved after the check
            with self._db.reading() as session:
                _refuse_stale(session, preview)
            raise
        return HonourImportResult(len(ids), preview.total_rows - len(ids))


def _refuse_stale(session: Session, preview: HonourImportPreview) -> None:
    """Refuse the import when a row would now repeat an honour held."""
    held = _held(session, sorted({v.data.person_id or 0 for v in preview.valid}))
    stale = [str(v.row) for v in preview.valid if _key(v.data) in held]
    if stale:
        raise UserError("honour_import_stale", rows=", ".join(stale[:20]))


def _duplicate(
    row: int, data: HonourInput, ctx: _Context, first_row: dict[_Key, int]
) -> RowProblem | None:
    key = _key(data)
    if key in ctx.held:
        return RowProblem(row, "title", "honour_duplicate", data.title)
    if key in first_row:
        other = first_row[key]
        return RowProblem(row, "title", "honour_duplicate_in_file", data.title, {"other": other})
    return None


def _snapshot(values: dict[str, Any]) -> dict[str, Any]:
    return {name: audit.plain(values[name]) for name in AUDITED}
