"""Search keys: what is stored for a guest so that any part of a name, company or e-mail finds it.

Pure functions of a guest's details (no database here), kept apart from kiosk.search so that a
worker process making the keys of a long list (kiosk.key_worker) loads only what it needs. How
keys are stored and searched, and what each kind is for: kiosk.search.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from anyascii import anyascii
from pypinyin import lazy_pinyin

MAX_TERM = 100  # characters of a stored key (longer keys are cut; a query is cut the same way)

class KeyKind(IntEnum):
    """What a stored key is made of; stored as GuestSearchTerm.rank."""

    NAME = 1  # a whole name in one of its forms (own script, romanised, pinyin)
    NAME_PART = 2  # a name from a later word or character on, or its initials
    COMPANY = 3
    EMAIL = 4


# Folding ---------------------------------------------------------------------------------------

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼ`´"), None)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_IS_HAN = re.compile(f"[{_HAN}]")
_ALL_HAN = re.compile(f"[{_HAN}]+")


def _ranges(codepoints: Iterable[int]) -> str:
    """A regex character-class body for a sorted run of code points."""
    parts: list[str] = []
    start = previous = -2
    for cp in codepoints:
        if cp != previous + 1:
            if start >= 0:
                parts.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = cp
        previous = cp
    if start >= 0:
        parts.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
    return "".join(parts)


def _build_tables() -> tuple[re.Pattern[str], dict[int, str]]:
    marks: list[int] = []
    latin: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        char = chr(cp)
        category = unicodedata.category(char)
        if category in ("Mn", "Mc", "Me"):
            marks.append(cp)
        elif category.startswith("L") and (cp < 0x250 or 0x1E00 <= cp < 0x1F00):
            # Latin letters without a decomposition: ł ø đ æ œ þ ı ŋ...
            plain = anyascii(char).lower()
            if plain and plain != char and plain.isalpha():
                latin[cp] = plain
    # A word: Chinese characters, or a run of other letters, digits and combining marks (the
    # vowel signs of Devanagari and Thai are marks, not letters, and must not split a word).
    word = re.compile(f"[{_HAN}]+|(?:[^\\W_{_HAN}]|[{_ranges(marks)}])+")
    return word, latin


_WORD, _LATIN = _build_tables()


def _strip_accents(text: str) -> str:
    """Drop accents of Latin, Greek and Cyrillic letters and Arabic vowel marks; keep the rest."""
    out: list[str] = []
    base = 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn":
            cp = ord(char)
            if base < 0x530 or 0x610 <= cp <= 0x61A or 0x64B <= cp <= 0x65F or cp == 0x670:
                continue
        else:
            base = ord(char)
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text as keys and queries compare it: NFKC, case-folded (ß is ss), no accents, Latin
    letters such as ł ø æ as their ASCII spelling, apostrophes dropped (O'Brien is obrien)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    if folded.isascii() or _ALL_HAN.fullmatch(folded):  # no accents to drop
        return folded
    return _strip_accents(folded).translate(_LATIN)


def words(text: str) -> list[str]:
    """The folded words of a text; Chinese characters form words of their own (张w is 张, w)."""
    return _WORD.findall(fold(text))


# Romanising ------------------------------------------------------------------------------------

# Surnames whose reading as a surname differs from the everyday reading pypinyin gives.
_SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "查": ("zha",), "朴": ("piao",), "盖": ("ge",), "乐": ("yue",), "缪": ("miao",),
    "种": ("chong",), "覃": ("qin",), "黑": ("he",), "员": ("yun",), "隗": ("wei",),
    "召": ("shao",), "秘": ("bi",), "冼": ("xian",), "过": ("guo",), "折": ("she",),
    "长孙": ("zhang", "sun"), "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"), "曾孙": ("zeng", "sun"),
}


@functools.lru_cache(maxsize=65536)
def _pinyin(word: str) -> tuple[str, ...]:
    """Pinyin syllables (no tones) of a word of Chinese characters."""
    return tuple(lazy_pinyin(word))


def _surname_variants(word: str) -> list[tuple[str, ...]]:
    """Pinyin readings of a Chinese name word: the everyday one and, for polyphonic surnames,
    the surname reading."""
    # The surname apart from the given name: given names repeat far more than whole names, so
    # the (slow) phrase lookup of pypinyin is mostly a cache hit; a compound surname (欧阳) reads
    # the same either way.
    everyday = _pinyin(word[:1]) + _pinyin(word[1:]) if len(word) > 1 else _pinyin(word)
    variants = [everyday]
    for length in (2, 1):
        head = word[:length]
        reading = _SURNAME_READINGS.get(head)
        if reading is not None and len(word) > length:
            variant = reading + everyday[length:]
            if variant != everyday:
                variants.append(variant)
            break
    return variants


@functools.lru_cache(maxsize=65536)
def _syllables(word: str) -> tuple[str, ...]:
    """A non-Latin, non-Chinese word in Latin letters, split where anyascii starts a capital
    (Hangul and kana come out as one capitalised syllable per character block)."""
    plain = anyascii(word)
    parts = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", plain)
    return tuple(p.lower() for p in parts)


# Keys of a guest -------------------------------------------------------------------------------

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _cut(term: str) -> str:
    return term[:MAX_TERM]


def _rotations(items: Sequence[str], sep: str) -> list[str]:
    """items joined, starting at each item in turn (the first is the whole)."""
    count = min(len(items), 8)
    return [sep.join([*items[i:], *items[:i]]) for i in range(count)]


_NAME, _PART, _COMPANY, _EMAIL = (int(k) for k in KeyKind)


def _romanised_name_keys(name_words: list[str], keys: set[tuple[int, str]]) -> None:
    """Pinyin / transliteration keys of a name whose words are not all plain Latin."""
    per_word: list[list[tuple[str, ...]]] = []
    for index, word in enumerate(name_words):
        if word.isascii():
            per_word.append([(word,)])
        elif _IS_HAN.match(word):
            per_word.append(_surname_variants(word) if index == 0 else [_pinyin(word)])
        else:
            per_word.append([_syllables(word) or (word,)])
    # One reading per word: all first readings, plus each surname variant of the first word.
    readings = [[choice[0] for choice in per_word]]
    readings += [[variant, *(choice[0] for choice in per_word[1:])] for variant in per_word[0][1:]]
    for reading in readings:
        syllables = [s for word in reading for s in word if s]
        if not syllables:
            continue
        word_forms = ["".join(word) for word in reading if word]
        keys.add((_NAME, _cut("".join(syllables))))
        if len(word_forms) > 1:
            keys.add((_NAME, _cut(" ".join(word_forms))))
            keys.update((_PART, _cut(r)) for r in _rotations(word_forms, " ")[1:])
        keys.update((_PART, _cut(r)) for r in _rotations(syllables, "")[1:])
        if len(syllables) > 1:
            keys.add((_PART, "".join(s[0] for s in syllables)[:MAX_TERM]))


@functools.lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[tuple[int, str]]:
    """Every (KeyKind, key) of one name (cached: names and romanised forms repeat)."""
    folded = fold(name)
    if _ALL_HAN.fullmatch(folded):
        return _han_name_keys(folded)
    return _any_name_keys(name)


def _any_name_keys(name: str) -> frozenset[tuple[int, str]]:
    """_name_keys of any name."""
    keys: set[tuple[int, str]] = set()
    texts = [name]
    spelt = name.casefold().translate(_UMLAUTS)
    if spelt != name.casefold():
        texts.append(spelt)
    for each in texts:
        name_words = words(each)
        if not name_words:
            continue
        rotations = _rotations(name_words, " ")
        keys.add((_NAME, _cut(rotations[0])))
        keys.update((_PART, _cut(r)) for r in rotations[1:])
        for word in name_words:
            if _IS_HAN.match(word):
                keys.update((_PART, word[i:]) for i in range(1, min(len(word), 8)))
        if not all(word.isascii() for word in name_words):
            _romanised_name_keys(name_words, keys)
    return frozenset(keys)


def _han_name_keys(word: str) -> frozenset[tuple[int, str]]:
    """_any_name_keys of a name that folds to one word of Chinese characters (most names at a
    forum in Beijing): the same keys, without the steps that do nothing for such a name."""
    keys = {(_NAME, _cut(word))}
    keys.update((_PART, word[i:]) for i in range(1, min(len(word), 8)))
    for reading in _surname_variants(word):
        syllables = [s for s in reading if s]
        if not syllables:
            continue
        keys.add((_NAME, _cut("".join(syllables))))
        keys.update((_PART, _cut(r)) for r in _rotations(syllables, "")[1:])
        if len(syllables) > 1:
            keys.add((_PART, "".join(s[0] for s in syllables)[:MAX_TERM]))
    return frozenset(keys)


@functools.lru_cache(maxsize=16384)
def _company_keys(company: str) -> frozenset[tuple[int, str]]:
    found: list[str] = []
    company_words = words(company)[:12]
    found += [" ".join(company_words[i:]) for i in range(len(company_words))]
    for word in company_words:
        if _IS_HAN.match(word):
            found += [word[i:] for i in range(1, min(len(word), 16))]
            syllables = _pinyin(word)
            found += ["".join(syllables[i:]) for i in range(min(len(syllables), 12))]
        elif not word.isascii():
            syllables = _syllables(word)
            if syllables:
                found.append("".join(syllables))
    return frozenset((_COMPANY, _cut(f)) for f in found if f)


_ASCII_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def _domain_keys(domain: str) -> tuple[tuple[str, ...], str, list[str]]:
    """The words of an ASCII e-mail domain, them joined, and their suffixes as keys."""
    parts = tuple(_ASCII_WORD.findall(domain))
    return parts, " ".join(parts), [_cut(" ".join(parts[i:])) for i in range(len(parts))]


def _ascii_folded(text: str) -> str:
    """fold() of ASCII text without its trip through a cache that unique addresses churn: the
    only ASCII apostrophes are ' and ` (a str.translate by table costs more than the test)."""
    lowered = text.lower()
    if "'" in lowered or "`" in lowered:
        return lowered.replace("'", "").replace("`", "")
    return lowered


