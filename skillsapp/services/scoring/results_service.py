"""ResultsService: results pages, drill-down, judges' analysis, publishing and honours.

Results are computed from the current marks on every call (`services.results`);
the snapshot written at 公示 and 已定 (`services.publish`) is what history and
honours read. Every write refuses a locked (已定/归档) competition in the service
itself, except granting titles, which needs 已定.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.competitions import Competition, Event, EventJudge
from skillsapp.domain.roles import Permission
from skillsapp.errors import NotFound, PermissionDenied, UserError
from skillsapp.interchange.results_xlsx import write_sheets
from skillsapp.pdf.results_sheet import LABELS as PDF_LABELS
from skillsapp.pdf.results_sheet import results_pdf
from skillsapp.services.competitions.competitions import get_competition
from skillsapp.services.context import Actor
from skillsapp.services.scoring import publish as publishing
from skillsapp.services.scoring.judge_analysis import JudgeSeverityRow, judge_severity
from skillsapp.services.scoring.publish import HistoryRow, PublishRow
from skillsapp.services.scoring.results import (
    EventComputation,
    competition_events,
    competition_rankings,
    event_ranking,
)
from skillsapp.services.scoring.results_drilldown import (
    ContestantDrilldown,
    drilldown,
    get_registration,
)
from skillsapp.services.scoring.results_export import (
    XLSX_LABELS,
    pdf_frame,
    results_json,
    results_sheet,
    results_sheets,
    severity_sheet,
)
from skillsapp.services.scoring.results_read import (
    EventResultsView,
    UnitStandingRow,
    event_view,
    judge_names,
    standings,
    unit_names,
)
from skillsapp.storage.database import Database


class ResultsService:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        pdf_labels: Mapping[str, str] = PDF_LABELS,
        xlsx_labels: Mapping[str, str] = XLSX_LABELS,
    ) -> None:
        self._db = db
        self._actor = actor
        self._pdf_labels = pdf_labels
        self._xlsx_labels = xlsx_labels

    # ---- reading ----------------------------------------------------------------

    def event_results(self, event_id: int) -> EventResultsView:
        """The results page of one event (its chief judge may see it too)."""
        with self._db.reading() as session:
            event = self._viewable_event(session, event_id)
            return _views(session, [event_ranking(session, event)])[0]

    def recompute_all(self, competition_id: int) -> list[EventResultsView]:
        """Every event's results from the current marks, in event order."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_competition(session, competition_id)
            return _views(session, competition_rankings(session, competition_id))

    def unit_standings(self, competition_id: int) -> list[UnitStandingRow]:
        """A meet's unit standings: each unit's team scores added up over the events."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        with self._db.reading() as session:
            get_competition(session, competition_id)
            computations = competition_rankings(session, competition_id)
            return standings(computations, unit_names(session, computations))

    def drilldown(self, registration_id: int) -> ContestantDrilldown:
        """Every criterion and every judge's mark of one contestant, with its history."""
        with self._db.reading() as session:
            registration = get_registration(session, registration_id)
            event = self._viewable_event(session, registration.event_id)
            computation = event_ranking(session, event)
            if registration_id not in computation.contestants:
                raise UserError("registration_not_active")
            return drilldown(session, computation, registration_id)

    def judge_analysis(self, event_id: int) -> list[JudgeSeverityRow]:
        """Per judge: marks given, mean deviation from the panel, times dropped high/low."""
        with self._db.reading() as session:
            computation = event_ranking(session, self._viewable_event(session, event_id))
            return judge_severity(computation, judge_names(session, computation.panel))

    def judge_analysis_xlsx(self, event_id: int, path: Path) -> Path:
        """The judges' analysis as .xlsx (the severity report organisers ask for)."""
        with self._db.reading() as session:
            computation = event_ranking(session, self._viewable_event(session, event_id))
            names = judge_names(session, computation.panel)
            rows = judge_severity(computation, names)
        criteria = [
            (c.key, c.name) for _, c in computation.scheme.criteria() if c.kind.value == "judgement"
        ]
        sheet = severity_sheet(computation.event_name, rows, criteria, self._xlsx_labels)
        write_sheets(path, [sheet])
        return path

    def competition_history(self, person_id: int) -> list[HistoryRow]:
        """The person's results in settled competitions (the registry's profile page)."""
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return publishing.competition_history(session, person_id)

    # ---- results documents --------------------------------------------------------

    def results_json(self, competition_id: int, event_id: int | None = None) -> dict[str, Any]:
        """The results as the JSON document of `skillsapp results --format json`."""
        with self._db.reading() as session:
            competition, computations = self._computed(session, competition_id, event_id)
            return results_json(competition, _views(session, computations))

    def results_pdf(
        self, competition_id: int, event_id: int | None = None, *, today: dt.date | None = None
    ) -> bytes:
        """成绩表 on A4: one section per event, signature lines for 裁判长 and 监督."""
        labels = self._pdf_labels
        with self._db.reading() as session:
            competition, computations = self._computed(session, competition_id, event_id)
            frame = pdf_frame(competition, labels, today or dt.date.today())
            views = _views(session, computations)
            sheets = [results_sheet(competition, view, labels) for view in views]
        return results_pdf(frame, sheets, labels)

    def results_xlsx(self, competition_id: int, path: Path, event_id: int | None = None) -> Path:
        """One sheet per event (and its teams), then a meet's unit standings."""
        with self._db.reading() as session:
            _, computations = self._computed(session, competition_id, event_id)
            views = _views(session, computations)
            meet = standings(computations, unit_names(session, computations))
        write_sheets(
            path, results_sheets(views, meet if event_id is None else [], self._xlsx_labels)
        )
        return path

    # ---- publishing ---------------------------------------------------------------

    def publish(self, competition_id: int, *, today: dt.date | None = None) -> PublishRow:
        """比赛 → 公示 with the results snapshot (refused while marks are missing);
        in 公示, publish again after an upheld appeal: a new snapshot and notice period."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            return publishing.publish(session, self._actor, competition_id, _day(today))

    def finalize(self, competition_id: int, *, today: dt.date | None = None) -> PublishRow:
        """公示 → 已定 after the notice period with no open appeal; results read-only."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            return publishing.finalize(session, self._actor, competition_id, _day(today))

    def grant_titles(self, competition_id: int, *, today: dt.date | None = None) -> int:
        """The final results' title recommendations as honours, each exactly once."""
        self._actor.require(Permission.MANAGE_COMPETITIONS)
        with self._db.transaction() as session:
            return publishing.grant_titles(session, self._actor, competition_id, _day(today))

    # ---- helpers ------------------------------------------------------------------

    def _viewable_event(self, session: Session, event_id: int) -> Event:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(entity="event", id=event_id)
        if not self._actor.can(Permission.VIEW_COMPETITIONS) and not _is_chief(
            session, event_id, self._actor
        ):
            raise PermissionDenied(permission=Permission.VIEW_COMPETITIONS.value)
        return event

    def _computed(
        self, session: Session, competition_id: int, event_id: int | None
    ) -> tuple[Competition, list[EventComputation]]:
        """The competition's events (or the one asked for, which must be one of them)."""
        self._actor.require(Permission.VIEW_COMPETITIONS)
        competition = get_competition(session, competition_id)
        if event_id is None:
            return competition, competition_rankings(session, competition_id)
        events = [e for e in competition_events(session, competition_id) if e.id == event_id]
        if not events:
            raise NotFound(entity="event", id=event_id)
        return competition, [event_ranking(session, events[0])]


def _views(session: Session, computations: Sequence[EventComputation]) -> list[EventResultsView]:
    judges = judge_names(session, sorted({j for c in computations for j in c.panel}))
    units = unit_names(session, computations)
    return [event_view(c, judges, units) for c in computations]


def _is_chief(session: Session, event_id: int, actor: Actor) -> bool:
    if actor.user_id is None:
        return False
    query = select(EventJudge.chief).where(
        EventJudge.event_id == event_id, EventJudge.user_id == actor.user_id
    )
    return bool(session.scalar(query))


def _day(today: dt.date | None) -> dt.date:
    return today or dt.date.today()
