"""Hand-written name lists of the demo event (kiosk.demo): names in their own scripts with their
romanisations, organisations and e-mail domains per country, and the parts Chinese names,
companies and institutes are made of.

Format of a list: entries separated by ``;``, each ``native=latin`` (or just ``native`` when it is
already plain ASCII Latin). A surname with a female form is written ``male/female=male/female``
(Петров/Петрова=Petrov/Petrova); an organisation marked ``+`` is a company (its people get
business titles), the others are universities and institutes. Romanisations follow the usual
convention of each country (Hepburn for Japanese, Revised Romanisation for Korean, passport
spellings elsewhere; German ü→ue, Nordic ø→oe, Icelandic ð→d, þ→th).
"""

from __future__ import annotations

from dataclasses import dataclass

# How the parts of a name are put together, natively and in the romanisation.
GIVEN_FIRST = "given-first"  # Anna Kowalska
SURNAME_FIRST = "surname-first"  # Nagy László, 山田 太郎
SURNAME_FIRST_JOINED = "surname-first-joined"  # 김민준 -> Kim Min-jun


@dataclass(frozen=True, slots=True)
class CountryNames:
    code: str  # ISO 3166-1 alpha-2
    name: str
    script: str  # what the summary calls the writing: Japanese, Cyrillic, Latin...
    language: str  # ISO 639-1
    calling_code: str
    order: str
    male: str
    female: str
    surnames: str
    organisations: str
    domains: str
    weight: int = 1  # how many guests come from here, relatively


