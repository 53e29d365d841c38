"""Importing studios and innovation results from .xlsx (a preview listing every row's
problems, then one transaction or nothing), and exporting the studio list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session

from skillsapp.domain.models import Person, Unit
from skillsapp.domain.roles import Permission
from skillsapp.domain.studios import Innovation, Studio, innovation_contributor
from skillsapp.errors import UserError, ValidationError
from skillsapp.interchange.rows import RowProblem
from skillsapp.interchange.studios_xlsx import (
    InnovationDraft,
    StudioDraft,
)
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.studios.studio_export import export_studios
from skillsapp.services.studios.studio_queries import StudioFilter
from skillsapp.services.studios.studio_records import (
    INNOVATION_FIELDS,
    InnovationInput,
    clean_innovation,
)
from skillsapp.services.studios.studios import STUDIO_FIELDS, StudioInput, clean_studio
from skillsapp.services.units import find_or_create_unit
from skillsapp.storage.database import Database

V = TypeVar("V")
_CHUNK = 500
# Input field → the file's column, for problems found by the services' own checks.
_FILE_FIELD = {"leader_id": "leader_id_number", "contributor_ids": "contributors"}


class StudioImportStale(UserError):
    """The database changed after the preview (a name taken, a studio removed)."""

    code = "studio_import_stale"


@dataclass(frozen=True)
class ValidRow(Generic[V]):
    row: int
    data: V
    extra: str = ""  # the host unit's name (studios); the studio's name (innovations)
    studio_id: int = 0


@dataclass(frozen=True)
class Preview(Generic[V]):
    """What an import would write, and every problem found (by row number)."""

    total_rows: int
    valid: list[ValidRow[V]]
    problems: list[RowProblem]
    new_units: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int


def _chunks(values: Sequence[V]) -> Iterable[Sequence[V]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _person_ids(session: Session, numbers: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(numbers))
    found: dict[str, int] = {}
    for chunk in _chunks(wanted):
        query = select(Person.id_number, Person.id).where(Person.id_number.in_(chunk))
        found.update(session.execute(query).all())
    return found


def _problems_of(row: int, error: ValidationError, value: Callable[[str], str]) -> list[RowProblem]:
    return [
        RowProblem(row, _FILE_FIELD.get(f, f), code, value(_FILE_FIELD.get(f, f)))
        for f, code in error.field_errors.items()
    ]


def _in_file_twice(
    row: int, key: object, first: dict[object, int], field_name: str, value: str
) -> RowProblem | None:
    if key in first:
        return RowProblem(row, field_name, "duplicate_in_file", value, {"other": first[key]})
    first[key] = row
    return None


class StudioImporter:
    """Preview, then import the valid rows in one transaction; export the studio list."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._fixed_today = today

    def _today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    # -- studios

    def preview_studios(self, drafts: Sequence[StudioDraft]) -> Preview[StudioInput]:
        self._actor.require(Permission.MANAGE_STUDIOS)
        valid: list[ValidRow[StudioInput]] = []
        problems: list[RowProblem] = []
        first: dict[object, int] = {}
        with self._db.reading() as session:
            leaders = _person_ids(session, (d.leader_id_number for d in drafts))
            units = {
                n for pair in session.execute(select(Unit.name, Unit.short_name)) for n in pair
            }
            for draft in drafts:
                found = self._check_studio(session, draft, leaders)
                twice = _in_file_twice(draft.row, draft.name, first, "name", draft.name)
                found += [twice] if twice else []
                if found:
                    problems += found
                elif isinstance(data := self._studio_input(draft, leaders), StudioInput):
                    valid.append(ValidRow(draft.row, data, draft.host_unit))
        new_units = sorted({v.extra for v in valid if v.extra and v.extra not in units})
        problems.sort(key=lambda p: p.row)
        return Preview(len(drafts), valid, problems, new_units)

    def _studio_input(self, draft: StudioDraft, leaders: dict[str, int]) -> StudioInput | None:
        if draft.kind is None or draft.level is None:
            return None
        return StudioInput(
            name=draft.name,
            kind=draft.kind,
            level=draft.level,
            demonstration=draft.demonstration,
            leader_id=leaders.get(draft.leader_id_number),
            founded_on=draft.founded_on,
            accredited_on=draft.accredited_on,
            accreditation_number=draft.accreditation_number,
            status=draft.status,
            description=draft.description,
        )

    def _check_studio(
        self, session: Session, draft: StudioDraft, leaders: dict[str, int]
    ) -> list[RowProblem]:
        found = list(draft.problems)
        named = {p.field for p in found}
        for name, code in (("kind", "studio_kind_unknown"), ("level", "studio_level_unknown")):
            if getattr(draft, name) is None and name not in named:
                found.append(RowProblem(draft.row, name, code))
        if draft.leader_id_number and draft.leader_id_number not in leaders:
            found.append(
                RowProblem(
                    draft.row, "leader_id_number", "person_not_in_registry", draft.leader_id_number
                )
            )
        data = self._studio_input(draft, leaders)
        if data is not None:
            try:
                clean_studio(session, data, None, self._today())
            except ValidationError as error:
                found += _problems_of(draft.row, error, lambda f: str(getattr(draft, f, "")))
        return found

    def run_studios(self, preview: Preview[StudioInput]) -> ImportResult:
        """Write every valid row; any change since the preview leaves the database untouched."""
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            units: dict[str, int] = {}
            changes = []
            for item in preview.valid:
                try:
                    data = clean_studio(session, item.data, None, self._today())
                except ValidationError as error:
                    raise StudioImportStale(rows=str(item.row)) from error
                studio = Studio(**data.__dict__)
                if item.extra:
                    studio.host_unit_id = self._unit(session, item.extra, units)
                session.add(studio)
                session.flush()
                changes.append(
                    audit.Change(
                        "create",
                        "studio",
                        studio.id,
                        new=audit.snapshot(studio, STUDIO_FIELDS),
                        reason="import",
                    )
                )
            audit.record_many(session, self._actor, changes)
        return ImportResult(len(preview.valid), preview.total_rows - len(preview.valid))

    def _unit(self, session: Session, name: str, units: dict[str, int]) -> int:
        if name not in units:
            units[name] = find_or_create_unit(session, self._actor, name).id
        return units[name]

    # -- innovations

    def preview_innovations(self, drafts: Sequence[InnovationDraft]) -> Preview[InnovationInput]:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        valid: list[ValidRow[InnovationInput]] = []
        problems: list[RowProblem] = []
        first: dict[object, int] = {}
        with self._db.reading() as session:
            studios = dict(session.execute(select(Studio.name, Studio.id)).all())
            people = _person_ids(session, (n for d in drafts for n in d.contributor_id_numbers))
            existing = _existing_innovations(session, drafts, studios)
        for draft in drafts:
            found, data = self._check_innovation(draft, studios, people)
            key = (draft.studio_name, draft.title, draft.year)
            if data is not None and key in existing:
                found.append(RowProblem(draft.row, "title", "innovation_exists", draft.title))
            twice = _in_file_twice(draft.row, key, first, "title", draft.title)
            found += [twice] if twice else []
            if found or data is None:
                problems += found
            else:
                valid.append(
                    ValidRow(draft.row, data, draft.studio_name, studios[draft.studio_name])
                )
        problems.sort(key=lambda p: p.row)
        return Preview(len(drafts), valid, problems)

    def _check_innovation(
        self, draft: InnovationDraft, studios: dict[str, int], people: dict[str, int]
    ) -> tuple[list[RowProblem], InnovationInput | None]:
        found = list(draft.problems)
        named = {p.field for p in found}
        if draft.studio_name not in studios:
            found.append(RowProblem(draft.row, "studio_name", "studio_unknown", draft.studio_name))
        for name, code in (("year", "year_invalid"), ("kind", "innovation_kind_unknown")):
            if getattr(draft, name) is None and name not in named:
                found.append(RowProblem(draft.row, name, code))
        found += [
            RowProblem(draft.row, "contributors", "person_not_in_registry", n)
            for n in draft.contributor_id_numbers
            if n not in people
        ]
        data = _innovation_input(draft, people)
        if data is None:
            return found, None
        try:
            return found, clean_innovation(data, self._today())
        except ValidationError as error:
            return found + _problems_of(
                draft.row, error, lambda f: str(getattr(draft, f, ""))
            ), None

    def run_innovations(self, preview: Preview[InnovationInput]) -> ImportResult:
        self._actor.require(Permission.EDIT_STUDIO_RECORDS)
        with self._db.transaction() as session:
            self._refuse_stale_innovations(session, preview)
            values = [_innovation_values(item) for item in preview.valid]
            stmt = insert(Innovation).returning(Innovation.id, sort_by_parameter_order=True)
            ids: list[int] = []
            for chunk in _chunks(values):
                ids += session.scalars(stmt, list(chunk))
            links = [
                {"innovation_id": key, "person_id": person}
                for key, item in zip(ids, preview.valid, strict=True)
                for person in item.data.contributor_ids
            ]
            for chunk in _chunks(links):
                session.execute(insert(innovation_contributor), list(chunk))
            audit.record_many(
                session,
                self._actor,
                (
                    audit.Change(
                        "create", "innovation", key, new=_innovation_audit(item), reason="import"
                    )
                    for key, item in zip(ids, preview.valid, strict=True)
                ),
            )
        return ImportResult(len(preview.valid), preview.total_rows - len(preview.valid))

    def _refuse_stale_innovations(
        self, session: Session, preview: Preview[InnovationInput]
    ) -> None:
        studios = dict(session.execute(select(Studio.name, Studio.id)).all())
        gone = [v.row for v in preview.valid if studios.get(v.extra) != v.studio_id]
        keys = {(v.studio_id, v.data.title, v.data.year): v.row for v in preview.valid}
        taken = [keys[k] for k in _taken_keys(session, list(keys))]
        if gone or taken:
            rows = sorted(gone + taken)
            raise StudioImportStale(rows=", ".join(map(str, rows[:20])))

    # -- export

    def export_studios(self, path: Path, flt: StudioFilter | None = None) -> int:
        """Write the studios matching `flt` to `path` (.xlsx); return how many."""
        self._actor.require(Permission.VIEW_STUDIOS)
        return export_studios(self._db, self._actor, path, flt, self._today())


