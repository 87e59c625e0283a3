"""The QApplication: names, fonts shipped with the project, translations, styles, shared services.

``KioskApp.create(argv)`` makes (or reuses, in tests) the QApplication and the services every view
shares: ``tasks`` (ui.tasks: slow work off the GUI thread), ``translations`` (English / 中文) and
``scanner`` (ui.scanner_input: handheld scanner bursts, installed application-wide).

Fonts come from ``resources/fonts`` (and any font folder the badge renderer ships), loaded into
Qt's font database, so CJK and every other script guests bring render the same on any machine,
not only on one that happens to have the right system fonts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui import qt_printing
from ui.scanner_input import ScannerInput
from ui.tasks import Tasks
from ui.translations import RESOURCES, Translations

log = logging.getLogger("ui.app")

FONT_FOLDERS = (RESOURCES / "fonts",)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
# Tried in order for each character: Latin, Cyrillic and Greek first, then CJK, then the rest.
# The Noto families ship in resources/fonts (the badge renderer's fonts, see tools/build_fonts.py);
# the last two are system fallbacks for a checkout without them.
FAMILY_ORDER = (
    "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "Noto Sans Hebrew",
    "Noto Sans Devanagari", "Noto Sans Thai", "Droid Sans Fallback", "WenQuanYi Zen Hei",
)

APP_NAME = "Kiosk"
ORGANISATION = "kiosk"

BASE_STYLE = """
QWidget { color: #111; }
QPushButton { padding: 8px 18px; }
"""


def load_fonts(folders: Sequence[Path] = FONT_FOLDERS) -> list[str]:
    """Add every font file under the folders to Qt's font database; the families added."""
    families: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load font %s", path)
                continue
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(dict.fromkeys(families))


def default_font(available: Sequence[str], point_size: int = 12) -> QFont:
    """The application font: our families in FAMILY_ORDER first, so every script finds a glyph."""
    known = set(available) | set(QFontDatabase.families())
    families = [name for name in FAMILY_ORDER if name in known]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size)
    return font


@dataclass
class KioskApp:
    """The application and the services its windows share."""

    qt: QApplication
    tasks: Tasks
    translations: Translations
    scanner: ScannerInput
    font_families: list[str]

    @classmethod
    def create(cls, argv: Sequence[str] = (), *, synchronous_tasks: bool = False) -> KioskApp:
        """Set up the QApplication (reusing one that exists, as pytest-qt's does)."""
        existing = QApplication.instance()
        if isinstance(existing, QApplication):
            qt = existing
        else:
            QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
            qt = QApplication(list(argv) or [APP_NAME])
        qt.setApplicationName(APP_NAME)
        qt.setOrganizationName(ORGANISATION)
        qt.setApplicationDisplayName(APP_NAME)
        families = load_fonts()
        qt.setFont(default_font(families))
        qt.setStyleSheet(BASE_STYLE)
        tasks = Tasks(synchronous=synchronous_tasks, parent=qt)
        translations = Translations(qt, parent=qt)
        scanner = ScannerInput(qt)
        scanner.install(qt)
        qt_printing.register()  # badge printers as qt:NAME (Windows, macOS)
        return cls(qt, tasks, translations, scanner, families)

    def close(self) -> None:
        """Stop taking scans and wait for running tasks (a check-in is never cut off)."""
        self.scanner.uninstall(self.qt)
        self.tasks.wait()
        self.tasks.deleteLater()
        self.translations.deleteLater()
        self.scanner.deleteLater()