FOREIGN: tuple[CountryNames, ...] = (
    CountryNames(
        "JP", "Japan", "Japanese", "ja", "+81", SURNAME_FIRST,
        male="翔太=Shota; 大輔=Daisuke; 健一=Ken'ichi; 拓也=Takuya; 直樹=Naoki; 浩二=Koji; "
             "陽斗=Haruto; 誠=Makoto; 隆=Takashi; 悠真=Yuma",
        female="さくら=Sakura; 美咲=Misaki; 陽子=Yoko; 由美=Yumi; 恵=Megumi; 愛子=Aiko; "
               "あおい=Aoi; 真由美=Mayumi; 結衣=Yui; 直子=Naoko",
        surnames="佐藤=Sato; 鈴木=Suzuki; 高橋=Takahashi; 田中=Tanaka; 渡辺=Watanabe; 伊藤=Ito; "
                 "山本=Yamamoto; 中村=Nakamura; 小林=Kobayashi; 加藤=Kato; 吉田=Yoshida; "
                 "山田=Yamada; 松本=Matsumoto; 井上=Inoue",
        organisations="東京大学; 京都大学; 大阪大学; 東北大学; 理化学研究所; "
                      "産業技術総合研究所; +株式会社日立製作所; +ソニーグループ株式会社; "
                      "+富士通株式会社; +株式会社島津製作所",
        domains="u-tokyo.ac.jp; kyoto-u.ac.jp; osaka-u.ac.jp; riken.jp; aist.go.jp; hitachi.com",
        weight=5,
    ),
    CountryNames(
        "KR", "South Korea", "Korean", "ko", "+82", SURNAME_FIRST_JOINED,
        male="민준=Min-jun; 서준=Seo-jun; 도윤=Do-yun; 지훈=Ji-hun; 현우=Hyeon-u; 성민=Seong-min; "
             "재현=Jae-hyeon; 동현=Dong-hyeon",
        female="서연=Seo-yeon; 지민=Ji-min; 수빈=Su-bin; 하은=Ha-eun; 지영=Ji-yeong; "
               "민지=Min-ji; 예진=Ye-jin; 은지=Eun-ji",
        surnames="김=Kim; 이=Lee; 박=Park; 최=Choi; 정=Jung; 강=Kang; 조=Cho; 윤=Yoon; 장=Jang; "
                 "임=Lim; 한=Han; 오=Oh",
        organisations="서울대학교; 한국과학기술원; 연세대학교; 고려대학교; 포항공과대학교; "
                      "+삼성전자; +LG화학; 한국전자통신연구원",
        domains="snu.ac.kr; kaist.ac.kr; yonsei.ac.kr; korea.ac.kr; postech.ac.kr; samsung.com; "
                "naver.com",
        weight=5,
    ),
    CountryNames(
        "RU", "Russia", "Cyrillic", "ru", "+7", GIVEN_FIRST,
        male="Иван=Ivan; Алексей=Aleksey; Дмитрий=Dmitry; Сергей=Sergey; Андрей=Andrey; "
             "Михаил=Mikhail; Николай=Nikolay; Владимир=Vladimir; Павел=Pavel; Юрий=Yury",
        female="Анна=Anna; Мария=Maria; Елена=Elena; Ольга=Olga; Наталья=Natalya; "
               "Татьяна=Tatyana; Екатерина=Ekaterina; Ирина=Irina; Светлана=Svetlana",
        surnames="Иванов/Иванова=Ivanov/Ivanova; Смирнов/Смирнова=Smirnov/Smirnova; "
                 "Кузнецов/Кузнецова=Kuznetsov/Kuznetsova; Попов/Попова=Popov/Popova; "
                 "Соколов/Соколова=Sokolov/Sokolova; Лебедев/Лебедева=Lebedev/Lebedeva; "
                 "Новиков/Новикова=Novikov/Novikova; Морозов/Морозова=Morozov/Morozova; "
                 "Волков/Волкова=Volkov/Volkova; Фёдоров/Фёдорова=Fedorov/Fedorova",
        organisations="Московский государственный университет; Санкт-Петербургский государственный "
                      "университет; Российская академия наук; МФТИ; Сколтех; +Росатом",
        domains="msu.ru; spbu.ru; ras.ru; phystech.edu; skoltech.ru; yandex.ru",
        weight=6,
    ),
    CountryNames(
        "UA", "Ukraine", "Cyrillic", "uk", "+380", GIVEN_FIRST,
        male="Олександр=Oleksandr; Андрій=Andrii; Тарас=Taras; Богдан=Bohdan; Сергій=Serhii; "
             "Віктор=Viktor",
        female="Олена=Olena; Оксана=Oksana; Наталія=Nataliia; Ірина=Iryna; Юлія=Yuliia; "
               "Галина=Halyna",
        surnames="Шевченко=Shevchenko; Коваленко=Kovalenko; Бондаренко=Bondarenko; "
                 "Ткаченко=Tkachenko; Кравченко=Kravchenko; Мельник=Melnyk; Бойко=Boiko; "
                 "Поліщук=Polishchuk",
        organisations="Київський національний університет імені Тараса Шевченка; "
                      "Національна академія наук України; Львівська політехніка",
        domains="knu.ua; nas.gov.ua; lpnu.ua; ukr.net",
    ),
    CountryNames(
        "BG", "Bulgaria", "Cyrillic", "bg", "+359", GIVEN_FIRST,
        male="Георги=Georgi; Иван=Ivan; Димитър=Dimitar; Николай=Nikolay; Христо=Hristo; "
             "Стоян=Stoyan",
        female="Мария=Maria; Иванка=Ivanka; Елена=Elena; Десислава=Desislava; Йорданка=Yordanka",
        surnames="Иванов/Иванова=Ivanov/Ivanova; Георгиев/Георгиева=Georgiev/Georgieva; "
                 "Димитров/Димитрова=Dimitrov/Dimitrova; Петров/Петрова=Petrov/Petrova; "
                 "Николов/Николова=Nikolov/Nikolova; Стоянов/Стоянова=Stoyanov/Stoyanova",
        organisations="Софийски университет; Българска академия на науките",
        domains="uni-sofia.bg; bas.bg; abv.bg",
    ),
    CountryNames(
        "RS", "Serbia", "Cyrillic", "sr", "+381", GIVEN_FIRST,
        male="Марко=Marko; Никола=Nikola; Милош=Milos; Душан=Dusan; Стефан=Stefan; Лазар=Lazar",
        female="Јелена=Jelena; Милица=Milica; Ана=Ana; Драгана=Dragana; Тамара=Tamara",
        surnames="Јовановић=Jovanovic; Петровић=Petrovic; Николић=Nikolic; Марковић=Markovic; "
                 "Ђорђевић=Djordjevic; Стојановић=Stojanovic; Илић=Ilic",
        organisations="Универзитет у Београду; Институт Михајло Пупин; Српска академија наука и "
                      "уметности",
        domains="bg.ac.rs; pupin.rs; sanu.ac.rs",
    ),
    CountryNames(
        "MN", "Mongolia", "Cyrillic", "mn", "+976", GIVEN_FIRST,
        male="Батбаяр=Batbayar; Ганболд=Ganbold; Тэмүүлэн=Temuulen; Бат-Эрдэнэ=Bat-Erdene; "
             "Мөнхбат=Munkhbat",
        female="Сарангэрэл=Sarangerel; Оюунчимэг=Oyunchimeg; Нарангэрэл=Narangerel; "
               "Энхжаргал=Enkhjargal; Номин=Nomin",
        surnames="Болд=Bold; Дорж=Dorj; Ганбаатар=Ganbaatar; Бат=Bat; Сүхбаатар=Sukhbaatar; "
                 "Цэрэн=Tseren",
        organisations="Монгол Улсын Их Сургууль; Шинжлэх Ухааны Академи",
        domains="num.edu.mn; mas.ac.mn; gmail.com",
    ),
    CountryNames(
        "KZ", "Kazakhstan", "Cyrillic", "kk", "+7", GIVEN_FIRST,
        male="Нұрлан=Nurlan; Ерлан=Yerlan; Асқар=Askar; Дәурен=Dauren; Бауыржан=Bauyrzhan",
        female="Айгүл=Aigul; Динара=Dinara; Гүлнар=Gulnar; Әсел=Assel; Жанар=Zhanar",
        surnames="Сейітов/Сейітова=Seitov/Seitova; Ахметов/Ахметова=Akhmetov/Akhmetova; "
                 "Жұмабаев/Жұмабаева=Zhumabayev/Zhumabayeva; Омаров/Омарова=Omarov/Omarova; "
                 "Нұрланов/Нұрланова=Nurlanov/Nurlanova",
        organisations="Назарбаев Университеті; Әл-Фараби атындағы Қазақ ұлттық университеті",
        domains="nu.edu.kz; kaznu.kz; mail.kz",
    ),
    CountryNames(
        "GR", "Greece", "Greek", "el", "+30", GIVEN_FIRST,
        male="Γιώργος=Giorgos; Δημήτρης=Dimitris; Νίκος=Nikos; Κωνσταντίνος=Konstantinos; "
             "Γιάννης=Giannis; Αλέξανδρος=Alexandros; Παναγιώτης=Panagiotis",
        female="Μαρία=Maria; Ελένη=Eleni; Κατερίνα=Katerina; Σοφία=Sofia; Δήμητρα=Dimitra; "
               "Αγγελική=Angeliki",
        surnames="Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/Papadopoulou; "
                 "Γεωργίου=Georgiou; Οικονόμου=Oikonomou; "
                 "Νικολάου=Nikolaou; Παπαδάκης/Παπαδάκη=Papadakis/Papadaki; "
                 "Βασιλείου=Vasileiou; Καραγιάννης/Καραγιάννη=Karagiannis/Karagianni",
        organisations="Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών; Αριστοτέλειο Πανεπιστήμιο "
                      "Θεσσαλονίκης; Ίδρυμα Τεχνολογίας και Έρευνας; Δημόκριτος",
        domains="uoa.gr; auth.gr; forth.gr; demokritos.gr",
        weight=2,
    ),
    CountryNames(
        "CY", "Cyprus", "Greek", "el", "+357", GIVEN_FIRST,
        male="Ανδρέας=Andreas; Χρίστος=Christos; Μιχάλης=Michalis; Σάββας=Savvas",
        female="Άννα=Anna; Χριστίνα=Christina; Ραφαέλλα=Rafaella; Μαρίνα=Marina",
        surnames="Χαραλάμπους=Charalambous; Κωνσταντίνου=Konstantinou; Ιωάννου=Ioannou; "
                 "Χριστοδούλου=Christodoulou; Αντωνίου=Antoniou",
        organisations="Πανεπιστήμιο Κύπρου; Ινστιτούτο Κύπρου",
        domains="ucy.ac.cy; cyi.ac.cy",
    ),
    CountryNames(
        "EG", "Egypt", "Arabic", "ar", "+20", GIVEN_FIRST,
        male="محمد=Mohamed; أحمد=Ahmed; محمود=Mahmoud; مصطفى=Mostafa; عمر=Omar; خالد=Khaled",
        female="فاطمة=Fatma; مريم=Mariam; نور=Nour; سارة=Sara; ياسمين=Yasmin; هبة=Heba",
        surnames="حسن=Hassan; إبراهيم=Ibrahim; عبد الرحمن=Abdelrahman; السيد=Elsayed; "
                 "منصور=Mansour; فهمي=Fahmy; سليمان=Soliman",
        organisations="جامعة القاهرة; جامعة عين شمس; مدينة زويل للعلوم والتكنولوجيا; "
                      "أكاديمية البحث العلمي والتكنولوجيا",
        domains="cu.edu.eg; asu.edu.eg; zewailcity.edu.eg; asrt.sci.eg",
        weight=3,
    ),
    CountryNames(
        "SA", "Saudi Arabia", "Arabic", "ar", "+966", GIVEN_FIRST,
        male="عبد الله=Abdullah; فيصل=Faisal; سلطان=Sultan; تركي=Turki; ناصر=Nasser",
        female="نورة=Noura; ريم=Reem; لطيفة=Latifa; هيفاء=Haifa; العنود=Alanoud",
        surnames="العتيبي=Al-Otaibi; القحطاني=Al-Qahtani; الغامدي=Al-Ghamdi; الشهري=Al-Shahri; "
                 "الدوسري=Al-Dosari; الحربي=Al-Harbi",
        organisations="جامعة الملك عبد الله للعلوم والتقنية; جامعة الملك سعود; "
                      "مدينة الملك عبدالعزيز للعلوم والتقنية",
        domains="kaust.edu.sa; ksu.edu.sa; kacst.gov.sa",
        weight=2,
    ),
    CountryNames(
        "AE", "United Arab Emirates", "Arabic", "ar", "+971", GIVEN_FIRST,
        male="راشد=Rashid; حمدان=Hamdan; سيف=Saif; مروان=Marwan; هزاع=Hazza",
        female="شيخة=Shaikha; مريم=Maryam; عائشة=Aisha; حصة=Hessa; ميثاء=Maitha",
        surnames="المنصوري=Al Mansoori; الكعبي=Al Kaabi; الظاهري=Al Dhaheri; المهيري=Al Muhairi; "
                 "الشامسي=Al Shamsi",
        organisations="جامعة خليفة; جامعة الإمارات العربية المتحدة; مؤسسة محمد بن راشد للفضاء",
        domains="ku.ac.ae; uaeu.ac.ae; mbrsc.ae",
        weight=2,
    ),
    CountryNames(
        "JO", "Jordan", "Arabic", "ar", "+962", GIVEN_FIRST,
        male="يوسف=Yousef; زيد=Zaid; ليث=Laith; حمزة=Hamza; رامي=Rami",
        female="رنا=Rana; دينا=Dina; لينا=Lina; سلمى=Salma; رزان=Razan",
        surnames="الحسيني=Al-Husseini; العبادي=Al-Abbadi; المجالي=Al-Majali; الخطيب=Al-Khatib; "
                 "النسور=Al-Nsour",
        organisations="الجامعة الأردنية; جامعة العلوم والتكنولوجيا الأردنية",
        domains="ju.edu.jo; just.edu.jo",
    ),
    CountryNames(
        "MA", "Morocco", "Arabic", "ar", "+212", GIVEN_FIRST,
        male="يونس=Younes; هشام=Hicham; رشيد=Rachid; كريم=Karim; أيوب=Ayoub",
        female="خديجة=Khadija; زينب=Zineb; إيمان=Imane; سلمى=Salma; هند=Hind",
        surnames="العلوي=Alaoui; بنعلي=Benali; الإدريسي=El Idrissi; التازي=Tazi; بناني=Bennani",
        organisations="جامعة محمد الخامس; جامعة القاضي عياض",
        domains="um5.ac.ma; uca.ma",
    ),
    CountryNames(
        "IR", "Iran", "Arabic", "fa", "+98", GIVEN_FIRST,
        male="علی=Ali; رضا=Reza; مهدی=Mehdi; امیر=Amir; حسین=Hossein; سعید=Saeed",
        female="زهرا=Zahra; مریم=Maryam; فاطمه=Fatemeh; نگار=Negar; سارا=Sara; لیلا=Leila",
        surnames="رضایی=Rezaei; محمدی=Mohammadi; حسینی=Hosseini; احمدی=Ahmadi; کریمی=Karimi; "
                 "موسوی=Mousavi; جعفری=Jafari",
        organisations="دانشگاه تهران; دانشگاه صنعتی شریف; پژوهشگاه دانش‌های بنیادی",
        domains="ut.ac.ir; sharif.edu; ipm.ir",
        weight=2,
    ),
    CountryNames(
        "TH", "Thailand", "Thai", "th", "+66", GIVEN_FIRST,
        male="สมชาย=Somchai; สมศักดิ์=Somsak; ประเสริฐ=Prasert; วิชัย=Wichai; ธนากร=Thanakorn; "
             "อนุชา=Anucha",
        female="สมหญิง=Somying; มาลี=Malee; ศิริพร=Siriporn; กัญญา=Kanya; พิมพ์ชนก=Phimchanok; "
               "วรรณา=Wanna",
        surnames="ใจดี=Jaidee; สุขสวัสดิ์=Suksawat; ศรีสุข=Srisuk; วงศ์สวัสดิ์=Wongsawat; "
                 "แก้วมณี=Kaewmanee; ทองดี=Thongdee; บุญมา=Boonma",
        organisations="จุฬาลงกรณ์มหาวิทยาลัย; มหาวิทยาลัยมหิดล; "
                      "สำนักงานพัฒนาวิทยาศาสตร์และเทคโนโลยีแห่งชาติ",
        domains="chula.ac.th; mahidol.ac.th; nstda.or.th",
        weight=4,
    ),
    CountryNames(
        "IN", "India", "Devanagari", "hi", "+91", GIVEN_FIRST,
        male="राहुल=Rahul; अमित=Amit; विजय=Vijay; संजय=Sanjay; अर्जुन=Arjun; रोहित=Rohit; "
             "आनंद=Anand",
        female="प्रिया=Priya; अनीता=Anita; सुनीता=Sunita; पूजा=Pooja; नेहा=Neha; दीपिका=Deepika; "
               "कविता=Kavita",
        surnames="शर्मा=Sharma; वर्मा=Verma; गुप्ता=Gupta; सिंह=Singh; कुमार=Kumar; "
                 "अग्रवाल=Agarwal; मिश्रा=Mishra; जोशी=Joshi",
        organisations="भारतीय विज्ञान संस्थान; भारतीय प्रौद्योगिकी संस्थान दिल्ली; "
                      "भारतीय अंतरिक्ष अनुसंधान संगठन; टाटा मूलभूत अनुसंधान संस्थान",
        domains="iisc.ac.in; iitd.ac.in; isro.gov.in; tifr.res.in",
        weight=7,
    ),
    CountryNames(
        "NP", "Nepal", "Devanagari", "ne", "+977", GIVEN_FIRST,
        male="राम=Ram; हरि=Hari; सुरेश=Suresh; बिकास=Bikash; प्रकाश=Prakash",
        female="सीता=Sita; गीता=Gita; सरिता=Sarita; अनु=Anu; रीता=Rita",
        surnames="श्रेष्ठ=Shrestha; थापा=Thapa; गुरुङ=Gurung; अधिकारी=Adhikari; पौडेल=Paudel",
        organisations="त्रिभुवन विश्वविद्यालय; काठमाडौं विश्वविद्यालय",
        domains="tu.edu.np; ku.edu.np",
    ),
    CountryNames(
        "IL", "Israel", "Hebrew", "he", "+972", GIVEN_FIRST,
        male="דוד=David; יוסף=Yosef; משה=Moshe; אברהם=Avraham; נועם=Noam; איתי=Itai",
        female="שרה=Sarah; רחל=Rachel; מיכל=Michal; נועה=Noa; תמר=Tamar; יעל=Yael",
        surnames="כהן=Cohen; לוי=Levi; מזרחי=Mizrahi; פרץ=Peretz; ביטון=Biton; אברהם=Avraham; "
                 "פרידמן=Friedman",
        organisations="מכון ויצמן למדע; הטכניון - מכון טכנולוגי לישראל; "
                      "האוניברסיטה העברית בירושלים",
        domains="weizmann.ac.il; technion.ac.il; huji.ac.il",
        weight=3,
    ),
    CountryNames(
        "VN", "Vietnam", "Latin", "vi", "+84", SURNAME_FIRST,
        male="Văn An=Van An; Minh Tuấn=Minh Tuan; Đức Anh=Duc Anh; Quang Huy=Quang Huy; "
             "Hoàng Nam=Hoang Nam; Thành Long=Thanh Long",
        female="Thị Lan=Thi Lan; Thu Hà=Thu Ha; Ngọc Ánh=Ngoc Anh; Phương Linh=Phuong Linh; "
               "Thanh Hương=Thanh Huong; Mai Anh=Mai Anh",
        surnames="Nguyễn=Nguyen; Trần=Tran; Lê=Le; Phạm=Pham; Hoàng=Hoang; Huỳnh=Huynh; "
                 "Võ=Vo; Đặng=Dang; Bùi=Bui; Đỗ=Do",
        organisations="Đại học Quốc gia Hà Nội; Viện Hàn lâm Khoa học và Công nghệ Việt Nam; "
                      "Đại học Bách khoa Hà Nội; +Tập đoàn Viettel",
        domains="vnu.edu.vn; vast.vn; hust.edu.vn; viettel.com.vn",
        weight=5,
    ),
    CountryNames(
        "PL", "Poland", "Latin", "pl", "+48", GIVEN_FIRST,
        male="Łukasz=Lukasz; Piotr; Krzysztof; Paweł=Pawel; Michał=Michal; Tomasz; Wojciech; "
             "Grzegorz",
        female="Anna; Małgorzata=Malgorzata; Agnieszka; Katarzyna; Ewa; Magdalena; Żaneta=Zaneta",
        surnames="Nowak; Kowalski/Kowalska; Wiśniewski/Wiśniewska=Wisniewski/Wisniewska; "
                 "Wójcik=Wojcik; Kamiński/Kamińska=Kaminski/Kaminska; Lewandowski/Lewandowska; "
                 "Zieliński/Zielińska=Zielinski/Zielinska; "
                 "Szymański/Szymańska=Szymanski/Szymanska; "
                 "Woźniak=Wozniak; Dąbrowski/Dąbrowska=Dabrowski/Dabrowska",
        organisations="Uniwersytet Warszawski; Politechnika Warszawska; Uniwersytet Jagielloński; "
                      "Polska Akademia Nauk",
        domains="uw.edu.pl; pw.edu.pl; uj.edu.pl; pan.pl",
        weight=4,
    ),
    CountryNames(
        "TR", "Turkey", "Latin", "tr", "+90", GIVEN_FIRST,
        male="Mehmet; Mustafa; Ahmet; Çağrı=Cagri; Oğuz=Oguz; Emre; Barış=Baris; Serkan",
        female="Ayşe=Ayse; Fatma; Zeynep; Elif; Gülşen=Gulsen; Şule=Sule; Özlem=Ozlem",
        surnames="Yılmaz=Yilmaz; Kaya; Demir; Şahin=Sahin; Çelik=Celik; Öztürk=Ozturk; "
                 "Aydın=Aydin; Arslan; Doğan=Dogan; Yıldız=Yildiz",
        organisations="Orta Doğu Teknik Üniversitesi; Boğaziçi Üniversitesi; TÜBİTAK; "
                      "İstanbul Teknik Üniversitesi",
        domains="metu.edu.tr; boun.edu.tr; tubitak.gov.tr; itu.edu.tr",
        weight=4,
    ),
    CountryNames(
        "DE", "Germany", "Latin", "de", "+49", GIVEN_FIRST,
        male="Jürgen=Juergen; Jörg=Joerg; Thomas; Michael; Andreas; Stefan; Matthias; Lukas; "
             "Jan; Günter=Guenter",
        female="Ursula; Sabine; Katrin; Jutta; Anja; Claudia; Lena; Hannah; Sophie",
        surnames="Müller=Mueller; Schmidt; Schneider; Fischer; Weber; Meyer; Wagner; Becker; "
                 "Schäfer=Schaefer; Koch; Krüger=Krueger; Weiß=Weiss; Groß=Gross; "
                 "Schröder=Schroeder",
        organisations="Max-Planck-Gesellschaft; Technische Universität München; "
                      "Ruprecht-Karls-Universität Heidelberg; Fraunhofer-Gesellschaft; "
                      "+Siemens AG; +Carl Zeiss AG",
        domains="mpg.de; tum.de; uni-heidelberg.de; fraunhofer.de; siemens.com; zeiss.com",
        weight=12,
    ),
    CountryNames(
        "AT", "Austria", "Latin", "de", "+43", GIVEN_FIRST,
        male="Florian; Maximilian; Johannes; Georg; Tobias",
        female="Theresa; Magdalena; Johanna; Veronika; Elisabeth",
        surnames="Gruber; Huber; Bauer; Wagner; Pichler; Steiner; Mayr; Hofer; Strauß=Strauss",
        organisations="Universität Wien; Technische Universität Wien; Österreichische Akademie der "
                      "Wissenschaften",
        domains="univie.ac.at; tuwien.ac.at; oeaw.ac.at",
        weight=2,
    ),
    CountryNames(
        "CH", "Switzerland", "Latin", "de", "+41", GIVEN_FIRST,
        male="Beat; Urs; Reto; Lukas; Marco; Rémy=Remy",
        female="Regula; Corinne; Nicole; Seraina; Céline=Celine",
        surnames="Müller=Mueller; Meier; Schmid; Keller; Weber; Huber; Brunner; Zürcher=Zuercher",
        organisations="ETH Zürich; École polytechnique fédérale de Lausanne; CERN; Universität "
                      "Basel; +Roche",
        domains="ethz.ch; epfl.ch; cern.ch; unibas.ch; roche.com",
        weight=4,
    ),
    CountryNames(
        "FR", "France", "Latin", "fr", "+33", GIVEN_FIRST,
        male="François=Francois; Jérôme=Jerome; Stéphane=Stephane; Sébastien=Sebastien; "
             "Nicolas; Julien; Pierre; Loïc=Loic; Benoît=Benoit",
        female="Amélie=Amelie; Hélène=Helene; Céline=Celine; Élodie=Elodie; Camille; Sophie; "
               "Chloé=Chloe; Maëlle=Maelle",
        surnames="Martin; Bernard; Dubois; Thomas; Robert; Richard; Petit; Durand; "
                 "Lefèvre=Lefevre; "
                 "Mercier; Girard; Leroy; Lefèbvre=Lefebvre; Béranger=Beranger",
        organisations="Centre national de la recherche scientifique; Sorbonne Université; "
                      "Université Paris-Saclay; Institut Pasteur; École normale supérieure; "
                      "Commissariat à l'énergie atomique",
        domains="cnrs.fr; sorbonne-universite.fr; universite-paris-saclay.fr; pasteur.fr; "
                "ens.psl.eu; cea.fr",
        weight=10,
    ),
    CountryNames(
        "BE", "Belgium", "Latin", "fr", "+32", GIVEN_FIRST,
        male="Pieter; Wouter; Thibault; Jérémie=Jeremie; Koen",
        female="Annelies; Lotte; Aurélie=Aurelie; Sofie; Inès=Ines",
        surnames="Peeters; Janssens; Maes; Jacobs; Mertens; Willems; Dupont; Lambert",
        organisations="KU Leuven; Université libre de Bruxelles; imec; Universiteit Gent",
        domains="kuleuven.be; ulb.be; imec.be; ugent.be",
        weight=2,
    ),
    CountryNames(
        "ES", "Spain", "Latin", "es", "+34", GIVEN_FIRST,
        male="José=Jose; Íñigo=Inigo; Jesús=Jesus; Álvaro=Alvaro; Javier; Sergio; Raúl=Raul; "
             "Andrés=Andres",
        female="María=Maria; Lucía=Lucia; Begoña=Begona; Inés=Ines; Marta; Elena; Nuria; "
               "Sofía=Sofia",
        surnames="García=Garcia; Fernández=Fernandez; González=Gonzalez; Rodríguez=Rodriguez; "
                 "López=Lopez; Martínez=Martinez; Sánchez=Sanchez; Pérez=Perez; Muñoz=Munoz; "
                 "Jiménez=Jimenez; Ibáñez=Ibanez",
        organisations="Consejo Superior de Investigaciones Científicas; Universidad Complutense de "
                      "Madrid; Universitat de Barcelona; Barcelona Supercomputing Center",
        domains="csic.es; ucm.es; ub.edu; bsc.es",
        weight=6,
    ),
    CountryNames(
        "MX", "Mexico", "Latin", "es", "+52", GIVEN_FIRST,
        male="Alejandro; Luis Ángel=Luis Angel; Jesús=Jesus; Ramón=Ramon; Héctor=Hector",
        female="Guadalupe; Ximena; Mónica=Monica; Verónica=Veronica; Daniela",
        surnames="Hernández=Hernandez; García=Garcia; Martínez=Martinez; López=Lopez; "
                 "González=Gonzalez; Ramírez=Ramirez; Cruz; Ortíz=Ortiz",
        organisations="Universidad Nacional Autónoma de México; Instituto Politécnico Nacional; "
                      "CINVESTAV",
        domains="unam.mx; ipn.mx; cinvestav.mx",
        weight=3,
    ),
    CountryNames(
        "AR", "Argentina", "Latin", "es", "+54", GIVEN_FIRST,
        male="Martín=Martin; Nicolás=Nicolas; Sebastián=Sebastian; Joaquín=Joaquin; Facundo",
        female="Florencia; Agustina; Valentina; Micaela; Julieta",
        surnames="González=Gonzalez; Rodríguez=Rodriguez; Gómez=Gomez; Fernández=Fernandez; "
                 "Díaz=Diaz; Álvarez=Alvarez; Romero; Sosa",
        organisations="Universidad de Buenos Aires; CONICET; Instituto Balseiro",
        domains="uba.ar; conicet.gov.ar; ib.edu.ar",
        weight=2,
    ),
    CountryNames(
        "PT", "Portugal", "Latin", "pt", "+351", GIVEN_FIRST,
        male="João=Joao; José=Jose; António=Antonio; Gonçalo=Goncalo; Tiago; Rui; Simão=Simao",
        female="Inês=Ines; Beatriz; Mariana; Conceição=Conceicao; Leonor; Joana",
        surnames="Silva; Santos; Ferreira; Pereira; Oliveira; Gonçalves=Goncalves; "
                 "Magalhães=Magalhaes; "
                 "Conceição=Conceicao; Simões=Simoes",
        organisations="Universidade de Lisboa; Universidade do Porto; Instituto Superior Técnico; "
                      "Fundação Champalimaud",
        domains="ulisboa.pt; up.pt; tecnico.ulisboa.pt; fchampalimaud.org",
        weight=3,
    ),
    CountryNames(
        "BR", "Brazil", "Latin", "pt", "+55", GIVEN_FIRST,
        male="João Pedro=Joao Pedro; Luís=Luis; Lucas; Matheus; Guilherme; Rafael; Caio",
        female="Ana Júlia=Ana Julia; Letícia=Leticia; Beatriz; Larissa; Camila; Gabriela",
        surnames="da Silva; dos Santos; Oliveira; Souza; Rodrigues; Alves; Araújo=Araujo; "
                 "Gonçalves=Goncalves; Guimarães=Guimaraes",
        organisations="Universidade de São Paulo; Universidade Estadual de Campinas; Fiocruz; "
                      "Embrapa",
        domains="usp.br; unicamp.br; fiocruz.br; embrapa.br",
        weight=5,
    ),
    CountryNames(
        "CZ", "Czechia", "Latin", "cs", "+420", GIVEN_FIRST,
        male="Jiří=Jiri; Jan; Petr; Tomáš=Tomas; Lukáš=Lukas; Ondřej=Ondrej; Vojtěch=Vojtech",
        female="Jana; Lenka; Kateřina=Katerina; Tereza; Zuzana; Markéta=Marketa",
        surnames="Novák/Nováková=Novak/Novakova; Svoboda/Svobodová=Svoboda/Svobodova; "
                 "Novotný/Novotná=Novotny/Novotna; Dvořák/Dvořáková=Dvorak/Dvorakova; "
                 "Černý/Černá=Cerny/Cerna; Procházka/Procházková=Prochazka/Prochazkova; "
                 "Kučera/Kučerová=Kucera/Kucerova; Veselý/Veselá=Vesely/Vesela",
        organisations="Univerzita Karlova; České vysoké učení technické v Praze; Akademie věd "
                      "České republiky",
        domains="cuni.cz; cvut.cz; avcr.cz",
        weight=3,
    ),
    CountryNames(
        "SK", "Slovakia", "Latin", "sk", "+421", GIVEN_FIRST,
        male="Martin; Peter; Ľubomír=Lubomir; Matúš=Matus; Juraj",
        female="Mária=Maria; Zuzana; Ľudmila=Ludmila; Veronika; Simona",
        surnames="Horváth/Horváthová=Horvath/Horvathova; Kováč/Kováčová=Kovac/Kovacova; "
                 "Varga/Vargová=Varga/Vargova; Tóth/Tóthová=Toth/Tothova; "
                 "Baláž/Balážová=Balaz/Balazova",
        organisations="Univerzita Komenského v Bratislave; Slovenská akadémia vied",
        domains="uniba.sk; sav.sk",
    ),
    CountryNames(
        "HU", "Hungary", "Latin", "hu", "+36", SURNAME_FIRST,
        male="László=Laszlo; István=Istvan; Gábor=Gabor; Zoltán=Zoltan; Péter=Peter; Bálint=Balint",
        female="Zsófia=Zsofia; Katalin; Erzsébet=Erzsebet; Éva=Eva; Réka=Reka; Anikó=Aniko",
        surnames="Nagy; Kovács=Kovacs; Tóth=Toth; Szabó=Szabo; Horváth=Horvath; Varga; Kiss; "
                 "Molnár=Molnar; Németh=Nemeth; Farkas",
        organisations="Eötvös Loránd Tudományegyetem; Budapesti Műszaki és Gazdaságtudományi "
                      "Egyetem; HUN-REN Wigner Fizikai Kutatóközpont",
        domains="elte.hu; bme.hu; wigner.hu",
        weight=2,
    ),
    CountryNames(
        "SE", "Sweden", "Latin", "sv", "+46", GIVEN_FIRST,
        male="Björn=Bjoern; Lars; Anders; Göran=Goeran; Olof; Erik; Måns=Maans",
        female="Åsa=Aasa; Ingrid; Karin; Märta=Maerta; Linnéa=Linnea; Sofia; Elin",
        surnames="Andersson; Johansson; Karlsson; Nilsson; Eriksson; Larsson; "
                 "Lindström=Lindstroem; "
                 "Åberg=Aaberg; Sjögren=Sjoegren; Bergström=Bergstroem",
        organisations="Karolinska Institutet; Kungliga Tekniska högskolan; Lunds universitet; "
                      "Uppsala universitet",
        domains="ki.se; kth.se; lu.se; uu.se",
        weight=3,
    ),
    CountryNames(
        "NO", "Norway", "Latin", "nb", "+47", GIVEN_FIRST,
        male="Øyvind=Oeyvind; Bjørn=Bjoern; Håkon=Haakon; Ole; Knut; Sindre",
        female="Ingrid; Solveig; Kari; Tone; Siri; Åse=Aase",
        surnames="Hansen; Johansen; Olsen; Larsen; Andersen; Pedersen; Nilsen; Sørensen=Soerensen; "
                 "Bråthen=Braathen; Løken=Loeken",
        organisations="Universitetet i Oslo; Norges teknisk-naturvitenskapelige universitet; "
                      "SINTEF; +Equinor",
        domains="uio.no; ntnu.no; sintef.no; equinor.com",
        weight=2,
    ),
    CountryNames(
        "DK", "Denmark", "Latin", "da", "+45", GIVEN_FIRST,
        male="Søren=Soeren; Jens; Mikkel; Rasmus; Anders; Jørgen=Joergen",
        female="Mette; Louise; Sofie; Ida; Birgitte; Kirsten",
        surnames="Nielsen; Jensen; Hansen; Pedersen; Andersen; Christensen; Møller=Moeller; "
                 "Kjær=Kjaer; Sørensen=Soerensen",
        organisations="Københavns Universitet; Danmarks Tekniske Universitet; "
                      "Niels Bohr Institutet; +Novo Nordisk",
        domains="ku.dk; dtu.dk; nbi.ku.dk; novonordisk.com",
        weight=2,
    ),
    CountryNames(
        "FI", "Finland", "Latin", "fi", "+358", GIVEN_FIRST,
        male="Jukka; Mikko; Juha; Matti; Väinö=Vaino; Antti; Pekka",
        female="Päivi=Paivi; Sari; Minna; Tiina; Aino; Hanna; Katja",
        surnames="Korhonen; Virtanen; Mäkinen=Makinen; Nieminen; Mäkelä=Makela; "
                 "Hämäläinen=Hamalainen; "
                 "Laine; Heikkinen; Järvinen=Jarvinen",
        organisations="Helsingin yliopisto; Aalto-yliopisto; VTT; +Nokia Oyj",
        domains="helsinki.fi; aalto.fi; vtt.fi; nokia.com",
        weight=2,
    ),
    CountryNames(
        "IS", "Iceland", "Latin", "is", "+354", GIVEN_FIRST,
        male="Guðmundur=Gudmundur; Sigurður=Sigurdur; Jón=Jon; Ólafur=Olafur; Þórður=Thordur",
        female="Guðrún=Gudrun; Sigríður=Sigridur; Kristín=Kristin; Anna; Þóra=Thora",
        surnames="Jónsson/Jónsdóttir=Jonsson/Jonsdottir; "
                 "Sigurðsson/Sigurðardóttir=Sigurdsson/Sigurdardottir; "
                 "Guðmundsson/Guðmundsdóttir=Gudmundsson/Gudmundsdottir; "
                 "Einarsson/Einarsdóttir=Einarsson/Einarsdottir; "
                 "Magnússon/Magnúsdóttir=Magnusson/Magnusdottir",
        organisations="Háskóli Íslands; Háskólinn í Reykjavík",
        domains="hi.is; ru.is",
    ),
    CountryNames(
        "RO", "Romania", "Latin", "ro", "+40", GIVEN_FIRST,
        male="Andrei; Ștefan=Stefan; Mihai; Răzvan=Razvan; Bogdan; Ionuț=Ionut",
        female="Ioana; Andreea; Mădălina=Madalina; Elena; Cristina; Alexandra",
        surnames="Popescu; Ionescu; Popa; Constantinescu; Stănescu=Stanescu; Dumitrescu; "
                 "Munteanu; Lungu; Țurcanu=Turcanu",
        organisations="Universitatea din București; Universitatea Politehnica din București; "
                      "Institutul de Fizică Atomică",
        domains="unibuc.ro; upb.ro; ifa-mg.ro",
        weight=2,
    ),
    CountryNames(
        "HR", "Croatia", "Latin", "hr", "+385", GIVEN_FIRST,
        male="Ivan; Luka; Josip; Matej; Krešimir=Kresimir",
        female="Ana; Petra; Ivana; Marija; Dubravka",
        surnames="Horvat; Kovačević=Kovacevic; Babić=Babic; Marić=Maric; Jurić=Juric; "
                 "Novak; Božić=Bozic; Knežević=Knezevic",
        organisations="Sveučilište u Zagrebu; Institut Ruđer Bošković",
        domains="unizg.hr; irb.hr",
    ),
    CountryNames(
        "IT", "Italy", "Latin", "it", "+39", GIVEN_FIRST,
        male="Marco; Giuseppe; Francesco; Alessandro; Niccolò=Niccolo; Luca; Andrea; Giovanni",
        female="Giulia; Francesca; Chiara; Federica; Elisa; Martina; Alessandra",
        surnames="Rossi; Russo; Ferrari; Esposito; Bianchi; Romano; Colombo; Ricci; Marino; "
                 "Greco; Bruno; Gallo",
        organisations="Consiglio Nazionale delle Ricerche; Politecnico di Milano; Sapienza "
                      "Università di Roma; Istituto Nazionale di Fisica Nucleare",
        domains="cnr.it; polimi.it; uniroma1.it; infn.it",
        weight=7,
    ),
    CountryNames(
        "NL", "Netherlands", "Latin", "nl", "+31", GIVEN_FIRST,
        male="Daan; Sem; Bram; Thijs; Joris; Ruud",
        female="Anouk; Femke; Sanne; Lotte; Marloes; Eva",
        surnames="de Jong; Jansen; de Vries; van den Berg; van Dijk; Bakker; Visser; Smit; "
                 "Meijer; de Boer",
        organisations="Technische Universiteit Delft; Universiteit van Amsterdam; Universiteit "
                      "Leiden; +ASML; +Philips",
        domains="tudelft.nl; uva.nl; leidenuniv.nl; asml.com; philips.com",
        weight=4,
    ),
    CountryNames(
        "GB", "United Kingdom", "Latin", "en", "+44", GIVEN_FIRST,
        male="James; Oliver; Thomas; William; Harry; George; Daniel; Matthew",
        female="Emily; Charlotte; Sophie; Olivia; Hannah; Lucy; Eleanor",
        surnames="Smith; Jones; Williams; Taylor; Brown; Davies; Evans; Wilson; Thomas; Roberts; "
                 "Johnson; Wright",
        organisations="University of Cambridge; University of Oxford; Imperial College London; "
                      "University College London; The Francis Crick Institute",
        domains="cam.ac.uk; ox.ac.uk; imperial.ac.uk; ucl.ac.uk; crick.ac.uk",
        weight=12,
    ),
    CountryNames(
        "US", "United States", "Latin", "en", "+1", GIVEN_FIRST,
        male="Michael; David; John; Robert; Christopher; Kevin; Brian; Jason; Eric",
        female="Jennifer; Sarah; Jessica; Emily; Elizabeth; Rachel; Laura; Megan",
        surnames="Smith; Johnson; Williams; Brown; Miller; Davis; Wilson; Anderson; Taylor; "
                 "Moore; Jackson; Harris; Clark",
        organisations="Massachusetts Institute of Technology; Stanford University; California "
                      "Institute of Technology; Harvard University; Lawrence Berkeley National "
                      "Laboratory; +Intel Corporation",
        domains="mit.edu; stanford.edu; caltech.edu; harvard.edu; lbl.gov; intel.com",
        weight=16,
    ),
    CountryNames(
        "CA", "Canada", "Latin", "en", "+1", GIVEN_FIRST,
        male="Liam; Noah; Étienne=Etienne; Mathieu; Ryan",
        female="Émilie=Emilie; Geneviève=Genevieve; Madison; Chloe; Avery",
        surnames="Tremblay; Gagnon; Roy; Côté=Cote; Bouchard; MacDonald; Campbell; Wilson",
        organisations="University of Toronto; McGill University; University of British Columbia; "
                      "Perimeter Institute",
        domains="utoronto.ca; mcgill.ca; ubc.ca; perimeterinstitute.ca",
        weight=5,
    ),
    CountryNames(
        "AU", "Australia", "Latin", "en", "+61", GIVEN_FIRST,
        male="Jack; Cooper; Lachlan; Mitchell; Hamish",
        female="Chloe; Isla; Matilda; Zoe; Georgia",
        surnames="Smith; Jones; Williams; Brown; Kelly; Murphy; Ryan; O'Brien=OBrien",
        organisations="University of Melbourne; Australian National University; CSIRO; "
                      "University of Sydney",
        domains="unimelb.edu.au; anu.edu.au; csiro.au; sydney.edu.au",
        weight=5,
    ),
    CountryNames(
        "SG", "Singapore", "Latin", "en", "+65", SURNAME_FIRST,
        male="Wei Ming; Jun Jie; Kok Leong; Zhi Hao",
        female="Hui Min; Li Ting; Pei Shan; Xin Yi",
        surnames="Tan; Lim; Lee; Ng; Ong; Wong; Goh; Chua",
        organisations="National University of Singapore; Nanyang Technological University; "
                      "A*STAR",
        domains="nus.edu.sg; ntu.edu.sg; a-star.edu.sg",
        weight=4,
    ),
    CountryNames(
        "ID", "Indonesia", "Latin", "id", "+62", GIVEN_FIRST,
        male="Budi; Agus; Dwi; Rizky; Bambang",
        female="Siti; Dewi; Putri; Ayu; Rina",
        surnames="Santoso; Wijaya; Hidayat; Saputra; Kusuma; Nugroho; Pratama",
        organisations="Institut Teknologi Bandung; Universitas Indonesia; Badan Riset dan Inovasi "
                      "Nasional",
        domains="itb.ac.id; ui.ac.id; brin.go.id",
        weight=3,
    ),
    CountryNames(
        "MY", "Malaysia", "Latin", "ms", "+60", GIVEN_FIRST,
        male="Ahmad Faiz; Muhammad Hafiz; Azlan; Syed Amir",
        female="Nurul Ain; Siti Aisyah; Farah; Aminah",
        surnames="bin Abdullah/binti Abdullah; bin Ismail/binti Ismail; bin Hassan/binti Hassan; "
                 "bin Rahman/binti Rahman",
        organisations="Universiti Malaya; Universiti Kebangsaan Malaysia; Universiti Teknologi "
                      "Malaysia",
        domains="um.edu.my; ukm.edu.my; utm.my",
        weight=2,
    ),
    CountryNames(
        "ZA", "South Africa", "Latin", "en", "+27", GIVEN_FIRST,
        male="Thabo; Sipho; Pieter; Johan; Mandla",
        female="Nomvula; Thandiwe; Lerato; Annelie; Zanele",
        surnames="Nkosi; Dlamini; Ndlovu; van der Merwe; Botha; Mokoena; Naidoo",
        organisations="University of Cape Town; University of the Witwatersrand; South African "
                      "Radio Astronomy Observatory",
        domains="uct.ac.za; wits.ac.za; sarao.ac.za",
        weight=2,
    ),
    CountryNames(
        "KE", "Kenya", "Latin", "sw", "+254", GIVEN_FIRST,
        male="Baraka; Juma; Brian; Kevin; Dennis",
        female="Achieng; Wanjiku; Njeri; Faith; Mercy",
        surnames="Otieno; Kamau; Mwangi; Odhiambo; Kariuki; Mutua; Njoroge; Omondi",
        organisations="University of Nairobi; Kenya Medical Research Institute",
        domains="uonbi.ac.ke; kemri.go.ke",
    ),
    CountryNames(
        "NG", "Nigeria", "Latin", "en", "+234", GIVEN_FIRST,
        male="Chinedu; Olusegun; Emeka; Tunde; Ibrahim",
        female="Ngozi; Adaeze; Funmilayo; Aisha; Chiamaka",
        surnames="Okafor; Adeyemi; Okonkwo; Balogun; Eze; Abubakar; Nwosu",
        organisations="University of Lagos; University of Ibadan; Ahmadu Bello University",
        domains="unilag.edu.ng; ui.edu.ng; abu.edu.ng",
    ),
)

