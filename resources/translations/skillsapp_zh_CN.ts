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
    <name>AwardsPanel</name>
    <message>
        <source>Add award</source>
        <translation>添加奖项</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不设</translation>
    </message>
    <message>
        <source>Merit award after the tiers</source>
        <translation>另设优胜奖</translation>
    </message>
    <message>
        <source>Awards given</source>
        <translation>评奖方式</translation>
    </message>
    <message>
        <source>Minimum total for any award</source>
        <translation>获奖最低总分</translation>
    </message>
    <message>
        <source>Award {number}</source>
        <translation>奖项{number}</translation>
    </message>
</context>
<context>
    <name>CompetitionBasicsForm</name>
    <message>
        <source>e.g. 2025 Jiaozuo Workers&apos; Skills Contest</source>
        <translation>例如：2025年焦作市职工技能竞赛</translation>
    </message>
    <message>
        <source>Letters and digits, e.g. JZ2025</source>
        <translation>字母或数字，例如 JZ2025</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No. </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Competition name</source>
        <translation>赛事名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>赛事代码</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>赛事类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>赛事级别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别（一类/二类）</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Co-organizers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>CompetitionHeader</name>
    <message>
        <source>Competitions</source>
        <translation>赛事列表</translation>
    </message>
    <message>
        <source>Move back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Code {code}</source>
        <translation>代码 {code}</translation>
    </message>
    <message>
        <source>{events} events, {entries} entries</source>
        <translation>{events} 个项目，{entries} 人报名</translation>
    </message>
</context>
<context>
    <name>CompetitionInfoTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The results are final: these fields can no longer change.</source>
        <translation>成绩已定稿，这些信息不能再修改。</translation>
    </message>
    <message>
        <source> (use Reload to see the current values)</source>
        <translation>（点击“重新载入”查看最新内容）</translation>
    </message>
</context>
<context>
    <name>CompetitionListWidget</name>
    <message>
        <source>Competitions</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search name or code</source>
        <translation>搜索赛事名称或代码</translation>
    </message>
    <message>
        <source>New competition…</source>
        <translation>新建赛事…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No competitions yet. Start with “New competition…”.</source>
        <translation>还没有赛事。请点击“新建赛事…”开始。</translation>
    </message>
    <message>
        <source>{count} competitions</source>
        <translation>共 {count} 项赛事</translation>
    </message>
    <message>
        <source>Delete the competition {name} with its events and entries?</source>
        <translation>删除赛事“{name}”及其全部比赛项目和报名？</translation>
    </message>
    <message>
        <source>Delete competition</source>
        <translation>删除赛事</translation>
    </message>
</context>
<context>
    <name>CompetitionRulesForm</name>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> per unit</source>
        <translation> 人/单位</translation>
    </message>
    <message>
        <source>A person may enter one event only</source>
        <translation>每人只能报一个项目</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source> hours after the event</source>
        <translation> 小时（赛后）</translation>
    </message>
    <message>
        <source>Places per event</source>
        <translation>每项目名额</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>报名限制</translation>
    </message>
    <message>
        <source>Public review period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Appeals filed within</source>
        <translation>申诉时限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CompetitionTableModel</name>
    <message>
        <source>No. {edition}</source>
        <translation>第{edition}届</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>报名人数</translation>
    </message>
</context>
<context>
    <name>CompetitionView</name>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Events and schemes</source>
        <translation>项目与评分标准</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Move {name} from “{old}” to “{new}”?</source>
        <translation>将“{name}”从“{old}”转入“{new}”？</translation>
    </message>
    <message>
        <source>Move the competition back to “{status}”. Why?</source>
        <translation>将赛事退回到“{status}”。请填写原因：</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Not possible: {step}</source>
        <translation>无法执行：{step}</translation>
    </message>
