"""Adding a skill certificate (职业技能等级证书) or a professional title (职称) to a person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from skillsapp import messages
from skillsapp.domain.levels import PROFESSIONAL_TITLES, SkillLevel
from skillsapp.services.talent.talent import (
    CertificateInput,
    CertificateRow,
    TalentService,
    TitleInput,
    TitleRow,
    certificate_warnings,
)
from skillsapp.ui import labels, signals
from skillsapp.ui.dialogs.record_dialog import RecordDialog
from skillsapp.ui.widgets.date_field import OptionalDateEdit
from skillsapp.ui.widgets.fields import combo, select_data

WARNING_STYLE = "color: #8a5a00;"


def _future(day: dt.date | None) -> bool:
    return day is not None and day > dt.date.today()


class CertificateDialog(RecordDialog):
    """A new certificate of `person_id`; a doubtful number is shown, never refused."""

    announced = (signals.TALENT, signals.PERSONS)

    def __init__(
        self, service: TalentService, *, person_id: int, parent: QWidget | None = None
    ) -> None:
        self._service = service
        self._person_id = person_id
        super().__init__(self.tr("New skill certificate"), parent=parent)

    def _build_ui(self) -> None:
        self.occupation = QLineEdit()
        self.occupation.setPlaceholderText(self.tr("e.g. 焊工"))
        self.direction = QLineEdit()
        self.direction.setPlaceholderText(self.tr("“--” when none"))
        levels = [(labels.skill_level(level), level) for level in SkillLevel]
        self.level = combo(levels)
        select_data(self.level, SkillLevel.GRADE3)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Since 2019: Y or S and 21 digits"))
        self.issue_date = OptionalDateEdit()
        self.issuer = QLineEdit()
        self.number_note = QLabel()
        self.number_note.setStyleSheet(WARNING_STYLE)
        self.number_note.setWordWrap(True)
        rows = (
            ("occupation", self.tr("Occupation"), self.occupation),
            ("direction", self.tr("Trade / direction"), self.direction),
            ("level", self.tr("Level"), self.level),
            ("number", self.tr("Certificate number"), self.number),
            ("issue_date", self.tr("Issued on"), self.issue_date),
            ("issuer", self.tr("Issued by"), self.issuer),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)
        self.form.addRow("", self.number_note)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.occupation.textChanged.connect(lambda: self.touch("occupation"))
        self.number.textChanged.connect(self._on_number_changed)
        self.level.currentIndexChanged.connect(self._on_number_changed)
        self.issue_date.dateChanged.connect(lambda: self.touch("issue_date"))

    def _on_number_changed(self) -> None:
        data = self.certificate_input()
        number = "".join(data.number.split()).upper()
        codes = certificate_warnings(number, data.level)
        self.number_note.setText("；".join(messages.text(code) for code in codes))

    def certificate_input(self) -> CertificateInput:
        return CertificateInput(
            person_id=self._person_id,
            occupation=self.occupation.text(),
            level=SkillLevel(self.level.currentData()),
            direction=self.direction.text(),
            number=self.number.text(),
            issue_date=self.issue_date.value(),
            issuer=self.issuer.text(),
        )

    def problems(self) -> dict[str, str]:
        data = self.certificate_input()
        problems = {} if data.occupation.strip() else {"occupation": "field_required"}
        if _future(data.issue_date):
            problems["issue_date"] = "date_in_future"
        return problems

    def save(self) -> CertificateRow:
        return self._service.add_certificate(self.certificate_input())


class TitleDialog(RecordDialog):
    """A new professional title of `person_id`; the person's title follows the latest."""

    announced = (signals.TALENT, signals.PERSONS)

    def __init__(
        self, service: TalentService, *, person_id: int, parent: QWidget | None = None
    ) -> None:
        self._service = service
        self._person_id = person_id
        super().__init__(self.tr("New professional title"), parent=parent)

    def _build_ui(self) -> None:
        self.title = combo([(t, t) for t in PROFESSIONAL_TITLES], editable=True)
        self.title.setCurrentText("")
        self.granted_on = OptionalDateEdit()
        self.issuer = QLineEdit()
        self.certificate_number = QLineEdit()
        rows = (
            ("title", self.tr("Title"), self.title),
            ("granted_on", self.tr("Conferred on"), self.granted_on),
            ("issuer", self.tr("Conferred by"), self.issuer),
            ("certificate_number", self.tr("Certificate number"), self.certificate_number),
        )
        for key, label, field in rows:
            self.add_row(key, label, field)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.title.currentTextChanged.connect(lambda: self.touch("title"))

    def title_input(self) -> TitleInput:
        return TitleInput(
            person_id=self._person_id,
            title=self.title.currentText(),
            granted_on=self.granted_on.value(),
            issuer=self.issuer.text(),
            certificate_number=self.certificate_number.text(),
        )

    def problems(self) -> dict[str, str]:
        return {} if self.title.currentText().strip() else {"title": "field_required"}

    def save(self) -> TitleRow:
        return self._service.add_title(self.title_input())
