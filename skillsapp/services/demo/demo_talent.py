"""The demo's talent registry beyond the persons: honours at every level (persons and
units), skill certificates, 师带徒 mentor pairs and the 20 innovation studios, all
written through the services (validated and audited) and deterministic for a seed.

The amounts grow with the registry up to a cap, so that `demo --persons 100000`
takes hardly longer than the default demo.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Iterator, Sequence

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.talent import GraduationResult
from skillsapp.services.context import Actor
from skillsapp.services.demo.demo_competitions import Candidate, registry_persons
from skillsapp.services.demo.demo_honours import DemoHonours
from skillsapp.services.demo.demo_studios import DemoStudios, StudioPlan, plan_studios
from skillsapp.services.talent.mentorship import MentorshipInput, MentorshipService
from skillsapp.services.talent.talent import CertificateInput, TalentService
from skillsapp.services.units import UnitService
from skillsapp.storage.database import Database

log = logging.getLogger(__name__)

MAX_HONOURED = 300
MAX_CERTIFICATES = 300
MAX_PAIRS = 120
MAX_APPRENTICES = 3  # per master, below the service's warning limit of 5
# Certificate-number digit of a level (职业技能等级证书: 1 高级技师 … 5 初级工).
LEVEL_DIGITS = {
    SkillLevel.GRADE1: 1,
    SkillLevel.GRADE2: 2,
    SkillLevel.GRADE3: 3,
    SkillLevel.GRADE4: 4,
    SkillLevel.GRADE5: 5,
}
ISSUERS = (
    "焦作市职业技能鉴定指导中心",
    "河南省职业技能鉴定中心",
    "焦作技师学院职业技能等级认定中心",
)
MINE_ISSUER = "焦煤集团职业技能等级认定中心"
GRADUATED_BY = dt.date(2025, 6, 30)


def _share(persons: int, divisor: int, least: int, most: int) -> int:
    return min(max(persons // divisor, least), most)


class DemoTalent:
    """Writes the talent records of a demo registry; one instance per demo database."""

    def __init__(
        self, db: Database, admin: Actor, *, seed: int, pool: list[Candidate] | None = None
    ) -> None:
        self._db = db
        self._admin = admin
        self._rng = random.Random(f"{seed}:talent")
        self._pool = registry_persons(db) if pool is None else pool
        self._by_unit: dict[int | None, list[Candidate]] = {}
        for person in self._pool:
            self._by_unit.setdefault(person.unit_id, []).append(person)
        units = UnitService(db, admin).units()
        self._shorts = {u.id: u.short_name or u.name for u in units}
        self._honours = DemoHonours(db, admin, self._rng)
        self._honours.set_units((u.id, u.name, u.short_name or u.name) for u in units)

    def write(self, unit_ids: dict[str, int]) -> None:
        plans = plan_studios(self._rng, self._pool)
        for plan in plans:
            for type_name, level in plan.spec.leader_honours:
                self._honours.give(plan.leader, type_name, level)
        leaders = {plan.leader.id for plan in plans}
        others = [p for p in self._pool if p.id not in leaders]
        count = _share(len(self._pool), 12, 20, MAX_HONOURED)
        self._honours.give_at_random(self._rng.sample(others, min(count, len(others))))
        self._honours.give_units(unit_ids)
        self._certificates([plan.leader for plan in plans])
        self._mentorships(plans)
        DemoStudios(self._db, self._admin, self._rng, self._shorts).write(plans)

    # -- skill certificates

    def _certificates(self, first: Sequence[Candidate]) -> None:
        """Certificates at each holder's own level (so the registry's levels stand)."""
        talent = TalentService(self._db, self._admin)
        certified = [p for p in self._pool if p.skill_level in LEVEL_DIGITS]
        count = _share(len(self._pool), 10, 20, MAX_CERTIFICATES)
        chosen = {p.id: p for p in first if p.skill_level in LEVEL_DIGITS}
        for person in self._rng.sample(certified, min(count, len(certified))):
            chosen.setdefault(person.id, person)
        for number, person in enumerate(chosen.values(), 1):
            talent.add_certificate(self._certificate(number, person))

    def _certificate(self, number: int, person: Candidate) -> CertificateInput:
        assert person.skill_level is not None
        day = dt.date(self._rng.randrange(2019, 2026), self._rng.randrange(1, 13), 15)
        mines = (self._shorts.get(person.unit_id or 0, "")).endswith("矿")
        issuer = MINE_ISSUER if mines else self._rng.choice(ISSUERS)
        digit = LEVEL_DIGITS[person.skill_level]
        tail = self._rng.randrange(10**6)
        code = f"S{410800 + number % 90:06d}{day.year}{number:04d}{digit}{tail:06d}"
        return CertificateInput(
            person_id=person.id,
            occupation=person.trade or "电工",
            level=person.skill_level,
            number=code,
            issue_date=day,
            issuer=issuer,
        )

    # -- 师带徒

    def _mentorships(self, plans: Sequence[StudioPlan]) -> None:
        service = MentorshipService(self._db, self._admin)
        leaders = [plan.leader for plan in plans]
        pairs = _share(len(self._pool), 25, 10, MAX_PAIRS)
        for number, (master, apprentice) in enumerate(self._pairs(leaders, pairs), 1):
            start = dt.date(self._rng.randrange(2021, 2026), self._rng.choice((3, 6, 9)), 1)
            row = service.create(self._agreement(number, master, apprentice, start))
            end = row.end_date
            if end is not None and end <= GRADUATED_BY:
                result = GraduationResult.EXCELLENT if number % 3 else GraduationResult.PASS
                service.graduate(row.id, result, on=end)

    def _pairs(
        self, leaders: Sequence[Candidate], count: int
    ) -> Iterator[tuple[Candidate, Candidate]]:
        """Masters (the studio leaders first, then other 技师) and apprentices of the
        same unit two levels or more below them."""
        seniors = [p for p in self._pool if p.skill_level and p.skill_level >= SkillLevel.GRADE2]
        masters = list(dict.fromkeys([*leaders, *self._rng.sample(seniors, len(seniors))]))
        taken = {m.id for m in masters}
        made = 0
        for master in masters:
            for apprentice in self._apprentices(master, taken):
                taken.add(apprentice.id)
                yield master, apprentice
                made += 1
                if made == count:
                    return

    def _apprentices(self, master: Candidate, taken: set[int]) -> list[Candidate]:
        level = master.skill_level or SkillLevel.GRADE3
        found = [
            p
            for p in self._by_unit.get(master.unit_id, [])
            if p.id not in taken and (p.skill_level or SkillLevel.APPRENTICE) <= level - 2
        ]
        return self._rng.sample(found, min(len(found), self._rng.randrange(1, MAX_APPRENTICES + 1)))

    def _agreement(
        self, number: int, master: Candidate, apprentice: Candidate, start: dt.date
    ) -> MentorshipInput:
        goal = (apprentice.skill_level or SkillLevel.APPRENTICE).promoted()
        short = self._shorts.get(master.unit_id or 0, "")
        return MentorshipInput(
            mentor_id=master.id,
            apprentice_id=apprentice.id,
            start_date=start,
            end_date=start.replace(year=start.year + 2) - dt.timedelta(days=1),
            agreement_number=f"{short}师徒〔{start.year}〕{number:03d}号",
            goals=f"取得{goal.label}证书，独立完成{apprentice.trade or '本岗位'}常见故障排除",
            goal_level=goal,
        )


def write_demo_talent(
    db: Database,
    admin: Actor,
    unit_ids: dict[str, int],
    *,
    seed: int,
    pool: list[Candidate] | None = None,
) -> None:
    """Honours, certificates, mentor pairs and studios on a demo registry (`pool`: its
    persons, read here when not given)."""
    DemoTalent(db, admin, seed=seed, pool=pool).write(unit_ids)
    log.info("wrote the demo honours, certificates, mentor pairs and studios")
