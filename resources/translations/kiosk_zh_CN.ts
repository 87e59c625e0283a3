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
    <name>CoreMessages</name>
    <message>
        <source>%1 cannot be changed at the desk</source>
        <translation>%1 不能在服务台修改</translation>
    </message>
    <message>
        <source>%1 cannot print: %2</source>
        <translation>%1 无法打印：%2</translation>
    </message>
    <message>
        <source>%1 check-ins and changes here still wait for %2</source>
        <translation>本机还有 %1 条签到和更改等待发送到 %2</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 在 %2 秒内没有响应</translation>
    </message>
    <message>
        <source>%1 has no check-in to undo</source>
        <translation>%1 没有可撤销的签到</translation>
    </message>
    <message>
        <source>%1 has no checkpoints</source>
        <translation>%1 没有任何签到点</translation>
    </message>
    <message>
        <source>%1 is already on the list as %2 (#%3)</source>
        <translation>%1 已在名单中，属于 %2（#%3）</translation>
    </message>
    <message>
        <source>%1 is not a date</source>
        <translation>%1 不是日期</translation>
    </message>
    <message>
        <source>%1 is not a day (write 2026-12-07 or day 1)</source>
        <translation>%1 不是日期（请写成 2026-12-07 或 day 1）</translation>
    </message>
    <message>
        <source>%1 is not a day of %2 (%3 to %4)</source>
        <translation>%1 不是 %2 的活动日期（%3 至 %4）</translation>
    </message>
    <message>
        <source>%1 is not a day of the event (%2 to %3)</source>
        <translation>%1 不是活动日期（%2 至 %3）</translation>
    </message>
    <message>
        <source>%1 is not a language code</source>
        <translation>%1 不是语言代码</translation>
    </message>
    <message>
        <source>%1 is not a range of hours</source>
        <translation>%1 不是时间段</translation>
    </message>
    <message>
        <source>%1 is not a server address</source>
        <translation>%1 不是服务器地址</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address</source>
        <translation>%1 不是邮箱地址</translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation>未安装 %1</translation>
    </message>
    <message>
        <source>%1 is outside the event (%2 to %3)</source>
        <translation>%1 不在活动日期内（%2 至 %3）</translation>
    </message>
    <message>
        <source>%1 more guests do not fit: this event has %2 of its %3 guest numbers left</source>
        <translation>放不下另外 %1 位嘉宾：本活动的 %3 个嘉宾编号只剩 %2 个</translation>
    </message>
    <message>
        <source>%1 stored guests have this %2%3; add a code column to say which one this row is</source>
        <translation>已有 %1 位嘉宾的%2%3相同；请添加编码列，以说明此行对应哪一位</translation>
    </message>
    <message>
        <source>--map %1 is not FIELD=COLUMN</source>
        <translation>--map %1 的格式不是 字段=列</translation>
    </message>
    <message>
        <source>--map names an unknown field %1</source>
        <translation>--map 指定了未知字段 %1</translation>
    </message>
    <message>
        <source>CUPS refused the job: %1</source>
        <translation>CUPS 拒绝了打印任务：%1</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>a %1 file is not a guest list</source>
        <translation>%1 文件不是嘉宾名单</translation>
    </message>
    <message>
        <source>a PIN has %1 to %2 digits, not %3</source>
        <translation>密码应为 %1 至 %2 位数字，而不是 %3 位</translation>
    </message>
    <message>
        <source>a PIN is digits only</source>
        <translation>密码只能是数字</translation>
    </message>
    <message>
        <source>a bundled badge font is missing</source>
        <translation>缺少随附的胸卡字体</translation>
    </message>
    <message>
        <source>a checkpoint needs a name</source>
        <translation>签到点需要名称</translation>
    </message>
    <message>
        <source>a cover or door is open</source>
        <translation>机盖或舱门未关好</translation>
    </message>
    <message>
        <source>a day pass needs at least one day</source>
        <translation>单日证件至少需要选择一天</translation>
    </message>
    <message>
        <source>a guest&apos;s %1 cannot be empty</source>
        <translation>嘉宾的%1不能为空</translation>
    </message>
    <message>
        <source>a preview needs a positive resolution, not %1 dpi</source>
        <translation>预览分辨率必须为正数，不能是 %1 dpi</translation>
    </message>
    <message>
        <source>a reprint for another reason needs a note saying why</source>
        <translation>以“其他”原因补打时需要填写说明</translation>
    </message>
    <message>
        <source>a staff PIN is already set</source>
        <translation>已设置工作人员密码</translation>
    </message>
    <message>
        <source>add --note TEXT</source>
        <translation>请加上 --note 说明</translation>
    </message>
    <message>
        <source>an undo needs a reason</source>
        <translation>撤销签到需要填写原因</translation>
    </message>
    <message>
        <source>badge printing at a kiosk needs its local SQLite data folder</source>
        <translation>签到机打印胸卡需要本机的 SQLite 数据文件夹</translation>
    </message>
    <message>
        <source>cancel it on the printer (or with CUPS&apos; &apos;cancel&apos; command)</source>
        <translation>请在打印机上取消（或使用 CUPS 的 cancel 命令）</translation>
    </message>
    <message>
        <source>cancel this registration and register the guest again</source>
        <translation>请取消此报名，并为嘉宾重新登记</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>cannot make a QR code of an empty text</source>
        <translation>无法为空文本生成二维码</translation>
    </message>
    <message>
        <source>cannot open or upgrade the database: %1</source>
        <translation>无法打开或升级数据库：%1</translation>
    </message>
    <message>
        <source>cannot reach the server (%1)</source>
        <translation>无法连接服务器（%1）</translation>
    </message>
    <message>
        <source>cannot read the badge PDF (%1)</source>
        <translation>无法读取胸卡 PDF（%1）</translation>
    </message>
    <message>
        <source>cannot read the image: %1</source>
        <translation>无法读取图片：%1</translation>
    </message>
    <message>
        <source>cannot read the jobs of %1: %2</source>
        <translation>无法读取 %1 的打印任务：%2</translation>
    </message>
    <message>
        <source>cannot render page %1 of the badge</source>
        <translation>无法渲染胸卡第 %1 页</translation>
    </message>
    <message>
        <source>cannot store the badge PDF: %1</source>
        <translation>无法保存胸卡 PDF：%1</translation>
    </message>
    <message>
        <source>cannot write the QR image: %1</source>
        <translation>无法写入二维码图片：%1</translation>
    </message>
    <message>
        <source>cannot write the badge: %1</source>
        <translation>无法写入胸卡：%1</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>change it with &apos;set&apos;</source>
        <translation>请用 set 命令修改</translation>
    </message>
    <message>
        <source>checkpoint %1 exists already</source>
        <translation>签到点 %1 已存在</translation>
    </message>
    <message>
        <source>checkpoints are: %1</source>
        <translation>现有签到点：%1</translation>
    </message>
    <message>
        <source>choose another folder with --data-dir DIR or KIOSK_HOME</source>
        <translation>请用 --data-dir DIR 或 KIOSK_HOME 选择另一个文件夹</translation>
    </message>
    <message>
        <source>choose one in Settings</source>
        <translation>请在设置中选择</translation>
    </message>
    <message>
        <source>choose one in the desk&apos;s settings, or main.py --printer</source>
        <translation>请在服务台设置中选择，或使用 main.py --printer</translation>
    </message>
    <message>
        <source>columns are: %1</source>
        <translation>现有列：%1</translation>
    </message>
    <message>
        <source>columns are: %1; name it with --map name=COLUMN</source>
        <translation>现有列：%1；请用 --map name=列名 指定</translation>
    </message>
    <message>
        <source>contains %1, which is not a character of any script</source>
        <translation>含有 %1，它不属于任何文字</translation>
    </message>
    <message>
        <source>contains a broken character %1</source>
        <translation>含有损坏的字符 %1</translation>
    </message>
    <message>
        <source>contains a text-direction control character %1, which can make a name display as something else</source>
        <translation>含有文字方向控制字符 %1，可能使姓名显示成别的内容</translation>
    </message>
    <message>
        <source>contains the control character %1</source>
        <translation>含有控制字符 %1</translation>
    </message>
    <message>
        <source>contains the replacement character %1: the text was decoded with the wrong encoding somewhere</source>
        <translation>含有替换字符 %1：文本在某处用错误的编码解码过</translation>
    </message>
    <message>
        <source>credential serial %1 is outside 0..%2</source>
        <translation>凭证序号 %1 超出 0..%2 范围</translation>
    </message>
    <message>
        <source>cups:%1</source>
        <translation>cups:%1</translation>
    </message>
    <message>
        <source>day %1 is not a day of the event (1 to %2)</source>
        <translation>第 %1 天不是活动日（应为 1 至 %2）</translation>
    </message>
    <message>
        <source>day %1 is not a day of the event (1..%2)</source>
        <translation>第 %1 天不是活动日（应为 1..%2）</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>define one first</source>
        <translation>请先创建签到点</translation>
    </message>
    <message>
        <source>e.g. --printer KioskPDF or folder:/tmp/badges</source>
        <translation>例如 --printer KioskPDF 或 folder:/tmp/badges</translation>
    </message>
    <message>
        <source>e.g. http://10.0.0.5:8000</source>
        <translation>例如 http://10.0.0.5:8000</translation>
    </message>
    <message>
        <source>e.g. invitation lost</source>
        <translation>例如：邀请函遗失</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>enrol this kiosk again</source>
        <translation>请重新注册本签到机</translation>
    </message>
    <message>
        <source>fields are: %1</source>
        <translation>可用字段：%1</translation>
    </message>
    <message>
        <source>folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>for example --map name=参会人 --map company=C</source>
        <translation>例如 --map name=参会人 --map company=C</translation>
    </message>
    <message>
        <source>for example utf-8, gb18030, utf-16, cp1252</source>
        <translation>例如 utf-8、gb18030、utf-16、cp1252</translation>
    </message>
    <message>
        <source>give --reason lost, damaged, name_corrected or other (with --note)</source>
        <translation>请用 --reason 指定 lost、damaged、name_corrected 或 other（配合 --note）</translation>
    </message>
    <message>
        <source>give a .csv, .xlsx or .json file</source>
        <translation>请提供 .csv、.xlsx 或 .json 文件</translation>
    </message>
    <message>
        <source>give a PNG, JPEG, BMP, GIF, TIFF or WebP picture</source>
        <translation>请提供 PNG、JPEG、BMP、GIF、TIFF 或 WebP 图片</translation>
    </message>
    <message>
        <source>give the current PIN</source>
        <translation>请输入当前密码</translation>
    </message>
    <message>
        <source>guest #%1 has used all %2 credentials of a number</source>
        <translation>嘉宾 #%1 已用完一个编号的全部 %2 个凭证</translation>
    </message>
    <message>
        <source>guest #%1 was removed while the badge was drawn</source>
        <translation>生成胸卡时嘉宾 #%1 已被删除</translation>
    </message>
    <message>
        <source>guest #%1&apos;s badge is already %2 on %3%4</source>
        <translation>嘉宾 #%1 的胸卡已在 %3 上处于%2状态%4</translation>
    </message>
    <message>
        <source>guest #%1&apos;s badge was already printed (%2 UTC on %3); a reprint needs a reason</source>
        <translation>嘉宾 #%1 的胸卡已打印过（UTC %2，%3）；补打需要原因</translation>
    </message>
    <message>
        <source>guest #%1&apos;s registration is cancelled</source>
        <translation>嘉宾 #%1 的报名已取消</translation>
    </message>
    <message>
        <source>guest number %1 is outside 1..%2</source>
        <translation>嘉宾编号 %1 超出 1..%2 范围</translation>
    </message>
    <message>
        <source>has %1 cells but the header has %2 columns: a value probably holds an unquoted separator</source>
        <translation>有 %1 个单元格，但表头只有 %2 列：可能某个值含有未加引号的分隔符</translation>
    </message>
    <message>
        <source>has no column %1 (given as --map %2=%3)</source>
        <translation>没有列 %1（由 --map %2=%3 指定）</translation>
    </message>
    <message>
        <source>has no column %1 (given as --map %2=%3); its rows have %4 columns</source>
        <translation>没有列 %1（由 --map %2=%3 指定）；各行只有 %4 列</translation>
    </message>
    <message>
        <source>has no column for the guest&apos;s name</source>
        <translation>没有嘉宾姓名列</translation>
    </message>
    <message>
        <source>has no name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>has no sheet %1</source>
        <translation>没有工作表 %1</translation>
    </message>
    <message>
        <source>holds a %1 value</source>
        <translation>含有 %1 类型的值</translation>
    </message>
    <message>
        <source>install CUPS (Debian: apt-get install cups)</source>
        <translation>请安装 CUPS（Debian：apt-get install cups）</translation>
    </message>
    <message>
        <source>is JSON but neither a list of guests nor {&quot;guests&quot;: [...]}</source>
        <translation>是 JSON，但既不是嘉宾列表，也不是 {&quot;guests&quot;: [...]}</translation>
    </message>
    <message>
        <source>is a folder, not a guest list</source>
        <translation>是文件夹，不是嘉宾名单</translation>
    </message>
    <message>
        <source>is a folder, not an image file</source>
        <translation>是文件夹，不是图片文件</translation>
    </message>
    <message>
        <source>is an old Excel 97-2003 (.xls) workbook or another Office file</source>
        <translation>是旧版 Excel 97-2003（.xls）工作簿或其他 Office 文件</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is it a kiosk database, readable, and made by this version or an older one? Nothing was changed in it</source>
        <translation>这是否为签到机数据库、是否可读、是否由本版本或更早版本创建？其中的内容没有任何改动</translation>
    </message>
    <message>
        <source>is it switched on and connected?</source>
        <translation>设备是否已开机并连接？</translation>
    </message>
    <message>
        <source>is neither UTF-8 (bad byte 0x%1 on line %2) nor Chinese GB18030/GBK text</source>
        <translation>既不是 UTF-8 文本（第 %2 行有无效字节 0x%1），也不是中文 GB18030/GBK 文本</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>is not a list of days</source>
        <translation>不是日期列表</translation>
    </message>
    <message>
        <source>is not a readable .xlsx workbook (%1)</source>
        <translation>不是可读取的 .xlsx 工作簿（%1）</translation>
    </message>
    <message>
        <source>is not a single value</source>
        <translation>不是单个值</translation>
    </message>
    <message>
        <source>is not a valid .xlsx workbook</source>
        <translation>不是有效的 .xlsx 工作簿</translation>
    </message>
    <message>
        <source>is not an object with named fields</source>
        <translation>不是带字段名的对象</translation>
    </message>
    <message>
        <source>is not readable CSV near line %1: %2</source>
        <translation>第 %1 行附近不是可读取的 CSV：%2</translation>
    </message>
    <message>
        <source>is not valid %1 text (byte 0x%2 on line %3)</source>
        <translation>不是有效的 %1 文本（第 %3 行的字节 0x%2）</translation>
    </message>
    <message>
        <source>is not valid JSON (line %1: %2)</source>
        <translation>不是有效的 JSON（第 %1 行：%2）</translation>
    </message>
    <message>
        <source>is the CUPS scheduler running?</source>
        <translation>CUPS 调度服务是否在运行？</translation>
    </message>
    <message>
        <source>is the same guest as %1 %2 (same %3); only the first was imported</source>
        <translation>与 %1 %2 是同一位嘉宾（%3 相同）；只导入了第一条</translation>
    </message>
    <message>
        <source>is too long (%1 characters, at most %2)</source>
        <translation>太长（%1 个字符，最多 %2 个）</translation>
    </message>
    <message>
        <source>issue credentials on the server, or run &apos;kiosk keys&apos; on the organiser&apos;s machine</source>
        <translation>请在服务器上签发凭证，或在主办方电脑上运行 kiosk keys</translation>
    </message>
    <message>
        <source>job %1 is %2 and already with the print system</source>
        <translation>任务 %1 处于%2状态，已交给打印系统</translation>
    </message>
    <message>
        <source>job %1 is %2, not failed</source>
        <translation>任务 %1 处于%2状态，并未失败</translation>
    </message>
    <message>
        <source>kiosk enroll URL CODE, or the link from the enrolment QR</source>
        <translation>kiosk enroll 地址 注册码，或使用注册二维码中的链接</translation>
    </message>
    <message>
        <source>known: %1</source>
        <translation>可用：%1</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>leave it empty for every day</source>
        <translation>全部日期请留空</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>name the right encoding with --encoding</source>
        <translation>请用 --encoding 指定正确的编码</translation>
    </message>
    <message>
        <source>no badge is printed for a cancelled registration</source>
        <translation>已取消的报名不打印胸卡</translation>
    </message>
    <message>
        <source>no badge printer is chosen for this desk</source>
        <translation>本服务台尚未选择胸卡打印机</translation>
    </message>
    <message>
        <source>no badge printer is chosen for this kiosk</source>
        <translation>本签到机尚未选择胸卡打印机</translation>
    </message>
    <message>
        <source>no badge template %1</source>
        <translation>没有胸卡模板 %1</translation>
    </message>
    <message>
        <source>no checkpoint %1</source>
        <translation>没有签到点 %1</translation>
    </message>
    <message>
        <source>no enrolment code given</source>
        <translation>未提供注册码</translation>
    </message>
    <message>
        <source>no event is set up in this data folder</source>
        <translation>此数据文件夹中尚未设置活动</translation>
    </message>
    <message>
        <source>no guest %1 in %2</source>
        <translation>%2 中没有嘉宾 %1</translation>
    </message>
    <message>
        <source>no print job %1</source>
        <translation>没有打印任务 %1</translation>
    </message>
    <message>
        <source>no printer backend %1</source>
        <translation>没有打印后端 %1</translation>
    </message>
    <message>
        <source>no printer named</source>
        <translation>未指定打印机名称</translation>
    </message>
    <message>
        <source>no printer of this name</source>
        <translation>没有此名称的打印机</translation>
    </message>
    <message>
        <source>no scan %1</source>
        <translation>没有扫码记录 %1</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>no such template file</source>
        <translation>模板文件不存在</translation>
    </message>
    <message>
        <source>not accepting jobs</source>
        <translation>不接受打印任务</translation>
    </message>
    <message>
        <source>not an image file that can be read</source>
        <translation>不是可读取的图片文件</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>only a failed job can be retried</source>
        <translation>只有失败的任务才能重试</translation>
    </message>
    <message>
        <source>open it in Excel and save as .xlsx or CSV UTF-8</source>
        <translation>请用 Excel 打开，另存为 .xlsx 或 CSV UTF-8</translation>
    </message>
    <message>
        <source>open it in Excel and save it again as .xlsx or CSV</source>
        <translation>请用 Excel 打开，重新另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>out of ink or toner</source>
        <translation>墨水或碳粉用完</translation>
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
        <source>printer %1 has no name after &apos;%2:&apos;</source>
        <translation>打印机 %1 在“%2:”之后缺少名称</translation>
    </message>
    <message>
        <source>re-issuing a credential needs a reason</source>
        <translation>重新签发凭证需要原因</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>reinstall the kiosk, or run tools/build_fonts.py</source>
        <translation>请重新安装签到程序，或运行 tools/build_fonts.py</translation>
    </message>
    <message>
        <source>replace the key on the organiser&apos;s machine or the server; kiosks get it by sync</source>
        <translation>请在主办方电脑或服务器上更换密钥；签到机会通过同步获取</translation>
    </message>
    <message>
        <source>run &apos;kiosk demo&apos; for the demo event, or enrol with a server</source>
        <translation>请运行 kiosk demo 使用演示活动，或向服务器注册</translation>
    </message>
    <message>
        <source>run &apos;kiosk enroll URL CODE&apos; with a code from the organiser</source>
        <translation>请用主办方提供的注册码运行 kiosk enroll 地址 注册码</translation>
    </message>
    <message>
        <source>save it from Excel as &apos;CSV UTF-8&apos;, or name its encoding with --encoding</source>
        <translation>请在 Excel 中另存为“CSV UTF-8”，或用 --encoding 指定编码</translation>
    </message>
    <message>
        <source>save the list as .xlsx or CSV</source>
        <translation>请将名单另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>say why, e.g. --reason &apos;scanned by mistake&apos;</source>
        <translation>请说明原因，例如 --reason &apos;误扫&apos;</translation>
    </message>
    <message>
        <source>scan %1 was refused (%2); there is nothing to undo</source>
        <translation>扫码记录 %1 已被拒绝（%2），无需撤销</translation>
    </message>
    <message>
        <source>search for that guest instead of registering again</source>
        <translation>请搜索该嘉宾，不要重复登记</translation>
    </message>
    <message>
        <source>see &apos;kiosk print-queue&apos;</source>
        <translation>请查看 kiosk print-queue</translation>
    </message>
    <message>
        <source>see the other files in resources/badges/ for examples</source>
        <translation>可参考 resources/badges/ 中的其他文件</translation>
    </message>
    <message>
        <source>several events are stored and none is chosen as current</source>
        <translation>存有多个活动，但未选定当前活动</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>switched off or unplugged</source>
        <translation>已关机或未连接</translation>
    </message>
    <message>
        <source>sync them first, or give --force to enrol anyway (they are kept here)</source>
        <translation>请先同步，或使用 --force 强制注册（这些数据仍保留在本机）</translation>
    </message>
    <message>
        <source>tell the organiser; nothing was changed</source>
        <translation>请告知主办方；未做任何更改</translation>
    </message>
    <message>
        <source>that check-in was already undone at %1 UTC</source>
        <translation>该签到已于 UTC %1 撤销</translation>
    </message>
    <message>
        <source>the PDF has %1 page(s); there is no page %2</source>
        <translation>该 PDF 共 %1 页，没有第 %2 页</translation>
    </message>
    <message>
        <source>the QR scale must be at least 1 pixel a module, not %1</source>
        <translation>二维码每个模块至少 1 像素，不能是 %1</translation>
    </message>
    <message>
        <source>the checkpoint closes (%1) before it opens (%2)</source>
        <translation>签到点的关闭时间（%1）早于开放时间（%2）</translation>
    </message>
    <message>
        <source>the current PIN is wrong or locked</source>
        <translation>当前密码错误或已锁定</translation>
    </message>
    <message>
        <source>the demo holds 0 to %1 guests, not %2</source>
        <translation>演示活动可容纳 0 至 %1 位嘉宾，不能是 %2</translation>
    </message>
    <message>
        <source>the desk&apos;s event was removed; restart the desk</source>
        <translation>服务台的活动已被删除；请重启服务台</translation>
    </message>
    <message>
        <source>the enrolment code is empty</source>
        <translation>注册码为空</translation>
    </message>
    <message>
        <source>the event ends (%1) before it starts (%2)</source>
        <translation>活动结束日期（%1）早于开始日期（%2）</translation>
    </message>
    <message>
        <source>the file must be JSON</source>
        <translation>文件必须是 JSON 格式</translation>
    </message>
    <message>
        <source>the image is too large to read safely</source>
        <translation>图片太大，无法安全读取</translation>
    </message>
    <message>
        <source>the note is %1 characters long; at most %2 fit</source>
        <translation>备注长 %1 个字符；最多 %2 个</translation>
    </message>
    <message>
        <source>the note is empty</source>
        <translation>备注为空</translation>
    </message>
    <message>
        <source>the print system (CUPS) is not running</source>
        <translation>打印系统（CUPS）未运行</translation>
    </message>
    <message>
        <source>the printer did not finish the job</source>
        <translation>打印机未完成任务</translation>
    </message>
    <message>
        <source>the printer did not start the job</source>
        <translation>打印机未开始任务</translation>
    </message>
    <message>
        <source>the printer refused page %1</source>
        <translation>打印机拒绝了第 %1 页</translation>
    </message>
    <message>
        <source>the quiet zone cannot be negative (%1 modules)</source>
        <translation>静区不能为负数（%1 个模块）</translation>
    </message>
    <message>
        <source>the server address is empty</source>
        <translation>服务器地址为空</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <source>the server failed (HTTP %1)</source>
        <translation>服务器出错（HTTP %1）</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>the server said no (HTTP %1): %2</source>
        <translation>服务器拒绝（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>the server sent a signing key that does not match the event&apos;s public key</source>
        <translation>服务器发送的签名密钥与活动公钥不匹配</translation>
    </message>
    <message>
        <source>the server sent changes from before this kiosk&apos;s cursor (%1); was its database replaced?</source>
        <translation>服务器发来的更改早于本机的同步位置（%1）；服务器数据库是否被替换过？</translation>
    </message>
    <message>
        <source>the server&apos;s answer arrived incomplete</source>
        <translation>服务器的响应不完整</translation>
    </message>
    <message>
        <source>this desk has no folder for print jobs</source>
        <translation>本服务台没有打印任务文件夹</translation>
    </message>
    <message>
        <source>this event has used all %1 guest numbers</source>
        <translation>本活动已用完全部 %1 个嘉宾编号</translation>
    </message>
    <message>
        <source>this gate&apos;s event or checkpoint was removed; restart the kiosk</source>
        <translation>本入口的活动或签到点已被删除；请重启签到机</translation>
    </message>
    <message>
        <source>this kiosk holds no signing key for the event, so it cannot issue credentials</source>
        <translation>本机没有此活动的签名密钥，无法签发凭证</translation>
    </message>
    <message>
        <source>this kiosk holds only the event&apos;s public key, not its signing key</source>
        <translation>本机只有活动的公钥，没有签名密钥</translation>
    </message>
    <message>
        <source>this kiosk is not enrolled with a server</source>
        <translation>本签到机尚未向服务器注册</translation>
    </message>
    <message>
        <source>try &apos;kiosk guests NAME&apos;</source>
        <translation>请尝试 kiosk guests 姓名</translation>
    </message>
    <message>
        <source>unknown %1 %2</source>
        <translation>未知的%1：%2</translation>
    </message>
    <message>
        <source>unknown category %1</source>
        <translation>未知类别 %1</translation>
    </message>
    <message>
        <source>unknown category %1 (known: %2, or 嘉宾, 贵宾, 讲者, 展商, 媒体, 工作人员)</source>
        <translation>未知类别 %1（可用：%2，或 嘉宾、贵宾、讲者、展商、媒体、工作人员）</translation>
    </message>
    <message>
        <source>unknown category: %1</source>
        <translation>未知类别：%1</translation>
    </message>
    <message>
        <source>unknown encoding %1</source>
        <translation>未知编码 %1</translation>
    </message>
    <message>
        <source>unknown export %1</source>
        <translation>未知导出类型 %1</translation>
    </message>
    <message>
        <source>unknown print reason %1</source>
        <translation>未知打印原因 %1</translation>
    </message>
    <message>
        <source>unknown time zone %1</source>
        <translation>未知时区 %1</translation>
    </message>
    <message>
        <source>use %1</source>
        <translation>请使用 %1</translation>
    </message>
    <message>
        <source>use 4 to 12 digits</source>
        <translation>请使用 4 至 12 位数字</translation>
    </message>
    <message>
        <source>use a name like Asia/Shanghai</source>
        <translation>请使用 Asia/Shanghai 这样的名称</translation>
    </message>
    <message>
        <source>use checkins or guests</source>
        <translation>请使用 checkins 或 guests</translation>
    </message>
    <message>
        <source>use one of %1</source>
        <translation>请使用以下之一：%1</translation>
    </message>
    <message>
        <source>wait for job %1, or cancel it with &apos;kiosk print-queue --cancel %2&apos;</source>
        <translation>请等待任务 %1 完成，或用 kiosk print-queue --cancel %2 取消</translation>
    </message>
    <message>
        <source>write 08:00-18:00</source>
        <translation>请写成 08:00-18:00</translation>
    </message>
    <message>
        <source>write 2026-12-07, or 1 for day one</source>
        <translation>请写成 2026-12-07，或用 1 表示第一天</translation>
    </message>
    <message>
        <source>write e.g. zh, en, ja</source>
        <translation>请写成 zh、en、ja 等</translation>
    </message>
    <message>
        <source>write it as 2026-12-07</source>
        <translation>请写成 2026-12-07</translation>
    </message>
    <message>
        <source>write it as name@example.com</source>
        <translation>请写成 name@example.com</translation>
    </message>
    <message>
        <source>write what the desk should know</source>
        <translation>请写下服务台需要了解的内容</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
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
        <source>Badge reprinted</source>
        <translation>已补打胸卡</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>报名已取消</translation>
    </message>
    <message>
        <source>Registration restored</source>
        <translation>报名已恢复</translation>
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
        <source>not known</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <source>Badge printer: %1. Badges wait in the print queue.</source>
        <translation>胸卡打印机：%1。胸卡在打印队列中等待。</translation>
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
    <name>SyncIndicator</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting to the server</source>
        <translation>正在连接服务器</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <source>Offline, working alone</source>
        <translation>离线，单机工作中</translation>
    </message>
    <message>
        <source>The server refuses this kiosk</source>
        <translation>服务器拒绝了本签到机</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 条待发送</translation>
    </message>
    <message>
        <source>%1 double check-ins</source>
        <translation>%1 条重复签到</translation>
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
