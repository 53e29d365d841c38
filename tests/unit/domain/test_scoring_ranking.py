"""Ranking details: disqualification, provisional results, tie-break order, cut-offs."""

from __future__ import annotations

from decimal import Decimal

from skillsapp.domain.scoring import (
    Component,
    Criterion,
    Entry,
    Scheme,
    TieBreak,
    advancing,
    rank,
    score_entry,
)

D = Decimal


def _scheme(*tie_breaks: TieBreak) -> Scheme:
    return Scheme(
        components=(
            Component("a", "a", D(50), (Criterion("a", "a", D(100)),)),
            Component("b", "b", D(50), (Criterion("b", "b", D(100)),)),
        ),
        tie_breaks=tie_breaks,
    )


def _entry(
    cid: str, a: int, b: int | None, time: int | None = None, dq: bool = False
) -> Entry[str]:
    marks = {"a": [D(a)], "b": [] if b is None else [D(b)]}
    return Entry(cid, marks, None if time is None else D(time), dq)


def _order(scheme: Scheme, *entries: Entry[str]) -> list[tuple[str, int | None]]:
    rows = rank(scheme, [score_entry(scheme, e) for e in entries])
    return [(r.contestant_id, r.rank) for r in rows]


def test_disqualified_entries_come_last_without_a_rank() -> None:
    assert _order(_scheme(), _entry("x", 100, 100, dq=True), _entry("y", 10, 10)) == [
        ("y", 1),
        ("x", None),
    ]


def test_incomplete_entry_is_ranked_but_makes_the_whole_ranking_provisional() -> None:
    scheme = _scheme()
    rows = rank(
        scheme, [score_entry(scheme, e) for e in (_entry("x", 90, None), _entry("y", 40, 40))]
    )
    assert [(r.contestant_id, r.rank, r.incomplete) for r in rows] == [
        ("x", 1, True),
        ("y", 2, False),
    ]
    assert all(r.provisional for r in rows)


def test_equal_rounded_totals_go_to_the_tie_break_even_if_exact_totals_differ() -> None:
    fine = Criterion("a", "a", D(100), step=D("0.001"))
    scheme = Scheme(
        components=(
            Component("a", "a", D(50), (fine,)),
            Component("b", "b", D(50), (Criterion("b", "b", D(100), step=D("0.001")),)),
        ),
        tie_breaks=(TieBreak.by_component("b"),),
    )
    exact_leader = Entry("x", {"a": [D("60.008")], "b": [D(40)]})  # 50.004
    tie_winner = Entry("y", {"a": [D(59)], "b": [D("41.002")]})  # 50.001
    rows = rank(scheme, [score_entry(scheme, e) for e in (exact_leader, tie_winner)])
    assert rows[0].total == rows[1].total == D("50.00")
    assert [(r.contestant_id, r.rank) for r in rows] == [("y", 1), ("x", 2)]


def test_time_tie_break_prefers_less_time_and_missing_time_is_worst() -> None:
    scheme = _scheme(TieBreak.by_time())
    order = _order(
        scheme, _entry("none", 50, 50), _entry("slow", 50, 50, 60), _entry("fast", 50, 50, 45)
    )
    assert order == [("fast", 1), ("slow", 2), ("none", 3)]


def test_tie_break_chain_applies_in_configured_order() -> None:
    time_first = _scheme(TieBreak.by_time(), TieBreak.by_component("b"))
    component_first = _scheme(TieBreak.by_component("b"), TieBreak.by_time())
    entries = (_entry("x", 60, 40, 30), _entry("y", 40, 60, 50))
    assert _order(time_first, *entries) == [("x", 1), ("y", 2)]
    assert _order(component_first, *entries) == [("y", 1), ("x", 2)]


def test_everyone_equal_on_every_key_shares_a_rank() -> None:
    scheme = _scheme(TieBreak.by_component("b"))
    order = _order(
        scheme, _entry("p", 90, 90), _entry("q", 80, 80), _entry("r", 80, 80), _entry("s", 70, 70)
    )
    assert order == [("p", 1), ("q", 2), ("r", 2), ("s", 4)]


def test_everyone_tied_at_the_cut_off_advances() -> None:
    scheme = _scheme()
    rows = rank(
        scheme,
        [
            score_entry(scheme, _entry(c, t, t))
            for c, t in (("p", 90), ("q", 80), ("r", 80), ("s", 70))
        ],
    )
    assert advancing(rows, 2) == ["p", "q", "r"]
