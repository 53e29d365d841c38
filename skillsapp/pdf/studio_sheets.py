"""Studio sheets: the studio profile (工作室简况) and the annual evaluation sheet
(年度考核表), as A4 PDF bytes. The service fills the read models with translated text;
`STUDIO_LABELS` holds the Chinese texts it uses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from skillsapp.pdf.fonts import FontChain
from skillsapp.pdf.layout import PageFrame, PdfDocument, Section, frame_width
from skillsapp.pdf.sheets import Column
from skillsapp.pdf.tables import TableSpec, column_widths, heading, paragraph_style, ruled_table

BLOCK_HEADING_SIZE = 11.5
FACT_SIZE = 9.5
HEADING_ROOM: float = 30 * mm
_LABEL_SHADE = colors.HexColor("#F2F2F2")

STUDIO_LABELS: Mapping[str, str] = {
    "profile": "工作室简况",
    "evaluation": "{year}年度考核表",
    "basics": "基本情况",
    "name": "工作室名称",
    "kind": "类型",
    "level": "级别",
    "host_unit": "依托单位",
    "leader": "领办人",
    "founded_on": "成立日期",
    "accredited_on": "命名日期",
    "accreditation_number": "命名文号",
    "last_confirmed_on": "最近复审",
    "reconfirm_due_on": "复审到期",
    "status": "状态",
    "description": "简介",
    "makeup": "成员构成",
    "members": "成员名单",
    "member_count": "共 {count} 人",
    "people": "{label} {count} 人",
    "honour_line": "{level}{family} {count} 人",
    "role": "角色",
    "person": "姓名",
    "unit": "单位",
    "title": "职称",
    "skill_level": "技能等级",
    "joined_on": "加入日期",
    "innovations": "创新成果",
    "result_title": "成果名称",
    "year": "年度",
    "result_kind": "类别",
    "applied": "转化应用",
    "patent": "专利",
    "benefit": "经济效益(万元)",
    "awards": "获奖情况",
    "contributors": "完成人",
    "trainings": "培训活动",
    "held_on": "日期",
    "training_title": "培训内容",
    "attendees": "参训人数",
    "talents": "培养人才",
    "level_reached": "达到等级",
    "promoted": "晋升",
    "conditions": "认定条件核对",
    "condition": "条件",
    "required": "要求",
    "actual": "实际",
    "result": "结论",
    "met": "符合",
    "not_met": "不符合",
    "yes": "是",
    "no": "否",
    "none": "无",
    "due": "（须复审）",
    "metric": "考核指标",
    "weight": "权重",
    "value": "实际完成",
    "points": "得分",
    "total": "总分",
    "rank": "名次",
    "rank_of": "第 {rank} 名 / 共 {count} 个",
    "plan": "考核方案",
    "manual_note": "评审意见",
    "signature": "考核组签字：" + "\u3000" * 8 + "日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    "printed": "打印日期：{date}",
    "day": "{year}年{month}月{day}日",
    # studio kinds, levels, statuses
    "kind.model_worker": "劳模创新工作室",
    "kind.craftsman": "劳模和工匠人才创新工作室",
    "kind.skill_master": "技能大师工作室",
    "level.national": "国家级",
    "level.provincial": "省级",
    "level.city": "市级",
    "level.county": "县级",
    "level.industry": "行业级",
    "level.enterprise": "企业级",
    "demonstration": "全国示范性",
    "status.active": "正常",
    "status.under_review": "复审中",
    "status.revoked": "已撤销",
    # honours (make-up lines and the leader condition)
    "honour_level.national": "全国",
    "honour_level.provincial": "省级",
    "honour_level.city": "市级",
    "honour_level.county": "县级",
    "honour_level.industry": "行业",
    "honour_level.enterprise": "企业",
    "family.grand_award": "中华技能大奖",
    "family.skill_expert": "技术能手",
    "family.model_worker": "劳动模范",
    "family.may_day": "五一劳动奖章",
    "family.craftsman": "工匠",
    "leader_alt": "技师及以上并有发明成果",
    # innovation and patent kinds
    "innovation.technical_innovation": "技术革新",
    "innovation.invention": "发明创造",
    "innovation.rationalisation": "合理化建议",
    "innovation.qc": "QC成果",
    "innovation.construction_method": "工法",
    "innovation.other": "其他",
    "patent.invention": "发明专利",
    "patent.utility_model": "实用新型",
    "patent.design": "外观设计",
    # conditions
    "condition.leader_honour": "领办人荣誉等级",
    "condition.years_running": "运行年限（年）",
    "condition.members": "现有成员（人）",
    "condition.results": "近{years}年有效益成果（项）",
    "condition.trainings": "近一年培训（次）",
    "condition.trained": "近{years}年培养{level}以上（人）",
    "condition.promoted": "近{years}年成员晋升（人）",
    # evaluation metrics
    "metric.innovations": "创新成果（项）",
    "metric.applied": "成果转化应用（项）",
    "metric.patents": "专利（项）",
    "metric.benefit": "经济效益（万元）",
    "metric.awards": "获奖成果（项）",
    "metric.trained": "培养人才（人）",
    "metric.promoted": "人才晋升（人）",
    "metric.trainings": "培训活动（次）",
    "metric.manual": "（评分，满分{max}）",
}


@dataclass(frozen=True)
class TableBlock:
    """A titled table of a sheet; `empty` is printed instead when there are no rows."""

    heading: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""


@dataclass(frozen=True)
class StudioSheet:
    """One studio's sheet: facts two to a line, long notes across, then tables."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    notes: tuple[tuple[str, str], ...] = ()
    blocks: tuple[TableBlock, ...] = ()
    signature: str = ""


