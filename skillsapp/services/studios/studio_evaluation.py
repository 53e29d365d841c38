"""年度考核: evaluation plans (weighted metrics), manual scores, the ranking computed from
the year's records (formula: skillsapp.domain.studio_rules), and the evaluation sheets."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.roles import Permission
from skillsapp.domain.studio_rules import (
    EvaluationInput,
    Metric,
    RankedStudio,
    check_metrics,
    rank_studios,
)
from skillsapp.domain.studios import (
    EvaluationPlan,
    EvaluationScore,
    Innovation,
    Studio,
    StudioStatus,
    StudioTraining,
    TalentTrained,
)
from skillsapp.errors import UserError, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.studios.studio_record_writes import fetch
from skillsapp.storage.database import Database

FIRST_YEAR = 1949


@dataclass(frozen=True)
class PlanInput:
    year: int
    name: str
    metrics: tuple[Metric, ...]


@dataclass(frozen=True)
class PlanRow:
    id: int
    year: int
    name: str
    metrics: tuple[Metric, ...]
    version: int


@dataclass(frozen=True)
class ManualScores:
    studio_id: int
    scores: Mapping[str, Decimal]
    note: str


@dataclass(frozen=True)
class Ranking:
    plan: PlanRow
    rows: tuple[RankedStudio, ...]
    notes: Mapping[int, str]  # studio id → the reviewers' note


def metrics_to_json(metrics: tuple[Metric, ...]) -> str:
    items = [
        {
            "key": m.key,
            "weight": str(m.weight),
            "label": m.label,
            "manual": m.manual,
            "max_score": None if m.max_score is None else str(m.max_score),
        }
        for m in metrics
    ]
    return json.dumps(items, ensure_ascii=False)


def metrics_from_json(text: str) -> tuple[Metric, ...]:
    return tuple(
        Metric(
            key=item["key"],
            weight=Decimal(item["weight"]),
            label=item.get("label", ""),
            manual=bool(item.get("manual", False)),
            max_score=None if item.get("max_score") is None else Decimal(item["max_score"]),
        )
        for item in json.loads(text or "[]")
    )


def _plan_row(plan: EvaluationPlan) -> PlanRow:
    return PlanRow(plan.id, plan.year, plan.name, metrics_from_json(plan.metrics), plan.version)


def _clean_plan(session: Session, data: PlanInput, plan_id: int | None) -> PlanInput:
    name = " ".join(data.name.split())
    errors = check_metrics(data.metrics)
    if not name:
        errors["name"] = "evaluation_name_required"
    elif len(name) > 120:
        errors["name"] = "text_too_long"
    if not FIRST_YEAR <= data.year <= dt.date.today().year + 1:
        errors["year"] = "year_invalid"
    clash = session.scalar(
        select(EvaluationPlan.id).where(
            EvaluationPlan.year == data.year, EvaluationPlan.name == name
        )
    )
    if clash is not None and clash != plan_id:
        errors["name"] = "evaluation_plan_taken"
    if errors:
        raise ValidationError(errors)
    metrics = tuple(
        Metric(m.key, m.weight, m.label.strip(), m.manual, m.max_score) for m in data.metrics
    )
    return PlanInput(data.year, name, metrics)


def _year_values(
    session: Session, year: int, level: HonourLevel | None
) -> dict[int, dict[str, Decimal]]:
    """Studio id → computed metric → value, for the studios ranked (not revoked)."""
    studios = select(Studio.id).where(Studio.status != StudioStatus.REVOKED)
    if level is not None:
        studios = studios.where(Studio.level == level)
    values: dict[int, dict[str, Decimal]] = {sid: {} for sid in session.scalars(studios)}
    queries = _year_queries(year)
    for query, keys in queries:
        for studio_id, *found in session.execute(query):
            if studio_id in values:
                values[studio_id].update(
                    {k: Decimal(v or 0) for k, v in zip(keys, found, strict=True)}
                )
    return values


def _year_queries(year: int) -> list[tuple[Any, tuple[str, ...]]]:
    results = (
        select(
            Innovation.studio_id,
            func.count(),
            func.sum(case((Innovation.applied, 1), else_=0)),
            func.sum(case((Innovation.patent_kind.is_not(None), 1), else_=0)),
            func.sum(Innovation.benefit),
            func.sum(case((Innovation.awards != "", 1), else_=0)),
        )
        .where(Innovation.year == year)
        .group_by(Innovation.studio_id)
    )
    talents = (
        select(
            TalentTrained.studio_id,
            func.count(),
            func.sum(case((TalentTrained.promoted, 1), else_=0)),
        )
        .where(TalentTrained.year == year)
        .group_by(TalentTrained.studio_id)
    )
    trainings = (
        select(StudioTraining.studio_id, func.count())
        .where(StudioTraining.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        .group_by(StudioTraining.studio_id)
    )
    return [
        (results, ("innovations", "applied", "patents", "benefit", "awards")),
        (talents, ("trained", "promoted")),
        (trainings, ("trainings",)),
    ]


def _manual_errors(metrics: tuple[Metric, ...], scores: Mapping[str, Decimal]) -> dict[str, str]:
    manual = {m.key: m for m in metrics if m.manual}
    errors: dict[str, str] = {}
    for key, value in scores.items():
        metric = manual.get(key)
        if metric is None:
            errors[key] = "evaluation_metric_unknown"
            continue
        try:
            in_range = Decimal(0) <= value <= (metric.max_score or Decimal(0))
        except (InvalidOperation, TypeError):
            in_range = False
        if not in_range:
            errors[key] = "evaluation_score_out_of_range"
    return errors


class EvaluationService:
    """Plans and manual scores (organizers), rankings and sheets (anyone who views studios)."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    def plans(self, year: int | None = None) -> list[PlanRow]:
        self._actor.require(Permission.VIEW_STUDIOS)
        query = select(EvaluationPlan).order_by(EvaluationPlan.year.desc(), EvaluationPlan.name)
        if year is not None:
            query = query.where(EvaluationPlan.year == year)
        with self._db.reading() as session:
            return [_plan_row(plan) for plan in session.scalars(query)]

    def add_plan(self, data: PlanInput) -> PlanRow:
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            clean = _clean_plan(session, data, None)
            plan = EvaluationPlan(
                year=clean.year, name=clean.name, metrics=metrics_to_json(clean.metrics)
            )
            session.add(plan)
            session.flush()
            self._log(session, "create", "evaluation_plan", plan.id, new=_snapshot(plan))
            return _plan_row(plan)

    def update_plan(
        self, plan_id: int, data: PlanInput, *, expected_version: int | None = None
    ) -> PlanRow:
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            plan = fetch(session, EvaluationPlan, "evaluation_plan", plan_id, expected_version)
            clean = _clean_plan(session, data, plan_id)
            before = _snapshot(plan)
            plan.year, plan.name = clean.year, clean.name
            plan.metrics = metrics_to_json(clean.metrics)
            session.flush()
            old, new = audit.changed(before, _snapshot(plan))
            self._log(session, "update", "evaluation_plan", plan.id, old=old, new=new)
            return _plan_row(plan)

    def delete_plan(self, plan_id: int) -> None:
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            plan = fetch(session, EvaluationPlan, "evaluation_plan", plan_id)
            self._log(session, "delete", "evaluation_plan", plan.id, old=_snapshot(plan))
            session.delete(plan)

    def set_manual_scores(
        self, plan_id: int, studio_id: int, scores: Mapping[str, Decimal], *, note: str = ""
    ) -> ManualScores:
        """Record a studio's scores for the plan's manual metrics (0 … max score each)."""
        self._actor.require(Permission.MANAGE_STUDIOS)
        with self._db.transaction() as session:
            plan = fetch(session, EvaluationPlan, "evaluation_plan", plan_id)
            fetch(session, Studio, "studio", studio_id)
            errors = _manual_errors(metrics_from_json(plan.metrics), scores)
            if errors:
                raise ValidationError(errors)
            row = session.scalar(
                select(EvaluationScore).where(
                    EvaluationScore.plan_id == plan_id, EvaluationScore.studio_id == studio_id
                )
            )
            if row is None:
                row = EvaluationScore(plan_id=plan_id, studio_id=studio_id, manual="{}", note="")
                session.add(row)
            old = {"manual": row.manual, "note": row.note}
            row.manual = json.dumps({k: str(v) for k, v in sorted(scores.items())})
            row.note = note.strip()
            session.flush()
            before, after = audit.changed(old, {"manual": row.manual, "note": row.note})
            self._log(session, "update", "evaluation_score", row.id, old=before, new=after)
            return ManualScores(studio_id, dict(scores), row.note)

    def manual_scores(self, plan_id: int) -> dict[int, ManualScores]:
        self._actor.require(Permission.VIEW_STUDIOS)
        with self._db.reading() as session:
            return _manual(session, plan_id)

    def ranking(self, plan_id: int, *, level: HonourLevel | None = None) -> Ranking:
        """The studios (not revoked; of `level` if given) ranked by the plan."""
        self._actor.require(Permission.VIEW_STUDIOS)
        with self._db.reading() as session:
            plan = _plan_row(fetch(session, EvaluationPlan, "evaluation_plan", plan_id))
            values = _year_values(session, plan.year, level)
            manual = _manual(session, plan_id)
            names = dict(session.execute(select(Studio.id, Studio.name)).all())
        inputs = [
            EvaluationInput(sid, names[sid], v, manual[sid].scores if sid in manual else {})
            for sid, v in values.items()
        ]
        notes = {sid: m.note for sid, m in manual.items() if m.note}
        return Ranking(plan, tuple(rank_studios(plan.metrics, inputs)), notes)

    def evaluation_sheet_pdf(
        self, plan_id: int, studio_id: int | None = None, *, level: HonourLevel | None = None
    ) -> bytes:
        """年度考核表 of one studio, or of every ranked studio in rank order."""
        from skillsapp.services.studios.studio_printing import evaluation_pdf

        ranking = self.ranking(plan_id, level=level)
        rows = [r for r in ranking.rows if studio_id is None or r.studio_id == studio_id]
        if not rows:
            raise UserError("evaluation_studio_not_ranked")
        return evaluation_pdf(ranking, rows, self._today or dt.date.today())

    def _log(self, session: Session, action: str, entity: str, key: int, **kw: Any) -> None:
        audit.record(session, self._actor, action=action, entity=entity, entity_id=key, **kw)


def _snapshot(plan: EvaluationPlan) -> dict[str, Any]:
    return audit.snapshot(plan, ("year", "name", "metrics"))


def _manual(session: Session, plan_id: int) -> dict[int, ManualScores]:
    query = select(EvaluationScore).where(EvaluationScore.plan_id == plan_id)
    return {
        row.studio_id: ManualScores(
            row.studio_id,
            {k: Decimal(v) for k, v in json.loads(row.manual or "{}").items()},
            row.note,
        )
        for row in session.scalars(query)
    }
