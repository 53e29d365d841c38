"""Login accounts: first-run admin, login, and user management (admins)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from skillsapp.domain.models import User
from skillsapp.domain.passwords import hash_password, verify_password
from skillsapp.domain.roles import Permission, Role
from skillsapp.errors import AuthenticationFailed, NotFound, ValidationError
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

MIN_PASSWORD_LENGTH = 4
_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,40}$")
_AUDITED = ("username", "display_name", "role", "active", "person_id")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    person_id: int | None


def _row(user: User) -> UserRow:
    return UserRow(
        user.id, user.username, user.display_name, user.role, user.active, user.person_id
    )


def actor_for(user: User) -> Actor:
    return Actor(
        name=user.username,
        role=user.role,
        user_id=user.id,
        display_name=user.display_name or user.username,
    )


def _validate(username: str, password: str | None) -> None:
    errors: dict[str, str] = {}
    if not _USERNAME.match(username):
        errors["username"] = "username_invalid"
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        errors["password"] = "password_too_short"
    if errors:
        raise ValidationError(errors)


def _new_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    password: str,
    role: Role,
    display_name: str,
    person_id: int | None = None,
) -> User:
    _validate(username, password)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError({"username": "username_taken"})
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        display_name=display_name,
        person_id=person_id,
        active=True,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor,
        action="create",
        entity="user",
        entity_id=user.id,
        new=audit.snapshot(user, _AUDITED),
    )
    return user


class AccountService:
    """Accounts. Login and first-run set-up need no actor; management needs an admin."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def needs_first_admin(self) -> bool:
        with self._db.reading() as session:
            return not session.scalar(select(func.count(User.id)))

    def create_first_admin(self, *, username: str, password: str, display_name: str = "") -> Actor:
        """The first account of a new database; refused once any account exists."""
        with self._db.transaction() as session:
            if session.scalar(select(func.count(User.id))):
                raise ValidationError({"username": "first_admin_exists"})
            user = _new_user(
                session,
                Actor.system(),
                username=username,
                password=password,
                role=Role.ADMIN,
                display_name=display_name,
            )
            return actor_for(user)

    def login(self, username: str, password: str) -> Actor:
        with self._db.transaction() as session:
            user = session.scalar(select(User).where(User.username == username.strip()))
            if user is None or not user.active or not verify_password(password, user.password_hash):
                raise AuthenticationFailed()
            actor = actor_for(user)
            audit.record(session, actor, action="login", entity="user", entity_id=user.id)
            return actor

    def users(self, actor: Actor) -> list[UserRow]:
        actor.require(Permission.MANAGE_USERS)
        with self._db.reading() as session:
            return [_row(u) for u in session.scalars(select(User).order_by(User.username))]

    def create_user(
        self,
        actor: Actor,
        *,
        username: str,
        password: str,
        role: Role,
        display_name: str = "",
        person_id: int | None = None,
    ) -> UserRow:
        actor.require(Permission.MANAGE_USERS)
        with self._db.transaction() as session:
            return _row(
                _new_user(
                    session,
                    actor,
                    username=username,
                    password=password,
                    role=role,
                    display_name=display_name,
                    person_id=person_id,
                )
            )

    def update_user(
        self,
        actor: Actor,
        user_id: int,
        *,
        display_name: str,
        role: Role,
        active: bool,
        person_id: int | None = None,
    ) -> UserRow:
        actor.require(Permission.MANAGE_USERS)
        with self._db.transaction() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(entity="user", id=user_id)
            if user.id == actor.user_id and (not active or role != Role.ADMIN):
                raise ValidationError({"role": "cannot_demote_self"})
            before = audit.snapshot(user, _AUDITED)
            user.display_name, user.role, user.active = display_name, role, active
            user.person_id = person_id
            old, new = audit.changed(before, audit.snapshot(user, _AUDITED))
            audit.record(
                session, actor, action="update", entity="user", entity_id=user.id, old=old, new=new
            )
            return _row(user)

    def set_password(self, actor: Actor, user_id: int, password: str) -> None:
        """Admins reset anyone's password; everyone may change their own."""
        if actor.user_id != user_id:
            actor.require(Permission.MANAGE_USERS)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValidationError({"password": "password_too_short"})
        with self._db.transaction() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(entity="user", id=user_id)
            user.password_hash = hash_password(password)
            audit.record(session, actor, action="password", entity="user", entity_id=user.id)
