"""A competition's fields: the basics (wizard page 1) and the rules (wizard page 2)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from skillsapp.domain.competitions import CompetitionKind, CompetitionLevel
from skillsapp.services.competitions.competitions import CompetitionInput
from skillsapp.services.units import UnitRow
from skillsapp.ui import competition_labels as cl
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.form import FieldError, with_error
from skillsapp.ui.widgets.unit_checklist import UnitChecklist

CODE_PATTERN = QRegularExpression("[A-Za-z0-9]{0,20}")


def _combo(items: Sequence[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _spin(
    low: int, high: int, *, special: str = "", prefix: str = "", suffix: str = ""
) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSpecialValueText(special)
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    spin.setMaximumWidth(180)
    return spin


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class _Form(QWidget):
    """A form layout whose rows carry an inline error (keyed by CompetitionInput field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.errors: dict[str, FieldError] = {}

    def _row(self, key: str, label: str, widget: QWidget) -> None:
        box, self.errors[key] = with_error(widget)
        self.form.addRow(label, box)

    def show_errors(self, field_errors: dict[str, str], text: Any) -> None:
        """Show `text(code)` under each field in `field_errors`; clear the others."""
        for key, error in self.errors.items():
            error.show_message(text(field_errors[key]) if key in field_errors else "")

    def set_editable(self, editable: bool) -> None:
        for child in self.findChildren(QWidget):
            if not isinstance(child, FieldError):
                child.setEnabled(editable)


class CompetitionBasicsForm(_Form):
    """Name, code, edition, kind, level and class, organizers, dates and venue."""

    def __init__(self, units: Sequence[UnitRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(units)

    def _build_ui(self, units: Sequence[UnitRow]) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 2025 Jiaozuo Workers' Skills Contest"))
        self.code = QLineEdit()
        self.code.setValidator(QRegularExpressionValidator(CODE_PATTERN, self.code))
        self.code.setPlaceholderText(self.tr("Letters and digits, e.g. JZ2025"))
        self.code.setMaximumWidth(220)
        self.edition = _spin(0, 999, special=self.tr("(none)"), prefix=self.tr("No. "))
        self.kind = _combo(cl.choices(cl.KIND_NAMES))
        self.level = _combo(cl.choices(cl.LEVEL_NAMES))
        self.level_class = _combo([(cl.translate(text), key) for key, text in cl.LEVEL_CLASSES])
        self.organizer = _combo([(self.tr("(none)"), None), *((u.name, u.id) for u in units)])
        self.co_organizers = UnitChecklist()
        self.co_organizers.set_units(units)
        self.co_organizers.list.setFixedHeight(110)
        self.start_date = OptionalDateEdit()
        self.end_date = OptionalDateEdit()
        self.venue = QLineEdit()
        _select(self.level, CompetitionLevel.CITY.value)
        for key, label, widget in (
            ("name", self.tr("Competition name"), self.name),
            ("code", self.tr("Code"), self.code),
            ("edition", self.tr("Edition"), self.edition),
            ("kind", self.tr("Kind"), self.kind),
            ("level", self.tr("Level"), self.level),
            ("level_class", self.tr("Class"), self.level_class),
            ("organizer_id", self.tr("Organizer"), self.organizer),
            ("co_organizer_ids", self.tr("Co-organizers"), self.co_organizers),
            ("start_date", self.tr("Start date"), self.start_date),
            ("end_date", self.tr("End date"), self.end_date),
            ("venue", self.tr("Venue"), self.venue),
        ):
            self._row(key, label, widget)

    def fill(self, data: CompetitionInput) -> None:
        self.name.setText(data.name)
        self.code.setText(data.code)
        self.edition.setValue(data.edition or 0)
        _select(self.kind, data.kind.value)
        _select(self.level, data.level.value)
        _select(self.level_class, data.level_class)
        _select(self.organizer, data.organizer_id)
        self.co_organizers.set_checked(data.co_organizer_ids)
        self.start_date.set_value(data.start_date)
        self.end_date.set_value(data.end_date)
        self.venue.setText(data.venue)

    def values(self) -> dict[str, Any]:
        """CompetitionInput keyword arguments for these fields."""
        return {
            "name": self.name.text(),
            "code": self.code.text().strip().upper(),
            "edition": self.edition.value() or None,
            "kind": CompetitionKind(self.kind.currentData()),
            "level": CompetitionLevel(self.level.currentData()),
            "level_class": self.level_class.currentData(),
            "organizer_id": self.organizer.currentData(),
            "co_organizer_ids": self.co_organizers.checked_ids(),
            "start_date": self.start_date.value(),
            "end_date": self.end_date.value(),
            "venue": self.venue.text().strip(),
        }

    def local_problems(self) -> dict[str, str]:
        """The checks the service makes that need no database (field → message code)."""
        values, problems = self.values(), {}
        if not values["name"].strip():
            problems["name"] = "name_required"
        if not values["code"]:
            problems["code"] = "competition_code_invalid"
        start, end = values["start_date"], values["end_date"]
        if start and end and end < start:
            problems["end_date"] = "end_before_start"
        return problems


class CompetitionRulesForm(_Form):
    """Quota per unit and event, one event per person, review and appeal periods, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()

    def _build_ui(self) -> None:
        self.quota = _spin(0, 99, special=self.tr("No limit"), suffix=self.tr(" per unit"))
        self.quota.setValue(3)
        self.one_event = QCheckBox(self.tr("A person may enter one event only"))
        self.one_event.setChecked(True)
        self.review_days = _spin(0, 60, suffix=self.tr(" working days"))
        self.review_days.setValue(5)
        self.appeal_hours = _spin(0, 240, suffix=self.tr(" hours after the event"))
        self.appeal_hours.setValue(2)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        for key, label, widget in (
            ("quota_per_unit", self.tr("Places per event"), self.quota),
            ("one_event_per_person", self.tr("Entries"), self.one_event),
            ("review_days", self.tr("Public review period"), self.review_days),
            ("appeal_hours", self.tr("Appeals filed within"), self.appeal_hours),
            ("notes", self.tr("Notes"), self.notes),
        ):
            self._row(key, label, widget)

    def fill(self, data: CompetitionInput) -> None:
        self.quota.setValue(data.quota_per_unit or 0)
        self.one_event.setChecked(data.one_event_per_person)
        self.review_days.setValue(data.review_days)
        self.appeal_hours.setValue(data.appeal_hours)
        self.notes.setPlainText(data.notes)

    def values(self) -> dict[str, Any]:
        return {
            "quota_per_unit": self.quota.value() or None,
            "one_event_per_person": self.one_event.isChecked(),
            "review_days": self.review_days.value(),
            "appeal_hours": self.appeal_hours.value(),
            "notes": self.notes.toPlainText().strip(),
        }


def competition_input(
    basics: CompetitionBasicsForm, rules: CompetitionRulesForm
) -> CompetitionInput:
    return CompetitionInput(**basics.values(), **rules.values())
