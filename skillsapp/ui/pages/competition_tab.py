"""What every tab of a competition page shares: the competition shown and its refresh."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.services.competitions.competitions import CompetitionDetail
from skillsapp.ui.widgets.refresh import RefreshOnChange


class CompetitionTab(QWidget):
    """Subclasses build their widgets, then call `_watch()`; they implement `refresh()`
    and `apply_status()`. The competition view hands them every new CompetitionDetail;
    a tab not on screen refreshes when it is next shown."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.detail: CompetitionDetail | None = None
        self._stale = True

    def _watch(self, kinds: Iterable[str] = ()) -> None:
        """Also refresh when one of `kinds` of data changes (see ui.signals)."""
        if kinds:
            RefreshOnChange(self, self._request, kinds)

    @property
    def competition_id(self) -> int:
        assert self.detail is not None
        return self.detail.row.id

    @property
    def status(self) -> CompetitionStatus:
        return self.detail.row.status if self.detail else CompetitionStatus.DRAFT

    def set_competition(self, detail: CompetitionDetail) -> None:
        self.detail = detail
        self.apply_status()
        self._request()

    def _request(self) -> None:
        if self.isVisible() and self.detail is not None:
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.detail is not None:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def apply_status(self) -> None:
        """Enable what the competition's status and the user's rights allow."""
