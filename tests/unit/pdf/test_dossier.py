"""The 人才档案 PDF: Chinese text throughout, every part titled, the photo embedded."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image as PILImage

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.marks import HonourLevel
from skillsapp.pdf.dossier import LABELS, WEIGHTS, DossierTable, DossierView, dossier_pdf
from skillsapp.pdf.layout import PageFrame
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.talent.mentorship import MentorshipInput
from skillsapp.services.talent.talent import CertificateInput
from tests.unit.pdf.pdf_checks import A4_PORTRAIT, notdef_characters, page_sizes, reader, text
from tests.unit.services.test_talent_helpers import final_result, person, type_id

SECTION_TITLES = (
    "技能等级证书",
    "专业技术职称",
    "荣誉",
    "竞赛成绩",
    "师带徒",
    "创新工作室",
    "创新成果",
)


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _image_count(data: bytes) -> int:
    count = 0
    for page in reader(data).pages:
        objects = page["/Resources"].get("/XObject", {})
        count += sum(1 for o in objects.values() if o.get_object()["/Subtype"] == "/Image")
    return count


def _view(**overrides: object) -> DossierView:
    values: dict[str, object] = {
        "name": "王䶮",
        "subtitle": "焦煤集团 / 赵固二矿",
        "identity": (("姓名", "王䶮"), ("性别", "男"), ("单位", "焦煤集团 / 赵固二矿")),
        "photo": None,
        "tables": (
            DossierTable("honours", (("河南省劳动模范", "劳动模范", "省级", "2020", "", ""),)),
            DossierTable("history", ()),
        ),
    }
    values.update(overrides)
    return DossierView(**values)  # type: ignore[arg-type]


FRAME = PageFrame(header="人才档案", footer="打印日期：2025年5月1日")


def test_every_part_has_its_column_widths_and_headers() -> None:
    for key, weights in WEIGHTS.items():
        assert len(LABELS[f"{key}_columns"].split("|")) == len(weights), key
        assert LABELS[key]


def test_dossier_is_a4_portrait_with_no_missing_glyphs() -> None:
    data = dossier_pdf(_view(), FRAME)
    assert set(page_sizes(data)) == {A4_PORTRAIT}
    assert notdef_characters(data) == set()
    content = text(data)
    for expected in ("人才档案", "王䶮", "河南省劳动模范", "竞赛成绩", "（无）", "照片"):
        assert expected in content


def test_photo_is_embedded_when_there_is_one() -> None:
    assert _image_count(dossier_pdf(_view(), FRAME)) == 0
    data = dossier_pdf(_view(photo=_png()), FRAME)
    assert _image_count(data) == 1
    assert "照片" not in text(data)  # the empty frame's label is gone


def test_a_damaged_photo_is_left_out_instead_of_failing() -> None:
    data = dossier_pdf(_view(photo=b"\x89PNG\r\n\x1a\nnot really"), FRAME)
    assert _image_count(data) == 0


def test_long_record_flows_onto_more_pages() -> None:
    rows = tuple((f"第{n}届大赛", "焊工", "2020-01-01", str(n), "90", "一等奖") for n in range(200))
    data = dossier_pdf(_view(tables=(DossierTable("history", rows),)), FRAME)
    assert len(page_sizes(data)) > 3
    assert "第199届大赛" in text(data)


@pytest.fixture
def recorded(sqlite_services: Services) -> tuple[Services, int]:
    services = sqlite_services
    p = person(services, 0)
    apprentice = person(services, 1)
    services.talent.add_certificate(CertificateInput(p.id, "焊工", SkillLevel.GRADE1))
    honour = HonourInput(
        type_id(services, "技术能手"), HonourLevel.CITY, person_id=p.id, title="焦作市技术能手"
    )
    services.honours.add(honour)
    final_result(services, p.id, titles=("焦作市技术能手",))
    start = dt.date(2023, 3, 1)
    services.mentorship.create(MentorshipInput(p.id, apprentice.id, start))
    services.registry.set_photo(p.id, _png())
    return services, p.id


def test_profile_pdf_prints_the_person_record(recorded: tuple[Services, int]) -> None:
    services, person_id = recorded
    data = services.profile.profile_pdf(person_id)
    content = text(data)
    for expected in ("人才档案", "王建国", "焦作市技术能手", "一级/高级技师", "李秀英", "一等奖"):
        assert expected in content
    for title in SECTION_TITLES:
        assert title in content
    assert _image_count(data) == 1
    assert notdef_characters(data) == set()
