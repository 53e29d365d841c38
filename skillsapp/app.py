"""Composition root: the one place that wires the database to the services.

Each service is built (and its module imported) on first use: the PDF and
spreadsheet libraries behind some of them cost start-up time the registry page
does not need.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from skillsapp.services.context import Actor
from skillsapp.storage.database import Database
from skillsapp.storage.migrate import open_database

if TYPE_CHECKING:
    from skillsapp.services.accounts import AccountService
    from skillsapp.services.audit import AuditService
    from skillsapp.services.competition_io import CompetitionIOService
    from skillsapp.services.competitions import CompetitionService
    from skillsapp.services.draw import DrawService
    from skillsapp.services.events import EventService
    from skillsapp.services.forms import FormsService
    from skillsapp.services.judges import JudgeService
    from skillsapp.services.person_import import PersonImporter
    from skillsapp.services.registration_import import RegistrationImporter
    from skillsapp.services.registrations import RegistrationService
    from skillsapp.services.registry import RegistryService
    from skillsapp.services.units import UnitService


class Services:
    """Everything the GUI, the CLI and the tests call, bound to one actor."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def as_actor(self, actor: Actor) -> Services:
        """The same services acting for somebody else (after a login)."""
        return Services(self.db, actor)

    @cached_property
    def accounts(self) -> AccountService:
        from skillsapp.services.accounts import AccountService

        return AccountService(self.db)

    @cached_property
    def registry(self) -> RegistryService:
        from skillsapp.services.registry import RegistryService

        return RegistryService(self.db, self.actor)

    @cached_property
    def importer(self) -> PersonImporter:
        from skillsapp.services.person_import import PersonImporter

        return PersonImporter(self.db, self.actor)

    @cached_property
    def units(self) -> UnitService:
        from skillsapp.services.units import UnitService

        return UnitService(self.db, self.actor)

    @cached_property
    def audit(self) -> AuditService:
        from skillsapp.services.audit import AuditService

        return AuditService(self.db, self.actor)

    @cached_property
    def forms(self) -> FormsService:
        from skillsapp.services.forms import FormsService

        return FormsService(self.db, self.actor)

    @cached_property
    def competitions(self) -> CompetitionService:
        from skillsapp.services.competitions import CompetitionService

        return CompetitionService(self.db, self.actor)

    @cached_property
    def events(self) -> EventService:
        from skillsapp.services.events import EventService

        return EventService(self.db, self.actor)

    @cached_property
    def registrations(self) -> RegistrationService:
        from skillsapp.services.registrations import RegistrationService

        return RegistrationService(self.db, self.actor)

    @cached_property
    def entry_import(self) -> RegistrationImporter:
        from skillsapp.services.registration_import import RegistrationImporter

        return RegistrationImporter(self.db, self.actor)

    @cached_property
    def draw(self) -> DrawService:
        from skillsapp.services.draw import DrawService

        return DrawService(self.db, self.actor)

    @cached_property
    def judges(self) -> JudgeService:
        from skillsapp.services.judges import JudgeService

        return JudgeService(self.db, self.actor)

    @cached_property
    def competition_io(self) -> CompetitionIOService:
        from skillsapp.services.competition_io import CompetitionIOService

        return CompetitionIOService(self.db, self.actor)


def build_services(db: Database, actor: Actor) -> Services:
    return Services(db, actor)


def open_services(target: str | Path, actor: Actor | None = None) -> Services:
    """Open (and migrate) the database at `target` and bind services to `actor`."""
    return Services(open_database(target), actor or Actor.system())
