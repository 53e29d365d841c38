"""Evaluation plans: metric validation and the ranking formula (best studio = full weight)."""

from __future__ import annotations

from decimal import Decimal

from skillsapp.domain.studio_rules import EvaluationInput, Metric, check_metrics, rank_studios

D = Decimal


def test_a_valid_plan_has_no_errors() -> None:
    metrics = [Metric("innovations", D(60)), Metric("site", D(40), "场地建设", True, D(10))]
    assert check_metrics(metrics) == {}


def test_weights_must_add_up_to_100() -> None:
    errors = check_metrics([Metric("innovations", D(60)), Metric("patents", D(30))])
    assert errors == {"weights": "evaluation_weights_sum"}


def test_metric_errors_name_the_metric() -> None:
    errors = check_metrics(
        [
            Metric("bogus", D(20)),
            Metric("patents", D(0)),
            Metric("site", D(40), "场地", True, None),
            Metric("rules", D(40), "", True, D(5)),
        ]
    )
    assert errors == {
        "bogus": "evaluation_metric_unknown",
        "patents": "evaluation_weight_invalid",
        "site": "evaluation_max_score_invalid",
        "rules": "evaluation_metric_label_required",
    }


def test_a_plan_needs_metrics_and_no_key_twice() -> None:
    assert check_metrics([]) == {"metrics": "evaluation_no_metrics"}
    twice = [Metric("patents", D(50)), Metric("patents", D(50))]
    assert check_metrics(twice) == {"metrics": "evaluation_metric_duplicate"}


def test_each_metric_scores_its_weight_times_value_over_the_best() -> None:
    metrics = [
        Metric("innovations", D(50)),
        Metric("benefit", D(30)),
        Metric("site", D(20), "场地", True, D(10)),
    ]
    inputs = [
        EvaluationInput(1, "甲工作室", {"innovations": D(10), "benefit": D(200)}, {"site": D(5)}),
        EvaluationInput(2, "乙工作室", {"innovations": D(4), "benefit": D(300)}, {"site": D(10)}),
        EvaluationInput(3, "丙工作室", {}, {}),
    ]
    ranked = rank_studios(metrics, inputs)
    assert [(r.name, r.rank, r.total) for r in ranked] == [
        ("甲工作室", 1, D("80.00")),  # 50 + 30×200/300 + 20×5/10
        ("乙工作室", 2, D("70.00")),  # 50×4/10 + 30 + 20
        ("丙工作室", 3, D("0.00")),
    ]
    assert [s.points for s in ranked[0].scores] == [D("50.00"), D("20.00"), D("10.00")]


def test_equal_totals_share_a_rank_and_are_listed_by_name() -> None:
    metrics = [Metric("patents", D(100))]
    inputs = [
        EvaluationInput(1, "乙", {"patents": D(2)}),
        EvaluationInput(2, "甲", {"patents": D(2)}),
        EvaluationInput(3, "丙", {"patents": D(1)}),
    ]
    # 乙 (U+4E59) sorts before 甲 (U+7532)
    assert [(r.name, r.rank) for r in rank_studios(metrics, inputs)] == [
        ("乙", 1),
        ("甲", 1),
        ("丙", 3),
    ]


def test_a_metric_nobody_scored_on_gives_zero_not_an_error() -> None:
    ranked = rank_studios([Metric("patents", D(100))], [EvaluationInput(1, "甲", {})])
    assert ranked[0].total == D("0.00")
