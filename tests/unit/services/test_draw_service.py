"""The draw: numbers, start order and blind codes, recorded and reproducible from the seed."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.competitions.draw import draw_event_entries
from tests.conftest import as_role
from tests.unit.services.test_competition_helpers import (
    advance,
    competition,
    enter,
    event,
    meet_ready_for_scoring,
    unit,
)


def _two_event_meet(services: Services, per_event: int = 6) -> tuple[int, list[int]]:
    c = competition(services, quota_per_unit=50)
    events = [event(services, c.id, "焊工").id, event(services, c.id, "钳工").id]
    u = unit(services)
    for index, event_id in enumerate(events):
        for seq in range(per_event):
            enter(services, event_id, index * 100 + seq, u.id)
    services.competitions.set_status(c.id, CompetitionStatus.REGISTRATION)
    return c.id, events


def _drawn(
    services: Services, competition_id: int
) -> dict[int, tuple[str | None, int | None, str | None]]:
    rows = services.registrations.registrations(competition_id)
    return {r.id: (r.bib, r.start_order, r.blind_code) for r in rows}


def test_every_entry_gets_a_number_a_start_order_and_a_blind_code(services: Services) -> None:
    competition_id, events = _two_event_meet(services)
    result = services.draw.draw(competition_id, seed=20250520)
    assert [(e.event_name, e.entries, e.seed) for e in result.events] == [
        ("焊工", 6, 20250520),
        ("钳工", 6, 20250520),
    ]
    rows = services.registrations.registrations(competition_id)
    welding = [r for r in rows if r.event_id == events[0]]
    fitting = [r for r in rows if r.event_id == events[1]]
    assert [r.start_order for r in welding] == [1, 2, 3, 4, 5, 6]
    assert [r.bib for r in welding] == [f"01{n:03d}" for n in range(1, 7)]
    assert [r.bib for r in fitting] == [f"02{n:03d}" for n in range(1, 7)]
    assert all(r.blind_code and len(r.blind_code) == 6 and r.blind_code.isdigit() for r in rows)


def test_the_same_seed_reproduces_the_same_draw(services: Services) -> None:
    competition_id, _ = _two_event_meet(services)
    services.draw.draw(competition_id, seed=99)
    first = _drawn(services, competition_id)
    services.draw.draw(competition_id, seed=12345)
    assert _drawn(services, competition_id) != first
    services.draw.draw(competition_id, seed=99)
    assert _drawn(services, competition_id) == first


def test_the_draw_follows_the_documented_procedure(services: Services) -> None:
    competition_id, events = _two_event_meet(services)
    services.draw.draw(competition_id, seed=4242)
    rows = services.registrations.registrations(competition_id, event_id=events[1])
    expected = draw_event_entries(4242, events[1], 1, [r.id for r in rows])
    assert {r.id: (r.bib, r.start_order, r.blind_code) for r in rows} == {
        d.registration_id: (d.bib, d.start_order, d.blind_code) for d in expected
    }


def test_the_seed_is_recorded_on_the_competition_its_events_and_the_audit(
    services: Services,
) -> None:
    competition_id, _ = _two_event_meet(services)
    result = services.draw.draw(competition_id)
    assert 0 <= result.seed < 2**31
    assert services.competitions.competition(competition_id).row.draw_seed == result.seed
    assert {e.draw_seed for e in services.events.events(competition_id)} == {result.seed}
    [entry] = services.audit.entries(AuditFilter(entity="competition", action="draw"))
    assert entry.new_values == {"seed": result.seed, "entries": {"焊工": 6, "钳工": 6}}
    event_entries = services.audit.entries(AuditFilter(entity="event", action="draw"))
    assert [e.new_values for e in event_entries] == [{"seed": result.seed}] * 2


def test_blind_codes_are_unique_per_event_and_not_in_bib_order(services: Services) -> None:
    competition_id, events = _two_event_meet(services, per_event=12)
    services.draw.draw(competition_id, seed=5)
    for event_id in events:
        rows = services.registrations.registrations(competition_id, event_id=event_id)
        codes = [r.blind_code for r in sorted(rows, key=lambda r: r.bib or "")]
        assert len(set(codes)) == len(codes) == 12
        assert codes != sorted(codes, key=str) and codes != sorted(codes, key=str, reverse=True)


def test_withdrawn_entries_are_left_out_of_a_redraw(services: Services) -> None:
    competition_id, events = _two_event_meet(services)
    services.draw.draw(competition_id, seed=1)
    gone = services.registrations.registrations(competition_id, event_id=events[0])[0]
    services.registrations.withdraw(gone.id, "伤病")
    result = services.draw.draw_event(events[0], seed=2)
    assert [e.entries for e in result.events] == [5]
    rows = services.registrations.registrations(competition_id, event_id=events[0])
    withdrawn = next(r for r in rows if r.id == gone.id)
    assert (withdrawn.bib, withdrawn.start_order, withdrawn.blind_code) == (None, None, None)
    assert sorted(r.start_order for r in rows if r.id != gone.id) == [1, 2, 3, 4, 5]


def test_redrawing_one_event_leaves_the_others_alone(services: Services) -> None:
    competition_id, events = _two_event_meet(services)
    services.draw.draw(competition_id, seed=1)
    before = services.registrations.registrations(competition_id, event_id=events[1])
    services.draw.draw_event(events[0], seed=77)
    assert services.registrations.registrations(competition_id, event_id=events[1]) == before
    seeds = {e.id: e.draw_seed for e in services.events.events(competition_id)}
    assert seeds == {events[0]: 77, events[1]: 1}
    assert services.competitions.competition(competition_id).row.draw_seed == 1


def test_the_draw_needs_registration_to_be_open(services: Services) -> None:
    c = competition(services)
    event(services, c.id)
    with pytest.raises(UserError) as error:
        services.draw.draw(c.id, seed=1)
    assert (error.value.code, error.value.params) == (
        "competition_wrong_status",
        {"status": "draft"},
    )


def test_the_draw_is_refused_once_scoring_has_begun(services: Services) -> None:
    meet = meet_ready_for_scoring(services)
    advance(services, meet.competition_id, CompetitionStatus.SCORING)
    with pytest.raises(UserError, match="competition_wrong_status"):
        services.draw.draw(meet.competition_id, seed=1)
    with pytest.raises(UserError, match="competition_wrong_status"):
        services.draw.draw_event(meet.event_id, seed=1)


@pytest.mark.parametrize("seed", [-1, 2**31])
def test_a_seed_outside_the_recorded_range_is_refused(services: Services, seed: int) -> None:
    competition_id, _ = _two_event_meet(services, per_event=1)
    with pytest.raises(UserError, match="draw_seed_invalid"):
        services.draw.draw(competition_id, seed=seed)


def test_a_clerk_cannot_draw(services: Services) -> None:
    competition_id, _ = _two_event_meet(services, per_event=1)
    clerk = as_role(services, "clerk", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.draw.draw(competition_id, seed=1)
