"""A first admission prints the badge through the durable print queue, with progress on screen;
a printer problem is shown calmly and the check-in stands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain import PrintJobState
from kiosk.models import BadgePrint, Event, PrintJob, Scan
from tests.conftest import FixedClock
from tests.ui.conftest import add_guest
from ui.app import KioskApp
from ui.badge_printing import BadgePrinting, BadgeProgress, BadgeStage
from ui.kiosk_window import KioskWindow
from ui.sounds import Sounds


@pytest.fixture
def printing_window(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock,
) -> Iterator[object]:
    made: list[KioskWindow] = []

    def make(printer: str) -> KioskWindow:
        window = KioskWindow(
            kiosk_app, database, use_camera=False, clock=clock, locked=False,
            sounds=Sounds(enabled=False),
            badges=BadgePrinting(kiosk_app.tasks, database, printer=printer, held_poll_ms=100),
        )
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


def _scan_and_follow(qtbot: QtBot, window: KioskWindow, payload: str) -> list[BadgeProgress]:
    stages: list[BadgeProgress] = []
    window.badges.progress.connect(stages.append)
    target = window.focusWidget() or window
    with qtbot.waitSignal(window.verdict_shown, timeout=10_000):
        qtbot.keyClicks(target, payload)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(stages) and stages[-1].stage in (
        BadgeStage.DONE, BadgeStage.PROBLEM), timeout=30_000)
    return stages


def test_first_admission_prints_the_badge_with_progress_on_screen(
    qtbot: QtBot, printing_window: object, database: Database, event: Event, tmp_path: Path,
) -> None:
    tray = tmp_path / "tray"
    tray.mkdir()
    guest = add_guest(database, event, "王芳", "Wang Fang")
    window = printing_window(f"folder:{tray}")  # type: ignore[operator]
    stages = _scan_and_follow(qtbot, window, guest.credential)
    assert stages[0].stage is BadgeStage.QUEUED
    assert stages[-1].stage is BadgeStage.DONE
    assert "Your badge is ready" in window.verdict_page.badge_status.text()
    assert len(list(tray.glob("*.pdf"))) == 1
    with database.session() as session:
        assert session.scalar(select(PrintJob.state)) == PrintJobState.DONE.value
        assert session.scalar(select(BadgePrint.reason)) == "first"


def test_printing_shows_its_progress_while_the_job_runs(
    qtbot: QtBot, printing_window: object, database: Database, event: Event, tmp_path: Path,
) -> None:
    tray = tmp_path / "tray"
    tray.mkdir()
    guest = add_guest(database, event, "Amélie Laurent")
    window = printing_window(f"folder:{tray}")  # type: ignore[operator]
    seen: list[str] = []
    window.badges.progress.connect(
        lambda p: seen.append(window.verdict_page.badge_status.text())
        if p.stage is BadgeStage.PRINTING else None)
    _scan_and_follow(qtbot, window, guest.credential)
    assert seen and seen[0] == "Printing your badge... take it below."


def test_a_printer_problem_is_calm_and_the_check_in_stands(
    qtbot: QtBot, printing_window: object, database: Database, event: Event, tmp_path: Path,
) -> None:
    guest = add_guest(database, event, "Ngozi Okafor")
    window = printing_window(f"folder:{tmp_path / 'unplugged'}")  # type: ignore[operator]
    stages = _scan_and_follow(qtbot, window, guest.credential)
    assert stages[-1].stage is BadgeStage.PROBLEM and "unplugged" in (stages[-1].reason or "")
    text = window.verdict_page.badge_status.text()
    assert "help desk" in text and "in a moment" in text
    assert window.verdict_page.headline.text() == "Welcome"
    with database.session() as session:
        assert session.scalar(select(Scan.reason)) == "admitted"
        job = session.scalars(select(PrintJob)).one()
        assert job.state == PrintJobState.HELD.value and "unplugged" in (job.state_reason or "")


def test_a_re_entry_prints_nothing(
    qtbot: QtBot, printing_window: object, database: Database, event: Event, tmp_path: Path,
    clock: FixedClock,
) -> None:
    tray = tmp_path / "tray"
    tray.mkdir()
    guest = add_guest(database, event, "Sven Larsson")
    window = printing_window(f"folder:{tray}")  # type: ignore[operator]
    _scan_and_follow(qtbot, window, guest.credential)
    clock.advance(minutes=1)
    target = window.focusWidget() or window
    with qtbot.waitSignal(window.verdict_shown, timeout=10_000) as shown:
        qtbot.keyClicks(target, guest.credential)
        qtbot.keyClick(target, Qt.Key.Key_Return)
    assert shown.args[0].reason.value == "already_checked_in"
    assert not window.verdict_page.badge_status.isVisible()
    assert len(list(tray.glob("*.pdf"))) == 1


def test_a_printer_problem_is_raised_for_staff_until_the_held_badge_prints(
    qtbot: QtBot, printing_window: object, database: Database, event: Event, tmp_path: Path,
) -> None:
    tray = tmp_path / "tray"  # the printer is off: its folder is not there yet
    guest = add_guest(database, event, "Ngozi Okafor")
    window = printing_window(f"folder:{tray}")  # type: ignore[operator]
    raised: list[str] = []
    window.printer_problem_raised.connect(raised.append)
    assert not window.staff_notice.isVisible()
    _scan_and_follow(qtbot, window, guest.credential)
    assert len(raised) == 1 and "no folder" in raised[0]
    assert window.staff_notice.isVisible()
    assert window.staff_notice.text().startswith("Badge printer: no printer of this name")
    window.show_attract()  # the next guest: the guest's screen is calm, staff still see it
    assert window.staff_notice.isVisible()
    assert "help desk" not in window.staff_notice.text()
    tray.mkdir()  # the printer is back: the held badge prints, once, and the line goes
    qtbot.waitUntil(lambda: not window.staff_notice.isVisible(), timeout=10_000)
    assert len(list(tray.glob("*.pdf"))) == 1 and len(raised) == 1
    with database.session() as session:
        assert session.scalar(select(PrintJob.state)) == PrintJobState.DONE.value
        assert len(session.scalars(select(BadgePrint)).all()) == 1


def test_the_print_service_is_built_on_the_print_lane_once_the_kiosk_is_ready(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not on the way to ready-to-scan, not on the GUI thread; no printer set up: the guest is
    sent to the desk for the badge."""
    import threading

    import ui.badge_printing

    built_on: list[threading.Thread] = []

    def no_printer(_database: Database, _printer: str | None) -> None:
        built_on.append(threading.current_thread())
        return None

    monkeypatch.setattr(ui.badge_printing, "default_service", no_printer)
    badges = BadgePrinting(kiosk_app.tasks, database)
    assert built_on == [] and badges.available is None
    window = KioskWindow(kiosk_app, database, use_camera=False, clock=clock, locked=False,
                         sounds=Sounds(enabled=False), badges=badges)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        qtbot.waitUntil(lambda: badges.available is False, timeout=10_000)
        assert len(built_on) == 1 and built_on[0] is not threading.main_thread()
        guest = add_guest(database, event, "Kofi Mensah")
        stages: list[BadgeProgress] = []
        badges.progress.connect(stages.append)
        target = window.focusWidget() or window
        with qtbot.waitSignal(window.verdict_shown, timeout=10_000):
            qtbot.keyClicks(target, guest.credential)
            qtbot.keyClick(target, Qt.Key.Key_Return)
        assert [p.stage for p in stages] == [BadgeStage.UNAVAILABLE]
        assert "help desk" in window.verdict_page.badge_status.text()
    finally:
        window.shutdown()


