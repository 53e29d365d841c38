"""A person's whole record in one read model (the profile page and the 人才档案 PDF),
saved registry searches, and the registry roster as .xlsx or PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.enums import Gender
from skillsapp.domain.honour_catalogue import LEVEL_LABELS
from skillsapp.domain.idcard import mask_id
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.models import Person, Unit
from skillsapp.domain.roles import Permission
from skillsapp.domain.studios import (
    Innovation,
    InnovationKind,
    PatentKind,
    Studio,
    StudioKind,
    StudioMember,
    innovation_contributor,
)
from skillsapp.domain.talent import Mentorship, SavedSearch
from skillsapp.errors import NotFound, ValidationError
from skillsapp.pdf import dossier, roster
from skillsapp.pdf.dossier import DossierTable, DossierView
from skillsapp.pdf.layout import PageFrame
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.services.registry.registry import PersonQuery, PersonRow, RegistryService
from skillsapp.services.registry.registry_export import export_persons
from skillsapp.services.scoring.publish import HistoryRow, competition_history
from skillsapp.services.talent.honours import HonourRow, person_honours
from skillsapp.services.talent.mentorship import MentorshipRow, mentorship_rows
from skillsapp.services.talent.talent import CertificateRow, TitleRow, certificates_of, titles_of
from skillsapp.storage.database import Database

_QUERY_FIELDS = tuple(
    f.name for f in dataclasses.fields(PersonQuery) if f.name not in ("offset", "limit")
)


@dataclass(frozen=True)
class StudioMembershipRow:
    studio_id: int
    studio: str
    kind: StudioKind
    level: HonourLevel
    role: str
    joined_on: dt.date | None
    left_on: dt.date | None
    leader: bool


@dataclass(frozen=True)
class InnovationRow:
    id: int
    studio_id: int
    studio: str
    title: str
    year: int
    kind: InnovationKind
    applied: bool
    patent_kind: PatentKind | None
    patent_number: str
    benefit: Decimal


@dataclass(frozen=True)
class PersonProfile:
    """Everything the registry knows of one person; `id_number` masked unless allowed."""

    id: int
    name: str
    gender: Gender
    id_number: str
    birth_date: dt.date | None
    mobile: str
    unit_id: int | None
    unit_path: tuple[str, ...]  # from the top unit down to the person's own
    trade: str
    skill_level: SkillLevel | None
    title: str
    has_photo: bool
    version: int
    certificates: tuple[CertificateRow, ...]
    titles: tuple[TitleRow, ...]
    honours: tuple[HonourRow, ...]
    history: tuple[HistoryRow, ...]
    as_mentor: tuple[MentorshipRow, ...]
    as_apprentice: tuple[MentorshipRow, ...]
    studios: tuple[StudioMembershipRow, ...]
    innovations: tuple[InnovationRow, ...]


@dataclass(frozen=True)
class SavedSearchRow:
    id: int
    name: str
    query: PersonQuery
    created_at: dt.datetime


def query_to_json(query: PersonQuery) -> str:
    """The filters and sort of `query` (not its page) as JSON."""
    values = {name: audit.plain(getattr(query, name)) for name in _QUERY_FIELDS}
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def query_from_json(text: str) -> PersonQuery:
    """The query saved by `query_to_json`; keys a newer version wrote are ignored."""
    raw = json.loads(text)
    values = {name: raw[name] for name in _QUERY_FIELDS if name in raw}
    if values.get("skill_level") is not None:
        values["skill_level"] = SkillLevel(values["skill_level"])
    if values.get("honour_level") is not None:
        values["honour_level"] = HonourLevel(values["honour_level"])
    return PersonQuery(**values)


def _unit_path(session: Session, unit_id: int | None) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[int] = set()
    while unit_id is not None and unit_id not in seen:  # a cycle would be a bug: stop anyway
        seen.add(unit_id)
        unit = session.get(Unit, unit_id)
        if unit is None:
            break
        names.append(unit.name)
        unit_id = unit.parent_id
    return tuple(reversed(names))


def _studios(session: Session, person_id: int) -> tuple[StudioMembershipRow, ...]:
    """Studios the person belongs to or leads (a leader without a member row too)."""
    stmt = (
        select(Studio, StudioMember)
        .outerjoin(
            StudioMember,
            (StudioMember.studio_id == Studio.id) & (StudioMember.person_id == person_id),
        )
        .where((StudioMember.id.is_not(None)) | (Studio.leader_id == person_id))
        .order_by(Studio.name)
    )
    return tuple(_membership(s, m, person_id) for s, m in session.execute(stmt))


def _membership(studio: Studio, member: StudioMember | None, person_id: int) -> StudioMembershipRow:
    leader = studio.leader_id == person_id
    return StudioMembershipRow(
        studio.id,
        studio.name,
        studio.kind,
        studio.level,
        member.role if member else "领办人",
        member.joined_on if member else studio.founded_on,
        member.left_on if member else None,
        leader,
    )


def _innovations(session: Session, person_id: int) -> tuple[InnovationRow, ...]:
    stmt = (
        select(Innovation, Studio.name)
        .join(innovation_contributor, innovation_contributor.c.innovation_id == Innovation.id)
        .join(Studio, Innovation.studio_id == Studio.id)
        .where(innovation_contributor.c.person_id == person_id)
        .order_by(Innovation.year.desc(), Innovation.id.desc())
    )
    fields = [f.name for f in dataclasses.fields(InnovationRow) if f.name != "studio"]
    return tuple(
        InnovationRow(**{k: getattr(i, k) for k in fields}, studio=name)
        for i, name in session.execute(stmt)
    )


class ProfileService:
    """The profile page, the dossier PDF, saved searches and roster exports."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    def profile(self, person_id: int) -> PersonProfile:
        """One person's record, read in a dozen queries whatever its size."""
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            return self._profile(session, person_id)

    def _profile(self, session: Session, person_id: int) -> PersonProfile:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(entity="person", id=person_id)
        ids = [person_id]
        has_photo = session.scalar(select(Person.photo.is_not(None)).where(Person.id == person_id))
        full_id = self._actor.can(Permission.VIEW_FULL_ID)
        return PersonProfile(
            **{name: getattr(person, name) for name in _PERSON_FIELDS},
            id_number=person.id_number if full_id else mask_id(person.id_number),
            unit_path=_unit_path(session, person.unit_id),
            has_photo=bool(has_photo),
            certificates=tuple(certificates_of(session, ids).get(person_id, ())),
            titles=tuple(titles_of(session, ids).get(person_id, ())),
            honours=tuple(person_honours(session, ids).get(person_id, ())),
            history=tuple(competition_history(session, person_id)),
            as_mentor=tuple(mentorship_rows(session, Mentorship.mentor_id == person_id)),
            as_apprentice=tuple(mentorship_rows(session, Mentorship.apprentice_id == person_id)),
            studios=_studios(session, person_id),
            innovations=_innovations(session, person_id),
        )

    def profile_pdf(self, person_id: int) -> bytes:
        """The 人才档案 of one person, A4 portrait, with the photo when there is one."""
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.reading() as session:
            record = self._profile(session, person_id)
            photo = session.scalar(select(Person.photo).where(Person.id == person_id))
        view = dossier_view(record, photo, dossier.LABELS)
        return dossier.dossier_pdf(view, self._frame(dossier.LABELS, dossier.LABELS["title"]))

    def roster_xlsx(self, query: PersonQuery, path: Path) -> int:
        """Every person matching `query` to an .xlsx that imports back; how many."""
        return export_persons(RegistryService(self._db, self._actor), query, path)

    def roster_pdf(self, query: PersonQuery, *, title: str = "") -> bytes:
        """Every person matching `query` as an A4 landscape list with their honours."""
        registry = RegistryService(self._db, self._actor)
        rows = registry.search(dataclasses.replace(query, offset=0, limit=None)).rows
        with self._db.reading() as session:
            honours = person_honours(session, [row.id for row in rows])
        cells = [roster_cells(row, honours.get(row.id, [])) for row in rows]
        frame = self._frame(roster.LABELS, title or roster.LABELS["title"])
        return roster.roster_pdf(frame, cells, title=title)

    def _frame(self, labels: Any, header: str) -> PageFrame:
        day = self._today or dt.date.today()
        printed = labels["printed"].format(date=f"{day.year}年{day.month}月{day.day}日")
        return PageFrame(header=header, footer=printed, page_label=labels["page"])

    def saved_searches(self) -> list[SavedSearchRow]:
        """The current user's saved searches, by name."""
        self._actor.require(Permission.VIEW_REGISTRY)
        stmt = select(SavedSearch).where(self._mine()).order_by(SavedSearch.name)
        with self._db.reading() as session:
            return [_search_row(s) for s in session.scalars(stmt)]

    def save_search(self, name: str, query: PersonQuery) -> SavedSearchRow:
        """Keep `query` under `name`; the same name again replaces the query."""
        self._actor.require(Permission.VIEW_REGISTRY)
        name = " ".join(name.split())
        if not name or len(name) > 80:
            raise ValidationError({"name": "text_too_long" if name else "name_required"})
        with self._db.transaction() as session:
            found = session.scalar(
                select(SavedSearch).where(self._mine(), SavedSearch.name == name)
            )
            saved = found or SavedSearch(owner_id=self._actor.user_id, name=name)
            old = None if found is None else {"query": found.query}
            saved.query = query_to_json(query)
            session.add(saved)
            session.flush()
            self._audit(session, "update" if found else "create", saved, old, saved.query)
            return _search_row(saved)

    def delete_search(self, search_id: int) -> None:
        """Delete one of the current user's saved searches (another user's: NotFound)."""
        self._actor.require(Permission.VIEW_REGISTRY)
        with self._db.transaction() as session:
            stmt = select(SavedSearch).where(self._mine(), SavedSearch.id == search_id)
            saved = session.scalar(stmt)
            if saved is None:
                raise NotFound(entity="saved_search", id=search_id)
            self._audit(session, "delete", saved, {"query": saved.query}, None)
            session.delete(saved)

    def _mine(self) -> Any:
        owner = self._actor.user_id
        return SavedSearch.owner_id.is_(None) if owner is None else SavedSearch.owner_id == owner

    def _audit(
        self, session: Session, action: str, saved: SavedSearch, old: Any, query: str | None
    ) -> None:
        new = None if query is None else {"name": saved.name, "query": query}
        entity: dict[str, Any] = {"entity": "saved_search", "entity_id": saved.id}
        audit.record(session, self._actor, action=action, **entity, old=old, new=new)