</context>
<context>
    <name>CompetitionWizard</name>
    <message>
        <source>New competition</source>
        <translation>新建赛事</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>What the competition is called, who organizes it, when and where.</source>
        <translation>赛事名称、主办单位、时间和地点。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Entry limits and the review and appeal periods (all can change later).</source>
        <translation>报名限制、公示期和申诉时限（以后都可以修改）。</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>比赛项目</translation>
    </message>
    <message>
        <source>The events (usually one per trade). Each starts with the usual scheme: theory 30 %, practical 70 %.</source>
        <translation>比赛项目（通常一个工种一个项目）。每个项目先采用常用评分标准：理论 30%，实操 70%。</translation>
    </message>
</context>
<context>
    <name>ComponentsPanel</name>
    <message>
        <source>Add component</source>
        <translation>添加组成部分</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <source>Components and weights</source>
        <translation>组成部分与权重</translation>
    </message>
    <message>
        <source>Criteria of {component}</source>
        <translation>评分项 — {component}</translation>
    </message>
    <message>
        <source>Weights in total: {total} %</source>
        <translation>权重合计：{total}%</translation>
    </message>
    <message>
        <source>Marks in total: {total}</source>
        <translation>配分合计：{total}</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>新评分项</translation>
    </message>
    <message>
        <source>New component</source>
        <translation>新组成部分</translation>
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
    <name>DrawTab</name>
    <message>
        <source>Empty: a random seed</source>
        <translation>留空则随机生成</translation>
    </message>
    <message>
        <source>Draw all events</source>
        <translation>全部项目抽签</translation>
    </message>
    <message>
        <source>Draw the selected event again</source>
        <translation>所选项目重新抽签</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>The draw is made while registration is open.</source>
        <translation>抽签在报名阶段进行。</translation>
    </message>
    <message>
        <source>{event}: {count} entries</source>
        <translation>{event}：{count} 人</translation>
    </message>
    <message>
        <source>Not drawn yet.</source>
        <translation>尚未抽签。</translation>
    </message>
    <message>
        <source>Draw seed: {seed}. Anyone can repeat the draw with this seed.</source>
        <translation>抽签种子：{seed}，任何人可用此种子复现</translation>
    </message>
    <message>
        <source> (drawn {time})</source>
        <translation>（抽签时间 {time}）</translation>
    </message>
    <message>
        <source>Draw again? Every number and blind code changes.</source>
        <translation>重新抽签？所有参赛号和密号都会改变。</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Draw {event} again? Its numbers and blind codes change.</source>
        <translation>“{event}”重新抽签？该项目的参赛号和密号都会改变。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>编辑比赛项目</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建比赛项目</translation>
    </message>
    <message>
        <source>The trade (工种) if not the event&apos;s name</source>
        <translation>工种（与项目名称不同时填写）</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团体</translation>
    </message>
    <message>
        <source> per team</source>
        <translation> 人/队</translation>
    </message>
    <message>
        <source> best count</source>
        <translation> 人计入成绩</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>As the competition</source>
        <translation>同赛事设置</translation>
    </message>
    <message>
        <source> per unit</source>
        <translation> 人/单位</translation>
    </message>
    <message>
        <source>Blind marking: judges see entry codes, not names</source>
        <translation>盲评：评分时裁判只看到密号，看不到姓名</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Entered as</source>
        <translation>参赛形式</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Places per unit</source>
        <translation>每单位名额</translation>
    </message>
    <message>
        <source>Units allowed (none: all)</source>
        <translation>限定单位（不选则不限）</translation>
    </message>
