"""The built-in demo event: a five-day international science forum in Beijing.

``build_demo`` makes the event (with its signing keys, as the current event), its checkpoints and
by default about 5,000 guests: mostly Chinese guests with pinyin romanisations, and about 8%
foreign guests from 50 countries whose names are in their own scripts (kiosk.demo_names holds the
hand-written lists). Everything a person reads comes from ``random.Random(seed)`` only, so the
same seed gives the same guests, names, numbers, companies and passes; only the uids and the
event's keys are fresh each time, as they must be unique across devices.

Guests are inserted in bulk (100,000 in a few seconds, the size the benchmarks use).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import random
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from pypinyin import lazy_pinyin
from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from kiosk import demo_names as data
from kiosk import events
from kiosk.checkpoints import RuleChange, define_checkpoint, describe_rules
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.errors import UsageError
from kiosk.models import (
    Checkpoint,
    Event,
    Guest,
    GuestSearchTerm,
    time_ordered_uids,
    utc_now,
)
from kiosk.search import reindex_guests

log = logging.getLogger("kiosk.demo")

DEFAULT_GUESTS = 5_000
DEFAULT_SEED = 2026
MAX_GUESTS = 200_000

EVENT_NAME = "Beijing International Science Forum 2026"
EVENT_NAME_LOCAL = "2026北京国际科学论坛"
VENUE = "China National Convention Center, Beijing (国家会议中心)"
TIMEZONE = "Asia/Shanghai"
FIRST_DAY = dt.date(2026, 12, 7)
DAYS = 5
HOME_COUNTRY = "CN"

FOREIGN_SHARE = 0.08  # about 400 of 5,000
EXHIBITING_COMPANIES = 540
CANCELLED_SHARE = 0.006
EXTERNAL_CODE_SHARE = 0.04  # of the Guest category: registered through a partner's ticketing system

# Shares of each category among Chinese and among foreign guests (foreign guests are more
# often speakers and never the organiser's staff).
HOME_CATEGORIES: tuple[tuple[Category, float], ...] = (
    (Category.GUEST, 0.695), (Category.EXHIBITOR, 0.13), (Category.SPEAKER, 0.04),
    (Category.VIP, 0.025), (Category.MEDIA, 0.04), (Category.STAFF, 0.07),
)
FOREIGN_CATEGORIES: tuple[tuple[Category, float], ...] = (
    (Category.GUEST, 0.55), (Category.EXHIBITOR, 0.09), (Category.SPEAKER, 0.22),
    (Category.VIP, 0.06), (Category.MEDIA, 0.08), (Category.STAFF, 0.0),
)
# Share of each category holding a pass for only some days.
PARTIAL_PASS_SHARE = {
    Category.GUEST: 0.2, Category.EXHIBITOR: 0.05, Category.SPEAKER: 0.45, Category.VIP: 0.4,
    Category.MEDIA: 0.3, Category.STAFF: 0.0,
}

# name, Chinese name, rules (kiosk.checkpoints.RuleChange)
CHECKPOINTS: tuple[tuple[str, str, RuleChange], ...] = (
    ("Main entrance", "主入口", RuleChange(policy="single", direction="in")),
    ("Exhibition hall", "展厅", RuleChange(policy="reentry", direction="in")),
    ("VIP lounge", "贵宾室",
     RuleChange(policy="reentry", direction="in", categories="vip,speaker")),
    ("Press room", "新闻中心",
     RuleChange(policy="reentry", direction="in", categories="media,staff")),
    ("Exit", "出口", RuleChange(policy="reentry", direction="out")),
)


# ---------------------------------------------------------------------------------------------
# The hand-written lists, parsed once


@dataclass(frozen=True, slots=True)
class Part:
    """One name part in its own script and romanised; female forms where the language has them."""

    native: str
    latin: str
    native_female: str
    latin_female: str


def _parse_parts(text: str) -> tuple[Part, ...]:
    parts = []
    for entry in text.split(";"):
        entry = " ".join(entry.split())
        if not entry:
            continue
        native, _, latin = entry.partition("=")
        latin = latin or native
        native_m, _, native_f = native.partition("/")
        latin_m, _, latin_f = latin.partition("/")
        parts.append(Part(native_m, latin_m, native_f or native_m, latin_f or latin_m))
    return tuple(parts)


_MALE = tuple(data.CHINESE_GIVEN_MALE.split())
_FEMALE = tuple(data.CHINESE_GIVEN_FEMALE.split())
_EITHER = tuple(data.CHINESE_GIVEN_EITHER.split())
_CITIES = tuple(data.CITIES.split())
_CORES = tuple(data.COMPANY_CORES.split())
_FIELDS = tuple(data.COMPANY_FIELDS.split())


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(" ".join(item.split()) for item in text.split(";") if item.strip())


@dataclass(frozen=True, slots=True)
class _Org:
    name: str
    domain: str | None  # None: one of the country's domains
    is_academic: bool


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    script: str
    language: str
    calling_code: str
    order: str
    male: tuple[Part, ...]
    female: tuple[Part, ...]
    surnames: tuple[Part, ...]
    organisations: tuple[_Org, ...]
    domains: tuple[str, ...]
    weight: int


@cache
def countries() -> tuple[Country, ...]:
    """The foreign countries of the demo with their parsed name lists."""
    return tuple(
        Country(
            code=c.code, name=c.name, script=c.script, language=c.language,
            calling_code=c.calling_code, order=c.order, male=_parse_parts(c.male),
            female=_parse_parts(c.female), surnames=_parse_parts(c.surnames),
            organisations=tuple(
                _Org(name.lstrip("+"), None, not name.startswith("+"))
                for name in _split_list(c.organisations)
            ),
            domains=_split_list(c.domains),
            weight=c.weight,
        )
        for c in data.FOREIGN
    )


@cache
def _chinese_surnames() -> tuple[tuple[str, ...], tuple[int, ...]]:
    names, weights = [], []
    for item in data.CHINESE_SURNAMES.split():
        surname = item.rstrip("0123456789")
        names.append(surname)
        weights.append(int(item[len(surname):]))
    return tuple(names), tuple(weights)


@cache
def surname_latin(surname: str) -> str:
    """A Chinese surname in pinyin, with the surname readings of characters that have several."""
    reading = data.SURNAME_READINGS.get(surname)
    if reading is None:
        reading = _join_pinyin(lazy_pinyin(surname))
    return reading[:1].upper() + reading[1:]


@cache
def given_latin(given: str) -> str:
    """A Chinese given name in pinyin written as one word: 晓明 -> Xiaoming, 子安 -> Zi'an."""
    reading = _join_pinyin(lazy_pinyin(given))
    return reading[:1].upper() + reading[1:]


