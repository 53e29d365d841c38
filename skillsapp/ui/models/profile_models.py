"""The tables of a person's profile: certificates, titles, honours, results, mentorship,
studios and innovations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillsapp.services.scoring.publish import HistoryRow
from skillsapp.services.talent.honours import HonourRow
from skillsapp.services.talent.mentorship import MentorshipRow
from skillsapp.services.talent.profile import InnovationRow, StudioMembershipRow
from skillsapp.services.talent.talent import CertificateRow, TitleRow
from skillsapp.ui import labels
from skillsapp.ui import studio_labels as sl
from skillsapp.ui import talent_labels as tl
from skillsapp.ui.formatting import date_text, decimal_text
from skillsapp.ui.models.list_model import Column, ListTableModel

_C = "ProfileModels"


def _span(start: Any, end: Any) -> str:
    return f"{date_text(start)} – {date_text(end)}" if start or end else ""


def _yes(value: bool) -> str:
    return QCoreApplication.translate("ProfileModels", "yes") if value else ""


def _certificate_state(c: CertificateRow) -> str:
    return (
        QCoreApplication.translate("ProfileModels", "revoked")
        if c.revoked
        else QCoreApplication.translate("ProfileModels", "valid")
    )


CERTIFICATE_COLUMNS: tuple[Column[CertificateRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Occupation"), lambda c: c.occupation),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Direction"), lambda c: c.direction),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Skill level"),
        lambda c: labels.skill_level(c.level),
        lambda c: int(c.level),
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Certificate number"), lambda c: c.number),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Issued on"), lambda c: date_text(c.issue_date)),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Issued by"), lambda c: c.issuer),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "State"), _certificate_state),
)
TITLE_COLUMNS: tuple[Column[TitleRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Title"), lambda t: t.title),
    Column(
        _C, QT_TRANSLATE_NOOP("ProfileModels", "Conferred on"), lambda t: date_text(t.granted_on)
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Conferred by"), lambda t: t.issuer),
    Column(
        _C, QT_TRANSLATE_NOOP("ProfileModels", "Certificate number"), lambda t: t.certificate_number
    ),
)
HONOUR_COLUMNS: tuple[Column[HonourRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Honour"), lambda h: h.title),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Type"), lambda h: h.type_name),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Level"), lambda h: tl.honour_level(h.level)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Year"),
        lambda h: " ".join(str(x) for x in (h.year, h.edition) if x),
        lambda h: h.year or 0,
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Granted by"), lambda h: h.granting_body),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Document number"), lambda h: h.document_number),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Date"), lambda h: date_text(h.granted_on)),
)
HISTORY_COLUMNS: tuple[Column[HistoryRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Competition"), lambda r: r.competition),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Event"), lambda r: r.event),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Date"), lambda r: date_text(r.date)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Rank"),
        lambda r: "" if r.rank is None else str(r.rank),
        lambda r: r.rank or 0,
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Total"),
        lambda r: decimal_text(r.total),
        lambda r: float(r.total or 0),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Award and titles"),
        lambda r: "、".join(x for x in (r.award, *r.titles) if x),
    ),
)


def _mentorship_columns(other_title: str, other: Any) -> tuple[Column[MentorshipRow], ...]:
    return (
        Column(_C, other_title, other),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProfileModels", "Term"),
            lambda m: _span(m.start_date, m.end_date),
            lambda m: m.start_date.isoformat(),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProfileModels", "Goal level"),
            lambda m: labels.skill_level(m.goal_level),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProfileModels", "Status"),
            lambda m: tl.name_of(tl.MENTORSHIP_STATUS_NAMES, m.status),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProfileModels", "Graduation"),
            lambda m: tl.name_of(tl.GRADUATION_NAMES, m.result),
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProfileModels", "Level change"),
            lambda m: " → ".join(
                labels.skill_level(x) for x in (m.level_before, m.level_after) if x is not None
            ),
        ),
        Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Since then"), _since_text),
    )


def _since_text(m: MentorshipRow) -> str:
    parts = [f"{r.event} {r.award or ''}".strip() for r in m.later_results]
    parts += [labels.skill_level(c.level) for c in m.promotions]
    return "、".join(parts)


STUDIO_COLUMNS: tuple[Column[StudioMembershipRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Studio"), lambda s: s.studio),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Kind"), lambda s: sl.kind(s.kind)),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Level"), lambda s: tl.honour_level(s.level)),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Role"), lambda s: s.role),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Member"),
        lambda s: _span(s.joined_on, s.left_on),
    ),
)
INNOVATION_COLUMNS: tuple[Column[InnovationRow], ...] = (
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Result"), lambda i: i.title),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Year"), lambda i: str(i.year), lambda i: i.year),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "Studio"), lambda i: i.studio),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Patent"),
        lambda i: f"{sl.name_of(sl.PATENT_KIND_NAMES, i.patent_kind)} {i.patent_number}".strip(),
    ),
    Column(_C, QT_TRANSLATE_NOOP("ProfileModels", "In use"), lambda i: _yes(i.applied)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("ProfileModels", "Benefit (10k yuan)"),
        lambda i: decimal_text(i.benefit) if i.benefit else "",
        lambda i: float(i.benefit),
    ),
)


class CertificateTableModel(ListTableModel[CertificateRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(CERTIFICATE_COLUMNS, parent)


class TitleTableModel(ListTableModel[TitleRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TITLE_COLUMNS, parent)


class HonourTableModel(ListTableModel[HonourRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HONOUR_COLUMNS, parent)


class HistoryTableModel(ListTableModel[HistoryRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HISTORY_COLUMNS, parent)


class ApprenticeTableModel(ListTableModel[MentorshipRow]):
    """The agreements where the person is the master: one apprentice a row."""

    def __init__(self, parent: Any = None) -> None:
        title = QT_TRANSLATE_NOOP("ProfileModels", "Apprentice")
        super().__init__(_mentorship_columns(title, lambda m: m.apprentice_name), parent)


class MasterTableModel(ListTableModel[MentorshipRow]):
    """The agreements where the person is the apprentice: one master a row."""

    def __init__(self, parent: Any = None) -> None:
        title = QT_TRANSLATE_NOOP("ProfileModels", "Master")
        super().__init__(_mentorship_columns(title, lambda m: m.mentor_name), parent)


class MembershipTableModel(ListTableModel[StudioMembershipRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(STUDIO_COLUMNS, parent)


class PersonInnovationTableModel(ListTableModel[InnovationRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(INNOVATION_COLUMNS, parent)