</context>
<context>
    <name>EventListEditor</name>
    <message>
        <source>Event name, e.g. 焊工</source>
        <translation>项目名称，例如 焊工</translation>
    </message>
    <message>
        <source>Trade (if not the name)</source>
        <translation>工种（与名称不同时填写）</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>{name} (trade: {trade})</source>
        <translation>{name}（工种：{trade}）</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>共 {count} 个项目</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已抽签</translation>
    </message>
    <message>
        <source>Not drawn</source>
        <translation>未抽签</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>比赛项目</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>No chief judge yet</source>
        <translation>尚未指定裁判长</translation>
    </message>
    <message>
        <source>Fewer entries than the scheme&apos;s minimum field</source>
        <translation>报名人数少于评分标准规定的最少参赛人数</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Add event…</source>
        <translation>添加项目…</translation>
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
        <source>Events and schemes are fixed once the competition has started.</source>
        <translation>比赛开始后，比赛项目和评分标准不能再修改。</translation>
    </message>
    <message>
        <source>Delete the event {name} and its scoring scheme?</source>
        <translation>删除比赛项目“{name}”及其评分标准？</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除比赛项目</translation>
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
    <name>ImportFlow</name>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
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
    <name>JudgePickDialog</name>
    <message>
        <source>Add a judge to {event}</source>
        <translation>为“{event}”添加裁判</translation>
    </message>
    <message>
        <source>No judge accounts left to add. Administrators create them under System.</source>
        <translation>没有可添加的裁判账号。管理员可在“系统”中创建裁判账号。</translation>
    </message>
    <message>
        <source>Chief judge of this event</source>
        <translation>担任本项目裁判长</translation>
    </message>
</context>
<context>
    <name>JudgeTableModel</name>
    <message>
        <source>Same unit</source>
        <translation>同单位</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Chief judge</source>
        <translation>裁判长</translation>
    </message>
    <message>
        <source>Contestant</source>
        <translation>选手</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>参赛号</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Kept apart</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>JudgesTab</name>
    <message>
        <source>Add judge…</source>
        <translation>添加裁判…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Make chief judge</source>
        <translation>设为裁判长</translation>
    </message>
    <message>
        <source>Keep apart</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>取消回避</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Judges and contestants of the same unit</source>
        <translation>裁判回避（裁判与选手同单位）</translation>
    </message>
    <message>
        <source>Judges can change until the competition ends.</source>
        <translation>比赛结束前可以调整裁判。</translation>
    </message>
    <message>
        <source>Remove {name} from the judges of {event}?</source>
        <translation>将 {name} 从“{event}”的裁判中移除？</translation>
    </message>
    <message>
        <source>Remove judge</source>
        <translation>移除裁判</translation>
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
    <name>OptionalDateEdit</name>
    <message>
        <source>Not set</source>
        <translation>未定</translation>
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
    <name>PersonPicker</name>
    <message>
        <source>Name, ID number, unit or pinyin initials</source>
        <translation>姓名、身份证号、单位或拼音首字母</translation>
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
    <name>PrintTab</name>
    <message>
        <source>Write all forms to a folder…</source>
        <translation>全部表格写入文件夹…</translation>
    </message>
    <message>
        <source>Rosters by event and by unit, sign-in sheets, and for every event and judge a score sheet as PDF and as .xlsx to fill in and import.</source>
        <translation>参赛名单（按项目、按单位）、签到表，以及每个项目每位裁判的评分表（PDF 和可填写后导入的 .xlsx）。</translation>
    </message>
    <message>
        <source>Roster by event</source>
        <translation>参赛名单（按项目）</translation>
    </message>
    <message>
        <source>Roster by unit</source>
        <translation>参赛名单（按单位）</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Opens the PDF in the system&apos;s viewer, ready to print.</source>
        <translation>用系统的 PDF 阅读器打开，可直接打印。</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部表格</translation>
    </message>
    <message>
        <source>One document</source>
        <translation>单个文档</translation>
    </message>
    <message>
        <source>Write the forms into</source>
        <translation>将表格写入</translation>
    </message>
    <message>
        <source>Writing the forms into {folder}…</source>
        <translation>正在将表格写入 {folder}…</translation>
    </message>
    <message>
        <source>{count} files written to {folder}.</source>
        <translation>已将 {count} 个文件写入 {folder}。</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>No PDF viewer opened; the file is {path}.</source>
        <translation>未能打开 PDF 阅读器；文件位于 {path}。</translation>
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
    <name>ReasonDialog</name>
    <message>
        <source>The reason is kept in the audit log.</source>
        <translation>原因将记入审计日志。</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>New entry</source>
        <translation>添加报名</translation>
    </message>
    <message>
        <source>A person in the registry</source>
        <translation>人才库中的人员</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>(choose the unit)</source>
        <translation>（请选择单位）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>比赛项目</translation>
    </message>
    <message>
        <source>Contestant</source>
        <translation>选手</translation>
    </message>
    <message>
        <source>Entered by unit</source>
        <translation>报名单位</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>队名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a person from the search results.</source>
        <translation>请从搜索结果中选择人员。</translation>
    </message>
