"""Builders shared by the certificate service tests (no tests of their own)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select

from skillsapp.app import Services
from skillsapp.domain.certificates import CertificateTemplate
from skillsapp.domain.competitions import Competition, CompetitionStatus
from skillsapp.domain.enums import Gender
from skillsapp.domain.marks import EventResult
from skillsapp.domain.models import Person
from skillsapp.services.certificates.cert_keys import CertificateKeyService
from skillsapp.services.certificates.certificates import CertificateService, Output
from tests.factories import id_number
from tests.unit.services.test_competition_helpers import Meet, competition, enter, event, unit

ISSUE_DAY = dt.date(2025, 10, 20)
AWARDS = ("一等奖", "二等奖", "三等奖")
TITLE = "焦作市技术能手"
AWARD_TEMPLATE = "获奖证书（A4 横版）"
HONOUR_TEMPLATE = "荣誉证书（A4 竖版）"
BOOKLET_TEMPLATE = "套打证书内芯（B5 横版）"


@dataclass(frozen=True)
class Setup:
    services: Services
    certificates: CertificateService
    meet: Meet


def certificate_service(services: Services, key_dir: Path) -> CertificateService:
    keys = CertificateKeyService(services.db, services.actor, key_path=key_dir / "signing_key.pem")
    return CertificateService(services.db, services.actor, keys=keys, today=ISSUE_DAY)


def publish_results(services: Services, meet: Meet) -> None:
    """Results as the results service writes them: ranks 1–3, one tier each, a title."""
    with services.db.transaction() as session:
        for rank, registration_id in enumerate(meet.registration_ids, start=1):
            session.add(
                EventResult(
                    event_id=meet.event_id,
                    registration_id=registration_id,
                    rank=rank,
                    award=AWARDS[rank - 1],
                    titles=json.dumps([TITLE] if rank == 1 else [], ensure_ascii=False),
                )
            )


def set_status(services: Services, competition_id: int, status: CompetitionStatus) -> None:
    """Straight to `status`: the workflow's own guards are tested elsewhere."""
    with services.db.transaction() as session:
        found = session.get(Competition, competition_id)
        assert found is not None
        found.status = status


def meet(services: Services, *, status: CompetitionStatus = CompetitionStatus.FINAL) -> Meet:
    """One event of three entrants from a unit with a 15-character name, organised by
    the city federation (the issuing body printed on the seal)."""
    organizer = unit(services, "焦作市总工会")
    c = competition(services, code="JZ", quota_per_unit=10, organizer_id=organizer.id)
    e = event(services, c.id)
    u = unit(services, "焦作煤业集团赵固二矿机电工区")
    ids = tuple(enter(services, e.id, seq, u.id).id for seq in range(3))
    set_status(services, c.id, status)
    return Meet(c.id, e.id, u.id, ids, ())


def awarded(services: Services, key_dir: Path) -> Setup:
    """A final competition with three results, the built-in templates seeded."""
    found = meet(services)
    publish_results(services, found)
    services.cert_templates.ensure_builtin_templates()
    return Setup(services, certificate_service(services, key_dir), found)


def template_id(services: Services, name: str = AWARD_TEMPLATE) -> int:
    with services.db.reading() as session:
        found = session.scalar(
            select(CertificateTemplate.id).where(CertificateTemplate.name == name)
        )
    assert found is not None, name
    return found


def many_persons(services: Services, count: int, *, start: int = 100) -> list[int]:
    """`count` persons written in bulk (the registry service is too slow for thousands)."""
    rows = [
        {
            "name": f"测试{i:05d}",
            "gender": Gender.MALE,
            "id_number": id_number(i),
            "version": 1,
        }
        for i in range(start, start + count)
    ]
    with services.db.transaction() as session:
        session.execute(insert(Person), rows)
        ids = session.scalars(
            select(Person.id).where(Person.name.like("测试%")).order_by(Person.id)
        )
        return list(ids)[-count:]


def one_pdf(path: Path) -> Output:
    return Output(path)


def ids_of(result_ids: Sequence[int]) -> list[int]:
    return list(result_ids)
