"""The Chinese catalogue: complete, compiled, placeholders kept, and every screen speaks it.

The .ts file is read as XML; the compiled .qm is loaded with a QTranslator and asked for every
message; the kiosk window and the staff desk are switched to Chinese and their visible widgets
walked for English words that should have been translated.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.checkin import Verdict
from kiosk.db import Database
from kiosk.errors import InputFileError, UsageError
from kiosk.models import Checkpoint, Event
from tests.conftest import FixedClock
from tests.ui.conftest import add_guest
from tests.ui.desk_helpers import open_form
from ui import core_text
from ui.app import KioskApp
from ui.badge_printing import BadgePrinting
from ui.desk.window import DeskWindow
from ui.kiosk_window import KioskWindow
from ui.sounds import Sounds
from ui.translations import TRANSLATIONS, Language

pytest_plugins = ["tests.ui.desk_support"]

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "kiosk_zh_CN.ts"
QM = TRANSLATIONS / "kiosk_zh_CN.qm"
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{\w*\}|</?[A-Za-z][^>]*>")
ENGLISH_WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{2,}(?![0-9A-Za-z])")  # not inside "d62f72fa"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str | None  # None (finished), "unfinished", "obsolete", "vanished"
    forms: tuple[str, ...]


def catalogue() -> list[Message]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = tuple(form.text or "" for form in translation.iter("numerusform")) \
                if numerus else (translation.text or "",)
            found.append(Message(name, message.findtext("source") or "",
                                 message.findtext("comment") or "", numerus,
                                 translation.get("type"), forms))
    return found


def live() -> list[Message]:
    return [m for m in catalogue() if m.kind not in ("obsolete", "vanished")]


def test_every_message_is_translated() -> None:
    messages = live()
    assert len(messages) > 300
    unfinished = [(m.context, m.source) for m in messages if m.kind == "unfinished"]
    empty = [(m.context, m.source) for m in messages if not all(f.strip() for f in m.forms)]
    assert unfinished == []
    assert empty == []


def test_placeholders_and_markup_are_kept() -> None:
    wrong = []
    for message in live():
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for form in message.forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                wrong.append((message.context, message.source, form))
    assert wrong == []


def test_the_compiled_catalogue_holds_every_message(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    missing = []
    for message in live():
        got = translator.translate(message.context, message.source, message.comment or None,
                                   1 if message.numerus else -1)
        if got != message.forms[0]:
            missing.append((message.context, message.source, got))
    assert missing == [], "run python tools/translations.py to compile the .qm"


def test_the_core_sentences_are_collected_up_to_date() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_core_sentences_are_shown_translated_with_their_details(
    kiosk_app: KioskApp,
) -> None:
    error = InputFileError("is not valid JSON (line 3: Expecting value)", where="guests.json",
                           hint="give a .csv, .xlsx or .json file")
    note = UsageError("the note is 2100 characters long; at most 2000 fit", where="note")
    assert core_text.error_text(error) == error.full_message()  # English: the core's own words
    kiosk_app.translations.use(Language.CHINESE)
    assert core_text.error_text(error) == (
        "guests.json：不是有效的 JSON（第 3 行：Expecting value）"
        "（请提供 .csv、.xlsx 或 .json 文件）"
    )
    assert core_text.error_text(note) == "备注：备注长 2100 个字符；最多 2000 个"
    # A printer's problem with the print system's own words after it, inside a refusal.
    assert core_text.translate("cups:Zebra cannot print: out of paper or labels: media-empty") \
        == "cups:Zebra 无法打印：纸张或标签用完：media-empty"
    assert core_text.translate("unknown categories: vvip, press") == "未知类别：vvip, press"
    # Words the core has never said are shown as they are.
    assert core_text.translate("HP LaserJet says hello") == "HP LaserJet says hello"


# Walking the screens ---------------------------------------------------------------------------

# Words that stay as they are in Chinese: names, brands, units, codes.
KEPT = {"English", "中文", "VIP", "CSV", "PDF", "PIN", "QR", "UTC", "CST", "OK", "Excel", "JSON",
        "CUPS", "http", "https", "xlsx", "csv", "tsv", "txt", "json", "Name", "Company",
        "E", "mail", "Category", "e.g", "cups", "folder"}  # the last two: a printer's address


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a person can read in root's visible widgets."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget | str, text: str | None) -> None:
        if text and text.strip():
            name = where if isinstance(where, str) else (
                where.objectName() or type(where).__name__)
            found.append((name, text.strip()))

    if isinstance(root, QMainWindow):
        add("window title", root.windowTitle())
        for action in root.findChildren(object):
            if hasattr(action, "iconText") and hasattr(action, "isVisible") and \
                    type(action).__name__ == "QAction" and action.isVisible() and action.text():
                add("action", action.text())
                add("action tip", action.toolTip())
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(widget, str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            for row in range(min(model.rowCount(), 20)):
                for column in range(model.columnCount()):
                    add(widget, str(model.index(row, column).data() or ""))
        elif isinstance(widget, QChartView):
            chart = widget.chart()
            add(widget, chart.title())
            for axis in chart.axes():
                add(widget, axis.titleText())
                for category in getattr(axis, "categories", list)():
                    add(widget, category)
            for series in chart.series():
                add(widget, series.name())
                for bar_set in getattr(series, "barSets", list)():
                    add(widget, bar_set.label())
    return found


def english_in(texts: list[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    """The texts that are an untranslated source string, or hold English words that are not a
    name, a brand or other data the test put there."""
    sources = {m.source for m in live() if m.forms[0] != m.source}
    wrong = []
    for where, text in texts:
        if text in sources:
            wrong.append((where, text))
            continue
        rest = text
        for kept in sorted(data, key=len, reverse=True):
            rest = rest.replace(kept, " ")
        words = [w for w in ENGLISH_WORD.findall(rest) if w not in KEPT]
        if words:
            wrong.append((where, text))
    return wrong


@pytest.fixture
def kiosk_window(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock,
) -> Iterator[KioskWindow]:
    window = KioskWindow(
        kiosk_app, database, default_language=Language.CHINESE, use_camera=False, clock=clock,
        locked=False, sounds=Sounds(enabled=False),
        badges=BadgePrinting(kiosk_app.tasks, database, use_default=False), verdict_seconds=30,
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()


def scan(qtbot: QtBot, window: KioskWindow, payload: str) -> Verdict:
    with qtbot.waitSignal(window.verdict_shown, timeout=10_000) as shown:
        qtbot.keyClicks(window.focusWidget() or window, payload)
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    verdict = shown.args[0]
    assert isinstance(verdict, Verdict)
    return verdict


def test_the_kiosk_in_chinese_shows_no_english(
    qtbot: QtBot, kiosk_window: KioskWindow, kiosk_app: KioskApp, database: Database,
    event: Event,
) -> None:
    window = kiosk_window
    assert kiosk_app.translations.language is Language.CHINESE
    # The attract screen says what to do in both languages: the English lines sit under the
    # Chinese ones on purpose, so they are left out here (and the Chinese must be there).
    attract = window.attract
    bilingual = {attract.scan_line_other, attract.how_line_other}
    texts = [(where, text) for where, text in visible_texts(attract)
             if not any(label.text().strip() == text for label in bilingual)]
    assert "请扫描邀请函上的二维码" in [text for _, text in texts]
    assert english_in(texts, {"English"}) == []

    guest = add_guest(database, event, "王芳", "Wang Fang")
    data = {"Wang Fang", event.name, "Main entrance"}
    for payload in (guest.credential, guest.credential, "NOT-A-PASS-0000"):
        scan(qtbot, window, payload)
        texts = visible_texts(window.verdict_page)
        assert texts, "the verdict screen shows words"
        assert english_in(texts, data) == []


def test_the_desk_in_chinese_shows_no_english(
    qtbot: QtBot, window: DeskWindow, desk_app: KioskApp, database: Database, event: Event,
) -> None:
    from tests.ui.desk_helpers import add_guest as add_searchable

    guest = add_searchable(database, event, "张伟", "Zhang Wei")
    window.desk.check_in(guest.uid)
    desk_app.translations.use(Language.CHINESE)
    assert window.tabs.tabText(0) == "嘉宾"
    window.show_guest(guest.uid)
    qtbot.waitUntil(lambda: window.detail.detail is not None
                    and window.detail.detail.uid == guest.uid, timeout=5000)
    # Data, not words of the program: the guest's Latin name, the staff member, the printer, and
    # the checkpoints' names (the desk shows their stored names; their Chinese names, which the
    # kiosk shows, are not yet used by the desk).
    with database.session() as session:
        checkpoints = set(session.scalars(select(Checkpoint.name)))
    data = {"Zhang Wei", event.name, "Li Na", window.desk.printer or "", *checkpoints}
    wrong = english_in(visible_texts(window), data)
    assert wrong == []

    window.tabs.setCurrentIndex(1)
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: window.dashboard.isVisible(), timeout=3000)
    assert english_in(visible_texts(window.dashboard), data) == []

    window.walk_in_action.trigger()
    form = open_form(qtbot, window)
    assert english_in(visible_texts(form), data | {"Wang Fang"}) == []
    form.reject()
    qtbot.waitUntil(lambda: window.dialog is None, timeout=3000)

    window.settings_action.trigger()
    form = open_form(qtbot, window)
    offered = {form.template.itemText(i) for i in range(form.template.count())}  # file names
    offered |= {form.printer.itemText(i) for i in range(form.printer.count())}
    assert english_in(visible_texts(form), data | offered | {socket.gethostname()}) == []
    form.reject()
    qtbot.waitUntil(lambda: window.dialog is None, timeout=3000)

    window.import_action.trigger()
    wizard = open_form(qtbot, window)
    assert wizard.windowTitle() == "导入嘉宾名单"
    assert english_in(visible_texts(wizard), data) == []
    wizard.reject()