def studio_profile_pdf(frame: PageFrame, sheet: StudioSheet) -> bytes:
    """工作室简况 of one studio."""
    return _sheets_pdf(frame, [sheet], "profile")


def evaluation_sheets_pdf(frame: PageFrame, sheets: Sequence[StudioSheet]) -> bytes:
    """年度考核表: one section per studio, each numbered on its own."""
    if not sheets:
        raise ValueError("no evaluation sheet to print")
    return _sheets_pdf(frame, sheets, "evaluation")


def _sheets_pdf(frame: PageFrame, sheets: Sequence[StudioSheet], key: str) -> bytes:
    doc = PdfDocument(frame)
    for index, sheet in enumerate(sheets):
        section = Section(f"{key}-{index}", sheet.title, signature=sheet.signature)
        doc.section(section)
        doc.add(*heading(doc.chain, sheet.title, sheet.subtitle))
        width = frame_width(section)
        doc.add(_facts_table(doc.chain, sheet, width))
        for block in sheet.blocks:
            doc.add(*_block(doc.chain, block, width))
    return doc.build()


def _facts_table(chain: FontChain, sheet: StudioSheet, width: float) -> Flowable:
    """Label | value | label | value, then each note as label | value across three."""
    facts = list(sheet.facts)
    if len(facts) % 2:
        facts.append(("", ""))
    rows: list[list[str]] = [[*facts[i], *facts[i + 1]] for i in range(0, len(facts), 2)]
    rows += [[label, value, "", ""] for label, value in sheet.notes]
    first_note = len(rows) - len(sheet.notes)
    spec = TableSpec(
        widths=column_widths((1.1, 2.4, 1.1, 2.4), width),
        header_rows=0,
        font_size=FACT_SIZE,
        spans=tuple(((1, r), (3, r)) for r in range(first_note, len(rows))),
    )
    table = ruled_table(chain, rows, spec)
    shade = [("BACKGROUND", (0, 0), (0, -1), _LABEL_SHADE)]
    if first_note:
        shade.append(("BACKGROUND", (2, 0), (2, first_note - 1), _LABEL_SHADE))
    table.setStyle(shade)
    return table


def _block(chain: FontChain, block: TableBlock, width: float) -> list[Flowable]:
    title = Paragraph(
        chain.markup(block.heading), paragraph_style(chain.main, BLOCK_HEADING_SIZE, "left")
    )
    # A new page when the heading and a few rows would not fit: no heading alone at a foot.
    start = [Spacer(1, 5 * mm), CondPageBreak(HEADING_ROOM), title, Spacer(1, 2 * mm)]
    if not block.rows:
        style = paragraph_style(chain.main, FACT_SIZE, "left")
        return [*start, Paragraph(chain.markup(block.empty), style)]
    spec = TableSpec(
        widths=column_widths([c.weight for c in block.columns], width),
        aligns=tuple(c.align for c in block.columns),
        font_size=FACT_SIZE,
    )
    rows = [[c.label for c in block.columns], *block.rows]
    return [*start, ruled_table(chain, rows, spec)]