def _join_pinyin(syllables: Sequence[str]) -> str:
    text = ""
    for syllable in syllables:
        syllable = syllable.replace("v", "yu") if syllable in ("lv", "nv") else syllable
        syllable = syllable.replace("v", "u")
        if text and syllable[:1] in ("a", "o", "e"):
            text += "'"
        text += syllable
    return text


# ---------------------------------------------------------------------------------------------
# Scripts, for the summary and the tests

_SCRIPT_PREFIXES = {
    "CJK": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana", "HANGUL": "Hangul",
    "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "THAI": "Thai",
    "DEVANAGARI": "Devanagari", "HEBREW": "Hebrew", "LATIN": "Latin",
}
ACCENTED_LATIN = "Latin with accents"


def name_scripts(text: str) -> set[str]:
    """The writing systems of a name's letters (Unicode script names; accented Latin apart)."""
    found: set[str] = set()
    for char in text:
        if not char.isalpha():
            continue
        prefix = unicodedata.name(char, "?").split(" ")[0]
        script = _SCRIPT_PREFIXES.get(prefix, prefix.title())
        if script == "Latin" and not char.isascii():
            script = ACCENTED_LATIN
        found.add(script)
    if ACCENTED_LATIN in found:
        found.discard("Latin")
    return found


# ---------------------------------------------------------------------------------------------
# Building