_IDENTITY = ("id", "name", "gender", "birth_date", "mobile", "unit_id", "trade")
_PERSON_FIELDS = (*_IDENTITY, "skill_level", "title", "version")


def _search_row(saved: SavedSearch) -> SavedSearchRow:
    return SavedSearchRow(saved.id, saved.name, query_from_json(saved.query), saved.created_at)


# -- the texts of the dossier and the roster


def _day(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def _level(level: SkillLevel | None) -> str:
    return "" if level is None else level.label


def _span(start: dt.date | None, end: dt.date | None) -> str:
    return f"{_day(start)} – {_day(end)}" if start or end else ""


def _certificate(L: Mapping[str, str], c: CertificateRow) -> tuple[str, ...]:
    trade = f"{c.occupation}（{c.direction}）" if c.direction not in ("", "--") else c.occupation
    state = L["revoked" if c.revoked else "valid"]
    return (trade, c.level.label, c.number, _day(c.issue_date), c.issuer, state)


def _honour(h: HonourRow) -> tuple[str, ...]:
    when = " ".join(str(x) for x in (h.year, h.edition) if x)
    level = LEVEL_LABELS[h.level]
    return (h.title, h.type_name, level, when, h.granting_body, h.document_number)


def _result(r: HistoryRow) -> tuple[str, ...]:
    total = "" if r.total is None else str(r.total)
    awards = "、".join(x for x in (r.award, *r.titles) if x)
    rank = "" if r.rank is None else str(r.rank)
    return (r.competition, r.event, _day(r.date), rank, total, awards)


def _pair(L: Mapping[str, str], m: MentorshipRow, as_mentor: bool) -> tuple[str, ...]:
    other = m.apprentice_name if as_mentor else m.mentor_name
    outcome = L[m.result.value] if m.result else L.get(m.status.value, "")
    change = " → ".join(_level(x) for x in (m.level_before, m.level_after) if x is not None)
    role = L["as_mentor" if as_mentor else "as_apprentice"]
    return (role, other, _span(m.start_date, m.end_date), _level(m.goal_level), outcome, change)


def _studio(L: Mapping[str, str], m: StudioMembershipRow) -> tuple[str, ...]:
    span = _span(m.joined_on, m.left_on)
    return (m.studio, L[m.kind.value], LEVEL_LABELS[m.level], m.role, span)


def _innovation(L: Mapping[str, str], i: InnovationRow) -> tuple[str, ...]:
    patent = f"{L[i.patent_kind.value]} {i.patent_number}".strip() if i.patent_kind else ""
    benefit = f"{i.benefit.normalize():f}" if i.benefit else ""
    applied = L["applied"] if i.applied else ""
    return (i.title, str(i.year), i.studio, patent, applied, benefit)


def dossier_view(p: PersonProfile, photo: bytes | None, L: Mapping[str, str]) -> DossierView:
    """The profile as the texts the dossier prints."""
    unit = " / ".join(p.unit_path)
    identity = (
        (L["name"], p.name),
        (L["gender"], L[p.gender.value]),
        (L["id_number"], p.id_number),
        (L["birth_date"], _day(p.birth_date)),
        (L["trade"], p.trade),
        (L["skill_level"], _level(p.skill_level)),
        (L["prof_title"], p.title),
        (L["mobile"], p.mobile),
        (L["unit"], unit),
    )
    pairs = [_pair(L, m, True) for m in p.as_mentor]
    pairs += [_pair(L, m, False) for m in p.as_apprentice]
    titles = [(t.title, _day(t.granted_on), t.issuer, t.certificate_number) for t in p.titles]
    tables: dict[str, Sequence[tuple[str, ...]]] = {
        "certificates": [_certificate(L, c) for c in p.certificates],
        "titles": titles,
        "honours": [_honour(h) for h in p.honours],
        "history": [_result(r) for r in p.history],
        "mentorship": pairs,
        "studios": [_studio(L, m) for m in p.studios],
        "innovations": [_innovation(L, i) for i in p.innovations],
    }
    parts = tuple(DossierTable(key, tuple(rows)) for key, rows in tables.items())
    return DossierView(p.name, unit, identity, photo, parts)


def roster_cells(row: PersonRow, honours: Sequence[HonourRow]) -> tuple[str, ...]:
    """姓名 性别 单位 工种 技能等级 职称 荣誉 of one person."""
    gender = dossier.LABELS[row.gender.value] if row.gender else ""
    titles = "、".join(h.title for h in honours)
    return (row.name, gender, row.unit_name, row.trade, _level(row.skill_level), row.title, titles)
