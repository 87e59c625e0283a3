"""The user interface's languages: English (the source text) and Simplified Chinese.

Every string a person reads goes through ``self.tr()`` in widgets or
``QCoreApplication.translate(context, text)`` elsewhere in ``ui/``. The Chinese catalogue is
``resources/translations/kiosk_zh_CN.ts``, compiled to ``kiosk_zh_CN.qm`` by
``python tools/translations.py`` (pyside6-lupdate, then pyside6-lrelease). Switching language
installs or removes the translator; Qt then sends every widget a LanguageChange event, on which
it sets its texts again (``retranslate``).

Signals:
    changed(Language): the language now in force.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

log = logging.getLogger("ui.translations")

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"


class Language(StrEnum):
    """A language the windows speak; the value is the Qt locale name."""

    ENGLISH = "en"
    CHINESE = "zh_CN"

    @classmethod
    def from_code(cls, code: str | None) -> Language | None:
        """The language for a stored preference such as "zh", "zh-CN", "en_GB"; None if neither."""
        if not code:
            return None
        head = code.replace("-", "_").split("_")[0].casefold()
        return {"zh": cls.CHINESE, "en": cls.ENGLISH}.get(head)

    @property
    def switch_label(self) -> str:
        """How the toggle names this language, in the language itself (never translated)."""
        return "English" if self is Language.ENGLISH else "中文"


class Translations(QObject):
    """Installs and removes the Chinese catalogues (ours and Qt's own) on the application.

    Signals:
        changed(object): the Language now in force.
    """

    changed = Signal(object)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._language = Language.ENGLISH
        self._ours = QTranslator(self)
        self._qt = QTranslator(self)
        self._has_ours = self._ours.load(str(TRANSLATIONS / "kiosk_zh_CN.qm"))
        if not self._has_ours:
            log.warning("no Chinese catalogue at %s; run tools/translations.py", TRANSLATIONS)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._qt.load("qtbase_zh_CN", qt_dir)

    @property
    def language(self) -> Language:
        return self._language

    @property
    def has_chinese(self) -> bool:
        return self._has_ours

    def text_in(self, language: Language, context: str, source: str) -> str:
        """source in language, whichever language is in force (the attract screen shows both).

        The source must also appear in a translate()/tr() call, so that lupdate collects it.
        """
        if language is Language.ENGLISH:
            return source
        return self._ours.translate(context, source) or source

    def use(self, language: Language) -> None:
        """Make language the one in force (a no-op when it already is)."""
        if language is self._language:
            return
        if language is Language.CHINESE:
            self._app.installTranslator(self._qt)
            self._app.installTranslator(self._ours)
            QLocale.setDefault(QLocale("zh_CN"))
        else:
            self._app.removeTranslator(self._ours)
            self._app.removeTranslator(self._qt)
            QLocale.setDefault(QLocale("en_US"))
        self._language = language
        # Qt posts LanguageChange to each window; deliver them now, so every widget speaks the
        # new language when this returns (not only after the event loop runs again).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)
