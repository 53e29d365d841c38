"""新建赛事: basics, rules, then the events, each starting with the usual scheme."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from skillsapp import messages
from skillsapp.app import Services
from skillsapp.domain.roles import Permission
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.errors import UserError, ValidationError
from skillsapp.services.competitions.competitions import CompetitionRow
from skillsapp.services.competitions.events import EventInput
from skillsapp.ui import signals
from skillsapp.ui.widgets.competition_form import (
    CompetitionBasicsForm,
    CompetitionRulesForm,
    competition_input,
)
from skillsapp.ui.widgets.event_list_editor import EventListEditor
from skillsapp.ui.widgets.form import banner


def _trades(services: Services) -> list[str]:
    """The registry's trades, offered as event names."""
    return services.registry.trades() if services.actor.can(Permission.VIEW_REGISTRY) else []


class _FormPage(QWizardPage):
    """A wizard page around one form; complete once `required` line edits are filled."""

    def __init__(
        self, title: str, subtitle: str, form: QWidget, required=(), *, fill: bool = False
    ) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._required = tuple(required)
        layout = QVBoxLayout(self)
        layout.addWidget(form, 1 if fill else 0)
        if not fill:
            layout.addStretch(1)
        for line in self._required:
            line.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return all(line.text().strip() for line in self._required)


class CompetitionWizard(QWizard):
    """Creates the competition and its events on Finish; `created` holds it afterwards."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.created: CompetitionRow | None = None
        self._added: set[str] = set()
        self.setWindowTitle(self.tr("New competition"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create"))
        self._build_ui()
        self.resize(760, 640)

    def _build_ui(self) -> None:
        units = self._services.units.units()
        self.basics = CompetitionBasicsForm(units)
        self.rules = CompetitionRulesForm()
        self.events = EventListEditor(_trades(self._services))
        self.banner = banner()
        events_box = QWidget()
        layout = QVBoxLayout(events_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.events, 1)
        self.basics_page = _FormPage(
            self.tr("Basics"),
            self.tr("What the competition is called, who organizes it, when and where."),
            self.basics,
            (self.basics.name, self.basics.code),
        )
        self.rules_page = _FormPage(
            self.tr("Rules"),
            self.tr("Entry limits and the review and appeal periods (all can change later)."),
            self.rules,
        )
        self.events_page = _FormPage(
            self.tr("Events"),
            self.tr(
                "The events (usually one per trade). Each starts with the usual scheme: "
                "theory 30 %, practical 70 %."
            ),
            events_box,
            fill=True,
        )
        for page in (self.basics_page, self.rules_page, self.events_page):
            self.addPage(page)

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is self.basics_page:
            return self._check_basics()
        if page is self.events_page:
            return self._create()
        return super().validateCurrentPage()

    def _check_basics(self) -> bool:
        problems = self.basics.local_problems()
        code = self.basics.values()["code"]
        if code and "code" not in problems and self._code_taken(code):
            problems["code"] = "competition_code_taken"
        self.basics.show_errors(problems, messages.text)
        return not problems

    def _code_taken(self, code: str) -> bool:
        rows = self._services.competitions.competitions(text=code)
        return any(r.code == code and (self.created is None or r.id != self.created.id)
                   for r in rows)  # fmt: skip

    def _create(self) -> bool:
        self.banner.show_message("")
        try:
            self._store_competition()
            self._store_events()
        except ValidationError as err:
            self.basics.show_errors(err.field_errors, messages.text)
            self.rules.show_errors(err.field_errors, messages.text)
            self.banner.show_message(messages.describe(err))
            return False
        except UserError as err:
            self.banner.show_message(messages.describe(err))
            return False
        finally:
            if self.created is not None:
                signals.announce(signals.COMPETITIONS)
        return True

    def _store_competition(self) -> None:
        data = competition_input(self.basics, self.rules)
        competitions = self._services.competitions
        if self.created is None:
            self.created = competitions.create(data)
        else:  # a second try after an event was refused: take any changed basics too
            self.created = competitions.update(
                self.created.id, data, expected_version=self.created.version
            )

    def _store_events(self) -> None:
        assert self.created is not None
        for name, trade in self.events.events():
            if name in self._added:
                continue
            row = self._services.events.add(self.created.id, EventInput(name=name, trade=trade))
            self._services.events.save_scheme(row.id, standard_spec())
            self._added.add(name)
