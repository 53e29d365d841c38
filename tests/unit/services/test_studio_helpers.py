"""Builders shared by the studio service tests (no tests of their own)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.marks import Honour, HonourLevel, HonourType
from skillsapp.domain.studios import InnovationKind, StudioKind
from skillsapp.services.registry.registry import PersonRow
from skillsapp.services.studios.studio_evaluation import EvaluationService
from skillsapp.services.studios.studio_import import StudioImporter
from skillsapp.services.studios.studio_records import InnovationInput
from skillsapp.services.studios.studios import StudioInput, StudioRow, StudioService
from tests.factories import person_input

TODAY = dt.date(2025, 6, 30)


def studio_service(services: Services) -> StudioService:
    """The studio service of `services`' actor, on the fixed day TODAY."""
    return StudioService(services.db, services.actor, today=TODAY)


def evaluation_service(services: Services) -> EvaluationService:
    return EvaluationService(services.db, services.actor, today=TODAY)


def importer(services: Services) -> StudioImporter:
    return StudioImporter(services.db, services.actor, today=TODAY)


def person(services: Services, seq: int, **overrides: object) -> PersonRow:
    return services.registry.add(person_input(seq, **overrides))


def honour(
    services: Services, person_id: int, type_name: str, level: HonourLevel, *, ladder: str = ""
) -> None:
    """Give `person_id` a honour of the type called `type_name` (created on first use)."""
    with services.db.transaction() as session:
        kind = session.scalar(select(HonourType).where(HonourType.name == type_name))
        if kind is None:
            kind = HonourType(name=type_name, ladder=ladder)
            session.add(kind)
        session.add(Honour(type=kind, person_id=person_id, level=level, title=type_name))


def studio_input(name: str = "梁兵创新工作室", **overrides: object) -> StudioInput:
    values: dict[str, object] = {
        "name": name,
        "kind": StudioKind.MODEL_WORKER,
        "level": HonourLevel.CITY,
        "founded_on": dt.date(2018, 3, 1),
        "accredited_on": dt.date(2019, 5, 1),
        "accreditation_number": "焦工发〔2019〕12号",
    }
    values.update(overrides)
    return StudioInput(**values)  # type: ignore[arg-type]


def studio(services: Services, name: str = "梁兵创新工作室", **overrides: object) -> StudioRow:
    return studio_service(services).add_studio(studio_input(name, **overrides))


def innovation_input(
    title: str = "矿用液压支架快速拆装工装", **overrides: object
) -> InnovationInput:
    values: dict[str, object] = {
        "title": title,
        "year": 2024,
        "kind": InnovationKind.TECHNICAL_INNOVATION,
        "benefit": Decimal("12.5"),
    }
    values.update(overrides)
    return InnovationInput(**values)  # type: ignore[arg-type]