# Chinese names: common surnames roughly by frequency (weights are per mille of the population,
# rounded), with the compound surnames a forum of this size always has a few of.
CHINESE_SURNAMES = (
    "王72 李72 张68 刘54 陈46 杨32 黄24 赵22 吴21 周19 徐15 孙15 马13 朱13 胡12 郭12 何10 高10 "
    "林10 罗9 郑9 梁9 谢7 宋7 唐7 许7 韩6 冯6 邓6 曹6 彭6 曾6 肖5 田5 董5 袁5 潘5 于5 蒋5 蔡5 "
    "余5 杜5 叶4 程4 苏4 魏4 吕4 丁4 任4 沈4 姚4 卢4 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 "
    "贾3 夏3 韦3 付3 方3 白3 邹3 孟3 熊3 秦3 邱3 江3 尹3 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 "
    "贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 严2 覃1 武2 戴2 莫1 孔1 向1 汤1 单1 翟1 查1 仇1 区1 解1 "
    "乐1 盖1 缪1 "
    "欧阳1 司马1 上官1 诸葛1 东方1 皇甫1 尉迟1 公孙1 慕容1 令狐1 司徒1 夏侯1 长孙1 宇文1 端木1"
)

# Surnames whose reading differs from the character's everyday reading (pypinyin would give that).
SURNAME_READINGS = {
    "单": "Shan", "曾": "Zeng", "解": "Xie", "仇": "Qiu", "区": "Ou", "查": "Zha", "朴": "Piao",
    "乐": "Yue", "覃": "Qin", "盖": "Ge", "缪": "Miao", "翟": "Zhai", "吕": "Lyu", "尉迟": "Yuchi",
    "长孙": "Zhangsun", "万俟": "Moqi", "秘": "Bi", "种": "Chong",
}

