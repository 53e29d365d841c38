"""The demo database's competitions: a finished enterprise contest with its marks and
final results, a city meet in registration, both valid and deterministic."""

from __future__ import annotations

import io
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from skillsapp import cli
from skillsapp.__main__ import main
from skillsapp.app import Services, open_services
from skillsapp.domain.competitions import (
    CompetitionKind,
    CompetitionStatus,
    Registration,
    SchemeCriterion,
)
from skillsapp.domain.marks import JudgeSubmission, Mark, SubmissionStatus
from skillsapp.logging_setup import reset_logging
from skillsapp.services.competitions.competitions import CompetitionRow
from skillsapp.services.demo.demo import write_demo
from skillsapp.services.demo.demo_competitions import (
    CONTEST_CODE,
    CONTEST_DRAW_SEED,
    CONTEST_FIELD,
    MEET_CODE,
    MEET_EVENTS,
    MIN_PERSONS,
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (cli.PASSWORD_ENV, cli.NEW_PASSWORD_ENV, cli.LANG_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield
    reset_logging()


def _open(target: Path) -> Iterator[Services]:
    services = open_services(target)
    admin = services.as_actor(services.accounts.login("admin", "admin"))
    try:
        yield admin
    finally:
        services.db.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The smallest demo with competitions, shared by the read-only tests below."""
    target = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo(str(target), persons=MIN_PERSONS)
    yield from _open(target)


def by_code(services: Services) -> dict[str, CompetitionRow]:
    return {row.code: row for row in services.competitions.competitions()}


def test_demo_command_reports_the_competitions_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(target), "--persons", str(MIN_PERSONS)]) == 0
    assert f"演示赛事：{CONTEST_CODE}, {MEET_CODE}" in capsys.readouterr().out


def test_demo_holds_a_final_contest_and_a_meet_in_registration(demo: Services) -> None:
    rows = by_code(demo)
    contest, meet = rows[CONTEST_CODE], rows[MEET_CODE]
    assert (contest.name, contest.kind) == (
        "2025年焦煤集团电工技能比武",
        CompetitionKind.SKILLS_CONTEST,
    )
    assert contest.status is CompetitionStatus.FINAL
    assert (meet.name, meet.kind, meet.edition) == (
        "2025年焦作市第十届职工技术运动会",
        CompetitionKind.SPORTS_MEET,
        10,
    )
    assert meet.status is CompetitionStatus.REGISTRATION
    assert meet.event_count >= 8 and meet.registration_count >= 100


def test_every_demo_scheme_is_valid(demo: Services) -> None:
    for row in demo.competitions.competitions():
        for event in demo.events.events(row.id):
            assert demo.events.scheme(event.id).problems() == [], event.name


def test_demo_meet_schemes_vary_the_weights(demo: Services) -> None:
    meet = by_code(demo)[MEET_CODE]
    weights = {
        tuple(int(c.weight) for c in demo.events.scheme(e.id).components)
        for e in demo.events.events(meet.id)
    }
    assert {(30, 70), (20, 80), (25, 55, 20)} <= weights


def test_demo_contest_is_drawn_with_judge1_as_chief_judge(demo: Services) -> None:
    contest = by_code(demo)[CONTEST_CODE]
    [event] = demo.events.events(contest.id)
    entries = demo.registrations.registrations(contest.id)
    assert (event.name, contest.draw_seed, len(entries)) == ("维修电工", CONTEST_DRAW_SEED, 20)
    assert all(e.bib and e.blind_code for e in entries)
    judges = demo.judges.judges(event.id)
    assert sorted((j.username, j.chief) for j in judges) == [
        ("judge1", True),
        ("judge2", False),
        ("judge3", False),
    ]
    assert all(e.unit_name.startswith("焦煤集团") for e in entries)


def test_demo_contest_has_every_mark_from_its_three_judges_signed_off_and_reviewed(
    demo: Services,
) -> None:
    contest = by_code(demo)[CONTEST_CODE]
    [event] = demo.events.events(contest.id)
    panel = demo.marks.panel(event.id)
    assert len(panel.rows) == CONTEST_FIELD and len(panel.judges) == 3
    with demo.db.reading() as session:
        marks = session.execute(
            select(SchemeCriterion.key, Mark.judge_id)
            .join(Mark, Mark.criterion_id == SchemeCriterion.id)
            .join(Registration, Registration.id == Mark.registration_id)
            .where(Registration.event_id == event.id)
        ).all()
        submissions = list(
            session.scalars(select(JudgeSubmission).where(JudgeSubmission.event_id == event.id))
        )
    per_key = Counter(key for key, _ in marks)
    assert per_key == {"T1": 20, "P1": 20, "P2": 60, "P3": 60}  # judged items by all three
    assert {judge for key, judge in marks if key == "P2"} == {j.user_id for j in panel.judges}
    assert len(submissions) == 3
    assert all(s.status is SubmissionStatus.SUBMITTED and s.chief_reviewed_at for s in submissions)


def test_demo_contest_has_final_results_for_twenty_contestants_with_awards_and_a_title(
    demo: Services,
) -> None:
    contest = by_code(demo)[CONTEST_CODE]
    document = demo.results.results_json(contest.id)
    assert document["competition"]["status"] == "final"
    rows = document["events"][0]["results"]
    assert len(rows) == CONTEST_FIELD and not any(r["provisional"] for r in rows)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert [r["award"] for r in rows[:6]] == ["一等奖", "二等奖", "二等奖", *["三等奖"] * 3]
    assert all(r["total"].count(".") == 1 and len(r["total"].split(".")[1]) == 2 for r in rows)
    assert rows[0]["titles"] == ["焦煤集团技术能手"]
    winner = demo.honours.honours(person_id=rows[0]["person_id"])
    assert "焦煤集团技术能手" in [h.title for h in winner]
    history = demo.results.competition_history(rows[0]["person_id"])
    assert [h.rank for h in history] == [1]


def test_demo_meet_entries_keep_quota_one_event_per_person_and_eligibility(
    demo: Services,
) -> None:
    meet = by_code(demo)[MEET_CODE]
    entries = demo.registrations.registrations(meet.id)
    per_unit = Counter((e.event_id, e.unit_id) for e in entries)
    assert max(per_unit.values()) <= 3
    assert len({e.person_id for e in entries}) == len(entries)
    assert [e.warnings for e in entries if e.warnings] == []
    assert len({e.unit_id for e in entries}) >= 10
    assert all(e.bib is None for e in entries)  # not drawn yet
    levels = {m.name: (m.min_level, m.max_level) for m in MEET_EVENTS}
    for entry in entries:
        low, high = levels[entry.event_name]
        level = demo.registry.person_for_edit(entry.person_id)[0].skill_level
        assert level is not None and (low is None or level >= low)
        assert high is None or level <= high


def test_demo_competitions_are_the_same_for_the_same_seed(demo: Services, tmp_path: Path) -> None:
    target = tmp_path / "again.sqlite3"
    write_demo(str(target), persons=MIN_PERSONS)
    for again in _open(target):
        for code, row in by_code(demo).items():
            other = by_code(again)[code]
            first = demo.registrations.registrations(row.id)
            second = again.registrations.registrations(other.id)
            assert [(e.person_name, e.event_name, e.bib) for e in first] == [
                (e.person_name, e.event_name, e.bib) for e in second
            ]
        contest = by_code(demo)[CONTEST_CODE].id
        assert demo.results.results_json(contest) == again.results.results_json(contest)
        assert [r.name for r in demo.studios.studios()] == [r.name for r in again.studios.studios()]


def test_demo_below_the_minimum_has_no_competitions(tmp_path: Path) -> None:
    target = tmp_path / "small.sqlite3"
    assert write_demo(str(target), persons=MIN_PERSONS - 1) == ()
    for services in _open(target):
        assert services.competitions.competitions() == []
