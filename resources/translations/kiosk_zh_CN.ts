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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If imported now: %1 new, %2 updated, %3 unchanged, %4 rows refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the columns and the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each field shows the column it is read from; change any, then check again. Rows listed below would not be imported; the others would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again with these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the badge again if its text changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Could not count the arrivals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted at %1; updates every %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First arrivals per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in and expected, by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today at each checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: printer problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print jobs: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived (all days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print jobs waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskLabels</name>
    <message>
        <source>Guest</source>
        <translation type="unfinished">嘉宾</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished">贵宾</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished">演讲嘉宾</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation type="unfinished">参展商</translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished">媒体</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished">工作人员</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation type="unfinished">您已经签到</translation>
    </message>
    <message>
        <source>Not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge print requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code on the invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a day of the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a usable value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More cells than columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same guest twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches several guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of paper or labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cover or door is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of ink or toner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off or unplugged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not accepting jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no printer of this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the print system (CUPS) is not running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>No printer chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer %1: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 print jobs waiting, %2 held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 print jobs waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>%1 found for “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All guests by number; type to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as #%1; printing the badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test badge...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test badge sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved; checking in at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff desk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a guest: name in any script, pinyin, initials, company or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a guest who is not on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a guest list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest lists (*.csv *.tsv *.txt *.xlsx *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, Excel (.xlsx) or JSON, as the organisers sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers in English or Chinese are recognised (姓名/Name, 单位/Company, 邮箱/E-mail, 类别/Category...). Nothing is stored until the last step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestActions</name>
    <message>
        <source>Something went wrong; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1&apos;s check-in of %2 at %3? Say why; it stays in the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest left before entering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a badge. Why print another?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge for %1 sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1&apos;s code and issue a new one? Every kiosk will refuse the old code once it has synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a badge with the new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. invitation lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential issued (serial %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestDetailPanel</name>
    <message>
        <source>Preparing the badge preview...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The badge preview could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (undone %2 by %3: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2: badge printed (%3) on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge waiting to print on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge printing on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge held on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge failed on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration cancelled: every kiosk refuses this guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked in yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name, company or e-mail above, or scan a guest&apos;s code, to see the guest here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo check-in...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge as it will print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in history (event time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latin name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a guest list</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note about %1 for everyone at the desk:</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged. %4 rows were not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guests are added and updated in one step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The two new PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk PIN (leave empty to keep it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished">摄像头</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default camera</source>
        <translation type="unfinished">默认摄像头</translation>
    </message>
    <message>
        <source>No camera found on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://checkin.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A guest who is not on the list: register them, and their badge prints at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the guest writes it, e.g. 王芳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Wang Fang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and print badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer holds no signing key for the event, so it cannot issue credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
