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
    <name>AppealDialog</name>
    <message>
        <source>File an appeal</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>Who appeals (the contestant, the team leader…)</source>
        <translation>申诉人（选手本人、领队等）</translation>
    </message>
    <message>
        <source>What the appeal says</source>
        <translation>申诉内容</translation>
    </message>
    <message>
        <source>Contestant</source>
        <translation>选手</translation>
    </message>
    <message>
        <source>Appellant</source>
        <translation>申诉人</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉内容</translation>
    </message>
</context>
<context>
    <name>AppealsPanel</name>
    <message>
        <source>File an appeal…</source>
        <translation>申诉…</translation>
    </message>
    <message>
        <source>Re-mark…</source>
        <translation>改分…</translation>
    </message>
    <message>
        <source>Ruling…</source>
        <translation>裁决…</translation>
    </message>
    <message>
        <source>File an appeal</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>The event has no results yet.</source>
        <translation>该项目尚无成绩。</translation>
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
    <name>CertificateDialog</name>
    <message>
        <source>New skill certificate</source>
        <translation>新增职业技能等级证书</translation>
    </message>
    <message>
        <source>e.g. 焊工</source>
        <translation>如：焊工</translation>
    </message>
    <message>
        <source>“--” when none</source>
        <translation>无方向时填“--”</translation>
    </message>
    <message>
        <source>Since 2019: Y or S and 21 digits</source>
        <translation>2019年起：Y或S加21位数字</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业（工种）</translation>
    </message>
    <message>
        <source>Trade / direction</source>
        <translation>工种/方向</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机构</translation>
    </message>
</context>
<context>
    <name>CertificateIssueForm</name>
    <message>
        <source>Published templates; the kind suited to the choice above is picked</source>
        <translation>已发布的模板；按上面的选择自动选用合适的类型</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>One PDF per person (into a folder)</source>
        <translation>每人一个 PDF（存入文件夹）</translation>
    </message>
    <message>
        <source>Pre-printed booklets (套打): variable fields only</source>
        <translation>套打证书内芯：只打印可变内容</translation>
    </message>
    <message>
        <source>Printer name</source>
        <translation>打印机名称</translation>
    </message>
    <message>
        <source>Print calibration page…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <source>Rulers and crosshairs on the template&apos;s paper, to measure the offsets</source>
        <translation>在模板纸张上打印毫米标尺和十字线，用来量出偏移</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Offset x / y</source>
        <translation>偏移 x / y</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Save the certificates into</source>
        <translation>证书保存到文件夹</translation>
    </message>
    <message>
        <source>Save the certificates</source>
        <translation>保存证书</translation>
    </message>
    <message>
        <source>certificates.pdf</source>
        <translation>证书.pdf</translation>
    </message>
</context>
<context>
    <name>CertificateIssueTab</name>
    <message>
        <source>Generate certificates</source>
        <translation>生成证书</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Show the generated files in the file manager</source>
        <translation>在文件管理器中显示生成的文件</translation>
    </message>
    <message>
        <source>The files written, one per person: pick one to view</source>
        <translation>已生成的文件（每人一份）：选择一个查看</translation>
    </message>
    <message>
        <source>{count} certificates to issue; {issued} issued before.</source>
        <translation>待发证书 {count} 张；已发过 {issued} 张。</translation>
    </message>
    <message>
        <source>Nothing to preview</source>
        <translation>没有可预览的证书</translation>
    </message>
    <message>
        <source>Preview of the first {count} (sample serials)</source>
        <translation>前 {count} 张预览（样张编号）</translation>
    </message>
    <message>
        <source>Calibration page (offsets {dx:+.1f} / {dy:+.1f} mm): print it, measure, correct the offsets</source>
        <translation>校准页（偏移 {dx:+.1f} / {dy:+.1f} 毫米）：打印后测量，再修正偏移</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Choose where to save them.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Issuing {count} certificates…</source>
        <translation>正在生成 {count} 张证书…</translation>
    </message>
    <message>
        <source>{count} certificates issued: {first} – {last}.</source>
        <translation>已发证书 {count} 张：{first} – {last}。</translation>
    </message>
    <message>
        <source>{count} issued before were skipped.</source>
        <translation>跳过已发过的 {count} 张。</translation>
    </message>
    <message>
        <source>Cannot open {path}</source>
        <translation>无法打开 {path}</translation>
    </message>
    <message>
        <source>No file manager opened; the files are in {path}.</source>
        <translation>未能打开文件管理器；文件在 {path}。</translation>
    </message>
</context>
<context>
    <name>CertificateLabels</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Unknown serial</source>
        <translation>未知编号</translation>
    </message>
    <message>
        <source>Forged or tampered with</source>
        <translation>伪造或被篡改</translation>
    </message>
    <message>
        <source>Award certificate</source>
        <translation>获奖证书</translation>
    </message>
    <message>
        <source>Honour certificate</source>
        <translation>荣誉证书</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>参赛证书</translation>
    </message>
    <message>
        <source>Pre-printed booklet</source>
        <translation>套打内芯</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Fixed text</source>
        <translation>固定文字</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Title conferred</source>
        <translation>授予称号</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Date (Chinese numerals)</source>
        <translation>日期（中文数字）</translation>
    </message>
    <message>
        <source>Certificate serial</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Issued by (body)</source>
        <translation>发证单位</translation>
    </message>
</context>
<context>
    <name>CertificateRegisterModel</name>
    <message>
        <source>Serial</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Award / title</source>
        <translation>奖项 / 称号</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>发证时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CertificateRegisterTab</name>
    <message>
        <source>Search by serial, name, unit, award…</source>
        <translation>按编号、姓名、单位、奖项搜索…</translation>
    </message>
    <message>
        <source>Reprint selected…</source>
        <translation>补打所选…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>{count} certificates</source>
        <translation>共 {count} 张证书</translation>
    </message>
    <message>
        <source>Reprint: {count} certificates</source>
        <translation>补打：{count} 张证书</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>撤销证书</translation>
    </message>
    <message>
        <source>Revoke certificate {serial} of {name}? Verification will show it as revoked.</source>
        <translation>撤销 {name} 的证书 {serial}？验证时将显示为已撤销。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>CertificateSettingsTab</name>
    <message>
        <source>Placeholders: {year}, {month}, {competition_code} and {seq} (exactly once); {seq:04d} pads the number to four digits. Each year and competition code counts from 1, and no serial is ever used twice.</source>
        <translation>可用占位符：{year}（年）、{month}（月）、{competition_code}（赛事代码）和 {seq}（序号，必须且只能出现一次）；{seq:04d} 把序号补足四位。每个年份和赛事代码从 1 开始计数，编号永不重复使用。</translation>
    </message>
    <message>
        <source>Used when a competition names no organiser</source>
        <translation>赛事未填写主办单位时使用</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Serial numbers and issuer</source>
        <translation>证书编号与发证单位</translation>
    </message>
    <message>
        <source>Serial pattern</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>Issuing organisation</source>
        <translation>发证单位</translation>
    </message>
    <message>
        <source>Next serial for {competition}: {serial}</source>
        <translation>{competition}的下一个证书编号：{serial}</translation>
    </message>
    <message>
        <source>Next serial, e.g.: {serial}</source>
        <translation>下一个编号示例：{serial}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CertificateSourceBox</name>
    <message>
        <source>What to certify</source>
        <translation>颁发范围</translation>
    </message>
    <message>
        <source>Competition results</source>
        <translation>赛事获奖</translation>
    </message>
    <message>
        <source>Honour recipients</source>
        <translation>荣誉称号获得者</translation>
    </message>
    <message>
        <source>Person list</source>
        <translation>人员名单</translation>
    </message>
    <message>
        <source>Certify</source>
        <translation>发证对象</translation>
    </message>
    <message>
        <source>No awards or titles in the published results.</source>
        <translation>已公布的成绩中没有奖项或称号。</translation>
    </message>
    <message>
        <source>Everyone who took part (participation)</source>
        <translation>全体参赛者（参赛证书）</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Printed as the award, e.g. 一等奖</source>
        <translation>作为奖项打印，如 一等奖</translation>
    </message>
    <message>
        <source>Printed as the title, e.g. 优秀学员</source>
        <translation>作为称号打印，如 优秀学员</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Award text</source>
        <translation>奖项文字</translation>
    </message>
    <message>
        <source>Title text</source>
        <translation>称号文字</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
    <message>
        <source>Year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source>No person holds an honour in the registry yet.</source>
        <translation>人才库中还没有人获得荣誉。</translation>
    </message>
    <message>
        <source>One honour certificate for each of the {count} holders, issued in the granting body&apos;s name.</source>
        <translation>为 {count} 位获得者各发一张荣誉证书，以授予单位的名义颁发。</translation>
    </message>
    <message>
        <source>Registry: {filter}</source>
        <translation>人才库：{filter}</translation>
    </message>
    <message>
        <source>Saved search: {name}</source>
        <translation>常用查询：{name}</translation>
    </message>
    <message>
        <source>No list yet: filter the persons in the registry and click “Issue certificates…” there, or save the search.</source>
        <translation>还没有名单：请在人才库中筛选人员后点击“发证书…”，或保存该查询。</translation>
    </message>
    <message>
        <source>{count} persons in this list.</source>
        <translation>名单中共 {count} 人。</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Issue</source>
        <translation>发证</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>证书登记簿</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ChiefPanel</name>
    <message>
        <source>Return marks…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Review done</source>
        <translation>审核完成</translation>
    </message>
    <message>
        <source>Time used / disqualification…</source>
        <translation>用时 / 失格…</translation>
    </message>
    <message>
        <source>{done} of {judges} judges have submitted.</source>
        <translation>{judges} 位裁判中已有 {done} 位提交评分。</translation>
    </message>
    <message>
        <source>{count} marks differ beyond the allowed spread.</source>
        <translation>有 {count} 处分差超出允许范围。</translation>
    </message>
    <message>
        <source>Reviewed by the chief judge.</source>
        <translation>裁判长已审核。</translation>
    </message>
    <message>
        <source>Return the marks of {name} for correction. Why?</source>
        <translation>将 {name} 的评分退回更正，请说明原因：</translation>
    </message>
    <message>
        <source>Return marks</source>
        <translation>退回评分</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Confirm that you have reviewed every judge&apos;s marks of this event? Blind codes can then be decrypted.</source>
        <translation>确认已审核本项目全部裁判的评分？审核完成后方可解密密号。</translation>
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
        <source>Marking</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
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
    <name>ContestantScoreDialog</name>
    <message>
        <source>Time used and disqualification — {code}</source>
        <translation>用时与失格 — {code}</translation>
    </message>
    <message>
        <source>Minutes, e.g. 52.5</source>
        <translation>分钟，例如 52.5</translation>
    </message>
    <message>
        <source>Disqualified (scored but not ranked)</source>
        <translation>失格（计分但不参加排名）</translation>
    </message>
    <message>
        <source>Why (required), e.g. a safety breach</source>
        <translation>原因（必填），例如违反安全操作规程</translation>
    </message>
    <message>
        <source>Time used</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Type the time used in minutes, as a number.</source>
        <translation>用时请以分钟为单位填写数字。</translation>
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
    <name>DecideDialog</name>
    <message>
        <source>Ruling — {who}</source>
        <translation>裁决 — {who}</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <source>The written decision</source>
        <translation>书面裁决意见</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决意见</translation>
    </message>
    <message>
        <source>Appeal: {text}
The ruling is final.</source>
        <translation>申诉内容：{text}
裁决为最终裁决。</translation>
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
    <name>DrilldownDialog</name>
    <message>
        <source>Marks of {who}</source>
        <translation>{who} 的评分明细</translation>
    </message>
    <message>
        <source>Choose a mark to see every change made to it.</source>
        <translation>选中一个分数，可查看它的全部修改记录。</translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation>失格</translation>
    </message>
    <message>
        <source>rank {rank}, total {total}</source>
        <translation>名次 {rank}，总分 {total}</translation>
    </message>
    <message>
        <source>time used {minutes} min</source>
        <translation>用时 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>DrilldownTableModel</name>
    <message>
        <source>deduction</source>
        <translation>，扣分</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Item mark</source>
        <translation>项得分</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>去除</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改次数</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>EvaluationModels</name>
    <message>
        <source>Metric</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>scored by the reviewers</source>
        <translation>评审打分</translation>
    </message>
    <message>
        <source>from the records</source>
        <translation>按记录统计</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Full score</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>评审意见</translation>
    </message>
</context>
<context>
    <name>EvaluationTab</name>
    <message>
        <source>Evaluation sheets</source>
        <translation>年度考核表</translation>
    </message>
    <message>
        <source>Evaluation plans</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建方案…</translation>
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
        <source>Ranking</source>
        <translation>考核排名</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Scores…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <source>Sheet of this studio…</source>
        <translation>本工作室考核表…</translation>
    </message>
    <message>
        <source>All sheets PDF…</source>
        <translation>全部考核表 PDF…</translation>
    </message>
    <message>
        <source>Counted metrics come from the year&apos;s records; the best studio gets the full weight, the others their share. Scored metrics are entered by the reviewers.</source>
        <translation>统计类指标按当年记录计算，最高者得该项全部权重分，其余按比例得分；评分类指标由评审组录入。</translation>
    </message>
    <message>
        <source>Delete the plan “{name}” with its scores?</source>
        <translation>删除考核方案“{name}”及其评分？</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>This plan has no scored metrics.</source>
        <translation>该方案没有评分类指标。</translation>
    </message>
    <message>
        <source>all studios</source>
        <translation>全部工作室</translation>
    </message>
    <message>
        <source>{plan} {name}.pdf</source>
        <translation>{plan} {name}.pdf</translation>
    </message>
    <message>
        <source>Save the evaluation sheet</source>
        <translation>保存年度考核表</translation>
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
    <name>FileFlow</name>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
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
    <name>GraduationDialog</name>
    <message>
        <source>Graduation of {name}</source>
        <translation>出师考核：{name}</translation>
    </message>
    <message>
        <source>The apprentice&apos;s level now</source>
        <translation>徒弟当前等级</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Level reached</source>
        <translation>达到等级</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>考核日期</translation>
    </message>
</context>
<context>
    <name>HonourDialog</name>
    <message>
        <source>Edit honour</source>
        <translation>编辑荣誉</translation>
    </message>
    <message>
        <source>New honour</source>
        <translation>新增荣誉</translation>
    </message>
    <message>
        <source>The exact wording, e.g. 焦作市技术能手</source>
        <translation>证书上的原文，如：焦作市技术能手</translation>
    </message>
    <message>
        <source>e.g. 焦作市人民政府</source>
        <translation>如：焦作市人民政府</translation>
    </message>
    <message>
        <source>e.g. 第三届</source>
        <translation>如：第三届</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Exact title</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date granted</source>
        <translation>授予日期</translation>
    </message>
</context>
<context>
    <name>HonourImportFlow</name>
    <message>
        <source>Import honours</source>
        <translation>导入荣誉</translation>
    </message>
    <message>
        <source>Importing {count} honours…</source>
        <translation>正在导入 {count} 项荣誉…</translation>
    </message>
    <message>
        <source>Imported {count} honours; {skipped} rows skipped.</source>
        <translation>已导入 {count} 项荣誉；跳过 {skipped} 行。</translation>
    </message>
