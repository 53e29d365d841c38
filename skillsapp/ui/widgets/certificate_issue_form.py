"""发证 form: whom and what to certify, the template and how to print it."""

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
from skillsapp.services.certificates.cert_templates import TemplateRow
from skillsapp.services.certificates.certificates import Output
from skillsapp.services.competitions.competitions import CompetitionRow
from skillsapp.ui import certificate_labels
from skillsapp.ui.widgets.certificate_source_box import CertificateSourceBox

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
    """Whom to certify (`source`), the template and how to print. `selection_changed`
    fires when what to issue (or how it looks) changes; `calibration_requested` when the
    套打 calibration page is asked for."""

    selection_changed = Signal()
    calibration_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._templates: list[TemplateRow] = []
        self._template_by_hand = False  # the user chose one: no more choosing for them
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.source = CertificateSourceBox(self._services)
        self.template = QComboBox()
        self.template.setToolTip(
            self.tr("Published templates; the kind suited to the choice above is picked")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source)
        top = QFormLayout()
        top.addRow(self.tr("Template"), self.template)
        layout.addLayout(top)
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
        self.source.source_changed.connect(self._on_source_source_changed)
        self.source.changed.connect(self._on_source_changed)
        self.template.currentIndexChanged.connect(self.selection_changed)
        self.template.activated.connect(self._on_template_activated)
        self.booklet.toggled.connect(self._on_booklet_toggled)
        self.printer.editingFinished.connect(self._load_offsets)
        for box in (self.offset_x, self.offset_y):
            box.valueChanged.connect(self._on_offset_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.calibration_button.clicked.connect(self.calibration_requested)

    # -- filling

    def reload(self) -> None:
        """The published templates and the source's lists, read again."""
        self._services.cert_templates.ensure_builtin_templates()
        rows = self._services.cert_templates.templates()
        self.set_templates([r for r in rows if r.published_number])
        self.source.reload()

    def set_competitions(self, rows: list[CompetitionRow]) -> None:
        self.source.set_competitions(rows)
        self.selection_changed.emit()

    def set_templates(self, rows: list[TemplateRow]) -> None:
        current = self.template_id()
        self._templates = list(rows)
        self.template.blockSignals(True)
        self.template.clear()
        for row in rows:
            kind = certificate_labels.template_kind(row.kind)
            self.template.addItem(f"{row.name}（{kind}）", row.id)
        found = self.template.findData(current)
        self.template.setCurrentIndex(found if found >= 0 else self._suited_index())
        self.template.blockSignals(False)

    def _suited_index(self) -> int:
        """The first template of the kind the source suits, else the first award one."""
        for kind in (self.source.template_kind(), TemplateKind.AWARD):
            found = [i for i, r in enumerate(self._templates) if r.kind is kind]
            if found:
                return found[0]
        return 0

    def _on_source_source_changed(self) -> None:
        self._template_by_hand = False

    def _on_source_changed(self) -> None:
        """Follow the source with a suited template until the user picks one by hand."""
        if not self._template_by_hand and self._templates:
            self.template.blockSignals(True)
            self.template.setCurrentIndex(self._suited_index())
            self.template.blockSignals(False)
        self.selection_changed.emit()

    def _on_template_activated(self) -> None:
        self._template_by_hand = True

    # -- reading (the competition's parts as the source box holds them)

    @property
    def competition(self) -> QComboBox:
        return self.source.competition

    @property
    def participation(self) -> QCheckBox:
        return self.source.participation

    @property
    def choice_boxes(self) -> list[QCheckBox]:
        return self.source.choice_boxes

    def competition_id(self) -> int | None:
        return self.source.competition_id()

    def awards(self) -> list[str]:
        return self.source.awards()

    def titles(self) -> list[str]:
        return self.source.titles()

    def choice_texts(self) -> list[str]:
        return self.source.choice_texts()

    def template_id(self) -> int | None:
        return self.template.currentData()

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