_EMAIL_JUNK = re.compile(r"[^a-z0-9.]+")
_MOBILE_PREFIXES = (130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 156, 158,
                    159, 177, 180, 181, 182, 185, 186, 187, 188, 189, 199)


@dataclass
class _Builder:
    """Makes the guests' details; every random choice comes from ``rng``, in a fixed order."""

    rng: random.Random
    days: list[dt.date]
    used_emails: set[str] = field(default_factory=set)
    used_codes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.surnames, surname_weights = _chinese_surnames()
        self.surname_cumulative = tuple(itertools.accumulate(surname_weights))
        self.companies = self._companies(EXHIBITING_COMPANIES)
        self.academia = [_Org(name, domain, True) for name, domain in data.CHINESE_ACADEMIA]
        self.foreign = countries()
        self.country_cumulative = tuple(itertools.accumulate(c.weight for c in self.foreign))

    # Organisations -----------------------------------------------------------------------

    def _companies(self, count: int) -> list[_Org]:
        """Distinct company names made of a city, a core name, a field and a legal form."""
        rng = self.rng
        found: list[_Org] = []
        seen: set[tuple[str, str]] = set()
        suffixes = [s for s, _ in data.COMPANY_SUFFIXES]
        suffix_cumulative = list(itertools.accumulate(w for _, w in data.COMPANY_SUFFIXES))
        while len(found) < count:
            city, core, trade = rng.choice(_CITIES), rng.choice(_CORES), rng.choice(_FIELDS)
            if (city, core) in seen:  # one company per core name and city
                continue
            seen.add((city, core))
            suffix = rng.choices(suffixes, cum_weights=suffix_cumulative)[0]
            domain = f"{data.COMPANY_CORE_LATIN[core]}-{data.CITY_LATIN[city]}.com.cn"
            found.append(_Org(f"{city}{core}{trade}{suffix}", domain, False))
        return found

    # People ------------------------------------------------------------------------------

    def chinese_name(self) -> tuple[str, str, str, str]:
        """(name, romanised, surname in pinyin, given name in pinyin)."""
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.surname_cumulative)[0]
        pool = _FEMALE if rng.random() < 0.45 else _MALE
        if rng.random() < 0.3:
            given = rng.choice(pool)
        else:
            first = rng.choice(_EITHER) if rng.random() < 0.25 else rng.choice(pool)
            second = rng.choice(pool)
            if second == first:
                second = rng.choice(pool)
            given = first + second
        surname_l, given_l = surname_latin(surname), given_latin(given)
        return surname + given, f"{surname_l} {given_l}", surname_l, given_l

    def foreign_name(self, country: Country) -> tuple[str, str, str, str]:
        """(name, romanised, given name romanised, surname romanised)."""
        rng = self.rng
        is_female = rng.random() < 0.42
        given = rng.choice(country.female if is_female else country.male)
        family = rng.choice(country.surnames)
        surname = family.native_female if is_female else family.native
        surname_l = family.latin_female if is_female else family.latin
        if country.order == data.GIVEN_FIRST:
            return f"{given.native} {surname}", f"{given.latin} {surname_l}", given.latin, surname_l
        if country.order == data.SURNAME_FIRST_JOINED:
            return f"{surname}{given.native}", f"{surname_l} {given.latin}", given.latin, surname_l
        return f"{surname} {given.native}", f"{surname_l} {given.latin}", given.latin, surname_l

    def email(self, local: str, domain: str) -> str:
        """A unique address: a number is added when the same name works at the same place."""
        local = _EMAIL_JUNK.sub("", local.lower()).strip(".") or "guest"
        address, extra = f"{local}@{domain}", 1
        while address in self.used_emails:
            extra += 1
            address = f"{local}{extra}@{domain}"
        self.used_emails.add(address)
        return address

    def chinese_phone(self) -> str:
        rng = self.rng
        return (f"+86 {rng.choice(_MOBILE_PREFIXES)} {rng.randrange(10_000):04d} "
                f"{rng.randrange(10_000):04d}")

    def foreign_phone(self, country: Country) -> str:
        rng = self.rng
        return (f"{country.calling_code} {rng.randrange(100, 1000)} {rng.randrange(1000):03d} "
                f"{rng.randrange(10_000):04d}")

    def pass_days(self, category: Category) -> list[str] | None:
        """None (every day) for most; one day or two consecutive days for the rest."""
        rng = self.rng
        if rng.random() >= PARTIAL_PASS_SHARE[category]:
            return None
        if category is Category.VIP:  # the opening and closing days draw the dignitaries
            weights = [5, 1, 1, 1, 2][: len(self.days)]
        else:
            weights = [1] * len(self.days)
        start = rng.choices(range(len(self.days)), weights)[0]
        length = 2 if rng.random() < 0.3 and start + 1 < len(self.days) else 1
        return [d.isoformat() for d in self.days[start:start + length]]

    def external_code(self) -> str:
        """An EAN-13 with a valid check digit, as printed by the partner's ticketing system."""
        while True:
            body = f"69{self.rng.randrange(10**10):010d}"
            total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
            code = body + str((10 - total % 10) % 10)
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    # Guests ------------------------------------------------------------------------------

    def categories(self, count: int, shares: tuple[tuple[Category, float], ...]) -> list[Category]:
        """Exactly the shares (largest remainders), in a shuffled order."""
        exact = [(category, share * count) for category, share in shares]
        counts = {category: int(value) for category, value in exact}
        rest = count - sum(counts.values())
        by_remainder = sorted(exact, key=lambda item: item[1] - int(item[1]), reverse=True)
        for category, _share in by_remainder[:rest]:
            counts[category] += 1
        chosen = [category for category, n in counts.items() for _ in range(n)]
        self.rng.shuffle(chosen)
        return chosen

    def countries_for(self, count: int) -> list[Country]:
        """Every country once while there are enough foreign guests, the rest by weight."""
        base = list(self.foreign) if count >= len(self.foreign) else []
        more = self.rng.choices(self.foreign, cum_weights=self.country_cumulative,
                                k=count - len(base))
        chosen = base + more
        self.rng.shuffle(chosen)
        return chosen

    def home_guest(self, category: Category, exhibitor_index: int) -> dict[str, Any]:
        rng = self.rng
        name, latin, surname_l, given_l = self.chinese_name()
        kind = category.value
        if category is Category.EXHIBITOR:
            org = self.companies[exhibitor_index % len(self.companies)]
        elif category is Category.MEDIA:
            org = _Org(*rng.choice(data.CHINESE_MEDIA), False)
        elif category is Category.STAFF:
            org = _Org(*(data.ORGANISER if rng.random() < 0.6 else data.SERVICE_COMPANY), False)
        else:
            org = rng.choice(self.academia) if rng.random() < 0.55 else rng.choice(self.companies)
            kind = _title_kind(category, org.is_academic)
        local = rng.choice((f"{given_l}.{surname_l}", f"{surname_l}{given_l}",
                            f"{surname_l}.{given_l[:1]}"))
        return {
            "name": name, "name_latin": latin, "company": org.name, "country": HOME_COUNTRY,
            "email": self.email(local, org.domain or "163.com"), "phone": self.chinese_phone(),
            "title": rng.choice(_CHINESE_TITLES[kind]), "language": "zh",
        }

    def foreign_guest(self, category: Category, country: Country) -> dict[str, Any]:
        rng = self.rng
        name, latin, given_l, surname_l = self.foreign_name(country)
        kind = category.value
        if category is Category.MEDIA:
            company, domain = rng.choice(data.FOREIGN_MEDIA)
        else:
            org = rng.choice(country.organisations)
            company, domain = org.name, rng.choice(country.domains)
            if category is not Category.EXHIBITOR:
                kind = _title_kind(category, org.is_academic)
        return {
            "name": name, "name_latin": latin if latin != name else None, "company": company,
            "country": country.code,
            "email": self.email(f"{given_l}.{surname_l}".replace(" ", ""), domain),
            "phone": self.foreign_phone(country),
            "title": rng.choice(_FOREIGN_TITLES[kind]), "language": country.language,
        }


