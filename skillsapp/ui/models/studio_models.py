"""The tables of the studio pages: the list, members, results, trainings, talents and the
conditions check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from skillsapp.domain.studio_rules import ConditionCheck, StudioConditions
from skillsapp.services.studios.studio_detail import MemberRow
from skillsapp.services.studios.studio_queries import StudioRow
from skillsapp.services.studios.studio_records import InnovationRow, TalentRow, TrainingRow
from skillsapp.ui import labels
from skillsapp.ui import studio_labels as sl
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.formatting import date_text, decimal_text
from skillsapp.ui.models.list_model import Column, Index, ListTableModel

_C = "StudioModels"
MET, NOT_MET = QColor("#2e7d32"), QColor("#c62828")


def _yes(value: bool) -> str:
    return QCoreApplication.translate("StudioModels", "yes") if value else ""


def _level(row: StudioRow) -> str:
    if not row.demonstration:
        return tl.honour_level(row.level)
    demonstration = QCoreApplication.translate("StudioModels", "demonstration")
    return f"{tl.honour_level(row.level)} · {demonstration}"


def _due(row: StudioRow) -> str:
    text = date_text(row.reconfirm_due_on)
    return f"{text} ⚠" if row.due else text


def _money(value: Any) -> str:
    return decimal_text(value) if value else ""


STUDIO_COLUMNS: tuple[Column[StudioRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Studio"), lambda r: r.name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Kind"), lambda r: sl.kind(r.kind)),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Level"), _level),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Host unit"), lambda r: r.host_unit_name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Leader"), lambda r: r.leader_name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Status"), lambda r: sl.status(r.status)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Members"),
        lambda r: str(r.members),
        lambda r: r.members,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Results"),
        lambda r: str(r.innovations),
        lambda r: r.innovations,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Patents"),
        lambda r: str(r.patents),
        lambda r: r.patents,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Benefit (10k yuan)"),
        lambda r: _money(r.benefit),
        lambda r: float(r.benefit),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Re-examination due"),
        _due,
        lambda r: date_text(r.reconfirm_due_on),
    ),
)
MEMBER_COLUMNS: tuple[Column[MemberRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Name"), lambda m: m.name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Role"), lambda m: m.role),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Unit"), lambda m: m.unit_name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Professional title"), lambda m: m.title),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Skill level"),
        lambda m: labels.skill_level(m.skill_level),
        lambda m: -1 if m.skill_level is None else int(m.skill_level),
    ),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Joined"), lambda m: date_text(m.joined_on)),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Left"), lambda m: date_text(m.left_on)),
)
INNOVATION_COLUMNS: tuple[Column[InnovationRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Result"), lambda i: i.title),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Year"), lambda i: str(i.year), lambda i: i.year),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Kind"),
        lambda i: sl.name_of(sl.INNOVATION_KIND_NAMES, i.kind),
    ),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "In use"), lambda i: _yes(i.applied)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Patent"),
        lambda i: f"{sl.name_of(sl.PATENT_KIND_NAMES, i.patent_kind)} {i.patent_number}".strip(),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Benefit (10k yuan)"),
        lambda i: _money(i.benefit),
        lambda i: float(i.benefit),
    ),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Awards"), lambda i: i.awards),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Contributors"),
        lambda i: "、".join(p.name for p in i.contributors),
    ),
)
TRAINING_COLUMNS: tuple[Column[TrainingRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Date"), lambda t: date_text(t.held_on)),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Training"), lambda t: t.title),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Attendees"),
        lambda t: str(t.attendees),
        lambda t: t.attendees,
    ),
)
TALENT_COLUMNS: tuple[Column[TalentRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Name"), lambda t: t.name),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Year"), lambda t: str(t.year), lambda t: t.year),
    Column(
        _C,
        QT_TRANSLATE_NOOP("StudioModels", "Level reached"),
        lambda t: labels.skill_level(t.level_reached),
    ),
    Column(_C, QT_TRANSLATE_NOOP("StudioModels", "Promoted"), lambda t: _yes(t.promoted)),
)


class StudioTableModel(ListTableModel[StudioRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(STUDIO_COLUMNS, parent)


class MemberTableModel(ListTableModel[MemberRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MEMBER_COLUMNS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Former members in grey."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if not self.row_at(index.row()).current:
                return QColor("#8a94a3")
            return None
        return super().data(index, role)


class StudioInnovationTableModel(ListTableModel[InnovationRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(INNOVATION_COLUMNS, parent)


class TrainingTableModel(ListTableModel[TrainingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TRAINING_COLUMNS, parent)


class TalentTableModel(ListTableModel[TalentRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TALENT_COLUMNS, parent)


class ConditionTableModel(ListTableModel[ConditionCheck]):
    """Condition, required, actual, met ✓ / ✗ (green or red); `set_rules` first."""

    VERDICT = 3

    def __init__(self, parent: Any = None) -> None:
        self._rules = StudioConditions()
        columns: tuple[Column[ConditionCheck], ...] = (
            Column(
                _C,
                QT_TRANSLATE_NOOP("StudioModels", "Condition"),
                lambda c: sl.condition_name(c, self._rules),
            ),
            Column(
                _C,
                QT_TRANSLATE_NOOP("StudioModels", "Required"),
                lambda c: "≥ " + sl.condition_value(c, c.required),
            ),
            Column(
                _C,
                QT_TRANSLATE_NOOP("StudioModels", "Actual"),
                lambda c: sl.condition_value(c, c.actual),
            ),
            Column(
                _C,
                QT_TRANSLATE_NOOP("StudioModels", "Met"),
                lambda c: "✓" if c.met else "✗",
            ),
        )
        super().__init__(columns, parent)

    def set_rules(self, rules: StudioConditions) -> None:
        self._rules = rules

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        verdict = index.isValid() and index.column() == self.VERDICT
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return (MET if self.row_at(index.row()).met else NOT_MET) if verdict else None
        if role == Qt.ItemDataRole.TextAlignmentRole and verdict:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)
