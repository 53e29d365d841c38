"""Translated names of the studio enums, the member make-up line and the conditions."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studio_rules import (
    ConditionCheck,
    HonourFamily,
    MemberMakeup,
    StudioConditions,
)
from skillsapp.domain.studios import InnovationKind, PatentKind, StudioKind, StudioStatus
from skillsapp.ui import labels
from skillsapp.ui.talent_labels import honour_level

_CTX = "studio_labels"

KIND_NAMES = {
    StudioKind.MODEL_WORKER: QT_TRANSLATE_NOOP("studio_labels", "Model worker's studio"),
    StudioKind.CRAFTSMAN: QT_TRANSLATE_NOOP("studio_labels", "Model worker and craftsman studio"),
    StudioKind.SKILL_MASTER: QT_TRANSLATE_NOOP("studio_labels", "Skill master studio"),
}
STATUS_NAMES = {
    StudioStatus.ACTIVE: QT_TRANSLATE_NOOP("studio_labels", "Active"),
    StudioStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("studio_labels", "Under re-examination"),
    StudioStatus.REVOKED: QT_TRANSLATE_NOOP("studio_labels", "Revoked"),
}
INNOVATION_KIND_NAMES = {
    InnovationKind.TECHNICAL_INNOVATION: QT_TRANSLATE_NOOP("studio_labels", "Technical innovation"),
    InnovationKind.INVENTION: QT_TRANSLATE_NOOP("studio_labels", "Invention"),
    InnovationKind.RATIONALISATION: QT_TRANSLATE_NOOP("studio_labels", "Rationalisation proposal"),
    InnovationKind.QC: QT_TRANSLATE_NOOP("studio_labels", "QC result"),
    InnovationKind.CONSTRUCTION_METHOD: QT_TRANSLATE_NOOP("studio_labels", "Construction method"),
    InnovationKind.OTHER: QT_TRANSLATE_NOOP("studio_labels", "Other"),
}
PATENT_KIND_NAMES = {
    PatentKind.INVENTION: QT_TRANSLATE_NOOP("studio_labels", "Invention patent"),
    PatentKind.UTILITY_MODEL: QT_TRANSLATE_NOOP("studio_labels", "Utility model"),
    PatentKind.DESIGN: QT_TRANSLATE_NOOP("studio_labels", "Design patent"),
}
FAMILY_NAMES = {
    HonourFamily.GRAND_AWARD: QT_TRANSLATE_NOOP("studio_labels", "China Skills Grand Award"),
    HonourFamily.SKILL_EXPERT: QT_TRANSLATE_NOOP("studio_labels", "technical expert"),
    HonourFamily.MODEL_WORKER: QT_TRANSLATE_NOOP("studio_labels", "model worker"),
    HonourFamily.MAY_DAY: QT_TRANSLATE_NOOP("studio_labels", "May Day Labour Medal"),
    HonourFamily.CRAFTSMAN: QT_TRANSLATE_NOOP("studio_labels", "craftsman"),
}
# "全国技术能手": the level as a prefix of an honour's name
LEVEL_PREFIXES = {
    HonourLevel.NATIONAL: QT_TRANSLATE_NOOP("studio_labels", "national"),
    HonourLevel.PROVINCIAL: QT_TRANSLATE_NOOP("studio_labels", "provincial"),
    HonourLevel.CITY: QT_TRANSLATE_NOOP("studio_labels", "city"),
    HonourLevel.COUNTY: QT_TRANSLATE_NOOP("studio_labels", "county"),
    HonourLevel.INDUSTRY: QT_TRANSLATE_NOOP("studio_labels", "industry"),
    HonourLevel.ENTERPRISE: QT_TRANSLATE_NOOP("studio_labels", "enterprise"),
}
CONDITION_NAMES = {
    "leader_honour": QT_TRANSLATE_NOOP("studio_labels", "Leader's honour level"),
    "years_running": QT_TRANSLATE_NOOP("studio_labels", "Years running"),
    "members": QT_TRANSLATE_NOOP("studio_labels", "Current members"),
    "results": QT_TRANSLATE_NOOP("studio_labels", "Results with benefit, last {years} years"),
    "trainings": QT_TRANSLATE_NOOP("studio_labels", "Trainings in the last year"),
    "trained": QT_TRANSLATE_NOOP("studio_labels", "Trained to {level} or above, {years} years"),
    "promoted": QT_TRANSLATE_NOOP("studio_labels", "Members promoted, last {years} years"),
}
METRIC_NAMES = {
    "innovations": QT_TRANSLATE_NOOP("studio_labels", "Innovation results"),
    "applied": QT_TRANSLATE_NOOP("studio_labels", "Results put into use"),
    "patents": QT_TRANSLATE_NOOP("studio_labels", "Patents"),
    "benefit": QT_TRANSLATE_NOOP("studio_labels", "Economic benefit (10k yuan)"),
    "awards": QT_TRANSLATE_NOOP("studio_labels", "Results with awards"),
    "trained": QT_TRANSLATE_NOOP("studio_labels", "Talents trained"),
    "promoted": QT_TRANSLATE_NOOP("studio_labels", "Talents promoted"),
    "trainings": QT_TRANSLATE_NOOP("studio_labels", "Trainings held"),
}
_FAMILY_ORDER = tuple(FAMILY_NAMES)


def translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def name_of(table: dict, value: object) -> str:
    """The translated name of `value`; "" for None, the raw value when unknown."""
    if value is None:
        return ""
    return translate(table[value]) if value in table else str(value)


def choices(table: dict) -> list[tuple[str, Enum]]:
    """(translated name, value) pairs in the table's order, for a combo box."""
    return [(translate(text), value) for value, text in table.items()]