def _title_kind(category: Category, is_academic: bool) -> str:
    """Which title list fits a guest, VIP or speaker of a university or of a company."""
    side = "academic" if is_academic else "business"
    return side if category is Category.GUEST else f"{category.value}-{side}"


_CHINESE_TITLES = {kind: tuple(titles.split()) for kind, titles in data.CHINESE_TITLES.items()}
_FOREIGN_TITLES = {kind: _split_list(titles) for kind, titles in data.FOREIGN_TITLES.items()}


def _day_list(first_day: dt.date) -> list[dt.date]:
    return [first_day + dt.timedelta(days=i) for i in range(DAYS)]


def build_demo(
    session: Session, guests: int = DEFAULT_GUESTS, seed: int = DEFAULT_SEED, *,
    first_day: dt.date = FIRST_DAY,
) -> Event:
    """Create the demo event as the current event, with its checkpoints and guests."""
    if not 0 <= guests <= MAX_GUESTS:
        raise UsageError(f"the demo holds 0 to {MAX_GUESTS:,} guests, not {guests:,}")
    started = time.perf_counter()
    rng = random.Random(seed)
    day_list = _day_list(first_day)
    event = events.create_event(
        session, EVENT_NAME, day_list[0], day_list[-1], TIMEZONE, name_local=EVENT_NAME_LOCAL,
        venue=VENUE,
    )
    for name, name_local, rules in CHECKPOINTS:
        change = RuleChange(
            name_local=name_local, categories=rules.categories, days=rules.days,
            policy=rules.policy, direction=rules.direction, hours=rules.hours,
        )
        define_checkpoint(session, event, name, change, create=True)

    builder = _Builder(rng, day_list)
    foreign_count = round(guests * FOREIGN_SHARE)
    people: list[tuple[Category, Country | None]] = [
        (category, None)
        for category in builder.categories(guests - foreign_count, HOME_CATEGORIES)
    ]
    people += zip(
        builder.categories(foreign_count, FOREIGN_CATEGORIES),
        builder.countries_for(foreign_count), strict=True,
    )
    rng.shuffle(people)

    first_number = events.allocate_guest_numbers(session, event, guests)
    rows: list[dict[str, Any]] = []
    exhibitors = 0
    for category, country in people:
        if country is None:
            values = builder.home_guest(category, exhibitors)
            exhibitors += category is Category.EXHIBITOR
        else:
            values = builder.foreign_guest(category, country)
        values["category"] = category.value
        values["days"] = builder.pass_days(category)
        values["external_code"] = (
            builder.external_code()
            if category is Category.GUEST and rng.random() < EXTERNAL_CODE_SHARE else None
        )
        values["is_cancelled"] = category is not Category.STAFF and rng.random() < CANCELLED_SHARE
        rows.append(values)
    _insert_guests(session, event, first_number, rows)
    guest_ids = list(session.scalars(select(Guest.id).where(Guest.event_id == event.id)))
    built = time.perf_counter()
    reindex_guests(session, guest_ids)
    log.info("demo event built: %d guests, seed %d, in %.2f s (search index %.2f s)", guests, seed,
             time.perf_counter() - started, time.perf_counter() - built)
    return event


