"""The one app-level signal hub: after a change, say what kind of data changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

PERSONS = "persons"
UNITS = "units"
USERS = "users"
COMPETITIONS = "competitions"  # a competition's fields, status or draw seed
EVENTS = "events"  # events, their schemes and judges
REGISTRATIONS = "registrations"  # entries, withdrawals, bibs and blind codes
MARKS = "marks"  # marks, sign-offs, paper sheets, re-checks, time used, disqualifications
RESULTS = "results"  # published results, titles granted
APPEALS = "appeals"  # appeals filed, re-marked, ruled on
TALENT = "talent"  # honours, certificates, titles and mentorships of persons
NOMINATIONS = "nominations"  # rounds, nominations and their documents
STUDIOS = "studios"  # studios, members, their records, evaluation plans and scores
CERTIFICATES = "certificates"  # issued, reprinted, printed or revoked; templates


class AppSignals(QObject):
    """Pages connect to `data_changed` and refresh themselves when their kind fires."""

    data_changed = Signal(str)


_hub: AppSignals | None = None


def hub() -> AppSignals:
    """The application's signal object (created on first use, on the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = AppSignals()
    return _hub


def reset() -> None:
    """Forget the hub (tests: widgets of an earlier test stop hearing new changes)."""
    global _hub
    _hub = None


def announce(*kinds: str) -> None:
    for kind in kinds:
        hub().data_changed.emit(kind)
