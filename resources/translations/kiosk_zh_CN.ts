<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractPage</name>
    <message>
        <source>Getting ready...</source>
        <translation>正在准备……</translation>
    </message>
    <message>
        <source>Scan the QR code of your invitation</source>
        <translation>请扫描邀请函上的二维码</translation>
    </message>
    <message>
        <source>Hold it up to the camera, or under the scanner below.</source>
        <translation>请将二维码对准摄像头，或放在下方扫描器下。</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <source>The camera cannot be used on this computer (multimedia libraries are missing). Please use the handheld scanner.</source>
        <translation>此电脑无法使用摄像头（缺少多媒体组件）。请使用手持扫描器。</translation>
    </message>
    <message>
        <source>No camera found. Please use the handheld scanner.</source>
        <translation>未找到摄像头。请使用手持扫描器。</translation>
    </message>
    <message>
        <source>The camera stopped working. Please use the handheld scanner.</source>
        <translation>摄像头已停止工作。请使用手持扫描器。</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>工作表 %1</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>未导入的列：%1</translation>
    </message>
    <message>
        <source>If imported now: %1 new, %2 updated, %3 unchanged, %4 rows refused.</source>
        <translation>如现在导入：新增 %1 条，更新 %2 条，无变化 %3 条，拒绝 %4 行。</translation>
    </message>
    <message>
        <source>Check the columns and the rows</source>
        <translation>核对列和行</translation>
    </message>
    <message>
        <source>Each field shows the column it is read from; change any, then check again. Rows listed below would not be imported; the others would.</source>
        <translation>每个字段显示其读取自哪一列；可修改任意一项，然后重新检查。下方列出的行不会导入，其余各行会导入。</translation>
    </message>
    <message>
        <source>Check again with these columns</source>
        <translation>按这些列重新检查</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Correct %1</source>
        <translation>更正 %1 的信息</translation>
    </message>
    <message>
        <source>Print the badge again if its text changed</source>
        <translation>胸卡内容如有变化，重新打印胸卡</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Could not count the arrivals: %1</source>
        <translation>无法统计到场人数：%1</translation>
    </message>
    <message>
        <source>Arrivals on %1</source>
        <translation>%1 到场情况</translation>
    </message>
    <message>
        <source>Counted at %1; updates every %2 seconds.</source>
        <translation>统计于 %1；每 %2 秒更新一次。</translation>
    </message>
    <message>
        <source>First arrivals per 15 minutes</source>
        <translation>每 15 分钟首次到场人数</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Checked in and expected, by category</source>
        <translation>各类别已签到与应到人数</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Today at each checkpoint</source>
        <translation>今日各签到点</translation>
    </message>
    <message>
        <source>Guests passed</source>
        <translation>通过人数</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>拒绝次数</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Held: printer problem</source>
        <translation>暂停：打印机故障</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Print jobs: none yet</source>
        <translation>打印任务：暂无</translation>
    </message>
    <message>
        <source>Arrived (all days)</source>
        <translation>已到场（全部日期）</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>今日到场</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <source>Badges printed</source>
        <translation>已打印胸卡</translation>
    </message>
    <message>
        <source>Print jobs waiting</source>
        <translation>待打印任务</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>到场</translation>
    </message>
