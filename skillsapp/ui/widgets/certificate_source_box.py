"""发证对象: whom the certificates are for — a competition's results, the holders of an
honour, or a list of persons from the registry — and what to certify of each."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.certificates import TemplateKind
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.errors import UserError
from skillsapp.services.certificates.cert_candidates import (
    AWARD_MAX,
    TITLE_MAX,
    CertificateCandidate,
)
from skillsapp.services.certificates.certificates import AwardedRow, HonourGroup
from skillsapp.services.competitions.competitions import CompetitionRow
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.ui.widgets.fields import narrow_combo

if TYPE_CHECKING:  # the profile service brings the PDF libraries: not at start-up
    from skillsapp.services.talent.profile import SavedSearchRow

FINAL = (CompetitionStatus.FINAL, CompetitionStatus.ARCHIVED)
HINT_STYLE = "color: #5f6b7a;"
TEXT_DELAY_MS = 300  # typing the award or title text: one reload when the typing pauses


class Source(enum.StrEnum):
    COMPETITION = "competition"  # 赛事获奖
    HONOURS = "honours"  # 荣誉称号
    PERSONS = "persons"  # 人员名单


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _pane_form(pane: QWidget) -> QFormLayout:
    form = QFormLayout(pane)
    form.setContentsMargins(0, 0, 0, 0)
    return form


def _align_labels(forms: Sequence[QFormLayout]) -> None:
    """One label column for every pane, so the fields line up whichever pane shows."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) and item.widget()
    ]
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)


def _group_key(group: HonourGroup | None) -> tuple[int | None, str, str] | None:
    return None if group is None else (group.year, group.title, group.granting_body)