</context>
<context>
    <name>RegistrationImportFlow</name>
    <message>
        <source>Import entry forms</source>
        <translation>导入报名表</translation>
    </message>
    <message>
        <source>{count} persons are new and will be added to the registry.</source>
        <translation>其中 {count} 人为新人员，将加入人才库。</translation>
    </message>
    <message>
        <source>Entering {count} contestants…</source>
        <translation>正在登记 {count} 名选手…</translation>
    </message>
    <message>
        <source>Entered {count} contestants; {skipped} rows skipped; {persons} new persons; {units} new units.</source>
        <translation>已报名 {count} 人；跳过 {skipped} 行；新增人员 {persons} 人；新建单位 {units} 个。</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Number</source>
        <translation>参赛号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>出场顺序</translation>
    </message>
    <message>
        <source>Blind code</source>
        <translation>密号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>资格核对</translation>
    </message>
</context>
<context>
    <name>RegistrationsTab</name>
    <message>
        <source>Search name, ID number, unit, number or team</source>
        <translation>搜索姓名、身份证号、单位、参赛号或队名</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>添加报名…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>退赛…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Import entry forms…</source>
        <translation>导入报名表…</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条报名</translation>
    </message>
    <message>
        <source>{name} withdraws from {event}. Why?</source>
        <translation>{name} 退出“{event}”。请填写原因：</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>退赛</translation>
    </message>
    <message>
        <source>Remove the entry of {name} for {event}?</source>
        <translation>删除 {name} 在“{event}”的报名？</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除报名</translation>
    </message>
    <message>
        <source>Import entry forms</source>
        <translation>导入报名表</translation>
    </message>
    <message>
        <source>Entry forms ({patterns})</source>
        <translation>报名表 ({patterns})</translation>
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
    <name>RowButtons</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>Components and criteria</source>
        <translation>组成部分与评分项</translation>
    </message>
    <message>
        <source>Marks and ties</source>
        <translation>计分与同分排序</translation>
    </message>
    <message>
        <source>Awards and titles</source>
        <translation>奖项与称号</translation>
    </message>
    <message>
        <source>The scheme is complete.</source>
        <translation>评分标准完整，可以保存。</translation>
    </message>
    <message>
        <source>Save scheme</source>
        <translation>保存评分标准</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Copy from another event…</source>
        <translation>从其他赛事复制…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Titles from the results</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Scoring scheme: {event}</source>
        <translation>评分标准：{event}</translation>
    </message>
    <message>
        <source>The scheme was not saved</source>
        <translation>评分标准未保存</translation>
    </message>
    <message>
        <source>Unsaved scheme</source>
        <translation>评分标准未保存</translation>
    </message>
    <message>
        <source>The scheme has unsaved changes. Discard them?</source>
        <translation>评分标准有未保存的修改，要放弃吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>The scheme was not copied</source>
        <translation>评分标准未复制</translation>
    </message>
    <message>
        <source>Import a scoring scheme</source>
        <translation>导入评分标准</translation>
    </message>
    <message>
        <source>The scheme was not imported</source>
        <translation>评分标准未导入</translation>
    </message>
    <message>
        <source>Export the scoring scheme</source>
        <translation>导出评分标准</translation>
    </message>
    <message>
        <source>scheme.xlsx</source>
        <translation>评分标准.xlsx</translation>
    </message>
    <message>
        <source>The scheme was written to {path}.</source>
        <translation>评分标准已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>SchemeModels</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>权重 %</translation>
    </message>
    <message>
        <source>Marked as</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>评分项数</translation>
    </message>
    <message>
        <source>Marks in total</source>
        <translation>配分合计</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>配分</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Judges&apos; marks</source>
        <translation>多裁判计分</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣分制</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>考核要求</translation>
    </message>
    <message>
        <source>Marking standard</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>比例 %</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Up to rank</source>
        <translation>前几名</translation>
    </message>
    <message>
        <source>Minimum total</source>
        <translation>最低总分</translation>
    </message>
    <message>
        <source>Employees only</source>
        <translation>限在职职工</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>晋升等级</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予单位</translation>
    </message>
