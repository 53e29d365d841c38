"""Studio conditions: the per-kind, per-level settings (key "studio.conditions" in the
`setting` table) and the facts a studio's records give for checking them.

Defaults follow DOMAIN.md §4. Union studios (劳模 / 工匠): the leader is a 劳模, 五一奖章
holder or 工匠 of the studio's level; running 3+ years; results with benefit: national 5,
provincial 3, city and below 1; 2+ trainings a year; at least one member promoted in 3
years; re-confirmed every 2 years. HR 技能大师工作室: the leader holds 中华技能大奖 or a
技术能手 title of the studio's level, or is a 技师+ with an invention; 5 (national) or 3
people trained to 高级工+ in 3 years; 2+ trainings a year. Member minimums (national 10,
provincial 5, else 3) are placeholders DOMAIN.md does not state: adjust them in settings.
Site, equipment, funds and rules are not in the records and are not checked.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import Setting
from skillsapp.domain.studio_rules import LEVEL_ORDER, HonourFamily, StudioConditions
from skillsapp.domain.studios import StudioKind
from skillsapp.errors import ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor

SETTING_KEY = "studio.conditions"
ConditionTable = dict[StudioKind, dict[HonourLevel, StudioConditions]]

_UNION = (HonourFamily.MODEL_WORKER, HonourFamily.MAY_DAY, HonourFamily.CRAFTSMAN)
_HR = (HonourFamily.GRAND_AWARD, HonourFamily.SKILL_EXPERT)
_COUNTS = (
    "min_years",
    "min_members",
    "min_results",
    "min_trainings",
    "min_trained",
    "trained_years",
    "min_promoted",
    "reconfirm_years",
)


def _union(level: HonourLevel) -> StudioConditions:
    members = {HonourLevel.NATIONAL: 10, HonourLevel.PROVINCIAL: 5}.get(level, 3)
    results = {HonourLevel.NATIONAL: 5, HonourLevel.PROVINCIAL: 3}.get(level, 1)
    return StudioConditions(
        leader_families=_UNION,
        leader_level=level,
        min_years=3,
        min_members=members,
        min_results=results,
        min_trainings=2,
        min_promoted=1,
        reconfirm_years=2,
    )


def _skill_master(level: HonourLevel) -> StudioConditions:
    return StudioConditions(
        leader_families=_HR,
        leader_level=level,
        leader_alt_skill_level=SkillLevel.GRADE2,
        min_trainings=2,
        min_trained=5 if level is HonourLevel.NATIONAL else 3,
        trained_level=SkillLevel.GRADE3,
        trained_years=3,
        reconfirm_years=2,
    )


def default_conditions() -> ConditionTable:
    return {
        kind: {
            level: _skill_master(level) if kind is StudioKind.SKILL_MASTER else _union(level)
            for level in LEVEL_ORDER
        }
        for kind in StudioKind
    }


def check_rules(rules: StudioConditions) -> dict[str, str]:
    """Field → error code for one kind and level's conditions."""
    errors = {name: "studio_condition_negative" for name in _COUNTS if getattr(rules, name) < 0}
    if rules.reconfirm_years < 1:
        errors["reconfirm_years"] = "studio_reconfirm_years_invalid"
    if rules.trained_years < 1:
        errors["trained_years"] = "studio_reconfirm_years_invalid"
    if rules.leader_level is not None and not rules.leader_families:
        errors["leader_families"] = "studio_leader_families_required"
    return errors


# -- JSON


def _skill_text(level: SkillLevel | None) -> str | None:
    return None if level is None else level.name.lower()


def rules_to_json(rules: StudioConditions) -> dict[str, Any]:
    data = dataclasses.asdict(rules)
    data["leader_families"] = [f.value for f in rules.leader_families]
    data["leader_level"] = rules.leader_level.value if rules.leader_level else None
    data["leader_alt_skill_level"] = _skill_text(rules.leader_alt_skill_level)
    data["trained_level"] = _skill_text(rules.trained_level)
    return data


def table_to_json(table: ConditionTable) -> dict[str, Any]:
    return {
        kind.value: {level.value: rules_to_json(r) for level, r in levels.items()}
        for kind, levels in table.items()
    }


def _invalid(detail: str) -> ValidationError:
    return ValidationError({SETTING_KEY: "studio_conditions_invalid"}, detail=detail)


def _rules_from_json(base: StudioConditions, raw: object, where: str) -> StudioConditions:
    if not isinstance(raw, Mapping):
        raise _invalid(where)
    unknown = set(raw) - {f.name for f in dataclasses.fields(StudioConditions)}
    if unknown:
        raise _invalid(f"{where}.{sorted(unknown)[0]}")
    values: dict[str, Any] = {}
    try:
        for name, value in raw.items():
            values[name] = _field_value(name, value)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _invalid(f"{where}.{name}") from exc
    return dataclasses.replace(base, **values)


def _field_value(name: str, value: Any) -> Any:
    if name == "leader_families":
        return tuple(HonourFamily(v) for v in value)
    if name == "leader_level":
        return None if value is None else HonourLevel(value)
    if name in ("leader_alt_skill_level", "trained_level"):
        return None if value is None else SkillLevel[str(value).upper()]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(name)
    return value


def parse_conditions(raw: Mapping[str, Any]) -> ConditionTable:
    """Settings from JSON data, over the defaults; ValidationError names the bad place."""
    table = default_conditions()
    for kind_text, levels in raw.items():
        try:
            kind = StudioKind(kind_text)
        except ValueError as exc:
            raise _invalid(str(kind_text)) from exc
        if not isinstance(levels, Mapping):
            raise _invalid(kind.value)
        for level_text, rules in levels.items():
            try:
                level = HonourLevel(level_text)
            except ValueError as exc:
                raise _invalid(f"{kind.value}.{level_text}") from exc
            where = f"{kind.value}.{level.value}"
            table[kind][level] = _rules_from_json(table[kind][level], rules, where)
    return table


# -- storage


def load_conditions(session: Session) -> ConditionTable:
    """The stored settings over the defaults (a damaged value falls back to them)."""
    text = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))
    if not text:
        return default_conditions()
    try:
        return parse_conditions(json.loads(text))
    except (ValueError, ValidationError):
        return default_conditions()


def save_conditions(session: Session, actor: Actor, table: ConditionTable) -> None:
    """Validate every entry, store the whole table, audit what changed."""
    for kind, levels in table.items():
        for level, rules in levels.items():
            errors = check_rules(rules)
            if errors:
                raise ValidationError(errors, kind=kind.value, level=level.value)
    before = table_to_json(load_conditions(session))
    after = table_to_json(table)
    setting = session.get(Setting, SETTING_KEY)
    text = json.dumps(after, ensure_ascii=False, sort_keys=True)
    if setting is None:
        session.add(Setting(key=SETTING_KEY, value=text))
    else:
        setting.value = text
    old, new = _changed_entries(before, after)
    audit.record(
        session, actor, action="update", entity="setting", entity_id=SETTING_KEY, old=old, new=new
    )


def _changed_entries(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the kind.level entries that differ, as (old, new)."""
    flat_old = {f"{k}.{lv}": r for k, levels in before.items() for lv, r in levels.items()}
    flat_new = {f"{k}.{lv}": r for k, levels in after.items() for lv, r in levels.items()}
    return audit.changed(flat_old, flat_new)
