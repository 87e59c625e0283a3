"""Country and language codes shown by their names: "TR" as "Türkiye" or 土耳其, "tr" as Turkish.

Guest lists give the country as a code or as a name; a code is shown by its name in the reader's
language (English or Simplified Chinese, from the ISO 3166 and ISO 639 names and translations that
pycountry carries), anything else as it was typed. A badge, read by everyone at a bilingual event,
carries both: "Germany 德国". A guest's preferred language ("tr", "zh-CN") likewise.
"""

from __future__ import annotations

import functools
import gettext

import pycountry

_CHINESE = ("zh", "zh_cn", "zh-cn", "zh_hans", "zh-hans")


@functools.cache
def _chinese(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


def _is_chinese(reader: str) -> bool:
    return reader.casefold() in _CHINESE


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
    return english, _chinese("iso3166-1").gettext(found.name)


def country_name(value: str | None, language: str = "en") -> str:
    """The country as a reader of ``language`` ("en", "zh_CN"...) should see it; "" for none."""
    if not value:
        return ""
    names = _country(value)
    if names is None:
        return value
    english, chinese = names
    return chinese if _is_chinese(language) else english


def badge_country(value: str | None) -> str | None:
    """The country as a bilingual badge prints it ("Germany 德国"); None for none."""
    if not value:
        return None
    names = _country(value)
    if names is None:
        return value
    english, chinese = names
    return english if chinese == english else f"{english} {chinese}"


@functools.lru_cache(maxsize=256)
def _language(value: str) -> tuple[str, str] | None:
    """(English, Chinese) names of the language of a code such as "tr", "zh-CN", "kor"."""
    code = value.strip().replace("_", "-").split("-")[0].casefold()
    if len(code) not in (2, 3) or not code.isascii() or not code.isalpha():
        return None
    found = (pycountry.languages.get(alpha_2=code) if len(code) == 2
             else pycountry.languages.get(alpha_3=code))
    if found is None:
        return None
    # Some entries list several names ("中文; 汉语; 华语"): the first is the everyday one.
    chinese = _chinese("iso639-3").gettext(found.name).split(";")[0].strip()
    return found.name, chinese


def language_name(value: str | None, language: str = "en") -> str:
    """A language code as a reader of ``language`` should see it; "" for none."""
    if not value:
        return ""
    names = _language(value)
    if names is None:
        return value
    english, chinese = names
    return chinese if _is_chinese(language) else english
