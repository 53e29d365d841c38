"""Re-checking (复核) an event's marks against the signed paper sheets.

The sample is all of the top `top` (default 10) plus at least `share` (default 15 %)
of the rest, drawn by `scoring.recheck_sample` over the current ranking
(`results.event_ranking`) from a recorded seed, so anyone can draw it again. It is
drawn once per event, after every mark is in. Each re-checked entry is recorded with
whether an error was found; an error rate above `threshold` (default 5 %) calls for
a full re-check. A mark found wrong is corrected in writing (复核更正): the new value,
who, when and the reason go into the mark's history (MarkChange kind RECHECK) and the
entry counts as having an error. The chief judge of the event or an organizer does all
of this, while the competition is in 比赛 or 公示. Results are computed from the current
marks, so a correction shows at once; in 公示 the organizer republishes, as after an
appeal.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.base import utcnow
from skillsapp.domain.competitions import CompetitionStatus, Event, Registration
from skillsapp.domain.marks import ChangeKind, Mark, MarkChange, RecheckItem, RecheckSample
from skillsapp.domain.scoring import recheck_needs_full, recheck_sample
from skillsapp.errors import NotFound, UserError
from skillsapp.services import audit
from skillsapp.services.competitions.competitions import require_status
from skillsapp.services.context import Actor
from skillsapp.services.scoring.marking import (
    check_value,
    competition_of,
    criterion_by_key,
    entry_code,
    event_criteria,
    event_judges,
    event_missing,
    get_event,
    plain,
    require_judge,
)
from skillsapp.services.scoring.marks_review import require_chief_or_organizer
from skillsapp.services.scoring.results import event_ranking
from skillsapp.storage.database import Database

RECHECK_OPEN = frozenset({CompetitionStatus.SCORING, CompetitionStatus.REVIEW})
SEED_LIMIT = 2**31  # the seed column is a 32-bit integer
DEFAULT_TOP = 10
DEFAULT_SHARE = Decimal("0.15")
DEFAULT_THRESHOLD = Decimal("0.05")


@dataclass(frozen=True)
class RecheckItemRow:
    item_id: int
    registration_id: int
    code: str  # the blind code in a blind event, else the bib
    checked: bool
    error_found: bool
    note: str
    checked_at: dt.datetime | None


@dataclass(frozen=True)
class RecheckSampleView:
    """The drawn sample in ranking order: the top entries first, then the drawn ones."""

    sample_id: int
    event_id: int
    seed: int
    drawn_at: dt.datetime
    items: tuple[RecheckItemRow, ...]


@dataclass(frozen=True)
class RecheckMarkRow:
    """One judge's mark of a sampled entry, as the correction lists it."""

    criterion: str  # the criterion's key
    criterion_name: str
    judge_id: int
    judge: str
    value: Decimal


@dataclass(frozen=True)
class RecheckCorrectionRow:
    """A mark corrected in writing after a re-check: old and new value, who, when, why."""

    item: RecheckItemRow  # the sampled entry, now with its error found
    mark_id: int
    criterion: str
    judge_id: int
    old: Decimal
    new: Decimal
    who: str
    at: dt.datetime
    reason: str


@dataclass(frozen=True)
class RecheckStatus:
    sample_size: int
    checked: int
    errors: int
    error_rate: Decimal  # errors ÷ checked; 0 while nothing is checked
    full_recheck_required: bool


