"""创新成果: a studio's result with its patent and benefit, and who achieved it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.domain.studios import InnovationKind, PatentKind
from skillsapp.services.registry.registry import PersonRow, RegistryService
from skillsapp.services.studios.studio_records import InnovationInput, InnovationRow, PersonRef
from skillsapp.services.studios.studios import StudioService
from skillsapp.ui import signals
from skillsapp.ui import studio_labels as sl
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.dialogs import open_dialog
from skillsapp.ui.widgets.fields import AmountEdit, YearSpin, combo, select_data
from skillsapp.ui.widgets.person_field import PickPersonDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING = "font-weight: 600; color: #23344d;"


class InnovationDialog(RecordDialog):
    """A new result of `studio_id`, or `innovation` to edit. Contributors are ticked in
    the list of the studio's members; "Other person…" adds somebody else."""

    announced = (signals.STUDIOS,)

    def __init__(
        self,
        service: StudioService,
        registry: RegistryService,
        *,
        studio_id: int,
        members: Sequence[PersonRef],
        innovation: InnovationRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._service = service
        self._registry = registry
        self._studio_id = studio_id
        self._members = members
        self._innovation = innovation
        self.picker_dialog: PickPersonDialog | None = None
        title = self.tr("Edit result") if innovation else self.tr("New innovation result")
        super().__init__(title, parent=parent)
        if innovation is not None:
            self._fill(innovation)

    def _build_ui(self) -> None:
        self.title = QLineEdit()
        self.year = YearSpin()
        self.year.setMaximum(dt.date.today().year)
        self.kind = combo(sl.choices(sl.INNOVATION_KIND_NAMES))
        self.applied = QCheckBox(self.tr("Put into use (成果转化)"))
        self.patent_kind = combo(sl.choices(sl.PATENT_KIND_NAMES), first=self.tr("(no patent)"))
        self.patent_number = QLineEdit()
        self.patent_number.setPlaceholderText(self.tr("e.g. ZL202310123456.7"))
        self.patent_granted_on = OptionalDateEdit()
        self.benefit = AmountEdit()
        self.awards = QLineEdit()
        rows = (
            ("title", self.tr("Result"), self.title),
            ("year", self.tr("Year"), self.year),
            ("kind", self.tr("Kind"), self.kind),
            ("applied", "", self.applied),
            ("patent_kind", self.tr("Patent"), self.patent_kind),
            ("patent_number", self.tr("Patent number"), self.patent_number),
            ("patent_granted_on", self.tr("Granted on"), self.patent_granted_on),
            ("benefit", self.tr("Benefit (10k yuan)"), self.benefit),
            ("awards", self.tr("Awards"), self.awards),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)
        self.body.addSpacing(12)
        self.body.addLayout(self._contributors_box(), 2)
        self.setMinimumWidth(820)

    def _contributors_box(self) -> QVBoxLayout:
        heading = QLabel(self.tr("Contributors"))
        heading.setStyleSheet(HEADING)
        self.contributors = QListWidget()
        for member in self._members:
            self._add_contributor(member.id, member.name, checked=False)
        self.other_button = QPushButton(self.tr("Other person…"))
        box = QVBoxLayout()
        box.addWidget(heading)
        box.addWidget(self.contributors, 1)
        box.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _add_contributor(self, person_id: int, name: str, *, checked: bool) -> None:
        for row in range(self.contributors.count()):
            item = self.contributors.item(row)
            if item.data(ID_ROLE) == person_id:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, person_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.contributors.addItem(item)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.title.textChanged.connect(lambda: self.touch("title"))
        self.patent_kind.currentIndexChanged.connect(self._on_patent_changed)
        self.patent_number.textChanged.connect(self._on_patent_changed)
        self.other_button.clicked.connect(self._on_other_button_clicked)

    def _on_patent_changed(self) -> None:
        self.touch("patent_kind")
        self.touch("patent_number")

    def _on_other_button_clicked(self) -> None:
        dialog = PickPersonDialog(self._registry, self.tr("Add a contributor"), self)
        dialog.person_picked.connect(self._on_picker_person_picked)
        self.picker_dialog = open_dialog(dialog)

    def _on_picker_person_picked(self, person: PersonRow) -> None:
        self._add_contributor(person.id, person.name, checked=True)

    def _fill(self, item: InnovationRow) -> None:
        self.title.setText(item.title)
        self.year.setValue(item.year)
        select_data(self.kind, item.kind)
        self.applied.setChecked(item.applied)
        select_data(self.patent_kind, item.patent_kind)
        self.patent_number.setText(item.patent_number)
        self.patent_granted_on.set_value(item.patent_granted_on)
        self.benefit.set_amount(item.benefit)
        self.awards.setText(item.awards)
        for person in item.contributors:
            self._add_contributor(person.id, person.name, checked=True)

    def contributor_ids(self) -> tuple[int, ...]:
        items = (self.contributors.item(row) for row in range(self.contributors.count()))
        return tuple(
            item.data(ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def innovation_input(self) -> InnovationInput:
        kind = self.patent_kind.currentData()
        return InnovationInput(
            title=self.title.text(),
            year=self.year.value(),
            kind=InnovationKind(self.kind.currentData()),
            applied=self.applied.isChecked(),
            patent_kind=PatentKind(kind) if kind else None,
            patent_number=self.patent_number.text(),
            patent_granted_on=self.patent_granted_on.value(),
            benefit=self.benefit.amount(),
            awards=self.awards.text(),
            contributor_ids=self.contributor_ids(),
        )

    def problems(self) -> dict[str, str]:
        data = self.innovation_input()
        problems = {} if data.title.strip() else {"title": "innovation_title_required"}
        if data.patent_kind is not None and not data.patent_number.strip():
            problems["patent_number"] = "patent_number_required"
        if data.patent_kind is None and (data.patent_number.strip() or data.patent_granted_on):
            problems["patent_kind"] = "patent_kind_required"
        return problems

    def save(self) -> InnovationRow:
        if self._innovation is None:
            return self._service.add_innovation(self._studio_id, self.innovation_input())
        return self._service.update_innovation(
            self._innovation.id, self.innovation_input(), expected_version=self._innovation.version
        )
