"""Certificates for honour recipients (by group) and for a registry filter, not a competition."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.errors import PermissionDenied, UserError, ValidationError
from skillsapp.services.certificates.certificates import (
    ISSUER_KEY,
    MAX_LISTED,
    CertificateService,
    Output,
)
from skillsapp.services.registry.registry import PersonQuery
from skillsapp.services.talent.honours import HonourInput
from tests.conftest import as_role
from tests.unit.pdf.pdf_checks import page_texts
from tests.unit.services.test_cert_helpers import (
    AWARD_TEMPLATE,
    HONOUR_TEMPLATE,
    certificate_service,
    many_persons,
    template_id,
)
from tests.unit.services.test_competition_helpers import unit
from tests.unit.services.test_talent_helpers import person, type_id

CITY_BODY = "焦作市人力资源和社会保障局"
CRAFT_BODY = "焦作市人民政府"


def _honour(services: Services, person_id: int, title: str, body: str, year: int | None) -> int:
    data = HonourInput(
        type_id=type_id(services, "技术能手"),
        level=HonourLevel.CITY,
        person_id=person_id,
        title=title,
        granting_body=body,
        year=year,
    )
    return services.honours.add(data).id


def _unit_honour(services: Services) -> None:
    data = HonourInput(
        type_id=type_id(services, "工人先锋号"),
        level=HonourLevel.CITY,
        unit_id=unit(services, "焦作市第一建筑公司").id,
        title="焦作市工人先锋号",
        granting_body="焦作市总工会",
        year=2025,
    )
    services.honours.add(data)


@pytest.fixture
def certs(services: Services, tmp_path: Path) -> CertificateService:
    services.cert_templates.ensure_builtin_templates()
    return certificate_service(services, tmp_path)


def test_honour_groups_gather_year_title_and_body_newest_first(
    services: Services, certs: CertificateService
) -> None:
    zhao, qian, sun = (person(services, seq, name=n).id for seq, n in enumerate("赵钱孙"))
    first = _honour(services, zhao, "焦作市技术能手", CITY_BODY, 2025)
    second = _honour(services, qian, "焦作市技术能手", CITY_BODY, 2025)
    older = _honour(services, sun, "焦作市技术能手", CITY_BODY, 2023)
    craft = _honour(services, sun, "焦作工匠", CRAFT_BODY, 2025)
    undated = _honour(services, zhao, "岗位能手", CITY_BODY, None)
    _unit_honour(services)  # a unit's honour: no person to give a certificate to
    groups = certs.honour_groups()
    assert [(g.year, g.title, g.granting_body, g.count) for g in groups] == [
        (2025, "焦作工匠", CRAFT_BODY, 1),
        (2025, "焦作市技术能手", CITY_BODY, 2),
        (2023, "焦作市技术能手", CITY_BODY, 1),
        (None, "岗位能手", CITY_BODY, 1),
    ]
    assert groups[1].honour_ids == (second, first)  # by name: 钱 (qian) before 赵 (zhao)
    assert (groups[0].honour_ids, groups[2].honour_ids) == ((craft,), (older,))
    assert groups[3].honour_ids == (undated,)


def test_a_groups_honour_certificates_print_names_title_and_body(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    ids = [person(services, seq, name=n).id for seq, n in enumerate(("周明", "吴芳"))]
    for pid in ids:
        _honour(services, pid, "焦作市技术能手", CITY_BODY, 2025)
    (group,) = certs.honour_groups()
    candidates = certs.candidates_for_honours(group.honour_ids)
    assert [(c.kind, c.name, c.title, c.issuer) for c in candidates] == [
        ("honour", "吴芳", "焦作市技术能手", CITY_BODY),
        ("honour", "周明", "焦作市技术能手", CITY_BODY),
    ]
    result = certs.issue(
        candidates, template_id(services, HONOUR_TEMPLATE), Output(tmp_path / "h.pdf")
    )
    texts = page_texts(result.paths[0].read_bytes())
    assert "吴芳" in texts[0] and "周明" in texts[1]
    assert all("焦作市技术能手" in t and CITY_BODY in t for t in texts)
    again = certs.candidates_for_honours(group.honour_ids)
    assert [c.issued_serial for c in again] == list(result.serials)


def test_the_same_title_of_another_year_is_another_certificate(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    pid = person(services, 0, name="郑强").id
    old = _honour(services, pid, "焦作市技术能手", CITY_BODY, 2023)
    tid = template_id(services, HONOUR_TEMPLATE)
    certs.issue(certs.candidates_for_honours([old]), tid, Output(tmp_path / "2023.pdf"))
    new = _honour(services, pid, "焦作市技术能手", CITY_BODY, 2025)
    (candidate,) = certs.candidates_for_honours([new])
    assert candidate.issued_serial == ""
    assert certs.issue([candidate], tid, Output(tmp_path / "2025.pdf")).issued == 1


def test_a_registry_filter_certifies_every_match_not_one_page(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    many_persons(services, 30)
    certs.set_setting(ISSUER_KEY, "焦作市总工会")
    query = PersonQuery(text="测试", sort="id", descending=True, offset=10, limit=5)
    found = certs.candidates_for_query(query, award="  优秀  学员 ", title="")
    assert len(found) == 30
    assert [c.name for c in found[:2]] == ["测试00129", "测试00128"]  # the filter's order
    assert {(c.kind, c.award, c.title, c.competition) for c in found} == {
        ("custom", "优秀 学员", "", "")
    }
    result = certs.issue(
        found[:2], template_id(services, AWARD_TEMPLATE), Output(tmp_path / "list.pdf")
    )
    texts = page_texts(result.paths[0].read_bytes())
    assert "测试00129" in texts[0] and "优秀 学员" in texts[0]
    again = certs.candidates_for_query(query, award="优秀 学员")
    assert sum(bool(c.issued_serial) for c in again) == 2
    other = certs.candidates_for_query(query, title="优秀学员")
    assert not any(c.issued_serial for c in other)  # another text is another certificate


def test_a_filter_of_more_than_ten_thousand_persons_is_refused(
    services: Services, certs: CertificateService
) -> None:
    many_persons(services, MAX_LISTED + 1)
    with pytest.raises(UserError) as caught:
        certs.candidates_for_query(PersonQuery(text="测试"))
    assert caught.value.code == "cert_too_many_persons"
    assert caught.value.params == {"count": MAX_LISTED + 1, "limit": MAX_LISTED}
    assert len(certs.candidates_for_query(PersonQuery(text="测试0"))) == 9_900  # 测试00100–09999


def test_texts_longer_than_the_register_holds_are_refused(
    services: Services, certs: CertificateService
) -> None:
    many_persons(services, 1)
    with pytest.raises(ValidationError) as caught:
        certs.candidates_for_query(PersonQuery(), award="奖" * 41, title="称" * 121)
    assert caught.value.field_errors == {"award": "text_too_long", "title": "text_too_long"}


def test_only_issuers_list_honour_groups_and_filters(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    judge = certificate_service(as_role(services, "judge1", "judge"), tmp_path)
    with pytest.raises(PermissionDenied):
        judge.honour_groups()
    with pytest.raises(PermissionDenied):
        judge.candidates_for_query(PersonQuery())


def test_a_list_certificate_leaves_out_the_competition_phrase(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    many_persons(services, 1)
    certs.set_setting(ISSUER_KEY, "焦作市总工会")
    found = certs.candidates_for_query(PersonQuery(text="测试"), award="优秀学员")
    result = certs.issue(found, template_id(services, AWARD_TEMPLATE), Output(tmp_path / "l.pdf"))
    text = "".join(page_texts(result.paths[0].read_bytes())[0].split())
    assert "荣获优秀学员" in text and "比赛" not in text
    assert "焦作市总工会" in text


def test_certificates_without_an_issuing_body_are_refused_before_any_is_written(
    services: Services, certs: CertificateService, tmp_path: Path
) -> None:
    many_persons(services, 3)
    found = certs.candidates_for_query(PersonQuery(text="测试"), award="优秀学员")
    target = tmp_path / "blank-seal.pdf"
    with pytest.raises(UserError) as raised:
        certs.issue(found, template_id(services, AWARD_TEMPLATE), Output(target))
    assert raised.value.code == "cert_issuer_missing"
    assert raised.value.params["count"] == 3
    assert not target.exists() and certs.register() == []