def email_domain(email: str) -> str | None:
    """The domain of an address whose keys are stored once per domain (EmailDomainSearchTerm)
    for every guest with an address there, or None when all the address's keys are the guest's
    own (not ASCII, not exactly one '@', no word after it, or more than 12 words).
    The test of _own_email_keys without making the keys (an import asks it of every guest)."""
    if email.isascii() and email.count("@") == 1:
        local, _, domain = _ascii_folded(email).partition("@")
        tail = _domain_keys(domain)[0]
        if tail and len(_ASCII_WORD.findall(local)) + len(tail) <= 12:
            return domain
    return None


def domain_keys(domain: str) -> list[str]:
    """The keys of an e-mail domain as email_domain() gives it (all of KeyKind.EMAIL)."""
    return _domain_keys(domain)[2]


def _own_email_keys(email: str) -> tuple[list[str], str | None]:
    """The keys of an address that are the guest's own, and the domain whose keys (the
    suffixes of its words) the guest shares; None and every key when there is none."""
    if email.isascii() and email.count("@") == 1:
        local, _, domain = _ascii_folded(email).partition("@")
        tail, joined, _ = _domain_keys(domain)
        head = _ASCII_WORD.findall(local)
        if tail and len(head) + len(tail) <= 12:
            return [_cut(f"{' '.join(head[i:])} {joined}") for i in range(len(head))], domain
    return _email_keys(email), None


