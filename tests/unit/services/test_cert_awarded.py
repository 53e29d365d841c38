"""What a competition awarded (tiers and titles with counts), for the issue screen."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from skillsapp.app import Services
from skillsapp.domain.cert_layout import DEFAULT_SERIAL_PATTERN
from skillsapp.domain.competitions import CompetitionStatus
from skillsapp.domain.marks import EventResult
from skillsapp.domain.scheme_doc import standard_spec
from skillsapp.domain.scoring import Merit, TitleRule
from skillsapp.errors import PermissionDenied
from skillsapp.services.certificates.certificates import AwardedRow, Output
from tests.conftest import as_role
from tests.unit.services.test_cert_helpers import (
    TITLE,
    awarded,
    certificate_service,
    set_status,
    template_id,
)
from tests.unit.services.test_competition_helpers import competition, enter, event, unit

MERIT = "优胜奖"
OTHER_TITLE = "岗位能手"

# event → (award, titles, provisional) by rank
RESULTS = {
    "焊工": [
        ("三等奖", [OTHER_TITLE], False),
        (MERIT, [], False),
        ("", [], False),
        ("一等奖", [], True),  # not published yet: not counted
    ],
    "电工": [
        ("一等奖", [TITLE, OTHER_TITLE], False),
        ("特别奖", [], False),  # in no scheme: after the scheme's tiers
        ("二等奖", [], False),
        ("二等奖", [], False),
    ],
}


def _final_competition(services: Services) -> int:
    """Two events; the first's scheme has a merit award and two titles."""
    c = competition(services, code="JZ", quota_per_unit=10)
    u = unit(services)
    spec = standard_spec()
    welding = replace(
        spec,
        award_rule=replace(spec.award_rule, merit=Merit(count=1, name=MERIT)),
        title_rules=(TitleRule(TITLE, max_rank=1), TitleRule(OTHER_TITLE, max_rank=3)),
    )
    seq = 0
    with_results = []
    for name, rows in RESULTS.items():
        e = event(services, c.id, name)
        if name == "焊工":
            services.events.save_scheme(e.id, welding)
        for rank, row in enumerate(rows, start=1):
            seq += 1
            with_results.append((e.id, enter(services, e.id, seq, u.id).id, rank, row))
    with services.db.transaction() as session:
        for event_id, registration_id, rank, (award, titles, provisional) in with_results:
            session.add(
                EventResult(
                    event_id=event_id,
                    registration_id=registration_id,
                    rank=rank,
                    award=award,
                    titles=json.dumps(titles, ensure_ascii=False),
                    provisional=provisional,
                )
            )
    set_status(services, c.id, CompetitionStatus.FINAL)
    return c.id


def test_awarded_lists_tiers_in_scheme_order_then_titles_with_counts(
    services: Services, tmp_path: Path
) -> None:
    competition_id = _final_competition(services)
    found = certificate_service(services, tmp_path).awarded(competition_id)
    assert found == [
        AwardedRow("award", "一等奖", 1),
        AwardedRow("award", "二等奖", 2),
        AwardedRow("award", "三等奖", 1),
        AwardedRow("award", MERIT, 1),
        AwardedRow("award", "特别奖", 1),
        AwardedRow("title", TITLE, 1),
        AwardedRow("title", OTHER_TITLE, 2),
    ]


def test_each_count_is_the_number_of_certificates_it_yields(
    services: Services, tmp_path: Path
) -> None:
    competition_id = _final_competition(services)
    certificates = certificate_service(services, tmp_path)
    for row in certificates.awarded(competition_id):
        chosen = {"awards": [row.name]} if row.kind == "award" else {"titles": [row.name]}
        assert len(certificates.candidates(competition_id, **chosen)) == row.count, row


def test_a_competition_without_results_awarded_nothing(services: Services, tmp_path: Path) -> None:
    c = competition(services, code="JZ")
    event(services, c.id)
    assert certificate_service(services, tmp_path).awarded(c.id) == []


def test_only_issuers_see_what_was_awarded(services: Services, tmp_path: Path) -> None:
    competition_id = _final_competition(services)
    judge = certificate_service(as_role(services, "judge1", "judge"), tmp_path)
    with pytest.raises(PermissionDenied):
        judge.awarded(competition_id)


def test_the_next_serial_follows_the_pattern_and_the_counter(
    services: Services, tmp_path: Path
) -> None:
    certificates = certificate_service(services, tmp_path)
    assert certificates.next_serial("{year}{competition_code}{seq:04d}", code="JZ") == "2025JZ0001"
    assert certificates.next_serial("ZS-{year}{month}-{seq:03d}", code="JZ") == "ZS-202510-001"


def test_the_next_serial_counts_on_from_the_last_issued(services: Services, tmp_path: Path) -> None:
    setup = awarded(services, tmp_path)
    certificates = setup.certificates
    first = certificates.candidates(setup.meet.competition_id, awards=["一等奖"])
    certificates.issue(first, template_id(services), Output(tmp_path / "a.pdf"))
    assert certificates.next_serial(DEFAULT_SERIAL_PATTERN, code="JZ") == "2025JZ0002"
    assert certificates.next_serial(DEFAULT_SERIAL_PATTERN, code="XY") == "2025XY0001"