CHINESE_GIVEN_MALE = (
    "伟 强 磊 军 勇 杰 涛 明 超 斌 鹏 辉 华 俊 峰 浩 宇 轩 博 文 志 建 国 家 海 东 晨 天 梓 "
    "睿 泽 宏 刚 凯 龙 鑫 昊 然 诚 毅 振 翔 彬 健 林 嘉 航 远 哲"
)
CHINESE_GIVEN_FEMALE = (
    "芳 娜 敏 静 丽 艳 秀 玲 婷 雪 慧 颖 琳 欣 怡 佳 悦 梦 雨 涵 萱 晶 倩 璐 瑶 诗 思 月 红 霞 "
    "丹 萍 洁 蕾 薇 琪 妍 婧 楠 媛"
)
CHINESE_GIVEN_EITHER = "一 子 安 心 晓 君 文 清 宁 永 春 立 新 之 如"

CITIES = (
    "北京 上海 深圳 杭州 苏州 南京 武汉 成都 西安 合肥 广州 天津 重庆 青岛 厦门 长沙 无锡 宁波 "
    "东莞 珠海 大连 济南 郑州 沈阳 常州"
)
COMPANY_CORES = (
    "华信 中科 智源 云帆 天工 博睿 星河 鼎盛 恒瑞 海川 蓝海 金石 锐思 联创 九州 光启 新元 启明 "
    "泰和 长风 德润 卓越 华睿 汇智 凌云 远景 瀚海 清源 睿思 天衡 格致 拓普 思创 中芯 聚能 微纳 "
    "量旋 极光 北辰 和光"
)
COMPANY_FIELDS = (
    "科技 生物科技 光电 半导体 新材料 智能装备 信息技术 医疗器械 航天科技 环保科技 新能源 软件 "
    "精密仪器 机器人 量子科技 数据科技 通信技术 化学 基因科技 激光技术 仪器仪表 人工智能"
)
COMPANY_SUFFIXES = (("有限公司", 6), ("股份有限公司", 3), ("有限责任公司", 1), ("集团有限公司", 1))
# Pinyin of the company cores, for the companies' e-mail domains.
COMPANY_CORE_LATIN = {
    "华信": "huaxin", "中科": "zhongke", "智源": "zhiyuan", "云帆": "yunfan", "天工": "tiangong",
    "博睿": "borui", "星河": "xinghe", "鼎盛": "dingsheng", "恒瑞": "hengrui", "海川": "haichuan",
    "蓝海": "lanhai", "金石": "jinshi", "锐思": "ruisi", "联创": "lianchuang", "九州": "jiuzhou",
    "光启": "guangqi", "新元": "xinyuan", "启明": "qiming", "泰和": "taihe", "长风": "changfeng",
    "德润": "derun", "卓越": "zhuoyue", "华睿": "huarui", "汇智": "huizhi", "凌云": "lingyun",
    "远景": "yuanjing", "瀚海": "hanhai", "清源": "qingyuan", "睿思": "ruisi", "天衡": "tianheng",
    "格致": "gezhi", "拓普": "tuopu", "思创": "sichuang", "中芯": "zhongxin", "聚能": "juneng",
    "微纳": "weina", "量旋": "liangxuan", "极光": "jiguang", "北辰": "beichen", "和光": "heguang",
}
CITY_LATIN = {
    "北京": "bj", "上海": "sh", "深圳": "sz", "杭州": "hz", "苏州": "suzhou", "南京": "nj",
    "武汉": "wh", "成都": "cd", "西安": "xa", "合肥": "hf", "广州": "gz", "天津": "tj",
    "重庆": "cq", "青岛": "qd", "厦门": "xm", "长沙": "cs", "无锡": "wx", "宁波": "nb",
    "东莞": "dg", "珠海": "zh", "大连": "dl", "济南": "jn", "郑州": "zz", "沈阳": "sy",
    "常州": "cz",
}

