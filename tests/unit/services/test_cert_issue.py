"""Issuing certificates: candidates, serials, the register, files, cancel, reprint."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from skillsapp.app import Services
from skillsapp.domain.cert_layout import Field, FieldKind
from skillsapp.domain.certificates import Certificate, CertificatePrint, PrintKind, SerialCounter
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import Honour, HonourLevel, HonourType
from skillsapp.errors import PermissionDenied, UserError, ValidationError
from skillsapp.services.certificates.certificates import (
    ISSUER_KEY,
    PATTERN_KEY,
    IssueCancelled,
    Output,
    RegisterFilter,
)
from tests.conftest import as_role
from tests.unit.pdf.pdf_checks import page_sizes, page_texts
from tests.unit.services.test_cert_helpers import (
    AWARDS,
    BOOKLET_TEMPLATE,
    HONOUR_TEMPLATE,
    TITLE,
    Setup,
    awarded,
    certificate_service,
    many_persons,
    meet,
    template_id,
)

A4_LANDSCAPE = (842, 595)


@pytest.fixture
def setup(services: Services, tmp_path: Path) -> Setup:
    found = awarded(services, tmp_path)
    found.certificates.set_setting(ISSUER_KEY, "焦作市总工会")
    return found


def _count(services: Services, entity: type) -> int:
    with services.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(entity)) or 0)


def test_candidates_come_in_event_and_rank_order_with_awards_and_titles(setup: Setup) -> None:
    found = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS, titles=[TITLE])
    assert [(c.kind, c.rank, c.award or c.title) for c in found] == [
        ("award", 1, "一等奖"),
        ("title", 1, TITLE),
        ("award", 2, "二等奖"),
        ("award", 3, "三等奖"),
    ]
    assert {c.unit for c in found} == {"焦作煤业集团赵固二矿机电工区"}
    only_first = setup.certificates.candidates(setup.meet.competition_id, awards=["一等奖"])
    assert [c.rank for c in only_first] == [1]


def test_results_under_review_get_no_certificates_yet(services: Services, tmp_path: Path) -> None:
    found = meet(services, status=CompetitionStatus.REVIEW)
    with pytest.raises(UserError) as caught:
        certificate_service(services, tmp_path).candidates(found.competition_id, awards=AWARDS)
    assert caught.value.code == "cert_competition_not_final"


def test_issuing_writes_one_pdf_the_register_and_the_log(setup: Setup, tmp_path: Path) -> None:
    candidates = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    result = setup.certificates.issue(
        candidates, template_id(setup.services), Output(tmp_path / "奖状.pdf")
    )
    assert result.serials == ("2025JZ0001", "2025JZ0002", "2025JZ0003")
    data = result.paths[0].read_bytes()
    assert page_sizes(data) == [A4_LANDSCAPE] * 3
    for text, candidate, serial in zip(page_texts(data), candidates, result.serials, strict=True):
        assert candidate.name in text and candidate.award in text and serial in text
        assert "焦作市总工会" in text and "二〇二五年十月" in text
    entries = setup.certificates.register(RegisterFilter(competition_id=setup.meet.competition_id))
    assert sorted(e.serial for e in entries) == list(result.serials)
    assert {e.template for e in entries} == {"获奖证书（A4 横版）"} and {
        e.prints for e in entries
    } == {1}
    assert {e.fields["issuer"] for e in entries} == {"焦作市总工会"}


def test_one_file_per_person_named_serial_and_name(setup: Setup, tmp_path: Path) -> None:
    candidates = setup.certificates.candidates(setup.meet.competition_id, titles=[TITLE])
    result = setup.certificates.issue(
        candidates,
        template_id(setup.services, HONOUR_TEMPLATE),
        Output(tmp_path / "out", split=True),
    )
    assert [p.name for p in result.paths] == [f"2025JZ0001_{candidates[0].name}.pdf"]
    assert TITLE in page_texts(result.paths[0].read_bytes())[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [result.paths[0].name]


def test_certificates_already_issued_are_skipped_and_then_refused(
    setup: Setup, tmp_path: Path
) -> None:
    tid = template_id(setup.services)
    first = setup.certificates.candidates(setup.meet.competition_id, awards=["一等奖"])
    setup.certificates.issue(first, tid, Output(tmp_path / "a.pdf"))
    again = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    assert [c.issued_serial for c in again] == ["2025JZ0001", "", ""]
    result = setup.certificates.issue(again, tid, Output(tmp_path / "b.pdf"))
    assert (result.issued, result.skipped) == (2, 1)
    with pytest.raises(UserError, match="cert_nothing_to_issue"):
        setup.certificates.issue(again, tid, Output(tmp_path / "c.pdf"))


def test_an_award_template_refuses_certificates_without_an_award(
    setup: Setup, tmp_path: Path
) -> None:
    titles = setup.certificates.candidates(setup.meet.competition_id, titles=[TITLE])
    with pytest.raises(UserError, match="cert_template_kind"):
        setup.certificates.issue(titles, template_id(setup.services), Output(tmp_path / "x.pdf"))


def test_cancelling_leaves_no_file_and_uses_no_serial(setup: Setup, tmp_path: Path) -> None:
    candidates = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(IssueCancelled):
        setup.certificates.issue(
            candidates,
            template_id(setup.services),
            Output(out),
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert seen == [(1, 3), (2, 3)]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*partial*")) == []
    assert (
        _count(setup.services, Certificate) == 0 and _count(setup.services, CertificatePrint) == 0
    )
    result = setup.certificates.issue(candidates, template_id(setup.services), Output(out))
    assert result.serials[0] == "2025JZ0001"


def test_cancelling_a_split_run_removes_every_file(setup: Setup, tmp_path: Path) -> None:
    candidates = setup.certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    prints = tmp_path / "prints"
    prints.mkdir()
    with pytest.raises(IssueCancelled):
        setup.certificates.issue(
            candidates,
            template_id(setup.services),
            Output(prints / "out", split=True),
            cancelled=lambda: True,
        )
    assert list(prints.iterdir()) == []


def test_serials_stay_unique_over_thousands_and_reprints(setup: Setup, tmp_path: Path) -> None:
    services, certificates = setup.services, setup.certificates
    tid = template_id(services, HONOUR_TEMPLATE)
    persons = many_persons(services, 2500)
    batch = certificates.candidates_for_persons(persons[:2000], title="技术标兵")
    first = certificates.issue(batch, tid, Output(tmp_path / "a.pdf"))
    second = certificates.issue(
        certificates.candidates_for_persons(persons, title="技术标兵"),
        tid,
        Output(tmp_path / "b.pdf"),
    )
    reprinted = certificates.reprint(first.certificate_ids[:100], Output(tmp_path / "c.pdf"))
    assert (first.issued, second.issued, second.skipped) == (2000, 500, 2000)
    every = first.serials + second.serials
    assert (
        len(set(every)) == 2500
        and first.serials[0] == "20250001"
        and second.serials[0] == "20252001"
    )
    assert reprinted.serials == first.serials[:100]
    assert _count(services, Certificate) == 2500
    with services.db.reading() as session:
        assert session.scalar(select(SerialCounter.last)) == 2500
        reprints = session.scalar(
            select(func.count()).where(CertificatePrint.kind == PrintKind.REPRINT)
        )
    assert reprints == 100


def test_a_changed_pattern_never_reuses_a_serial(setup: Setup, tmp_path: Path) -> None:
    services, certificates = setup.services, setup.certificates
    tid = template_id(services, HONOUR_TEMPLATE)
    persons = many_persons(services, 4)
    certificates.issue(
        certificates.candidates_for_persons(persons[:2], title="标兵"),
        tid,
        Output(tmp_path / "a.pdf"),
    )
    certificates.set_setting(PATTERN_KEY, "{year}{seq:04d}")  # same text, another counter
    later = certificates.issue(
        certificates.candidates_for_persons(persons[2:], title="标兵"),
        tid,
        Output(tmp_path / "b.pdf"),
    )
    assert later.serials == ("20250003", "20250004")
    with pytest.raises(ValidationError):
        certificates.set_setting(PATTERN_KEY, "{year}")


def test_a_reprint_uses_the_original_serial_and_template_version(
    setup: Setup, tmp_path: Path
) -> None:
    services, certificates = setup.services, setup.certificates
    tid = template_id(services)
    issued = certificates.issue(
        certificates.candidates(setup.meet.competition_id, awards=AWARDS),
        tid,
        Output(tmp_path / "a.pdf"),
    )
    layout = services.cert_templates.view(tid).layout
    new_title = Field("title", FieldKind.TEXT, 48.5, 26, 200, 24, text="新版获奖证书", size=40)
    services.cert_templates.save_draft(tid, layout.with_field(new_title))
    services.cert_templates.publish(tid)
    again = certificates.reprint(
        [issued.certificate_ids[1]], Output(tmp_path / "again.pdf"), note="遗失补打"
    )
    text = page_texts(again.paths[0].read_bytes())[0]
    assert again.serials == (issued.serials[1],) and "获奖证书" in text and "新版" not in text
    assert certificates.register(RegisterFilter(text=issued.serials[1]))[0].prints == 2


def test_a_reprint_of_two_template_versions_lists_serials_in_page_order(
    setup: Setup, tmp_path: Path
) -> None:
    services, certificates = setup.services, setup.certificates
    tid = template_id(services)
    candidates = certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    old = certificates.issue(candidates[:1], tid, Output(tmp_path / "old.pdf"))
    layout = services.cert_templates.view(tid).layout
    new_title = Field("title", FieldKind.TEXT, 48.5, 26, 200, 24, text="新版获奖证书", size=40)
    services.cert_templates.save_draft(tid, layout.with_field(new_title))
    services.cert_templates.publish(tid)
    new = certificates.issue(candidates[1:], tid, Output(tmp_path / "new.pdf"))
    mixed = [new.certificate_ids[0], old.certificate_ids[0], new.certificate_ids[1]]
    again = certificates.reprint(mixed, Output(tmp_path / "again.pdf"))
    pages = page_texts(again.paths[0].read_bytes())
    assert [serial in page for serial, page in zip(again.serials, pages, strict=True)] == [
        True,
        True,
        True,
    ]
    by_serial = {e.serial: e.id for e in certificates.register()}
    assert again.certificate_ids == tuple(by_serial[s] for s in again.serials)


def test_revoking_needs_a_reason_and_stops_reprints(setup: Setup, tmp_path: Path) -> None:
    certificates = setup.certificates
    issued = certificates.issue(
        certificates.candidates(setup.meet.competition_id, awards=AWARDS),
        template_id(setup.services),
        Output(tmp_path / "a.pdf"),
    )
    with pytest.raises(ValidationError):
        certificates.revoke(issued.certificate_ids[0], " ")
    entry = certificates.revoke(issued.certificate_ids[0], "成绩复核后更正")
    assert entry.status.value == "revoked" and entry.revoked_reason == "成绩复核后更正"
    with pytest.raises(UserError, match="cert_revoked"):
        certificates.reprint([issued.certificate_ids[0]], Output(tmp_path / "b.pdf"))
    renewed = certificates.candidates(setup.meet.competition_id, awards=["一等奖"])
    assert renewed[0].issued_serial == ""  # a corrected certificate may be issued anew


def test_printing_is_logged(setup: Setup, tmp_path: Path) -> None:
    certificates = setup.certificates
    issued = certificates.issue(
        certificates.candidates(setup.meet.competition_id, awards=AWARDS),
        template_id(setup.services),
        Output(tmp_path / "a.pdf"),
    )
    certificates.log_print(issued.certificate_ids[:2], note="HP LaserJet")
    assert [e.prints for e in sorted(certificates.register(), key=lambda e: e.serial)] == [2, 2, 1]


def test_booklet_printing_and_preview_write_no_register_rows(setup: Setup, tmp_path: Path) -> None:
    certificates = setup.certificates
    candidates = certificates.candidates(setup.meet.competition_id, awards=AWARDS)
    booklet = template_id(setup.services, BOOKLET_TEMPLATE)
    preview = certificates.preview(candidates, booklet, pages=2)
    assert len(page_texts(preview)) == 2 and "样张" in page_texts(preview)[0]
    assert _count(setup.services, Certificate) == 0
    output = replace(Output(tmp_path / "b.pdf"), booklet=True, offsets=(1.0, -0.5))
    text = page_texts(certificates.issue(candidates, booklet, output).paths[0].read_bytes())[0]
    assert candidates[0].name in text and "荣誉证书" not in text


def test_clerks_issue_but_do_not_revoke_and_judges_do_neither(setup: Setup, tmp_path: Path) -> None:
    clerk = certificate_service(as_role(setup.services, "clerk1", "clerk"), tmp_path)
    candidates = clerk.candidates(setup.meet.competition_id, awards=AWARDS)
    issued = clerk.issue(candidates, template_id(setup.services), Output(tmp_path / "a.pdf"))
    with pytest.raises(PermissionDenied):
        clerk.revoke(issued.certificate_ids[0], "错误")
    judge = certificate_service(as_role(setup.services, "judge1", "judge"), tmp_path)
    with pytest.raises(PermissionDenied):
        judge.candidates(setup.meet.competition_id, awards=AWARDS)


def test_a_registry_selection_and_honour_records(
    setup: Setup, services: Services, tmp_path: Path
) -> None:
    persons = many_persons(services, 2)
    found = setup.certificates.candidates_for_persons(
        persons, title="焦作工匠", competition_id=setup.meet.competition_id
    )
    assert [c.name for c in found] == ["测试00100", "测试00101"]
    assert {c.competition for c in found} == {"第三届职工技能竞赛"} and {c.kind for c in found} == {
        "custom"
    }
    with services.db.transaction() as session:
        kind = HonourType(name="工匠", ladder="工匠")
        session.add(kind)
        session.flush()
        honour = Honour(
            type_id=kind.id,
            person_id=persons[0],
            level=HonourLevel.CITY,
            title="第三届焦作工匠",
            granting_body="焦作市人民政府",
            version=1,
        )
        session.add(honour)
        session.flush()
        honour_id = honour.id
    (candidate,) = setup.certificates.candidates_for_honours([honour_id])
    assert (candidate.kind, candidate.title, candidate.issuer) == (
        "honour",
        "第三届焦作工匠",
        "焦作市人民政府",
    )
    result = setup.certificates.issue(
        [candidate], template_id(services, HONOUR_TEMPLATE), Output(tmp_path / "h.pdf")
    )
    text = page_texts(result.paths[0].read_bytes())[0]
    assert "第三届焦作工匠" in text and "焦作市人民政府" in text and "测试00100" in text
