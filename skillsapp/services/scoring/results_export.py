"""Results as the JSON document, the printed results sheet and the .xlsx workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from skillsapp.domain.competitions import Competition
from skillsapp.interchange.results_xlsx import SheetData
from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.results_sheet import ResultLine, ResultsSheet
from skillsapp.services.scoring.judge_analysis import JudgeSeverityRow
from skillsapp.services.scoring.results_read import EventResultsView, ResultRow, UnitStandingRow

XLSX_LABELS: Mapping[str, str] = {
    "rank": "名次",
    "bib": "参赛号",
    "name": "姓名",
    "unit": "单位",
    "total": "总分",
    "award": "奖项",
    "titles": "推荐称号",
    "standardised": "标准分",
    "provisional": "暂定",
    "disqualified": "失格",
    "yes": "是",
    "teams": "{event}团体",
    "team_rank": "团体名次",
    "team_score": "团体成绩",
    "members": "计分队员",
    "standings": "单位总分",
    "events": "项目数",
    "judge": "裁判",
    "marks": "评分数",
    "deviation": "平均偏差",
    "high": "去掉最高分次数",
    "low": "去掉最低分次数",
    "trimmed": "去分评分组数",
}


def results_json(competition: Competition, views: Sequence[EventResultsView]) -> dict[str, Any]:
    """{"competition": {...}, "events": [{"id", "name", "results": [...]}]}."""
    return {
        "competition": {
            "id": competition.id,
            "name": competition.name,
            "status": competition.status.value,
        },
        "events": [
            {"id": v.event_id, "name": v.event_name, "results": [_json_row(v, r) for r in v.rows]}
            for v in views
        ],
    }


def _json_row(view: EventResultsView, row: ResultRow) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "bib": row.bib,
        "person_id": row.person_id,
        "name": row.name,
        "unit": row.unit,
        "components": dict(zip(view.component_names, row.components, strict=True)),
        "total": row.total,
        "award": row.award,
        "titles": list(row.titles),
        "provisional": row.provisional,
    }


def day_text(labels: Mapping[str, str], day: dt.date | None) -> str:
    return "" if day is None else labels["day"].format(year=day.year, month=day.month, day=day.day)


def pdf_frame(competition: Competition, labels: Mapping[str, str], today: dt.date) -> PageFrame:
    printed = labels["printed"].format(date=day_text(labels, today))
    return PageFrame(header=competition.name, footer=printed, page_label=labels["page"])


def results_sheet(
    competition: Competition, view: EventResultsView, labels: Mapping[str, str]
) -> ResultsSheet:
    """The printed 成绩表 of one event."""
    days = [day_text(labels, d) for d in (competition.start_date, competition.end_date) if d]
    organizer = competition.organizer.name if competition.organizer else ""
    parts = [
        labels["event"].format(event=view.event_name),
        labels["date"].format(date="—".join(dict.fromkeys(days))) if days else "",
        labels["organizer"].format(organizer=organizer) if organizer else "",
    ]
    return ResultsSheet(
        title=labels["title"].format(competition=competition.name),
        subtitle="\u3000".join(p for p in parts if p),
        components=view.component_names,
        rows=tuple(_line(row, labels) for row in view.rows),
        notes=tuple(_notes(view, labels)),
        blind=view.names_hidden,
    )


def _line(row: ResultRow, labels: Mapping[str, str]) -> ResultLine:
    rank = labels["disqualified"] if row.disqualified else str(row.rank or "")
    return ResultLine(rank, row.bib, row.name, row.unit, row.components, row.total, row.award or "")


def _notes(view: EventResultsView, labels: Mapping[str, str]) -> list[str]:
    notes = []
    if view.provisional:
        notes.append(labels["provisional"].format(count=len(view.missing)))
    if view.field_too_small:
        notes.append(labels["field_too_small"].format(count=view.entrants, minimum=view.min_field))
    return notes


def results_sheets(
    views: Sequence[EventResultsView],
    standings: Sequence[UnitStandingRow],
    labels: Mapping[str, str] = XLSX_LABELS,
) -> list[SheetData]:
    """One sheet per event, then its team results, then the unit standings of a meet."""
    sheets = []
    for view in views:
        sheets.append(_event_sheet(view, labels))
        if view.teams:
            sheets.append(_team_sheet(view, labels))
    if standings:
        sheets.append(_standings_sheet(standings, labels))
    return sheets


def _event_sheet(view: EventResultsView, L: Mapping[str, str]) -> SheetData:
    count = len(view.component_names)
    headers = (
        L["rank"], L["bib"], L["name"], L["unit"], *view.component_names,
        L["total"], L["award"], L["titles"], L["standardised"], L["provisional"],
    )  # fmt: skip
    numbers = {4 + i: view.decimals for i in range(count + 1)} | {count + 7: 2}
    rows = tuple(_event_line(r, L) for r in view.rows)
    return SheetData(view.event_name, headers, rows, numbers, frozenset({1}))


def _event_line(r: ResultRow, L: Mapping[str, str]) -> tuple[object, ...]:
    rank = L["disqualified"] if r.disqualified else r.rank
    head = (rank, r.bib, r.name, r.unit, *r.components, r.total, r.award)
    return (*head, "、".join(r.titles), r.standardised, L["yes"] if r.provisional else "")


def _team_sheet(view: EventResultsView, L: Mapping[str, str]) -> SheetData:
    headers = (L["team_rank"], L["unit"], L["team_score"], L["members"])
    rows = tuple((t.rank, t.unit, t.score, "、".join(t.members)) for t in view.teams)
    return SheetData(L["teams"].format(event=view.event_name), headers, rows, {2: view.decimals})


def _standings_sheet(standings: Sequence[UnitStandingRow], L: Mapping[str, str]) -> SheetData:
    headers = (L["rank"], L["unit"], L["total"], L["events"])
    rows = tuple((s.rank, s.unit, s.total, s.events) for s in standings)
    return SheetData(L["standings"], headers, rows, {2: 2})


def severity_sheet(
    event_name: str,
    rows: Sequence[JudgeSeverityRow],
    criteria: Sequence[tuple[str, str]],
    labels: Mapping[str, str] = XLSX_LABELS,
) -> SheetData:
    """The judges' analysis of one event; one deviation column per judgement criterion."""
    L = labels
    headers = (
        L["judge"], L["marks"], L["deviation"], L["high"], L["low"], L["trimmed"],
        *(name for _, name in criteria),
    )  # fmt: skip
    body = []
    for row in rows:
        by_key = dict(row.by_criterion)
        deviations = tuple(by_key.get(key) for key, _ in criteria)
        body.append(
            (row.name, row.marks, row.mean_deviation, row.dropped_high, row.dropped_low,
             row.trimmed, *deviations)
        )  # fmt: skip
    numbers = {2: 2} | {6 + i: 2 for i in range(len(criteria))}
    return SheetData(event_name, headers, tuple(body), numbers)
