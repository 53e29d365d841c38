"""The .xlsx marking-scheme template: round trip, what a chief expert may change, bad cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from skillsapp.domain.scheme_doc import ComponentSpec, CriterionSpec, SchemeSpec, standard_spec
from skillsapp.domain.scoring import (
    Aggregation,
    AwardMode,
    AwardRule,
    ComponentBase,
    CriterionKind,
    Merit,
    MeritMode,
    TieBreak,
    Tier,
)
from skillsapp.errors import UserError
from skillsapp.interchange.scheme_xlsx import (
    CRITERIA_SHEET,
    HEADERS,
    SETTINGS_SHEET,
    write_scheme_xlsx,
)
from skillsapp.interchange.scheme_xlsx_read import read_scheme_xlsx

D = Decimal


def _full_spec() -> SchemeSpec:
    """The worked example of DOMAIN.md plus an oral defence and every setting."""
    practical = ComponentSpec(
        "practical",
        "实操",
        D(55),
        (
            CriterionSpec(
                "P1", "尺寸测量", D(40), step=D("0.5"), deduction=True, standard="超差0.01扣1分"
            ),
            CriterionSpec("P2", "工艺", D(30), CriterionKind.JUDGEMENT, Aggregation.TRIMMED_MEAN),
            CriterionSpec(
                "P3",
                "外观",
                D(30),
                CriterionKind.JUDGEMENT,
                Aggregation.WORLDSKILLS,
                requirement="无毛刺",
            ),
        ),
    )
    oral = ComponentSpec(
        "oral", "答辩", D(20), (CriterionSpec("O1", "答辩", D(20)),), ComponentBase.SCALED
    )
    theory = ComponentSpec("theory", "理论", D(25), (CriterionSpec("T1", "理论知识", D(100)),))
    return SchemeSpec(
        components=(theory, practical, oral),
        rounding_decimals=1,
        rounding_mode="ROUND_HALF_EVEN",
        tie_breaks=(
            TieBreak.by_component("practical"),
            TieBreak.by_time(),
            TieBreak.by_component("theory"),
        ),
        trim_threshold=6,
        worldskills_max_spread=D("1.5"),
        min_field=30,
        time_used=True,
        award_rule=AwardRule(
            (Tier("一等奖", 0, D("0.1")), Tier("二等奖", 0, D("0.2")), Tier("三等奖", 0, D("0.3"))),
            AwardMode.BY_SHARE,
            D(60),
            "ROUND_DOWN",
            Merit(MeritMode.COUNT, 5, "优胜奖"),
        ),
    )


@pytest.mark.parametrize("spec", [standard_spec(), standard_spec(0, 100), _full_spec()])
def test_a_scheme_survives_the_template_unchanged(tmp_path: Path, spec: SchemeSpec) -> None:
    path = tmp_path / "评分标准.xlsx"
    write_scheme_xlsx(path, spec, title="第三届职工技能竞赛 维修电工 评分标准")
    assert read_scheme_xlsx(path) == spec


def test_the_template_has_one_row_per_criterion_under_a_title(tmp_path: Path) -> None:
    path = tmp_path / "评分标准.xlsx"
    write_scheme_xlsx(path, _full_spec(), title="维修电工 评分标准")
    sheet = openpyxl.load_workbook(path)[CRITERIA_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "维修电工 评分标准"
    assert rows[1] == HEADERS
    assert [r[2] for r in rows[2:]] == ["T1", "P1", "P2", "P3", "O1"]
    assert rows[3][5:9] == ("测量", "平均", 0.5, "是")
    assert rows[4][5:7] == ("评判", "去最高最低")


def _edit(path: Path, sheet: str, cells: dict[str, Any]) -> None:
    workbook = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        workbook[sheet][ref] = value
    workbook.save(path)


def _template(tmp_path: Path, spec: SchemeSpec | None = None) -> Path:
    path = tmp_path / "评分标准.xlsx"
    write_scheme_xlsx(path, spec or _full_spec(), title="评分标准")
    return path


def test_a_blank_component_cell_continues_the_component_above(tmp_path: Path) -> None:
    path = _template(tmp_path)
    _edit(path, CRITERIA_SHEET, {"A5": None, "B5": None, "A6": None, "B6": None})
    assert read_scheme_xlsx(path) == _full_spec()


def test_a_chief_experts_edit_is_read_back(tmp_path: Path) -> None:
    path = _template(tmp_path, standard_spec())
    _edit(path, CRITERIA_SHEET, {"D4": "焊接实操", "E4": 60, "F4": "评判", "G4": "世赛0-3"})
    _edit(path, CRITERIA_SHEET, {"A5": "实操", "C5": "P2", "D5": "外观", "E5": 40})
    practical = read_scheme_xlsx(path).components[1]
    assert [(c.key, c.name, c.max_mark, c.aggregation) for c in practical.criteria] == [
        ("P1", "焊接实操", D(60), Aggregation.WORLDSKILLS),
        ("P2", "外观", D(40), Aggregation.MEAN),
    ]


@pytest.mark.parametrize(
    ("cells", "code", "row", "column"),
    [
        ({"E5": "七十"}, "scheme_xlsx_bad_cell", 5, "配分"),
        ({"E4": None}, "scheme_xlsx_missing_cell", 4, "配分"),
        ({"C6": None}, "scheme_xlsx_missing_cell", 6, "评分项代码"),
        ({"F5": "主客观"}, "scheme_xlsx_bad_cell", 5, "类型(测量/评判)"),
        ({"I4": "也许"}, "scheme_xlsx_bad_cell", 4, "扣分制(是/否)"),
        ({"B5": 60}, "scheme_xlsx_weight_mismatch", 5, "权重(%)"),
    ],
)
def test_a_bad_criterion_cell_is_reported_with_its_row(
    tmp_path: Path, cells: dict[str, Any], code: str, row: int, column: str
) -> None:
    path = _template(tmp_path)
    _edit(path, CRITERIA_SHEET, cells)
    with pytest.raises(UserError) as error:
        read_scheme_xlsx(path)
    assert (error.value.code, error.value.params["row"], error.value.params["column"]) == (
        code,
        row,
        column,
    )
    assert error.value.params["sheet"] == CRITERIA_SHEET


def test_a_bad_setting_is_reported_with_its_row(tmp_path: Path) -> None:
    path = _template(tmp_path)
    _edit(path, SETTINGS_SHEET, {"B2": "两位"})
    with pytest.raises(UserError) as error:
        read_scheme_xlsx(path)
    assert (error.value.code, error.value.params["sheet"], error.value.params["row"]) == (
        "scheme_xlsx_bad_cell",
        SETTINGS_SHEET,
        2,
    )


def test_a_tie_break_naming_an_unknown_component_is_reported(tmp_path: Path) -> None:
    path = _template(tmp_path)
    _edit(path, SETTINGS_SHEET, {"B8": "实操↓；机考↓"})
    with pytest.raises(UserError) as error:
        read_scheme_xlsx(path)
    assert (error.value.code, error.value.params["row"], error.value.params["value"]) == (
        "scheme_xlsx_unknown_component",
        8,
        "机考",
    )


def test_a_sheet_without_the_criteria_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "内容"])
    workbook.save(path)
    with pytest.raises(UserError, match="scheme_xlsx_header_missing"):
        read_scheme_xlsx(path)


def test_without_a_settings_sheet_the_defaults_apply(tmp_path: Path) -> None:
    path = _template(tmp_path, standard_spec())
    workbook = openpyxl.load_workbook(path)
    del workbook[SETTINGS_SHEET]
    workbook.save(path)
    spec = read_scheme_xlsx(path)
    assert spec.components == standard_spec().components
    assert (spec.award_rule, spec.tie_breaks) == (SchemeSpec().award_rule, ())


def test_an_unreadable_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="file_unreadable"):
        read_scheme_xlsx(path)
