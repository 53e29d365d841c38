"""Studio read models → the translated sheets of skillsapp.pdf.studio_sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

from skillsapp.domain.studio_rules import (
    ConditionCheck,
    HonourFamily,
    MemberMakeup,
    RankedStudio,
    StudioConditions,
    skill_level_short,
)
from skillsapp.pdf.layout import PageFrame
from skillsapp.pdf.sheets import Column
from skillsapp.pdf.studio_sheets import (
    STUDIO_LABELS,
    StudioSheet,
    TableBlock,
    evaluation_sheets_pdf,
    studio_profile_pdf,
)
from skillsapp.services.studios.studio_evaluation import Ranking
from skillsapp.services.studios.studio_queries import StudioRow
from skillsapp.services.studios.studios import StudioDetail

Labels = Mapping[str, str]
_FAMILIES_SHOWN = (
    HonourFamily.GRAND_AWARD,
    HonourFamily.SKILL_EXPERT,
    HonourFamily.MODEL_WORKER,
    HonourFamily.MAY_DAY,
    HonourFamily.CRAFTSMAN,
)


def _date(day: dt.date | None, labels: Labels) -> str:
    if day is None:
        return ""
    return labels["day"].format(year=day.year, month=day.month, day=day.day)


def _number(value: Decimal) -> str:
    """1200.5000 → "1200.5"; 3.0000 → "3"."""
    text = f"{value.normalize():f}"
    return text


def makeup_text(makeup: MemberMakeup, labels: Labels = STUDIO_LABELS) -> str:
    """ "共 26 人：高级工程师 10 人，…；高级技师 4 人，…；全国技术能手 2 人，…"."""
    people = labels["people"]
    parts = [
        "，".join(people.format(label=t, count=n) for t, n in makeup.by_title),
        "，".join(
            people.format(label=skill_level_short(lv), count=n) for lv, n in makeup.by_skill_level
        ),
    ]
    for family in _FAMILIES_SHOWN:
        lines = [
            labels["honour_line"].format(
                level=labels[f"honour_level.{level.value}"],
                family=labels[f"family.{family.value}"],
                count=n,
            )
            for level, n in makeup.honours.get(family, ())
        ]
        parts.append("，".join(lines))
    body = "；".join(p for p in parts if p)
    head = labels["member_count"].format(count=makeup.total)
    return f"{head}：{body}" if body else head


def _subtitle(row: StudioRow, labels: Labels) -> str:
    level = labels[f"level.{row.level.value}"]
    kind = labels[f"kind.{row.kind.value}"]
    extra = f"（{labels['demonstration']}）" if row.demonstration else ""
    return f"{level}{kind}{extra}"


def _facts(row: StudioRow, labels: Labels) -> tuple[tuple[str, str], ...]:
    due = _date(row.reconfirm_due_on, labels) + (labels["due"] if row.due else "")
    return (
        (labels["kind"], labels[f"kind.{row.kind.value}"]),
        (labels["level"], labels[f"level.{row.level.value}"]),
        (labels["host_unit"], row.host_unit_name),
        (labels["leader"], row.leader_name),
        (labels["founded_on"], _date(row.founded_on, labels)),
        (labels["accredited_on"], _date(row.accredited_on, labels)),
        (labels["accreditation_number"], row.accreditation_number),
        (labels["status"], labels[f"status.{row.status.value}"]),
        (labels["last_confirmed_on"], _date(row.last_confirmed_on, labels)),
        (labels["reconfirm_due_on"], due),
    )


def _members(detail: StudioDetail, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["person"], 1.2),
        Column(labels["role"], 0.9, "center"),
        Column(labels["unit"], 2.4),
        Column(labels["title"], 1.3),
        Column(labels["skill_level"], 1.1),
        Column(labels["joined_on"], 1.4, "center"),
    )
    rows = tuple(
        (
            m.name,
            m.role,
            m.unit_name,
            m.title,
            skill_level_short(m.skill_level) if m.skill_level is not None else "",
            _date(m.joined_on, labels),
        )
        for m in detail.members
        if m.current
    )
    heading = f"{labels['members']}（{labels['member_count'].format(count=len(rows))}）"
    return TableBlock(heading, columns, rows, labels["none"])


def _innovations(detail: StudioDetail, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["year"], 0.6, "center"),
        Column(labels["result_title"], 2.6),
        Column(labels["result_kind"], 1.0, "center"),
        Column(labels["applied"], 1.0, "center"),
        Column(labels["patent"], 1.8),
        Column(labels["benefit"], 1.2, "right"),
        Column(labels["awards"], 1.3),
        Column(labels["contributors"], 1.3),
    )
    rows = tuple(
        (
            str(i.year),
            i.title,
            labels[f"innovation.{i.kind.value}"],
            labels["yes"] if i.applied else labels["no"],
            _patent(i.patent_kind.value if i.patent_kind else "", i.patent_number, labels),
            _number(i.benefit),
            i.awards,
            "、".join(p.name for p in i.contributors),
        )
        for i in detail.innovations
    )
    return TableBlock(labels["innovations"], columns, rows, labels["none"])


def _patent(kind: str, number: str, labels: Labels) -> str:
    return f"{labels['patent.' + kind]} {number}" if kind else ""


def _trainings(detail: StudioDetail, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["held_on"], 1.3, "center"),
        Column(labels["training_title"], 4.0),
        Column(labels["attendees"], 1.0, "right"),
    )
    rows = tuple((_date(t.held_on, labels), t.title, str(t.attendees)) for t in detail.trainings)
    return TableBlock(labels["trainings"], columns, rows, labels["none"])


def _talents(detail: StudioDetail, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["year"], 0.8, "center"),
        Column(labels["person"], 1.5),
        Column(labels["level_reached"], 1.5),
        Column(labels["promoted"], 0.8, "center"),
    )
    rows = tuple(
        (
            str(t.year),
            t.name,
            skill_level_short(t.level_reached) if t.level_reached is not None else "",
            labels["yes"] if t.promoted else labels["no"],
        )
        for t in detail.talents
    )
    return TableBlock(labels["talents"], columns, rows, labels["none"])


def condition_texts(
    check: ConditionCheck, rules: StudioConditions, labels: Labels = STUDIO_LABELS
) -> tuple[str, str, str, str]:
    """Condition, required, actual, verdict: the texts of one line of the check."""
    level = skill_level_short(rules.trained_level) if rules.trained_level else ""
    years = rules.trained_years if check.key in ("trained", "promoted") else rules.reconfirm_years
    name = labels[f"condition.{check.key}"].format(years=years, level=level)
    if check.key == "leader_honour":
        required = labels[f"honour_level.{check.required}"]
        actual = str(check.actual)
        if actual.startswith("skill:"):
            actual = labels["leader_alt"]
        else:
            actual = labels[f"honour_level.{actual}"] if actual else labels["none"]
        return name, f"≥ {required}", actual, labels["met" if check.met else "not_met"]
    verdict = labels["met" if check.met else "not_met"]
    return name, f"≥ {check.required}", str(check.actual), verdict


def _conditions(detail: StudioDetail, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["condition"], 3.0),
        Column(labels["required"], 1.2, "center"),
        Column(labels["actual"], 1.2, "center"),
        Column(labels["result"], 1.0, "center"),
    )
    report = detail.conditions
    rows = tuple(condition_texts(c, report.rules, labels) for c in report.checks)
    return TableBlock(labels["conditions"], columns, rows, labels["none"])


def profile_sheet(detail: StudioDetail, labels: Labels = STUDIO_LABELS) -> StudioSheet:
    notes = [(labels["makeup"], makeup_text(detail.makeup, labels))]
    if detail.description:
        notes.insert(0, (labels["description"], detail.description))
    return StudioSheet(
        title=detail.row.name,
        subtitle=_subtitle(detail.row, labels),
        facts=_facts(detail.row, labels),
        notes=tuple(notes),
        blocks=(
            _members(detail, labels),
            _innovations(detail, labels),
            _trainings(detail, labels),
            _talents(detail, labels),
            _conditions(detail, labels),
        ),
    )


def _frame(header: str, today: dt.date, labels: Labels) -> PageFrame:
    return PageFrame(header, labels["printed"].format(date=_date(today, labels)))


def profile_pdf(detail: StudioDetail, today: dt.date, labels: Labels = STUDIO_LABELS) -> bytes:
    frame = _frame(labels["profile"], today, labels)
    return studio_profile_pdf(frame, profile_sheet(detail, labels))


def _metric_label(key: str, label: str, labels: Labels) -> str:
    return label or labels.get(f"metric.{key}", key)


def _score_table(ranking: Ranking, row: RankedStudio, labels: Labels) -> TableBlock:
    columns = (
        Column(labels["metric"], 3.0),
        Column(labels["weight"], 0.8, "right"),
        Column(labels["value"], 1.2, "right"),
        Column(labels["points"], 1.0, "right"),
    )
    lines = []
    for metric, score in zip(ranking.plan.metrics, row.scores, strict=True):
        name = _metric_label(metric.key, metric.label, labels)
        if metric.manual:
            name += labels["metric.manual"].format(max=_number(metric.max_score or Decimal(0)))
        lines.append((name, _number(metric.weight), _number(score.value), f"{score.points:.2f}"))
    lines.append((labels["total"], "100", "", f"{row.total:.2f}"))
    return TableBlock(labels["metric"], columns, tuple(lines))


def evaluation_sheet(
    ranking: Ranking, row: RankedStudio, labels: Labels = STUDIO_LABELS
) -> StudioSheet:
    plan = ranking.plan
    rank = labels["rank_of"].format(rank=row.rank, count=len(ranking.rows))
    note = ranking.notes.get(row.studio_id, "")
    return StudioSheet(
        title=f"{row.name} {labels['evaluation'].format(year=plan.year)}",
        subtitle=plan.name,
        facts=(
            (labels["name"], row.name),
            (labels["plan"], plan.name),
            (labels["total"], f"{row.total:.2f}"),
            (labels["rank"], rank),
        ),
        notes=((labels["manual_note"], note),),
        blocks=(_score_table(ranking, row, labels),),
        signature=labels["signature"],
    )


def evaluation_pdf(
    ranking: Ranking,
    rows: Sequence[RankedStudio],
    today: dt.date,
    labels: Labels = STUDIO_LABELS,
) -> bytes:
    frame = _frame(ranking.plan.name, today, labels)
    return evaluation_sheets_pdf(frame, [evaluation_sheet(ranking, r, labels) for r in rows])
