"""Who gets a certificate: a competition's published results (award tiers, titles,
everyone for participation), a selection from the registry, or honour records (picked
by group: the same title from the same body in the same year).

Results are read from `EventResult` rows (written at 公示, frozen at 已定): certificates
wait for the review period, so a competition must be final (DOMAIN.md §1).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from skillsapp.domain.certificates import Certificate, CertificateStatus
from skillsapp.domain.competitions import Competition, CompetitionStatus, Event, Registration
from skillsapp.domain.marks import EventResult, Honour
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.scheme_doc import DEFAULT_TIERS, award_rule_from_json
from skillsapp.errors import NotFound, UserError, ValidationError
from skillsapp.services.competitions.competitions import get_competition

FINAL_STATUSES = frozenset({CompetitionStatus.FINAL, CompetitionStatus.ARCHIVED})
_CHUNK = 900  # ids per IN (…): well under SQLite's variable limit
# the register's column widths (Certificate.award, Certificate.title)
AWARD_MAX, TITLE_MAX = 40, 120


@dataclass(frozen=True)
class CertificateCandidate:
    """One certificate to issue; `issued_serial` is set when it was issued already
    (reprint that one instead)."""

    kind: str  # award | title | participation | honour | custom
    person_id: int | None
    name: str
    unit: str = ""
    competition_id: int | None = None
    competition: str = ""
    competition_code: str = ""
    event_id: int | None = None
    event: str = ""
    result_id: int | None = None
    honour_id: int | None = None
    award: str = ""
    title: str = ""
    rank: int | None = None
    issuer: str = ""
    issued_serial: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two certificates the same certificate (an honour's certificate is
        that honour's: the same title of another year is another certificate)."""
        return (
            self.person_id,
            self.competition_id,
            self.event_id,
            self.award,
            self.title,
            self.honour_id,
        )


@dataclass(frozen=True)
class AwardedRow:
    """An award tier or honour title given in a competition's published results."""

    kind: str  # award | title
    name: str
    count: int  # results that carry it: one certificate each


@dataclass(frozen=True)
class HonourGroup:
    """Persons' honours of one year, title and granting body: one batch of 荣誉证书."""

    year: int | None
    title: str
    granting_body: str
    honour_ids: tuple[int, ...]  # by the holders' names

    @property
    def count(self) -> int:
        return len(self.honour_ids)


def _scheme_order(session: Session, competition_id: int) -> tuple[list[str], list[str]]:
    """The tiers (merit award last) and titles of the events' schemes, in event order."""
    tiers: list[str] = []
    titles: list[str] = []
    events = session.scalars(
        select(Event)
        .where(Event.competition_id == competition_id)
        .order_by(Event.position, Event.id)
    )
    for event in events:
        stored = json.loads(event.award_rule or "{}")
        rule = award_rule_from_json(stored) if stored else None
        names = [t.name for t in (rule.tiers if rule else DEFAULT_TIERS)]
        names += [rule.merit.name] if rule and rule.merit else []
        tiers += [n for n in names if n not in tiers]
        rules = json.loads(event.title_rules or "[]")
        titles += [str(t["title"]) for t in rules if t.get("title") and t["title"] not in titles]
    return tiers, titles


def _in_order(counts: Counter[str], order: list[str], kind: str) -> list[AwardedRow]:
    """The scheme's order first; names no scheme knows after them, best-ranked first."""
    seen = list(counts)  # first seen, in rank order
    ranked = sorted(
        seen, key=lambda n: (order.index(n) if n in order else len(order), seen.index(n))
    )
    return [AwardedRow(kind, name, counts[name]) for name in ranked]


def awarded(session: Session, competition_id: int) -> list[AwardedRow]:
    """The award tiers, then the honour titles, given in a competition's published results."""
    get_competition(session, competition_id)
    query = (
        select(EventResult.award, EventResult.titles)
        .join(Event, EventResult.event_id == Event.id)
        .where(Event.competition_id == competition_id, EventResult.provisional.is_(False))
        .order_by(Event.position, Event.id, EventResult.rank.is_(None), EventResult.rank)
    )
    awards: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    for award, titles_json in session.execute(query):
        if award:
            awards[award] += 1
        titles.update(str(t) for t in json.loads(titles_json or "[]") if t)
    tier_order, title_order = _scheme_order(session, competition_id)
    return _in_order(awards, tier_order, "award") + _in_order(titles, title_order, "title")