_GUEST_COLUMNS = (
    "name", "name_latin", "company", "country", "email", "phone", "title", "language", "category",
    "external_code",
)


def _insert_guests(
    session: Session, event: Event, first_number: int, rows: list[dict[str, Any]]
) -> None:
    """One driver-level executemany of plain tuples (an ORM or Core insert spends more on
    per-row parameter processing than on the insert at 100,000 rows). Typed values (times,
    flags, the days list) go through their column type's own bind processor."""
    connection = session.connection()
    dialect = connection.dialect
    table = cast(Table, Guest.__table__)

    def bound(column: str, value: Any) -> Any:
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return process(value) if process is not None else value

    now = utc_now()
    days_process = table.c["days"].type.dialect_impl(dialect).bind_processor(dialect)
    cancelled, active = bound("is_cancelled", True), bound("is_cancelled", False)
    constants = (event.id, 0, "import", None, bound("created_at", now), bound("updated_at", now))
    columns = ("uid", "number", *_GUEST_COLUMNS, "days", "is_cancelled", "event_id",
               "credential_serial", "source", "note", "created_at", "updated_at")
    tuples = []
    uids = time_ordered_uids(len(rows))  # as an import gives them (kiosk.importer)
    for offset, row in enumerate(rows):
        days = row["days"]
        if days is not None and days_process is not None:
            days = days_process(days)  # None stays SQL NULL (every day), not JSON null
        tuples.append((
            uids[offset], first_number + offset, *(row[c] for c in _GUEST_COLUMNS), days,
            cancelled if row["is_cancelled"] else active, *constants,
        ))
    if dialect.paramstyle == "qmark":
        markers = ", ".join("?" * len(columns))
        parameters: list[Any] = tuples
    else:  # named placeholders for other drivers
        markers = ", ".join(f"%({c})s" if dialect.paramstyle == "pyformat" else f":{c}"
                            for c in columns)
        parameters = [dict(zip(columns, values, strict=True)) for values in tuples]
    statement = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({markers})"
    for start in range(0, len(parameters), 20_000):
        connection.exec_driver_sql(statement, parameters[start:start + 20_000])


