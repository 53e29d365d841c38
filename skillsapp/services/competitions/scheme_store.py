"""Storing an event's SchemeSpec in its rows (components, criteria, settings)."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy.orm import object_session

from skillsapp.domain.competitions import Event, SchemeComponent, SchemeCriterion
from skillsapp.domain.scheme_doc import (
    ComponentSpec,
    CriterionSpec,
    SchemeSpec,
    award_rule_from_json,
    award_rule_to_json,
    spec_from_json,
    spec_to_json,
)
from skillsapp.domain.scoring import Aggregation, ComponentBase, CriterionKind


def _criterion(row: SchemeCriterion) -> CriterionSpec:
    return CriterionSpec(
        key=row.key,
        name=row.name,
        max_mark=_norm(row.max_mark),
        kind=CriterionKind(row.kind),
        aggregation=Aggregation(row.aggregation),
        step=None if row.step is None else _norm(row.step),
        deduction=row.deduction,
        requirement=row.requirement,
        standard=row.standard,
    )


def _norm(value: Decimal) -> Decimal:
    """Numeric columns hand back trailing zeros (30.0000); show 30."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def load_spec(event: Event) -> SchemeSpec:
    components = tuple(
        ComponentSpec(
            c.key,
            c.name,
            _norm(c.weight),
            tuple(_criterion(x) for x in c.criteria),
            ComponentBase(c.base),
        )
        for c in event.components
    )
    settings = spec_from_json(
        {
            "format": "skillsapp.scheme/1",
            "components": [],
            "tie_breaks": json.loads(event.tie_breaks or "[]"),
            "titles": json.loads(event.title_rules or "[]"),
        }
    )
    award = json.loads(event.award_rule or "{}")
    return SchemeSpec(
        components=components,
        rounding_decimals=event.rounding_decimals,
        rounding_mode=event.rounding_mode,
        tie_breaks=settings.tie_breaks,
        trim_threshold=event.trim_threshold,
        worldskills_max_spread=_norm(event.worldskills_max_spread),
        min_field=event.min_field,
        time_used=event.time_used,
        award_rule=award_rule_from_json(award) if award else SchemeSpec().award_rule,
        title_rules=settings.title_rules,
    )


def store_spec(event: Event, spec: SchemeSpec) -> None:
    """Replace the event's scheme rows with `spec` (validated by the caller)."""
    document = spec_to_json(spec)
    session = object_session(event)
    if session is not None and event.components:
        # The old rows must go first: (event_id, key) is unique and the unit of work
        # would insert the new components before deleting the old ones.
        event.components = []
        session.flush()
    event.components = [
        SchemeComponent(
            position=i,
            key=c.key,
            name=c.name,
            weight=c.weight,
            base=c.base.value,
            criteria=[_criterion_row(j, x) for j, x in enumerate(c.criteria)],
        )
        for i, c in enumerate(spec.components)
    ]
    event.rounding_decimals, event.rounding_mode = spec.rounding_decimals, spec.rounding_mode
    event.trim_threshold = spec.trim_threshold
    event.worldskills_max_spread = spec.worldskills_max_spread
    event.min_field, event.time_used = spec.min_field, spec.time_used
    event.tie_breaks = json.dumps(document["tie_breaks"], ensure_ascii=False)
    event.award_rule = json.dumps(award_rule_to_json(spec.award_rule), ensure_ascii=False)
    event.title_rules = json.dumps(document["titles"], ensure_ascii=False)


def _criterion_row(position: int, spec: CriterionSpec) -> SchemeCriterion:
    return SchemeCriterion(
        position=position,
        key=spec.key,
        name=spec.name,
        max_mark=spec.max_mark,
        kind=spec.kind.value,
        aggregation=spec.aggregation.value,
        step=spec.step,
        deduction=spec.deduction,
        requirement=spec.requirement,
        standard=spec.standard,
    )
