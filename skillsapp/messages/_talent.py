"""The talent registry: honours, certificates, mentorship, nominations."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "db_talent_duplicates": (
        "数据库 {url} 中有重复记录，无法升级到本版本。重复的荣誉：{honours}；"
        "同一轮评选中重复的推荐：{nominations}。请用原来版本的 SkillsApp 删去多余的记录后"
        "再打开；数据库中的数据未做任何改动",
        "The database {url} holds duplicates and cannot be upgraded to this version. "
        "The same honour twice: {honours}; the same nominee twice in a round: {nominations}. "
        "Delete the extra records with the previous SkillsApp version, then open it again; "
        "no data were changed",
    ),
}
