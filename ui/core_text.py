"""The core's sentences in the language in force.

``kiosk/`` never imports Qt, so its errors, a rejected import row's detail and a print job's
state reason arrive as English text. ``tools/translations.py`` collects every such sentence from
the core's source into ``ui.core_messages`` (a template for translators and an expression that
recognises it); here a text is matched, its template translated (context ``CoreMessages``) and
what varies (a file name, a row number, a guest's name) put back in as an argument, itself
translated when it is one of the core's sentences (a printer's problem inside a job's reason).
A text no entry matches (a newer core's, or the print system's own words) is shown as it is.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.errors import KioskError
from ui.core_messages import CONTEXT, MESSAGES

_JOIN_PLACE = QT_TRANSLATE_NOOP("CoreMessages", "%1: %2")
_JOIN_HINT = QT_TRANSLATE_NOOP("CoreMessages", "%1 (%2)")
_ARGUMENT = re.compile(r"%(\d+)")


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # The most specific first: the one with the most fixed text wins.
    entries = [(str(template), re.compile(pattern, re.DOTALL)) for template, pattern in MESSAGES]
    entries.sort(key=lambda entry: -len(_ARGUMENT.sub("", entry[0])))
    return tuple(entries)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _fill(words: str, arguments: list[str]) -> str:
    return _ARGUMENT.sub(
        lambda m: arguments[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(arguments)
        else m.group(0), words)


def translate(text: str | None, *, _depth: int = 0) -> str:
    """text (a sentence of the core) in the language in force; unknown text as it is."""
    if not text:
        return text or ""
    for template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        words = _tr(template)
        if words == template:
            return text  # English, or not translated yet: the core's own words
        arguments = [translate(group, _depth=_depth + 1) if _depth < 2 else group
                     for group in match.groups()]
        return _fill(words, arguments)
    head, colon, tail = text.partition(": ")
    if colon and _depth < 2 and any(pattern.fullmatch(head) for _, pattern in _patterns()):
        # "out of paper or labels: the print system's own words"
        return _fill(_tr(str(_JOIN_PLACE)), [translate(head, _depth=_depth + 1), tail])
    return text


def error_text(error: KioskError) -> str:
    """What went wrong, where and what to do, in the language in force."""
    text = translate(error.message)
    if error.where:
        text = _fill(_tr(str(_JOIN_PLACE)), [translate(error.where), text])
    if error.hint:
        text = _fill(_tr(str(_JOIN_HINT)), [text, translate(error.hint)])
    return text
