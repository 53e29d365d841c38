"""Expected errors, shown to the user, kept apart from bugs.

Services and the domain raise `UserError` subclasses carrying a stable `code` and
keyword `params`; the UI and the CLI translate the code into the user's language
(see `skillsapp.messages`). Anything that is not a `UserError` is a bug.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """An expected failure the user can act on."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class ValidationError(UserError):
    """Input that breaks a rule; `field_errors` maps field name to an error code."""

    code = "validation"

    def __init__(self, field_errors: dict[str, str], /, **params: Any) -> None:
        super().__init__("validation", **params)
        self.field_errors = dict(field_errors)


class PermissionDenied(UserError):
    code = "permission_denied"


class NotFound(UserError):
    code = "not_found"


class Conflict(UserError):
    """Somebody else changed or removed the record since it was read."""

    code = "conflict"


class DatabaseError(UserError):
    """The database cannot be opened or used (locked, corrupt, too new, unreachable)."""

    code = "database"


class AuthenticationFailed(UserError):
    code = "auth_failed"


class Blocked(UserError):
    """A step refused for one or more reasons, each itself a UserError."""

    code = "blocked"

    def __init__(self, reasons: list[UserError], /, **params: Any) -> None:
        super().__init__("blocked", **params)
        self.reasons = list(reasons)