</context>
<context>
    <name>HonoursPanel</name>
    <message>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
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
        <source>Delete the honour “{title}” ({year})?</source>
        <translation>删除荣誉“{title}”（{year}）？</translation>
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
    <name>InnovationDialog</name>
    <message>
        <source>Edit result</source>
        <translation>编辑创新成果</translation>
    </message>
    <message>
        <source>New innovation result</source>
        <translation>新增创新成果</translation>
    </message>
    <message>
        <source>Put into use (成果转化)</source>
        <translation>已转化应用（成果转化）</translation>
    </message>
    <message>
        <source>(no patent)</source>
        <translation>（无专利）</translation>
    </message>
    <message>
        <source>e.g. ZL202310123456.7</source>
        <translation>如：ZL202310123456.7</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <source>Patent number</source>
        <translation>专利号</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <source>Benefit (10k yuan)</source>
        <translation>经济效益（万元）</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>获奖情况</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Other person…</source>
        <translation>其他人员…</translation>
    </message>
    <message>
        <source>Add a contributor</source>
        <translation>添加完成人</translation>
    </message>
</context>
<context>
    <name>InnovationImportFlow</name>
    <message>
        <source>Import innovation results</source>
        <translation>导入创新成果</translation>
    </message>
    <message>
        <source>Importing {count} results…</source>
        <translation>正在导入 {count} 项成果…</translation>
    </message>
    <message>
        <source>Imported {count} results; {skipped} rows skipped.</source>
        <translation>已导入 {count} 项成果；跳过 {skipped} 行。</translation>
    </message>
</context>
<context>
    <name>InnovationsTab</name>
    <message>
        <source>Innovation results</source>
        <translation>创新成果</translation>
    </message>
    <message>
        <source>Add result…</source>
        <translation>新增成果…</translation>
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
        <source>Delete the result “{title}”?</source>
        <translation>删除成果“{title}”？</translation>
    </message>
</context>
<context>
    <name>JudgeAnalysisDialog</name>
    <message>
        <source>Judges&apos; analysis — {event}</source>
        <translation>裁判评分分析 — {event}</translation>
    </message>
    <message>
        <source>Mean deviation: a judge&apos;s marks minus the panel&apos;s mean, in marks. Below zero a harsh judge, above zero a lenient one.</source>
        <translation>平均偏差：裁判所给分数减去全体裁判平均分（单位：分）。小于零说明评分偏严，大于零说明评分偏松。</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
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
    <name>KeyPasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>至少 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
        <source>Marking</source>
        <translation>评分</translation>
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
        <source>Certificates</source>
        <translation>证书</translation>
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
    <name>MarkGridPanel</name>
    <message>
        <source>Type a mark and press Enter: it is saved at once and the cursor moves down. Tab moves right, Delete clears a mark.</source>
        <translation>输入分数后按回车：立即保存并下移一行。Tab 键右移，Delete 键清除分数。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Submit (sign off)…</source>
        <translation>提交（签字确认）…</translation>
    </message>
    <message>
        <source>Marks: {status}</source>
        <translation>评分状态：{status}</translation>
    </message>
    <message>
        <source>The chief judge returned your marks: {reason}. Correct them and submit again.</source>
        <translation>裁判长退回了您的评分：{reason}。请更正后重新提交。</translation>
    </message>
    <message>
        <source>Marking is closed for this competition: the marks can only be read.</source>
        <translation>本赛事评分已结束：分数只能查看。</translation>
    </message>
    <message>
        <source>Your marks are submitted: they can be read, not changed.</source>
        <translation>您的评分已提交：只能查看，不能修改。</translation>
    </message>
    <message>
        <source>Cleared: {cell}</source>
        <translation>已清除：{cell}</translation>
    </message>
    <message>
        <source>Saved: {cell} = {value}</source>
        <translation>已保存：{cell} = {value}</translation>
    </message>
    <message>
        <source>Submit your marks of {event} and sign them off? After this they can change only if the chief judge returns them.</source>
        <translation>提交“{event}”的评分并签字确认？提交后，只有裁判长退回才能修改。</translation>
    </message>
    <message>
        <source>Submit marks</source>
        <translation>提交评分</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Cannot submit</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <source>Marks submitted and signed off.</source>
        <translation>评分已提交并签字确认。</translation>
    </message>
</context>
<context>
    <name>MarkGridTableModel</name>
    <message>
        <source>Entered by another judge</source>
        <translation>已由其他裁判录入</translation>
    </message>
    <message>
        <source>Kept apart: not marked by this judge</source>
        <translation>回避：本裁判不评此选手</translation>
    </message>
</context>
<context>
    <name>MarkImportFlow</name>
    <message>
        <source>Column {column}</source>
        <translation>{column} 列</translation>
    </message>
    <message>
        <source>Import score sheets</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>{count} marks in the sheet; {changed} of them new or changed.</source>
        <translation>评分表中共 {count} 个分数，其中 {changed} 个为新增或修改。</translation>
    </message>
    <message>
        <source>Importing {count} marks…</source>
        <translation>正在导入 {count} 个分数…</translation>
    </message>
    <message>
        <source>{written} marks written, {unchanged} unchanged, {problems} left out.</source>
        <translation>已写入 {written} 个分数，{unchanged} 个未变，{problems} 个有问题未导入。</translation>
    </message>
</context>
<context>
    <name>MarkingPage</name>
    <message>
        <source>My events</source>
        <translation>我的项目</translation>
    </message>
    <message>
        <source>No event has been assigned to you yet.</source>
        <translation>尚未给您分配评分项目。</translation>
    </message>
    <message>
        <source>My marks</source>
        <translation>我的评分</translation>
    </message>
    <message>
        <source>Review (chief judge)</source>
        <translation>评分审核（裁判长）</translation>
    </message>
    <message>
        <source>Paper sheets</source>
        <translation>纸质评分表</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>复核</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选：{name}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>新增成员…</translation>
    </message>
    <message>
        <source>Left…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>{name} leaves the studio; the membership stays in its history.</source>
        <translation>{name} 退出工作室；成员记录保留在历史中。</translation>
    </message>
    <message>
        <source>Member left</source>
        <translation>成员退出</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <source>Remove {name}, entered by mistake? (A member who left: “Left…”)</source>
        <translation>移除误录的成员 {name}？（成员退出请用“退出…”）</translation>
    </message>
</context>
<context>
    <name>MentorshipDialog</name>
    <message>
        <source>New mentorship</source>
        <translation>新增师带徒</translation>
    </message>
    <message>
        <source>{name} is the master</source>
        <translation>{name} 为师傅</translation>
    </message>
    <message>
        <source>{name} is the apprentice</source>
        <translation>{name} 为徒弟</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>徒弟</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>师傅</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Agreement number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <source>Goal level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>培养目标</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选：{name}</translation>
    </message>
    <message>
        <source>This master already has {count} active apprentices (limit {limit}).</source>
        <translation>该师傅已有 {count} 名在带徒弟（上限 {limit} 名）。</translation>
    </message>
</context>
<context>
    <name>MentorshipPanel</name>
    <message>
        <source>As master: apprentices</source>
        <translation>作为师傅：所带徒弟</translation>
    </message>
    <message>
        <source>As apprentice: masters</source>
        <translation>作为徒弟：师傅</translation>
    </message>
    <message>
        <source>New mentorship…</source>
        <translation>新增师带徒…</translation>
    </message>
    <message>
        <source>Graduate…</source>
        <translation>出师考核…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续签…</translation>
    </message>
    <message>
        <source>End early…</source>
        <translation>提前终止…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Mentorship</source>
        <translation>师带徒</translation>
    </message>
    <message>
        <source>This agreement has ended already.</source>
        <translation>该协议已经结束。</translation>
    </message>
    <message>
        <source>End the agreement of {master} and {apprentice} today. Why?</source>
        <translation>今日终止 {master} 与 {apprentice} 的师带徒协议。原因？</translation>
    </message>
    <message>
        <source>End early</source>
        <translation>提前终止</translation>
    </message>
    <message>
        <source>End</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Delete the agreement of {master} and {apprentice}?</source>
        <translation>删除 {master} 与 {apprentice} 的师带徒协议？</translation>
    </message>