def _email_keys(email: str) -> list[str]:
    """The suffixes of the words of an address (``wei huawei com`` of zhang.wei@huawei.com)."""
    # Addresses are nearly always ASCII and each is different: the plain pattern, and no trip
    # through fold()'s cache, which unique texts only churn; the domain's words and keys are
    # shared by many addresses and made once ('@' separates words, so the words of the whole
    # are the local part's then the domain's).
    if email.isascii():
        local, _, domain = _ascii_folded(email).rpartition("@")
        head = _ASCII_WORD.findall(local)
        tail, joined, tail_keys = _domain_keys(domain)
        if len(head) + len(tail) <= 12:
            if not tail:
                return [_cut(" ".join(head[i:])) for i in range(len(head))]
            return [_cut(f"{' '.join(head[i:])} {joined}") for i in range(len(head))] + tail_keys
        parts = [*head, *tail][:12]
    else:
        parts = _WORD.findall(fold(email))[:12]
    return [_cut(" ".join(parts[i:])) for i in range(len(parts))]


def guest_keys(
    name: str | None, name_latin: str | None, email: str | None
) -> set[tuple[int, str]]:
    """The (KeyKind value, key) pairs stored for one guest: its names' and e-mail's own keys
    (its company's keys are stored once per company, see company_keys, and its e-mail domain's
    once per domain, see email_domain and domain_keys)."""
    keys: set[tuple[int, str]] = set()
    for each in (name, name_latin):
        if each:
            keys.update(_name_keys(each))
    if email:
        keys.update((_EMAIL, k) for k in _own_email_keys(email)[0])
    return keys


