"""师带徒: agreements, warnings, graduation, and what became of the apprentice."""

from __future__ import annotations

import datetime as dt

import pytest

from skillsapp.app import Services
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.levels import SkillLevel
from skillsapp.domain.talent import GraduationResult, MentorshipStatus
from skillsapp.errors import Conflict, PermissionDenied, UserError, ValidationError
from skillsapp.services.talent.mentorship import DEFAULT_MAX_ACTIVE, MentorshipInput
from skillsapp.services.talent.talent import CertificateInput
from tests.conftest import as_role
from tests.unit.services.test_talent_helpers import entries, final_result, person

START = dt.date(2023, 3, 1)


def _agreement(mentor: int, apprentice: int, **overrides: object) -> MentorshipInput:
    values: dict[str, object] = {
        "mentor_id": mentor,
        "apprentice_id": apprentice,
        "start_date": START,
        "end_date": dt.date(2025, 2, 28),
        "agreement_number": "JM-2023-007",
        "goals": "两年内取得高级工证书",
        "goal_level": SkillLevel.GRADE3,
    }
    values.update(overrides)
    return MentorshipInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def pair(services: Services) -> tuple[int, int]:
    """A master (一级/高级技师) and an apprentice (四级/中级工)."""
    master = person(services, 0, skill_level=SkillLevel.GRADE1)
    apprentice = person(services, 1, skill_level=SkillLevel.GRADE4)
    return master.id, apprentice.id


def test_agreement_links_master_and_apprentice_both_ways(
    services: Services, pair: tuple[int, int]
) -> None:
    master, apprentice = pair
    row = services.mentorship.create(_agreement(master, apprentice))
    assert row.warnings == ()
    assert row.status is MentorshipStatus.ACTIVE
    assert row.level_before is SkillLevel.GRADE4  # the apprentice's level at the start
    assert [m.apprentice_name for m in services.mentorship.apprentices(master)] == ["李秀英"]
    assert [m.mentor_name for m in services.mentorship.mentors(apprentice)] == ["王建国"]
    [entry] = entries(services, "mentorship")
    assert entry.new_values is not None and entry.new_values["agreement_number"] == "JM-2023-007"


def test_master_cannot_be_his_own_apprentice(services: Services, pair: tuple[int, int]) -> None:
    master, _ = pair
    with pytest.raises(ValidationError) as caught:
        services.mentorship.create(_agreement(master, master))
    assert caught.value.field_errors == {"apprentice_id": "mentor_is_apprentice"}


def test_same_pair_cannot_have_two_active_agreements(
    services: Services, pair: tuple[int, int]
) -> None:
    services.mentorship.create(_agreement(*pair))
    with pytest.raises(ValidationError) as caught:
        services.mentorship.create(_agreement(*pair, agreement_number="JM-2023-008"))
    assert caught.value.field_errors == {"apprentice_id": "mentorship_duplicate"}


@pytest.mark.parametrize(
    ("end", "warned"),
    [
        (dt.date(2024, 2, 29), False),  # one year, written as ending the day before
        (dt.date(2026, 3, 1), False),  # three years
        (dt.date(2023, 12, 31), True),  # ten months
        (dt.date(2026, 3, 2), True),  # over three years
        (None, False),  # no end date written down
    ],
)
def test_term_outside_one_to_three_years_warns_but_is_kept(
    services: Services, pair: tuple[int, int], end: dt.date | None, warned: bool
) -> None:
    row = services.mentorship.create(_agreement(*pair, end_date=end))
    assert ("mentorship_term" in row.warnings) is warned
    assert services.mentorship.apprentices(pair[0])[0].end_date == end