</context>
<context>
    <name>MismatchDialog</name>
    <message>
        <source>Mismatches — paper sheet of {judge}</source>
        <translation>不一致 — {judge} 的纸质评分表</translation>
    </message>
    <message>
        <source>Look each cell up on the signed paper sheet and enter what it says (leave the value empty for a blank cell).</source>
        <translation>逐格对照已签字的纸质评分表，按纸质表填写（纸质表上空白的格子请留空）。</translation>
    </message>
    <message>
        <source>Value on the paper</source>
        <translation>纸质表上的分数</translation>
    </message>
    <message>
        <source>Settle from the paper</source>
        <translation>按纸质表裁定</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Settled.</source>
        <translation>已裁定。</translation>
    </message>
</context>
<context>
    <name>NominateDialog</name>
    <message>
        <source>Nominate for {round}</source>
        <translation>推荐参加：{round}</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Deeds and reasons (事迹简介)</source>
        <translation>事迹简介与推荐理由</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选：{name}</translation>
    </message>
</context>
<context>
    <name>NominationModels</name>
    <message>
        <source>Round</source>
        <translation>评选</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>推荐数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>被推荐人</translation>
    </message>
    <message>
        <source>Nominated by</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定时间</translation>
    </message>
</context>
<context>
    <name>NominationsTab</name>
    <message>
        <source>Download document</source>
        <translation>下载材料</translation>
    </message>
    <message>
        <source>Selection rounds</source>
        <translation>评选活动</translation>
    </message>
    <message>
        <source>Nominations</source>
        <translation>推荐名单</translation>
    </message>
    <message>
        <source>Documents of the nomination</source>
        <translation>推荐材料</translation>
    </message>
    <message>
        <source>Units nominate while a round is open; approving grants the round&apos;s honour.</source>
        <translation>评选进行中时各单位推荐人选；审批通过即授予该评选的荣誉。</translation>
    </message>
    <message>
        <source>Import honours…</source>
        <translation>导入荣誉…</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>新建评选…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Nominate…</source>
        <translation>推荐…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>审核意见…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予通过…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Close {round}? No more nominations or documents can be added.</source>
        <translation>截止“{round}”？截止后不能再推荐或上传材料。</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>截止评选</translation>
    </message>
    <message>
        <source>The reviewers&apos; notes on {name}:</source>
        <translation>对 {name} 的审核意见：</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reject the nomination of {name}. Why?</source>
        <translation>不予通过对 {name} 的推荐。理由？</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予通过</translation>
    </message>
    <message>
        <source>Grant “{title}” to {name}?</source>
        <translation>授予 {name}“{title}”称号？</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>授予日期</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>{name} was approved.</source>
        <translation>{name} 已获批准。</translation>
    </message>
    <message>
        <source>Granted to {name}: {title} ({facts})</source>
        <translation>已授予 {name}：{title}（{facts}）</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>上传推荐材料</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>保存材料</translation>
    </message>
    <message>
        <source>Remove {file} from the nomination?</source>
        <translation>从推荐材料中移除 {file}？</translation>
    </message>
    <message>
        <source>Import honours</source>
        <translation>导入荣誉</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
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
    <name>OverviewTab</name>
    <message>
        <source>Member make-up</source>
        <translation>成员构成</translation>
    </message>
    <message>
        <source>Conditions check</source>
        <translation>认定条件核对</translation>
    </message>
    <message>
        <source>{count} not met</source>
        <translation>{count} 项不符合</translation>
    </message>
    <message>
        <source>All conditions met</source>
        <translation>全部条件符合</translation>
    </message>
</context>
<context>
    <name>PanelTableModel</name>
    <message>
        <source>The judges differ by {spread}; allowed: {limit}</source>
        <translation>裁判间分差 {spread}，允许分差 {limit}</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>分差</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>测量项</translation>
    </message>
</context>
<context>
    <name>PaperKeyingDialog</name>
    <message>
        <source>Key in the paper sheet of {judge}</source>
        <translation>录入 {judge} 的纸质评分表</translation>
    </message>
    <message>
        <source>First keying</source>
        <translation>第一遍录入</translation>
    </message>
    <message>
        <source>Second keying</source>
        <translation>第二遍录入</translation>
    </message>
    <message>
        <source>Key every mark exactly as written on the signed sheet; leave blank cells empty.</source>
        <translation>请照已签字的纸质评分表逐格录入；空白的格子留空。</translation>
    </message>
    <message>
        <source>Key the sheet again from the paper. The first keying is not shown; differences are listed cell by cell afterwards.</source>
        <translation>请再照纸质表录入一遍。第一遍录入的数值不显示，两遍不一致之处事后逐格列出。</translation>
    </message>
    <message>
        <source>Save keying</source>
        <translation>保存录入</translation>
    </message>
    <message>
        <source>{count} cells keyed</source>
        <translation>已录入 {count} 格</translation>
    </message>
