"""Printables of a competition: rosters, sign-in sheets and blank score sheets.

Reads the competition once into the read models of `skillsapp.pdf.printables` and
writes PDF bytes, .xlsx score sheets, or the whole set into a folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, selectinload

from skillsapp.domain.competitions import (
    Event,
    EventJudge,
    JudgeBlock,
    Registration,
    RegistrationStatus,
    SchemeComponent,
)
from skillsapp.domain.models import Person, Unit, User
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, UserError
from skillsapp.interchange.score_sheets import (
    ScoreSheetFile,
    SheetCriterion,
    SheetEntry,
    write_score_sheet,
)
from skillsapp.pdf import forms as pdf_forms
from skillsapp.pdf import printables
from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.printables import LABELS, CompetitionView, EntryView, EventView, JudgeView
from skillsapp.pdf.sheets import CriterionLine
from skillsapp.services.competitions.competitions import get_competition
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')
_NAME_MAX = 80

__all__ = ["LABELS", "FormsCancelled", "FormsService"]


class FormsCancelled(UserError):
    code = "forms_cancelled"


@dataclass(frozen=True)
class _Job:
    filename: str
    write: Callable[[Path], None]


class FormsService:
    """Builds the printables of a competition for anyone who may view competitions."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        labels: Mapping[str, str] = LABELS,
        today: dt.date | None = None,
    ) -> None:
        self._db = db
        self._actor = actor
        self._labels = labels
        self._today = today

    def roster_pdf(self, competition_id: int, *, by: str = "event") -> bytes:
        """参赛名单 by event (in start order) or by unit."""
        return self._roster(self._view(competition_id=competition_id), by)

    def sign_in_pdf(self, competition_id: int, event_id: int | None = None) -> bytes:
        """签到表 of every event, or of one."""
        view = self._view(competition_id=competition_id)
        events = view.events if event_id is None else (_event(view, event_id),)
        return self._sign_in(view, events)

    def score_sheet_pdf(self, event_id: int, judge_user_id: int | None = None) -> bytes:
        """The blank 评分表 of an event for one of its judges, or for any judge (None)."""
        view = self._view(event_id=event_id)
        event = _event(view, event_id)
        return self._score_pdf(view, event, _judge(event, judge_user_id))

    def score_sheet_xlsx(self, event_id: int, judge_user_id: int | None, path: Path) -> Path:
        """The 评分表 as .xlsx to fill in and import back; written atomically."""
        view = self._view(event_id=event_id)
        event = _event(view, event_id)
        self._score_xlsx(view, event, _judge(event, judge_user_id), path)
        return path

    def write_all(
        self,
        competition_id: int,
        out_dir: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[Path]:
        """Every printable into `out_dir`; a cancel stops between files, none half-written."""
        jobs = self._jobs(self._view(competition_id=competition_id))
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError("file_unwritable", path=str(out_dir), detail=str(exc)) from exc
        written: list[Path] = []
        for index, job in enumerate(jobs, start=1):
            if cancelled is not None and cancelled():
                raise FormsCancelled(written=len(written))
            job.write(out_dir / job.filename)
            written.append(out_dir / job.filename)
            if progress is not None:
                progress(index, len(jobs))
        logger.info("wrote %d printables of competition %d", len(written), competition_id)
        return written

    def _view(
        self, *, competition_id: int | None = None, event_id: int | None = None
    ) -> CompetitionView:
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            if competition_id is None:
                event = session.get(Event, event_id)
                if event is None:
                    raise NotFound(entity="event", id=event_id)
                competition_id = event.competition_id
            return load_view(session, competition_id)

    def _frame(self, view: CompetitionView) -> PageFrame:
        return printables.page_frame(view, self._labels, self._today or dt.date.today())

    def _roster(self, view: CompetitionView, by: str) -> bytes:
        if by == "event":
            sheets = printables.roster_by_event(view, self._labels)
        elif by == "unit":
            sheets = printables.roster_by_unit(view, self._labels)
        else:
            raise ValueError(f"a roster is by event or by unit, not {by!r}")
        return pdf_forms.roster_pdf(self._frame(view), sheets)

    def _sign_in(self, view: CompetitionView, events: tuple[EventView, ...]) -> bytes:
        sheets = printables.sign_in_sheets(view, events, self._labels)
        return pdf_forms.sign_in_pdf(self._frame(view), sheets)

    def _score_pdf(self, view: CompetitionView, event: EventView, judge: JudgeView | None) -> bytes:
        sheet = printables.score_sheet(view, event, judge, self._labels)
        return pdf_forms.score_sheet_pdf(self._frame(view), [sheet])

    def _score_xlsx(
        self, view: CompetitionView, event: EventView, judge: JudgeView | None, path: Path
    ) -> None:
        blind = event.blind
        sheet = ScoreSheetFile(
            competition_id=view.id,
            competition=view.name,
            event_id=event.id,
            event=event.name,
            judge_user_id=judge.user_id if judge else None,
            judge=judge.name if judge else "",
            blind=blind,
            criteria=tuple(
                SheetCriterion(c.no, c.name, c.max_mark, c.deduction) for c in event.criteria
            ),
            entries=tuple(
                SheetEntry(e.registration_id, *((e.blind_code, "") if blind else (e.bib, e.name)))
                for e in event.marked_by(judge)
            ),
        )
        write_score_sheet(path, sheet)

    def _jobs(self, view: CompetitionView) -> list[_Job]:
        """What write_all writes, in order, each under a unique, Windows-safe name."""
        L, names = self._labels, _Names()
        jobs = [
            _Job(names.take(L["file_roster_event"], ".pdf"), _pdf(self._roster, view, "event")),
            _Job(names.take(L["file_roster_unit"], ".pdf"), _pdf(self._roster, view, "unit")),
            _Job(names.take(L["file_sign_in"], ".pdf"), _pdf(self._sign_in, view, view.events)),
        ]
        for event in view.events:
            for judge in event.judges or (None,):
                who = L["file_judge"].format(name=judge.name) if judge else L["file_blank"]
                stem = f"{L['title']}_{event.name}_{who}"
                jobs.append(
                    _Job(names.take(stem, ".pdf"), _pdf(self._score_pdf, view, event, judge))
                )
                jobs.append(
                    _Job(names.take(stem, ".xlsx"), _xlsx(self._score_xlsx, view, event, judge))
                )
        return jobs


def _event(view: CompetitionView, event_id: int) -> EventView:
    for event in view.events:
        if event.id == event_id:
            return event
    raise NotFound(entity="event", id=event_id)


def _judge(event: EventView, judge_user_id: int | None) -> JudgeView | None:
    if judge_user_id is None:
        return None
    for judge in event.judges:
        if judge.user_id == judge_user_id:
            return judge
    raise NotFound(entity="event_judge", id=judge_user_id)


class _Names:
    """File names safe on Windows and unique (ignoring case) within one run."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, stem: str, suffix: str) -> str:
        base = _UNSAFE.sub("_", stem).strip("._")[:_NAME_MAX] or "_"
        name, number = base + suffix, 1
        while name.casefold() in self._used:
            number += 1
            name = f"{base}_{number}{suffix}"
        self._used.add(name.casefold())
        return name


def _pdf(build: Callable[..., bytes], *args: object) -> Callable[[Path], None]:
    return lambda path: write_atomically(path, build(*args))


def _xlsx(write: Callable[..., None], *args: object) -> Callable[[Path], None]:
    return lambda path: write(*args, path)


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file in the same folder, then a rename: never a half-written file."""
    temp = path.with_name(f".~{path.stem}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError("file_unwritable", path=str(path), detail=str(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


# ---- loading -------------------------------------------------------------------


def load_view(session: Session, competition_id: int) -> CompetitionView:
    """The competition with its events, active entries, criteria and judges."""
    competition = get_competition(session, competition_id)
    events = session.scalars(
        select(Event)
        .where(Event.competition_id == competition_id)
        .order_by(Event.position, Event.id)
        .options(selectinload(Event.components).selectinload(SchemeComponent.criteria))
    ).all()
    ids = [e.id for e in events]
    entries, judges = _entries(session, ids), _judges(session, ids)
    return CompetitionView(
        id=competition.id,
        name=competition.name,
        venue=competition.venue,
        start_date=competition.start_date,
        end_date=competition.end_date,
        events=tuple(
            EventView(
                e.id, e.name, e.blind, _criteria(e), tuple(entries[e.id]), tuple(judges[e.id])
            )
            for e in events
        ),
    )


def _criteria(event: Event) -> tuple[CriterionLine, ...]:
    return tuple(
        CriterionLine(c.key, c.name, c.requirement, _norm(c.max_mark), c.standard, c.deduction)
        for component in event.components
        for c in component.criteria
    )


def _norm(value: Decimal) -> Decimal:
    """Numeric columns hand back 30.0000; print 30."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _entries(session: Session, event_ids: Sequence[int]) -> dict[int, list[EntryView]]:
    """Active registrations per event, in start order (undrawn last), then bib."""
    entered, home = aliased(Unit), aliased(Unit)
    rows = session.execute(
        select(Registration, Person.name, Person.gender, func.coalesce(entered.name, home.name))
        .join(Person, Registration.person_id == Person.id)
        .outerjoin(entered, Registration.unit_id == entered.id)
        .outerjoin(home, Person.unit_id == home.id)
        .where(
            Registration.event_id.in_(event_ids),
            Registration.status == RegistrationStatus.ACTIVE,
        )
        .order_by(
            Registration.start_order.is_(None),
            Registration.start_order,
            Registration.bib,
            Registration.id,
        )
    ).all()
    result: dict[int, list[EntryView]] = defaultdict(list)
    for reg, name, gender, unit in rows:
        entry = EntryView(
            reg.id,
            reg.bib or "",
            reg.blind_code or "",
            name,
            gender.value,
            unit or "",
            reg.is_leader,
            reg.team_name,
            reg.note,
        )
        result[reg.event_id].append(entry)
    return result


def _judges(session: Session, event_ids: Sequence[int]) -> dict[int, list[JudgeView]]:
    """Each event's judges, chief first, with the registrations each is kept from."""
    blocks: dict[int, set[int]] = defaultdict(set)
    for judge_id, registration_id in session.execute(
        select(JudgeBlock.event_judge_id, JudgeBlock.registration_id)
        .join(EventJudge, JudgeBlock.event_judge_id == EventJudge.id)
        .where(EventJudge.event_id.in_(event_ids))
    ):
        blocks[judge_id].add(registration_id)
    rows = session.execute(
        select(EventJudge.id, EventJudge.event_id, User.id, User.display_name, User.username)
        .join(User, EventJudge.user_id == User.id)
        .where(EventJudge.event_id.in_(event_ids))
        .order_by(EventJudge.chief.desc(), User.display_name, User.id)
    ).all()
    result: dict[int, list[JudgeView]] = defaultdict(list)
    for judge_id, event_id, user_id, display, username in rows:
        view = JudgeView(user_id, display or username, frozenset(blocks[judge_id]))
        result[event_id].append(view)
    return result
