"""The judge accounts an organizer may assign: active judges only, with their unit."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.domain.roles import Role
from skillsapp.errors import PermissionDenied
from tests.conftest import as_role
from tests.unit.services.test_competition_helpers import judge, person, unit


def test_organizers_list_the_active_judge_accounts_with_their_units(services: Services) -> None:
    u = unit(services)
    judge(services, "zhang", person_id=person(services, 0, u.id).id)
    judge(services, "li")
    gone = judge(services, "wang")
    services.accounts.update_user(
        services.actor, gone.id, display_name="wang", role=Role.JUDGE, active=False, person_id=None
    )
    services.accounts.create_user(
        services.actor, username="clerk1", password="pass1234", role=Role.CLERK
    )
    organizer = as_role(services, "org", "organizer")
    rows = organizer.judges.judge_accounts()
    assert [(r.username, r.name, r.unit_name) for r in rows] == [
        ("li", "li", ""),
        ("zhang", "zhang", "洛阳轴承厂"),
    ]


def test_clerks_cannot_list_judge_accounts(services: Services) -> None:
    with pytest.raises(PermissionDenied):
        as_role(services, "clerk", "clerk").judges.judge_accounts()
