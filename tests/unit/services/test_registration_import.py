"""Importing unit entry forms: every row's problems by row number, then all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.errors import UserError
from skillsapp.interchange.entry_forms import write_entry_form
from skillsapp.services.audit import AuditFilter
from skillsapp.services.competitions.events import EventInput
from skillsapp.services.competitions.registration_import import RegistrationImportPreview
from skillsapp.services.registry.registry import PersonQuery
from tests.factories import SURNAMES, id_number
from tests.unit.services.test_competition_helpers import (
    advance,
    competition,
    enter,
    event,
    meet_ready_for_scoring,
    person,
    unit,
)


def _row(event: str, seq: int, unit: str = "洛阳轴承厂", **extra: str) -> list[object]:
    """An entry form row for factories.person_input(seq)'s person."""
    female = seq % 2 == 1
    name = extra.get("name") or SURNAMES[seq % len(SURNAMES)] + ("秀英" if female else "建国")
    return [
        event,
        name,
        "女" if female else "男",
        extra.get("id_number", id_number(seq, female=female)),
        "",
        unit,
        "",
        extra.get("level", "三级/高级工"),
        "",
        extra.get("team", ""),
        extra.get("note", ""),
    ]


def _form(tmp_path: Path, rows: Sequence[Sequence[object]]) -> Path:
    path = tmp_path / "报名表.xlsx"
    write_entry_form(path, rows)
    return path


def _problems(preview: RegistrationImportPreview) -> list[tuple[int, str, str]]:
    return [(p.row, p.field, p.code) for p in preview.problems]


def _state(services: Services, competition_id: int) -> tuple[int, int, int, int]:
    return (
        len(services.registrations.registrations(competition_id)),
        services.registry.search().total,
        len(services.units.units()),
        len(services.audit.entries()),
    )


def test_valid_rows_register_new_and_known_persons_and_create_units(
    services: Services, tmp_path: Path
) -> None:
    c = competition(services)
    event(services, c.id, "焊工")
    event(services, c.id, "钳工")
    known = person(services, 3, unit(services, "洛阳轴承厂").id)
    path = _form(
        tmp_path,
        [_row("焊工", 0), _row("钳工", 1, "新乡电机厂"), _row("焊工", 3, name=known.name)],
    )
    preview = services.entry_import.preview(c.id, path)
    assert (preview.total_rows, preview.problems) == (3, [])
    assert (preview.new_units, preview.new_persons) == (["新乡电机厂"], 2)
    result = services.entry_import.run(preview)
    assert (result.registered, result.skipped, result.persons_created, result.units_created) == (
        3,
        0,
        2,
        1,
    )
    rows = services.registrations.registrations(c.id)
    assert sorted((r.event_name, r.unit_name) for r in rows) == [
        ("焊工", "洛阳轴承厂"),
        ("焊工", "洛阳轴承厂"),
        ("钳工", "新乡电机厂"),
    ]
    assert known.id in {r.person_id for r in rows}
    created = services.audit.entries(AuditFilter(action="create"))
    assert [e.entity for e in created][:5] == ["registration"] * 3 + ["person"] * 2


def test_an_event_may_be_named_by_its_trade(services: Services, tmp_path: Path) -> None:
    c = competition(services)
    row = services.events.add(c.id, EventInput(name="第1项 电焊", trade="焊工"))
    services.events.save_scheme(row.id, standard_spec())
    preview = services.entry_import.preview(c.id, _form(tmp_path, [_row("焊工", 0)]))
    assert [v.event_name for v in preview.valid] == ["第1项 电焊"]


def test_every_bad_row_is_reported_with_its_row_number(services: Services, tmp_path: Path) -> None:
    c = competition(services, quota_per_unit=2)
    event(services, c.id, "焊工", min_level=SkillLevel.GRADE4)
    fitting = event(services, c.id, "钳工")
    event(services, c.id, "叉车", team=True, team_size=3)
    already = enter(services, fitting.id, 20, unit(services, "洛阳轴承厂").id)
    path = _form(
        tmp_path,
        [
            _row("焊工", 0),  # 2 ok
            _row("焊工", 1, id_number="360426199101010072"),  # 3 bad ID
            _row("车工", 2),  # 4 unknown event
            _row("焊工", 3, level="五级/初级工"),  # 5 below the minimum level
            _row("焊工", 0),  # 6 the same person again in the file
            _row("钳工", 20, name=already.person_name),  # 7 already entered
            _row("钳工", 0),  # 8 one event per person (row 2)
            _row("叉车", 4),  # 9 team name missing
            _row("焊工", 5),  # 10 ok: 2nd of the unit
            _row("焊工", 7),  # 11 over the quota of 2
            _row("钳工", 8, unit=""),  # 12 no unit
            _row("钳工", 20, name="别人"),  # 13 the ID belongs to someone else
        ],
    )
    preview = services.entry_import.preview(c.id, path)
    assert _problems(preview) == [
        (3, "id_number", "id_checksum"),
        (4, "event", "event_unknown"),
        (5, "skill_level", "level_too_low"),
        (6, "id_number", "entry_duplicate_in_file"),
        (7, "id_number", "already_registered"),
        (8, "event", "person_in_other_event"),
        (9, "team_name", "team_name_required"),
        (11, "unit", "quota_exceeded"),
        (12, "unit", "entry_unit_required"),
        (13, "name", "person_name_mismatch"),
        (13, "id_number", "already_registered"),
    ]
    assert [v.row for v in preview.valid] == [2, 10]
    assert preview.problems[7].params == {"unit": "洛阳轴承厂", "event": "焊工", "quota": 2}
    assert preview.problems[3].params == {"other": 2}
    assert preview.problems[5].params == {"name": "王建国", "event": "焊工"}


