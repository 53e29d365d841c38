"""The audit log table, with changes written out readably (old → new)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.domain.enums import Gender
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.models import UnitKind
from skillsapp.domain.roles import Role
from skillsapp.services.audit import AuditRow
from skillsapp.ui import labels
from skillsapp.ui.models.list_model import Column, ListTableModel

_CTX = "AuditTableModel"
_ENUMS: dict[str, type] = {"gender": Gender, "role": Role, "kind": UnitKind}


def local_time(moment: dt.datetime) -> str:
    """Stored times are UTC (SQLite returns them without a zone); show local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def value_text(field: str, value: Any) -> str:
    """One stored value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditTableModel", "yes")
            if value
            else QCoreApplication.translate("AuditTableModel", "no")
        )
    if field == "skill_level" and isinstance(value, int):
        return labels.skill_level(SkillLevel(value))
    if field in _ENUMS:
        try:
            enum_value = _ENUMS[field](value)
        except ValueError:
            return str(value)
        return {"gender": labels.gender, "role": labels.role, "kind": labels.unit_kind}[field](
            enum_value
        )
    return str(value)


def changes_text(row: AuditRow) -> str:
    """ "Field: old → new" for updates; the values themselves for creations and deletions."""
    old, new = row.old_values or {}, row.new_values or {}
    parts = []
    rank = {name: i for i, name in enumerate(labels.FIELD_NAMES)}
    for field in sorted({*old, *new}, key=lambda f: (rank.get(f, len(rank)), f)):
        name = labels.field(field)
        if field in old and field in new:
            parts.append(
                f"{name}: {value_text(field, old[field])} → {value_text(field, new[field])}"
            )
        else:
            parts.append(f"{name}: {value_text(field, new.get(field, old.get(field)))}")
    return "；".join(parts)


COLUMNS: tuple[Column[AuditRow], ...] = (
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
        lambda r: local_time(r.at),
        lambda r: r.id,
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("AuditTableModel", "User"), lambda r: r.actor),
    Column(_CTX, QT_TRANSLATE_NOOP("AuditTableModel", "Action"), lambda r: labels.action(r.action)),
    Column(_CTX, QT_TRANSLATE_NOOP("AuditTableModel", "Record"), lambda r: labels.entity(r.entity)),
    Column(
        _CTX,
        QT_TRANSLATE_NOOP("AuditTableModel", "No."),
        lambda r: r.entity_id,
        lambda r: int(r.entity_id) if r.entity_id.isdigit() else 0,
    ),
    Column(_CTX, QT_TRANSLATE_NOOP("AuditTableModel", "Reason"), lambda r: labels.reason(r.reason)),
    Column(_CTX, QT_TRANSLATE_NOOP("AuditTableModel", "Changes"), changes_text),
)


class AuditTableModel(ListTableModel[AuditRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