</context>
<context>
    <name>PaperPanel</name>
    <message>
        <source>Each sheet is keyed twice by two different clerks; the marks count once a third person has settled any mismatch and confirmed the sheet.</source>
        <translation>每张纸质评分表由两名不同的录入员各录入一遍；由第三人裁定不一致之处并确认后，分数方才生效。</translation>
    </message>
    <message>
        <source>Paper sheet received</source>
        <translation>收到纸质表</translation>
    </message>
    <message>
        <source>Key in…</source>
        <translation>录入…</translation>
    </message>
    <message>
        <source>Mismatches…</source>
        <translation>不一致…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Import score sheets…</source>
        <translation>导入评分表…</translation>
    </message>
    <message>
        <source>Cannot confirm</source>
        <translation>无法确认</translation>
    </message>
    <message>
        <source>Sign the sheet of {judge} as checked against the paper?</source>
        <translation>确认 {judge} 的评分已与纸质表核对无误并签字？</translation>
    </message>
    <message>
        <source>Cannot sign</source>
        <translation>无法签字</translation>
    </message>
    <message>
        <source>Import score sheets</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>Score sheets ({patterns})</source>
        <translation>评分表（{patterns}）</translation>
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
    <name>PdfViewerWidget</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>System viewer</source>
        <translation>用系统查看器打开</translation>
    </message>
    <message>
        <source>Open the file in the system&apos;s PDF viewer</source>
        <translation>用系统的 PDF 查看器打开此文件</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>/ {count}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>No PDF viewer opened; the file is {path}.</source>
        <translation>没有打开 PDF 查看器；文件在 {path}。</translation>
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
    <name>PersonField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>选择人员</translation>
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
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Profile…</source>
        <translation>人才档案…</translation>
    </message>
    <message>
        <source>Roster PDF…</source>
        <translation>花名册 PDF…</translation>
    </message>
    <message>
        <source>Issue certificates…</source>
        <translation>发证书…</translation>
    </message>
    <message>
        <source>Certificates for everyone the filters find, on the certificates page</source>
        <translation>为筛选出的所有人员发证（转到证书页面）</translation>
    </message>
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
    <message>
        <source>Roster PDF</source>
        <translation>花名册 PDF</translation>
    </message>
    <message>
        <source>roster.pdf</source>
        <translation>人才花名册.pdf</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>apprentices of {name}</source>
        <translation>{name}的徒弟</translation>
    </message>
    <message>
        <source>everyone in the registry</source>
        <translation>人才库全部人员</translation>
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
    <name>PlanDialog</name>
    <message>
        <source>Edit evaluation plan</source>
        <translation>编辑考核方案</translation>
    </message>
    <message>
        <source>New evaluation plan</source>
        <translation>新建考核方案</translation>
    </message>
    <message>
        <source>e.g. 2026年度创新工作室考核</source>
        <translation>如：2026年度创新工作室考核</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add scored metric</source>
        <translation>添加评分指标</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Weights: {total} of 100</source>
        <translation>权重合计：{total} / 100</translation>
    </message>
    <message>
        <source>Reviewers&apos; score {number}</source>
        <translation>评审评分{number}</translation>
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
    <name>ProfileModels</name>
    <message>
        <source>Occupation</source>
        <translation>职业（工种）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机构</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Conferred on</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <source>Conferred by</source>
        <translation>评审/发证机构</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予机关</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Award and titles</source>
        <translation>奖项与称号</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>协议期限</translation>
    </message>
    <message>
        <source>Goal level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Graduation</source>
        <translation>出师考核</translation>
    </message>
    <message>
        <source>Level change</source>
        <translation>等级变化</translation>
    </message>
    <message>
        <source>Since then</source>
        <translation>此后成绩与晋升</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>工作室</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>在室期间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>转化应用</translation>
    </message>
    <message>
        <source>Benefit (10k yuan)</source>
        <translation>经济效益（万元）</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>徒弟</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>师傅</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Talent dossier</source>
        <translation>人才档案</translation>
    </message>
    <message>
        <source>Competition results</source>
        <translation>竞赛成绩</translation>
    </message>
    <message>
        <source>Studios</source>
        <translation>创新工作室</translation>
    </message>
    <message>
        <source>Innovation results</source>
        <translation>创新成果</translation>
    </message>
    <message>
        <source>Certificates and titles</source>
        <translation>证书与职称</translation>
    </message>
    <message>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Mentorship</source>
        <translation>师带徒</translation>
    </message>
    <message>
        <source>Innovations</source>
        <translation>创新成果</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>人才库</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>编辑人员…</translation>
    </message>
    <message>
        <source>Dossier PDF…</source>
        <translation>人才档案 PDF…</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>{date} 出生</translation>
    </message>
    <message>
        <source>{name} talent dossier.pdf</source>
        <translation>{name}人才档案.pdf</translation>
    </message>
    <message>
        <source>Save the talent dossier</source>
        <translation>保存人才档案</translation>
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
    <name>RecheckCorrectionDialog</name>
    <message>
        <source>Correct a mark — {code}</source>
        <translation>更正评分 — {code}</translation>
    </message>
    <message>
        <source>Correct a mark of {code} that differs from the signed paper sheet. The correction is made in writing: the reason is kept with the mark&apos;s history.</source>
        <translation>更正 {code} 与签字评分表不符的评分。更正须书面说明：原因随评分修改记录一并保存。</translation>
    </message>
    <message>
        <source>Why the mark changes, e.g. the signed sheet and its page</source>
        <translation>修改原因，如依据的签字评分表及页码</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新分值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <source>Re-check — {code}</source>
        <translation>复核 — {code}</translation>
    </message>
    <message>
        <source>Compare the marks of {code} with the signed paper sheets.</source>
        <translation>将 {code} 的分数与已签字的纸质评分表逐项核对。</translation>
    </message>
    <message>
        <source>An error was found</source>
        <translation>发现错误</translation>
    </message>
    <message>
        <source>Note: what was wrong and how it was corrected</source>
        <translation>备注：错误内容及更正情况</translation>
    </message>
</context>
<context>
    <name>RecheckPanel</name>
    <message>
        <source>All of the top 10 and at least 15 % of the others are drawn and checked against the signed paper sheets. An error rate above 5 % calls for a full re-check.</source>
        <translation>前 10 名全部复核，其余选手抽取不少于 15%，与已签字的纸质评分表核对。错误率超过 5% 须全部复核。</translation>
    </message>
    <message>
        <source>Draw the sample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Record check…</source>
        <translation>记录复核结果…</translation>
    </message>
    <message>
        <source>Correct a mark…</source>
        <translation>更正评分…</translation>
    </message>
    <message>
        <source>Correct a mark that differs from the signed sheet, in writing with the reason</source>
        <translation>书面更正与签字评分表不符的评分，并注明原因</translation>
    </message>
    <message>
        <source>The error rate is above 5 %: re-check every entry.</source>
        <translation>错误率超过 5%：须对全部选手进行复核。</translation>
    </message>
    <message>
        <source>No sample drawn yet.</source>
        <translation>尚未抽样。</translation>
    </message>
    <message>
        <source>Sample drawn {time} with seed {seed}.</source>
        <translation>已于 {time} 抽样，随机种子 {seed}。</translation>
    </message>
    <message>
        <source>{size} in the sample, {checked} checked, {errors} with errors; error rate {rate}.</source>
        <translation>样本 {size} 人，已复核 {checked} 人，发现错误 {errors} 人；错误率 {rate}。</translation>
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
    <message>
        <source>Honours and nominations</source>
        <translation>荣誉评选</translation>
    </message>
</context>
<context>
    <name>RemarkDialog</name>
    <message>
        <source>Re-mark — {who}</source>
        <translation>改分 — {who}</translation>
    </message>
    <message>
        <source>Why the mark changes (kept with the mark&apos;s history)</source>
        <translation>改分原因（随分数修改记录保存）</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新分数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Appeal: {text}</source>
        <translation>申诉内容：{text}</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Renew the agreement of {master} and {apprentice}</source>
        <translation>续签 {master} 与 {apprentice} 的师徒协议</translation>
    </message>
    <message>
        <source>New end date</source>
        <translation>新的截止日期</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续签</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <source>Disqualified</source>
        <translation>失格</translation>
    </message>
    <message>
        <source>Marks missing</source>
        <translation>缺分</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>参赛号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Standardised</source>
        <translation>标准分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Any judge (measured item)</source>
        <translation>任一裁判（测量项）</translation>
    </message>
    <message>
        <source>Team score</source>
        <translation>团体成绩</translation>
    </message>
    <message>
        <source>Members counted</source>
        <translation>计分成员</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Marks compared</source>
        <translation>参与比较的评分数</translation>
    </message>
    <message>
        <source>Mean deviation</source>
        <translation>平均偏差</translation>
    </message>
    <message>
        <source>Trimmed panels</source>
        <translation>参与去高去低次数</translation>
    </message>
    <message>
        <source>Dropped as highest</source>
        <translation>被去掉最高分</translation>
    </message>
    <message>
        <source>Dropped as lowest</source>
        <translation>被去掉最低分</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Appellant</source>
        <translation>申诉人</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁决意见</translation>
    </message>
    <message>
        <source>Filed after the deadline {time}</source>
        <translation>逾期提交（截止时间 {time}）</translation>
    </message>
