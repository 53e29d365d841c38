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
    from skillsapp.services.certificates.cert_keys import CertificateKeyService
    from skillsapp.services.certificates.cert_templates import CertificateTemplateService
    from skillsapp.services.certificates.certificates import CertificateService
    from skillsapp.services.competitions.competition_io import CompetitionIOService
    from skillsapp.services.competitions.competitions import CompetitionService
    from skillsapp.services.competitions.draw import DrawService
    from skillsapp.services.competitions.events import EventService
    from skillsapp.services.competitions.forms import FormsService
    from skillsapp.services.competitions.judges import JudgeService
    from skillsapp.services.competitions.registration_import import RegistrationImporter
    from skillsapp.services.competitions.registrations import RegistrationService
    from skillsapp.services.registry.person_import import PersonImporter
    from skillsapp.services.registry.registry import RegistryService
    from skillsapp.services.scoring.appeals import AppealService
    from skillsapp.services.scoring.marks import MarkService
    from skillsapp.services.scoring.paper import PaperService
    from skillsapp.services.scoring.recheck import RecheckService
    from skillsapp.services.scoring.results_service import ResultsService
    from skillsapp.services.studios.studio_evaluation import EvaluationService
    from skillsapp.services.studios.studio_import import StudioImporter
    from skillsapp.services.studios.studios import StudioService
    from skillsapp.services.talent.honour_import import HonourImporter
    from skillsapp.services.talent.honours import HonourService
    from skillsapp.services.talent.mentorship import MentorshipService
    from skillsapp.services.talent.nominations import NominationService
    from skillsapp.services.talent.profile import ProfileService
    from skillsapp.services.talent.talent import TalentService
    from skillsapp.services.units import UnitService


class Services:
    """Everything the GUI, the CLI and the tests call, bound to one actor."""

    def __init__(self, db: Database, actor: Actor, *, key_path: Path | None = None) -> None:
        self.db = db
        self.actor = actor
        self.key_path = key_path  # the signing key file; None: the user's data folder

    def as_actor(self, actor: Actor) -> Services:
        """The same services acting for somebody else (after a login)."""
        return Services(self.db, actor, key_path=self.key_path)

    @cached_property
    def accounts(self) -> AccountService:
        from skillsapp.services.accounts import AccountService

        return AccountService(self.db)

    @cached_property
    def registry(self) -> RegistryService:
        from skillsapp.services.registry.registry import RegistryService

        return RegistryService(self.db, self.actor)

    @cached_property
    def importer(self) -> PersonImporter:
        from skillsapp.services.registry.person_import import PersonImporter

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
        from skillsapp.services.competitions.forms import FormsService

        return FormsService(self.db, self.actor)

    @cached_property
    def competitions(self) -> CompetitionService:
        from skillsapp.services.competitions.competitions import CompetitionService

        return CompetitionService(self.db, self.actor)

    @cached_property
    def events(self) -> EventService:
        from skillsapp.services.competitions.events import EventService

        return EventService(self.db, self.actor)

    @cached_property
    def registrations(self) -> RegistrationService:
        from skillsapp.services.competitions.registrations import RegistrationService

        return RegistrationService(self.db, self.actor)

    @cached_property
    def entry_import(self) -> RegistrationImporter:
        from skillsapp.services.competitions.registration_import import RegistrationImporter

        return RegistrationImporter(self.db, self.actor)

    @cached_property
    def draw(self) -> DrawService:
        from skillsapp.services.competitions.draw import DrawService

        return DrawService(self.db, self.actor)

    @cached_property
    def judges(self) -> JudgeService:
        from skillsapp.services.competitions.judges import JudgeService

        return JudgeService(self.db, self.actor)

    @cached_property
    def competition_io(self) -> CompetitionIOService:
        from skillsapp.services.competitions.competition_io import CompetitionIOService

        return CompetitionIOService(self.db, self.actor)

    @cached_property
    def marks(self) -> MarkService:
        from skillsapp.services.scoring.marks import MarkService

        return MarkService(self.db, self.actor)

    @cached_property
    def paper(self) -> PaperService:
        from skillsapp.services.scoring.paper import PaperService

        return PaperService(self.db, self.actor)

    @cached_property
    def recheck(self) -> RecheckService:
        from skillsapp.services.scoring.recheck import RecheckService

        return RecheckService(self.db, self.actor)

    @cached_property
    def studios(self) -> StudioService:
        from skillsapp.services.studios.studios import StudioService

        return StudioService(self.db, self.actor)

    @cached_property
    def studio_evaluation(self) -> EvaluationService:
        from skillsapp.services.studios.studio_evaluation import EvaluationService

        return EvaluationService(self.db, self.actor)

    @cached_property
    def studio_import(self) -> StudioImporter:
        from skillsapp.services.studios.studio_import import StudioImporter

        return StudioImporter(self.db, self.actor)

    @cached_property
    def results(self) -> ResultsService:
        from skillsapp.services.scoring.results_service import ResultsService

        return ResultsService(self.db, self.actor)

    @cached_property
    def appeals(self) -> AppealService:
        from skillsapp.services.scoring.appeals import AppealService

        return AppealService(self.db, self.actor)

    @cached_property
    def honours(self) -> HonourService:
        from skillsapp.services.talent.honours import HonourService

        return HonourService(self.db, self.actor)

    @cached_property
    def honour_import(self) -> HonourImporter:
        from skillsapp.services.talent.honour_import import HonourImporter

        return HonourImporter(self.db, self.actor)

    @cached_property
    def talent(self) -> TalentService:
        from skillsapp.services.talent.talent import TalentService

        return TalentService(self.db, self.actor)

    @cached_property
    def mentorship(self) -> MentorshipService:
        from skillsapp.services.talent.mentorship import MentorshipService

        return MentorshipService(self.db, self.actor)

    @cached_property
    def nominations(self) -> NominationService:
        from skillsapp.services.talent.nominations import NominationService

        return NominationService(self.db, self.actor)

    @cached_property
    def profile(self) -> ProfileService:
        from skillsapp.services.talent.profile import ProfileService

        return ProfileService(self.db, self.actor)

    @cached_property
    def certificates(self) -> CertificateService:
        from skillsapp.services.certificates.certificates import CertificateService

        return CertificateService(self.db, self.actor, keys=self.cert_keys)

    @cached_property
    def cert_templates(self) -> CertificateTemplateService:
        from skillsapp.services.certificates.cert_templates import CertificateTemplateService

        return CertificateTemplateService(self.db, self.actor)

    @cached_property
    def cert_keys(self) -> CertificateKeyService:
        from skillsapp.services.certificates.cert_keys import CertificateKeyService

        return CertificateKeyService(self.db, self.actor, key_path=self.key_path)


def build_services(db: Database, actor: Actor) -> Services:
    return Services(db, actor)


def open_services(target: str | Path, actor: Actor | None = None) -> Services:
    """Open (and migrate) the database at `target` and bind services to `actor`."""
    return Services(open_database(target), actor or Actor.system())