def company_keys(company: str) -> frozenset[str]:
    """The keys of a company (all of KeyKind.COMPANY)."""
    return frozenset(term for _, term in _company_keys(company))


def search_keys(
    name: str | None, name_latin: str | None, company: str | None, email: str | None
) -> set[tuple[int, str]]:
    """Every (KeyKind value, key) of a guest with these details (kinds as plain ints: an
    IntEnum member hashes through a Python-level __hash__, millions of times in a reindex)."""
    keys = guest_keys(name, name_latin, None)
    if email:
        keys.update((_EMAIL, k) for k in _email_keys(email))
    if company:
        keys.update(_company_keys(company))
    return keys


# (id, event_id, name, name_latin, company, email) of one guest
GuestDetails = tuple[int, int, str | None, str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class MadeKeys:
    """The keys of a batch of guests as make_keys gives them: plain data, so that a second
    process can make them (kiosk.key_worker) while this one goes on."""

    guests: list[GuestDetails]  # what the keys were made from, in order
    domains: list[str | None]  # each guest's e-mail domain (email_domain), in the same order
    rows: list[tuple[int, int, int, str]]  # (guest id, event id, KeyKind, key), by guest


def make_keys(guests: Sequence[GuestDetails]) -> MadeKeys:
    """The keys of these guests' names and e-mail addresses (guest_keys, for many)."""
    domains: list[str | None] = []
    rows: list[tuple[int, int, int, str]] = []
    for guest_id, event_id, name, name_latin, _company, email in guests:
        # guest_keys(), without building a set per guest: name keys come as a cached set
        # (both names' only need a union), e-mail keys are of their own kind and distinct.
        if name and name_latin:
            rows += [(guest_id, event_id, kind, term)
                     for kind, term in _name_keys(name) | _name_keys(name_latin)]
        elif name or name_latin:
            rows += [(guest_id, event_id, kind, term)
                     for kind, term in _name_keys(name or name_latin or "")]
        domain = None
        if email:
            own, domain = _own_email_keys(email)
            rows += [(guest_id, event_id, _EMAIL, term) for term in own]
        domains.append(domain)
    return MadeKeys(list(guests), domains, rows)


@dataclass(frozen=True, slots=True)
class MadeFile:
    """Keys a worker wrote (kiosk.key_worker): the scratch file, holding the latest keys of
    every guest handed over, and each batch handed over with its guests' e-mail domains."""

    path: Path
    batches: list[tuple[list[GuestDetails], list[str | None]]]
