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


_STAFF = {Permission.VIEW_REGISTRY, Permission.EDIT_REGISTRY, Permission.EDIT_UNITS}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.ORGANIZER: frozenset(_STAFF),
    Role.CLERK: frozenset(_STAFF),
    # Judges mark blind: they see their events, not the registry.
    Role.JUDGE: frozenset(),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]