def _results_query(competition_id: int) -> Select[EventResult, Event, Person, str]:
    unit = aliased(Unit)
    return (
        select(EventResult, Event, Person, unit.name)
        .join(Registration, EventResult.registration_id == Registration.id)
        .join(Person, Registration.person_id == Person.id)
        .join(Event, EventResult.event_id == Event.id)
        .outerjoin(unit, unit.id == func.coalesce(Registration.unit_id, Person.unit_id))
        .where(Event.competition_id == competition_id, EventResult.provisional.is_(False))
        .order_by(
            Event.position,
            Event.id,
            EventResult.rank.is_(None),
            EventResult.rank,
            Person.name_pinyin,
            Person.id,
        )
    )


def _wanted(
    result: EventResult, awards: set[str], titles: set[str], everyone: bool
) -> list[tuple[str, str, str]]:
    """(kind, award, title) of each certificate `result` earns among those asked for."""
    wanted = []
    if result.award and result.award in awards:
        wanted.append(("award", result.award, ""))
    wanted += [("title", "", t) for t in json.loads(result.titles or "[]") if t in titles]
    if everyone:
        wanted.append(("participation", "", ""))
    return wanted


def competition_candidates(
    session: Session,
    competition_id: int,
    *,
    awards: Iterable[str] = (),
    titles: Iterable[str] = (),
    participation: bool = False,
) -> list[CertificateCandidate]:
    """Certificates a final competition's results earn, in event and rank order."""
    competition = get_competition(session, competition_id)
    if competition.status not in FINAL_STATUSES:
        raise UserError("cert_competition_not_final", status=competition.status.value)
    issuer = competition.organizer.name if competition.organizer else ""
    award_set, title_set = set(awards), set(titles)
    found = []
    for result, event, person, unit_name in session.execute(_results_query(competition_id)):
        for kind, award, title in _wanted(result, award_set, title_set, participation):
            found.append(
                CertificateCandidate(
                    kind=kind,
                    person_id=person.id,
                    name=person.name,
                    unit=unit_name or "",
                    competition_id=competition.id,
                    competition=competition.name,
                    competition_code=competition.code,
                    event_id=event.id,
                    event=event.name,
                    result_id=result.id,
                    award=award,
                    title=title,
                    rank=result.rank,
                    issuer=issuer,
                )
            )
    return with_issued(session, found)


def check_texts(award: str, title: str) -> tuple[str, str]:
    """The award and title texts to print, trimmed; refused when the register cannot hold them."""
    award, title = " ".join(award.split()), " ".join(title.split())
    errors = {
        name: "text_too_long"
        for name, text, limit in (("award", award, AWARD_MAX), ("title", title, TITLE_MAX))
        if len(text) > limit
    }
    if errors:
        raise ValidationError(errors)
    return award, title


def person_candidates(
    session: Session,
    person_ids: Sequence[int],
    *,
    award: str = "",
    title: str = "",
    competition_id: int | None = None,
    event_id: int | None = None,
) -> list[CertificateCandidate]:
    """One certificate per person of a registry selection (e.g. everyone trained)."""
    award, title = check_texts(award, title)
    competition = get_competition(session, competition_id) if competition_id else None
    event = session.get(Event, event_id) if event_id else None
    if event_id and event is None:
        raise NotFound(entity="event", id=event_id)
    persons = _persons(session, person_ids)
    base = CertificateCandidate(
        kind="custom",
        person_id=None,
        name="",
        competition_id=competition.id if competition else None,
        competition=competition.name if competition else "",
        competition_code=competition.code if competition else "",
        event_id=event.id if event else None,
        event=event.name if event else "",
        award=award,
        title=title,
        issuer=_organizer(competition),
    )
    found = [replace(base, person_id=p.id, name=p.name, unit=u or "") for p, u in persons]
    return with_issued(session, found)


def listed_candidates(
    session: Session, persons: Iterable[tuple[int, str, str]], *, award: str = "", title: str = ""
) -> list[CertificateCandidate]:
    """One certificate per listed person (id, name, unit), tied to no competition."""
    award, title = check_texts(award, title)
    found = [
        CertificateCandidate("custom", pid, name, unit, award=award, title=title)
        for pid, name, unit in persons
    ]
    return with_issued(session, found)