def kind(value: StudioKind) -> str:
    return name_of(KIND_NAMES, value)


def status(value: StudioStatus) -> str:
    return name_of(STATUS_NAMES, value)


def metric(key: str, label: str = "") -> str:
    """A computed metric's name, or a manual metric's own label."""
    return label or name_of(METRIC_NAMES, key)


def short_level(level: object) -> str:
    """ "技师", not "二级/技师": how unions count people."""
    return labels.skill_level(level).split("/")[-1].strip()  # type: ignore[arg-type]


def _honour_parts(makeup: MemberMakeup) -> list[str]:
    groups = []
    for family in _FAMILY_ORDER:
        items = []
        for index, (level, count) in enumerate(makeup.honours.get(family, ())):
            prefix = name_of(LEVEL_PREFIXES, level)
            name = QCoreApplication.translate("studio_labels", "{level} {family}").format(
                level=prefix, family=name_of(FAMILY_NAMES, family)
            )
            items.append(f"{name if index == 0 else prefix} {count}")
        if items:
            groups.append(QCoreApplication.translate("studio_labels", ", ").join(items))
    return groups


def makeup_text(makeup: MemberMakeup) -> str:
    """ "26 人：高级工程师 10，工程师 3，高级技师 4，技师 9；全国技术能手 2，省级 5，市级 8"."""
    counts = [f"{title} {n}" for title, n in makeup.by_title]
    counts += [f"{short_level(level)} {n}" for level, n in makeup.by_skill_level]
    parts = [QCoreApplication.translate("studio_labels", ", ").join(counts)] if counts else []
    parts += _honour_parts(makeup)
    head = QCoreApplication.translate("studio_labels", "{count} people").format(count=makeup.total)
    if not parts:
        return head
    return QCoreApplication.translate("studio_labels", "{head}: {parts}").format(
        head=head, parts=QCoreApplication.translate("studio_labels", "; ").join(parts)
    )


def condition_name(check: ConditionCheck, rules: StudioConditions) -> str:
    years = rules.trained_years if check.key in ("trained", "promoted") else rules.reconfirm_years
    level = short_level(rules.trained_level) if rules.trained_level is not None else ""
    return name_of(CONDITION_NAMES, check.key).format(years=years, level=level)


def condition_value(check: ConditionCheck, value: int | str) -> str:
    """A required or actual value as the conditions table shows it."""
    if check.key != "leader_honour":
        return str(value)
    text = str(value)
    if text.startswith("skill:"):
        return QCoreApplication.translate("studio_labels", "Technician or above with an invention")
    return (
        honour_level(HonourLevel(text))
        if text
        else QCoreApplication.translate("studio_labels", "none")
    )
