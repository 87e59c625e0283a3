"""Cleaning a person's name or company before it is stored, shown, searched or printed.

A name comes out in Unicode NFC, trimmed, with every run of whitespace (including the ideographic
space U+3000 and no-break spaces) turned into one space. Invisible characters that only hide in a
name (zero-width space, BOM, soft hyphen, word joiner, Hangul fillers, tag characters...) are
removed; the zero-width joiner and non-joiner are kept only between letters of scripts that need
them (Arabic and Persian, the Indic scripts, Sinhala, Myanmar, Khmer, Mongolian). Characters that
could disguise a name - bidi overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069),
other control characters, lone surrogates, noncharacters and the replacement character U+FFFD
that a wrong decoding leaves behind - are refused with the reason, never silently stored.
Code points unassigned in this Python's Unicode tables are kept: new CJK extensions hold rare
characters of real Chinese names.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from kiosk.errors import UsageError


class NameProblem(StrEnum):
    """Why a text cannot be stored as a name; the UI maps each member to translated words."""

    EMPTY = "empty"
    BIDI_CONTROL = "bidi_control"
    CONTROL_CHARACTER = "control_character"
    REPLACEMENT_CHARACTER = "replacement_character"
    SURROGATE = "surrogate"
    NONCHARACTER = "noncharacter"
    TOO_LONG = "too_long"


_DESCRIPTIONS = {
    NameProblem.EMPTY: "is empty",
    NameProblem.BIDI_CONTROL: "contains a text-direction control character {char}, "
    "which can make a name display as something else",
    NameProblem.CONTROL_CHARACTER: "contains the control character {char}",
    NameProblem.REPLACEMENT_CHARACTER: "contains the replacement character {char}: the text was "
    "decoded with the wrong encoding somewhere",
    NameProblem.SURROGATE: "contains a broken character {char}",
    NameProblem.NONCHARACTER: "contains {char}, which is not a character of any script",
    NameProblem.TOO_LONG: "is too long ({length} characters, at most {limit})",
}


class NameRejectedError(UsageError):
    """A name (or company, or other short text) that cannot be stored; `problem` says why."""

    def __init__(
        self, problem: NameProblem, *, char: str | None = None, position: int | None = None,
        length: int | None = None, limit: int | None = None, where: str | None = None,
    ) -> None:
        self.problem = problem
        self.char = char
        self.position = position
        shown = f"U+{ord(char):04X}" if char is not None else ""
        if char is not None and position is not None:
            shown = f"{shown} at position {position + 1}"
        message = _DESCRIPTIONS[problem].format(char=shown, length=length, limit=limit)
        super().__init__(message, where=where)


# Direction controls that reorder what follows them: refused.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters with no place in a name: removed.
_INVISIBLE = frozenset(
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u17b4\u17b5"  # Khmer inherent vowels (invisible, deprecated)
    "\u180b\u180c\u180d\u180e\u180f"  # Mongolian free variation selectors, vowel separator
    "\u200b"  # zero-width space
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible maths operators
    "\u206a\u206b\u206c\u206d\u206e\u206f"  # deprecated format characters
    "\u2800"  # braille blank
    "\ufeff"  # byte order mark / zero-width no-break space
    "\ufff9\ufffa\ufffb"  # interlinear annotation
)
_JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner and joiner
# Blocks of scripts whose spelling needs ZWNJ/ZWJ between letters.
_JOINING_SCRIPT_RANGES = (
    (0x0600, 0x08FF),  # Arabic, Syriac, Arabic supplement, Thaana, NKo, ..., Arabic extended
    (0x0900, 0x0DFF),  # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, ..., Sinhala
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x18AF),  # Khmer, Mongolian
    (0xA8E0, 0xA8FF),  # Devanagari extended
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFE),  # Arabic presentation forms B
)
_TAGS = range(0xE0000, 0xE0080)

# Anything that is not plain printable text sends a value down the slow, careful path.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u2800\u3164\ufeff\ufff9-\ufffb\ufffd\uffa0\ud800-\udfff"
    "\U000e0000-\U000e007f\ufdd0-\ufdef\ufffe\uffff]"
)
_WHITESPACE = re.compile(r"\s+")
_WHITESPACE_CONTROLS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")


def _needs_joiners(char: str) -> bool:
    code = ord(char)
    if unicodedata.category(char)[0] not in "LM":
        return False
    return any(low <= code <= high for low, high in _JOINING_SCRIPT_RANGES)


def _strip_invisible(text: str) -> str:
    """Remove invisible characters, refusing those that could disguise the text."""
    kept: list[str] = []
    for position, char in enumerate(text):
        code = ord(char)
        if char in _BIDI_CONTROLS:
            raise NameRejectedError(NameProblem.BIDI_CONTROL, char=char, position=position)
        if char in _WHITESPACE_CONTROLS:
            kept.append(" ")
            continue
        if char in _INVISIBLE or code in _TAGS:
            continue
        if char in _JOINERS:
            before = text[position - 1] if position > 0 else ""
            after = text[position + 1] if position + 1 < len(text) else ""
            if before and after and _needs_joiners(before) and _needs_joiners(after):
                kept.append(char)
            continue
        if char == "\ufffd":
            raise NameRejectedError(
                NameProblem.REPLACEMENT_CHARACTER, char=char, position=position
            )
        category = unicodedata.category(char)
        if category == "Cc":
            raise NameRejectedError(NameProblem.CONTROL_CHARACTER, char=char, position=position)
        if category == "Cs":
            raise NameRejectedError(NameProblem.SURROGATE, char=char, position=position)
        if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            raise NameRejectedError(NameProblem.NONCHARACTER, char=char, position=position)
        kept.append(char)
    return "".join(kept)


def normalise_optional(
    text: str, *, field: str | None = None, limit: int | None = None
) -> str | None:
    """The cleaned text, or None when nothing is left; raises NameRejectedError on a disguise."""
    if (text.isascii() and text.isprintable() and text[:1] != " " and text[-1:] != " "
            and "  " not in text and text and (limit is None or len(text) <= limit)):
        return text  # printable ASCII spaced once (codes, phones, most Latin names): as it is
    try:
        if _SUSPECT.search(text) is not None:
            text = _strip_invisible(text)
        text = _WHITESPACE.sub(" ", text).strip()
        if not text:
            return None
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if limit is not None and len(text) > limit:
            raise NameRejectedError(NameProblem.TOO_LONG, length=len(text), limit=limit)
    except NameRejectedError as error:
        if field is not None and error.where is None:
            error.where = field
            error.args = (error.full_message(),)
        raise
    return text


def normalise_text(text: str, *, field: str | None = None, limit: int | None = None) -> str:
    """A name (or any text that must not be empty) cleaned as the module says; never empty."""
    cleaned = normalise_optional(text, field=field, limit=limit)
    if cleaned is None:
        raise NameRejectedError(NameProblem.EMPTY, where=field)
    return cleaned


def is_normalised(text: str) -> bool:
    """True when the text is already exactly what normalise_optional would store."""
    try:
        return normalise_optional(text) == text
    except NameRejectedError:
        return False


__all__ = [
    "NameProblem",
    "NameRejectedError",
    "is_normalised",
    "normalise_optional",
    "normalise_text",
]