def _organizer(competition: Competition | None) -> str:
    return competition.organizer.name if competition and competition.organizer else ""


def _persons(session: Session, person_ids: Sequence[int]) -> list[tuple[Person, str | None]]:
    rows: dict[int, tuple[Person, str | None]] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        query = (
            select(Person, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id)
            .where(Person.id.in_(chunk))
        )
        rows.update({p.id: (p, u) for p, u in session.execute(query)})
    missing = [i for i in person_ids if i not in rows]
    if missing:
        raise NotFound(entity="person", id=missing[0])
    return [rows[i] for i in person_ids]


def honour_groups(session: Session) -> list[HonourGroup]:
    """Persons' honours grouped by (year, title, granting body): newest year first, then
    by title; each group's honours by their holders' names."""
    query = (
        select(Honour.id, Honour.year, Honour.title, Honour.granting_body)
        .join(Person, Honour.person_id == Person.id)
        .order_by(
            Honour.year.is_(None),
            Honour.year.desc(),
            Honour.title,
            Honour.granting_body,
            Person.name_pinyin,
            Person.id,
        )
    )
    groups: dict[tuple[int | None, str, str], list[int]] = {}
    for honour_id, year, title, body in session.execute(query):
        groups.setdefault((year, title, body), []).append(honour_id)
    return [HonourGroup(y, t, b, tuple(ids)) for (y, t, b), ids in groups.items()]


def _honour_rows(
    session: Session, honour_ids: Sequence[int]
) -> dict[int, tuple[Honour, Person | None, str | None]]:
    """Each honour with its holder and the holder's unit name, a chunk per query."""
    unit = aliased(Unit)
    rows: dict[int, tuple[Honour, Person | None, str | None]] = {}
    for start in range(0, len(honour_ids), _CHUNK):
        query = (
            select(Honour, Person, unit.name)
            .outerjoin(Person, Honour.person_id == Person.id)
            .outerjoin(unit, unit.id == func.coalesce(Person.unit_id, Honour.unit_id))
            .where(Honour.id.in_(honour_ids[start : start + _CHUNK]))
        )
        rows.update({h.id: (h, p, u) for h, p, u in session.execute(query)})
    return rows


def honour_candidates(session: Session, honour_ids: Sequence[int]) -> list[CertificateCandidate]:
    """Honour certificates (荣誉证书: 技术能手, 焦作工匠 …) for honour records, in order."""
    rows = _honour_rows(session, honour_ids)
    missing = [i for i in honour_ids if i not in rows]
    if missing:
        raise NotFound(entity="honour", id=missing[0])
    found = []
    for honour, person, unit_name in (rows[i] for i in honour_ids):
        found.append(
            CertificateCandidate(
                kind="honour",
                person_id=person.id if person else None,
                name=person.name if person else (unit_name or ""),
                unit=unit_name or "",
                honour_id=honour.id,
                title=honour.title,
                issuer=honour.granting_body,
            )
        )
    return with_issued(session, found)


def issued_serials(
    session: Session, candidates: Sequence[CertificateCandidate]
) -> dict[tuple[object, ...], str]:
    """The serial of the valid certificate already issued for each candidate's key."""
    person_ids = sorted({c.person_id for c in candidates if c.person_id is not None})
    found: dict[tuple[object, ...], str] = {}
    for start in range(0, len(person_ids), _CHUNK):
        query = select(Certificate).where(
            Certificate.person_id.in_(person_ids[start : start + _CHUNK]),
            Certificate.status == CertificateStatus.VALID,
        )
        for cert in session.scalars(query):
            found[_issued_key(cert)] = cert.serial
    return found


def _issued_key(cert: Certificate) -> tuple[object, ...]:
    """`CertificateCandidate.key` of an issued certificate."""
    return (
        cert.person_id,
        cert.competition_id,
        cert.event_id,
        cert.award,
        cert.title,
        cert.honour_id,
    )


def with_issued(
    session: Session, candidates: list[CertificateCandidate]
) -> list[CertificateCandidate]:
    issued = issued_serials(session, candidates)
    return [replace(c, issued_serial=issued.get(c.key, "")) for c in candidates]
