"""Words for the core's values, in one table per kind: categories, verdicts, print reasons, actions.

The core stores short codes (``kiosk.domain``); what a person reads is chosen here and translated
(context ``DeskLabels``). An unknown code (a newer server's category, say) is shown as it is.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor

from kiosk import events
from kiosk.badges.printers import PrinterProblem
from kiosk.domain import Category, PrintReason, Reason
from kiosk.importer import RowProblem

CONTEXT = "DeskLabels"

_CATEGORIES: dict[str, object] = {
    Category.GUEST.value: QT_TRANSLATE_NOOP("DeskLabels", "Guest"),
    Category.VIP.value: QT_TRANSLATE_NOOP("DeskLabels", "VIP"),
    Category.SPEAKER.value: QT_TRANSLATE_NOOP("DeskLabels", "Speaker"),
    Category.EXHIBITOR.value: QT_TRANSLATE_NOOP("DeskLabels", "Exhibitor"),
    Category.MEDIA.value: QT_TRANSLATE_NOOP("DeskLabels", "Media"),
    Category.STAFF.value: QT_TRANSLATE_NOOP("DeskLabels", "Staff"),
}

# The category band colours of the badges, so the table and the badge agree at a glance.
CATEGORY_COLOURS: dict[str, QColor] = {
    Category.GUEST.value: QColor("#2e7d32"),
    Category.VIP.value: QColor("#b8860b"),
    Category.SPEAKER.value: QColor("#c62828"),
    Category.EXHIBITOR.value: QColor("#1565c0"),
    Category.MEDIA.value: QColor("#6a1b9a"),
    Category.STAFF.value: QColor("#37474f"),
}

_REASONS: dict[str, object] = {
    Reason.ADMITTED.value: QT_TRANSLATE_NOOP("DeskLabels", "Admitted"),
    Reason.READMITTED.value: QT_TRANSLATE_NOOP("DeskLabels", "Admitted again"),
    Reason.EXITED.value: QT_TRANSLATE_NOOP("DeskLabels", "Left"),
    Reason.ALREADY_CHECKED_IN.value: QT_TRANSLATE_NOOP("DeskLabels", "Already checked in"),
    Reason.WRONG_CATEGORY.value: QT_TRANSLATE_NOOP("DeskLabels", "Not allowed here"),
    Reason.WRONG_DAY.value: QT_TRANSLATE_NOOP("DeskLabels", "Not valid today"),
    Reason.CLOSED.value: QT_TRANSLATE_NOOP("DeskLabels", "Checkpoint closed"),
    Reason.UNKNOWN_CODE.value: QT_TRANSLATE_NOOP("DeskLabels", "Unknown code"),
    Reason.INVALID.value: QT_TRANSLATE_NOOP("DeskLabels", "Invalid code"),
    Reason.REVOKED.value: QT_TRANSLATE_NOOP("DeskLabels", "Revoked code"),
}

_PRINT_REASONS: dict[str, object] = {
    PrintReason.FIRST.value: QT_TRANSLATE_NOOP("DeskLabels", "First badge"),
    PrintReason.LOST.value: QT_TRANSLATE_NOOP("DeskLabels", "Lost"),
    PrintReason.DAMAGED.value: QT_TRANSLATE_NOOP("DeskLabels", "Damaged"),
    PrintReason.NAME_CORRECTED.value: QT_TRANSLATE_NOOP("DeskLabels", "Name corrected"),
    PrintReason.OTHER.value: QT_TRANSLATE_NOOP("DeskLabels", "Other"),
}

_ACTIONS: dict[str, object] = {
    "guest_corrected": QT_TRANSLATE_NOOP("DeskLabels", "Details corrected"),
    "note_added": QT_TRANSLATE_NOOP("DeskLabels", "Note added"),
    "walk_in_registered": QT_TRANSLATE_NOOP("DeskLabels", "Registered at the desk"),
    "credential_reissued": QT_TRANSLATE_NOOP("DeskLabels", "New credential issued"),
    "checkin_undone": QT_TRANSLATE_NOOP("DeskLabels", "Check-in undone"),
    "badge_print_requested": QT_TRANSLATE_NOOP("DeskLabels", "Badge print requested"),
    "badge_reprinted": QT_TRANSLATE_NOOP("DeskLabels", "Badge reprinted"),
    "registration_cancelled": QT_TRANSLATE_NOOP("DeskLabels", "Registration cancelled"),
    "registration_restored": QT_TRANSLATE_NOOP("DeskLabels", "Registration restored"),
}

_FIELDS: dict[str, object] = {
    "name": QT_TRANSLATE_NOOP("DeskLabels", "Name"),
    "name_latin": QT_TRANSLATE_NOOP("DeskLabels", "Name in Latin letters"),
    "company": QT_TRANSLATE_NOOP("DeskLabels", "Company"),
    "country": QT_TRANSLATE_NOOP("DeskLabels", "Country"),
    "email": QT_TRANSLATE_NOOP("DeskLabels", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("DeskLabels", "Phone"),
    "title": QT_TRANSLATE_NOOP("DeskLabels", "Job title"),
    "category": QT_TRANSLATE_NOOP("DeskLabels", "Category"),
    "language": QT_TRANSLATE_NOOP("DeskLabels", "Language"),
    "days": QT_TRANSLATE_NOOP("DeskLabels", "Days"),
    "note": QT_TRANSLATE_NOOP("DeskLabels", "Note"),
    "reason": QT_TRANSLATE_NOOP("DeskLabels", "Reason"),
    "first_name": QT_TRANSLATE_NOOP("DeskLabels", "First name"),
    "last_name": QT_TRANSLATE_NOOP("DeskLabels", "Last name"),
    "external_code": QT_TRANSLATE_NOOP("DeskLabels", "Code on the invitation"),
}

_ROW_PROBLEMS: dict[str, object] = {
    RowProblem.BAD_TEXT.value: QT_TRANSLATE_NOOP("DeskLabels", "Unusable text"),
    RowProblem.MISSING_NAME.value: QT_TRANSLATE_NOOP("DeskLabels", "No name"),
    RowProblem.BAD_EMAIL.value: QT_TRANSLATE_NOOP("DeskLabels", "Not an e-mail address"),
    RowProblem.UNKNOWN_CATEGORY.value: QT_TRANSLATE_NOOP("DeskLabels", "Unknown category"),
    RowProblem.BAD_DAYS.value: QT_TRANSLATE_NOOP("DeskLabels", "Not a day of the event"),
    RowProblem.BAD_VALUE.value: QT_TRANSLATE_NOOP("DeskLabels", "Not a usable value"),
    RowProblem.EXTRA_CELLS.value: QT_TRANSLATE_NOOP("DeskLabels", "More cells than columns"),
    RowProblem.DUPLICATE_ROW.value: QT_TRANSLATE_NOOP("DeskLabels", "Same guest twice"),
    RowProblem.AMBIGUOUS_MATCH.value: QT_TRANSLATE_NOOP("DeskLabels", "Matches several guests"),
}


_PRINTER_PROBLEMS: dict[str, object] = {
    PrinterProblem.NONE.value: QT_TRANSLATE_NOOP("DeskLabels", "ready"),
    PrinterProblem.STOPPED.value: QT_TRANSLATE_NOOP("DeskLabels", "stopped"),
    PrinterProblem.OUT_OF_PAPER.value: QT_TRANSLATE_NOOP("DeskLabels", "out of paper or labels"),
    PrinterProblem.JAMMED.value: QT_TRANSLATE_NOOP("DeskLabels", "paper jam"),
    PrinterProblem.DOOR_OPEN.value: QT_TRANSLATE_NOOP("DeskLabels", "a cover or door is open"),
    PrinterProblem.OUT_OF_INK.value: QT_TRANSLATE_NOOP("DeskLabels", "out of ink or toner"),
    PrinterProblem.OFFLINE.value: QT_TRANSLATE_NOOP("DeskLabels", "switched off or unplugged"),
    PrinterProblem.NOT_ACCEPTING.value: QT_TRANSLATE_NOOP("DeskLabels", "not accepting jobs"),
    PrinterProblem.MISSING.value: QT_TRANSLATE_NOOP("DeskLabels", "no printer of this name"),
    PrinterProblem.NO_PRINT_SYSTEM.value: QT_TRANSLATE_NOOP(
        "DeskLabels", "the print system (CUPS) is not running"),
}


def _tr(text: object) -> str:
    """The words in the language in force (QT_TRANSLATE_NOOP only marked them for lupdate)."""
    return QCoreApplication.translate(CONTEXT, str(text))


def place(name: str | None, local: str | None) -> str:
    """A checkpoint as the language in force names it: its local name (主入口) in Chinese."""
    if not name:
        return ""
    if local and QLocale().language() == QLocale.Language.Chinese:
        return local
    return name


def category(code: str) -> str:
    return _tr(_CATEGORIES[code]) if code in _CATEGORIES else code


def categories() -> list[tuple[str, str]]:
    """(code, words) of every category, in the order the forms offer them."""
    return [(c.value, category(c.value)) for c in Category]


def reason(code: str) -> str:
    return _tr(_REASONS[code]) if code in _REASONS else code


def is_accepted(code: str) -> bool:
    return code in Reason._value2member_map_ and Reason(code).is_accepted


def print_reason(code: str) -> str:
    return _tr(_PRINT_REASONS[code]) if code in _PRINT_REASONS else code


def reprint_reasons() -> list[tuple[str, str]]:
    """The reasons staff choose from for a reprint (never "first")."""
    return [(r.value, print_reason(r.value)) for r in PrintReason if r is not PrintReason.FIRST]


def action(code: str) -> str:
    return _tr(_ACTIONS[code]) if code in _ACTIONS else code.replace("_", " ")


def field(code: str) -> str:
    return _tr(_FIELDS[code]) if code in _FIELDS else code


def printer_problem(code: str, message: str | None = None) -> str:
    """What is wrong with a printer, in words, with the print system's own message if any."""
    words = _tr(_PRINTER_PROBLEMS[code]) if code in _PRINTER_PROBLEMS else code
    return f"{words} ({message})" if message and message.lower() not in words.lower() else words


def row_problem(code: str) -> str:
    return _tr(_ROW_PROBLEMS[code]) if code in _ROW_PROBLEMS else code


def local_time(moment: dt.datetime, timezone: str, *, with_date: bool = True) -> str:
    """A stored UTC moment as the venue's clock shows it, with the zone's abbreviation."""
    local = moment.astimezone(events.zone(timezone))
    pattern = "%Y-%m-%d %H:%M" if with_date else "%H:%M"
    return f"{local.strftime(pattern)} {local.tzname() or ''}".rstrip()
