"""Marks, sign-off, paper sheets, re-check, results and appeals."""

MESSAGES: dict[str, tuple[str, str]] = {
    # marks: judges' grid, sign-off, chief judge, paper sheets, re-check (services.marks …)
    "criterion_unknown": ("评分项“{key}”不存在", "There is no criterion {key}"),
    "mark_invalid": ("不是有效的分数", "Not a valid mark"),
    "mark_out_of_range": ("分数应在 {min} 到 {max} 之间", "A mark lies between {min} and {max}"),
    "mark_off_step": ("分数须为 {step} 的整数倍", "A mark must be a multiple of {step}"),
    "mark_too_precise": ("分数最多保留 {places} 位小数", "A mark has at most {places} decimals"),
    "mark_submitted": ("评分已提交，不能再修改", "The marks are submitted and cannot change"),
    "mark_held_by_other": (
        "该客观评分项已由另一位裁判录入",
        "Another judge has entered this measured item",
    ),
    "mark_cannot_clear": (
        "退回更正时只能修改分数，不能清空",
        "A returned mark can be changed, not cleared",
    ),
    "judge_blocked": ("该裁判须回避此选手", "This judge is kept away from this contestant"),
    "chief_judge_required": (
        "只有本项目的裁判长可以执行此操作",
        "Only the event's chief judge may do this",
    ),
    "marks_already_submitted": ("评分已经提交", "The marks are already submitted"),
    "marks_missing": ("还有 {count} 个分数未录入", "{count} marks are still missing"),
    "marks_not_submitted": ("该裁判尚未提交评分", "This judge has not submitted the marks"),
    "judges_not_submitted": ("还有 {count} 位裁判未提交评分", "{count} judges have not submitted"),
    "reason_missing": ("必须填写原因", "A reason is required"),
    "sheet_not_received": (
        "该裁判的纸质评分表尚未登记收到",
        "This judge's paper sheet has not been received",
    ),
    "sheet_wrong_status": (
        "评分表当前状态（{status}）不允许此操作",
        "Not allowed while the sheet is {status}",
    ),
    "sheet_already_keyed": ("该评分表已录入两遍", "This sheet has been keyed twice already"),
    "sheet_same_clerk": (
        "第二遍须由另一位录入员录入",
        "The second keying must be done by another clerk",
    ),
    "sheet_not_keyed_twice": ("该评分表尚未录入两遍", "This sheet has not been keyed twice yet"),
    "sheet_cell_not_mismatched": (
        "该格两遍录入一致，无需处理",
        "Both keyings agree on this cell",
    ),
    "sheet_own_entry": (
        "不能核对或确认自己录入的评分表",
        "You cannot resolve or confirm a sheet you keyed",
    ),
    "sheet_mismatches": (
        "两遍录入还有 {count} 处不一致，须先处理",
        "{count} cells still differ between the two keyings",
    ),
    "score_sheet_other_competition": (
        "评分表 {path} 不属于本赛事",
        "The score sheet {path} belongs to another competition",
    ),
    "score_sheet_no_judge": (
        "评分表 {path} 未指定裁判，请选择裁判",
        "The score sheet {path} names no judge; choose one",
    ),
    "score_sheet_other_judge": (
        "评分表 {path} 是另一位裁判的",
        "The score sheet {path} belongs to another judge",
    ),
    "marks_import_stale": (
        "预览之后分数已有变化，请重新预览",
        "Marks changed after the preview; preview again",
    ),
    "recheck_already_drawn": ("本项目已抽取复核样本", "The re-check sample is already drawn"),
    "recheck_not_drawn": ("本项目尚未抽取复核样本", "No re-check sample has been drawn"),
    "recheck_mark_missing": (
        "该裁判没有此选手该评分项的分数；复核只能更正已有的分数",
        "This judge has no mark for this item of the entry; a re-check corrects existing marks only",
    ),
    "recheck_value_unchanged": (
        "新分数与原分数 {value} 相同，无需更正",
        "The new mark equals the old one ({value}); there is nothing to correct",
    ),
    "recheck_share_invalid": (
        "复核比例应在 0 到 1 之间，前几名人数不能为负",
        "The re-check share lies between 0 and 1, the top count is not negative",
    ),
    # results, appeals (services.results_service, services.appeals)
    "appeals_open": (
        "还有 {count} 件申诉未裁决，不能定稿",
        "{count} appeals have not been ruled on yet",
    ),
    "appeal_text_required": ("必须填写申诉内容", "An appeal needs its text"),
    "appeal_decision_required": ("必须填写裁决意见", "A ruling needs its written decision"),
    "appeal_closed": ("该申诉已裁决，不能再更改", "This appeal has been ruled on already"),
}
