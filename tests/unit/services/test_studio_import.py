"""Importing studios and innovation results from .xlsx: preview with row problems, then
all or nothing; exporting studios to a file that imports back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.studios import InnovationKind, PatentKind, StudioKind, StudioStatus
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.interchange.studios_xlsx import (
    INNOVATION_HEADERS,
    STUDIO_HEADERS,
    read_innovations,
    read_studios,
)
from skillsapp.services.audit import AuditFilter
from skillsapp.services.studios.studio_import import StudioImporter, StudioImportStale
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.factories import id_number
from tests.unit.services.test_studio_helpers import (
    importer,
    innovation_input,
    person,
    studio,
    studio_service,
)


def _xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def _problems(preview: object) -> list[tuple[int, str, str]]:
    return [(p.row, p.field, p.code) for p in preview.problems]  # type: ignore[attr-defined]


def _studio_rows() -> list[list[object]]:
    ok = id_number(0)
    return [
        [
            "梁兵创新工作室",
            "劳模创新工作室",
            "市级",
            "焦煤集团",
            ok,
            dt.date(2018, 3, 1),
            "2019-05-01",
            "焦工发〔2019〕12号",
            "正常",
            "液压支架",
        ],
        [
            "李强技能大师工作室",
            "技能大师工作室",
            "全国示范性",
            "",
            "",
            "2016/4/1",
            "2017年6月1日",
            "",
            "复审中",
            "",
        ],
        ["坏类型", "研究所", "市级", "", "", "", "", "", "", ""],
        ["坏级别和日期", "劳模创新工作室", "宇宙级", "", "", "2018-02-30", "", "", "", ""],
        ["无此领办人", "劳模创新工作室", "省级", "", id_number(77), "", "", "", "", ""],
        ["已存在工作室", "劳模创新工作室", "市级", "", "", "", "", "", "", ""],
        ["梁兵创新工作室", "劳模创新工作室", "市级", "", "", "", "", "", "", ""],
        [
            "先命名后成立",
            "工匠人才创新工作室",
            "市级",
            "",
            "",
            "2020-01-01",
            "2019-01-01",
            "",
            "撤销",
            "",
        ],
    ]


def test_studio_import_reports_bad_rows_by_number_and_imports_the_rest(
    services: Services, tmp_path: Path
) -> None:
    leader = person(services, 0)
    studio(services, "已存在工作室")
    path = _xlsx(tmp_path / "studios.xlsx", list(STUDIO_HEADERS.values()), _studio_rows())
    preview = importer(services).preview_studios(read_studios(path))
    assert _problems(preview) == [
        (4, "kind", "studio_kind_unknown"),
        (5, "level", "studio_level_unknown"),
        (5, "founded_on", "date_invalid"),
        (6, "leader_id_number", "person_not_in_registry"),
        (7, "name", "studio_name_taken"),
        (8, "name", "duplicate_in_file"),
        (9, "accredited_on", "studio_accredited_before_founded"),
    ]
    assert ([v.row for v in preview.valid], preview.new_units) == ([2, 3], ["焦煤集团"])
    result = importer(services).run_studios(preview)
    assert (result.imported, result.skipped) == (2, 6)
    rows = {r.name: r for r in studio_service(services).studios()}
    first, second = rows["梁兵创新工作室"], rows["李强技能大师工作室"]
    assert (first.leader_id, first.host_unit_name, first.accredited_on) == (
        leader.id,
        "焦煤集团",
        dt.date(2019, 5, 1),
    )
    assert (second.kind, second.level, second.demonstration, second.status) == (
        StudioKind.SKILL_MASTER,
        HonourLevel.NATIONAL,
        True,
        StudioStatus.UNDER_REVIEW,
    )
    reasons = [e.reason for e in services.audit.entries(AuditFilter(entity="studio"))]
    assert reasons[:2] == ["import", "import"]


def test_studio_import_writes_nothing_when_a_name_was_taken_since_the_preview(
    services: Services, tmp_path: Path
) -> None:
    path = _xlsx(tmp_path / "s.xlsx", list(STUDIO_HEADERS.values()), _studio_rows()[:2])
    preview = importer(services).preview_studios(read_studios(path))
    studio(services, "李强技能大师工作室")
    before = len(services.audit.entries())
    with pytest.raises(StudioImportStale) as caught:
        importer(services).run_studios(preview)
    assert caught.value.params == {"rows": "3"}
    assert [r.name for r in studio_service(services).studios()] == ["李强技能大师工作室"]
    assert len(services.audit.entries()) == before
    assert services.units.units() == []


def _innovation_rows(first: str, second: str) -> list[list[object]]:
    return [
        [
            "梁兵创新工作室",
            "液压支架快速拆装",
            2024,
            "技术革新",
            "是",
            "实用新型",
            "zl2023 2 0123456.7",
            dt.date(2024, 3, 1),
            120.5,
            "省一等奖",
            f"{first}；{second}",
        ],
        ["梁兵创新工作室", "QC降耗", "2023年", "QC成果", "否", "", "", "", "", "", ""],
        ["不存在的工作室", "x", 2024, "工法", "", "", "", "", "", "", ""],
        ["梁兵创新工作室", "缺专利号", 2024, "发明创造", "", "发明", "", "", "", "", ""],
        ["梁兵创新工作室", "坏数据", "去年", "灵感", "也许", "", "", "", "很多", "", id_number(88)],
        ["梁兵创新工作室", "已录入", 2024, "技术革新", "", "", "", "", "", "", ""],
        ["梁兵创新工作室", "QC降耗", 2023, "QC成果", "", "", "", "", "", "", ""],
    ]


def test_innovation_import_links_contributors_and_reports_bad_rows(
    services: Services, tmp_path: Path
) -> None:
    row = studio(services)
    first, second = person(services, 0), person(services, 1)
    studio_service(services).add_innovation(row.id, innovation_input("已录入"))
    rows = _innovation_rows(id_number(0), id_number(1, female=True))
    path = _xlsx(tmp_path / "i.xlsx", list(INNOVATION_HEADERS.values()), rows)
    preview = importer(services).preview_innovations(read_innovations(path))
    assert _problems(preview) == [
        (4, "studio_name", "studio_unknown"),
        (5, "patent_number", "patent_number_required"),
        (6, "year", "year_invalid"),
        (6, "kind", "innovation_kind_unknown"),
        (6, "applied", "flag_invalid"),
        (6, "benefit", "benefit_invalid"),
        (6, "contributors", "person_not_in_registry"),
        (7, "title", "innovation_exists"),
        (8, "title", "duplicate_in_file"),
    ]
    result = importer(services).run_innovations(preview)
    assert (result.imported, result.skipped) == (2, 5)
    saved = {i.title: i for i in studio_service(services).studio(row.id).innovations}
    lifted = saved["液压支架快速拆装"]
    assert (lifted.applied, lifted.patent_kind, lifted.patent_number, lifted.benefit) == (
        True,
        PatentKind.UTILITY_MODEL,
        "ZL2023 2 0123456.7",
        Decimal("120.5"),
    )
    assert {p.id for p in lifted.contributors} == {first.id, second.id}
    assert (saved["QC降耗"].year, saved["QC降耗"].kind) == (2023, InnovationKind.QC)
    assert len(services.audit.entries(AuditFilter(entity="innovation"))) == 3


def test_innovation_import_writes_nothing_when_the_studio_went_away(
    services: Services, tmp_path: Path
) -> None:
    row = studio(services)
    other = studio(services, "另一工作室")
    rows = [
        ["梁兵创新工作室", "甲", 2024, "技术革新"],
        ["另一工作室", "乙", 2024, "工法"],
    ]
    headers = list(INNOVATION_HEADERS.values())[:4]
    preview = importer(services).preview_innovations(
        read_innovations(_xlsx(tmp_path / "i.xlsx", headers, rows))
    )
    studio_service(services).delete_studio(other.id)
    with pytest.raises(StudioImportStale):
        importer(services).run_innovations(preview)
    assert studio_service(services).studio(row.id).innovations == ()


def test_a_file_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", ["工作室名称", "级别"], [["甲", "市级"]])
    with pytest.raises(UserError) as caught:
        read_studios(path)
    assert (caught.value.code, caught.value.params) == ("header_missing", {"value": "类型"})


def test_only_organizers_import_studios_but_clerks_import_results(services: Services) -> None:
    clerk = as_role(services, "clerk1", "clerk")
    clerk_import = StudioImporter(clerk.db, clerk.actor)
    with pytest.raises(PermissionDenied):
        clerk_import.preview_studios([])
    assert clerk_import.preview_innovations([]).valid == []


def test_exported_studios_import_back_unchanged(services: Services, tmp_path: Path) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团"))
    leader = person(services, 0)
    studio(services, host_unit_id=unit.id, leader_id=leader.id, description="液压\n维修")
    studio(
        services,
        "示范工作室",
        level=HonourLevel.NATIONAL,
        demonstration=True,
        kind=StudioKind.CRAFTSMAN,
    )
    before = studio_service(services).studios()
    path = tmp_path / "export.xlsx"
    assert importer(services).export_studios(path) == 2
    for row in before:
        studio_service(services).delete_studio(row.id)
    preview = importer(services).preview_studios(read_studios(path))
    assert preview.problems == []
    importer(services).run_studios(preview)
    after = studio_service(services).studios()

    def key(r: object) -> tuple[object, ...]:
        fields = (
            "name",
            "kind",
            "level",
            "demonstration",
            "host_unit_id",
            "leader_id",
            "founded_on",
            "accredited_on",
            "accreditation_number",
            "status",
        )
        return tuple(getattr(r, f) for f in fields)

    assert [key(r) for r in after] == [key(r) for r in before]
    liang = next(r for r in after if r.name == "梁兵创新工作室")
    assert studio_service(services).studio(liang.id).description == "液压\n维修"


def test_export_masks_the_leader_id_for_those_who_may_not_see_it(
    services: Services, tmp_path: Path
) -> None:
    studio(services, leader_id=person(services, 0).id)
    clerk = as_role(services, "clerk1", "clerk")
    path = tmp_path / "clerk.xlsx"
    StudioImporter(clerk.db, clerk.actor).export_studios(path)
    (draft,) = read_studios(path)
    assert draft.leader_id_number == id_number(0)[:6] + "********" + id_number(0)[-4:]
