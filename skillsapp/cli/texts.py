"""What the CLI itself says, in Simplified Chinese and English (error texts are in
`skillsapp.messages`), and terminal-width helpers for tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from skillsapp import messages
from skillsapp.domain.roles import Role

# key → (Simplified Chinese, English)
TEXTS: dict[str, tuple[str, str]] = {
    "row": ("第 {row} 行 {field}: {message}", "row {row} {field}: {message}"),
    "imported": (
        "已导入 {imported} 人，跳过 {skipped} 行，新建单位 {units} 个",
        "Imported {imported} persons, skipped {skipped} rows, created {units} units",
    ),
    "exported": ("已导出 {count} 人到 {path}", "Exported {count} persons to {path}"),
    "demo_written": (
        "演示数据库已写入 {path}（{persons} 人）。账号：admin/admin（管理员）、"
        "organizer/organizer、clerk/clerk、judge1–judge3/judge",
        "Wrote a demo database to {path} ({persons} persons). Accounts: admin/admin "
        "(administrator), organizer/organizer, clerk/clerk, judge1–judge3/judge",
    ),
    "demo_competitions": ("演示赛事：{codes}", "Demo competitions: {codes}"),
    "integrity_ok": ("完整性检查：正常", "Integrity check: ok"),
    "integrity_bad": ("完整性检查：发现问题", "Integrity check: problems found"),
    "more_problems": ("  ……共 {count} 项", "  … {count} in all"),
    "revision": (
        "结构版本：{revision}（本程序：{head}）",
        "Schema revision: {revision} (this program: {head})",
    ),
    "revision_none": ("无（空数据库）", "none (empty database)"),
    "needs_upgrade": (
        "数据库结构不是最新，请运行 skillsapp db upgrade",
        "The schema is not current; run skillsapp db upgrade",
    ),
    "upgraded": ("数据库结构已从 {old} 升级到 {new}", "Upgraded the schema from {old} to {new}"),
    "up_to_date": ("数据库结构已是最新（{revision}）", "The schema is up to date ({revision})"),
    "backup_written": ("备份已写入 {path}", "Backup written to {path}"),
    "restored": (
        "已从 {source} 恢复；原数据库保存为 {aside}",
        "Restored from {source}; the previous database is kept as {aside}",
    ),
    "restored_fresh": ("已从 {source} 恢复", "Restored from {source}"),
    "pg_hint": (
        "PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复",
        "Back up and restore a PostgreSQL database with pg_dump / pg_restore",
    ),
    "snapshot_written": ("截图已保存到 {path}", "Snapshot saved to {path}"),
    "user_added": ("已创建账号 {username}（{role}）", "Created the account {username} ({role})"),
    "inactive": ("停用", "disabled"),
    "audit_intact": ("审计记录的哈希链完整", "The audit trail's hash chain is intact"),
    "password_prompt": ("{user} 的密码：", "Password for {user}: "),
    "new_password_prompt": ("新账号 {user} 的密码：", "Password for the new account {user}: "),
    "repeat_prompt": ("再输入一次：", "Repeat it: "),
    "no_competitions": ("还没有赛事", "There are no competitions yet"),
    "competition_exported": (
        "已导出赛事“{name}”（{events} 个项目）到 {path}",
        "Exported {name} ({events} events) to {path}",
    ),
    "competition_imported": (
        "已导入赛事“{name}”：编号 {id}，代码 {code}，{events} 个项目，状态：筹备",
        "Imported {name}: id {id}, code {code}, {events} events, status: draft",
    ),
    "status_changed": ("赛事“{name}”的状态已改为：{status}", "{name} is now: {status}"),
    "status_refused": ("无法把赛事改为“{status}”：", "Cannot move the competition to {status}:"),
    "registered": (
        "已报名 {registered} 人次，跳过 {skipped} 行，新建人员 {persons} 人、单位 {units} 个",
        "Registered {registered} entries, skipped {skipped} rows, "
        "created {persons} persons and {units} units",
    ),
    "draw_seed": (
        "抽签种子：{seed}（可用 --seed {seed} 复现）",
        "Draw seed: {seed} (repeat with --seed {seed})",
    ),
    "draw_event": ("  {event}：{count} 人", "  {event}: {count} entrants"),
    "forms_written": ("已写入 {count} 个文件到 {path}", "Wrote {count} files to {path}"),
    # scoring_cmds
    "column": ("{column} 列", "column {column}"),
    "marks_imported": (
        "已导入 {written} 个分数，{unchanged} 个与库中相同",
        "Imported {written} marks; {unchanged} were unchanged",
    ),
    "marks_left_out": (
        "{count} 个单元格有问题，未导入",
        "{count} cells had problems and were left out",
    ),
    "results_written": ("成绩已写入 {path}", "Results written to {path}"),
    "published": (
        "赛事状态：{status}，已保存 {results} 条成绩",
        "The competition is now: {status}; {results} results saved",
    ),
    "review_ends": ("公示期至 {day}", "The review period ends on {day}"),
    # certificate_cmds
    "certs_issued": (
        "已发证 {issued} 张（{first} – {last}），写入 {path}",
        "Issued {issued} certificates ({first} – {last}) to {path}",
    ),
    "certs_skipped": (
        "{skipped} 张此前已发，未重复发证（请在证书登记簿中补打）",
        "{skipped} had been issued before and were skipped (reprint them from the register)",
    ),
    "template_unknown": (
        "没有名为“{name}”的已发布证书模板；可用的模板：",
        "There is no published certificate template called {name}; the templates are:",
    ),
    "calibration_written": ("校准页已写入 {path}", "Calibration page written to {path}"),
    "template_exported": ("证书模板“{name}”已导出到 {path}", "Template {name} exported to {path}"),
    "template_imported": ("已导入证书模板“{name}”", "Imported the template {name}"),
    "key_none": (
        "还没有签名密钥（第一次发证时自动生成）",
        "No signing key yet (one is made when the first certificate is issued)",
    ),
    "key_password_prompt": ("密钥文件密码：", "Key file password: "),
    "key_exported": (
        "私钥已加密导出到 {path}，请与密码分开保管",
        "The private key is exported, encrypted, to {path}; keep it apart from its password",
    ),
    "key_imported": (
        "已安装签名私钥（指纹 {fingerprint}）",
        "Installed the signing key (fingerprint {fingerprint})",
    ),
    "verify_valid": (
        "有效：证书 {serial} 与登记簿记录一致，签名正确",
        "VALID: certificate {serial} matches the register and its signature is correct",
    ),
    "verify_revoked": (
        "已撤销：证书 {serial} 已于 {day} 撤销（原因：{reason}）",
        "REVOKED: certificate {serial} was revoked on {day} ({reason})",
    ),
    "verify_unknown": (
        "查无此证：登记簿中没有编号为 {serial} 的证书",
        "UNKNOWN SERIAL: the register has no certificate {serial}",
    ),
    "verify_forged": (
        "伪造或被篡改：证书 {serial} 的签名与登记簿记录不符",
        "FORGED OR ALTERED: the signature of {serial} does not match the register",
    ),
    "verify_not_ours": (
        "伪造或被篡改：这不是本系统签发的证书二维码",
        "FORGED OR ALTERED: this is not a certificate code of this program",
    ),
    "verify_issued": (
        "  登记：{day} 由 {by} 签发，模板“{template}”第 {version} 版，打印 {prints} 次",
        "  Register: issued {day} by {by}, template {template} version {version}, "
        "printed {prints} times",
    ),
    # talent_cmds
    "honours_imported": (
        "已导入荣誉 {imported} 条，跳过 {skipped} 行",
        "Imported {imported} honours, skipped {skipped} rows",
    ),
    "studios_imported": (
        "已导入工作室 {imported} 个，跳过 {skipped} 行",
        "Imported {imported} studios, skipped {skipped} rows",
    ),
    "innovations_imported": (
        "已导入创新成果 {imported} 项，跳过 {skipped} 行",
        "Imported {imported} innovations, skipped {skipped} rows",
    ),
    "units_created": ("新建依托单位：{units}", "New host units: {units}"),
    "studios_exported": ("已导出 {count} 个工作室到 {path}", "Exported {count} studios to {path}"),
    "profile_written": ("人才档案已写入 {path}", "Dossier written to {path}"),
}
# What `verify` shows of a register entry, by the certificate's data items.
VERIFY_FIELDS: dict[str, tuple[str, str]] = {
    "serial": ("证书编号", "Serial"),
    "name": ("姓名", "Name"),
    "unit": ("单位", "Unit"),
    "competition": ("赛事", "Competition"),
    "event": ("项目", "Event"),
    "award": ("奖项", "Award"),
    "title": ("称号", "Title"),
    "issuer": ("颁发单位", "Issued by"),
    "date_cn": ("日期", "Date"),
}
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "name"),
    "gender": ("性别", "gender"),
    "id_number": ("身份证号", "ID number"),
    "birth_date": ("出生日期", "birth date"),
    "mobile": ("手机号", "mobile"),
    "unit": ("单位", "unit"),
    "unit_id": ("单位", "unit"),
    "trade": ("工种", "trade"),
    "skill_level": ("技能等级", "skill level"),
    "title": ("职称", "title"),
    "username": ("用户名", "user name"),
    "password": ("密码", "password"),
    "event": ("项目", "event"),
    "team_name": ("队名", "team"),
    "note": ("备注", "note"),
    "code": ("赛事代码", "competition code"),
}
ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("管理员", "administrator"),
    Role.ORGANIZER: ("组织者", "organizer"),
    Role.JUDGE: ("裁判", "judge"),
    Role.CLERK: ("录入员", "clerk"),
}
# By the values of CompetitionKind (StrEnums look them up as they are): the parser
# needs them without importing the ORM. STATUS_LABELS is shared with the messages.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "skills_contest": ("技能竞赛", "skills contest"),
    "sports_meet": ("技术运动会", "sports meet"),
    "labour_contest": ("劳动竞赛", "labour contest"),
    "drill": ("岗位练兵", "drill"),
}
COMPETITION_HEADERS = (
    ("编号", "ID"),
    ("代码", "Code"),
    ("名称", "Name"),
    ("类型", "Kind"),
    ("状态", "Status"),
    ("开始", "Start"),
    ("结束", "End"),
    ("项目", "Events"),
    ("报名", "Entries"),
)


def pick(pair: tuple[str, str]) -> str:
    """The member of a (Chinese, English) pair for the current language."""
    return pair[0] if messages.language() == "zh_CN" else pair[1]


def say(key: str, **params: object) -> str:
    """A CLI text in the current language."""
    return pick(TEXTS[key]).format(**params)


def field_label(field: str) -> str:
    pair = FIELD_LABELS.get(field)
    return pick(pair) if pair else field


def width(text: str) -> int:
    """Columns `text` takes in a terminal, where a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """Left-align in a terminal."""
    return text + " " * max(columns - width(text), 0)


def table(rows: Sequence[Sequence[str]], *, right: frozenset[int] = frozenset()) -> list[str]:
    """Lines of aligned columns (the first row is the header); `right`: right-aligned columns."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            " " * (w - width(cell)) + cell if i in right else pad(cell, w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines
