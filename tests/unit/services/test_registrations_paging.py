"""Paging the entry list in SQL: pages in listing order, a count of all matches, filters."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.errors import NotFound, PermissionDenied
from skillsapp.services.competitions.registrations import RegistrationQuery
from tests.conftest import as_role
from tests.unit.services.test_competition_helpers import competition, enter, event, unit


def _meet(services: Services) -> tuple[int, int, int]:
    """Two events: 焊工 with 5 entries (drawn), 钳工 with 3 (not drawn)."""
    c = competition(services, quota_per_unit=10, one_event_per_person=False)
    welders, fitters = event(services, c.id), event(services, c.id, "钳工")
    u = unit(services)
    for seq in range(5):
        enter(services, welders.id, seq, u.id)
    for seq in range(5, 8):
        enter(services, fitters.id, seq, u.id)
    return c.id, welders.id, fitters.id


def test_pages_cover_the_listing_in_order_and_count_all_matches(services: Services) -> None:
    cid, _, _ = _meet(services)
    everything = services.registrations.registrations(cid)
    first = services.registrations.page(RegistrationQuery(cid, limit=3))
    second = services.registrations.page(RegistrationQuery(cid, offset=3, limit=3), count=False)
    last = services.registrations.page(RegistrationQuery(cid, offset=6, limit=3), count=False)
    assert first.total == 8
    assert (second.total, last.total) == (None, None)
    assert [r.id for r in first.rows + second.rows + last.rows] == [r.id for r in everything]
    assert len(last.rows) == 2


def test_a_page_is_filtered_by_event_and_text_and_counted_so(services: Services) -> None:
    cid, welders, fitters = _meet(services)
    page = services.registrations.page(RegistrationQuery(cid, event_id=fitters, limit=2))
    assert page.total == 3
    assert {r.event_name for r in page.rows} == {"钳工"}
    name = services.registrations.registrations(cid, event_id=welders)[1].person_name
    found = services.registrations.page(RegistrationQuery(cid, text=name))
    assert found.total == len(found.rows) >= 1
    assert all(name in r.person_name for r in found.rows)


def test_no_limit_returns_the_rest_and_an_empty_page_past_the_end(services: Services) -> None:
    cid, _, _ = _meet(services)
    rest = services.registrations.page(RegistrationQuery(cid, offset=5, limit=None))
    assert (len(rest.rows), rest.total) == (3, 8)
    beyond = services.registrations.page(RegistrationQuery(cid, offset=50))
    assert (beyond.rows, beyond.total) == ([], 8)


def test_paging_needs_the_right_to_view_and_a_real_competition(services: Services) -> None:
    cid, _, _ = _meet(services)
    judge = as_role(services, "judge", "judge")
    with pytest.raises(PermissionDenied):
        judge.registrations.page(RegistrationQuery(cid))
    with pytest.raises(NotFound):
        services.registrations.page(RegistrationQuery(cid + 100))
