"""Search per keystroke at 100,000 guests, and how fast guests are (re)indexed.

Ours: ``kiosk.search.search_guests`` (prefix ranges over the indexed search keys, ranked, 20 hits,
with each hit's checked-in state) for every keystroke of realistic typing: a Chinese name
character by character, its pinyin run together and with a space, its initials, Latin surnames
with and without accents, company words, e-mail parts.
Peer: the search a desk would otherwise get: ``LIKE '%q%'`` over name, company and e-mail in the
same database (SQLite's LIKE is case-insensitive for ASCII), 20 rows ordered by name. It cannot
find pinyin, initials or unaccented spellings; the notes give how often each found the guest
that was being typed.
Reindex: ``reindex_guests`` over every guest (what an import of the whole list pays), guests/s.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin
from sqlalchemy import insert, select

from bench.harness import Row, median, percentile
from kiosk import events
from kiosk.db import DATABASE_FILE, Database
from kiosk.models import Guest
from kiosk.search import reindex_guests, search_guests

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦"
            "邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志晓东海燕雪梅子涵浩然宇轩"
         "欣怡博文嘉俊思雨晨阳佳琪一鸣天佑若曦梓萱家豪诗婷雅琳凯瑞鹏飞振宇立新红玉春")
COMPOUND = ["欧阳", "司马", "诸葛", "上官"]
CITIES = ["北京", "上海", "深圳", "广州", "杭州", "南京", "武汉", "成都", "西安", "天津",
          "苏州", "重庆"]
TRADES = ["华为", "腾讯", "中兴", "联想", "科技", "能源", "电子", "医药", "材料", "信息",
          "智能", "生物", "航天", "汽车", "环境", "金融"]
KINDS = ["有限公司", "研究院", "大学", "集团", "研究所", "银行", "协会"]
FOREIGN = [  # (name in own script, romanised) by family
    ("Jürgen Müller", None), ("François Lefèvre", None), ("José García", None),
    ("Søren Nørgaard", None), ("Łukasz Kowalski", None), ("Émilie Dubois", None),
    ("Zoë O'Brien", None), ("Hans Straße", None), ("Mikko Virtanen", None),
    ("Ольга Иванова", "Olga Ivanova"), ("Дмитрий Петров", "Dmitry Petrov"),
    ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"), ("Νίκος Αλεξίου", "Nikos Alexiou"),
    ("محمد حسن", "Mohamed Hassan"), ("أحمد العلي", "Ahmed Al-Ali"),
    ("김민준", "Kim Min-jun"), ("이서연", "Lee Seo-yeon"), ("田中浩", "Tanaka Hiroshi"),
    ("さとう ゆき", "Sato Yuki"), ("สมชาย ใจดี", "Somchai Jaidee"), ("प्रिया शर्मा", "Priya Sharma"),
]
FOREIGN_COMPANIES = ["Siemens AG", "Université de Lyon", "Samsung Electronics", "Nokia",
                     "Max-Planck-Gesellschaft", "Tata Consultancy Services", "Airbus",
                     "Gazprom Neft", "Toyota Motor", "Embrapa"]
CATEGORIES = ["guest"] * 12 + ["vip", "speaker", "exhibitor", "exhibitor", "media", "staff"]


@dataclass
class Person:
    name: str
    name_latin: str | None
    company: str
    email: str


def make_people(count: int, seed: int = 1) -> list[Person]:
    """Nine in ten Chinese (surname + one or two given characters, a few compound surnames),
    the rest from 20 countries in their own scripts; a few thousand companies."""
    rng = random.Random(seed)
    chinese_companies = [f"{rng.choice(CITIES)}{rng.choice(TRADES)}{rng.choice(TRADES)}"
                         f"{rng.choice(KINDS)}" for _ in range(3000)]
    people = []
    latin: str | None
    for index in range(count):
        if rng.random() < 0.9:
            surname = rng.choice(COMPOUND) if rng.random() < 0.01 else rng.choice(SURNAMES)
            name = surname + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
            syllables = lazy_pinyin(name)
            latin = f"{syllables[0].title()} {''.join(syllables[1:]).title()}"
            company = rng.choice(chinese_companies)
            email = f"{''.join(syllables[1:])}.{syllables[0]}{index}@example.cn"
        else:
            name, latin = rng.choice(FOREIGN)
            company = rng.choice(FOREIGN_COMPANIES)
            email = f"guest{index}@example.org"
        people.append(Person(name, latin, company, email))
    return people


def _store(database: Database, people: list[Person]) -> list[int]:
    with database.session() as session:
        event = events.create_event(session, "Bench forum", dt.date(2026, 12, 7),
                                    dt.date(2026, 12, 11), "Asia/Shanghai", with_keys=False)
        rows = [
            {"uid": f"bench-{i}", "event_id": event.id, "number": i + 1, "name": p.name,
             "name_latin": p.name_latin, "company": p.company, "email": p.email,
             "category": CATEGORIES[i % len(CATEGORIES)], "credential_serial": 0,
             "is_cancelled": False, "source": "import",
             "created_at": dt.datetime.now(dt.UTC), "updated_at": dt.datetime.now(dt.UTC)}
            for i, p in enumerate(people)
        ]
        session.execute(insert(Guest), rows)
        event.next_guest_number = len(people) + 1
    with database.session() as session:
        return list(session.scalars(select(Guest.id).order_by(Guest.id)))


def keystrokes(people: list[Person], samples: int, seed: int = 2) -> list[tuple[str, int]]:
    """(text typed so far, index of the person meant) for each keystroke of realistic typing."""
    rng = random.Random(seed)
    typed: list[tuple[str, int]] = []
    for _ in range(samples):
        index = rng.randrange(len(people))
        person = people[index]
        if person.name_latin and not person.name.isascii() and person.name[0] >= "\u4e00":
            syllables = lazy_pinyin(person.name)
            choices = [
                person.name,  # 张, 张伟
                "".join(syllables),  # z, zh, ... zhangwei
                " ".join([syllables[0], "".join(syllables[1:])]),  # zhang wei
                "".join(s[0] for s in syllables),  # zw
                person.company[:4],  # 北京, 北京华为
                person.email.split("@")[0],
            ]
        else:
            latin = person.name_latin or person.name
            choices = [
                latin.split()[-1],  # surname, as written in Latin letters
                person.name.split()[-1],  # surname in its own script (Müller, Иванова)
                person.company.split()[0],
                latin,
            ]
        text = rng.choice(choices)
        typed += [(text[:n], index) for n in range(1, len(text) + 1) if text[n - 1] != " "]
    return typed


def _timed_ours(database: Database, event_id: int, queries: list[tuple[str, int]],
                ids: list[int]) -> tuple[list[float], int]:
    samples = []
    found = 0
    with database.session() as session:
        search_guests(session, event_id, "warm up", 20)
        for query, index in queries:
            start = time.perf_counter()
            hits = search_guests(session, event_id, query, 20)
            samples.append((time.perf_counter() - start) * 1000.0)
            found += any(h.id == ids[index] for h in hits)
    return samples, found


def _timed_peer(path: Path, event_id: int, queries: list[tuple[str, int]],
                ids: list[int]) -> tuple[list[float], int]:
    connection = sqlite3.connect(path)
    samples = []
    found = 0
    sql = ("SELECT id, number, name, name_latin, company, email, category FROM guests "
           "WHERE event_id = ? AND (name LIKE ? OR company LIKE ? OR email LIKE ?) "
           "ORDER BY name LIMIT 20")
    for query, index in queries:
        pattern = f"%{query}%"
        start = time.perf_counter()
        rows = connection.execute(sql, (event_id, pattern, pattern, pattern)).fetchall()
        samples.append((time.perf_counter() - start) * 1000.0)
        found += any(row[0] == ids[index] for row in rows)
    connection.close()
    return samples, found


def run(quick: bool) -> list[Row]:
    count = 10_000 if quick else 100_000
    samples = 40 if quick else 300
    folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        database = Database.open(folder)
        people = make_people(count)
        ids = _store(database, people)
        start = time.perf_counter()
        with database.session() as session:
            reindex_guests(session, ids)
        reindex_s = time.perf_counter() - start
        with database.session() as session:
            event_id = events.current_event(session).id
        queries = keystrokes(people, samples)
        ours, ours_found = _timed_ours(database, event_id, queries, ids)
        database.close()
        peer, peer_found = _timed_peer(folder / DATABASE_FILE, event_id, queries, ids)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    size = f"{count:,} guests, {len(queries)} keystrokes"
    return [
        Row("search", f"search per keystroke ({size})", "ms", median(ours),
            "LIKE '%q%' on name/company/e-mail", median(peer), goal="p95 < 10 ms",
            extra={"p95": percentile(ours, 0.95), "peer_p95": percentile(peer, 0.95),
                   "max": max(ours), "found": ours_found / len(queries),
                   "peer_found": peer_found / len(queries)},
            notes=f"p95 {percentile(ours, 0.95):.2f} ms (peer {percentile(peer, 0.95):.2f} ms); "
                  f"guest being typed in the 20 shown: ours {ours_found / len(queries):.0%}, "
                  f"peer {peer_found / len(queries):.0%}"),
        Row("search", f"reindex all search keys ({count:,} guests)", "guests/s",
            count / reindex_s, statistic="one run",
            notes=f"{reindex_s:.2f} s in total"),
    ]
