"""A studio's records: innovation results (with patents and contributors), trainings,
and talents trained. Inputs, their rules, and the rows the studio page shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person
from skillsapp.domain.studios import (
    Innovation,
    InnovationKind,
    PatentKind,
    StudioTraining,
    TalentTrained,
)
from skillsapp.errors import ValidationError

FIRST_YEAR = 1949
MAX_BENEFIT = Decimal("9999999999.9999")  # Numeric(14, 4), 万元
_SCALE = Decimal("0.0001")
INNOVATION_FIELDS = (
    "title",
    "year",
    "kind",
    "applied",
    "patent_kind",
    "patent_number",
    "patent_granted_on",
    "benefit",
    "awards",
)
TRAINING_FIELDS = ("held_on", "title", "attendees")
TALENT_FIELDS = ("person_id", "year", "level_reached", "promoted")


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str


@dataclass(frozen=True)
class InnovationInput:
    """创新成果 as a form or an import row gives it."""

    title: str
    year: int
    kind: InnovationKind
    applied: bool = False
    patent_kind: PatentKind | None = None
    patent_number: str = ""
    patent_granted_on: dt.date | None = None
    benefit: Decimal = Decimal(0)  # 万元
    awards: str = ""
    contributor_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class InnovationRow:
    id: int
    studio_id: int
    title: str
    year: int
    kind: InnovationKind
    applied: bool
    patent_kind: PatentKind | None
    patent_number: str
    patent_granted_on: dt.date | None
    benefit: Decimal
    awards: str
    contributors: tuple[PersonRef, ...]
    version: int


@dataclass(frozen=True)
class TrainingInput:
    held_on: dt.date
    title: str
    attendees: int = 0


@dataclass(frozen=True)
class TrainingRow:
    id: int
    studio_id: int
    held_on: dt.date
    title: str
    attendees: int


@dataclass(frozen=True)
class TalentInput:
    person_id: int
    year: int
    level_reached: SkillLevel | None = None
    promoted: bool = False


@dataclass(frozen=True)
class TalentRow:
    id: int
    studio_id: int
    person_id: int
    name: str
    year: int
    level_reached: SkillLevel | None
    promoted: bool


def clean_innovation(data: InnovationInput, today: dt.date) -> InnovationInput:
    """The input tidied; ValidationError with every broken rule (field → code)."""
    title = " ".join(data.title.split())
    number = data.patent_number.strip().upper()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "innovation_title_required"
    elif len(title) > 200:
        errors["title"] = "text_too_long"
    if not FIRST_YEAR <= data.year <= today.year:
        errors["year"] = "year_invalid"
    errors.update(_patent_errors(data.patent_kind, number, data.patent_granted_on, today))
    benefit_error = _benefit_error(data.benefit)
    if benefit_error:
        errors["benefit"] = benefit_error
    if errors:
        raise ValidationError(errors)
    return InnovationInput(
        title,
        data.year,
        data.kind,
        data.applied,
        data.patent_kind,
        number,
        data.patent_granted_on,
        data.benefit.quantize(_SCALE),  # as the database gives it back: no spurious audit
        data.awards.strip(),
        tuple(dict.fromkeys(data.contributor_ids)),
    )


def _patent_errors(
    kind: PatentKind | None, number: str, granted_on: dt.date | None, today: dt.date
) -> dict[str, str]:
    """A patent kind needs its number; a number or grant date needs a kind; no future grants."""
    errors: dict[str, str] = {}
    if kind is not None and not number:
        errors["patent_number"] = "patent_number_required"
    if kind is None and (number or granted_on):
        errors["patent_kind"] = "patent_kind_required"
    if len(number) > 40:
        errors["patent_number"] = "text_too_long"
    if granted_on is not None and granted_on > today:
        errors["patent_granted_on"] = "date_in_future"
    return errors


def _benefit_error(benefit: Decimal) -> str:
    try:
        if benefit < 0:
            return "value_negative"
        if benefit > MAX_BENEFIT or benefit != benefit.quantize(_SCALE):
            return "benefit_invalid"
    except InvalidOperation:
        return "benefit_invalid"
    return ""


def check_training(data: TrainingInput, today: dt.date) -> TrainingInput:
    title = " ".join(data.title.split())
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "training_title_required"
    elif len(title) > 200:
        errors["title"] = "text_too_long"
    if data.held_on > today:
        errors["held_on"] = "date_in_future"
    if data.attendees < 0:
        errors["attendees"] = "value_negative"
    if errors:
        raise ValidationError(errors)
    return TrainingInput(data.held_on, title, data.attendees)


def check_talent(session: Session, data: TalentInput, today: dt.date) -> None:
    errors: dict[str, str] = {}
    if session.get(Person, data.person_id) is None:
        errors["person_id"] = "person_unknown"
    if not FIRST_YEAR <= data.year <= today.year:
        errors["year"] = "year_invalid"
    if errors:
        raise ValidationError(errors)


def contributors(session: Session, ids: Sequence[int]) -> list[Person]:
    found = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    if len(found) != len(set(ids)):
        raise ValidationError({"contributor_ids": "person_unknown"})
    return [found[i] for i in ids]


def innovation_row(item: Innovation) -> InnovationRow:
    return InnovationRow(
        item.id,
        item.studio_id,
        item.title,
        item.year,
        item.kind,
        item.applied,
        item.patent_kind,
        item.patent_number,
        item.patent_granted_on,
        Decimal(item.benefit).quantize(_SCALE),
        item.awards,
        tuple(PersonRef(p.id, p.name) for p in item.contributors),
        item.version,
    )


def training_row(item: StudioTraining) -> TrainingRow:
    return TrainingRow(item.id, item.studio_id, item.held_on, item.title, item.attendees)


def talent_row(item: TalentTrained, name: str) -> TalentRow:
    return TalentRow(
        item.id,
        item.studio_id,
        item.person_id,
        name,
        item.year,
        item.level_reached,
        item.promoted,
    )
