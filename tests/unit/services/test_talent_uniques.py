"""The database itself refuses a second identical honour and a second nomination of one
nominee in a round (two clerks on two laptops at the same moment); the services report
the refusal as their own check does, never as a crash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import ModuleType

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from skillsapp.app import Services
from skillsapp.domain.marks import Honour, HonourLevel
from skillsapp.domain.talent import Nomination, NominationStatus
from skillsapp.errors import UserError, ValidationError
from skillsapp.interchange.honours_xlsx import HonourDraft
from skillsapp.services.talent import honour_import as import_module
from skillsapp.services.talent import honours as honours_module
from skillsapp.services.talent import nominations as nominations_module
from skillsapp.services.talent.honours import HonourInput, new_honour
from skillsapp.services.talent.nominations import RoundInput
from skillsapp.services.units import UnitInput
from tests.factories import id_number
from tests.unit.services.test_talent_helpers import entries, person, type_id


def _skill(services: Services, **holder: int) -> HonourInput:
    return HonourInput(
        type_id(services, "技术能手"),
        HonourLevel.CITY,
        title="焦作市技术能手",
        granting_body="焦作市人力资源和社会保障局",
        year=2024,
        **holder,
    )


def _pioneer(services: Services, unit_id: int) -> HonourInput:
    return HonourInput(
        type_id(services, "工人先锋号"), HonourLevel.CITY, unit_id=unit_id, year=2023
    )


def _written_directly(services: Services, data: HonourInput) -> None:
    """Past every service check, as a second laptop's transaction lands."""
    with services.db.transaction() as session:
        session.add(new_honour(data))


def _honours(services: Services) -> int:
    with services.db.reading() as session:
        return session.scalar(select(func.count(Honour.id))) or 0


def _check_passes_once(
    monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str, passed: object
) -> None:
    """The service's first check answers `passed`, as it would have a moment before the
    other laptop committed; later calls (the look after a refusal) see the database."""
    real: Callable[..., object] = getattr(module, name)
    calls: list[None] = []

    def stale(*args: object, **kwargs: object) -> object:
        calls.append(None)
        return passed if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(module, name, stale)


# ---- what the database refuses ---------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({}, id="identical"),
        pytest.param({"year": None}, id="both-undated"),
        pytest.param({"granting_body": "焦作市总工会"}, id="other-body"),  # not compared
    ],
)
def test_database_refuses_a_second_identical_person_honour(
    services: Services, change: dict[str, object]
) -> None:
    p = person(services, 0)
    data = replace(_skill(services, person_id=p.id), **change)
    _written_directly(services, replace(data, granting_body="焦作市人力资源和社会保障局"))
    with pytest.raises(IntegrityError):
        _written_directly(services, data)
    assert _honours(services) == 1


@pytest.mark.parametrize("year", [2023, None])
def test_database_refuses_a_second_identical_unit_honour(
    services: Services, year: int | None
) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    _written_directly(services, replace(_pioneer(services, unit.id), year=year))
    with pytest.raises(IntegrityError):
        _written_directly(services, replace(_pioneer(services, unit.id), year=year))


def test_database_keeps_honours_that_differ_in_any_compared_column(services: Services) -> None:
    p, other = person(services, 0), person(services, 1)
    unit = services.units.add_unit(UnitInput("焦煤集团"))
    base = _skill(services, person_id=p.id)
    variants = [
        base,
        replace(base, year=2023),
        replace(base, year=None),
        replace(base, level=HonourLevel.COUNTY),
        replace(base, title="焦作市首席技师"),
        replace(base, type_id=type_id(services, "劳动模范")),
        replace(base, person_id=other.id),
        replace(base, person_id=None, unit_id=unit.id),
        replace(base, person_id=None, unit_id=unit.id, year=None),
    ]
    for data in variants:
        _written_directly(services, data)
    assert _honours(services) == len(variants)


def _round(services: Services, name: str = "2025年焦作市劳动模范评选", **values: object) -> int:
    data = RoundInput(
        name,
        type_id(services, str(values.pop("honour", "劳动模范"))),
        HonourLevel.CITY,
        title=str(values.pop("title", "焦作市劳动模范")),
        granting_body="焦作市人民政府",
        year=2025,
    )
    return services.nominations.create_round(data).id


def _nominated_directly(services: Services, round_id: int, **nominee: int) -> None:
    with services.db.transaction() as session:
        status = NominationStatus.NOMINATED
        session.add(Nomination(round_id=round_id, status=status, notes="", **nominee))


def test_database_refuses_a_second_nomination_of_a_person_or_unit_in_a_round(
    services: Services,
) -> None:
    p = person(services, 0)
    unit = services.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    round_id = _round(services)
    unit_round = _round(services, "五一劳动奖状评选", honour="五一劳动奖状", title="")
    _nominated_directly(services, round_id, person_id=p.id)
    _nominated_directly(services, unit_round, unit_id=unit.id)
    with pytest.raises(IntegrityError):
        _nominated_directly(services, round_id, person_id=p.id)
    with pytest.raises(IntegrityError):
        _nominated_directly(services, unit_round, unit_id=unit.id)
    _nominated_directly(services, unit_round, person_id=p.id)  # not the same nominee
    _nominated_directly(services, _round(services, "2026年评选"), person_id=p.id)


