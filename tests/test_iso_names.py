"""Country and language codes are shown by their names, in English or Chinese; anything else
as typed."""

from __future__ import annotations

import pytest

from kiosk.iso_names import badge_country, country_name, language_name


@pytest.mark.parametrize(("stored", "english", "chinese"), [
    ("TR", "Türkiye", "土耳其"),
    ("de", "Germany", "德国"),
    ("DEU", "Germany", "德国"),
    ("KR", "South Korea", "大韩民国"),
    ("CN", "China", "中国"),
])
def test_codes_are_named_in_the_readers_language(stored: str, english: str, chinese: str) -> None:
    assert country_name(stored, "en") == english
    assert country_name(stored, "en_US") == english
    assert country_name(stored, "zh_CN") == chinese
    assert badge_country(stored) == f"{english} {chinese}"


@pytest.mark.parametrize("stored", ["UK", "Deutschland", "中国", "X1", "  "])
def test_anything_that_is_not_a_code_is_shown_as_typed(stored: str) -> None:
    assert country_name(stored, "zh_CN") == stored
    assert badge_country(stored) == stored


def test_no_country_is_nothing() -> None:
    assert country_name(None) == "" and country_name("", "zh_CN") == ""
    assert badge_country(None) is None


@pytest.mark.parametrize(("stored", "english", "chinese"), [
    ("tr", "Turkish", "土耳其语"), ("zh-CN", "Chinese", "中文"), ("zh_Hans", "Chinese", "中文"),
    ("ja", "Japanese", "日语"), ("kor", "Korean", "朝鲜语"),
])
def test_language_codes_are_named_in_the_readers_language(
    stored: str, english: str, chinese: str
) -> None:
    assert language_name(stored, "en") == english
    assert language_name(stored, "zh_CN") == chinese


def test_a_language_that_is_not_a_code_is_shown_as_typed() -> None:
    assert language_name("Mandarin", "zh_CN") == "Mandarin"
    assert language_name(None) == ""