</context>
<context>
    <name>ResultsActions</name>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Publish for review</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Publish the results of {name} for public review? Titles and certificates follow only after the review period with no upheld appeal.</source>
        <translation>公示“{name}”的成绩？公示期满且无成立的申诉后，方可授予称号、颁发证书。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation>无法公示</translation>
    </message>
    <message>
        <source>{count} results published; the review ends on {day}.</source>
        <translation>已公示 {count} 条成绩，公示期至 {day}。</translation>
    </message>
    <message>
        <source>Grant titles</source>
        <translation>授予称号</translation>
    </message>
    <message>
        <source>Record the titles the final results earn as honours in the registry? Each is granted once.</source>
        <translation>将最终成绩所得的称号作为荣誉记入人才库？每项称号只授予一次。</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>Cannot grant titles</source>
        <translation>无法授予称号</translation>
    </message>
    <message>
        <source>{count} titles granted.</source>
        <translation>已授予 {count} 项称号。</translation>
    </message>
    <message>
        <source>Judges&apos; analysis</source>
        <translation>裁判评分分析</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Written to {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Standardised score</source>
        <translation>显示标准分</translation>
    </message>
    <message>
        <source>WorldSkills-style scores centred on 700; never the official total.</source>
        <translation>世界技能大赛式标准分（以 700 为中心），不作为正式总分。</translation>
    </message>
    <message>
        <source>Publish for review…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Judges&apos; analysis…</source>
        <translation>裁判评分分析…</translation>
    </message>
    <message>
        <source>Grant titles…</source>
        <translation>授予称号…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Double-click a contestant for every judge&apos;s mark.</source>
        <translation>双击选手可查看每位裁判的评分。</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>个人成绩</translation>
    </message>
    <message>
        <source>Missing marks</source>
        <translation>缺分</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团体</translation>
    </message>
    <message>
        <source>Unit standings</source>
        <translation>单位总分</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Provisional results: {count} marks are still missing (see “Missing marks”).</source>
        <translation>成绩为暂定：还有 {count} 个分数未录入（见“缺分”）。</translation>
    </message>
    <message>
        <source>{entrants} contestants, fewer than the minimum field of {minimum}: such an event is normally cancelled.</source>
        <translation>参赛人数 {entrants} 人，少于最低 {minimum} 人：此类项目通常应取消。</translation>
    </message>
    <message>
        <source>Blind marking: names are shown once the chief judge has reviewed the marks.</source>
        <translation>盲评：裁判长审核完成后才显示选手姓名。</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>New selection round</source>
        <translation>新建评选</translation>
    </message>
    <message>
        <source>e.g. 2026年焦作市劳动模范评选</source>
        <translation>如：2026年焦作市劳动模范评选</translation>
    </message>
    <message>
        <source>The honour&apos;s exact wording; blank: the type</source>
        <translation>授予的荣誉原文；空白则用荣誉类型名称</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>评选名称</translation>
    </message>
    <message>
        <source>Honour</source>
        <translation>荣誉类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Exact title</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
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
    <name>SavedSearchBar</name>
    <message>
        <source>Delete search</source>
        <translation>删除查询</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>已存查询</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存查询…</translation>
    </message>
    <message>
        <source>Keep the current filters under a name</source>
        <translation>把当前筛选条件保存为查询</translation>
    </message>
    <message>
        <source>Delete the saved search chosen</source>
        <translation>删除所选的已存查询</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”?</source>
        <translation>删除已存查询“{name}”？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除查询</translation>
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
    <name>ScoresDialog</name>
    <message>
        <source>Scores of {studio}</source>
        <translation>评分：{studio}</translation>
    </message>
    <message>
        <source> of {max}</source>
        <translation> / {max}</translation>
    </message>
    <message>
        <source>Reviewers&apos; note</source>
        <translation>评审意见</translation>
    </message>
</context>
<context>
    <name>ScoringTab</name>
    <message>
        <source>All judges&apos; marks</source>
        <translation>评分汇总</translation>
    </message>
    <message>
        <source>Paper sheets</source>
        <translation>纸质评分表</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>复核</translation>
    </message>
</context>
<context>
    <name>ScoringTableModel</name>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>My marks</source>
        <translation>我的评分</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>裁判</translation>
    </message>
    <message>
        <source>Chief judge</source>
        <translation>裁判长</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>chief judge</source>
        <translation>裁判长</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>纸质评分表</translation>
    </message>
    <message>
        <source>Not received</source>
        <translation>未收到</translation>
    </message>
    <message>
        <source>First keying</source>
        <translation>第一遍录入</translation>
    </message>
    <message>
        <source>Second keying</source>
        <translation>第二遍录入</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>参赛号</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>Error found</source>
        <translation>发现错误</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>From the paper</source>
        <translation>纸质表裁定</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>（空白）</translation>
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
    <name>SigningKeyBox</name>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Certificates&apos; QR codes are signed with this laptop&apos;s private key, kept in your data folder and never in the database. The public key is in the database, so every laptop (and anyone given the public key) can verify.</source>
        <translation>证书二维码用本机的私钥签名；私钥保存在您的数据文件夹中，从不存入数据库。公钥存于数据库，因此每台电脑（以及得到公钥的任何人）都能核验证书。</translation>
    </message>
    <message>
        <source>Copy public key</source>
        <translation>复制公钥</translation>
    </message>
    <message>
        <source>Export private key…</source>
        <translation>导出私钥…</translation>
    </message>
    <message>
        <source>Import private key…</source>
        <translation>导入私钥…</translation>
    </message>
    <message>
        <source>This laptop has no signing key yet: one is made when it first issues certificates, or import the key of the first laptop.</source>
        <translation>本机还没有签名密钥：第一次发证时会自动生成，也可以导入第一台电脑的密钥。</translation>
    </message>
    <message>
        <source>Public key {fingerprint} copied: give it to whoever should verify.</source>
        <translation>已复制公钥 {fingerprint}，可交给需要核验证书的人。</translation>
    </message>
    <message>
        <source>Export private key</source>
        <translation>导出私钥</translation>
    </message>
    <message>
        <source>The file is protected by this password. Carry the file and tell the password separately: whoever has both can sign certificates.</source>
        <translation>文件由此密码保护。文件与密码请分开传递：同时拥有两者的人就能签发证书。</translation>
    </message>
    <message>
        <source>Private key saved to {path}; import it on the other laptop.</source>
        <translation>私钥已保存到 {path}，请在另一台电脑上导入。</translation>
    </message>
    <message>
        <source>Import private key</source>
        <translation>导入私钥</translation>
    </message>
    <message>
        <source>The password the key was exported with:</source>
        <translation>导出密钥时设置的密码：</translation>
    </message>
    <message>
        <source>This laptop now signs with key {fingerprint}.</source>
        <translation>本机现在使用密钥 {fingerprint} 签名。</translation>
    </message>
    <message>
        <source>This laptop already signs with another key ({fingerprint}). Replace it? Certificates it signed still verify, but unless it was exported this laptop can no longer sign with it.</source>
        <translation>本机已在使用另一个密钥（{fingerprint}）签名。要替换吗？用它签发的证书仍可核验，但如果它没有导出过，本机将无法再用它签名。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>SigningKeyTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>SkillsPanel</name>
    <message>
        <source>Skill certificates</source>
        <translation>职业技能等级证书</translation>
    </message>
    <message>
        <source>Professional titles</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Add certificate…</source>
        <translation>新增证书…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add title…</source>
        <translation>新增职称…</translation>
    </message>
    <message>
        <source>Delete the certificate {number} ({occupation})?</source>
        <translation>删除证书 {number}（{occupation}）？</translation>
    </message>
    <message>
        <source>Delete the title {title}?</source>
        <translation>删除职称“{title}”？</translation>
    </message>
</context>
<context>
    <name>StudioDialog</name>
    <message>
        <source>Edit studio</source>
        <translation>编辑工作室</translation>
    </message>
    <message>
        <source>New studio</source>
        <translation>新建工作室</translation>
    </message>
    <message>
        <source>e.g. 王建国劳模创新工作室</source>
        <translation>如：王建国劳模创新工作室</translation>
    </message>
    <message>
        <source>National demonstration studio (全国示范性)</source>
        <translation>全国示范性工作室</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>工作室名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>依托单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领办人</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Named on</source>
        <translation>命名日期</translation>
    </message>
    <message>
        <source>Naming document</source>
        <translation>命名文号</translation>
    </message>
    <message>
        <source>Last re-examined</source>
        <translation>最近复审</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
</context>
<context>
    <name>StudioImportFlow</name>
    <message>
        <source>Import studios</source>
        <translation>导入工作室</translation>
    </message>
    <message>
        <source>Importing {count} studios…</source>
        <translation>正在导入 {count} 个工作室…</translation>
    </message>
    <message>
        <source>Imported {count} studios; {skipped} rows skipped.</source>
        <translation>已导入 {count} 个工作室；跳过 {skipped} 行。</translation>
    </message>
</context>
<context>
    <name>StudioListWidget</name>
    <message>
        <source>Export studios</source>
        <translation>导出工作室</translation>
    </message>
    <message>
        <source>Search studio, leader or host unit</source>
        <translation>搜索工作室、领办人或依托单位</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Due for re-examination</source>
        <translation>待复审</translation>
    </message>
    <message>
        <source>Innovation studios</source>
        <translation>创新工作室</translation>
    </message>
    <message>
        <source>New studio…</source>
        <translation>新建工作室…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Import studios…</source>
        <translation>导入工作室…</translation>
    </message>
    <message>
        <source>Import results…</source>
        <translation>导入成果…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All host units</source>
        <translation>全部依托单位</translation>
    </message>
    <message>
        <source>{count} studios; {due} due for re-examination</source>
        <translation>共 {count} 个工作室，其中 {due} 个待复审</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格 ({patterns})</translation>
    </message>
    <message>
        <source>studios.xlsx</source>
        <translation>创新工作室.xlsx</translation>
    </message>
    <message>
        <source>Exported {count} studios to {path}.</source>
        <translation>已导出 {count} 个工作室到 {path}。</translation>
    </message>
</context>
<context>
    <name>StudioModels</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>demonstration</source>
        <translation>示范</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>工作室名称</translation>
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
        <source>Host unit</source>
        <translation>依托单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Patents</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Benefit (10k yuan)</source>
        <translation>经济效益（万元）</translation>
    </message>
    <message>
        <source>Re-examination due</source>
        <translation>复审到期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>转化应用</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>专利</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>获奖情况</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>Level reached</source>
        <translation>达到等级</translation>
    </message>
    <message>
        <source>Promoted</source>
        <translation>晋升</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>StudioView</name>
    <message>
        <source>Studio profile</source>
        <translation>工作室简况</translation>
    </message>
    <message>
        <source>Overview and conditions</source>
        <translation>概况与认定条件</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Innovation results</source>
        <translation>创新成果</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>培训活动</translation>
    </message>
    <message>
        <source>Talents trained</source>
        <translation>人才培养</translation>
    </message>
    <message>
        <source>Studios</source>
        <translation>创新工作室</translation>
    </message>
    <message>
        <source>Edit basics…</source>
        <translation>编辑基本信息…</translation>
    </message>
    <message>
        <source>Delete studio</source>
        <translation>删除工作室</translation>
    </message>
    <message>
        <source>Studio profile PDF…</source>
        <translation>工作室简况 PDF…</translation>
    </message>
    <message>
        <source>national demonstration</source>
        <translation>全国示范性</translation>
    </message>
    <message>
        <source>Host: {unit}</source>
        <translation>依托单位：{unit}</translation>
    </message>
    <message>
        <source>Leader: {name}</source>
        <translation>领办人：{name}</translation>
    </message>
    <message>
        <source>Named {date} {number}</source>
        <translation>命名于 {date} {number}</translation>
    </message>
    <message>
        <source>Re-examination due {date}</source>
        <translation>复审到期 {date}</translation>
    </message>
    <message>
        <source>Delete {name} with all its members and records?</source>
        <translation>删除“{name}”及其全部成员和记录？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{name} profile.pdf</source>
        <translation>{name}简况.pdf</translation>
    </message>
    <message>
        <source>Save the studio profile</source>
        <translation>保存工作室简况</translation>
    </message>
</context>
<context>
    <name>StudiosPage</name>
    <message>
        <source>Studios</source>
        <translation>工作室</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>年度考核</translation>
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
    <name>TalentDialog</name>
    <message>
        <source>New talent trained</source>
        <translation>新增培养人才</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation>已选：{name}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Promoted to a higher level</source>
        <translation>已晋升等级</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Level reached</source>
        <translation>达到等级</translation>
    </message>
</context>
<context>
    <name>TalentFilterBar</name>
    <message>
        <source>Any honour level</source>
        <translation>全部荣誉级别</translation>
    </message>
    <message>
        <source>any master</source>
        <translation>任意师傅</translation>
    </message>
    <message>
        <source>Apprentices of</source>
        <translation>师傅：</translation>
    </message>
    <message>
        <source>All honours</source>
        <translation>全部荣誉</translation>
    </message>
    <message>
        <source>All studios</source>
        <translation>全部工作室</translation>
    </message>
</context>
<context>
    <name>TalentsTab</name>
    <message>
        <source>Talents trained</source>
        <translation>人才培养</translation>
    </message>
    <message>
        <source>Add talent…</source>
        <translation>新增人才…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {name} ({year}) from the talents trained?</source>
        <translation>从培养人才中删除 {name}（{year}）？</translation>
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
    <name>TemplateAssetPanel</name>
    <message>
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Add font…</source>
        <translation>添加字体…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>PNG or JPEG images and TrueType fonts (.ttf, .ttc) are stored with the template and embedded in its PDFs.</source>
        <translation>PNG、JPEG 图片和 TrueType 字体（.ttf、.ttc）随模板保存，并嵌入生成的 PDF。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Add image</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Add font</source>
        <translation>添加字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>添加素材</translation>
    </message>
    <message>
        <source>Replace the asset {name} with this file?</source>
        <translation>用这个文件替换素材“{name}”吗？</translation>
    </message>
    <message>
        <source>Remove asset</source>
        <translation>删除素材</translation>
    </message>
    <message>
        <source>Remove the asset {name}?</source>
        <translation>删除素材“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>TemplateColourButton</name>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Template: {name}</source>
        <translation>模板：{name}</translation>
    </message>
    <message>
        <source>Drag on the preview to move the selected field.</source>
        <translation>在预览上拖动可移动所选字段。</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save as new template…</source>
        <translation>另存为新模板…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Images and fonts of this template</source>
        <translation>本模板的图片和字体</translation>
    </message>
    <message>
        <source>Add an image to the template first (Page › Add image…).</source>
        <translation>请先为模板添加图片（页面 › 添加图片…）。</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>New certificates are printed with this version.</source>
        <translation>此后新发的证书使用这一版本。</translation>
    </message>
    <message>
        <source>Save as new template</source>
        <translation>另存为新模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to {name} as its draft?</source>
        <translation>把对“{name}”的修改保存为草稿吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplateFieldForm</name>
    <message>
        <source>Insert a data item</source>
        <translation>插入数据项</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Justify</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>顶端</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>底端</translation>
    </message>
    <message>
        <source>Wrap onto several lines</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Print on pre-printed paper</source>
        <translation>套打时打印</translation>
    </message>
    <message>
        <source>Printed also when names are printed onto pre-printed certificate booklets.</source>
        <translation>在预印的证书内芯上套打时也打印此字段。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Data item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Position (x, y)</source>
        <translation>位置（x, y）</translation>
    </message>
    <message>
        <source>Size (w × h)</source>
        <translation>尺寸（宽 × 高）</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>垂直对齐</translation>
    </message>
    <message>
        <source>Character spacing</source>
        <translation>字间距</translation>
    </message>
    <message>
        <source>Drawn from its text</source>
        <translation>按文字绘制</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Kai (LXGW WenKai)</source>
        <translation>楷体（霞鹜文楷）</translation>
    </message>
    <message>
        <source>Sans (WenQuanYi)</source>
        <translation>黑体（文泉驿微米黑）</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Data items are written as {unit}, {name} …; a part in [[ ]] is left out when its data items are empty, e.g. [[在{competition}比赛中]]荣获{award}</source>
        <translation>数据项写作 {unit}、{name} ……；放在 [[ ]] 中的部分在其数据项都为空时不打印，例如 [[在{competition}比赛中]]荣获{award}</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>TemplateFieldListWidget</name>
    <message>
        <source>Delete removes the selected field.</source>
        <translation>按 Delete 键删除所选字段。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TemplateListTab</name>
    <message>
        <source>New from this template…</source>
        <translation>以此模板新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Publish draft</source>
        <translation>发布草稿</translation>
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
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Hide the template from the lists; issued certificates keep it.</source>
        <translation>不再在列表中显示此模板；已发证书仍保留它。</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>New certificates of {name} will be printed with this draft.</source>
        <translation>此后“{name}”的新证书将使用这份草稿。</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Certificate templates (*.zip)</source>
        <translation>证书模板 (*.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <source>A template of this name exists. Name of the imported template:</source>
        <translation>已有同名模板。请为导入的模板命名：</translation>
    </message>
    <message>
        <source>{name} (imported)</source>
        <translation>{name}（导入）</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Archive {name}? It is no longer offered for new certificates; certificates issued with it can still be reprinted.</source>
        <translation>归档“{name}”吗？新证书将不再使用它；用它发出的证书仍可补打。</translation>
    </message>
</context>
<context>
    <name>TemplatePageForm</name>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Drawn border</source>
        <translation>绘制边框</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Classic (corner ornaments)</source>
        <translation>经典（带角花）</translation>
    </message>
    <message>
        <source>Simple</source>
        <translation>简洁</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Border style</source>
        <translation>边框样式</translation>
    </message>
    <message>
        <source>Border colour</source>
        <translation>边框颜色</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>点缀颜色</translation>
    </message>
    <message>
        <source>Background image</source>
        <translation>背景图片</translation>
    </message>
</context>
<context>
    <name>TemplateTableModel</name>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>TitleDialog</name>
    <message>
        <source>New professional title</source>
        <translation>新增职称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Conferred on</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <source>Conferred by</source>
        <translation>评审/发证机构</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
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
    <name>TrainingDialog</name>
    <message>
        <source>New training</source>
        <translation>新增培训活动</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
</context>
<context>
    <name>TrainingsTab</name>
    <message>
        <source>Trainings</source>
        <translation>培训活动</translation>
    </message>
    <message>
        <source>Add training…</source>
        <translation>新增培训…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the training “{title}”?</source>
        <translation>删除培训“{title}”？</translation>
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
    <name>UnitHonoursPanel</name>
    <message>
        <source>Unit honours</source>
        <translation>单位荣誉</translation>
    </message>
    <message>
        <source>Add honour…</source>
        <translation>添加荣誉…</translation>
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
        <source>Delete the honour “{title}” ({year})?</source>
        <translation>删除荣誉“{title}”（{year}）？</translation>
    </message>
    <message>
        <source>Delete honour</source>
        <translation>删除荣誉</translation>
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
    <name>VerifyTab</name>
    <message>
        <source>Serial</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>赛事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Issued by (body)</source>
        <translation>发证机构</translation>
    </message>
    <message>
        <source>The register holds this certificate and its signature matches.</source>
        <translation>登记簿中有此证书，签名一致。</translation>
    </message>
    <message>
        <source>The certificate was issued but has been revoked.</source>
        <translation>此证书曾经颁发，但已被撤销。</translation>
    </message>
    <message>
        <source>No certificate has this serial.</source>
        <translation>没有这个编号的证书。</translation>
    </message>
    <message>
        <source>The code is not one of ours or its signature does not match what was printed.</source>
        <translation>此码不是本系统签发的，或签名与证书内容不符。</translation>
    </message>
    <message>
        <source>Paste the scanned QR text (SKC1:…) or type the printed serial</source>
        <translation>粘贴扫码得到的文字（SKC1:…）或输入证书上的编号</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Issued at / by</source>
        <translation>发证时间 / 经办人</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>YearSpin</name>
    <message>
        <source>Not set</source>
        <translation>未填</translation>
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
    <name>mark_status</name>
    <message>
        <source>Not yours to enter</source>
        <translation>回避 / 他人录入</translation>
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
<context>
    <name>scoring_labels</name>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Keyed</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Awaiting ruling</source>
        <translation>待裁决</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Re-check correction</source>
        <translation>复核更正</translation>
    </message>
    <message>
        <source>Re-mark on appeal</source>
        <translation>申诉改分</translation>
    </message>
    <message>
        <source>Entry grid</source>
        <translation>评分表格</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>纸质评分表</translation>
    </message>
    <message>
        <source>Imported sheet</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation>未录入</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Beyond the allowed spread</source>
        <translation>超出分差</translation>
    </message>
    <message>
        <source>Dropped (highest)</source>
        <translation>去掉的最高分</translation>
    </message>
    <message>
        <source>Dropped (lowest)</source>
        <translation>去掉的最低分</translation>
    </message>
    <message>
        <source>Deduction ≤ {max}</source>
        <translation>扣分 ≤ {max}</translation>
    </message>
    <message>
        <source>Max {max}</source>
        <translation>满分 {max}</translation>
    </message>
</context>
<context>
    <name>studio_labels</name>
    <message>
        <source>Model worker&apos;s studio</source>
        <translation>劳模创新工作室</translation>
    </message>
    <message>
        <source>Model worker and craftsman studio</source>
        <translation>劳模和工匠人才创新工作室</translation>
    </message>
    <message>
        <source>Skill master studio</source>
        <translation>技能大师工作室</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Under re-examination</source>
        <translation>复审中</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Technical innovation</source>
        <translation>技术革新</translation>
    </message>
    <message>
        <source>Invention</source>
        <translation>发明创造</translation>
    </message>
    <message>
        <source>Rationalisation proposal</source>
        <translation>合理化建议</translation>
    </message>
    <message>
        <source>QC result</source>
        <translation>QC成果</translation>
    </message>
    <message>
        <source>Construction method</source>
        <translation>工法</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Design patent</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>China Skills Grand Award</source>
        <translation>中华技能大奖</translation>
    </message>
    <message>
        <source>technical expert</source>
        <translation>技术能手</translation>
    </message>
    <message>
        <source>model worker</source>
        <translation>劳动模范</translation>
    </message>
    <message>
        <source>May Day Labour Medal</source>
        <translation>五一劳动奖章</translation>
    </message>
    <message>
        <source>craftsman</source>
        <translation>工匠</translation>
    </message>
    <message>
        <source>national</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Leader&apos;s honour level</source>
        <translation>领办人荣誉等级</translation>
    </message>
    <message>
        <source>Years running</source>
        <translation>运行年限（年）</translation>
    </message>
    <message>
        <source>Current members</source>
        <translation>现有成员（人）</translation>
    </message>
    <message>
        <source>Results with benefit, last {years} years</source>
        <translation>近{years}年有效益成果（项）</translation>
    </message>
    <message>
        <source>Trainings in the last year</source>
        <translation>近一年培训（次）</translation>
    </message>
    <message>
        <source>Trained to {level} or above, {years} years</source>
        <translation>近{years}年培养{level}以上（人）</translation>
    </message>
    <message>
        <source>Members promoted, last {years} years</source>
        <translation>近{years}年成员晋升（人）</translation>
    </message>
    <message>
        <source>Innovation results</source>
        <translation>创新成果（项）</translation>
    </message>
    <message>
        <source>Results put into use</source>
        <translation>成果转化应用（项）</translation>
    </message>
    <message>
        <source>Patents</source>
        <translation>专利（项）</translation>
    </message>
    <message>
        <source>Economic benefit (10k yuan)</source>
        <translation>经济效益（万元）</translation>
    </message>
    <message>
        <source>Results with awards</source>
        <translation>获奖成果（项）</translation>
    </message>
    <message>
        <source>Talents trained</source>
        <translation>培养人才（人）</translation>
    </message>
    <message>
        <source>Talents promoted</source>
        <translation>人才晋升（人）</translation>
    </message>
    <message>
        <source>Trainings held</source>
        <translation>培训活动（次）</translation>
    </message>
    <message>
        <source>{level} {family}</source>
        <translation>{level}{family}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>{head}: {parts}</source>
        <translation>{head}：{parts}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Technician or above with an invention</source>
        <translation>技师以上且有发明成果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>talent_labels</name>
    <message>
        <source>National</source>
        <translation>国家级</translation>
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
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业级</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业级</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在带</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>已出师</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>提前终止</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>及格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不及格</translation>
    </message>
    <message>
        <source>Nominated</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>推荐中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已截止</translation>
    </message>
</context>
</TS>
