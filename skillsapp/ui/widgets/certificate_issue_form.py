"""发证 form: the competition, what to certify, the template and how to print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.certificates import TemplateKind
from skillsapp.services.cert_templates import TemplateRow
from skillsapp.services.certificates import Output
from skillsapp.services.competitions import CompetitionRow
from skillsapp.ui import certificate_labels

OFFSETS_KEY = "certificates/offsets/{printer}"


def stored_offsets(printer: str) -> tuple[float, float]:
    """The 套打 offsets (mm) kept for `printer`, (0, 0) when none."""
    value = QSettings().value(OFFSETS_KEY.format(printer=printer or "-"))
    try:
        dx, dy = (float(part) for part in str(value).split(","))
    except ValueError:
        return (0.0, 0.0)
    return (dx, dy)


def store_offsets(printer: str, offsets: tuple[float, float]) -> None:
    settings = QSettings()
    settings.setValue(OFFSETS_KEY.format(printer=printer or "-"), f"{offsets[0]},{offsets[1]}")
    settings.sync()


def _offset_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-30.0, 30.0)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    return box


class CertificateIssueForm(QWidget):
    """`selection_changed` fires when what to issue (or how it looks) changes."""

    selection_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.choice_boxes: list[QCheckBox] = []
        self._titles: set[str] = set()
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.competition = QComboBox()
        self.template = QComboBox()
        self.choices = QVBoxLayout()
        self.participation = QCheckBox(self.tr("Everyone who took part (participation)"))
        what = QGroupBox(self.tr("What to certify"))
        what_layout = QVBoxLayout(what)
        what_layout.addLayout(self.choices)
        what_layout.addWidget(self.participation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow(self.tr("Competition"), self.competition)
        top.addRow(self.tr("Template"), self.template)
        layout.addLayout(top)
        layout.addWidget(what)
        layout.addWidget(self._options_box())
        layout.addStretch(1)

    def _options_box(self) -> QGroupBox:
        self.split = QCheckBox(self.tr("One PDF per person (into a folder)"))
        self.booklet = QCheckBox(self.tr("Pre-printed booklets (套打): variable fields only"))
        self.printer = QLineEdit(QPrinterInfo.defaultPrinterName())
        self.printer.setPlaceholderText(self.tr("Printer name"))
        self.offset_x, self.offset_y = _offset_box(), _offset_box()
        offsets = QHBoxLayout()
        offsets.addWidget(self.offset_x)
        offsets.addWidget(self.offset_y)
        self.output = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        output = QHBoxLayout()
        output.addWidget(self.output, 1)
        output.addWidget(self.browse_button)
        box = QGroupBox(self.tr("Output"))
        form = QFormLayout(box)
        form.addRow(self.split)
        form.addRow(self.booklet)
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Offset x / y"), offsets)
        form.addRow(self.tr("Save to"), output)
        self._load_offsets()
        self._on_booklet_toggled()
        return box

    def _connect_signals(self) -> None:
        self.competition.currentIndexChanged.connect(self._on_competition_changed)
        self.template.currentIndexChanged.connect(self.selection_changed)
        self.participation.toggled.connect(self.selection_changed)
        self.booklet.toggled.connect(self._on_booklet_toggled)
        self.printer.editingFinished.connect(self._load_offsets)
        for box in (self.offset_x, self.offset_y):
            box.valueChanged.connect(self._on_offset_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)

    # -- filling

    def set_competitions(self, rows: list[CompetitionRow]) -> None:
        current = self.competition_id()
        self.competition.blockSignals(True)
        self.competition.clear()
        for row in rows:
            self.competition.addItem(row.name, row.id)
        found = self.competition.findData(current)
        self.competition.setCurrentIndex(max(found, 0))
        self.competition.blockSignals(False)
        self._on_competition_changed()

    def set_templates(self, rows: list[TemplateRow]) -> None:
        current = self.template_id()
        self.template.blockSignals(True)
        self.template.clear()
        for row in rows:
            kind = certificate_labels.template_kind(row.kind)
            self.template.addItem(f"{row.name}（{kind}）", row.id)
        awards = [i for i, r in enumerate(rows) if r.kind is TemplateKind.AWARD]
        found = self.template.findData(current)
        self.template.setCurrentIndex(found if found >= 0 else (awards or [0])[0])
        self.template.blockSignals(False)

    def _on_competition_changed(self) -> None:
        for box in self.choice_boxes:
            box.deleteLater()
        self.choice_boxes = []
        competition_id = self.competition_id()
        if competition_id is not None:
            for text in self._award_choices(competition_id):
                box = QCheckBox(text)
                box.setChecked(text not in self._titles)  # titles need an honour template
                box.toggled.connect(self.selection_changed)
                self.choices.addWidget(box)
                self.choice_boxes.append(box)
        self.selection_changed.emit()

    def _award_choices(self, competition_id: int) -> list[str]:
        """The award tiers, then the titles, of the competition's schemes."""
        tiers: list[str] = []
        titles: list[str] = []
        for event in self._services.events.events(competition_id):
            scheme = self._services.events.scheme(event.id)
            tiers += [t.name for t in scheme.award_rule.tiers if t.name not in tiers]
            titles += [t.title for t in scheme.title_rules if t.title not in titles]
        self._titles = set(titles)
        return tiers + titles

    # -- reading

    def competition_id(self) -> int | None:
        return self.competition.currentData()

    def template_id(self) -> int | None:
        return self.template.currentData()

    def awards(self) -> list[str]:
        return [
            b.text() for b in self.choice_boxes if b.isChecked() and b.text() not in self._titles
        ]

    def titles(self) -> list[str]:
        return [b.text() for b in self.choice_boxes if b.isChecked() and b.text() in self._titles]

    def offsets(self) -> tuple[float, float]:
        return (self.offset_x.value(), self.offset_y.value())

    def output_target(self) -> Output | None:
        text = self.output.text().strip()
        if not text:
            return None
        booklet = self.booklet.isChecked()
        offsets = self.offsets() if booklet else (0.0, 0.0)
        return Output(Path(text), split=self.split.isChecked(), booklet=booklet, offsets=offsets)

    # -- options

    def _on_booklet_toggled(self) -> None:
        for widget in (self.printer, self.offset_x, self.offset_y):
            widget.setEnabled(self.booklet.isChecked())
        self.selection_changed.emit()

    def _load_offsets(self) -> None:
        dx, dy = stored_offsets(self.printer.text().strip())
        for box, value in ((self.offset_x, dx), (self.offset_y, dy)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _on_offset_changed(self) -> None:
        store_offsets(self.printer.text().strip(), self.offsets())
        self.selection_changed.emit()

    def _on_browse_button_clicked(self) -> None:
        if self.split.isChecked():
            path = QFileDialog.getExistingDirectory(self, self.tr("Save the certificates into"))
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the certificates"), self.tr("certificates.pdf"), "PDF (*.pdf)"
            )
        if path:
            self.output.setText(path)
