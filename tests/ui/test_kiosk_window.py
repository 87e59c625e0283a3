"""The guest kiosk: scanner keystrokes in, the right verdict screen out, in both languages."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.models import Event
from tests.conftest import FixedClock
from tests.ui.conftest import Pass, add_guest
from ui.app import KioskApp
from ui.badge_printing import BadgePrinting
from ui.kiosk_window import KioskWindow
from ui.sounds import Sound, Sounds
from ui.translations import Language


@pytest.fixture
def make_window(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock
) -> Iterator[object]:
    made: list[KioskWindow] = []

    def make(language: Language = Language.ENGLISH, **options: object) -> KioskWindow:
        window = KioskWindow(
            kiosk_app, database, default_language=language, use_camera=False, clock=clock,
            locked=False, sounds=Sounds(enabled=False),
            badges=BadgePrinting(kiosk_app.tasks, database, use_default=False),
            **options,  # type: ignore[arg-type]
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


def scan(qtbot: QtBot, window: KioskWindow, payload: str) -> tuple[object, float]:
    """Type the payload as a USB scanner does (fast keys, then Enter) into whatever has focus."""
    with qtbot.waitSignal(window.verdict_shown, timeout=10_000) as shown:
        qtbot.keyClicks(window.focusWidget() or window, payload)
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    verdict, ms = shown.args
    return verdict, ms


def texts(window: KioskWindow) -> str:
    page = window.verdict_page
    return "\n".join(label.text() for label in (
        page.headline, page.name, page.name_latin, page.guidance, page.badge_status
    ) if label.isVisible())


EXPECTED = {
    # reason: (English words, Chinese words) that must be on the screen
    Reason.ADMITTED: (["Welcome", "You are checked in"], ["欢迎", "您已签到"]),
    Reason.ALREADY_CHECKED_IN: (["Already checked in", "09:30", "Main entrance", "help desk"],
                                ["已经签到", "09:30", "主入口", "服务台"]),
    Reason.WRONG_DAY: (["not valid today", "Wed 9 Dec", "help desk"],
                       ["今天无效", "12月9日", "服务台"]),
    Reason.INVALID: (["This code is not valid", "help desk"], ["此二维码无效", "服务台"]),
    Reason.UNKNOWN_CODE: (["Code not recognised", "not on the guest list"],
                          ["无法识别", "不在嘉宾名单"]),
}


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_each_kind_of_scan_shows_its_screen_and_words(
    qtbot: QtBot, make_window: object, database: Database, event: Event, clock: FixedClock,
    language: Language,
) -> None:
    zhang = add_guest(database, event, "张伟", "Zhang Wei")
    day_three = add_guest(database, event, "Ольга Смирнова", "Olga Smirnova",
                          days=[dt.date(2026, 12, 9)])
    window = make_window(language)  # type: ignore[operator]
    column = 0 if language is Language.ENGLISH else 1

    def check(payload: str, reason: Reason, name: str | None) -> None:
        verdict, _ = scan(qtbot, window, payload)
        assert verdict.reason is reason  # type: ignore[attr-defined]
        shown = texts(window)
        for words in EXPECTED[reason][column]:
            assert words in shown, (reason, words, shown)
        if name is not None:
            assert window.verdict_page.name.text() == name
        assert window.verdict_page.icon.icon.value == ("tick" if reason is Reason.ADMITTED
                                                        else "cross")
        clock.advance(seconds=30)

    check(zhang.credential, Reason.ADMITTED, "张伟")
    assert window.verdict_page.name_latin.text() == "Zhang Wei"
    check(zhang.credential, Reason.ALREADY_CHECKED_IN, "张伟")
    check(day_three.credential, Reason.WRONG_DAY, "Ольга Смирнова")
    forged = zhang.credential[:-3] + ("A" if zhang.credential[-3] != "A" else "B") + \
        zhang.credential[-2:]
    check(forged, Reason.INVALID, None)
    check("EXT-NOT-ON-LIST-42", Reason.UNKNOWN_CODE, None)


def test_language_toggle_changes_the_verdict_and_reverts_for_the_next_guest(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
    kiosk_app: KioskApp,
) -> None:
    guest = add_guest(database, event, "Jürgen Müller")
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    assert window.language_button.text() == "中文"
    scan(qtbot, window, guest.credential)
    assert "Welcome" in texts(window)
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert kiosk_app.translations.language is Language.CHINESE
    assert "欢迎" in texts(window) and window.language_button.text() == "English"
    window.show_attract()  # the next guest
    assert kiosk_app.translations.language is Language.ENGLISH
    assert window.attract.scan_line.text() == "Scan the QR code of your invitation"
    assert window.attract.scan_line_other.text() == "请扫描邀请函上的二维码"


def test_the_next_guest_scanning_over_the_last_answer_starts_in_the_default_language(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
    kiosk_app: KioskApp,
) -> None:
    first, prefers_chinese, second = (add_guest(database, event, "Jürgen Müller"),
                                      add_guest(database, event, "李娜", "Li Na", language="zh"),
                                      add_guest(database, event, "Ana Souza"))
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    scan(qtbot, window, first.credential)
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert "欢迎" in texts(window)
    # No return to the attract screen in between: the next guest scans at once.
    scan(qtbot, window, second.credential)
    assert kiosk_app.translations.language is Language.ENGLISH
    assert "Welcome" in texts(window) and window.language_button.text() == "中文"
    scan(qtbot, window, prefers_chinese.credential)
    assert "欢迎" in texts(window)
    scan(qtbot, window, "UNKNOWN-CODE-7")  # a code of no guest: the default again
    assert "Code not recognised" in texts(window)


def test_a_guest_trying_again_after_an_unrecognised_code_keeps_their_language(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guest = add_guest(database, event, "Jürgen Müller")
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)  # 中文 first
    scan(qtbot, window, "EXT-WRONG-CARD-1")  # the wrong card
    assert "无法识别" in texts(window)
    scan(qtbot, window, guest.credential)  # the right one, over the refusal
    assert "欢迎" in texts(window)


def test_a_language_chosen_on_the_attract_screen_holds_for_that_guests_answer(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guest = add_guest(database, event, "Jürgen Müller")
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    scan(qtbot, window, guest.credential)
    assert "欢迎" in texts(window)


def test_a_guest_who_prefers_chinese_gets_the_answer_in_chinese(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guest = add_guest(database, event, "李娜", "Li Na", language="zh")
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    scan(qtbot, window, guest.credential)
    assert "欢迎" in texts(window)


def test_verdict_returns_to_attract_after_a_few_seconds(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guest = add_guest(database, event, "Ana Souza")
    window = make_window(verdict_seconds=0.3)  # type: ignore[operator]
    scan(qtbot, window, guest.credential)
    assert window.stack.currentWidget() is window.verdict_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.attract, timeout=3000)


def test_sounds_for_admitted_and_refused(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guest = add_guest(database, event, "Ana Souza")
    window = make_window()  # type: ignore[operator]
    scan(qtbot, window, guest.credential)
    scan(qtbot, window, "UNKNOWN-CODE-1")
    assert window.sounds.played == [Sound.ADMITTED, Sound.REFUSED]


def test_back_to_back_scans_are_all_recorded_in_order(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    guests: list[Pass] = [add_guest(database, event, f"Guest {i}") for i in range(5)]
    window = make_window()  # type: ignore[operator]
    seen: list[object] = []
    window.verdict_shown.connect(lambda verdict, _ms: seen.append(verdict))
    target = window.focusWidget() or window
    for guest in guests:
        qtbot.keyClicks(target, guest.credential)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) >= 1 and window._scans_in_flight == 0, timeout=10_000)
    from sqlalchemy import select

    from kiosk.models import Scan
    with database.session() as session:
        reasons = session.scalars(select(Scan.reason).order_by(Scan.scanned_at, Scan.id)).all()
    assert len(reasons) == 5 and set(reasons) == {"admitted"}
    assert window.verdict_page.name.text() == "Guest 4"  # the last guest's answer is on screen


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600), (1920, 1080)])
def test_the_verdict_never_overlaps_on_a_smaller_screen(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
    size: tuple[int, int],
) -> None:
    """Icon, headline, a long name with its Latin spelling, guidance and the badge line stay
    apart and on the page (a 1280x800 tablet under Xvfb showed the icon over the headline)."""
    guest = add_guest(database, event, "Александра Владимировна Королёва-Кузнецова",
                      "Aleksandra Vladimirovna Koroleva-Kuznetsova")
    window = make_window(Language.ENGLISH)  # type: ignore[operator]
    window.resize(*size)
    scan(qtbot, window, guest.credential)
    page = window.verdict_page
    page.set_badge_state("Printing your badge... take it below.", busy=True)
    qtbot.wait(50)
    shown = [w for w in (page.icon, page.headline, page.name, page.name_latin, page.guidance,
                         page.badge_status, page.badge_progress) if w.isVisible()]
    assert len(shown) == 7
    boxes = [w.geometry() for w in shown]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.bottom() < lower.top(), (size, upper, lower)
    assert boxes[0].top() >= 0 and boxes[-1].bottom() <= page.height(), (size, boxes)
    assert page.scale < 1.0 or size[1] >= 1080  # only a tall screen has room at full size


@pytest.mark.parametrize("size", [(800, 480), (1024, 600), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("language", [Language.ENGLISH, Language.CHINESE])
def test_the_attract_screen_fits_a_smaller_screen(
    qtbot: QtBot, make_window: object, size: tuple[int, int], language: Language,
) -> None:
    """Both languages' lines and the notice stay apart and on the page (at 1024x600 the
    headline was cut in half)."""
    window = make_window(language)  # type: ignore[operator]
    window.resize(*size)
    window.attract.show_notice("No camera found. Please use the handheld scanner.")
    qtbot.wait(50)
    page = window.attract
    lines = [page.scan_line, page.how_line, page.scan_line_other, page.how_line_other,
             page.notice]
    boxes = [w.geometry() for w in lines]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.bottom() < lower.top(), (size, upper, lower)
    assert boxes[0].top() >= 0 and boxes[-1].bottom() <= page.height(), (size, boxes)
    for label in lines:  # each line has the height its wrapped text needs: nothing cut off
        assert label.height() >= label.heightForWidth(label.width()) - 1, (size, label.text())
    assert page.scale == 1.0 or size[1] < 1080


def test_a_scan_while_the_staff_desk_window_is_active_is_no_check_in_here(
    qtbot: QtBot, make_window: object, database: Database, event: Event,
) -> None:
    """Staff open the desk from the kiosk and scan a guest there to look them up: the kiosk,
    behind it, must not check the guest in; once it is active again it scans as before."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from kiosk.models import Scan

    guest = add_guest(database, event, "Jürgen Müller")
    window = make_window()  # type: ignore[operator]
    desk = QLineEdit()  # stands in for the desk window
    qtbot.addWidget(desk)
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk, timeout=5000)
    shown: list[object] = []
    window.verdict_shown.connect(lambda verdict, _ms: shown.append(verdict))
    qtbot.keyClicks(desk, guest.credential)
    qtbot.keyClick(desk, Qt.Key.Key_Return)
    qtbot.wait(300)
    from sqlalchemy import func, select
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 0
    assert shown == [] and desk.text() == ""  # taken as a scan, and the field stays empty
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    verdict, _ = scan(qtbot, window, guest.credential)
    assert verdict.reason is Reason.ADMITTED  # type: ignore[attr-defined]
