"""The demo's competitions, built through the services as the demo admin.

* 2025年焦煤集团电工技能比武 (JMDG2025): an enterprise contest with one event, 维修电工,
  20 contestants from the 焦煤 units (electricians first), judges judge1–judge3 with
  judge1 as chief judge, drawn with a fixed seed, and finished: full marks from the
  three judges (`demo_marks`), signed off and reviewed, published (公示) and final
  (已定), the winner's title granted as an honour.
* 2025年焦作市第十届职工技术运动会 (JZYDH2025): a city meet in 报名 (registration) with
  twelve events whose schemes vary the usual one (30/70, 20/80, 0/100, 25/55/20 with
  答辩, 35/5/60 with 上机), and entries from every unit by trade: within the quota,
  one event per person, inside each event's skill-level range. Not drawn yet.

Everything is deterministic for a seed. The registry needs MIN_PERSONS persons for
fields of a realistic size; `write_demo` leaves the competitions out below that.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import select

from skillsapp.domain.competitions import CompetitionKind, CompetitionLevel, CompetitionStatus
from skillsapp.domain.eligibility import Entrant, EventRules, check_entry, with_descendants
from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.person_rules import PersonInput
from skillsapp.interchange.entry_forms import EntryDraft
from skillsapp.interchange.rows import PersonDraft
from skillsapp.services.accounts import AccountService
from skillsapp.services.competitions.competitions import CompetitionInput, CompetitionService
from skillsapp.services.competitions.draw import DrawService
from skillsapp.services.competitions.events import EventInput, EventService
from skillsapp.services.competitions.judges import JudgeService
from skillsapp.services.competitions.registration_import import RegistrationImporter
from skillsapp.services.context import Actor
from skillsapp.services.demo.demo_marks import finish_contest
from skillsapp.services.demo.demo_schemes import (
    PRACTICAL_80,
    PRACTICAL_ONLY,
    STANDARD,
    WITH_COMPUTER,
    WITH_DEFENCE,
    Parts,
    electrician_spec,
    meet_spec,
    reweighted,
)
from skillsapp.services.units import UnitService
from skillsapp.storage.database import Database

log = logging.getLogger(__name__)

MIN_PERSONS = 200
CONTEST_CODE = "JMDG2025"
MEET_CODE = "JZYDH2025"
CONTEST_DRAW_SEED = 20250415
CONTEST_FIELD = 20
CONTEST_QUOTA = 6
MEET_QUOTA = 3
# The statuses the contest is moved through after its draw; `finish_contest` then marks
# it and takes it on to 公示 and 已定 with the results snapshot.
CONTEST_PATH: tuple[CompetitionStatus, ...] = (CompetitionStatus.SCORING,)
JUDGES = ("judge1", "judge2", "judge3")  # the first is the chief judge
# Registry trades entering the contest, best first: the field is filled tier by tier.
CONTEST_TRADES = (("维修电工", "矿井维修电工"), ("电工", "电力电缆工", "电梯安装维修工"))

L = SkillLevel


@dataclass(frozen=True)
class MeetEvent:
    name: str
    parts: Parts
    min_level: SkillLevel | None
    max_level: SkillLevel | None
    also: tuple[str, ...] = ()  # registry trades entering besides `name`

    @property
    def trades(self) -> tuple[str, ...]:
        return (self.name, *self.also)

    @property
    def rules(self) -> EventRules:
        return EventRules(min_level=self.min_level, max_level=self.max_level)


MEET_EVENTS = (
    MeetEvent("焊工", STANDARD, L.GRADE4, L.GRADE2),
    MeetEvent("钳工", STANDARD, L.GRADE4, L.GRADE2, ("工具钳工",)),
    MeetEvent("车工", PRACTICAL_80, L.GRADE4, L.GRADE2),
    MeetEvent("维修电工", STANDARD, L.GRADE3, L.GRADE1, ("矿井维修电工",)),
    MeetEvent("电工", STANDARD, L.GRADE5, L.GRADE3),
    MeetEvent("铣工", PRACTICAL_80, L.GRADE4, None),
    MeetEvent("叉车工", PRACTICAL_ONLY, L.GRADE5, None),
    MeetEvent("化学检验员", WITH_DEFENCE, L.GRADE4, L.GRADE2),
    MeetEvent("数控车工", PRACTICAL_80, L.GRADE4, L.GRADE2),
    MeetEvent("电梯安装维修工", WITH_COMPUTER, L.GRADE4, L.GRADE2),
    MeetEvent("汽车维修工", STANDARD, L.GRADE4, L.GRADE2),
    MeetEvent("电力电缆工", STANDARD, L.GRADE4, None),
)


def _contest_input(unit_ids: dict[str, int]) -> CompetitionInput:
    return CompetitionInput(
        name="2025年焦煤集团电工技能比武",
        code=CONTEST_CODE,
        kind=CompetitionKind.SKILLS_CONTEST,
        level=CompetitionLevel.ENTERPRISE,
        organizer_id=unit_ids["焦煤集团"],
        start_date=dt.date(2025, 4, 15),
        end_date=dt.date(2025, 4, 16),
        venue="焦煤集团职工技能实训基地",
        quota_per_unit=CONTEST_QUOTA,
        notes="理论闭卷笔试 90 分钟；实操按抽签工位号进行，密号评分",
    )


def _meet_input(unit_ids: dict[str, int]) -> CompetitionInput:
    return CompetitionInput(
        name="2025年焦作市第十届职工技术运动会",
        code=MEET_CODE,
        kind=CompetitionKind.SPORTS_MEET,
        level=CompetitionLevel.CITY,
        level_class="一类",
        edition=10,
        organizer_id=unit_ids["焦作市总工会"],
        co_organizer_ids=(unit_ids["焦作技师学院"],),
        start_date=dt.date(2025, 10, 14),
        end_date=dt.date(2025, 10, 18),
        venue="焦作技师学院",
        quota_per_unit=MEET_QUOTA,
        notes="各参赛单位每个项目限报 3 人，每人限报 1 个项目",
    )


# ----------------------------------------------------------------------------- building


class DemoCompetitions:
    """Writes the two competitions; one instance per demo database."""

    def __init__(
        self, db: Database, admin: Actor, *, seed: int, pool: list[Candidate] | None = None
    ) -> None:
        self._db = db
        self._admin = admin
        self._seed = seed
        self._rng = random.Random(f"{seed}:competitions")
        self._competitions = CompetitionService(db, admin)
        self._events = EventService(db, admin)
        self._importer = RegistrationImporter(db, admin)
        self._pool = registry_persons(db) if pool is None else pool
        self._judges = {
            u.username: u for u in AccountService(db).users(admin) if u.username in JUDGES
        }
        self._parents = {u.id: u.parent_id for u in UnitService(db, admin).units()}

    def write(self, unit_ids: dict[str, int]) -> tuple[str, ...]:
        """Both competitions; their codes."""
        return self._contest(unit_ids), self._meet(unit_ids)

    def _contest(self, unit_ids: dict[str, int]) -> str:
        contest = _contest_input(unit_ids)
        row = self._competitions.create(contest)
        mines = with_descendants([unit_ids["焦煤集团"]], self._parents)
        data = EventInput(
            "维修电工", "维修电工", min_level=L.GRADE4, allowed_unit_ids=(unit_ids["焦煤集团"],)
        )
        event = self._events.add(row.id, data)
        self._events.save_scheme(event.id, electrician_spec())
        self._move(row.id, CompetitionStatus.REGISTRATION)
        rules = EventRules(min_level=data.min_level, allowed_units=mines)
        entrants = ((data.name, rules, p) for p in _by_tier(self._shuffled(), mines))
        self._enter(row.id, _pick(entrants, CONTEST_QUOTA, contest.start_date, CONTEST_FIELD))
        self._assign_judges(event.id)
        DrawService(self._db, self._admin).draw(row.id, seed=CONTEST_DRAW_SEED)
        for status in CONTEST_PATH:
            self._move(row.id, status)
        panel = [self._judges[username] for username in JUDGES]
        finish_contest(self._db, self._admin, row.id, panel, seed=self._seed)
        return row.code

    def _meet(self, unit_ids: dict[str, int]) -> str:
        meet = _meet_input(unit_ids)
        row = self._competitions.create(meet)
        self._meet_events(row.id)
        self._move(row.id, CompetitionStatus.REGISTRATION)
        by_trade = {trade: e for e in MEET_EVENTS for trade in e.trades}
        entrants = (
            (by_trade[p.trade].name, by_trade[p.trade].rules, p)
            for p in self._shuffled()
            if p.trade in by_trade
        )
        self._enter(row.id, _pick(entrants, MEET_QUOTA, meet.start_date))
        return row.code

    def _meet_events(self, competition_id: int) -> None:
        """The first event gets the meet's scheme; the others copy or re-weight it."""
        base = meet_spec()
        first, *others = [self._events.add(competition_id, _event_input(e)).id for e in MEET_EVENTS]
        self._events.save_scheme(first, base)
        for meet_event, event_id in zip(MEET_EVENTS[1:], others, strict=True):
            if meet_event.parts == STANDARD:
                self._events.copy_scheme(first, event_id)
            else:
                self._events.save_scheme(event_id, reweighted(base, meet_event.parts))

    def _shuffled(self) -> list[Candidate]:
        """The registry in a seeded random order, without the judges' own records."""
        judges = {u.person_id for u in self._judges.values()}
        persons = [p for p in self._pool if p.id not in judges]
        self._rng.shuffle(persons)
        return persons

    def _enter(self, competition_id: int, picks: list[tuple[str, Candidate]]) -> None:
        """Register the picks as one entry form, checked by the importer like any other;
        a refused pick is a bug of the demo."""
        drafts = [_draft(row, event, person) for row, (event, person) in enumerate(picks, 2)]
        preview = self._importer.preview_drafts(competition_id, drafts)
        if preview.problems:
            raise RuntimeError(f"demo entries refused: {preview.problems[:3]}")
        self._importer.run(preview)

    def _assign_judges(self, event_id: int) -> None:
        judges = JudgeService(self._db, self._admin)
        for number, username in enumerate(JUDGES):
            judges.assign(event_id, self._judges[username].id, chief=number == 0)

    def _move(self, competition_id: int, status: CompetitionStatus) -> None:
        self._competitions.set_status(competition_id, status)