</context>
<context>
    <name>SchemeSourceDialog</name>
    <message>
        <source>Copy a scoring scheme</source>
        <translation>复制评分标准</translation>
    </message>
    <message>
        <source>Choose the event whose scheme replaces this event&apos;s scheme.</source>
        <translation>选择一个比赛项目，用它的评分标准替换本项目的评分标准。</translation>
    </message>
    <message>
        <source>Competition / event</source>
        <translation>赛事 / 比赛项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source> decimals</source>
        <translation> 位小数</translation>
    </message>
    <message>
        <source> judges or more</source>
        <translation> 名及以上裁判时</translation>
    </message>
    <message>
        <source>No minimum</source>
        <translation>不设</translation>
    </message>
    <message>
        <source> entrants</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Record the time used</source>
        <translation>记录用时</translation>
    </message>
    <message>
        <source>Published totals</source>
        <translation>公布总分</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>舍入方式</translation>
    </message>
    <message>
        <source>Drop highest and lowest from</source>
        <translation>去掉最高最低分</translation>
    </message>
    <message>
        <source>WorldSkills: largest allowed spread</source>
        <translation>世赛评价法：允许的最大分差</translation>
    </message>
    <message>
        <source>Minimum field (warning)</source>
        <translation>最少参赛人数（提示）</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>计分</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Tie-break order (after the rounded total)</source>
        <translation>同分排序（按舍入后的总分排名之后）</translation>
    </message>
    <message>
        <source>Equal rounded totals are compared step by step in this order; still equal: a shared rank (1, 2, 2, 4).</source>
        <translation>舍入后总分相同时，按此顺序逐项比较；仍然相同则并列名次（如 1、2、2、4）。</translation>
    </message>
    <message>
        <source>Time used (more is better)</source>
        <translation>用时（多者优先）</translation>
    </message>
    <message>
        <source>Time used (less is better)</source>
        <translation>用时（少者优先）</translation>
    </message>
    <message>
        <source>{component} (higher is better)</source>
        <translation>{component}（高分优先）</translation>
    </message>
    <message>
        <source>{component} (lower is better)</source>
        <translation>{component}（低分优先）</translation>
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
    <name>TitlesPanel</name>
    <message>
        <source>Add title</source>
        <translation>添加称号</translation>
    </message>
    <message>
        <source>A contestant earns a title when every condition given holds; each title needs a rank or an award.</source>
        <translation>选手满足所列全部条件即获得称号；每个称号须指定名次或奖项。</translation>
    </message>
    <message>
        <source>Technical expert</source>
        <translation>技术能手</translation>
    </message>
