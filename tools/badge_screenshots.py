"""Render sample badges to docs/screenshots/ (PNG of the very PDF that prints), to look at them.

    python tools/badge_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from kiosk.badges.preview import preview_png
from kiosk.badges.render import BadgeData, event_dates, render_badges
from kiosk.badges.templates import find_template
from kiosk.tokens import generate_keypair, issue

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
EVENT_UID = "3f1c9a52-5d7e-4c1b-9a43-0d2e8b7f6a10"

SAMPLES = {
    "badge-zh": (
        "badge-4x3", "vip", "欧阳娜娜", "Ouyang Nana", "中国科学院计算技术研究所", "China", "zh",
    ),
    "badge-ar": ("badge-4x3", "speaker", "عبد الرحمن بن محمد آل سعود", "Abdulrahman bin Mohammed",
                 "جامعة الملك عبد الله للعلوم والتقنية", "Saudi Arabia", "ar"),
    "badge-mixed": ("a6", "exhibitor", "李娜 Li Na محمد", None, "Ali & 张伟 Trading GmbH",
                    "Germany", None),
    "badge-hi-cr80": ("cr80", "media", "श्रीनिवास रामानुजन", "Srinivasa Ramanujan",
                      "भारतीय विज्ञान संस्थान", "India", "hi"),
    "badge-th-label": ("label-62mm", "guest", "สมชาย ใจดี", "Somchai Jaidee",
                       "จุฬาลงกรณ์มหาวิทยาลัย", "Thailand", "th"),
    "badge-long-latin": ("badge-4x3", "staff",
                         "Maria Magdalena Anastasia von Hohenzollern-Sigmaringen", None,
                         "Société Générale de Surveillance", "Switzerland", "de"),
}
SHEET = [
    ("山田 直樹", "Yamada Naoki", "株式会社ソニーグループ", "Japan", "ja", "speaker"),
    ("김민준", "Kim Min-jun", "삼성전자 주식회사", "Korea", "ko", "exhibitor"),
    ("Анна Сергеевна Каренина", "Anna Karenina", "Роскосмос", "Russia", "ru", "media"),
    ("Ιωάννης Παπαδόπουλος", "Ioannis Papadopoulos", "Πανεπιστήμιο Αθηνών", "Greece", "el",
     "guest"),
    ("שרה לוי", "Sarah Levi", "אוניברסיטת תל אביב", "Israel", "he", "vip"),
    ("Zoë Ångström-Łukasiewicz", None, "Nguyễn & Partners", "Poland", "pl", "staff"),
    ("张伟", "Zhang Wei", "北京大学", "China", "zh", "guest"),
    ("محمد علي", "Mohammed Ali", "أرامكو السعودية 2030", "Saudi Arabia", "ar", "vip"),
]


def _badge(number: int, key: bytes, name: str, latin: str | None, company: str,
           country: str, language: str | None, category: str) -> BadgeData:
    return BadgeData(
        name=name, name_latin=latin, company=company, country=country, title=None,
        category=category, guest_number=number, credential=issue(EVENT_UID, key, number, 0),
        language=language, event_name="Beijing International Science Forum",
        event_name_local="北京国际科学论坛",
        event_dates=event_dates(dt.date(2026, 12, 7), dt.date(2026, 12, 11)),
    )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    key = generate_keypair().signing_key
    for number, (file, (template, category, name, latin, company, country, language)) in \
            enumerate(SAMPLES.items(), 101):
        badge = _badge(number, key, name, latin, company, country, language, category)
        pdf = render_badges(find_template(template), [badge]).pdf
        (OUT / f"{file}.png").write_bytes(preview_png(pdf, dpi=200))
        print(OUT / f"{file}.png")
    sheet = [_badge(n, key, *row) for n, row in enumerate(SHEET, 201)]
    pdf = render_badges(find_template("a4-sheet"), sheet).pdf
    (OUT / "badge-a4-sheet.png").write_bytes(preview_png(pdf, dpi=90))
    print(OUT / "badge-a4-sheet.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
