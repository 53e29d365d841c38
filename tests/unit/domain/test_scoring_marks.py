"""Criterion marks: measurement, deduction, judges, WorldSkills, and entry checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillsapp.domain.scoring import (
    Aggregation,
    Component,
    ComponentBase,
    Criterion,
    CriterionKind,
    Entry,
    EntryInvalid,
    EntryProblem,
    EntryProblemCode,
    Scheme,
    aggregate_judges,
    check_entry,
    score_entry,
)

D = Decimal
JUDGEMENT = CriterionKind.JUDGEMENT


def _scheme(*criteria: Criterion, base: ComponentBase = ComponentBase.SUM) -> Scheme:
    return Scheme(components=(Component("c", "c", D(100), criteria, base),))


def _ds(text: str) -> list[Decimal]:
    return [D(v) for v in text.split()]


def test_deduction_mark_is_maximum_minus_summed_deductions() -> None:
    scheme = _scheme(Criterion("d", "d", D(100), deduction=True))
    score = score_entry(scheme, Entry(1, {"d": _ds("5 2.5")}))
    assert score.criteria["d"].mark == D("92.5")


def test_deduction_mark_never_goes_below_zero() -> None:
    scheme = _scheme(Criterion("d", "d", D(100), deduction=True))
    score = score_entry(scheme, Entry(1, {"d": _ds("80 45")}))
    assert score.criteria["d"].mark == 0
    assert score.total == D("0.00")


def test_judged_deduction_averages_each_judges_hundred_minus_deductions() -> None:
    # A common panel rule: mean of 3 judges' (100 − deductions).
    scheme = _scheme(Criterion("d", "d", D(100), JUDGEMENT, deduction=True))
    score = score_entry(scheme, Entry(1, {"d": _ds("10 130 4")}))
    assert score.criteria["d"].mark == D(62)  # (90 + 0 + 96) / 3


def test_plain_mean_is_used_below_the_trim_threshold() -> None:
    result = aggregate_judges(_ds("10 20 60 90"), Aggregation.TRIMMED_MEAN, max_mark=D(100))
    assert result.mark == D(45)
    assert result.dropped == ()


def test_trim_threshold_is_configurable() -> None:
    values = _ds("10 20 60 90")
    result = aggregate_judges(values, Aggregation.TRIMMED_MEAN, max_mark=D(100), trim_threshold=4)
    assert result.mark == D(40)
    assert result.dropped == (0, 3)


def test_worldskills_mark_is_mean_over_three_times_maximum() -> None:
    result = aggregate_judges(_ds("2 3 2"), Aggregation.WORLDSKILLS, max_mark=D(6))
    assert result.mark == D(14) / D(3)  # mean 7/3 ÷ 3 × 6
    assert not result.needs_remark


def test_worldskills_spread_above_maximum_needs_remark() -> None:
    result = aggregate_judges(_ds("1 3 2"), Aggregation.WORLDSKILLS, max_mark=D(6))
    assert result.spread == D(2)
    assert result.needs_remark


def test_worldskills_spread_equal_to_maximum_is_accepted() -> None:
    result = aggregate_judges(_ds("2 3 3"), Aggregation.WORLDSKILLS, max_mark=D(6))
    assert not result.needs_remark


def test_worldskills_remark_makes_the_entry_provisional() -> None:
    ws = Criterion("w", "w", D(100), JUDGEMENT, Aggregation.WORLDSKILLS)
    scheme = Scheme(components=(Component("c", "c", D(100), (ws,)),), worldskills_max_spread=D(0))
    score = score_entry(scheme, Entry(1, {"w": _ds("3 2 3")}))
    assert score.needs_remark == ("w",)
    assert not score.complete


def test_missing_criterion_counts_zero_and_is_listed() -> None:
    scheme = _scheme(Criterion("a", "a", D(60)), Criterion("b", "b", D(40)))
    score = score_entry(scheme, Entry(1, {"a": [D(50)], "b": []}))
    assert score.missing == ("b",)
    assert score.total == D("50.00")
    assert not score.complete


def test_scaled_component_is_sum_over_maxima_times_hundred() -> None:
    scheme = _scheme(
        Criterion("a", "a", D(20)), Criterion("b", "b", D(20)), base=ComponentBase.SCALED
    )
    score = score_entry(scheme, Entry(1, {"a": [D(15)], "b": [D(10)]}))
    assert score.components["c"] == D("62.5")


def test_only_the_total_is_rounded() -> None:
    judged = Criterion("j", "j", D(100), JUDGEMENT)
    score = score_entry(_scheme(judged), Entry(1, {"j": _ds("1 1 2")}))
    assert score.components["c"] == D(4) / D(3)
    assert score.total == D("1.33")


def test_check_entry_reports_every_bad_value_with_its_judge_index() -> None:
    scheme = _scheme(
        Criterion("m", "m", D(40), step=D("0.5")),
        Criterion("j", "j", D(60), JUDGEMENT),
    )
    entry = Entry(1, {"m": _ds("39.25"), "j": _ds("10 61 -1"), "x": _ds("1")}, D(-1))
    assert check_entry(scheme, entry) == [
        EntryProblem(EntryProblemCode.UNKNOWN_CRITERION, "x"),
        EntryProblem(EntryProblemCode.MARK_OFF_STEP, "m", 0),
        EntryProblem(EntryProblemCode.MARK_ABOVE_MAX, "j", 1),
        EntryProblem(EntryProblemCode.MARK_NEGATIVE, "j", 2),
        EntryProblem(EntryProblemCode.TIME_NEGATIVE),
    ]


def test_measurement_takes_a_single_value() -> None:
    scheme = _scheme(Criterion("m", "m", D(100)))
    problems = check_entry(scheme, Entry(1, {"m": _ds("50 60")}))
    assert [p.code for p in problems] == [EntryProblemCode.TOO_MANY_VALUES]


def test_worldskills_values_above_three_are_rejected() -> None:
    ws = Criterion("w", "w", D(100), JUDGEMENT, Aggregation.WORLDSKILLS)
    problems = check_entry(_scheme(ws), Entry(1, {"w": _ds("3 4 3")}))
    assert problems == [EntryProblem(EntryProblemCode.MARK_ABOVE_MAX, "w", 1)]


def test_deductions_above_the_maximum_are_allowed() -> None:
    scheme = _scheme(Criterion("d", "d", D(100), deduction=True))
    assert check_entry(scheme, Entry(1, {"d": _ds("120")})) == []


def test_score_entry_refuses_invalid_marks_with_coded_error() -> None:
    scheme = _scheme(Criterion("m", "m", D(100)))
    with pytest.raises(EntryInvalid) as caught:
        score_entry(scheme, Entry(1, {"m": _ds("101")}))
    assert caught.value.code == "entry_invalid"
    assert caught.value.problems[0].code is EntryProblemCode.MARK_ABOVE_MAX