# Universities and institutes with their mail domains.
CHINESE_ACADEMIA = (
    ("清华大学", "tsinghua.edu.cn"), ("北京大学", "pku.edu.cn"), ("浙江大学", "zju.edu.cn"),
    ("复旦大学", "fudan.edu.cn"), ("上海交通大学", "sjtu.edu.cn"),
    ("中国科学技术大学", "ustc.edu.cn"), ("南京大学", "nju.edu.cn"), ("武汉大学", "whu.edu.cn"),
    ("中山大学", "sysu.edu.cn"), ("哈尔滨工业大学", "hit.edu.cn"), ("西安交通大学", "xjtu.edu.cn"),
    ("北京航空航天大学", "buaa.edu.cn"), ("同济大学", "tongji.edu.cn"),
    ("南开大学", "nankai.edu.cn"),
    ("四川大学", "scu.edu.cn"), ("华中科技大学", "hust.edu.cn"), ("厦门大学", "xmu.edu.cn"),
    ("北京理工大学", "bit.edu.cn"), ("天津大学", "tju.edu.cn"), ("东南大学", "seu.edu.cn"),
    ("中国科学院大学", "ucas.ac.cn"), ("南方科技大学", "sustech.edu.cn"),
    ("中国科学院物理研究所", "iphy.ac.cn"), ("中国科学院化学研究所", "iccas.ac.cn"),
    ("中国科学院计算技术研究所", "ict.ac.cn"), ("中国科学院自动化研究所", "ia.ac.cn"),
    ("中国科学院半导体研究所", "semi.ac.cn"), ("中国科学院高能物理研究所", "ihep.ac.cn"),
    ("中国科学院生物物理研究所", "ibp.ac.cn"), ("中国科学院大连化学物理研究所", "dicp.ac.cn"),
    ("中国科学院上海光学精密机械研究所", "siom.ac.cn"),
    ("中国科学院数学与系统科学研究院", "amss.ac.cn"),
    ("中国科学院遗传与发育生物学研究所", "genetics.ac.cn"), ("中国科学院微电子研究所", "ime.ac.cn"),
    ("中国科学院空天信息创新研究院", "aircas.ac.cn"), ("北京智源人工智能研究院", "baai.ac.cn"),
    ("之江实验室", "zhejianglab.com"), ("鹏城实验室", "pcl.ac.cn"),
    ("中国航天科技集团有限公司", "spacechina.com"), ("中国电子科技集团有限公司", "cetc.com.cn"),
)