# ---------------------------------------------------------------------------------------------
# Replacing, first start and the summary


def remove_events(session: Session) -> list[str]:
    """Delete every event stored here with its guests, checkpoints and scans; their names."""
    stored = list(session.execute(select(Event.id, Event.name)))
    if stored:
        ids = [event_id for event_id, _ in stored]
        # Search keys have no foreign key to cascade along (kiosk.models.GuestSearchTerm).
        session.execute(delete(GuestSearchTerm).where(GuestSearchTerm.event_id.in_(ids)))
        session.execute(delete(Event).where(Event.id.in_(ids)))
        session.expire_all()
    return [name for _, name in stored]


def ensure_demo(database: Database) -> Event:
    """The current event, building the demo first when this database holds no event yet."""
    with database.session() as session:
        if session.scalar(select(Event.id).limit(1)) is not None:
            return events.current_event(session)
        return build_demo(session)


def summary(session: Session, event: Event) -> dict[str, Any]:
    """Guests per category, foreign guests, countries, scripts and checkpoints of an event."""
    by_category = dict(
        session.execute(
            select(Guest.category, func.count()).where(Guest.event_id == event.id)
            .group_by(Guest.category)
        ).all()
    )
    by_country = dict(
        session.execute(
            select(Guest.country, func.count()).where(Guest.event_id == event.id)
            .group_by(Guest.country)
        ).all()
    )
    scripts: Counter[str] = Counter()
    for name in session.scalars(select(Guest.name).where(Guest.event_id == event.id)):
        scripts.update(name_scripts(name))
    cancelled = session.scalar(
        select(func.count()).where(Guest.event_id == event.id, Guest.is_cancelled.is_(True))
    )
    partial = session.scalar(
        select(func.count()).where(Guest.event_id == event.id, Guest.days.is_not(None))
    )
    external = session.scalar(
        select(func.count()).where(Guest.event_id == event.id, Guest.external_code.is_not(None))
    )
    checkpoints = session.scalars(
        select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)
    )
    foreign = {code: n for code, n in by_country.items() if code not in (None, HOME_COUNTRY)}
    return {
        "event": event.name, "event_local": event.name_local, "venue": event.venue,
        "timezone": event.timezone, "starts_on": event.starts_on.isoformat(),
        "ends_on": event.ends_on.isoformat(),
        "guests": sum(by_category.values()),
        "categories": {c.value: by_category.get(c.value, 0) for c in Category},
        "foreign_guests": sum(foreign.values()),
        "countries": len(foreign) + (1 if HOME_COUNTRY in by_country else 0),
        "foreign_countries": dict(sorted(foreign.items(), key=lambda item: (-item[1], item[0]))),
        "scripts": dict(scripts.most_common()),
        "cancelled": cancelled or 0,
        "partial_passes": partial or 0,
        "external_codes": external or 0,
        "checkpoints": [describe_rules(c) for c in checkpoints],
    }

