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
    KEY_SHEETS = "key_sheets"  # key in paper score sheets, import filled .xlsx sheets
    MANAGE_HONOUR_TYPES = "manage_honour_types"  # add local honour types (admins)
    REVIEW_NOMINATIONS = "review_nominations"  # run rounds, approve or reject nominations
    VIEW_STUDIOS = "view_studios"  # innovation studios, their records and rankings
    EDIT_STUDIO_RECORDS = "edit_studio_records"  # members, results, trainings, talents
    MANAGE_STUDIOS = "manage_studios"  # studios themselves, conditions, evaluations
    ISSUE_CERTIFICATES = "issue_certificates"  # templates, issuing, reprints, print log
    REVOKE_CERTIFICATES = "revoke_certificates"  # mark an issued certificate revoked


_STAFF = {
    Permission.VIEW_REGISTRY,
    Permission.EDIT_REGISTRY,
    Permission.EDIT_UNITS,
    Permission.VIEW_COMPETITIONS,
    Permission.REGISTER_CONTESTANTS,
    Permission.KEY_SHEETS,
    Permission.VIEW_STUDIOS,
    Permission.EDIT_STUDIO_RECORDS,
    Permission.ISSUE_CERTIFICATES,
}

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.ORGANIZER: frozenset(
        {
            *_STAFF,
            Permission.MANAGE_COMPETITIONS,
            Permission.REVIEW_NOMINATIONS,
            Permission.MANAGE_STUDIOS,
            Permission.REVOKE_CERTIFICATES,
        }
    ),
    Role.CLERK: frozenset(_STAFF),
    # Judges mark blind: they see their own events (issue 4), not the registry. What a
    # judge may mark follows from the event's judges (EventJudge), checked in the services.
    Role.JUDGE: frozenset(),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]
