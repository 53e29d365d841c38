"""The registry's talent filters: honour type and level, studio, master."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from skillsapp.services.registry.registry import PersonQuery, RegistryService
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.widgets.fields import select_data
from skillsapp.ui.widgets.person_field import PersonField
from skillsapp.ui.widgets.person_filter_bar import _refill

if TYPE_CHECKING:
    from skillsapp.services.studios.studio_queries import StudioRow
    from skillsapp.services.talent.honours import HonourTypeRow


class TalentFilterBar(QWidget):
    """Emits `filter_changed`; `values()` are the PersonQuery fields it sets."""

    filter_changed = Signal()

    def __init__(
        self, registry: RegistryService, *, studios: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._build_ui(registry, studios)
        self._connect_signals()

    def _build_ui(self, registry: RegistryService, studios: bool) -> None:
        self.honour_type = QComboBox()
        self.honour_type.setMinimumContentsLength(6)
        self.honour_level = QComboBox()
        _refill(self.honour_level, self.tr("Any honour level"), tl.choices(tl.HONOUR_LEVEL_NAMES))
        self.studio = QComboBox()
        self.studio.setMinimumContentsLength(8)
        self.studio.setVisible(studios)
        self.mentor = PersonField(registry, none_text=self.tr("any master"))
        self.set_types([])
        self.set_studios([])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.honour_type, self.honour_level, self.studio):
            layout.addWidget(combo, 1)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Apprentices of")))
        layout.addWidget(self.mentor)

    def _connect_signals(self) -> None:
        for combo in (self.honour_type, self.honour_level, self.studio):
            combo.currentIndexChanged.connect(self.filter_changed)
        self.mentor.changed.connect(self.filter_changed)

    def set_types(self, types: Sequence[HonourTypeRow]) -> None:
        _refill(self.honour_type, self.tr("All honours"), [(t.name, t.id) for t in types])

    def set_studios(self, studios: Sequence[StudioRow]) -> None:
        _refill(self.studio, self.tr("All studios"), [(s.name, s.id) for s in studios])

    def values(self) -> dict[str, Any]:
        """Keyword arguments for PersonTableModel.set_filter."""
        return {
            "honour_type_id": self.honour_type.currentData(),
            "honour_level": self.honour_level.currentData(),
            "studio_id": self.studio.currentData(),
            "mentor_id": self.mentor.person_id,
        }

    def set_query(self, query: PersonQuery, mentor_name: str) -> None:
        """Show the filters of a saved search (no signal: the caller reloads once)."""
        self.blockSignals(True)
        select_data(self.honour_type, query.honour_type_id)
        select_data(self.honour_level, query.honour_level)
        select_data(self.studio, query.studio_id)
        self.mentor.set_person(query.mentor_id, mentor_name)
        self.blockSignals(False)
