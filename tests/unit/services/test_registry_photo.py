"""A person's optional photo: stored, replaced, removed, checked and audited by size only."""

from __future__ import annotations

import pytest

from skillsapp.app import Services
from skillsapp.errors import Conflict, NotFound, PermissionDenied, UserError
from skillsapp.services.audit import AuditFilter
from skillsapp.services.registry.registry import PHOTO_MAX_BYTES, PersonRow
from tests.conftest import as_role
from tests.factories import person_input

# The service looks only at the signature, so these need not be whole images.
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + b"\x42" * 500


def _photo_entries(services: Services) -> list:
    entries = services.audit.entries(AuditFilter(entity="person", action="update"))
    return [e for e in entries if "photo" in (e.new_values or {})]


@pytest.fixture
def row(services: Services) -> PersonRow:
    return services.registry.add(person_input(1))


def test_person_has_no_photo_until_one_is_set(services: Services, row: PersonRow) -> None:
    assert services.registry.photo(row.id) is None

    saved = services.registry.set_photo(row.id, PNG, expected_version=row.version)

    assert services.registry.photo(row.id) == PNG
    assert saved.version == row.version + 1
    assert (saved.name, saved.id_number) == (row.name, row.id_number)


def test_photo_is_replaced_and_removed(services: Services, row: PersonRow) -> None:
    services.registry.set_photo(row.id, PNG)
    services.registry.set_photo(row.id, JPEG)
    assert services.registry.photo(row.id) == JPEG

    services.registry.set_photo(row.id, None)
    assert services.registry.photo(row.id) is None


def test_photo_change_is_audited_by_size_never_by_content(
    services: Services, row: PersonRow
) -> None:
    services.registry.set_photo(row.id, PNG)
    services.registry.set_photo(row.id, None)

    removed, added = _photo_entries(services)  # newest first
    assert (added.entity_id, added.actor) == (str(row.id), "admin")
    assert (added.old_values, added.new_values) == (
        {"photo": None},
        {"photo": f"<{len(PNG)} bytes>"},
    )
    assert (removed.old_values, removed.new_values) == (
        {"photo": f"<{len(PNG)} bytes>"},
        {"photo": None},
    )
    assert "PNG" not in repr(added) + repr(removed)


def test_setting_the_same_photo_again_writes_nothing(services: Services, row: PersonRow) -> None:
    first = services.registry.set_photo(row.id, PNG)
    again = services.registry.set_photo(row.id, PNG)
    assert again.version == first.version
    assert len(_photo_entries(services)) == 1


@pytest.mark.parametrize(
    "data",
    [b"GIF89a" + b"\x00" * 50, b"%PDF-1.7\n", b"", b"\x89PN"],
    ids=["gif", "pdf", "empty", "truncated-png"],
)
def test_photo_that_is_not_jpeg_or_png_is_refused(
    services: Services, row: PersonRow, data: bytes
) -> None:
    services.registry.set_photo(row.id, PNG)
    with pytest.raises(UserError) as raised:
        services.registry.set_photo(row.id, data)
    assert raised.value.code == "photo_format"
    assert services.registry.photo(row.id) == PNG
    assert len(_photo_entries(services)) == 1


def test_photo_over_two_megabytes_is_refused_and_nothing_written(
    services: Services, row: PersonRow
) -> None:
    assert PHOTO_MAX_BYTES == 2 * 1024 * 1024
    services.registry.set_photo(row.id, JPEG[:3] + b"\x00" * (PHOTO_MAX_BYTES - 3))  # just fits

    with pytest.raises(UserError) as raised:
        services.registry.set_photo(row.id, JPEG[:3] + b"\x00" * (PHOTO_MAX_BYTES - 2))
    assert raised.value.code == "photo_too_large"
    assert raised.value.params == {"limit": 2}
    assert len(services.registry.photo(row.id) or b"") == PHOTO_MAX_BYTES
    assert len(_photo_entries(services)) == 1


def test_photo_on_a_stale_version_is_refused(services: Services, row: PersonRow) -> None:
    services.registry.set_photo(row.id, PNG, expected_version=row.version)
    with pytest.raises(Conflict):
        services.registry.set_photo(row.id, JPEG, expected_version=row.version)
    assert services.registry.photo(row.id) == PNG


def test_photo_of_a_missing_person_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        services.registry.photo(999)
    with pytest.raises(NotFound):
        services.registry.set_photo(999, PNG)


def test_judge_may_neither_see_nor_set_a_photo(
    sqlite_services: Services,
) -> None:
    row = sqlite_services.registry.add(person_input(2))
    judge = as_role(sqlite_services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.registry.photo(row.id)
    with pytest.raises(PermissionDenied):
        judge.registry.set_photo(row.id, PNG)
    assert sqlite_services.registry.photo(row.id) is None