def _event_input(meet_event: MeetEvent) -> EventInput:
    return EventInput(
        meet_event.name,
        meet_event.name,
        min_level=meet_event.min_level,
        max_level=meet_event.max_level,
    )


@dataclass(frozen=True)
class Candidate:
    """A registry person as far as choosing and entering contestants needs."""

    id: int
    name: str
    id_number: str
    gender: Gender
    birth_date: dt.date | None
    mobile: str
    unit_id: int | None
    trade: str
    skill_level: SkillLevel | None
    title: str
    unit_name: str | None


def registry_persons(db: Database) -> list[Candidate]:
    """Every registry person by id (plain columns: the ORM would take seconds at 100,000)."""
    query = select(
        Person.id,
        Person.name,
        Person.id_number,
        Person.gender,
        Person.birth_date,
        Person.mobile,
        Person.unit_id,
        Person.trade,
        Person.skill_level,
        Person.title,
        Unit.name,
    ).outerjoin(Unit, Unit.id == Person.unit_id)
    with db.reading() as session:
        return [Candidate(*row) for row in session.execute(query.order_by(Person.id))]


def _by_tier(persons: list[Candidate], units: frozenset[int]) -> list[Candidate]:
    """The persons of `units`, electricians first (in the given order within a tier)."""

    def tier(person: Candidate) -> int:
        found = (i for i, trades in enumerate(CONTEST_TRADES) if person.trade in trades)
        return next(found, len(CONTEST_TRADES))

    return sorted((p for p in persons if p.unit_id in units), key=tier)


