"""Read models of results: an event's results page, its teams, a meet's unit standings.

Blind events (盲评): until the chief judge has reviewed every panel judge's sheet
(`JudgeSubmission.chief_reviewed_at` set for each), the codes are not decrypted: a
row shows the blind code in place of the bib, and no name, unit or person id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import Competition, Event
from skillsapp.domain.models import Unit, User
from skillsapp.domain.scoring import RankedRow, unit_standings
from skillsapp.errors import NotFound
from skillsapp.services.scoring.results import Contestant, EventComputation, MissingMark


@dataclass(frozen=True)
class ResultRow:
    """One line of an event's results; scores are texts with the scheme's decimals."""

    registration_id: int
    rank: int | None
    bib: str  # the blind code while names are hidden
    person_id: int | None
    name: str
    unit: str
    components: tuple[str, ...]  # in the order of EventResultsView.component_names
    total: str
    award: str | None
    titles: tuple[str, ...]
    provisional: bool  # the event's ranking still depends on missing marks
    incomplete: bool  # this contestant's own marks are incomplete
    disqualified: bool
    standardised: str | None  # WorldSkills-style, centred on 700; never the official total


@dataclass(frozen=True)
class MissingMarkRow:
    registration_id: int
    bib: str
    name: str
    criterion: str
    criterion_name: str
    judge_id: int | None
    judge: str  # "" when any judge may enter it (a measurement)


@dataclass(frozen=True)
class TeamRow:
    unit_id: int
    unit: str
    score: str
    rank: int
    members: tuple[str, ...]  # the members counted, best first (names or codes)
    provisional: bool


@dataclass(frozen=True)
class UnitStandingRow:
    unit_id: int
    unit: str
    total: str
    rank: int
    events: int


@dataclass(frozen=True)
class EventResultsView:
    event_id: int
    event_name: str
    competition_id: int
    component_keys: tuple[str, ...]
    component_names: tuple[str, ...]
    decimals: int
    rows: tuple[ResultRow, ...]
    missing: tuple[MissingMarkRow, ...]
    provisional: bool
    entrants: int
    min_field: int | None
    field_too_small: bool  # warn: the event is normally cancelled below the minimum
    names_hidden: bool
    teams: tuple[TeamRow, ...]


def text(value: Decimal) -> str:
    """A score as printed: the digits it was rounded to, never an exponent."""
    return format(value, "f")


def shown(
    computation: EventComputation, contestant: Contestant
) -> tuple[str, int | None, str, str]:
    """(bib or code, person id, name, unit) as this event may show them now."""
    if computation.names_hidden:
        return contestant.blind_code, None, "", ""
    return contestant.bib, contestant.person_id, contestant.name, contestant.unit


def result_rows(computation: EventComputation) -> list[ResultRow]:
    incomplete = {m.registration_id for m in computation.missing}
    return [_row(computation, r, incomplete) for r in computation.ranked]


def _row(computation: EventComputation, row: RankedRow[int], incomplete: set[int]) -> ResultRow:
    reg = row.contestant_id
    bib, person_id, name, unit = shown(computation, computation.contestants[reg])
    z = computation.standardised.get(reg)
    keys = [c.key for c in computation.scheme.components]
    return ResultRow(
        registration_id=reg,
        rank=row.rank,
        bib=bib,
        person_id=person_id,
        name=name,
        unit=unit,
        components=tuple(text(row.score.components_rounded[k]) for k in keys),
        total=text(row.total),
        award=computation.awards.get(reg),
        titles=tuple(rule.title for rule in computation.titles.get(reg, ())),
        provisional=computation.provisional,
        incomplete=row.incomplete or reg in incomplete,
        disqualified=row.disqualified,
        standardised=None if z is None else text(z),
    )


def event_view(
    computation: EventComputation, judges: Mapping[int, str], units: Mapping[int, str]
) -> EventResultsView:
    scheme = computation.scheme
    return EventResultsView(
        event_id=computation.event_id,
        event_name=computation.event_name,
        competition_id=computation.competition_id,
        component_keys=tuple(c.key for c in scheme.components),
        component_names=tuple(c.name for c in scheme.components),
        decimals=scheme.rounding.decimals,
        rows=tuple(result_rows(computation)),
        missing=tuple(_missing_row(computation, m, judges) for m in computation.missing),
        provisional=computation.provisional,
        entrants=len(computation.contestants),
        min_field=scheme.min_field,
        field_too_small=computation.field_too_small,
        names_hidden=computation.names_hidden,
        teams=tuple(_team_rows(computation, units)),
    )


def _missing_row(
    computation: EventComputation, missing: MissingMark, judges: Mapping[int, str]
) -> MissingMarkRow:
    bib, _, name, _ = shown(computation, computation.contestants[missing.registration_id])
    criterion = computation.scheme.criterion(missing.criterion)
    judge = "" if missing.judge_id is None else judges.get(missing.judge_id, "")
    return MissingMarkRow(
        missing.registration_id,
        bib,
        name,
        missing.criterion,
        criterion.name if criterion else missing.criterion,
        missing.judge_id,
        judge,
    )


def _team_rows(computation: EventComputation, units: Mapping[int, str]) -> list[TeamRow]:
    return [
        TeamRow(
            unit_id=team.unit,
            unit=units.get(team.unit, ""),
            score=text(team.score),
            rank=team.rank,
            members=tuple(_member(computation, reg) for reg in team.members),
            provisional=team.provisional,
        )
        for team in computation.teams
    ]


def _member(computation: EventComputation, reg: int) -> str:
    bib, _, name, _ = shown(computation, computation.contestants[reg])
    return name or bib


def standings(
    computations: Sequence[EventComputation], units: Mapping[int, str]
) -> list[UnitStandingRow]:
    """Unit standings over the events of a meet: the team scores added up."""
    return [
        UnitStandingRow(s.unit, units.get(s.unit, ""), text(s.total), s.rank, s.events)
        for s in unit_standings(c.teams for c in computations)
    ]


def judge_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    query = select(User.id, User.display_name, User.username).where(User.id.in_(ids))
    return {uid: display or username for uid, display, username in session.execute(query)}


def unit_names(session: Session, computations: Sequence[EventComputation]) -> dict[int, str]:
    ids = {t.unit for c in computations for t in c.teams}
    query = select(Unit.id, Unit.name).where(Unit.id.in_(ids))
    return {unit_id: name for unit_id, name in session.execute(query)}


def competition_of(session: Session, event_id: int) -> tuple[Event, Competition]:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(entity="event", id=event_id)
    return event, event.competition