def test_end_before_start_is_refused(services: Services, pair: tuple[int, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        services.mentorship.create(_agreement(*pair, end_date=dt.date(2022, 1, 1)))
    assert caught.value.field_errors == {"end_date": "end_before_start"}


def test_more_than_the_limit_of_active_apprentices_warns(services: Services) -> None:
    master = person(services, 0).id
    rows = [
        services.mentorship.create(_agreement(master, person(services, seq).id))
        for seq in range(1, DEFAULT_MAX_ACTIVE + 2)
    ]
    assert all("mentor_overloaded" not in r.warnings for r in rows[:-1])
    assert "mentor_overloaded" in rows[-1].warnings


def test_limit_of_active_apprentices_is_configurable(services: Services) -> None:
    services.mentorship.set_max_active(1)
    assert services.mentorship.max_active() == 1
    master = person(services, 0).id
    first = services.mentorship.create(_agreement(master, person(services, 1).id))
    second = services.mentorship.create(_agreement(master, person(services, 2).id))
    assert "mentor_overloaded" not in first.warnings
    assert "mentor_overloaded" in second.warnings
    [entry] = entries(services, "setting")
    assert (entry.old_values, entry.new_values) == ({"value": 5}, {"value": 1})


def test_finished_agreements_do_not_count_towards_the_limit(services: Services) -> None:
    services.mentorship.set_max_active(1)
    master = person(services, 0).id
    first = services.mentorship.create(_agreement(master, person(services, 1).id))
    services.mentorship.end_early(first.id, on=dt.date(2023, 9, 1), reason="调岗")
    second = services.mentorship.create(_agreement(master, person(services, 2).id))
    assert second.warnings == ()


def test_only_admins_change_the_limit(services: Services) -> None:
    organizer = as_role(services, "org1", "organizer")
    with pytest.raises(PermissionDenied):
        organizer.mentorship.set_max_active(8)


def test_graduation_completes_with_result_and_level_after(
    services: Services, pair: tuple[int, int]
) -> None:
    master, apprentice = pair
    row = services.mentorship.create(_agreement(master, apprentice))
    services.talent.add_certificate(
        CertificateInput(apprentice, "焊工", SkillLevel.GRADE3, issue_date=dt.date(2024, 12, 1))
    )
    done = services.mentorship.graduate(
        row.id, GraduationResult.EXCELLENT, on=dt.date(2025, 2, 20), expected_version=row.version
    )
    assert done.status is MentorshipStatus.COMPLETED
    assert (done.result, done.level_before, done.level_after) == (
        GraduationResult.EXCELLENT,
        SkillLevel.GRADE4,
        SkillLevel.GRADE3,
    )
    assert done.end_date == dt.date(2025, 2, 20)
    entry = entries(services, "mentorship")[-1]
    assert entry.reason == "graduation" and entry.new_values is not None
    assert entry.new_values["result"] == "excellent"


def test_a_finished_agreement_cannot_graduate_or_end_again(
    services: Services, pair: tuple[int, int]
) -> None:
    row = services.mentorship.create(_agreement(*pair))
    services.mentorship.graduate(row.id, GraduationResult.PASS)
    with pytest.raises(UserError) as caught:
        services.mentorship.graduate(row.id, GraduationResult.FAIL)
    assert caught.value.code == "mentorship_not_active"
    with pytest.raises(UserError):
        services.mentorship.end_early(row.id)


def test_ending_early_is_audited_with_the_reason(services: Services, pair: tuple[int, int]) -> None:
    row = services.mentorship.create(_agreement(*pair))
    ended = services.mentorship.end_early(row.id, on=dt.date(2023, 8, 1), reason="徒弟调离")
    assert ended.status is MentorshipStatus.ENDED
    entry = entries(services, "mentorship")[-1]
    assert entry.reason == "徒弟调离"
    assert entry.new_values == {"status": "ended", "end_date": "2023-08-01"}


def test_renewal_extends_the_agreement_and_checks_its_term(
    services: Services, pair: tuple[int, int]
) -> None:
    row = services.mentorship.create(_agreement(*pair))
    renewed = services.mentorship.renew(row.id, dt.date(2026, 2, 28))
    assert renewed.end_date == dt.date(2026, 2, 28) and renewed.warnings == ()
    short = services.mentorship.renew(renewed.id, dt.date(2026, 6, 1))
    assert short.warnings == ("mentorship_term",)
    with pytest.raises(ValidationError):
        services.mentorship.renew(row.id, dt.date(2026, 1, 1))


def test_update_keeps_the_recorded_level_before_unless_given(
    services: Services, pair: tuple[int, int]
) -> None:
    row = services.mentorship.create(_agreement(*pair))
    services.talent.add_certificate(CertificateInput(pair[1], "焊工", SkillLevel.GRADE3))
    kept = services.mentorship.update(row.id, _agreement(*pair, goals="取得技师证书"))
    assert (kept.goals, kept.level_before) == ("取得技师证书", SkillLevel.GRADE4)
    given = services.mentorship.update(row.id, _agreement(*pair, level_before=SkillLevel.GRADE5))
    assert given.level_before is SkillLevel.GRADE5


def test_stale_update_raises_conflict(services: Services, pair: tuple[int, int]) -> None:
    row = services.mentorship.create(_agreement(*pair))
    services.mentorship.update(row.id, _agreement(*pair, goals="取得技师证书"))
    with pytest.raises(Conflict):
        services.mentorship.update(row.id, _agreement(*pair), expected_version=row.version)


def test_row_links_apprentice_results_and_certificates_after_the_start(
    services: Services, pair: tuple[int, int]
) -> None:
    master, apprentice = pair
    services.mentorship.create(_agreement(master, apprentice))
    final_result(services, apprentice, competition="2022年大赛", day=dt.date(2022, 9, 1))
    final_result(services, apprentice, competition="2024年大赛", day=dt.date(2024, 9, 1))
    final_result(services, apprentice, competition="未定稿", status=CompetitionStatus.REVIEW)
    old = CertificateInput(apprentice, "焊工", SkillLevel.GRADE4, issue_date=dt.date(2021, 5, 1))
    new = CertificateInput(apprentice, "焊工", SkillLevel.GRADE3, issue_date=dt.date(2024, 11, 1))
    services.talent.add_certificate(old)
    services.talent.add_certificate(new)
    [row] = services.mentorship.apprentices(master)
    assert [r.competition for r in row.later_results] == ["2024年大赛"]
    assert [c.level for c in row.promotions] == [SkillLevel.GRADE3]


def test_judge_cannot_read_or_write_mentorships(services: Services, pair: tuple[int, int]) -> None:
    judge = as_role(services, "judge1", "judge")
    with pytest.raises(PermissionDenied):
        judge.mentorship.apprentices(pair[0])
    with pytest.raises(PermissionDenied):
        judge.mentorship.create(_agreement(*pair))
