"""User-facing texts for error codes, in every language the program speaks.

Widgets translate their own labels with Qt's `tr()`; the codes raised by the domain
and the services are translated here, so the CLI (which has no Qt translator) and
the GUI say the same thing. A test checks every code has both languages.
"""

from __future__ import annotations

from skillsapp.errors import Blocked, UserError, ValidationError

LANGUAGES = ("zh_CN", "en")
_language = "zh_CN"

# code → (Simplified Chinese, English). {name} placeholders come from error params.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("操作失败", "The operation failed"),
    "validation": ("输入有误，请检查标出的字段", "Please correct the marked fields"),
    "permission_denied": ("当前账号无权执行此操作", "Your account may not do this"),
    "not_found": ("记录不存在或已被删除", "The record does not exist or was deleted"),
    "conflict": (
        "该记录已被他人修改，请刷新后重试",
        "Someone else changed this record; reload and try again",
    ),
    "auth_failed": (
        "用户名或密码错误，或账号已停用",
        "Wrong user name or password, or the account is disabled",
    ),
    "database": ("数据库无法使用", "The database cannot be used"),
    "db_bad_url": ("数据库地址无效：{url}", "Not a valid database address: {url}"),
    "db_driver_missing": (
        "缺少数据库驱动：请安装 skillsapp[postgres]（{url}）",
        "The database driver is missing: install skillsapp[postgres] ({url})",
    ),
    "db_unusable": ("无法打开数据库 {url}：{detail}", "Cannot open the database {url}: {detail}"),
    "db_too_new": (
        "数据库 {url} 由更新版本的 SkillsApp 创建（结构版本 {revision}），请升级本程序；数据库未做任何改动",
        "The database {url} was written by a newer SkillsApp (schema {revision}); "
        "upgrade this program. The database was not changed",
    ),
    "db_not_sqlite": (
        "此操作只适用于 SQLite 数据库文件",
        "This works only on an SQLite database file",
    ),
    "db_integrity": (
        "数据库完整性检查失败：{detail}",
        "The database integrity check failed: {detail}",
    ),
    "file_not_found": ("找不到文件：{path}", "File not found: {path}"),
    "file_unreadable": ("无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}"),
    "file_unwritable": ("无法写入文件 {path}：{detail}", "Cannot write {path}: {detail}"),
    "file_format": (
        "不支持的文件类型：{path}（请用 .xlsx 或 .csv）",
        "Unsupported file type: {path} (use .xlsx or .csv)",
    ),
    "import_cancelled": ("导入已取消，未写入任何数据", "Import cancelled; nothing was written"),
    "import_nothing": ("没有可导入的有效行", "There are no valid rows to import"),
    "login_required": (
        "连接 PostgreSQL 时须用 --user 指定账号并提供密码",
        "A PostgreSQL database needs --user and a password",
    ),
    # competitions
    "blocked": ("无法执行", "Not possible"),
    "competition_locked": (
        "赛事结果已锁定，不能再修改",
        "The competition is locked; nothing can change",
    ),
    "competition_wrong_status": (
        "赛事当前状态（{status}）不允许此操作",
        "Not allowed while the competition is in status {status}",
    ),
    "competition_code_invalid": (
        "赛事代码应为1–20位字母或数字",
        "A competition code has 1–20 letters or digits",
    ),
    "competition_code_taken": ("赛事代码已被使用", "This competition code is taken"),
    "competition_not_found": (
        "没有编号或代码为 {ref} 的赛事",
        "There is no competition with the id or code {ref}",
    ),
    "end_before_start": ("结束日期早于开始日期", "The end date is before the start date"),
    "quota_not_positive": ("名额至少为1", "A quota is at least 1"),
    "value_negative": ("数值不能为负", "The value cannot be negative"),
    "competition_no_events": ("赛事还没有比赛项目", "The competition has no events yet"),
    "event_scheme_invalid": (
        "项目“{event}”的评分标准不完整或有误",
        "The scoring scheme of event {event} is incomplete or invalid",
    ),
    "event_not_drawn": ("项目“{event}”尚未抽签", "Event {event} has not been drawn"),
    "event_no_judges": ("项目“{event}”尚未指派裁判", "Event {event} has no judges"),
    "event_no_chief_judge": ("项目“{event}”尚未指定裁判长", "Event {event} has no chief judge"),
    "competition_no_registrations": ("赛事还没有报名", "The competition has no registrations"),
    "review_period_running": (
        "公示期未满，{until} 后才能定稿",
        "The public review period runs until {until}",
    ),
    "status_unchanged": ("赛事已处于该状态", "The competition is already in that status"),
    "reason_required": ("回退状态必须填写原因", "Moving back needs a reason"),
    "status_skip": ("不能跳过流程步骤", "Steps of the workflow cannot be skipped"),
    # scheme problems (domain.scoring.SchemeProblemCode)
    "no_components": ("评分标准至少需要一个组成部分", "A scheme needs at least one component"),
    "weights_not_100": ("各部分权重之和必须为100%", "The component weights must add up to 100 %"),
    "weight_negative": ("权重不能为负（{subject}）", "A weight cannot be negative ({subject})"),
    "component_empty": ("组成部分“{subject}”没有评分项", "Component {subject} has no criteria"),
    "component_max_not_100": (
        "组成部分“{subject}”的评分项配分之和应为100",
        "The criteria of {subject} must add up to 100 marks",
    ),
    "duplicate_component_key": (
        "组成部分代码重复：{subject}",
        "Component key used twice: {subject}",
    ),
    "duplicate_criterion_key": ("评分项代码重复：{subject}", "Criterion key used twice: {subject}"),
    "criterion_max_not_positive": (
        "评分项“{subject}”的配分必须大于0",
        "Criterion {subject} needs a maximum above 0",
    ),
    "step_not_positive": (
        "评分项“{subject}”的分值步长必须大于0",
        "The step of {subject} must be above 0",
    ),
    "worldskills_deduction": (
        "世赛评价法的评分项不能是扣分项（{subject}）",
        "A WorldSkills judgement criterion cannot be a deduction ({subject})",
    ),
    "trim_threshold_too_low": (
        "去掉最高最低分至少需要4名裁判",
        "Dropping the highest and lowest needs at least 4 judges",
    ),
    "spread_negative": ("允许的评分差不能为负", "The allowed spread cannot be negative"),
    "rounding_decimals_negative": ("小数位数不能为负", "The number of decimals cannot be negative"),
    "rounding_mode_unknown": ("未知的舍入方式", "Unknown rounding mode"),
    "tie_break_unknown_component": (
        "同分排序引用了不存在的组成部分：{subject}",
        "The tie-break names an unknown component: {subject}",
    ),
    "tie_break_duplicate": (
        "同分排序条件重复：{subject}",
        "A tie-break step is repeated: {subject}",
    ),
    "min_field_not_positive": ("最少参赛人数至少为1", "The minimum field is at least 1"),
    "award_tier_unnamed": ("奖项等级必须有名称", "An award tier needs a name"),
    "award_tier_negative": (
        "奖项名额或比例不能为负（{subject}）",
        "An award count or share cannot be negative ({subject})",
    ),
    "award_shares_over_100": (
        "各奖项比例之和超过100%",
        "The award shares add up to more than 100 %",
    ),
    "tie_break_time_not_recorded": (
        "按用时排序需先启用“记录用时”",
        "Breaking ties by time needs time used to be recorded",
    ),
    "scheme_not_a_scheme": ("不是 SkillsApp 评分标准文件", "Not a SkillsApp scoring scheme file"),
    "scheme_missing_field": (
        "评分标准文件缺少字段：{where}",
        "The scheme file lacks a field: {where}",
    ),
    "scheme_bad_number": (
        "评分标准文件中的数值无效：{where}",
        "Not a number in the scheme file: {where}",
    ),
    "scheme_bad_value": (
        "评分标准文件中的取值无效：{where}",
        "Invalid value in the scheme file: {where}",
    ),
    "scheme_title_needs_rank_or_tier": (
        "称号规则须指定名次或奖项：{where}",
        "A title rule needs a rank or an award: {where}",
    ),
    "import_stale": (
        "预览之后有人已登记了其中的人员（第 {rows} 行），请重新预览",
        "Some of these persons were registered after the preview (rows {rows}); preview again",
    ),
    "audit_broken": (
        "审计日志在第 {id} 条处被改动过，链条已断",
        "The audit log was altered at entry {id}; the chain is broken",
    ),
    "first_account_admin": ("第一个账号必须是管理员", "The first account must be an administrator"),
    "password_required": ("必须输入密码", "A password is required"),
    "db_not_skillsapp": ("{url} 不是 SkillsApp 数据库", "{url} is not a SkillsApp database"),
    "demo_not_empty": (
        "数据库 {url} 中已有人员，演示数据只写入空数据库",
        "The database {url} already has persons; demo data goes only into an empty one",
    ),
    "entry_invalid": ("分数无效", "Invalid marks"),
    "trade_too_long": ("工种名称过长（最多60字）", "The trade is too long (60 characters at most)"),
    "title_too_long": ("职称过长（最多40字）", "The title is too long (40 characters at most)"),
    # printables and score sheets (pdf, interchange.score_sheets, services.forms)
    "forms_cancelled": (
        "已取消：已写完的 {written} 个文件保留，其余未生成",
        "Cancelled: the {written} files already finished were kept, the rest not written",
    ),
    "score_sheet_not_ours": (
        "{path} 不是 SkillsApp 生成的评分表",
        "{path} is not a score sheet written by SkillsApp",
    ),
    "score_sheet_damaged": (
        "评分表 {path} 的隐藏信息已损坏：{detail}",
        "The hidden data of score sheet {path} is damaged: {detail}",
    ),
    "score_sheet_row_moved": (
        "该行的编号与生成时不符（现为“{value}”），请勿移动、插入或删除行",
        "This row's code changed (now '{value}'); do not move, insert or delete rows",
    ),
    "score_sheet_not_a_number": ("“{value}”不是有效的分数", "'{value}' is not a valid mark"),
    "score_sheet_out_of_range": (
        "分数 {value} 超出 0 到配分的范围",
        "The mark {value} is outside 0 to the item's maximum",
    ),
    # events, schemes, registration, draw, judges
    "event_name_taken": ("本赛事已有同名比赛项目", "The competition has an event of that name"),
    "event_name_too_long": ("项目名称过长", "The event name is too long"),
    "team_size_invalid": ("团体项目每队至少2人", "A team event needs teams of at least 2"),
    "team_k_invalid": ("计入团体成绩的人数至少为1", "At least 1 member must count for the team"),
    "level_range_invalid": (
        "最高技能等级不能低于最低技能等级",
        "The highest skill level is below the lowest",
    ),
    "age_range_invalid": ("最大年龄不能小于最小年龄", "The maximum age is below the minimum age"),
    "event_has_registrations": (
        "项目“{event}”已有 {count} 人报名，不能删除",
        "Event {event} has {count} entries and cannot be deleted",
    ),
    "scheme_xlsx_header_missing": (
        "工作表“{sheet}”中找不到评分项表头（组成部分、评分项代码、评分项名称、配分）",
        "Sheet {sheet} has no criteria header (component, key, name, maximum)",
    ),
    "scheme_xlsx_missing_cell": (
        "工作表“{sheet}”第 {row} 行“{column}”不能为空",
        "Sheet {sheet}, row {row}: {column} must be filled in",
    ),
    "scheme_xlsx_bad_cell": (
        "工作表“{sheet}”第 {row} 行“{column}”的值无效：{value}",
        "Sheet {sheet}, row {row}: invalid {column}: {value}",
    ),
    "scheme_xlsx_weight_mismatch": (
        "工作表“{sheet}”第 {row} 行：同一组成部分的权重前后不一致（{value}）",
        "Sheet {sheet}, row {row}: the component's weight differs from above ({value})",
    ),
    "scheme_xlsx_unknown_component": (
        "工作表“{sheet}”第 {row} 行“{column}”引用了不存在的组成部分：{value}",
        "Sheet {sheet}, row {row}: {column} names an unknown component: {value}",
    ),
    "already_registered": ("{name} 已报名“{event}”", "{name} is already entered for {event}"),
    "person_in_other_event": (
        "{name} 已报名“{event}”，本赛事每人只能报一个项目",
        "{name} is entered for {event}; one event per person in this competition",
    ),
    "quota_exceeded": (
        "{unit} 在“{event}”的名额（{quota} 人）已满",
        "{unit} has used its {quota} places in {event}",
    ),
    "level_missing": (
        "未登记技能等级，达不到本项目的最低等级要求",
        "No skill level recorded; the event requires a minimum level",
    ),
    "level_too_low": (
        "技能等级低于本项目的最低要求",
        "The skill level is below the event's minimum",
    ),
    "level_too_high": (
        "技能等级高于本项目的最高限制",
        "The skill level is above the event's maximum",
    ),
    "age_unknown": (
        "出生日期不详，无法核对年龄要求",
        "No birth date; the age limits cannot be checked",
    ),
    "age_too_low": ("年龄低于本项目的最小年龄", "Younger than the event's minimum age"),
    "age_too_high": ("年龄超过本项目的最大年龄", "Older than the event's maximum age"),
    "unit_not_allowed": ("该单位不在本项目允许参赛的单位之列", "The unit may not enter this event"),
    "team_name_required": ("团体项目必须填写队名", "A team event needs a team name"),
    "person_name_mismatch": (
        "姓名与人才库中该身份证号登记的姓名不一致",
        "The name differs from the registry's for this ID number",
    ),
    "registration_not_active": ("该报名已退赛", "This entry has been withdrawn"),
    "registration_drawn": (
        "已抽签（参赛号 {bib}），只能退赛，不能删除",
        "Already drawn (number {bib}): withdraw the entry instead",
    ),
    "event_unknown": ("没有名为“{value}”的比赛项目", "There is no event called {value}"),
    "entry_event_missing": ("未填写比赛项目", "The event is missing"),
    "entry_unit_required": ("未填写参赛单位", "The unit is missing"),
    "entry_duplicate_in_file": (
        "同一人在文件中重复报名同一项目（第 {other} 行）",
        "The same person is entered twice for this event (row {other})",
    ),
    "registration_import_stale": (
        "预览之后报名或人才库已有变化，请重新预览",
        "Entries or the registry changed after the preview; preview again",
    ),
    "draw_seed_invalid": (
        "抽签种子必须是 0 到 {limit} 之间的整数（{seed}）",
        "A draw seed is a whole number from 0 to {limit} ({seed})",
    ),
    "judge_role_required": ("{name} 不是裁判账号", "{name} is not a judge account"),
    "judge_inactive": ("裁判账号 {name} 已停用", "The judge account {name} is disabled"),
    "judge_not_assigned": ("该裁判未分配到本项目", "This judge is not assigned to the event"),
    "judge_already_assigned": (
        "{name} 已是“{event}”的裁判",
        "{name} already judges {event}",
    ),
    "registration_not_in_event": (
        "该选手未报名“{event}”",
        "This contestant is not entered for {event}",
    ),
    "competition_file_invalid": (
        "不是有效的 SkillsApp 赛事文件（{where}）",
        "Not a valid SkillsApp competition file ({where})",
    ),
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
    # talent registry: honours, certificates, mentorship, nominations
    "field_required": ("此项必须填写", "This field is required"),
    "honour_holder_required": (
        "荣誉须授予一名人员或一个单位（二者选一）",
        "An honour belongs to one person or one unit",
    ),
    "honour_type_unknown": ("未知的荣誉类型", "Unknown honour type"),
    "honour_type_for_units": ("该荣誉类型只授予单位或集体", "This honour type is for units only"),
    "honour_type_for_persons": ("该荣誉类型只授予个人", "This honour type is for persons only"),
    "honour_type_name_taken": ("已有同名荣誉类型", "An honour type of this name exists"),
    "honour_level_unknown": (
        "无法识别的荣誉级别（国家级/省级/市级/县级/行业/企业）",
        "Unknown honour level (national, provincial, city, county, industry, enterprise)",
    ),
    "honour_year_invalid": ("年度无效", "Not a valid year"),
    "honour_duplicate": ("此人（单位）已有这项荣誉", "This honour is already recorded"),
    "honour_duplicate_in_file": (
        "与文件第 {other} 行的荣誉重复",
        "The same honour as row {other} of the file",
    ),
    "honour_import_stale": (
        "预览之后已有人录入了其中的荣誉（第 {rows} 行），请重新预览",
        "Some of these honours were recorded after the preview (rows {rows}); preview again",
    ),
    "certificate_number_format": (
        "证书编号格式不符（应为Y或S加21位数字，旧证书为16位数字）",
        "The certificate number has an unusual format (Y or S and 21 digits, or 16 digits)",
    ),
    "certificate_level_mismatch": (
        "证书编号中的等级与所填等级不一致",
        "The level in the certificate number differs from the level entered",
    ),
    "mentor_is_apprentice": ("师傅和徒弟不能是同一人", "Master and apprentice must differ"),
    "mentorship_duplicate": (
        "这对师徒已有一份在执行的协议",
        "This master and apprentice already have an active agreement",
    ),
    "mentorship_not_active": ("该师带徒协议已结束", "This agreement has already ended"),
    "mentorship_term": (
        "师带徒协议期限通常为1至3年",
        "An apprenticeship agreement usually runs one to three years",
    ),
    "mentor_overloaded": (
        "该师傅在带徒弟人数已超过上限",
        "This master has more active apprentices than the limit",
    ),
    "renewal_not_later": ("续签的结束日期须晚于原结束日期", "A renewal must end later"),
    "round_closed": ("该评选已截止推荐", "This round no longer takes nominations"),
    "nomination_duplicate": ("已在本轮评选中被推荐", "Already nominated in this round"),
    "nomination_already_decided": (
        "该推荐已作出决定，不能再次审批",
        "This nomination has already been decided",
    ),
    "document_too_large": (
        "附件不能超过 {limit} MB",
        "A document can be at most {limit} MB",
    ),
    # field codes
    "name_required": ("必须填写姓名", "A name is required"),
    "name_too_long": ("姓名过长", "The name is too long"),
    "id_empty": ("必须填写身份证号", "An ID number is required"),
    "id_length": ("身份证号应为18位", "An ID number has 18 characters"),
    "id_chars": (
        "身份证号只能包含数字，末位可为X",
        "An ID number has digits only, the last may be X",
    ),
    "id_birth_date": (
        "身份证号中的出生日期无效",
        "The birth date in the ID number is not a real date",
    ),
    "id_future_birth": (
        "身份证号中的出生日期在未来",
        "The birth date in the ID number is in the future",
    ),
    "id_checksum": ("身份证号校验位错误", "The ID number's check character is wrong"),
    "id_legacy_not_allowed": ("不接受15位旧身份证号", "Old 15-digit ID numbers are not accepted"),
    "id_float_mangled": (
        "身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新填写",
        "Excel stored the ID number as a number and lost its last digits; "
        "format the column as text and type it again",
    ),
    "id_duplicate": ("该身份证号已登记", "This ID number is already registered"),
    "id_duplicate_in_file": (
        "身份证号在文件中重复（第 {other} 行）",
        "ID number repeated in the file (row {other})",
    ),
    "id_duplicate_in_database": (
        "该身份证号已在人才库中",
        "This ID number is already in the registry",
    ),
    "gender_mismatch": ("性别与身份证号不符", "The gender does not match the ID number"),
    "gender_unknown": ("性别无法识别", "Unknown gender"),
    "mobile_invalid": (
        "手机号应为以1开头的11位数字",
        "A mobile number has 11 digits starting with 1",
    ),
    "level_unknown": ("无法识别的技能等级", "Unknown skill level"),
    "unit_unknown": ("单位不存在", "Unknown unit"),
    "unit_name_taken": ("已有同名单位", "A unit with this name exists"),
    "unit_cycle": ("上级单位不能是本单位或其下级", "A unit cannot be placed under itself"),
    "unit_has_persons": ("该单位下仍有人员，不能删除", "The unit still has persons"),
    "unit_has_children": ("该单位下仍有下级单位，不能删除", "The unit still has sub-units"),
    "username_invalid": (
        "用户名为2–40位字母、数字或 _ . @ -",
        "A user name has 2–40 letters, digits or _ . @ -",
    ),
    "username_taken": ("用户名已被使用", "This user name is taken"),
    "password_too_short": ("密码至少4位", "The password needs at least 4 characters"),
    "password_mismatch": ("两次输入的密码不一致", "The passwords do not match"),
    "first_admin_exists": ("管理员账号已存在", "An administrator account exists already"),
    "cannot_demote_self": (
        "不能停用自己或取消自己的管理员身份",
        "You cannot disable or demote yourself",
    ),
    "photo_format": ("照片须为 JPEG 或 PNG 格式", "The photo must be a JPEG or PNG image"),
    "photo_too_large": (
        "照片大小不能超过 {limit} MB",
        "The photo is too large ({limit} MB at most)",
    ),
    "header_missing": ("缺少必需的列：{value}", "A required column is missing: {value}"),
    "row_empty": ("空行", "Empty row"),
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
    # certificates
    "cert_competition_not_final": (
        "赛事尚未定稿（当前：{status}），公示期满后才能发证",
        "The competition is not final yet ({status}); certificates wait for the review period",
    ),
    "cert_nothing_to_issue": (
        "所选 {skipped} 人均已发证，请在证书登记簿中补打",
        "All {skipped} selected already have certificates; reprint them from the register",
    ),
    "cert_template_kind": (
        "{count} 张证书（如 {name}）没有该模板要写的奖项或称号，请换用合适的模板",
        "{count} certificates (e.g. {name}) lack the award or title this template prints; pick another template",
    ),
    "cert_nothing_selected": ("没有选择证书", "No certificate is selected"),
    "cert_issue_cancelled": (
        "已取消，未生成文件，未占用证书编号",
        "Cancelled; no file was written and no serial was used",
    ),
    "cert_serial_too_long": (
        "证书编号超过 {maximum} 个字符，请修改编号规则",
        "Serials are longer than {maximum} characters; change the pattern",
    ),
    "cert_revoked": ("证书 {serial} 已作废", "Certificate {serial} is revoked"),
    "cert_revoke_reason": ("作废证书必须填写原因", "Revoking a certificate needs a reason"),
    "cert_template_not_published": (
        "该证书模板还没有发布的版本",
        "The template has no published version",
    ),
    "cert_template_no_draft": ("该模板没有待发布的草稿", "The template has no draft to publish"),
    "cert_template_name_taken": ("模板名称已被使用", "A template of that name exists"),
    "cert_template_file": (
        "不是有效的证书模板文件：{path}",
        "Not a certificate template file: {path}",
    ),
    "cert_layout_invalid": (
        "模板版式数据有误：{detail}",
        "The template layout is damaged: {detail}",
    ),
    "cert_asset_name": ("素材名称无效：{name}", "Not a valid asset name: {name}"),
    "cert_asset_too_large": ("素材文件过大：{name}", "The asset is too large: {name}"),
    "cert_asset_type": (
        "只支持 PNG、JPEG 图片和 TrueType 字体：{name}",
        "Only PNG, JPEG images and TrueType fonts can be used: {name}",
    ),
    "cert_font_unusable": (
        "字体“{name}”无法嵌入 PDF（须为 TrueType 轮廓字体，不支持 CFF/OTF）",
        "The font {name} cannot be embedded (TrueType outlines only, not CFF/OTF)",
    ),
    "cert_key_invalid": ("不是有效的 Ed25519 密钥", "Not a valid Ed25519 key"),
    "cert_key_password": ("密钥文件密码错误", "Wrong password for the key file"),
    "cert_key_password_short": (
        "导出密码至少 {minimum} 位",
        "The export password needs at least {minimum} characters",
    ),
    "cert_key_exists": (
        "本机已有另一把签名密钥；确认替换后再导入",
        "This computer has a different signing key; confirm replacing it",
    ),
    "setting_unknown": ("未知的设置项", "Unknown setting"),
    "serial_needs_seq": ("编号规则必须恰好包含一个 {seq}", "The pattern needs exactly one {seq}"),
    "serial_placeholder_unknown": (
        "编号规则只能使用 {year}、{month}、{competition_code}、{seq}",
        "A pattern may use only {year}, {month}, {competition_code} and {seq}",
    ),
    "serial_pattern_invalid": (
        "编号规则格式有误（序号可写作 {seq:04d}）",
        "The pattern is malformed ({seq:04d} pads the number)",
    ),
    "paper_unknown": ("未知的纸张规格", "Unknown paper size"),
    "paper_size_invalid": (
        "自定义纸张尺寸应在 50–1200 毫米之间",
        "A custom paper size is 50–1200 mm",
    ),
    "border_style_unknown": ("未知的边框样式", "Unknown border style"),
    "image_missing": ("模板缺少所用的图片", "An image the template uses is missing"),
    "field_id_missing": ("字段缺少标识", "A field has no id"),
    "field_id_duplicate": ("字段标识重复", "Two fields have the same id"),
    "field_size_invalid": (
        "字段宽度和高度必须大于 0",
        "A field's width and height must be above 0",
    ),
    "field_outside_page": ("字段超出纸张范围", "A field reaches outside the page"),
    "font_size_invalid": ("字号应在 1–300 磅之间", "A font size is 1–300 pt"),
    "font_unknown": ("模板中没有此字体", "The template has no such font"),
    "colour_invalid": ("颜色应写作 #RRGGBB", "Write colours as #RRGGBB"),
    "binding_unknown": ("未知的数据项", "Unknown data item"),
    "placeholder_unknown": ("文字中有未知的占位符", "The text has an unknown placeholder"),
    "qr_too_small": ("二维码区域至少 15 毫米见方", "A QR code needs at least 15 mm"),
    "seals_touch": ("两枚印章不能相互接触", "Two seals must not touch"),
}


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def language() -> str:
    return _language


def text(code: str, /, **params: object) -> str:
    """The message for `code` in the current language, with params filled in."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    template = pair[0] if _language == "zh_CN" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe(error: UserError) -> str:
    """One line for a UserError, including its field problems."""
    if isinstance(error, Blocked) and error.reasons:
        return "；".join(describe(reason) for reason in error.reasons)
    if isinstance(error, ValidationError) and error.field_errors:
        return "；".join(text(code) for code in error.field_errors.values())
    return text(error.code, **error.params)
