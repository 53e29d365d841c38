"""Adding or editing an event: name, trade, team rules, entry limits, blind marking."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from skillsapp import messages
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.domain.scoring import TeamMode
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.competitions.events import EventDetail, EventInput, EventRow, EventService
from skillsapp.services.units import UnitRow
from skillsapp.ui import competition_labels as cl
from skillsapp.ui import labels, signals
from skillsapp.ui.widgets.form import FieldError, banner, with_error
from skillsapp.ui.widgets.unit_checklist import UnitChecklist


def _spin(low: int, high: int, special: str = "", suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSpecialValueText(special)
    spin.setSuffix(suffix)
    return spin


def _levels(first: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for level in SkillLevel:
        combo.addItem(labels.skill_level(level), level)
    return combo


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


class EventDialog(QDialog):
    """New event of `competition_id` (it gets the usual scheme) or edit of `detail`."""

    def __init__(
        self,
        events: EventService,
        *,
        competition_id: int,
        units: Sequence[UnitRow],
        detail: EventDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._events, self._competition_id, self._detail = events, competition_id, detail
        self.saved: EventRow | None = None
        self.setWindowTitle(self.tr("Edit event") if detail else self.tr("New event"))
        self._build_ui(units)
        if detail is not None:
            self._fill(detail.data)
        self._connect_signals()
        self._on_team_toggled()

    def _build_ui(self, units: Sequence[UnitRow]) -> None:
        self._make_fields(units)
        self.banner = banner()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self._form())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _make_fields(self, units: Sequence[UnitRow]) -> None:
        self.name = QLineEdit()
        self.trade = QLineEdit()
        self.trade.setPlaceholderText(self.tr("The trade (工种) if not the event's name"))
        self.individual = QRadioButton(self.tr("Individual"))
        self.team = QRadioButton(self.tr("Team"))
        self.individual.setChecked(True)
        self.team_size = _spin(2, 50, suffix=self.tr(" per team"))
        self.team_mode = QComboBox()
        for text, value in cl.choices(cl.TEAM_MODE_NAMES):
            self.team_mode.addItem(text, value)
        self.team_k = _spin(1, 50, suffix=self.tr(" best count"))
        self.min_level, self.max_level = _levels(self.tr("Any")), _levels(self.tr("Any"))
        self.min_age, self.max_age = _spin(0, 99, self.tr("Any")), _spin(0, 99, self.tr("Any"))
        self.quota = _spin(0, 99, self.tr("As the competition"), self.tr(" per unit"))
        self.quota.setMaximumWidth(200)
        self.units = UnitChecklist()
        self.units.set_units(units)
        self.units.setMinimumHeight(150)
        self.blind = QCheckBox(self.tr("Blind marking: judges see entry codes, not names"))

    def _form(self) -> QFormLayout:
        """Each row with its inline error, keyed by the EventInput field it reports."""
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        to = self.tr("to")
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("name", self.tr("Event name"), self.name),
            ("trade", self.tr("Trade"), self.trade),
            ("team", self.tr("Entered as"), _row(self.individual, self.team)),
            ("team_size", self.tr("Team"), _row(self.team_size, self.team_mode, self.team_k)),
            ("max_level", self.tr("Skill level"), _row(self.min_level, QLabel(to), self.max_level)),
            ("max_age", self.tr("Age"), _row(self.min_age, QLabel(to), self.max_age)),
            ("quota_per_unit", self.tr("Places per unit"), self.quota),
            ("allowed_unit_ids", self.tr("Units allowed (none: all)"), self.units),
            ("blind", "", self.blind),
        )
        for key, label, widget in rows:
            box, self.errors[key] = with_error(widget)
            form.addRow(label, box)
        return form

    def _connect_signals(self) -> None:
        self.team.toggled.connect(self._on_team_toggled)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_team_toggled(self) -> None:
        for widget in (self.team_size, self.team_mode, self.team_k):
            widget.setEnabled(self.team.isChecked())

    def _fill(self, data: EventInput) -> None:
        self.name.setText(data.name)
        self.trade.setText("" if data.trade == data.name else data.trade)
        (self.team if data.team else self.individual).setChecked(True)
        self.team_size.setValue(data.team_size or 3)
        self.team_mode.setCurrentIndex(max(self.team_mode.findData(data.team_mode.value), 0))
        self.team_k.setValue(data.team_k)
        for combo, value in ((self.min_level, data.min_level), (self.max_level, data.max_level)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.min_age.setValue(data.min_age or 0)
        self.max_age.setValue(data.max_age or 0)
        self.quota.setValue(data.quota_per_unit or 0)
        self.units.set_checked(data.allowed_unit_ids)
        self.blind.setChecked(data.blind)

    def event_input(self) -> EventInput:
        name = self.name.text()
        return EventInput(
            name=name,
            trade=self.trade.text().strip() or name.strip(),
            team=self.team.isChecked(),
            team_size=self.team_size.value() if self.team.isChecked() else None,
            team_mode=TeamMode(self.team_mode.currentData()),
            team_k=self.team_k.value(),
            min_level=self.min_level.currentData(),
            max_level=self.max_level.currentData(),
            min_age=self.min_age.value() or None,
            max_age=self.max_age.value() or None,
            quota_per_unit=self.quota.value() or None,
            blind=self.blind.isChecked(),
            allowed_unit_ids=self.units.checked_ids(),
        )

    def _on_buttons_accepted(self) -> None:
        for error in (*self.errors.values(), self.banner):
            error.show_message("")
        try:
            self.saved = self._save()
        except ValidationError as err:
            for key, code in err.field_errors.items():
                self._error_for(key).show_message(messages.text(code))
            return
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return
        signals.announce(signals.EVENTS)
        self.accept()

    def _error_for(self, key: str) -> FieldError:
        aliases = {"team_k": "team_size", "min_level": "max_level", "min_age": "max_age"}
        return self.errors.get(aliases.get(key, key), self.banner)

    def _save(self) -> EventRow:
        data = self.event_input()
        if self._detail is not None:
            version = self._detail.row.version
            return self._events.update(self._detail.row.id, data, expected_version=version)
        row = self._events.add(self._competition_id, data)
        self._events.save_scheme(row.id, standard_spec())
        return row