def _existing_innovations(
    session: Session, drafts: Sequence[InnovationDraft], studios: dict[str, int]
) -> set[tuple[str, str, int | None]]:
    names = {v: k for k, v in studios.items()}
    keys = [
        (studios[d.studio_name], d.title, d.year)
        for d in drafts
        if d.studio_name in studios and d.year
    ]
    return {(names[s], t, y) for s, t, y in _taken_keys(session, keys)}


def _taken_keys(
    session: Session, keys: Sequence[tuple[int, str, int | None]]
) -> set[tuple[int, str, int]]:
    """Those (studio id, title, year) that already have a result."""
    found: set[tuple[int, str, int]] = set()
    for chunk in _chunks(keys):
        columns = tuple_(Innovation.studio_id, Innovation.title, Innovation.year)
        query = select(Innovation.studio_id, Innovation.title, Innovation.year).where(
            columns.in_(chunk)
        )
        found.update(session.execute(query).all())
    return found


def _innovation_input(draft: InnovationDraft, people: dict[str, int]) -> InnovationInput | None:
    if draft.year is None or draft.kind is None:
        return None
    return InnovationInput(
        draft.title,
        draft.year,
        draft.kind,
        draft.applied,
        draft.patent_kind,
        draft.patent_number,
        draft.patent_granted_on,
        draft.benefit,
        draft.awards,
        tuple(people[n] for n in draft.contributor_id_numbers if n in people),
    )


def _innovation_values(item: ValidRow[InnovationInput]) -> dict[str, Any]:
    values = {name: getattr(item.data, name) for name in INNOVATION_FIELDS}
    return {**values, "studio_id": item.studio_id, "version": 1}


def _innovation_audit(item: ValidRow[InnovationInput]) -> dict[str, Any]:
    values = {name: audit.plain(getattr(item.data, name)) for name in INNOVATION_FIELDS}
    return {
        "studio_id": item.studio_id,
        **values,
        "contributor_ids": sorted(item.data.contributor_ids),
    }