def _pick(
    entrants: Iterable[tuple[str, EventRules, Candidate]],
    quota: int,
    day: dt.date | None,
    limit: int | None = None,
) -> list[tuple[str, Candidate]]:
    """Eligible entrants in order, at most `quota` per event and unit, up to `limit`."""
    return list(islice(_eligible(entrants, quota, day or dt.date.today()), limit))


def _eligible(
    entrants: Iterable[tuple[str, EventRules, Candidate]], quota: int, day: dt.date
) -> Iterator[tuple[str, Candidate]]:
    counts: Counter[tuple[str, int]] = Counter()
    for event, rules, person in entrants:
        if person.unit_id is None or counts[(event, person.unit_id)] >= quota:
            continue
        entrant = Entrant(person.skill_level, person.birth_date, person.unit_id)
        if not check_entry(rules, entrant, day):
            counts[(event, person.unit_id)] += 1
            yield event, person


def _draft(row: int, event: str, person: Candidate) -> EntryDraft:
    data = PersonInput(
        name=person.name,
        id_number=person.id_number,
        gender=person.gender,
        mobile=person.mobile,
        unit_id=person.unit_id,
        trade=person.trade,
        skill_level=person.skill_level,
        title=person.title,
    )
    return EntryDraft(row, event, PersonDraft(row, data, person.unit_name or ""))


def write_demo_competitions(
    db: Database,
    admin: Actor,
    unit_ids: dict[str, int],
    *,
    seed: int,
    pool: list[Candidate] | None = None,
) -> tuple[str, ...]:
    """The demo contest and meet on a database holding the demo units, persons and
    accounts (`pool`: its persons, read here when not given); their codes."""
    codes = DemoCompetitions(db, admin, seed=seed, pool=pool).write(unit_ids)
    log.info("wrote the demo competitions %s", ", ".join(codes))
    return codes
