"""推荐评选: rounds, nominations, documents in the database, review and decision."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.marks import HonourLevel
from skillsapp.domain.talent import NominationStatus, RoundStatus
from skillsapp.errors import Conflict, PermissionDenied, UserError, ValidationError
from skillsapp.services.talent import nominations as nominations_module
from skillsapp.services.talent.honours import HonourInput
from skillsapp.services.talent.nominations import RoundInput
from skillsapp.services.units import UnitInput
from tests.conftest import as_role
from tests.unit.services.test_talent_helpers import entries, person, type_id

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8


def _round(services: Services, honour: str = "劳动模范", **overrides: object) -> int:
    values: dict[str, object] = {
        "name": "2025年焦作市劳动模范评选",
        "honour_type_id": type_id(services, honour),
        "level": HonourLevel.CITY,
        "title": "焦作市劳动模范",
        "granting_body": "焦作市人民政府",
        "year": 2025,
        "document_number": "焦政〔2025〕8号",
    }
    values.update(overrides)
    return services.nominations.create_round(RoundInput(**values)).id  # type: ignore[arg-type]


@pytest.fixture
def nominated(services: Services) -> tuple[int, int]:
    """(person id, nomination id) in an open round."""
    p = person(services, 0)
    round_id = _round(services)
    return p.id, services.nominations.nominate(round_id, person_id=p.id, notes="事迹突出").id


def test_round_lists_its_type_and_count_of_nominations(
    services: Services, nominated: tuple[int, int]
) -> None:
    [row] = services.nominations.rounds()
    assert (row.honour_type, row.title, row.nominations, row.status) == (
        "劳动模范",
        "焦作市劳动模范",
        1,
        RoundStatus.OPEN,
    )
    [entry] = entries(services, "nomination_round")
    assert entry.new_values is not None and entry.new_values["document_number"] == "焦政〔2025〕8号"


def test_round_with_blank_title_grants_the_type_name(services: Services) -> None:
    round_id = _round(services, title="")
    assert next(r for r in services.nominations.rounds() if r.id == round_id).title == "劳动模范"


def test_round_needs_a_known_type_and_a_name(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        _round(services, honour_type_id=999)
    assert caught.value.field_errors == {"honour_type_id": "honour_type_unknown"}
    with pytest.raises(ValidationError) as caught:
        _round(services, name="  ")
    assert caught.value.field_errors == {"name": "name_required"}


def test_a_person_is_nominated_once_per_round(
    services: Services, nominated: tuple[int, int]
) -> None:
    person_id, _ = nominated
    round_id = services.nominations.rounds()[0].id
    with pytest.raises(ValidationError) as caught:
        services.nominations.nominate(round_id, person_id=person_id)
    assert caught.value.field_errors == {"nominee": "nomination_duplicate"}
    other_round = _round(services, name="2025年五一劳动奖章", honour="五一劳动奖章")
    services.nominations.nominate(other_round, person_id=person_id)  # another round: fine


def test_nominating_unit_must_exist(services: Services) -> None:
    p = person(services, 0)
    round_id = _round(services)
    with pytest.raises(ValidationError) as caught:
        services.nominations.nominate(round_id, person_id=p.id, nominated_by_unit_id=999)
    assert caught.value.field_errors == {"nominated_by_unit_id": "unit_unknown"}
    union = services.units.add_unit(UnitInput("焦煤集团工会"))
    row = services.nominations.nominate(round_id, person_id=p.id, nominated_by_unit_id=union.id)
    assert row.nominated_by_unit_id == union.id


def test_units_are_nominated_for_unit_awards_only(services: Services) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    p = person(services, 0)
    unit_round = _round(services, name="五一劳动奖状", honour="五一劳动奖状", title="")
    row = services.nominations.nominate(unit_round, unit_id=unit.id)
    assert row.nominee == "焦煤集团赵固二矿"
    with pytest.raises(ValidationError) as caught:
        services.nominations.nominate(unit_round, person_id=p.id)
    assert caught.value.field_errors["type_id"] == "honour_type_for_units"


def test_closed_round_takes_no_nominations_or_documents(
    services: Services, nominated: tuple[int, int]
) -> None:
    _, nomination_id = nominated
    round_id = services.nominations.rounds()[0].id
    services.nominations.close_round(round_id)
    other = person(services, 1)
    with pytest.raises(UserError) as caught:
        services.nominations.nominate(round_id, person_id=other.id)
    assert caught.value.code == "round_closed"
    with pytest.raises(UserError):
        services.nominations.attach(nomination_id, "推荐表.pdf", PDF)
    approved = services.nominations.approve(nomination_id)  # decisions go on
    assert approved.status is NominationStatus.APPROVED


def test_document_round_trip_and_audit_by_name_and_size(
    services: Services, nominated: tuple[int, int]
) -> None:
    _, nomination_id = nominated
    doc = services.nominations.attach(
        nomination_id, "C:\\材料\\事迹材料.pdf", PDF, media_type="application/pdf"
    )
    assert (doc.filename, doc.size) == ("事迹材料.pdf", len(PDF))
    copy = services.nominations.download(doc.id)
    assert (copy.filename, copy.media_type, copy.content) == (
        "事迹材料.pdf",
        "application/pdf",
        PDF,
    )
    [row] = services.nominations.nominations(services.nominations.rounds()[0].id)
    assert [d.filename for d in row.documents] == ["事迹材料.pdf"]
    [entry] = entries(services, "nomination_document")
    assert entry.new_values == {
        "nomination_id": nomination_id,
        "filename": "事迹材料.pdf",
        "size": len(PDF),
    }


def test_document_over_the_limit_is_refused(
    services: Services, nominated: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, nomination_id = nominated
    assert nominations_module.DOCUMENT_MAX_BYTES == 20 * 1024 * 1024
    monkeypatch.setattr(nominations_module, "DOCUMENT_MAX_BYTES", len(PDF) - 1)
    with pytest.raises(UserError) as caught:
        services.nominations.attach(nomination_id, "big.pdf", PDF)
    assert caught.value.code == "document_too_large"
    assert entries(services, "nomination_document") == []


def test_removing_a_document_keeps_name_and_size_in_the_audit(
    services: Services, nominated: tuple[int, int]
) -> None:
    _, nomination_id = nominated
    doc = services.nominations.attach(nomination_id, "推荐表.docx", b"PK\x03\x04data")
    services.nominations.remove_document(doc.id)
    assert services.nominations.nominations(services.nominations.rounds()[0].id)[0].documents == ()
    entry = entries(services, "nomination_document")[-1]
    assert entry.action == "delete"
    assert entry.old_values == {
        "nomination_id": nomination_id,
        "filename": "推荐表.docx",
        "size": 8,
    }


def test_approval_grants_the_round_honour(services: Services, nominated: tuple[int, int]) -> None:
    person_id, nomination_id = nominated
    services.nominations.review(nomination_id, "材料齐全，进入公示")
    row = services.nominations.approve(nomination_id, granted_on=dt.date(2025, 4, 28))
    assert row.status is NominationStatus.APPROVED
    assert row.review_notes == "材料齐全，进入公示"
    assert row.decided_at is not None
    [honour] = services.honours.honours(person_id=person_id)
    assert (honour.id, honour.title, honour.level, honour.year) == (
        row.honour_id,
        "焦作市劳动模范",
        HonourLevel.CITY,
        2025,
    )
    assert (honour.granting_body, honour.document_number) == ("焦作市人民政府", "焦政〔2025〕8号")
    assert honour.granted_on == dt.date(2025, 4, 28)
    [entry] = entries(services, "honour")
    assert entry.reason == f"nomination {nomination_id}"


def test_second_approval_is_refused_and_grants_nothing(
    services: Services, nominated: tuple[int, int]
) -> None:
    person_id, nomination_id = nominated
    services.nominations.approve(nomination_id)
    with pytest.raises(UserError) as caught:
        services.nominations.approve(nomination_id)
    assert caught.value.code == "nomination_already_decided"
    with pytest.raises(UserError):
        services.nominations.reject(nomination_id)
    assert len(services.honours.honours(person_id=person_id)) == 1


def test_approval_from_a_stale_screen_raises_conflict_and_grants_nothing(
    services: Services, nominated: tuple[int, int]
) -> None:
    person_id, nomination_id = nominated
    [before] = services.nominations.nominations(services.nominations.rounds()[0].id)
    services.nominations.review(nomination_id, "请补充材料")
    with pytest.raises(Conflict):
        services.nominations.approve(nomination_id, expected_version=before.version)
    assert services.honours.honours(person_id=person_id) == []


def test_approval_links_an_identical_honour_already_held(
    services: Services, nominated: tuple[int, int]
) -> None:
    person_id, nomination_id = nominated
    held = services.honours.add(
        HonourInput(
            type_id(services, "劳动模范"),
            HonourLevel.CITY,
            person_id=person_id,
            title="焦作市劳动模范",
            year=2025,
        )
    )
    row = services.nominations.approve(nomination_id)
    assert row.honour_id == held.id
    assert len(services.honours.honours(person_id=person_id)) == 1


def test_rejection_grants_nothing_and_is_audited(
    services: Services, nominated: tuple[int, int]
) -> None:
    person_id, nomination_id = nominated
    row = services.nominations.reject(nomination_id, notes="不符合推荐条件")
    assert (row.status, row.honour_id) == (NominationStatus.REJECTED, None)
    assert services.honours.honours(person_id=person_id) == []
    entry = entries(services, "nomination")[-1]
    assert entry.new_values is not None
    assert entry.new_values["status"] == "rejected"
    assert entry.new_values["review_notes"] == "不符合推荐条件"


def test_clerk_nominates_but_only_reviewers_decide(services: Services) -> None:
    p = person(services, 0)
    round_id = _round(services)
    clerk = as_role(services, "clerk1", "clerk")
    nomination = clerk.nominations.nominate(round_id, person_id=p.id)
    clerk.nominations.attach(nomination.id, "推荐表.pdf", PDF)
    for decide in (
        lambda: clerk.nominations.approve(nomination.id),
        lambda: clerk.nominations.reject(nomination.id),
        lambda: clerk.nominations.review(nomination.id, "好"),
        lambda: clerk.nominations.close_round(round_id),
    ):
        with pytest.raises(PermissionDenied):
            decide()
    organizer = as_role(services, "org1", "organizer")
    assert organizer.nominations.approve(nomination.id).status is NominationStatus.APPROVED


def test_judge_cannot_nominate_or_download(services: Services, nominated: tuple[int, int]) -> None:
    _, nomination_id = nominated
    doc = services.nominations.attach(nomination_id, "推荐表.pdf", PDF)
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.nominations.download(doc.id)
    with pytest.raises(PermissionDenied):
        judge.nominations.nominate(services.nominations.rounds()[0].id, person_id=1)


def test_two_reviewers_approving_at_once_grant_one_honour(
    services: Services, nominated: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second approval read the nomination before the first committed (PostgreSQL: a
    venue's laptops share one server); the version check turns it into Conflict."""
    if services.db.is_sqlite:
        pytest.skip("one SQLite file is not written from two laptops at once")
    person_id, nomination_id = nominated
    other = as_role(services, "org1", "organizer")
    service = services.nominations
    read = service._undecided

    def read_then_race(session: object, key: int, version: int | None) -> object:
        found = read(session, key, version)  # type: ignore[arg-type]
        other.nominations.approve(nomination_id)  # commits while this one is open
        return found

    monkeypatch.setattr(service, "_undecided", read_then_race)
    with pytest.raises(Conflict):
        service.approve(nomination_id)
    assert len(services.honours.honours(person_id=person_id)) == 1
