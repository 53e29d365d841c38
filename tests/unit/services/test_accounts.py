"""Accounts: first-run admin, login, hashed passwords, user management, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from skillsapp.app import Services, open_services
from skillsapp.domain.models import User
from skillsapp.domain.passwords import verify_password
from skillsapp.domain.roles import Role
from skillsapp.errors import AuthenticationFailed, PermissionDenied, ValidationError
from skillsapp.services.audit import AuditFilter
from tests.conftest import as_role


def _stored_hash(services: Services, username: str) -> str:
    with services.db.reading() as session:
        return session.scalars(select(User.password_hash).where(User.username == username)).one()


def _user_entries(services: Services, action: str) -> list:
    return services.audit.entries(AuditFilter(entity="user", action=action))


def test_first_admin_is_created_once_on_a_new_database(db_target: str) -> None:
    services = open_services(db_target)
    try:
        assert services.accounts.needs_first_admin()
        admin = services.accounts.create_first_admin(username="root", password="secret")
        assert admin.role is Role.ADMIN
        assert not services.accounts.needs_first_admin()
        with pytest.raises(ValidationError) as caught:
            services.accounts.create_first_admin(username="intruder", password="secret")
        assert caught.value.field_errors == {"username": "first_admin_exists"}
        assert [u.username for u in services.accounts.users(admin)] == ["root"]
    finally:
        services.db.close()


def test_login_with_the_right_password_acts_as_that_user(services: Services) -> None:
    actor = services.accounts.login("admin", "admin")
    assert (actor.name, actor.role, actor.user_id) == ("admin", Role.ADMIN, services.actor.user_id)
    assert [e.entity_id for e in _user_entries(services, "login")] == [str(actor.user_id)]


def test_login_with_a_wrong_password_or_unknown_name_fails(sqlite_services: Services) -> None:
    for username, password in (("admin", "wrong"), ("nobody", "admin"), ("admin", "")):
        with pytest.raises(AuthenticationFailed):
            sqlite_services.accounts.login(username, password)
    assert _user_entries(sqlite_services, "login") == []


def test_deactivated_account_cannot_log_in(services: Services) -> None:
    clerk = services.accounts.create_user(
        services.actor, username="clerk", password="pass1234", role=Role.CLERK
    )
    services.accounts.update_user(
        services.actor, clerk.id, display_name="", role=Role.CLERK, active=False
    )
    with pytest.raises(AuthenticationFailed):
        services.accounts.login("clerk", "pass1234")


def test_passwords_are_stored_as_scrypt_hashes(sqlite_services: Services) -> None:
    stored = _stored_hash(sqlite_services, "admin")
    assert stored.startswith("scrypt$")
    assert "admin" not in stored.split("$", 1)[1]
    assert verify_password("admin", stored)
    assert not verify_password("Admin", stored)


def test_judge_cannot_manage_users(sqlite_services: Services) -> None:
    judge = as_role(sqlite_services, "judge", "judge")
    with pytest.raises(PermissionDenied):
        judge.accounts.users(judge.actor)
    with pytest.raises(PermissionDenied):
        judge.accounts.create_user(judge.actor, username="mate", password="pass", role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        judge.accounts.update_user(
            judge.actor, judge.actor.user_id or 0, display_name="", role=Role.ADMIN, active=True
        )
    assert [u.username for u in sqlite_services.accounts.users(sqlite_services.actor)] == [
        "admin",
        "judge",
    ]
    assert sqlite_services.accounts.users(sqlite_services.actor)[1].role is Role.JUDGE


@pytest.mark.parametrize(
    ("role", "active"), [(Role.ADMIN, False), (Role.ORGANIZER, True)], ids=["disable", "demote"]
)
def test_admin_cannot_disable_or_demote_themselves(
    sqlite_services: Services, role: Role, active: bool
) -> None:
    me = sqlite_services.actor.user_id or 0
    with pytest.raises(ValidationError) as caught:
        sqlite_services.accounts.update_user(
            sqlite_services.actor, me, display_name="", role=role, active=active
        )
    assert caught.value.field_errors == {"role": "cannot_demote_self"}
    [row] = sqlite_services.accounts.users(sqlite_services.actor)
    assert (row.role, row.active) == (Role.ADMIN, True)
    assert _user_entries(sqlite_services, "update") == []


def test_user_changes_their_own_password_but_not_anothers(services: Services) -> None:
    clerk = as_role(services, "clerk", "clerk")
    clerk.accounts.set_password(clerk.actor, clerk.actor.user_id or 0, "new-secret")
    assert clerk.accounts.login("clerk", "new-secret").name == "clerk"
    with pytest.raises(AuthenticationFailed):
        clerk.accounts.login("clerk", "pass1234")
    with pytest.raises(PermissionDenied):
        clerk.accounts.set_password(clerk.actor, services.actor.user_id or 0, "hijacked")
    assert verify_password("admin", _stored_hash(services, "admin"))


def test_too_short_password_is_refused(sqlite_services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        sqlite_services.accounts.set_password(
            sqlite_services.actor, sqlite_services.actor.user_id or 0, "abc"
        )
    assert caught.value.field_errors == {"password": "password_too_short"}
    assert verify_password("admin", _stored_hash(sqlite_services, "admin"))


def test_username_taken_or_malformed_is_refused(sqlite_services: Services) -> None:
    for username, code in (("admin", "username_taken"), ("张 三", "username_invalid")):
        with pytest.raises(ValidationError) as caught:
            sqlite_services.accounts.create_user(
                sqlite_services.actor, username=username, password="pass1234", role=Role.CLERK
            )
        assert caught.value.field_errors == {"username": code}
    assert [u.username for u in sqlite_services.accounts.users(sqlite_services.actor)] == ["admin"]


def test_every_account_change_is_audited_without_the_password(services: Services) -> None:
    row = services.accounts.create_user(
        services.actor, username="org", password="pass1234", role=Role.CLERK, display_name="李四"
    )
    services.accounts.update_user(
        services.actor, row.id, display_name="李四", role=Role.ORGANIZER, active=True
    )
    services.accounts.set_password(services.actor, row.id, "changed-secret")
    created = [e for e in _user_entries(services, "create") if e.entity_id == str(row.id)]
    [updated] = _user_entries(services, "update")
    [password] = _user_entries(services, "password")
    assert created[0].actor == "admin"
    assert created[0].new_values == {
        "username": "org",
        "display_name": "李四",
        "role": "clerk",
        "active": True,
        "person_id": None,
    }
    assert (updated.old_values, updated.new_values) == ({"role": "clerk"}, {"role": "organizer"})
    assert (password.entity_id, password.old_values, password.new_values) == (
        str(row.id),
        None,
        None,
    )
    everything = repr(services.audit.entries())
    assert "pass1234" not in everything
    assert "changed-secret" not in everything
    assert "scrypt$" not in everything
