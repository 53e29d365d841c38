"""The competition status workflow: which moves are allowed, by whom, and their guards.

筹备 draft → 报名 registration → 比赛 scoring → 公示 review → 已定 final → 归档 archived.
Moving forward needs the organizer's right and passes the target's guard; moving
back needs an admin and a written reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import (
    Competition,
    CompetitionStatus,
    Event,
    EventJudge,
    Registration,
    RegistrationStatus,
)
from skillsapp.domain.marks import Appeal, AppealStatus
from skillsapp.domain.roles import Permission
from skillsapp.errors import Blocked, UserError
from skillsapp.services.competitions.scheme_store import load_spec
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marking import missing_marks_count

ORDER = tuple(CompetitionStatus)
FORWARD = {ORDER[i]: ORDER[i + 1] for i in range(len(ORDER) - 1)}

Guard = Callable[[Session, Competition, dt.date], list[UserError]]


def _events(session: Session, competition: Competition) -> list[Event]:
    return list(
        session.scalars(
            select(Event).where(Event.competition_id == competition.id).order_by(Event.position)
        )
    )


def _active_count(session: Session, event: Event) -> int:
    return (
        session.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == event.id, Registration.status == RegistrationStatus.ACTIVE
            )
        )
        or 0
    )


def guard_registration(
    session: Session, competition: Competition, _today: dt.date
) -> list[UserError]:
    """Registration opens only with events whose schemes are complete and valid."""
    events = _events(session, competition)
    if not events:
        return [UserError("competition_no_events")]
    return [
        UserError("event_scheme_invalid", event=e.name) for e in events if load_spec(e).problems()
    ]


def guard_scoring(session: Session, competition: Competition, _today: dt.date) -> list[UserError]:
    """Scoring starts only after the draw, with judges (and a chief judge) in place."""
    reasons: list[UserError] = []
    entered = 0
    for event in _events(session, competition):
        count = _active_count(session, event)
        entered += count
        if not count:
            continue
        undrawn = session.scalar(
            select(func.count(Registration.id)).where(
                Registration.event_id == event.id,
                Registration.status == RegistrationStatus.ACTIVE,
                Registration.bib.is_(None),
            )
        )
        if undrawn:
            reasons.append(UserError("event_not_drawn", event=event.name))
        judges = list(session.scalars(select(EventJudge).where(EventJudge.event_id == event.id)))
        if not judges:
            reasons.append(UserError("event_no_judges", event=event.name))
        elif not any(j.chief for j in judges):
            reasons.append(UserError("event_no_chief_judge", event=event.name))
    if not entered:
        reasons.append(UserError("competition_no_registrations"))
    return reasons


def working_days_after(start: dt.date, days: int) -> dt.date:
    """The date on which `days` working days (Mon–Fri) after `start` have passed."""
    current, left = start, days
    while left > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def review_ends(competition: Competition) -> dt.date | None:
    if competition.review_started_at is None:
        return None
    return working_days_after(competition.review_started_at.date(), competition.review_days)


def guard_final(session: Session, competition: Competition, today: dt.date) -> list[UserError]:
    """Results become final only after the public review period (公示期)."""
    ends = review_ends(competition)
    if ends is not None and today < ends:
        return [UserError("review_period_running", until=ends.isoformat())]
    return []


def guard_review(session: Session, competition: Competition, _today: dt.date) -> list[UserError]:
    """Results go up for review (公示) only with every mark in: none may be provisional."""
    count = missing_marks_count(session, competition)
    return [UserError("marks_missing", count=count)] if count else []


def guard_no_open_appeal(
    session: Session, competition: Competition, _today: dt.date
) -> list[UserError]:
    """Results become final only when every appeal (申诉) has been ruled on."""
    query = (
        select(func.count(Appeal.id))
        .join(Registration, Registration.id == Appeal.registration_id)
        .join(Event, Event.id == Registration.event_id)
        .where(Event.competition_id == competition.id, Appeal.status == AppealStatus.OPEN)
    )
    count = session.scalar(query) or 0
    return [UserError("appeals_open", count=count)] if count else []


# Guards for a move forward into the key status.
GUARDS: dict[CompetitionStatus, list[Guard]] = {
    CompetitionStatus.REGISTRATION: [guard_registration],
    CompetitionStatus.SCORING: [guard_scoring],
    CompetitionStatus.REVIEW: [guard_review],
    CompetitionStatus.FINAL: [guard_final, guard_no_open_appeal],
    CompetitionStatus.ARCHIVED: [],
}


def check_transition(
    session: Session,
    actor: Actor,
    competition: Competition,
    target: CompetitionStatus,
    *,
    reason: str,
    today: dt.date,
) -> None:
    """Raise unless `actor` may move `competition` to `target` now."""
    current = competition.status
    if target is current:
        raise UserError("status_unchanged", status=current.value)
    if ORDER.index(target) < ORDER.index(current):
        actor.require(Permission.REOPEN_COMPETITION)
        if not reason.strip():
            raise UserError("reason_required")
        return
    actor.require(Permission.MANAGE_COMPETITIONS)
    if FORWARD.get(current) is not target:
        raise UserError("status_skip", status=current.value, target=target.value)
    reasons = [r for guard in GUARDS[target] for r in guard(session, competition, today)]
    if reasons:
        raise Blocked(reasons)
