"""Skill certificates set the person's level; professional titles set the person's title."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.levels import SkillLevel
from skillsapp.errors import Conflict, PermissionDenied, ValidationError
from skillsapp.services.talent.talent import CertificateInput, TitleInput, certificate_warnings
from tests.conftest import as_role
from tests.unit.services.test_talent_helpers import entries, person

# Since 2019: Y/S and 21 digits; character 16 is the level (1 = 一级 … 5 = 五级).
GRADE3_NUMBER = "S000041234567893000012"


def _level(services: Services, person_id: int) -> SkillLevel | None:
    return services.profile.profile(person_id).skill_level


def _cert(person_id: int, level: SkillLevel, **overrides: object) -> CertificateInput:
    values: dict[str, object] = {
        "person_id": person_id,
        "occupation": "焊工",
        "level": level,
        "issue_date": dt.date(2022, 6, 30),
        "issuer": "焦作市职业技能鉴定中心",
    }
    values.update(overrides)
    return CertificateInput(**values)  # type: ignore[arg-type]


def test_level_follows_the_highest_certificate(services: Services) -> None:
    p = person(services, 0, skill_level=SkillLevel.GRADE5)
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE1, occupation="电工"))
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE2))
    assert _level(services, p.id) is SkillLevel.GRADE1


def test_revoking_the_highest_certificate_lowers_the_level(services: Services) -> None:
    p = person(services, 0)
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    top = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE2))
    revoked = services.talent.revoke_certificate(top.id, expected_version=top.version)
    assert revoked.revoked
    assert _level(services, p.id) is SkillLevel.GRADE3


def test_deleting_a_certificate_derives_the_level_again(services: Services) -> None:
    p = person(services, 0)
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE4))
    top = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE2))
    services.talent.delete_certificate(top.id)
    assert _level(services, p.id) is SkillLevel.GRADE4


def test_editing_a_certificate_level_changes_the_person_level(services: Services) -> None:
    p = person(services, 0)
    cert = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE4))
    services.talent.update_certificate(cert.id, _cert(p.id, SkillLevel.GRADE2))
    assert _level(services, p.id) is SkillLevel.GRADE2


def test_without_valid_certificates_the_manual_level_stays(services: Services) -> None:
    p = person(services, 0, skill_level=SkillLevel.GRADE2)
    assert _level(services, p.id) is SkillLevel.GRADE2
    cert = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE4))
    assert _level(services, p.id) is SkillLevel.GRADE4
    services.talent.revoke_certificate(cert.id)
    assert _level(services, p.id) is SkillLevel.GRADE4  # no valid one left: kept as it was


def test_derived_level_change_is_audited_on_the_person(services: Services) -> None:
    p = person(services, 0, skill_level=SkillLevel.GRADE5)
    services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    entry = entries(services, "person")[-1]
    assert (entry.action, entry.reason) == ("update", "derived")
    assert (entry.old_values, entry.new_values) == ({"skill_level": 1}, {"skill_level": 3})
    [cert_entry] = entries(services, "skill_certificate")
    assert cert_entry.new_values is not None and cert_entry.new_values["level"] == 3


def test_number_is_checked_softly_and_stored_as_typed(services: Services) -> None:
    p = person(services, 0)
    odd = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3, number=" abc-123 "))
    assert odd.warnings == ("certificate_number_format",)
    assert odd.number == "ABC-123"
    good = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3, number=GRADE3_NUMBER))
    assert good.warnings == ()
    assert services.talent.certificates(p.id)[0].number in (GRADE3_NUMBER, "ABC-123")


@pytest.mark.parametrize(
    ("number", "level", "warnings"),
    [
        (GRADE3_NUMBER, SkillLevel.GRADE3, ()),
        (GRADE3_NUMBER, SkillLevel.GRADE2, ("certificate_level_mismatch",)),
        ("Y000041234567895000012", SkillLevel.GRADE5, ()),
        ("Y000041234567890000012", SkillLevel.GRADE5, ("certificate_level_mismatch",)),
        ("Y000041234567891000012", SkillLevel.SPECIAL, ("certificate_level_mismatch",)),
        ("1234567890123456", SkillLevel.GRADE2, ()),  # an older 职业资格证书
        ("X000041234567893000012", SkillLevel.GRADE3, ("certificate_number_format",)),
        ("S00004123456789300001", SkillLevel.GRADE3, ("certificate_number_format",)),
        ("", SkillLevel.GRADE3, ()),
    ],
)
def test_certificate_number_warnings(
    number: str, level: SkillLevel, warnings: tuple[str, ...]
) -> None:
    assert certificate_warnings(number, level) == warnings


def test_certificate_needs_an_occupation_and_a_past_issue_date(services: Services) -> None:
    p = person(services, 0)
    with pytest.raises(ValidationError) as caught:
        services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3, occupation=" "))
    assert caught.value.field_errors == {"occupation": "field_required"}
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3, issue_date=tomorrow))
    assert caught.value.field_errors == {"issue_date": "date_in_future"}


def test_stale_certificate_edit_raises_conflict(services: Services) -> None:
    p = person(services, 0)
    cert = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    services.talent.update_certificate(cert.id, _cert(p.id, SkillLevel.GRADE2))
    with pytest.raises(Conflict):
        services.talent.update_certificate(
            cert.id, _cert(p.id, SkillLevel.GRADE1), expected_version=cert.version
        )


def test_a_certificate_cannot_move_to_another_person(services: Services) -> None:
    p, other = person(services, 0), person(services, 1)
    cert = services.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    moved = services.talent.update_certificate(cert.id, _cert(other.id, SkillLevel.GRADE3))
    assert moved.person_id == p.id


def test_person_title_follows_the_latest_professional_title(services: Services) -> None:
    p = person(services, 0, title="技术员")
    services.talent.add_title(TitleInput(p.id, "工程师", dt.date(2015, 12, 1)))
    senior = services.talent.add_title(TitleInput(p.id, "高级工程师", dt.date(2021, 12, 1)))
    services.talent.add_title(TitleInput(p.id, "助理工程师", dt.date(2010, 12, 1)))
    assert services.profile.profile(p.id).title == "高级工程师"
    assert [t.title for t in services.talent.titles(p.id)] == ["高级工程师", "工程师", "助理工程师"]
    services.talent.delete_title(senior.id)
    assert services.profile.profile(p.id).title == "工程师"


def test_title_edit_is_audited_and_checked(services: Services) -> None:
    p = person(services, 0)
    row = services.talent.add_title(TitleInput(p.id, "工程师", dt.date(2015, 12, 1)))
    changed = dataclasses.replace(TitleInput(p.id, "工程师", dt.date(2016, 1, 1)))
    services.talent.update_title(row.id, changed, expected_version=row.version)
    entry = entries(services, "professional_title")[-1]
    assert entry.new_values == {"granted_on": "2016-01-01"}
    with pytest.raises(ValidationError) as caught:
        services.talent.add_title(TitleInput(p.id, "工" * 41))
    assert caught.value.field_errors == {"title": "text_too_long"}


def test_clerk_records_certificates_and_judge_is_refused(services: Services) -> None:
    p = person(services, 0)
    clerk = as_role(services, "clerk1", "clerk")
    clerk.talent.add_certificate(_cert(p.id, SkillLevel.GRADE3))
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.talent.certificates(p.id)
    with pytest.raises(PermissionDenied):
        judge.talent.add_title(TitleInput(p.id, "工程师"))
