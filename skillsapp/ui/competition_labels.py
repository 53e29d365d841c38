"""Translated names of the competition enums: kinds, levels, statuses and scoring choices."""

from __future__ import annotations

import decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from skillsapp.domain.competitions import (
    CompetitionKind,
    CompetitionLevel,
    CompetitionStatus,
    RegistrationStatus,
)
from skillsapp.domain.scoring import (
    Aggregation,
    AwardMode,
    ComponentBase,
    CriterionKind,
    MeritMode,
    TeamMode,
)

_CTX = "competition_labels"
ORDER = tuple(CompetitionStatus)

KIND_NAMES = {
    CompetitionKind.SKILLS_CONTEST: QT_TRANSLATE_NOOP("competition_labels", "Skills contest"),
    CompetitionKind.SPORTS_MEET: QT_TRANSLATE_NOOP("competition_labels", "Workers' skills games"),
    CompetitionKind.LABOUR_CONTEST: QT_TRANSLATE_NOOP("competition_labels", "Labour contest"),
    CompetitionKind.DRILL: QT_TRANSLATE_NOOP("competition_labels", "On-the-job drill"),
}
LEVEL_NAMES = {
    CompetitionLevel.NATIONAL: QT_TRANSLATE_NOOP("competition_labels", "National"),
    CompetitionLevel.PROVINCIAL: QT_TRANSLATE_NOOP("competition_labels", "Provincial"),
    CompetitionLevel.CITY: QT_TRANSLATE_NOOP("competition_labels", "City"),
    CompetitionLevel.INDUSTRY: QT_TRANSLATE_NOOP("competition_labels", "Industry"),
    CompetitionLevel.ENTERPRISE: QT_TRANSLATE_NOOP("competition_labels", "Enterprise"),
}
# The stored values are the Chinese class names themselves.
LEVEL_CLASSES = (
    ("", QT_TRANSLATE_NOOP("competition_labels", "(no class)")),
    ("一类", QT_TRANSLATE_NOOP("competition_labels", "Class I")),
    ("二类", QT_TRANSLATE_NOOP("competition_labels", "Class II")),
)
STATUS_NAMES = {
    CompetitionStatus.DRAFT: QT_TRANSLATE_NOOP("competition_labels", "In preparation"),
    CompetitionStatus.REGISTRATION: QT_TRANSLATE_NOOP("competition_labels", "Registration"),
    CompetitionStatus.SCORING: QT_TRANSLATE_NOOP("competition_labels", "Competing"),
    CompetitionStatus.REVIEW: QT_TRANSLATE_NOOP("competition_labels", "Public review"),
    CompetitionStatus.FINAL: QT_TRANSLATE_NOOP("competition_labels", "Final"),
    CompetitionStatus.ARCHIVED: QT_TRANSLATE_NOOP("competition_labels", "Archived"),
}
# The button that moves a competition forward into the key status.
STEP_NAMES = {
    CompetitionStatus.REGISTRATION: QT_TRANSLATE_NOOP("competition_labels", "Open registration"),
    CompetitionStatus.SCORING: QT_TRANSLATE_NOOP("competition_labels", "Start the competition"),
    CompetitionStatus.REVIEW: QT_TRANSLATE_NOOP("competition_labels", "Publish for review"),
    CompetitionStatus.FINAL: QT_TRANSLATE_NOOP("competition_labels", "Finalise"),
    CompetitionStatus.ARCHIVED: QT_TRANSLATE_NOOP("competition_labels", "Archive"),
}
# (text colour, background) of the status badge
STATUS_COLORS = {
    CompetitionStatus.DRAFT: ("#5f6b7a", "#eef1f5"),
    CompetitionStatus.REGISTRATION: ("#1f4e8c", "#dce8f7"),
    CompetitionStatus.SCORING: ("#8a5a00", "#fff4d6"),
    CompetitionStatus.REVIEW: ("#6a3d9a", "#efe6f8"),
    CompetitionStatus.FINAL: ("#2e7d32", "#e3f3e4"),
    CompetitionStatus.ARCHIVED: ("#5f6b7a", "#e4e7eb"),
}
REGISTRATION_STATUS_NAMES = {
    RegistrationStatus.ACTIVE: QT_TRANSLATE_NOOP("competition_labels", "Entered"),
    RegistrationStatus.WITHDRAWN: QT_TRANSLATE_NOOP("competition_labels", "Withdrawn"),
}
CRITERION_KIND_NAMES = {
    CriterionKind.MEASUREMENT: QT_TRANSLATE_NOOP("competition_labels", "Measurement"),
    CriterionKind.JUDGEMENT: QT_TRANSLATE_NOOP("competition_labels", "Judgement"),
}
AGGREGATION_NAMES = {
    Aggregation.MEAN: QT_TRANSLATE_NOOP("competition_labels", "Mean"),
    Aggregation.TRIMMED_MEAN: QT_TRANSLATE_NOOP("competition_labels", "Drop highest and lowest"),
    Aggregation.WORLDSKILLS: QT_TRANSLATE_NOOP("competition_labels", "WorldSkills"),
}
COMPONENT_BASE_NAMES = {
    ComponentBase.SUM: QT_TRANSLATE_NOOP("competition_labels", "Sum of marks"),
    ComponentBase.SCALED: QT_TRANSLATE_NOOP("competition_labels", "Scaled to 100"),
}
AWARD_MODE_NAMES = {
    AwardMode.BY_COUNT: QT_TRANSLATE_NOOP("competition_labels", "By number of places"),
    AwardMode.BY_SHARE: QT_TRANSLATE_NOOP("competition_labels", "By share of the field"),
}
MERIT_MODE_NAMES = {
    MeritMode.COUNT: QT_TRANSLATE_NOOP("competition_labels", "A number of places"),
    MeritMode.TOP_HALF: QT_TRANSLATE_NOOP("competition_labels", "The rest of the top half"),
}
TEAM_MODE_NAMES = {
    TeamMode.BEST_K_SUM: QT_TRANSLATE_NOOP("competition_labels", "Sum of the best members"),
    TeamMode.BEST_K_MEAN: QT_TRANSLATE_NOOP("competition_labels", "Mean of the best members"),
    TeamMode.POINTS_BY_PLACE: QT_TRANSLATE_NOOP("competition_labels", "Points by place"),
    TeamMode.POINTS_BY_AWARD: QT_TRANSLATE_NOOP("competition_labels", "Points by award"),
}
ROUNDING_NAMES = {
    decimal.ROUND_HALF_UP: QT_TRANSLATE_NOOP("competition_labels", "Round half up"),
    decimal.ROUND_HALF_EVEN: QT_TRANSLATE_NOOP("competition_labels", "Round half to even"),
    decimal.ROUND_DOWN: QT_TRANSLATE_NOOP("competition_labels", "Truncate"),
    decimal.ROUND_UP: QT_TRANSLATE_NOOP("competition_labels", "Round up"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def name_of(table: dict, value: object) -> str:
    """The translated name of `value` in `table`, or the value itself."""
    return translate(table[value]) if value in table else str(value or "")


def choices(table: dict) -> list[tuple[str, object]]:
    """(translated name, value) pairs for a combo box, in the table's order."""
    return [(translate(text), value) for value, text in table.items()]


def level_class(value: str) -> str:
    return next((translate(text) for key, text in LEVEL_CLASSES if key == value), value)


def status_color(value: CompetitionStatus) -> QColor:
    return QColor(STATUS_COLORS[value][0])


def status(value: CompetitionStatus) -> str:
    return name_of(STATUS_NAMES, value)


def step(target: CompetitionStatus) -> str:
    return name_of(STEP_NAMES, target)