@pytest.mark.system
def test_a_stopped_cups_printer_is_raised_for_staff_and_the_badge_prints_once_it_is_back(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock,
) -> None:
    """The real print system: KioskPDF stopped with a reason (cupsdisable) holds the badge, the
    guest is told calmly, staff see the reason; cupsenable prints it once and the line goes."""
    import shutil
    import subprocess

    from tests.badge_helpers import cups_pdf_output
    from tests.conftest import require_system_part

    printer = "KioskPDF"
    ready = shutil.which("lpstat") is not None and subprocess.run(
        ["lpstat", "-p", printer], capture_output=True, check=False).returncode == 0
    require_system_part(ready, f"CUPS with the cups-pdf printer {printer} is not set up")
    subprocess.run(["cupsdisable", "-r", "out of paper", printer], check=True)
    window = KioskWindow(
        kiosk_app, database, use_camera=False, clock=clock, locked=False,
        sounds=Sounds(enabled=False), verdict_seconds=60,
        badges=BadgePrinting(kiosk_app.tasks, database, printer=printer, held_poll_ms=300),
    )
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        guest = add_guest(database, event, "Chiamaka Eze")
        stages = _scan_and_follow(qtbot, window, guest.credential)
        assert stages[-1].stage is BadgeStage.PROBLEM
        assert "out of paper" in window.staff_notice.text() and window.staff_notice.isVisible()
        assert "help desk" in window.verdict_page.badge_status.text()
        with database.session() as session:
            job = session.scalars(select(PrintJob)).one()
        landed = list(cups_pdf_output().glob(f"*{job.uid}*.pdf"))
        assert landed == []
        subprocess.run(["cupsenable", printer], check=True)
        qtbot.waitUntil(lambda: not window.staff_notice.isVisible(), timeout=40_000)
        qtbot.waitUntil(lambda: bool(list(cups_pdf_output().glob(f"*{job.uid}*.pdf"))),
                        timeout=20_000)
        qtbot.wait(1000)
        landed = list(cups_pdf_output().glob(f"*{job.uid}*.pdf"))
        assert len(landed) == 1  # printed once
        for path in landed:
            path.unlink()
        with database.session() as session:
            assert session.scalar(select(PrintJob.state)) == PrintJobState.DONE.value
            assert len(session.scalars(select(BadgePrint)).all()) == 1
    finally:
        subprocess.run(["cupsenable", printer], check=False)
        subprocess.run(["cupsaccept", printer], check=False)
        window.shutdown()