CHINESE_MEDIA = (
    ("新华社", "news.cn"), ("人民日报", "people.cn"), ("中央广播电视总台", "cctv.com"),
    ("科技日报", "stdaily.com"), ("中国日报", "chinadaily.com.cn"), ("光明日报", "gmw.cn"),
    ("中国科学报", "sciencenet.cn"), ("财新传媒", "caixin.com"), ("澎湃新闻", "thepaper.cn"),
    ("第一财经", "yicai.com"), ("北京日报", "bjd.com.cn"), ("中国新闻社", "chinanews.com.cn"),
)
ORGANISER = ("北京国际科学论坛组委会", "bisf.org.cn")
SERVICE_COMPANY = ("北京会展服务有限公司", "bjexpo-service.com.cn")

FOREIGN_MEDIA = (
    ("Nature", "nature.com"), ("Science", "aaas.org"), ("Reuters", "thomsonreuters.com"),
    ("Associated Press", "ap.org"), ("BBC", "bbc.co.uk"), ("Le Monde", "lemonde.fr"),
    ("Der Spiegel", "spiegel.de"), ("NHK", "nhk.or.jp"), ("연합뉴스", "yna.co.kr"),
    ("ТАСС", "tass.ru"), ("Al Jazeera", "aljazeera.net"), ("El País", "elpais.es"),
    ("New Scientist", "newscientist.com"), ("The Economist", "economist.com"),
)

