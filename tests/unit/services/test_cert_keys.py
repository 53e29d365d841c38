"""The signing key: created on first use, private key only on disk, moved by password."""

from __future__ import annotations

import base64
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from skillsapp.app import Services
from skillsapp.domain.certificates import SigningKey
from skillsapp.errors import PermissionDenied, UserError
from skillsapp.paths import data_dir
from skillsapp.services.certificates.cert_keys import KEY_FILE, CertificateKeyService, fingerprint
from tests.conftest import as_role

PASSWORD = "第二台电脑2025"


def _keys(services: Services, path: Path) -> CertificateKeyService:
    return CertificateKeyService(services.db, services.actor, key_path=path)


def test_the_key_is_made_on_first_use_and_kept(services: Services, tmp_path: Path) -> None:
    keys = _keys(services, tmp_path / KEY_FILE)
    first = keys.signer()
    second = keys.signer()
    assert first.key_id == second.key_id and first.fingerprint == second.fingerprint
    assert len(first.fingerprint) == 19 and first.fingerprint.count(" ") == 3
    (row,) = keys.keys()
    assert row.local and row.fingerprint == fingerprint(base64.b64decode(row.public_key))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_private_key_file_is_readable_by_its_owner_only(
    services: Services, tmp_path: Path
) -> None:
    _keys(services, tmp_path / KEY_FILE).signer()
    mode = stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode)
    assert mode == 0o600


def test_by_default_the_key_lives_in_the_users_data_folder(services: Services) -> None:
    services.cert_keys.signer()
    assert (data_dir() / KEY_FILE).is_file()


def test_the_database_holds_the_public_key_only(services: Services, tmp_path: Path) -> None:
    _keys(services, tmp_path / KEY_FILE).signer()
    private = (tmp_path / KEY_FILE).read_text()
    with services.db.reading() as session:
        (row,) = session.scalars(select(SigningKey))
        stored = " ".join(str(getattr(row, c.key)) for c in SigningKey.__table__.columns)
    assert "PRIVATE" in private and "PRIVATE" not in stored
    assert private.splitlines()[1] not in stored


def test_a_second_laptop_imports_the_exported_key(services: Services, tmp_path: Path) -> None:
    first = _keys(services, tmp_path / "a" / KEY_FILE)
    signer = first.signer()
    exported = tmp_path / "key-export.pem"
    first.export_private_key(exported, PASSWORD)
    assert b"ENCRYPTED" in exported.read_bytes()
    second = _keys(services, tmp_path / "b" / KEY_FILE)
    row = second.import_private_key(exported, PASSWORD)
    assert row.id == signer.key_id and second.signer().key_id == signer.key_id
    assert len(second.keys()) == 1


def test_wrong_passwords_and_clashing_keys_are_refused(services: Services, tmp_path: Path) -> None:
    first = _keys(services, tmp_path / "a" / KEY_FILE)
    exported = tmp_path / "key-export.pem"
    with pytest.raises(UserError, match="cert_key_password_short"):
        first.export_private_key(exported, "short")
    first.export_private_key(exported, PASSWORD)
    other = _keys(services, tmp_path / "b" / KEY_FILE)
    with pytest.raises(UserError, match="cert_key_password"):
        other.import_private_key(exported, "wrong password")
    other.signer()  # this laptop made a key of its own meanwhile
    with pytest.raises(UserError, match="cert_key_exists"):
        other.import_private_key(exported, PASSWORD)
    assert other.import_private_key(exported, PASSWORD, replace=True).local
    assert len(other.keys()) == 2  # both public keys stay: certificates of each verify


def test_only_administrators_move_keys(services: Services, tmp_path: Path) -> None:
    organizer = as_role(services, "org1", "organizer")
    keys = CertificateKeyService(organizer.db, organizer.actor, key_path=tmp_path / KEY_FILE)
    keys.signer()
    with pytest.raises(PermissionDenied):
        keys.export_private_key(tmp_path / "x.pem", PASSWORD)


def test_the_public_key_can_be_handed_out(services: Services, tmp_path: Path) -> None:
    keys = _keys(services, tmp_path / KEY_FILE)
    signer = keys.signer()
    assert keys.public_key_text(signer.key_id).startswith("ed25519:")
