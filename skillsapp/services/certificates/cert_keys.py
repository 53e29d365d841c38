"""The organisation's Ed25519 signing key for certificate QR codes.

The private key never enters the database. It lives in the user's data folder as
`signing_key.pem` (PKCS #8, readable by the owner only; unencrypted so that printing
asks for no password), is created on first use, and can be exported protected by a
password to set up a second printing laptop. The public key (and its fingerprint) is
stored in the `signing_key` table, so every laptop — and anyone given the public key —
can verify. Each certificate records the id of the key that signed it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from skillsapp.domain.certificates import SigningKey
from skillsapp.domain.roles import Permission
from skillsapp.errors import UserError
from skillsapp.paths import data_dir
from skillsapp.services import audit
from skillsapp.services.context import Actor
from skillsapp.storage.database import Database

KEY_FILE = "signing_key.pem"
PUBLIC_PREFIX = "ed25519:"
MIN_PASSWORD = 8  # characters of an export password


@dataclass(frozen=True)
class KeyRow:
    id: int
    fingerprint: str
    public_key: str  # base64 of the raw 32 bytes
    created_at: dt.datetime
    active: bool
    local: bool  # this laptop holds the matching private key


@dataclass(frozen=True)
class Signer:
    """The local private key and the id of its public key in the database."""

    key_id: int
    fingerprint: str
    private_key: Ed25519PrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw: bytes) -> str:
    """16 hex digits of the key's SHA-256 in groups of four, to compare by eye."""
    digest = hashlib.sha256(raw).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def public_key_from_text(text: str) -> Ed25519PublicKey:
    """A public key from `ed25519:<base64>` (or the bare base64, or a PEM block)."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
            if not isinstance(key, Ed25519PublicKey):
                raise UserError("cert_key_invalid")
            return key
        raw = base64.b64decode(text.removeprefix(PUBLIC_PREFIX), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise UserError("cert_key_invalid") from exc


def _write_private(path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key readable by the owner only, replacing any file atomically."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    os.replace(partial, path)


def _read_private(path: Path, password: bytes | None = None) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=password)
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except TypeError as exc:  # encrypted without a password, or the other way round
        raise UserError("cert_key_password") from exc
    except ValueError as exc:  # a wrong password or not a key
        raise UserError("cert_key_password" if password else "cert_key_invalid") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError("cert_key_invalid")
    return key


class CertificateKeyService:
    """The signing key: created on first use, exported and imported for other laptops."""

    def __init__(self, db: Database, actor: Actor, *, key_path: Path | None = None) -> None:
        self._db = db
        self._actor = actor
        self._path = key_path

    @property
    def key_path(self) -> Path:
        return self._path or data_dir() / KEY_FILE

    def signer(self) -> Signer:
        """The local key, created on first use, its public key stored in the database."""
        self._actor.require(Permission.ISSUE_CERTIFICATES)
        if self.key_path.exists():
            key = _read_private(self.key_path)
        else:
            key = Ed25519PrivateKey.generate()
            _write_private(self.key_path, key)
        with self._db.transaction() as session:
            row = self._stored(session, raw_public(key.public_key()), action="create")
            return Signer(row.id, row.fingerprint, key)

    def _stored(self, session: Session, raw: bytes, *, action: str) -> SigningKey:
        """The public key's row, added (and audited) when the database lacks it."""
        text = base64.b64encode(raw).decode("ascii")
        row = session.scalar(select(SigningKey).where(SigningKey.public_key == text))
        if row is None:
            row = SigningKey(public_key=text, fingerprint=fingerprint(raw))
            session.add(row)
            session.flush()
            audit.record(
                session,
                self._actor,
                action=action,
                entity="signing_key",
                entity_id=row.id,
                new={"fingerprint": row.fingerprint},
            )
        return row

    def keys(self) -> list[KeyRow]:
        local = self._local_public()
        with self._db.reading() as session:
            rows = session.scalars(select(SigningKey).order_by(SigningKey.id))
            return [
                KeyRow(
                    r.id, r.fingerprint, r.public_key, r.created_at, r.active, r.public_key == local
                )
                for r in rows
            ]

    def _local_public(self) -> str:
        if not self.key_path.exists():
            return ""
        try:
            key = _read_private(self.key_path)
        except UserError:
            return ""
        return base64.b64encode(raw_public(key.public_key())).decode("ascii")

    def public_key_text(self, key_id: int) -> str:
        """`ed25519:<base64>`: what to give anyone who should verify offline."""
        with self._db.reading() as session:
            row = session.get(SigningKey, key_id)
            if row is None:
                raise UserError("not_found")
            return PUBLIC_PREFIX + row.public_key

    def export_private_key(self, path: Path, password: str) -> None:
        """The local key, encrypted with `password`, for a second printing laptop."""
        self._actor.require(Permission.MANAGE_DATABASE)
        if len(password) < MIN_PASSWORD:
            raise UserError("cert_key_password_short", minimum=MIN_PASSWORD)
        key = self.signer().private_key
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(password.encode("utf-8")),
        )
        try:
            path.write_bytes(pem)
        except OSError as exc:
            raise UserError("file_unwritable", path=str(path), detail=exc.strerror) from exc
        with self._db.transaction() as session:
            audit.record(
                session, self._actor, action="export", entity="signing_key", reason=str(path)
            )

    def import_private_key(self, path: Path, password: str, *, replace: bool = False) -> KeyRow:
        """Install an exported key on this laptop (its public key is added if new)."""
        self._actor.require(Permission.MANAGE_DATABASE)
        key = _read_private(path, password.encode("utf-8"))
        raw = raw_public(key.public_key())
        local = self._local_public()
        if local and local != base64.b64encode(raw).decode("ascii") and not replace:
            raise UserError("cert_key_exists")
        _write_private(self.key_path, key)
        with self._db.transaction() as session:
            row = self._stored(session, raw, action="import")
            return KeyRow(row.id, row.fingerprint, row.public_key, row.created_at, row.active, True)
