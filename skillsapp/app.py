"""Composition root: the one place that wires the database to the services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skillsapp.services.accounts import AccountService
from skillsapp.services.audit import AuditService
from skillsapp.services.competition_io import CompetitionIOService
from skillsapp.services.competitions import CompetitionService
from skillsapp.services.context import Actor
from skillsapp.services.draw import DrawService
from skillsapp.services.events import EventService
from skillsapp.services.forms import FormsService
from skillsapp.services.judges import JudgeService
from skillsapp.services.person_import import PersonImporter
from skillsapp.services.registration_import import RegistrationImporter
from skillsapp.services.registrations import RegistrationService
from skillsapp.services.registry import RegistryService
from skillsapp.services.units import UnitService
from skillsapp.storage.database import Database
from skillsapp.storage.migrate import open_database


@dataclass(frozen=True)
class Services:
    """Everything the GUI, the CLI and the tests call, bound to one actor."""

    db: Database
    actor: Actor
    accounts: AccountService
    registry: RegistryService
    importer: PersonImporter
    units: UnitService
    audit: AuditService
    forms: FormsService
    competitions: CompetitionService
    events: EventService
    registrations: RegistrationService
    entry_import: RegistrationImporter
    draw: DrawService
    judges: JudgeService
    competition_io: CompetitionIOService

    def as_actor(self, actor: Actor) -> Services:
        """The same services acting for somebody else (after a login)."""
        return build_services(self.db, actor)


def build_services(db: Database, actor: Actor) -> Services:
    return Services(
        db=db,
        actor=actor,
        accounts=AccountService(db),
        registry=RegistryService(db, actor),
        importer=PersonImporter(db, actor),
        units=UnitService(db, actor),
        audit=AuditService(db, actor),
        forms=FormsService(db, actor),
        competitions=CompetitionService(db, actor),
        events=EventService(db, actor),
        registrations=RegistrationService(db, actor),
        entry_import=RegistrationImporter(db, actor),
        draw=DrawService(db, actor),
        judges=JudgeService(db, actor),
        competition_io=CompetitionIOService(db, actor),
    )


def open_services(target: str | Path, actor: Actor | None = None) -> Services:
    """Open (and migrate) the database at `target` and bind services to `actor`."""
    return build_services(open_database(target), actor or Actor.system())
