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
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skillsapp.app import Services
from skillsapp.domain.certificates import TemplateKind
from skillsapp.errors import UserError
from skillsapp.services.cert_templates import TemplateRow
from skillsapp.services.certificates import AwardedRow, Output
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
    """`selection_changed` fires when what to issue (or how it looks) changes;
    `calibration_requested` when the 套打 calibration page is asked for."""

    selection_changed = Signal()
    calibration_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.choice_boxes: list[QCheckBox] = []  # one per awarded tier or title, in order
        self._choices: list[AwardedRow] = []  # what each box stands for
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.competition = QComboBox()
        self.template = QComboBox()
        self.choices = QVBoxLayout()
        self.none_label = QLabel(self.tr("No awards or titles in the published results."))
        self.none_label.setStyleSheet("color: #5f6b7a;")
        self.participation = QCheckBox(self.tr("Everyone who took part (participation)"))
        what = QGroupBox(self.tr("What to certify"))
        what_layout = QVBoxLayout(what)
        what_layout.addLayout(self.choices)
        what_layout.addWidget(self.none_label)
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
        self.calibration_button = QPushButton(self.tr("Print calibration page…"))
        self.calibration_button.setToolTip(
            self.tr("Rulers and crosshairs on the template's paper, to measure the offsets")
        )
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
        form.addRow("", self.calibration_button)
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
        self.calibration_button.clicked.connect(self.calibration_requested)

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
        competition_id = self.competition_id()
        self._choices = [] if competition_id is None else self._awarded(competition_id)
        self.choice_boxes = []
        for row in self._choices:
            box = QCheckBox(self.tr("{name} ({count})").format(name=row.name, count=row.count))
            box.setChecked(row.kind == "award")  # titles need an honour template
            box.toggled.connect(self.selection_changed)
            self.choices.addWidget(box)
            self.choice_boxes.append(box)
        self.none_label.setVisible(competition_id is not None and not self._choices)
        self.selection_changed.emit()

    def _awarded(self, competition_id: int) -> list[AwardedRow]:
        """The tiers, then the titles, actually given in the competition's results."""
        try:
            return self._services.certificates.awarded(competition_id)
        except UserError:  # gone meanwhile: the next refresh drops it
            return []

    # -- reading

    def competition_id(self) -> int | None:
        return self.competition.currentData()

    def template_id(self) -> int | None:
        return self.template.currentData()

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
        for widget in (self.printer, self.offset_x, self.offset_y, self.calibration_button):
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
