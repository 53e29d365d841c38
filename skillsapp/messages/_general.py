"""Errors, the database, files and imports."""

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
}
