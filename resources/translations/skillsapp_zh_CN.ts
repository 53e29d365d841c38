<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutTab</name>
    <message>
        <source>SkillsApp {version}</source>
        <translation>SkillsApp {version}</translation>
    </message>
    <message>
        <source>Workers&apos; skills competitions and talent registry for trade unions: competitions and scoring, the talent registry, innovation studios and certificates.</source>
        <translation>面向工会的职工技能竞赛与人才库管理程序：赛事与评分、人才库、创新工作室和证书。</translation>
    </message>
    <message>
        <source>Python {python}, Qt for Python {qt}. Licence: MIT.</source>
        <translation>Python {python}，Qt for Python {qt}。许可协议：MIT。</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Text in the values</source>
        <translation>内容包含</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部对象</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>SkillsApp — unexpected error</source>
        <translation>SkillsApp — 程序错误</translation>
    </message>
    <message>
        <source>Something went wrong inside SkillsApp. Your saved data is safe. Please send the details below and the log file to your administrator.</source>
        <translation>程序内部发生了意外错误，已保存的数据不受影响。请将下面的详细信息和日志文件发送给系统管理员。</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Welcome, {name}</source>
        <translation>欢迎，{name}</translation>
    </message>
    <message>
        <source>Persons in the registry</source>
        <translation>人才库人数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator — SkillsApp</source>
        <translation>创建管理员 — SkillsApp</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the administrator account; the administrator then adds the other users.</source>
        <translation>该数据库还没有任何账号。请先创建管理员账号，其他用户由管理员添加。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import preview — {file}</source>
        <translation>导入预览 — {file}</translation>
    </message>
    <message>
        <source>{rows} rows read: {valid} valid, {bad} with problems.</source>
        <translation>共读取 {rows} 行：有效 {valid} 行，有问题 {bad} 行。</translation>
    </message>
    <message>
        <source>New units to be created: {names}</source>
        <translation>将新建单位：{names}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Import valid rows ({count})</source>
        <translation>导入有效行 ({count})</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — SkillsApp</source>
        <translation>登录 — SkillsApp</translation>
    </message>
    <message>
        <source>Skills competitions and talent registry</source>
        <translation>职工技能竞赛与人才库</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Competitions</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Competitions and their events, entries by unit, score sheets, blind marking, re-checks, rankings, awards and titles.</source>
        <translation>赛事及其比赛项目、按单位报名、评分表、密号评分、复核、排名、奖项与称号。</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>人才库</translation>
    </message>
    <message>
        <source>Innovation studios</source>
        <translation>创新工作室</translation>
    </message>
    <message>
        <source>Model workers&apos; and craftsmen&apos;s innovation studios: members, projects and results.</source>
        <translation>劳模和工匠人才创新工作室：成员、项目与成果。</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Award certificates and honours, printed as PDF, with their records.</source>
        <translation>获奖证书与荣誉：生成 PDF 并留存记录。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>SkillsApp — skills competitions and talent registry</source>
        <translation>SkillsApp — 职工技能竞赛与人才库</translation>
    </message>
    <message>
        <source>Skills &amp; Talent</source>
        <translation>技能竞赛与人才库</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>{user} ({role})</source>
        <translation>{user}（{role}）</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {user}</source>
        <translation>为 {user} 设置新密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>18 characters; gender follows from it</source>
        <translation>18 位；性别据此自动识别</translation>
    </message>
    <message>
        <source>From the ID number</source>
        <translation>按身份证号</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>PersonExportFlow</name>
    <message>
        <source>Export persons</source>
        <translation>导出人员</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Exported {count} persons to {path}.</source>
        <translation>已导出 {count} 人到 {path}。</translation>
    </message>
</context>
<context>
    <name>PersonFilterBar</name>
    <message>
        <source>Search name, ID number, unit or pinyin initials (zs → 张三)</source>
        <translation>搜索姓名、身份证号、单位或拼音首字母（zs → 张三）</translation>
    </message>
    <message>
        <source>All skill levels</source>
        <translation>全部技能等级</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All trades</source>
        <translation>全部工种</translation>
    </message>
</context>
<context>
    <name>PersonImportFlow</name>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Import persons</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Importing {count} persons…</source>
        <translation>正在导入 {count} 人…</translation>
    </message>
    <message>
        <source>Imported {count} persons; {skipped} rows skipped; {units} new units.</source>
        <translation>已导入 {count} 人；跳过 {skipped} 行；新建单位 {units} 个。</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
</context>
<context>
    <name>PersonsTab</name>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>{count} persons in total</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>Delete {name} ({number}) from the registry?</source>
        <translation>确定从人才库中删除 {name}（{number}）吗？</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Import persons</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>表格文件 ({patterns})</translation>
    </message>
    <message>
        <source>Export persons</source>
        <translation>导出人员</translation>
    </message>
    <message>
        <source>persons.xlsx</source>
        <translation>人员名单.xlsx</translation>
    </message>
</context>
<context>
    <name>PhotoWidget</name>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>This file is not a readable image.</source>
        <translation>无法读取该图片</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>暂无照片</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片文件 ({patterns})</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version of SkillsApp.</source>
        <translation>该功能将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>An SQLite file, or a database server address such as postgresql+psycopg://user:password@host/skillsapp. Leave empty to use the default file.</source>
        <translation>可以是 SQLite 数据库文件，也可以是数据库服务器地址，例如 postgresql+psycopg://用户名:密码@主机/skillsapp。留空则使用默认文件。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Changes take effect the next time SkillsApp starts.</source>
        <translation>更改将在下次启动 SkillsApp 时生效。</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Saved. The changes take effect the next time SkillsApp starts.</source>
        <translation>已保存。更改将在下次启动 SkillsApp 时生效。</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级单位）</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Unit</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>Add unit…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <source>Add sub-unit…</source>
        <translation>新增下级单位…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show persons</source>
        <translation>查看人员</translation>
    </message>
    <message>
        <source>Delete the unit {name}?</source>
        <translation>确定删除单位“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete unit</source>
        <translation>删除单位</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>The password of {user} was changed.</source>
        <translation>{user} 的密码已修改。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>竞赛组织员</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>学徒工</translation>
    </message>
    <message>
        <source>Grade 5 / Junior worker</source>
        <translation>五级/初级工</translation>
    </message>
    <message>
        <source>Grade 4 / Intermediate worker</source>
        <translation>四级/中级工</translation>
    </message>
    <message>
        <source>Grade 3 / Senior worker</source>
        <translation>三级/高级工</translation>
    </message>
    <message>
        <source>Grade 2 / Technician</source>
        <translation>二级/技师</translation>
    </message>
    <message>
        <source>Grade 1 / Senior technician</source>
        <translation>一级/高级技师</translation>
    </message>
    <message>
        <source>Special technician</source>
        <translation>特级技师</translation>
    </message>
    <message>
        <source>Chief technician</source>
        <translation>首席技师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Trade union</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Government office</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Public institution</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>文件导入</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Choose another database, or quit.</source>
        <translation>请选择其他数据库，或退出程序。</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>msgbox</name>
    <message>
        <source>SkillsApp</source>
        <translation>SkillsApp</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
</TS>
