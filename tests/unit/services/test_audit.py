"""The audit trail: a hash chain that reveals rewrites, filters, admins-only reading."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from skillsapp.app import Services
from skillsapp.domain.models import AuditEntry
from skillsapp.domain.roles import Role
from skillsapp.errors import PermissionDenied
from skillsapp.services.audit import AuditFilter, AuditRow, entry_digest
from skillsapp.services.context import Actor
from skillsapp.services.units import UnitInput
from tests.factories import person_input


def _execute(services: Services, sql: str, **params: object) -> None:
    """Change the trail behind the services' back, as someone with database access could."""
    with services.db.engine.begin() as conn:
        conn.execute(text(sql), params)


def _utc_day(row: AuditRow) -> dt.date:
    at = row.at if row.at.tzinfo is None else row.at.astimezone(dt.UTC)
    return at.date()


@pytest.fixture
def history(services: Services) -> Services:
    """Eleven entries by two people: a unit and persons added, edited, deleted."""
    clerk = services.as_actor(Actor(name="clerk-li", role=Role.CLERK))
    unit = services.units.add_unit(UnitInput("郑州重工集团"))
    rows = [services.registry.add(person_input(seq, unit_id=unit.id)) for seq in range(4)]
    for seq, row in enumerate(rows[:3]):
        clerk.registry.update(row.id, person_input(seq, unit_id=unit.id, title=f"技师{seq}"))
    clerk.registry.delete(rows[3].id, reason="离职")
    services.units.update_unit(unit.id, UnitInput("郑州重工"))
    return services


def _ids(services: Services) -> list[int]:
    return sorted(row.id for row in services.audit.entries())


def test_untouched_chain_verifies_after_many_changes(history: Services) -> None:
    assert len(history.audit.entries()) == 1 + 1 + 4 + 3 + 1 + 1
    assert history.audit.first_broken_link() is None


def test_rewritten_values_are_found_at_the_rewritten_entry(history: Services) -> None:
    ids = _ids(history)
    victim = ids[len(ids) // 2]
    _execute(
        history,
        "UPDATE audit_entry SET new_values = :v WHERE id = :id",
        v='{"title": "高级技师"}',
        id=victim,
    )
    assert history.audit.first_broken_link() == victim


def test_rewritten_actor_is_found_at_the_rewritten_entry(history: Services) -> None:
    victim = _ids(history)[-2]
    _execute(history, "UPDATE audit_entry SET actor = 'admin' WHERE id = :id", id=victim)
    assert history.audit.first_broken_link() == victim


def test_rewrite_with_a_recomputed_hash_is_found_at_the_next_entry(history: Services) -> None:
    """Fixing up the rewritten entry's own hash does not help: the next link breaks."""
    ids = _ids(history)
    with history.db.transaction() as session:
        entry = session.get(AuditEntry, ids[3])
        assert entry is not None
        entry.new_values = '{"title": "高级技师"}'
        entry.hash = entry_digest(entry)
    assert history.audit.first_broken_link() == ids[4]


def test_entry_deleted_from_the_middle_is_found_at_its_successor(history: Services) -> None:
    ids = _ids(history)
    _execute(history, "DELETE FROM audit_entry WHERE id = :id", id=ids[4])
    assert history.audit.first_broken_link() == ids[5]


def test_filter_by_actor_entity_and_action(history: Services) -> None:
    by_clerk = history.audit.entries(AuditFilter(actor="clerk"))
    assert {e.actor for e in by_clerk} == {"clerk-li"}
    assert sorted(e.action for e in by_clerk) == ["delete", "update", "update", "update"]
    units = history.audit.entries(AuditFilter(entity="unit"))
    assert [e.action for e in units] == ["update", "create"]
    deletes = history.audit.entries(AuditFilter(action="delete"))
    assert [(e.entity, e.reason) for e in deletes] == [("person", "离职")]
    assert history.audit.entities() == ["person", "unit", "user"]


def test_filter_by_text_searches_old_and_new_values(history: Services) -> None:
    titled = history.audit.entries(AuditFilter(text="技师1"))
    assert [e.action for e in titled] == ["update"]
    assert titled[0].new_values == {"title": "技师1"}
    renamed = history.audit.entries(AuditFilter(text="郑州重工集团"))
    assert [(e.entity, e.action) for e in renamed] == [("unit", "update"), ("unit", "create")]


def test_filter_by_date_range(history: Services) -> None:
    day = _utc_day(history.audit.entries()[0])
    everything = len(history.audit.entries())
    one_day = dt.timedelta(days=1)
    assert len(history.audit.entries(AuditFilter(since=day, until=day))) == everything
    assert history.audit.entries(AuditFilter(since=day + one_day)) == []
    assert history.audit.entries(AuditFilter(until=day - one_day)) == []


def test_entries_are_newest_first_and_limited(history: Services) -> None:
    rows = history.audit.entries(AuditFilter(limit=3))
    assert [r.id for r in rows] == _ids(history)[::-1][:3]


@pytest.mark.parametrize("role", [Role.ORGANIZER, Role.CLERK, Role.JUDGE])
def test_only_admins_may_read_the_audit_log(sqlite_services: Services, role: Role) -> None:
    other = sqlite_services.as_actor(Actor(name="someone", role=role))
    for call in (other.audit.entries, other.audit.entities, other.audit.first_broken_link):
        with pytest.raises(PermissionDenied):
            call()


def test_audit_times_are_timezone_aware_utc_on_every_backend(
    history: Services, request: pytest.FixtureRequest
) -> None:
    at = history.audit.entries()[0].at
    assert at.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=5)