def test_the_quota_counts_the_database_and_the_file_together(
    services: Services, tmp_path: Path
) -> None:
    c = competition(services, quota_per_unit=2)
    e = event(services, c.id)
    enter(services, e.id, 30, unit(services, "洛阳轴承厂").id)
    path = _form(tmp_path, [_row("焊工", 0), _row("焊工", 1), _row("焊工", 2, "新乡电机厂")])
    preview = services.entry_import.preview(c.id, path)
    assert _problems(preview) == [(3, "unit", "quota_exceeded")]
    assert [v.row for v in preview.valid] == [2, 4]


def test_rows_without_a_unit_use_the_unit_given_for_the_form(
    services: Services, tmp_path: Path
) -> None:
    c = competition(services)
    event(services, c.id)
    u = unit(services, "洛阳轴承厂")
    preview = services.entry_import.preview(
        c.id, _form(tmp_path, [_row("焊工", 0, "")]), unit_id=u.id
    )
    services.entry_import.run(preview)
    assert [r.unit_name for r in services.registrations.registrations(c.id)] == ["洛阳轴承厂"]


def test_a_cancelled_import_writes_nothing(services: Services, tmp_path: Path) -> None:
    c = competition(services, quota_per_unit=50)
    event(services, c.id)
    rows = [_row("焊工", seq, f"第{seq % 3}厂") for seq in range(12)]
    preview = services.entry_import.preview(c.id, _form(tmp_path, rows))
    before = _state(services, c.id)
    with pytest.raises(UserError, match="import_cancelled"):
        services.entry_import.run(preview, cancelled=lambda: True)
    assert _state(services, c.id) == before


def test_a_failure_half_way_writes_nothing(services: Services, tmp_path: Path) -> None:
    c = competition(services, quota_per_unit=50)
    event(services, c.id)
    preview = services.entry_import.preview(
        c.id, _form(tmp_path, [_row("焊工", s) for s in range(5)])
    )
    before = _state(services, c.id)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        services.entry_import.run(preview, progress=progress)
    assert calls == [5]
    assert _state(services, c.id) == before


def test_a_person_registered_since_the_preview_makes_the_run_stale(
    services: Services, tmp_path: Path
) -> None:
    c = competition(services)
    event(services, c.id)
    preview = services.entry_import.preview(
        c.id, _form(tmp_path, [_row("焊工", 0), _row("焊工", 1)])
    )
    person(services, 1)
    before = _state(services, c.id)
    with pytest.raises(UserError, match="registration_import_stale"):
        services.entry_import.run(preview)
    assert _state(services, c.id) == before


def test_an_entry_made_since_the_preview_makes_the_run_stale(
    services: Services, tmp_path: Path
) -> None:
    c = competition(services)
    e = event(services, c.id)
    u = unit(services, "洛阳轴承厂")
    p = person(services, 0, u.id)
    preview = services.entry_import.preview(c.id, _form(tmp_path, [_row("焊工", 0, name=p.name)]))
    services.registrations.register(e.id, p.id, u.id)
    with pytest.raises(UserError, match="registration_import_stale"):
        services.entry_import.run(preview)
    assert len(services.registrations.registrations(c.id)) == 1


def test_a_preview_cannot_be_run_once_registration_has_closed(
    services: Services, tmp_path: Path
) -> None:
    meet = meet_ready_for_scoring(services)
    preview = services.entry_import.preview(
        meet.competition_id, _form(tmp_path, [_row("焊工", 40)])
    )
    advance(services, meet.competition_id, CompetitionStatus.SCORING)
    with pytest.raises(UserError, match="competition_wrong_status"):
        services.entry_import.run(preview)
    assert services.registry.search(PersonQuery(text=id_number(40))).total == 0