# ---- what the services make of a refusal -----------------------------------------------


def test_honour_saved_meanwhile_is_refused_as_a_duplicate(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = person(services, 0)
    _written_directly(services, _skill(services, person_id=p.id))
    _check_passes_once(monkeypatch, honours_module, "duplicate_of", None)
    with pytest.raises(ValidationError) as caught:
        services.honours.add(replace(_skill(services, person_id=p.id), document_number="12号"))
    assert caught.value.field_errors == {"title": "honour_duplicate"}
    assert _honours(services) == 1
    assert entries(services, "honour") == []


def test_update_into_an_honour_saved_meanwhile_is_refused_as_a_duplicate(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = person(services, 0)
    row = services.honours.add(replace(_skill(services, person_id=p.id), year=2023))
    _written_directly(services, _skill(services, person_id=p.id))
    _check_passes_once(monkeypatch, honours_module, "duplicate_of", None)
    with pytest.raises(ValidationError) as caught:
        services.honours.update(row.id, _skill(services, person_id=p.id))
    assert caught.value.field_errors == {"title": "honour_duplicate"}
    assert sorted(h.year or 0 for h in services.honours.honours(person_id=p.id)) == [2023, 2024]


def test_a_refusal_that_is_no_duplicate_is_not_reported_as_one(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person deleted meanwhile breaks the foreign key: a different error, not hidden."""
    monkeypatch.setattr(honours_module, "_holder_errors", lambda _session, _data: {})
    with pytest.raises(IntegrityError):
        services.honours.add(_skill(services, person_id=999_999))


def test_nomination_saved_meanwhile_is_refused_as_a_duplicate(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = person(services, 0)
    round_id = _round(services)
    _nominated_directly(services, round_id, person_id=p.id)
    _check_passes_once(monkeypatch, nominations_module, "_nominated", False)
    with pytest.raises(ValidationError) as caught:
        services.nominations.nominate(round_id, person_id=p.id)
    assert caught.value.field_errors == {"nominee": "nomination_duplicate"}
    assert len(services.nominations.nominations(round_id)) == 1


def test_unit_nomination_saved_meanwhile_is_refused_as_a_duplicate(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = services.units.add_unit(UnitInput("焦煤集团赵固二矿"))
    round_id = _round(services, "五一劳动奖状评选", honour="五一劳动奖状", title="")
    _nominated_directly(services, round_id, unit_id=unit.id)
    _check_passes_once(monkeypatch, nominations_module, "_nominated", False)
    with pytest.raises(ValidationError) as caught:
        services.nominations.nominate(round_id, unit_id=unit.id)
    assert caught.value.field_errors == {"nominee": "nomination_duplicate"}


def test_approval_links_the_identical_honour_saved_meanwhile(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = person(services, 0)
    round_id = _round(services)
    nomination = services.nominations.nominate(round_id, person_id=p.id)
    rnd = services.nominations.rounds()[0]
    same = HonourInput(rnd.honour_type_id, rnd.level, person_id=p.id, title=rnd.title, year=2025)
    held = services.honours.add(same)
    _check_passes_once(monkeypatch, nominations_module, "duplicate_of", None)
    approved = services.nominations.approve(nomination.id)
    assert (approved.status, approved.honour_id) == (NominationStatus.APPROVED, held.id)
    assert _honours(services) == 1
    assert [e.action for e in entries(services, "honour")] == ["create"]  # the clerk's only


def test_import_of_an_honour_saved_meanwhile_is_refused_as_stale(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = person(services, 0)
    draft = HonourDraft(
        3, p.name, id_number(0), "技术能手", HonourLevel.CITY, "焦作市技术能手", year=2024
    )
    preview = services.honour_import.preview([draft])
    assert preview.problems == []
    _written_directly(services, preview.valid[0].data)
    _check_passes_once(monkeypatch, import_module, "_held", set())
    with pytest.raises(UserError) as caught:
        services.honour_import.run(preview)
    assert (caught.value.code, caught.value.params) == ("honour_import_stale", {"rows": "3"})
    assert _honours(services) == 1


def test_two_clerks_at_the_same_moment_on_postgresql(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real interleaving: the other laptop commits between the check and the write."""
    if services.db.is_sqlite:
        pytest.skip("SQLite lets one writer at a time: the later one finds it locked")
    p = person(services, 0)
    data = _skill(services, person_id=p.id)
    real = honours_module.duplicate_of
    calls: list[None] = []

    def check_then_other_laptop(*args: object, **kwargs: object) -> int | None:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        if not calls:
            calls.append(None)
            _written_directly(services, data)
        return found

    monkeypatch.setattr(honours_module, "duplicate_of", check_then_other_laptop)
    with pytest.raises(ValidationError) as caught:
        services.honours.add(data)
    assert caught.value.field_errors == {"title": "honour_duplicate"}
    assert _honours(services) == 1
