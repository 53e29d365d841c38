"""Innovation studios."""

MESSAGES: dict[str, tuple[str, str]] = {
    # innovation studios
    "studio_name_required": ("必须填写工作室名称", "A studio name is required"),
    "studio_name_taken": ("已有同名工作室", "A studio with this name exists"),
    "studio_demonstration_national": (
        "只有国家级工作室可标为全国示范性",
        "Only a national studio can be a national demonstration studio",
    ),
    "studio_accredited_before_founded": (
        "命名日期早于成立日期",
        "Accredited before it was founded",
    ),
    "studio_confirmed_before_accredited": (
        "复审日期早于命名日期",
        "Re-confirmed before it was accredited",
    ),
    "studio_member_exists": ("此人已是该工作室的成员", "This person is a member already"),
    "member_already_left": ("该成员已退出", "This member has left already"),
    "member_left_before_joined": (
        "退出日期早于加入日期",
        "The leaving date is before the joining date",
    ),
    "studio_unknown": ("没有名为“{value}”的工作室", "There is no studio called {value}"),
    "studio_kind_unknown": ("无法识别的工作室类型", "Unknown studio kind"),
    "studio_level_unknown": ("无法识别的工作室级别", "Unknown studio level"),
    "studio_status_unknown": ("无法识别的工作室状态", "Unknown studio status"),
    "studio_condition_negative": ("条件数值不能为负", "A condition cannot be negative"),
    "studio_reconfirm_years_invalid": ("年限至少为1年", "A period is at least 1 year"),
    "studio_leader_families_required": (
        "要求领办人荣誉时须选择荣誉类别",
        "Choose the honours a leader may hold",
    ),
    "studio_conditions_invalid": (
        "工作室认定条件设置有误：{detail}",
        "Invalid studio conditions: {detail}",
    ),
    "studio_import_stale": (
        "预览之后数据已有变化（第 {rows} 行），请重新预览",
        "The data changed after the preview (rows {rows}); preview again",
    ),
    "innovation_title_required": ("必须填写成果名称", "A result title is required"),
    "innovation_kind_unknown": ("无法识别的成果类别", "Unknown kind of result"),
    "innovation_exists": (
        "该工作室当年已有同名成果",
        "The studio has a result of this title in that year",
    ),
    "patent_number_required": ("填写专利类型时须填写专利号", "A patent needs its number"),
    "patent_kind_required": (
        "填写专利号或授权日期时须填写专利类型",
        "A patent number or grant date needs a patent kind",
    ),
    "patent_kind_unknown": ("无法识别的专利类型", "Unknown patent kind"),
    "benefit_invalid": (
        "经济效益应为不超过4位小数的非负金额（万元）",
        "The benefit is an amount in 10,000 yuan with at most 4 decimals",
    ),
    "training_title_required": ("必须填写培训内容", "A training title is required"),
    "talent_duplicate": (
        "此人当年已登记为培养人才",
        "This person is already listed as trained that year",
    ),
    "evaluation_name_required": ("必须填写考核方案名称", "An evaluation plan needs a name"),
    "evaluation_plan_taken": ("当年已有同名考核方案", "A plan of this name exists for that year"),
    "evaluation_no_metrics": ("考核方案至少需要一项指标", "A plan needs at least one metric"),
    "evaluation_metric_duplicate": ("考核指标重复", "A metric is listed twice"),
    "evaluation_metric_unknown": ("未知的考核指标", "Unknown metric"),
    "evaluation_metric_label_required": ("评分指标须有名称", "A scored metric needs a label"),
    "evaluation_max_score_invalid": (
        "评分指标的满分须大于0",
        "A scored metric needs a maximum above 0",
    ),
    "evaluation_weight_invalid": ("权重须大于0", "A weight must be above 0"),
    "evaluation_weights_sum": ("各指标权重之和须为100", "The weights must add up to 100"),
    "evaluation_score_out_of_range": (
        "评分超出该指标的分值范围",
        "The score is outside the metric's range",
    ),
    "evaluation_studio_not_ranked": (
        "该工作室不在本次考核范围内",
        "This studio is not in the evaluation",
    ),
    "person_unknown": ("人员不存在", "Unknown person"),
    "person_not_in_registry": ("人才库中没有此身份证号", "This ID number is not in the registry"),
    "date_in_future": ("日期不能晚于今天", "The date cannot be in the future"),
    "date_invalid": ("无法识别的日期", "Not a date"),
    "year_invalid": ("年度无效", "Not a valid year"),
    "flag_invalid": ("请填写“是”或“否”", "Write yes or no"),
    "text_too_long": ("内容过长", "The text is too long"),
    "duplicate_in_file": ("与文件第 {other} 行重复", "Repeats row {other} of the file"),
}
