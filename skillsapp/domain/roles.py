"""Account roles and what each may do."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    ORGANIZER = "organizer"
    JUDGE = "judge"
    CLERK = "clerk"


class Permission(enum.StrEnum):
    VIEW_REGISTRY = "view_registry"
    EDIT_REGISTRY = "edit_registry"
    VIEW_FULL_ID = "view_full_id"
    EDIT_UNITS = "edit_units"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_DATABASE = "manage_database"
    VIEW_COMPETITIONS = "view_competitions"
    MANAGE_COMPETITIONS = "manage_competitions"
    REGISTER_CONTESTANTS = "register_contestants"
    REOPEN_COMPETITION = "reopen_competition"


_STAFF = {
    Permission.VIEW_REGISTRY,
    Permission.EDIT_REGISTRY,
    Permission.EDIT_UNITS,
    Permission.VIEW_COMPETITIONS,
    Permission.REGISTER_CONTESTANTS,
}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.ORGANIZER: frozenset({*_STAFF, Permission.MANAGE_COMPETITIONS}),
    Role.CLERK: frozenset(_STAFF),
    # Judges mark blind: they see their own events (issue 4), not the registry.
    Role.JUDGE: frozenset(),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]
