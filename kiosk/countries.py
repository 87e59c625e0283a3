"""Country names for people to read: a stored ISO code ("TR", "DEU") shown as "Türkiye" or 土耳其.

Guest lists give the country as a code or as a name; a code is shown by its name in the reader's
language (English or Simplified Chinese, from the ISO 3166 names and translations that pycountry
carries), anything else as it was typed. A badge, read by everyone at a bilingual event, carries
both: "Germany 德国".
"""

from __future__ import annotations

import functools
import gettext

import pycountry

_CHINESE = ("zh", "zh_cn", "zh-cn", "zh_hans", "zh-hans")


@functools.cache
def _chinese() -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


@functools.lru_cache(maxsize=512)
def _country(value: str) -> tuple[str, str] | None:
    """(English, Chinese) names of the country a 2- or 3-letter ISO code names, else None."""
    code = value.strip()
    if len(code) not in (2, 3) or not code.isascii() or not code.isalpha():
        return None
    found = (pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2
             else pycountry.countries.get(alpha_3=code.upper()))
    if found is None:
        return None
    english = getattr(found, "common_name", None) or found.name
    return english, _chinese().gettext(found.name)


def country_name(value: str | None, language: str = "en") -> str:
    """The country as a reader of ``language`` ("en", "zh_CN"...) should see it; "" for none."""
    if not value:
        return ""
    names = _country(value)
    if names is None:
        return value
    english, chinese = names
    return chinese if language.casefold() in _CHINESE else english


def badge_country(value: str | None) -> str | None:
    """The country as a bilingual badge prints it ("Germany 德国"); None for none."""
    if not value:
        return None
    names = _country(value)
    if names is None:
        return value
    english, chinese = names
    return english if chinese == english else f"{english} {chinese}"
