"""A competition as the printables see it, and the sheets made from it.

The service loads a `CompetitionView` from the database; the functions here turn it
and the translated labels into the sheets `skillsapp.pdf.forms` prints. Blind codes
appear on score sheets only, never on a roster or a sign-in sheet, and a blind score
sheet lists codes in code order: start order would give them away against the roster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from skillsapp.domain.pinyin import full_pinyin
from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.sheets import (
    Column,
    CriterionLine,
    RosterSheet,
    ScoreSheet,
    SheetContestant,
    SignInSheet,
)

LABELS: Mapping[str, str] = {
    # score sheets (SCORE_SHEET_LABEL_KEYS)
    "title": "评分表",
    "event": "比赛项目",
    "no": "序号",
    "item": "考核项目",
    "requirement": "考核要求",
    "max": "配分",
    "standard": "评分标准",
    "deduction": "扣分",
    "mark": "得分",
    "remark": "备注",
    "total": "合计",
    "code": "参赛号",
    "blind_code": "密号",
    "name": "姓名",
    "judge": "评分人",
    "checker": "核分人",
    "tallier": "统分人",
    "date": "日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    "blind_note": "盲评：只填写密号，不得写姓名或单位",
    # rosters, sign-in sheets, page frame
    "roster": "参赛名单",
    "sign_in": "签到表",
    "count": "{name}（共 {count} 人）",
    "gender": "性别",
    "unit": "参赛单位",
    "sign_time": "签到时间",
    "signature": "本人签名",
    "leader": "领队",
    "no_unit": "（未填单位）",
    "M": "男",
    "F": "女",
    "printed": "打印日期：{date}",
    "page": "第 {page} 页 / 共 {pages} 页",
    "day": "{year}年{month}月{day}日",
    # file names (services.forms.write_all)
    "file_roster_event": "参赛名单_按项目",
    "file_roster_unit": "参赛名单_按单位",
    "file_sign_in": "签到表",
    "file_judge": "裁判{name}",
    "file_blank": "空白",
}


@dataclass(frozen=True)
class EntryView:
    """An active registration, in start order within its event."""

    registration_id: int
    bib: str
    blind_code: str
    name: str
    gender: str  # Gender value: "M" / "F"
    unit: str
    is_leader: bool = False
    team: str = ""
    note: str = ""


@dataclass(frozen=True)
class JudgeView:
    user_id: int
    name: str
    blocked: frozenset[int] = frozenset()  # registration ids kept away from this judge


@dataclass(frozen=True)
class EventView:
    id: int
    name: str
    blind: bool
    criteria: tuple[CriterionLine, ...]
    entries: tuple[EntryView, ...]
    judges: tuple[JudgeView, ...] = ()

    def marked_by(self, judge: JudgeView | None) -> tuple[EntryView, ...]:
        """The entries on `judge`'s sheet (None: any judge), in marking order."""
        blocked = judge.blocked if judge else frozenset()
        entries = [e for e in self.entries if e.registration_id not in blocked]
        if self.blind:
            coded = [e for e in entries if e.blind_code]
            return tuple(sorted(coded, key=lambda e: (len(e.blind_code), e.blind_code)))
        return tuple(entries)


@dataclass(frozen=True)
class CompetitionView:
    id: int
    name: str
    venue: str
    start_date: dt.date | None
    end_date: dt.date | None
    events: tuple[EventView, ...]

    def by_unit(self) -> Iterator[tuple[str, list[tuple[EventView, EntryView]]]]:
        """Units in pinyin order ("" last), each with its entries by event."""
        groups: dict[str, list[tuple[EventView, EntryView]]] = {}
        for event in self.events:
            for entry in event.entries:
                groups.setdefault(entry.unit, []).append((event, entry))
        for unit in sorted(groups, key=lambda u: (not u, full_pinyin(u), u)):
            yield unit, groups[unit]


def page_frame(view: CompetitionView, labels: Mapping[str, str], today: dt.date) -> PageFrame:
    printed = labels["printed"].format(date=day_text(labels, today))
    return PageFrame(header=view.name, footer=printed, page_label=labels["page"])