class RecheckService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def draw_sample(
        self,
        event_id: int,
        *,
        top: int = DEFAULT_TOP,
        share: Decimal = DEFAULT_SHARE,
        seed: int | None = None,
    ) -> RecheckSampleView:
        """Draw and record the event's sample (once; the seed is kept)."""
        if top < 0 or not Decimal(0) <= share <= 1:
            raise UserError("recheck_share_invalid")
        if seed is not None and not 0 <= seed < SEED_LIMIT:
            raise UserError("draw_seed_invalid", seed=seed, limit=SEED_LIMIT - 1)
        seed = secrets.randbelow(SEED_LIMIT) if seed is None else seed
        with self._db.transaction() as session:
            event = self._open_event(session, event_id)
            if _sample_of(session, event_id) is not None:
                raise UserError("recheck_already_drawn")
            missing = event_missing(session, event)
            if missing:
                raise UserError("marks_missing", count=len(missing))
            ranked = [row.contestant_id for row in event_ranking(session, event).ranked]
            chosen = recheck_sample(ranked, top=top, share=share, seed=seed)
            sample = RecheckSample(event_id=event_id, seed=seed, drawn_by=self._actor.user_id)
            sample.items = [RecheckItem(registration_id=r, checked=False) for r in chosen]
            session.add(sample)
            session.flush()
            new = {"seed": seed, "top": top, "share": str(share), "size": len(chosen)}
            self._audit(session, "draw", "recheck_sample", sample.id, new)
            return _view(session, event, sample)

    def sample(self, event_id: int) -> RecheckSampleView | None:
        with self._db.reading() as session:
            event = get_event(session, event_id)
            require_chief_or_organizer(session, self._actor, event_id)
            sample = _sample_of(session, event_id)
            return None if sample is None else _view(session, event, sample)

    def record_check(self, item_id: int, *, error_found: bool, note: str = "") -> RecheckItemRow:
        """One entry re-checked against its signed sheets (may be recorded again)."""
        with self._db.transaction() as session:
            item, event = self._item(session, item_id, open_for_changes=True)
            old = audit.snapshot(item, ("checked", "error_found", "note"))
            item.checked, item.error_found, item.note = True, error_found, note.strip()
            item.checked_by, item.checked_at = self._actor.user_id, utcnow()
            session.flush()
            new = audit.snapshot(item, ("checked", "error_found", "note"))
            self._audit(session, "check", "recheck_item", item.id, new, old)
            return _item_row(item, _codes(session, event)[item.registration_id])

    def marks(self, item_id: int) -> list[RecheckMarkRow]:
        """The sampled entry's marks, criteria in score-sheet order, chief judge first."""
        with self._db.reading() as session:
            item, event = self._item(session, item_id, open_for_changes=False)
            query = select(Mark).where(Mark.registration_id == item.registration_id)
            cells = {(m.criterion_id, m.judge_id): m for m in session.scalars(query)}
            judges = event_judges(session, event.id)
            return [
                RecheckMarkRow(c.key, c.name, j.user_id, j.name, plain(mark.value))
                for c in event_criteria(session, event.id)
                for j in judges
                if (mark := cells.get((c.id, j.user_id))) is not None
            ]

    def correct(
        self, item_id: int, judge_id: int, criterion_key: str, value: Decimal, reason: str
    ) -> RecheckCorrectionRow:
        """复核更正: one judge's mark of a sampled entry corrected in writing, with the
        reason; the entry is then recorded as re-checked with an error found."""
        if not reason.strip():
            raise UserError("reason_missing")
        with self._db.transaction() as session:
            item, event = self._item(session, item_id, open_for_changes=True)
            require_judge(session, event.id, judge_id)
            criterion = criterion_by_key(session, event.id, criterion_key)
            check_value(criterion, value)
            mark = _mark(session, item.registration_id, criterion.id, judge_id)
            old = plain(mark.value)
            if value == old:
                raise UserError("recheck_value_unchanged", value=str(old))
            mark.value, mark.corrected = value, True
            mark.entered_by, mark.entered_at = self._actor.user_id, utcnow()
            change = self._change(mark, old, value, reason.strip())
            session.add(change)
            session.flush()
            self._audit_correction(session, item, criterion_key, mark, change)
            self._flag_error(session, item, change.reason)
            row = _item_row(item, _codes(session, event)[item.registration_id])
            return _correction_row(row, mark, criterion_key, change)

    def status(self, event_id: int, *, threshold: Decimal = DEFAULT_THRESHOLD) -> RecheckStatus:
        """How far the re-check is, and whether its errors call for a full re-check."""
        with self._db.reading() as session:
            get_event(session, event_id)
            require_chief_or_organizer(session, self._actor, event_id)
            sample = _sample_of(session, event_id)
            if sample is None:
                raise UserError("recheck_not_drawn")
            checked = [i for i in sample.items if i.checked]
            errors = sum(i.error_found for i in checked)
            rate = Decimal(errors) / len(checked) if checked else Decimal(0)
            full = recheck_needs_full(len(checked), errors, threshold)
            return RecheckStatus(len(sample.items), len(checked), errors, rate, full)

    def _item(
        self, session: Session, item_id: int, *, open_for_changes: bool
    ) -> tuple[RecheckItem, Event]:
        """A sampled entry and its event, for the chief judge or an organizer (and, to
        change anything, only while re-checks are open)."""
        item = session.get(RecheckItem, item_id)
        if item is None:
            raise NotFound(entity="recheck_item", id=item_id)
        sample = session.get(RecheckSample, item.sample_id)
        assert sample is not None  # a foreign key
        if open_for_changes:
            return item, self._open_event(session, sample.event_id)
        event = get_event(session, sample.event_id)
        require_chief_or_organizer(session, self._actor, event.id)
        return item, event

    def _change(self, mark: Mark, old: Decimal, new: Decimal, reason: str) -> MarkChange:
        return MarkChange(
            mark_id=mark.id,
            old_value=old,
            new_value=new,
            kind=ChangeKind.RECHECK,
            changed_by=self._actor.user_id,
            actor=self._actor.display_name or self._actor.name,
            reason=reason,
        )

    def _flag_error(self, session: Session, item: RecheckItem, reason: str) -> None:
        """The entry counts as re-checked with an error; an empty note takes the reason."""
        if item.checked and item.error_found:
            return
        old = audit.snapshot(item, ("checked", "error_found", "note"))
        item.checked, item.error_found, item.note = True, True, item.note or reason
        item.checked_by, item.checked_at = self._actor.user_id, utcnow()
        session.flush()
        new = audit.snapshot(item, ("checked", "error_found", "note"))
        self._audit(session, "check", "recheck_item", item.id, new, old)

    def _audit_correction(
        self, session: Session, item: RecheckItem, key: str, mark: Mark, change: MarkChange
    ) -> None:
        values = {"recheck_item_id": item.id, "criterion": key, "judge_id": mark.judge_id}
        audit.record(
            session,
            self._actor,
            action="recheck_correct",
            entity="mark",
            entity_id=mark.id,
            old={"value": audit.plain(change.old_value)},
            new=values | {"value": audit.plain(change.new_value)},
            reason=change.reason,
        )

    def _open_event(self, session: Session, event_id: int) -> Event:
        event = get_event(session, event_id)
        require_chief_or_organizer(session, self._actor, event_id)
        require_status(competition_of(session, event), RECHECK_OPEN)
        return event

    def _audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int,
        new: dict[str, object],
        old: dict[str, object] | None = None,
    ) -> None:
        audit.record(
            session,
            self._actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            old=old,
            new=new,
        )


