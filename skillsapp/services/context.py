"""Who is acting: every service call carries an Actor for permissions and audit."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from skillsapp.domain.roles import Permission, Role, allows
from skillsapp.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The user (or CLI owner) on whose behalf a service acts."""

    name: str
    role: Role
    user_id: int | None = None
    display_name: str = ""

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(permission=permission.value, role=self.role.value)

    @classmethod
    def cli_owner(cls) -> Actor:
        """The owner of a local SQLite file acting from the command line."""
        try:
            login = getpass.getuser()
        except (KeyError, OSError):
            login = "unknown"
        return cls(name=f"cli:{login}", role=Role.ADMIN, display_name=login)

    @classmethod
    def system(cls) -> Actor:
        """The program itself (demo data, first-run set-up)."""
        return cls(name="system", role=Role.ADMIN, display_name="system")