def day_text(labels: Mapping[str, str], day: dt.date) -> str:
    return labels["day"].format(year=day.year, month=day.month, day=day.day)


def _count(labels: Mapping[str, str], name: str, count: int) -> str:
    return labels["count"].format(name=name, count=count)


def _note(labels: Mapping[str, str], entry: EntryView) -> str:
    parts = (labels["leader"] if entry.is_leader else "", entry.team, entry.note)
    return "；".join(p for p in parts if p)


def _unit(labels: Mapping[str, str], entry: EntryView) -> str:
    return entry.unit or labels["no_unit"]


def roster_by_event(view: CompetitionView, labels: Mapping[str, str]) -> list[RosterSheet]:
    """参赛名单 per event: 序号, 参赛号, 姓名, 性别, 参赛单位, 备注."""
    L = labels
    columns = (
        Column(L["no"], 0.6, "center"),
        Column(L["code"], 1.0, "center"),
        Column(L["name"], 1.5),
        Column(L["gender"], 0.6, "center"),
        Column(L["unit"], 3.6),
        Column(L["remark"], 1.6),
    )
    return [
        RosterSheet(L["roster"], _count(L, e.name, len(e.entries)), columns, _rows(L, e))
        for e in view.events
    ]


def _rows(labels: Mapping[str, str], event: EventView) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (str(i), e.bib, e.name, labels[e.gender], _unit(labels, e), _note(labels, e))
        for i, e in enumerate(event.entries, start=1)
    )


def roster_by_unit(view: CompetitionView, labels: Mapping[str, str]) -> list[RosterSheet]:
    """参赛名单 per unit: 序号, 姓名, 性别, 比赛项目, 参赛号, 备注."""
    L = labels
    columns = (
        Column(L["no"], 0.6, "center"),
        Column(L["name"], 1.5),
        Column(L["gender"], 0.6, "center"),
        Column(L["event"], 2.4),
        Column(L["code"], 1.0, "center"),
        Column(L["remark"], 2.0),
    )
    sheets = []
    for unit, pairs in view.by_unit():
        rows = tuple(
            (str(i), e.name, L[e.gender], event.name, e.bib, _note(L, e))
            for i, (event, e) in enumerate(pairs, start=1)
        )
        title = _count(L, unit or L["no_unit"], len(rows))
        sheets.append(RosterSheet(L["roster"], title, columns, rows))
    return sheets


def sign_in_sheets(
    view: CompetitionView, events: tuple[EventView, ...], labels: Mapping[str, str]
) -> list[SignInSheet]:
    """签到表 per event: the roster columns less 备注, 签到时间, and a column to sign."""
    L = labels
    columns = (
        Column(L["no"], 0.6, "center"),
        Column(L["code"], 1.0, "center"),
        Column(L["name"], 1.4),
        Column(L["gender"], 0.6, "center"),
        Column(L["unit"], 3.0),
        Column(L["sign_time"], 1.2),
    )
    days = [day_text(L, d) for d in (view.start_date, view.end_date) if d is not None]
    when = "—".join(dict.fromkeys(days))
    sheets = []
    for event in events:
        subtitle = "\u3000".join(
            p for p in (_count(L, event.name, len(event.entries)), when, view.venue) if p
        )
        rows = tuple((*row[:5], "") for row in _rows(L, event))
        sheets.append(
            SignInSheet(L["sign_in"], subtitle, columns, rows, Column(L["signature"], 2.0))
        )
    return sheets


def score_sheet(
    view: CompetitionView, event: EventView, judge: JudgeView | None, labels: Mapping[str, str]
) -> ScoreSheet:
    """The 评分表 of `event` for `judge` (None: any judge); blind → codes only."""
    contestants = tuple(
        SheetContestant(e.blind_code) if event.blind else SheetContestant(e.bib, e.name)
        for e in event.marked_by(judge)
    )
    return ScoreSheet(
        competition=view.name,
        event=event.name,
        judge=judge.name if judge else "",
        criteria=event.criteria,
        contestants=contestants,
        blind=event.blind,
        labels=labels,
    )