def _sample_of(session: Session, event_id: int) -> RecheckSample | None:
    query = select(RecheckSample).where(RecheckSample.event_id == event_id)
    return session.scalars(query.order_by(RecheckSample.id)).first()


def _mark(session: Session, registration_id: int, criterion_id: int, judge_id: int) -> Mark:
    """The judge's mark of the cell; a re-check corrects marks, it does not add them."""
    query = select(Mark).where(
        Mark.registration_id == registration_id,
        Mark.criterion_id == criterion_id,
        Mark.judge_id == judge_id,
    )
    mark = session.scalar(query)
    if mark is None:
        raise UserError("recheck_mark_missing")
    return mark


def _codes(session: Session, event: Event) -> dict[int, str]:
    query = select(Registration).where(Registration.event_id == event.id)
    return {r.id: entry_code(event.blind, r) for r in session.scalars(query)}


def _item_row(item: RecheckItem, code: str) -> RecheckItemRow:
    return RecheckItemRow(
        item.id,
        item.registration_id,
        code,
        item.checked,
        item.error_found,
        item.note,
        item.checked_at,
    )


def _correction_row(
    item: RecheckItemRow, mark: Mark, key: str, change: MarkChange
) -> RecheckCorrectionRow:
    assert change.old_value is not None and change.new_value is not None  # set just now
    return RecheckCorrectionRow(
        item=item,
        mark_id=mark.id,
        criterion=key,
        judge_id=mark.judge_id,
        old=plain(change.old_value),
        new=plain(change.new_value),
        who=change.actor,
        at=change.at,
        reason=change.reason,
    )


def _view(session: Session, event: Event, sample: RecheckSample) -> RecheckSampleView:
    codes = _codes(session, event)
    items = sorted(sample.items, key=lambda i: i.id)  # inserted in ranking order
    return RecheckSampleView(
        sample.id,
        event.id,
        sample.seed,
        sample.drawn_at,
        tuple(_item_row(i, codes[i.registration_id]) for i in items),
    )