</context>
<context>
    <name>UnitChecklist</name>
    <message>
        <source>Filter units</source>
        <translation>筛选单位</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Chosen: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <source>Chosen: {names} and {more} more</source>
        <translation>已选：{names} 等，另有 {more} 个</translation>
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
    <name>competition_labels</name>
    <message>
        <source>Skills contest</source>
        <translation>职工技能竞赛</translation>
    </message>
    <message>
        <source>Workers&apos; skills games</source>
        <translation>职工技术运动会</translation>
    </message>
    <message>
        <source>Labour contest</source>
        <translation>劳动竞赛</translation>
    </message>
    <message>
        <source>On-the-job drill</source>
        <translation>岗位练兵</translation>
    </message>
    <message>
        <source>National</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>(no class)</source>
        <translation>（不分类）</translation>
    </message>
    <message>
        <source>Class I</source>
        <translation>一类</translation>
    </message>
    <message>
        <source>Class II</source>
        <translation>二类</translation>
    </message>
    <message>
        <source>In preparation</source>
        <translation>筹备</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Competing</source>
        <translation>比赛</translation>
    </message>
    <message>
        <source>Public review</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>已定</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Open registration</source>
        <translation>开始报名</translation>
    </message>
    <message>
        <source>Start the competition</source>
        <translation>开始比赛</translation>
    </message>
    <message>
        <source>Publish for review</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已退赛</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>评判</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Drop highest and lowest</source>
        <translation>去掉最高最低分</translation>
    </message>
    <message>
        <source>WorldSkills</source>
        <translation>世赛评价法</translation>
    </message>
    <message>
        <source>Sum of marks</source>
        <translation>配分相加</translation>
    </message>
    <message>
        <source>Scaled to 100</source>
        <translation>折算为百分制</translation>
    </message>
    <message>
        <source>By number of places</source>
        <translation>按名额</translation>
    </message>
    <message>
        <source>By share of the field</source>
        <translation>按比例</translation>
    </message>
    <message>
        <source>A number of places</source>
        <translation>固定名额</translation>
    </message>
    <message>
        <source>The rest of the top half</source>
        <translation>前50%中其余选手</translation>
    </message>
    <message>
        <source>Sum of the best members</source>
        <translation>最好k人成绩之和</translation>
    </message>
    <message>
        <source>Mean of the best members</source>
        <translation>最好k人平均分</translation>
    </message>
    <message>
        <source>Points by place</source>
        <translation>按名次计分</translation>
    </message>
    <message>
        <source>Points by award</source>
        <translation>按奖项计分</translation>
    </message>
    <message>
        <source>Round half up</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <source>Round half to even</source>
        <translation>四舍六入五成双</translation>
    </message>
    <message>
        <source>Truncate</source>
        <translation>直接舍去</translation>
    </message>
    <message>
        <source>Round up</source>
        <translation>只入不舍</translation>
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
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Scheme saved</source>
        <translation>评分标准修改</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>退赛</translation>
    </message>
    <message>
        <source>Entered again</source>
        <translation>恢复报名</translation>
    </message>
    <message>
        <source>Judge assigned</source>
        <translation>指派裁判</translation>
    </message>
    <message>
        <source>Judge removed</source>
        <translation>撤销裁判</translation>
    </message>
    <message>
        <source>Chief judge set</source>
        <translation>指定裁判长</translation>
    </message>
    <message>
        <source>Kept apart</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>No longer kept apart</source>
        <translation>取消回避</translation>
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
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>比赛项目</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>文件导入</translation>
    </message>
    <message>
        <source>Entered for a competition</source>
        <translation>赛事报名</translation>
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
    <message>
        <source>Team name</source>
        <translation>队名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Places per unit and event</source>
        <translation>每单位每项目名额</translation>
    </message>
    <message>
        <source>One event per person</source>
        <translation>每人限报一项</translation>
    </message>
    <message>
        <source>Public review period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Appeal deadline</source>
        <translation>申诉时限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>抽签种子</translation>
    </message>
    <message>
        <source>Chief judge</source>
        <translation>裁判长</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
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
