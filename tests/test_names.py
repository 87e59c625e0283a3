"""kiosk.names: names come out NFC, trimmed, collapsed; disguises refused, invisibles removed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.errors import UsageError
from kiosk.names import (
    NameProblem,
    NameRejectedError,
    is_normalised,
    normalise_optional,
    normalise_text,
)

OWN_SCRIPT_NAMES = [
    "张伟",
    "欧阳娜娜",
    "山田 太郎",
    "김민준",  # Korean
    "محمد بن سلمان",  # Arabic
    "زهرا محمدی\u200cنژاد",  # Persian: the ZWNJ is part of the spelling
    "สมชาย ใจดี",  # Thai
    "अनुष्का शर्मा",  # Devanagari, with a virama
    "क्\u200dष",  # Devanagari with a zero-width joiner between letters
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Иванов",
    "Jürgen Müller",
    "François Lefèvre",
    "Nguyễn Thị Minh Khai",
]


@pytest.mark.parametrize("name", OWN_SCRIPT_NAMES)
def test_names_in_their_own_script_come_out_unchanged(name: str) -> None:
    assert normalise_text(name) == name
    assert is_normalised(name)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jose\u0301", "José"),  # combining accent composed
        ("\u1100\u1175\u11b7\u1106\u1175\u11ab\u110c\u116e\u11ab", "김민준"),  # Hangul jamo (NFD)
        ("Nguye\u0302\u0303n", "Nguyễn"),
        ("A\u030angstro\u0308m", "Ångström"),
    ],
)
def test_decomposed_names_are_composed_to_nfc(raw: str, expected: str) -> None:
    result = normalise_text(raw)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张伟  ", "张伟"),
        ("张\u3000伟", "张 伟"),  # ideographic space
        ("山田\u3000\u3000太郎", "山田 太郎"),
        ("Anna\t\n  Maria", "Anna Maria"),
        ("Anna\u00a0Maria", "Anna Maria"),  # no-break space
        ("Anna\u2003\u202fMaria", "Anna Maria"),  # em space, narrow no-break space
        ("\r\nLi Na\r\n", "Li Na"),
    ],
)
def test_whitespace_is_trimmed_and_collapsed(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ma\u200bria", "Maria"),  # zero-width space
        ("\ufeffJohn Smith", "John Smith"),  # BOM a file left behind
        ("Wil\u00adliam", "William"),  # soft hyphen
        ("Li\u2060Na", "LiNa"),  # word joiner
        ("Jo\u200chn", "John"),  # ZWNJ between Latin letters has no job
        ("Jo\u200dhn", "John"),  # ZWJ likewise
        ("\u200c张伟", "张伟"),
        ("김\u3164민준", "김민준"),  # Hangul filler
        ("Admin\U000e0041\U000e0042", "Admin"),  # tag characters
        ("\u200fSara\u200e", "Sara"),  # direction marks
        ("A\u034fnna", "Anna"),  # combining grapheme joiner
    ],
)
def test_invisible_characters_are_removed(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize("control", list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
def test_direction_overrides_and_isolates_are_refused(control: str) -> None:
    with pytest.raises(NameRejectedError) as caught:
        normalise_text(f"Ali{control}ecnarF")
    assert caught.value.problem is NameProblem.BIDI_CONTROL
    assert caught.value.position == 3
    assert f"U+{ord(control):04X}" in caught.value.message
    assert "position 4" in caught.value.message


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_control_characters_are_refused(control: str) -> None:
    with pytest.raises(NameRejectedError) as caught:
        normalise_text(f"Li{control}Na")
    assert caught.value.problem is NameProblem.CONTROL_CHARACTER


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("Li Na\ufffd", NameProblem.REPLACEMENT_CHARACTER),
        ("Li\ufffeNa", NameProblem.NONCHARACTER),
        ("Li\ufdd0Na", NameProblem.NONCHARACTER),
        ("Li\ud800Na", NameProblem.SURROGATE),
    ],
)
def test_broken_text_is_refused(raw: str, problem: NameProblem) -> None:
    with pytest.raises(NameRejectedError) as caught:
        normalise_text(raw)
    assert caught.value.problem is problem


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", "\u200b", "\ufeff\u200b \u00ad"])
def test_nothing_left_is_an_error_for_a_name_and_none_for_optional_text(raw: str) -> None:
    with pytest.raises(NameRejectedError) as caught:
        normalise_text(raw, field="name")
    assert caught.value.problem is NameProblem.EMPTY
    assert caught.value.full_message() == "name: is empty"
    assert normalise_optional(raw) is None


def test_a_rejection_names_the_field_and_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        normalise_text("Eve\u202eevil", field="company")
    assert str(caught.value).startswith("company: contains a text-direction control character")


def test_too_long_text_is_refused_after_cleaning() -> None:
    assert normalise_text("  " + "a" * 10 + "\u200b  ", limit=10) == "a" * 10
    with pytest.raises(NameRejectedError) as caught:
        normalise_text("a" * 11, limit=10)
    assert caught.value.problem is NameProblem.TOO_LONG
    assert "11 characters, at most 10" in caught.value.message


def test_is_normalised_is_false_for_text_that_would_change_or_be_refused() -> None:
    assert not is_normalised(" 张伟")
    assert not is_normalised("Jose\u0301")
    assert not is_normalised("a\u202eb")


_FORBIDDEN = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff\u00ad\u3164")


@given(st.text(max_size=40))
def test_any_text_is_either_refused_or_comes_out_clean(text: str) -> None:
    try:
        cleaned = normalise_optional(text)
    except NameRejectedError:
        return
    if cleaned is None:
        return
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(ch.isspace() and ch != " " for ch in cleaned)
    assert not _FORBIDDEN & set(cleaned)
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert normalise_optional(cleaned) == cleaned  # cleaning twice changes nothing more


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=40))
def test_ascii_text_is_only_trimmed_and_collapsed(text: str) -> None:
    """Plain ASCII takes a short way through normalise_optional: the same result as the rules
    (whitespace trimmed and collapsed; control characters refused)."""
    import re

    if any((ord(c) < 32 and c not in "\t\n\v\f\r\x1c\x1d\x1e\x1f") or ord(c) == 127 for c in text):
        with pytest.raises(NameRejectedError):
            normalise_optional(text)
        return
    expected = re.sub(r"\s+", " ", text).strip() or None
    assert normalise_optional(text) == expected
    if expected is not None:
        assert normalise_optional(text, limit=len(expected)) == expected
        with pytest.raises(NameRejectedError):
            normalise_optional(text, limit=len(expected) - 1)