</context>
<context>
    <name>DeskLabels</name>
    <message>
        <source>Guest</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>演讲嘉宾</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>签到通过</translation>
    </message>
    <message>
        <source>Admitted again</source>
        <translation>再次入场</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离场</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>已签到过</translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation>此处不准入</translation>
    </message>
    <message>
        <source>Not valid today</source>
        <translation>今日无效</translation>
    </message>
    <message>
        <source>Checkpoint closed</source>
        <translation>签到点未开放</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知二维码</translation>
    </message>
    <message>
        <source>Invalid code</source>
        <translation>无效二维码</translation>
    </message>
    <message>
        <source>Revoked code</source>
        <translation>已作废的二维码</translation>
    </message>
    <message>
        <source>First badge</source>
        <translation>首次打印</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Name corrected</source>
        <translation>姓名更正</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Details corrected</source>
        <translation>信息已更正</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>已添加备注</translation>
    </message>
    <message>
        <source>Registered at the desk</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>New credential issued</source>
        <translation>已签发新凭证</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>已撤销签到</translation>
    </message>
    <message>
        <source>Badge print requested</source>
        <translation>已申请打印胸卡</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation>拉丁字母姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Code on the invitation</source>
        <translation>邀请函上的编码</translation>
    </message>
    <message>
        <source>Unusable text</source>
        <translation>无法识别的文字</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>Not an e-mail address</source>
        <translation>不是有效的邮箱地址</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>未知类别</translation>
    </message>
    <message>
        <source>Not a day of the event</source>
        <translation>不是活动日期</translation>
    </message>
    <message>
        <source>Not a usable value</source>
        <translation>无法使用的值</translation>
    </message>
    <message>
        <source>More cells than columns</source>
        <translation>单元格多于列数</translation>
    </message>
    <message>
        <source>Same guest twice</source>
        <translation>嘉宾重复</translation>
    </message>
    <message>
        <source>Matches several guests</source>
        <translation>匹配到多位嘉宾</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>out of paper or labels</source>
        <translation>纸张或标签用完</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>卡纸</translation>
    </message>
    <message>
        <source>a cover or door is open</source>
        <translation>机盖或舱门未关好</translation>
    </message>
    <message>
        <source>out of ink or toner</source>
        <translation>墨水或碳粉用完</translation>
    </message>
    <message>
        <source>switched off or unplugged</source>
        <translation>已关机或未连接</translation>
    </message>
    <message>
        <source>not accepting jobs</source>
        <translation>不接受打印任务</translation>
    </message>
    <message>
        <source>no printer of this name</source>
        <translation>没有此名称的打印机</translation>
    </message>
    <message>
        <source>the print system (CUPS) is not running</source>
        <translation>打印系统（CUPS）未运行</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>No printer chosen</source>
        <translation>未选择打印机</translation>
    </message>
    <message>
        <source>Printer %1: %2</source>
        <translation>打印机 %1：%2</translation>
    </message>
    <message>
        <source>Printer %1: ready</source>
        <translation>打印机 %1：就绪</translation>
    </message>
    <message>
        <source>%1 print jobs waiting, %2 held</source>
        <translation>%1 个打印任务等待中，%2 个暂停</translation>
    </message>
    <message>
        <source>%1 print jobs waiting</source>
        <translation>%1 个打印任务等待中</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>%1 changes not yet sent</source>
        <translation>%1 项更改尚未发送</translation>
    </message>
    <message>
        <source>, %1 refused by the server</source>
        <translation>，%1 项被服务器拒绝</translation>
    </message>
    <message>
        <source>, %1 double check-ins to check</source>
        <translation>，%1 条重复签到待核查</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>%1 found for “%2”</source>
        <translation>“%2”：找到 %1 位嘉宾</translation>
    </message>
    <message>
        <source>All guests by number; type to search</source>
        <translation>全部嘉宾（按编号排列）；输入即可搜索</translation>
    </message>
    <message>
        <source>Scanned code: %1</source>
        <translation>扫描的二维码：%1</translation>
    </message>
    <message>
        <source>Scanned guest</source>
        <translation>扫码找到的嘉宾</translation>
    </message>
    <message>
        <source>Registered as #%1; printing the badge.</source>
        <translation>已登记，编号 #%1；正在打印胸卡。</translation>
    </message>
    <message>
        <source>Export check-ins</source>
        <translation>导出签到记录</translation>
    </message>
    <message>
        <source>Export guests</source>
        <translation>导出嘉宾名单</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV 文件，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <source>Sending a test badge...</source>
        <translation>正在发送测试胸卡……</translation>
    </message>
    <message>
        <source>Test badge sent to %1.</source>
        <translation>测试胸卡已发送至 %1。</translation>
    </message>
    <message>
        <source>Settings saved; checking in at %1.</source>
        <translation>设置已保存；当前签到点：%1。</translation>
    </message>
    <message>
        <source>Staff desk — %1</source>
        <translation>工作人员服务台 — %1</translation>
    </message>
    <message>
        <source>Find a guest: name in any script, pinyin, initials, company or e-mail</source>
        <translation>查找嘉宾：任意文字的姓名、拼音、首字母、单位或邮箱</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>到场统计</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>Register a guest who is not on the list</source>
        <translation>登记不在名单上的嘉宾</translation>
    </message>
    <message>
        <source>Import list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a guest list</source>
        <translation>选择嘉宾名单</translation>
    </message>
    <message>
        <source>Guest lists (*.csv *.tsv *.txt *.xlsx *.json);;All files (*)</source>
        <translation>嘉宾名单 (*.csv *.tsv *.txt *.xlsx *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>CSV, Excel (.xlsx) or JSON, as the organisers sent it.</source>
        <translation>CSV、Excel（.xlsx）或 JSON 文件，直接使用主办方发来的原件即可。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <source>Headers in English or Chinese are recognised (姓名/Name, 单位/Company, 邮箱/E-mail, 类别/Category...). Nothing is stored until the last step.</source>
        <translation>可识别中文或英文表头（姓名/Name、单位/Company、邮箱/E-mail、类别/Category……）。在最后一步之前不会保存任何内容。</translation>
    </message>
</context>
<context>
    <name>GuestActions</name>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation>出现问题，详情请查看日志。</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 在%2：%3</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <source>Undo %1&apos;s check-in of %2 at %3? Say why; it stays in the record.</source>
        <translation>撤销 %1 于 %2 在%3的签到？请说明原因，原因将保留在记录中。</translation>
    </message>
    <message>
        <source>Scanned by mistake</source>
        <translation>误扫</translation>
    </message>
    <message>
        <source>Wrong guest</source>
        <translation>认错嘉宾</translation>
    </message>
    <message>
        <source>Guest left before entering</source>
        <translation>嘉宾未入场即离开</translation>
    </message>
    <message>
        <source>Check-in undone.</source>
        <translation>签到已撤销。</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>补打胸卡</translation>
    </message>
    <message>
        <source>%1 already has a badge. Why print another?</source>
        <translation>%1 已有胸卡。为什么要补打？</translation>
    </message>
    <message>
        <source>Please say why.</source>
        <translation>请说明原因。</translation>
    </message>
    <message>
        <source>Badge for %1 sent to the printer.</source>
        <translation>%1 的胸卡已发送到打印机。</translation>
    </message>
    <message>
        <source>Details saved.</source>
        <translation>信息已保存。</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>新凭证</translation>
    </message>
    <message>
        <source>Revoke %1&apos;s code and issue a new one? Every kiosk will refuse the old code once it has synced.</source>
        <translation>作废 %1 的二维码并签发新码？各签到机同步后将拒绝旧码。</translation>
    </message>
    <message>
        <source>Print a badge with the new code</source>
        <translation>用新二维码打印胸卡</translation>
    </message>
    <message>
        <source>e.g. invitation lost</source>
        <translation>例如：邀请函遗失</translation>
    </message>
    <message>
        <source>New credential issued (serial %1).</source>
        <translation>已签发新凭证（序号 %1）。</translation>
    </message>
</context>
<context>
    <name>GuestDetailPanel</name>
    <message>
        <source>Preparing the badge preview...</source>
        <translation>正在生成胸卡预览……</translation>
    </message>
    <message>
        <source>The badge preview could not be shown.</source>
        <translation>无法显示胸卡预览。</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>%1 (undone %2 by %3: %4)</source>
        <translation>%1（已于 %2 由 %3 撤销：%4）</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>自助扫码</translation>
    </message>
    <message>
        <source>%1  %2: badge printed (%3) on %4</source>
        <translation>%1  %2：在 %4 打印胸卡（%3）</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Badge waiting to print on %1</source>
        <translation>胸卡等待在 %1 打印</translation>
    </message>
    <message>
        <source>Badge printing on %1</source>
        <translation>胸卡正在 %1 打印</translation>
    </message>
    <message>
        <source>Badge held on %1: %2</source>
        <translation>胸卡在 %1 暂停打印：%2</translation>
    </message>
    <message>
        <source>Badge failed on %1: %2</source>
        <translation>胸卡在 %1 打印失败：%2</translation>
    </message>
    <message>
        <source>Registration cancelled: every kiosk refuses this guest.</source>
        <translation>报名已取消：所有签到机都会拒绝此嘉宾。</translation>
    </message>
    <message>
        <source>Not checked in yet.</source>
        <translation>尚未签到。</translation>
    </message>
    <message>
        <source>Checked in %1 at %2.</source>
        <translation>已于 %1 在%2签到。</translation>
    </message>
    <message>
        <source>Type a name, company or e-mail above, or scan a guest&apos;s code, to see the guest here.</source>
        <translation>在上方输入姓名、单位或邮箱，或扫描嘉宾的二维码，即可在此查看嘉宾信息。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>List code</source>
        <translation>名单编码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Undo check-in...</source>
        <translation>撤销签到……</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>打印胸卡</translation>
    </message>
    <message>
        <source>Reprint...</source>
        <translation>补打……</translation>
    </message>
    <message>
        <source>Correct...</source>
        <translation>更正……</translation>
    </message>
    <message>
        <source>Add note...</source>
        <translation>添加备注……</translation>
    </message>
    <message>
        <source>New credential...</source>
        <translation>新凭证……</translation>
    </message>
    <message>
        <source>Badge as it will print</source>
        <translation>胸卡打印效果</translation>
    </message>
    <message>
        <source>Check-in history (event time)</source>
        <translation>签到记录（活动当地时间）</translation>
    </message>
    <message>
        <source>Desk record</source>
        <translation>服务台记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>签到点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Latin name</source>
        <translation>拉丁字母姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a guest list</source>
        <translation>导入嘉宾名单</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>The kiosk could not start. Please call staff.</source>
        <translation>签到机无法启动。请联系工作人员。</translation>
    </message>
    <message>
        <source>Sorry, this scan could not be checked.</source>
        <translation>抱歉，本次扫描无法核验。</translation>
    </message>
    <message>
        <source>Please see the help desk.</source>
        <translation>请到服务台咨询。</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>The staff desk is not part of this build.</source>
        <translation>此版本不含工作人员服务台。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>A note about %1 for everyone at the desk:</source>
        <translation>关于 %1 的备注（服务台所有人可见）：</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员密码</translation>
    </message>
    <message>
        <source>Choose a staff PIN (4 to 12 digits)</source>
        <translation>请设置工作人员密码（4 至 12 位数字）</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>请再次输入新密码</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN</source>
        <translation>仅限工作人员：请输入密码</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <source>The two PINs differ. Please start again.</source>
        <translation>两次输入的密码不一致，请重新开始。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until %1.</source>
        <translation>密码错误次数过多，已锁定至 %1。</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk.</source>
        <translation>此签到机尚未设置工作人员密码。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>密码错误，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong; please try again.</source>
        <translation>出现问题，请重试。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Please say why.</source>
        <translation>请说明原因。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因说明</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing...</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged. %4 rows were not imported.</source>
        <translation>导入完成：新增 %1 条，更新 %2 条，无变化 %3 条。%4 行未导入。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The guests are added and updated in one step.</source>
        <translation>嘉宾将一次性全部添加和更新。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>本服务台</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>Kiosk PIN (leave empty to keep it)</source>
        <translation>签到机密码（留空则保持不变）</translation>
    </message>
    <message>
        <source>Sync with the organiser&apos;s server</source>
        <translation>与主办方服务器同步</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>工作人员姓名</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>签到点</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>胸卡模板</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation>默认摄像头</translation>
    </message>
    <message>
        <source>No camera found on this computer.</source>
        <translation>此电脑上未找到摄像头。</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>cups:PrinterName or folder:/path</source>
        <translation>cups:打印机名称 或 folder:/路径</translation>
    </message>
    <message>
        <source>http://10.0.0.5:8000, or the enrolment link</source>
        <translation>http://10.0.0.5:8000，或注册链接</translation>
    </message>
    <message>
        <source>from the organiser, to enrol this machine</source>
        <translation>由主办方提供，用于注册本机</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 至 12 位数字</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Staff menu</source>
        <translation>工作人员菜单</translation>
    </message>
    <message>
        <source>Open the staff desk</source>
        <translation>打开工作人员服务台</translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation>默认摄像头</translation>
    </message>
    <message>
        <source>Use this camera</source>
        <translation>使用此摄像头</translation>
    </message>
    <message>
        <source>Quit the kiosk</source>
        <translation>退出签到机</translation>
    </message>
    <message>
        <source>Back to guests</source>
        <translation>返回嘉宾界面</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>another entrance</source>
        <translation>其他入口</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>演讲嘉宾</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Please see the help desk.</source>
        <translation>请到服务台咨询。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>You are checked in.</source>
        <translation>您已签到成功。</translation>
    </message>
    <message>
        <source>Please go in.</source>
        <translation>请入场。</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>欢迎回来</translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation>再见</translation>
    </message>
    <message>
        <source>Thank you for coming.</source>
        <translation>感谢您的光临。</translation>
    </message>
    <message>
        <source>You have already checked in.</source>
        <translation>您已经签到过了。</translation>
    </message>
    <message>
        <source>You checked in at %1 at %2.</source>
        <translation>您已于 %1 在%2签到。</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>您已经签到</translation>
    </message>
    <message>
        <source>This pass is not valid at this entrance.</source>
        <translation>此证件在本入口无效。</translation>
    </message>
    <message>
        <source>This pass is valid on %1.</source>
        <translation>此证件的有效日期为：%1。</translation>
    </message>
    <message>
        <source>This pass is not valid today</source>
        <translation>此证件今天无效</translation>
    </message>
    <message>
        <source>This entrance is for: %1.</source>
        <translation>本入口仅限：%1。</translation>
    </message>
    <message>
        <source>Not allowed at this entrance</source>
        <translation>您不能从本入口进入</translation>
    </message>
    <message>
        <source>Open from %1 to %2.</source>
        <translation>开放时间：%1 至 %2。</translation>
    </message>
    <message>
        <source>This entrance is closed now</source>
        <translation>本入口现在未开放</translation>
    </message>
    <message>
        <source>This code is not on the guest list.</source>
        <translation>此二维码不在嘉宾名单中。</translation>
    </message>
    <message>
        <source>Code not recognised</source>
        <translation>无法识别此二维码</translation>
    </message>
    <message>
        <source>A newer pass was issued, or the registration was cancelled.</source>
        <translation>已为您签发新证件，或报名已取消。</translation>
    </message>
    <message>
        <source>This pass is no longer valid</source>
        <translation>此证件已失效</translation>
    </message>
    <message>
        <source>This code is not valid</source>
        <translation>此二维码无效</translation>
    </message>
    <message>
        <source>Guest no. %1</source>
        <translation>嘉宾 %1 号</translation>
    </message>
    <message>
        <source>Printing your badge... take it below.</source>
        <translation>正在打印您的胸卡……请在下方领取。</translation>
    </message>
    <message>
        <source>Your badge is ready. Please take it below.</source>
        <translation>胸卡已打印好，请在下方领取。</translation>
    </message>
    <message>
        <source>Please collect your badge at the help desk.</source>
        <translation>请到服务台领取胸卡。</translation>
    </message>
    <message>
        <source>Your badge will be ready for you at the help desk in a moment.</source>
        <translation>您的胸卡稍后可在服务台领取。</translation>
    </message>
    <message>
        <source>You are checked in. Please collect your badge at the help desk.</source>
        <translation type="vanished">您已签到成功。请到服务台领取胸卡。</translation>
    </message>
    <message>
        <source>You are checked in. Your badge will be ready at the help desk in a moment.</source>
        <translation type="vanished">您已签到成功。胸卡稍后可在服务台领取。</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Register a walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>A guest who is not on the list: register them, and their badge prints at once.</source>
        <translation>为不在名单上的嘉宾登记，胸卡将立即打印。</translation>
    </message>
    <message>
        <source>as the guest writes it, e.g. 王芳</source>
        <translation>按嘉宾本人的写法，例如：王芳</translation>
    </message>
    <message>
        <source>e.g. Wang Fang</source>
        <translation>例如：Wang Fang</translation>
    </message>
    <message>
        <source>Day pass</source>
        <translation>单日证件</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Register and print badge</source>
        <translation>登记并打印胸卡</translation>
    </message>
    <message>
        <source>This computer holds no signing key for the event, so it cannot issue credentials.</source>
        <translation>本机没有此活动的签名密钥，无法签发凭证。</translation>
    </message>
</context>
</TS>