class CertificateSourceBox(QGroupBox):
    """`changed` fires when what to certify changes; `source_changed` when another source
    is chosen (then `changed` too). Setting lists (`reload`, `set_*`) emits nothing."""

    changed = Signal()
    source_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.choice_boxes: list[QCheckBox] = []  # one per awarded tier or title, in order
        self._choices: list[AwardedRow] = []  # what each box stands for
        self._carried: tuple[PersonQuery, str] | None = None  # from the registry page
        self._saved: list[SavedSearchRow] = []
        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self._build_ui()
        self._connect_signals()
        self._show_pane()

    def _build_ui(self) -> None:
        self.setTitle(self.tr("What to certify"))
        self.source = QComboBox()
        self.source.addItem(self.tr("Competition results"), Source.COMPETITION)
        self.source.addItem(self.tr("Honour recipients"), Source.HONOURS)
        self.source.addItem(self.tr("Person list"), Source.PERSONS)
        top = QFormLayout()
        top.addRow(self.tr("Certify"), self.source)
        self.panes = {
            Source.COMPETITION: self._competition_pane(),
            Source.HONOURS: self._honour_pane(),
            Source.PERSONS: self._persons_pane(),
        }
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for pane in self.panes.values():
            layout.addWidget(pane)
        forms = [top] + [pane.layout() for pane in self.panes.values()]
        _align_labels([f for f in forms if isinstance(f, QFormLayout)])

    def _competition_pane(self) -> QWidget:
        self.competition = narrow_combo(12)
        self.choices = QVBoxLayout()
        self.none_label = _hint(self.tr("No awards or titles in the published results."))
        self.participation = QCheckBox(self.tr("Everyone who took part (participation)"))
        pane = QWidget()
        form = _pane_form(pane)
        form.addRow(self.tr("Competition"), self.competition)
        form.addRow(self.choices)
        form.addRow(self.none_label)
        form.addRow(self.participation)
        return pane

    def _honour_pane(self) -> QWidget:
        self.honour_group = narrow_combo(12)
        self.honour_hint = _hint()
        pane = QWidget()
        form = _pane_form(pane)
        form.addRow(self.tr("Honour"), self.honour_group)
        form.addRow(self.honour_hint)
        return pane

    def _persons_pane(self) -> QWidget:
        self.person_list = narrow_combo(12)
        self.persons_label = _hint()
        self.award_text = QLineEdit()
        self.award_text.setMaxLength(AWARD_MAX)
        self.award_text.setPlaceholderText(self.tr("Printed as the award, e.g. 一等奖"))
        self.title_text = QLineEdit()
        self.title_text.setMaxLength(TITLE_MAX)
        self.title_text.setPlaceholderText(self.tr("Printed as the title, e.g. 优秀学员"))
        pane = QWidget()
        form = _pane_form(pane)
        form.addRow(self.tr("List"), self.person_list)
        form.addRow(self.persons_label)
        form.addRow(self.tr("Award text"), self.award_text)
        form.addRow(self.tr("Title text"), self.title_text)
        return pane

    def _connect_signals(self) -> None:
        self.source.currentIndexChanged.connect(self._on_source_current_index_changed)
        self.competition.currentIndexChanged.connect(self._on_competition_current_index_changed)
        self.participation.toggled.connect(self.changed)
        self.honour_group.currentIndexChanged.connect(self._on_honour_group_current_index_changed)
        self.person_list.currentIndexChanged.connect(self._on_person_list_current_index_changed)
        self.award_text.textChanged.connect(self._text_timer.start)
        self.title_text.textChanged.connect(self._text_timer.start)
        self._text_timer.timeout.connect(self.changed)

    def reload(self) -> None:
        """Fill the lists again (final competitions, honour groups, saved searches),
        keeping each choice where it still exists."""
        rows = self._services.competitions.competitions()
        self.set_competitions([r for r in rows if r.status in FINAL])
        self.set_honour_groups(self._services.certificates.honour_groups())
        self.set_saved_searches(self._services.profile.saved_searches())

    # -- the source

    def current_source(self) -> Source:
        return Source(self.source.currentData())

    def set_source(self, source: Source) -> None:
        self.source.setCurrentIndex(self.source.findData(source))

    def _on_source_current_index_changed(self) -> None:
        if self.current_source() == Source.PERSONS:  # saving a search announces nothing
            self.set_saved_searches(self._services.profile.saved_searches())
        self._show_pane()
        self.source_changed.emit()
        self.changed.emit()

    def _show_pane(self) -> None:
        for source, pane in self.panes.items():
            pane.setVisible(source == self.current_source())

    def template_kind(self) -> TemplateKind:
        """The kind of template the current choice suits best: an award needs an award
        template, a title alone an honour one, nothing printed a participation one."""
        source = self.current_source()
        if source == Source.HONOURS:
            return TemplateKind.HONOUR
        if source == Source.PERSONS:
            award, title = self.award_text.text().strip(), self.title_text.text().strip()
        else:
            award, title = " ".join(self.awards()), " ".join(self.titles())
        if award:
            return TemplateKind.AWARD
        if title:
            return TemplateKind.HONOUR
        if source == Source.PERSONS or self.participation.isChecked():
            return TemplateKind.PARTICIPATION
        return TemplateKind.AWARD  # nothing ticked yet: today's usual batch

    def candidates(self) -> list[CertificateCandidate]:
        """The certificates the current choice asks for (UserError when it cannot be met)."""
        source = self.current_source()
        if source == Source.HONOURS:
            group = self.honour_group.currentData()
            return [] if group is None else self._certificates_for(group)
        if source == Source.PERSONS:
            return self._listed()
        competition_id = self.competition_id()
        if competition_id is None:
            return []
        return self._services.certificates.candidates(
            competition_id,
            awards=self.awards(),
            titles=self.titles(),
            participation=self.participation.isChecked(),
        )

    def _certificates_for(self, group: HonourGroup) -> list[CertificateCandidate]:
        return self._services.certificates.candidates_for_honours(group.honour_ids)

    # -- a competition's results

    def set_competitions(self, rows: Sequence[CompetitionRow]) -> None:
        current = self.competition_id()
        self.competition.blockSignals(True)
        self.competition.clear()
        for row in rows:
            self.competition.addItem(row.name, row.id)
        self.competition.setCurrentIndex(max(self.competition.findData(current), 0))
        self.competition.blockSignals(False)
        self._show_awarded()

    def _on_competition_current_index_changed(self) -> None:
        self._show_awarded()
        self.changed.emit()

    def _show_awarded(self) -> None:
        """One box per tier and title given (titles unticked: they need an honour template)."""
        for box in self.choice_boxes:
            box.deleteLater()
        competition_id = self.competition_id()
        self._choices = [] if competition_id is None else self._awarded(competition_id)
        self.choice_boxes = []
        for row in self._choices:
            box = QCheckBox(self.tr("{name} ({count})").format(name=row.name, count=row.count))
            box.setChecked(row.kind == "award")
            box.toggled.connect(self.changed)
            self.choices.addWidget(box)
            self.choice_boxes.append(box)
        self.none_label.setVisible(competition_id is not None and not self._choices)

    def _awarded(self, competition_id: int) -> list[AwardedRow]:
        """The tiers, then the titles, actually given in the competition's results."""
        try:
            return self._services.certificates.awarded(competition_id)
        except UserError:  # gone meanwhile: the next refresh drops it
            return []

    def competition_id(self) -> int | None:
        return self.competition.currentData()

    def _checked(self, kind: str) -> list[str]:
        pairs = zip(self.choice_boxes, self._choices, strict=True)
        return [row.name for box, row in pairs if box.isChecked() and row.kind == kind]

    def awards(self) -> list[str]:
        return self._checked("award")

    def titles(self) -> list[str]:
        return self._checked("title")

    def choice_texts(self) -> list[str]:
        """The boxes as shown: each tier and title with how many received it."""
        return [box.text() for box in self.choice_boxes]

    # -- honour recipients

    def set_honour_groups(self, groups: Sequence[HonourGroup]) -> None:
        keys = [_group_key(g) for g in groups]
        current = _group_key(self.honour_group.currentData())
        self.honour_group.blockSignals(True)
        self.honour_group.clear()
        for group in groups:
            self.honour_group.addItem(self.group_text(group), group)
        self.honour_group.setCurrentIndex(keys.index(current) if current in keys else 0)
        self.honour_group.blockSignals(False)
        self._describe_group()

    def group_text(self, group: HonourGroup) -> str:
        """'2025 焦作市技术能手 (12) · 焦作市人力资源和社会保障局' (the body last: it is
        the part a narrow combo may cut)."""
        year = str(group.year) if group.year else self.tr("Year unknown")
        body = f" · {group.granting_body}" if group.granting_body else ""
        return f"{year} {group.title} ({group.count}){body}"

    def _on_honour_group_current_index_changed(self) -> None:
        self._describe_group()
        self.changed.emit()

    def _describe_group(self) -> None:
        group: HonourGroup | None = self.honour_group.currentData()
        self.honour_group.setToolTip(self.group_text(group) if group else "")
        if group is None:
            text = self.tr("No person holds an honour in the registry yet.")
        else:
            text = self.tr(
                "One honour certificate for each of the {count} holders, issued in the "
                "granting body's name."
            ).format(count=group.count)
        self.honour_hint.setText(text)

    # -- a person list

    def set_person_query(self, query: PersonQuery, description: str) -> None:
        """The registry's current filter, carried over from the registry page: chosen."""
        self._carried = (query, description)
        self._fill_person_list(chosen=0)
        if self.current_source() == Source.PERSONS:
            self.changed.emit()
        else:
            self.set_source(Source.PERSONS)

    def set_saved_searches(self, rows: Sequence[SavedSearchRow]) -> None:
        self._saved = list(rows)
        self._fill_person_list(chosen=self.person_list.currentIndex())

    def _fill_person_list(self, *, chosen: int) -> None:
        self.person_list.blockSignals(True)
        self.person_list.clear()
        if self._carried is not None:
            query, description = self._carried
            self.person_list.addItem(
                self.tr("Registry: {filter}").format(filter=description), query
            )
        for row in self._saved:
            text = self.tr("Saved search: {name}").format(name=row.name)
            self.person_list.addItem(text, row.query)
        self.person_list.setCurrentIndex(min(max(chosen, 0), self.person_list.count() - 1))
        self.person_list.blockSignals(False)
        self._describe_list()

    def _on_person_list_current_index_changed(self) -> None:
        self._describe_list()
        self.changed.emit()

    def _describe_list(self) -> None:
        self.person_list.setToolTip(self.person_list.currentText())
        self.person_list.setEnabled(self.person_list.count() > 0)
        if self.person_query() is None:
            self.persons_label.setText(
                self.tr(
                    "No list yet: filter the persons in the registry and click "
                    "“Issue certificates…” there, or save the search."
                )
            )

    def person_query(self) -> PersonQuery | None:
        return self.person_list.currentData()

    def _listed(self) -> list[CertificateCandidate]:
        query = self.person_query()
        if query is None:
            return []
        try:
            found = self._services.certificates.candidates_for_query(
                query, award=self.award_text.text(), title=self.title_text.text()
            )
        except UserError:
            self.persons_label.clear()  # the error itself is shown by the page
            raise
        text = self.tr("{count} persons in this list.").format(count=len(found))
        self.persons_label.setText(text)
        return found