# Job titles by category and by whether the guest works in research (academic) or business.
CHINESE_TITLES = {
    "academic": "教授 副教授 研究员 副研究员 助理研究员 博士后 博士研究生 讲师 高级工程师 "
                "实验室主任 副院长",
    "business": "总经理 技术总监 产品经理 研发经理 高级工程师 工程师 投资经理 项目经理 "
                "首席技术官 副总裁 战略总监",
    "vip-academic": "院士 校长 副校长 所长 院长",
    "vip-business": "董事长 总裁 首席执行官 创始人",
    "speaker-academic": "教授 研究员 首席科学家 院长 长江学者特聘教授 实验室主任",
    "speaker-business": "首席科学家 首席技术官 研究院院长 副总裁",
    "exhibitor": "销售经理 市场总监 技术支持工程师 展台经理 区域经理 产品经理 应用工程师 商务总监",
    "media": "记者 编辑 摄影记者 主编 特约撰稿人 新媒体编辑",
    "staff": "志愿者 会务经理 技术支持 注册台工作人员 接待 安保主管 同声传译",
}
FOREIGN_TITLES = {
    "academic": "Professor; Associate Professor; Assistant Professor; Research Scientist; "
                "Postdoctoral Researcher; PhD Candidate; Senior Lecturer; Group Leader",
    "business": "Senior Engineer; Program Manager; Chief Technology Officer; Head of R&D; "
                "Principal Engineer; Director of Research",
    "vip-academic": "President; Rector; Vice-Chancellor; Director General; Academician",
    "vip-business": "Chief Executive Officer; Chairman of the Board; Executive Vice President",
    "speaker-academic": "Professor; Principal Investigator; Distinguished Professor; "
                        "Head of Department; Research Director",
    "speaker-business": "Chief Scientist; Chief Technology Officer; Vice President of Research",
    "exhibitor": "Sales Manager; Business Development Manager; Application Engineer; "
                 "Regional Director Asia-Pacific",
    "media": "Correspondent; Science Editor; Photographer; Journalist",
    "staff": "Interpreter; Liaison Officer",
}
