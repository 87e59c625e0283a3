"""Screenshots of every kiosk screen, in English and Chinese, from the real window.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py [--out docs/screenshots]
    xvfb-run -a -s "-screen 0 1440x900x24" python tools/screenshots.py --desk   # the staff desk

Builds a small forum in a temporary data folder (guests with names in several scripts, one
already checked in at 09:14), opens the kiosk window full screen on the X display, drives it the
way a guest does (scanner keystrokes through the application-wide scanner filter; synthetic
camera frames through the camera's own video sink) and grabs the whole screen after each step,
so dialogs on top are in the picture too. Badges print to the CUPS PDF printer KioskPDF when it
exists (else to a folder printer); the printer problem is a folder printer that is not there
(the job is held with that reason).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.frames import camera_frame  # noqa: E402
from kiosk import events  # noqa: E402
from kiosk.checkin import Gate  # noqa: E402
from kiosk.db import Database  # noqa: E402
from kiosk.domain import Category, EntryPolicy  # noqa: E402
from kiosk.models import Checkpoint, Guest  # noqa: E402
from kiosk.pin import PinGuard  # noqa: E402
from ui.app import KioskApp  # noqa: E402
from ui.badge_printing import BadgePrinting, BadgeProgress, BadgeStage  # noqa: E402
from ui.badge_service import QueueBadgeService  # noqa: E402
from ui.camera import frame_from_array  # noqa: E402
from ui.kiosk_window import KioskWindow  # noqa: E402
from ui.sounds import Sounds  # noqa: E402
from ui.translations import Language  # noqa: E402

NOW = dt.datetime(2026, 12, 8, 2, 5, tzinfo=dt.UTC)  # 10:05 in Beijing, day two of the forum
CUPS_PRINTER = "KioskPDF"
EARLIER = dt.datetime(2026, 12, 8, 1, 14, tzinfo=dt.UTC)  # 09:14 in Beijing


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(seconds=20)  # each scan a little later: no debounce
        return self.moment


def build_forum(folder: Path) -> tuple[Database, dict[str, str]]:
    """The forum, its guests' credentials by role, and one guest checked in at 09:14."""
    database = Database.open(folder)
    credentials: dict[str, str] = {}
    with database.session() as session:
        forum = events.create_event(
            session, "Beijing International Science Forum", dt.date(2026, 12, 7),
            dt.date(2026, 12, 11), "Asia/Shanghai", name_local="北京国际科学论坛",
            venue="China National Convention Center",
        )
        session.add_all([
            Checkpoint(event=forum, name="Main entrance", name_local="主入口",
                       entry_policy=EntryPolicy.SINGLE.value),
            Checkpoint(event=forum, name="VIP lounge", name_local="贵宾室",
                       entry_policy=EntryPolicy.REENTRY.value,
                       allowed_categories=[Category.VIP.value, Category.SPEAKER.value]),
        ])
        people = {
            "admitted_en": ("María José García", None, Category.SPEAKER, None),
            "admitted_zh": ("欧阳娜娜", "Ouyang Nana", Category.GUEST, None),
            "printing_en": ("Ольга Смирнова", "Olga Smirnova", Category.GUEST, None),
            "printing_zh": ("김민준", "Kim Minjun", Category.GUEST, None),
            "problem_en": ("محمد عبد الله", "Mohammed Abdullah", Category.EXHIBITOR, None),
            "problem_zh": ("山田太郎", "Yamada Taro", Category.MEDIA, None),
            "already": ("张伟", "Zhang Wei", Category.GUEST, None),
            "wrong_day": ("Αλέξανδρος Παπαδόπουλος", "Alexandros Papadopoulos",
                          Category.GUEST, ["2026-12-10"]),
            "not_allowed": ("Jürgen Müller", None, Category.EXHIBITOR, None),
        }
        for role, (name, latin, category, days) in people.items():
            guest = Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                          name=name, name_latin=latin, category=category.value, days=days)
            session.add(guest)
            session.flush()
            credentials[role] = events.credential_for(forum, guest)
    Gate(database, "Main entrance", clock=lambda: EARLIER).scan(credentials["already"])
    PinGuard(database).set_first_pin("2468")
    return database, credentials


def wait_until(predicate: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def settle(ms: int = 300) -> None:
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.taken: list[Path] = []

    def __call__(self, name: str, settle_ms: int = 300) -> None:
        settle(settle_ms)
        screen = QApplication.primaryScreen()
        path = self.out / f"{name}.png"
        screen.grabWindow(0).save(str(path))
        self.taken.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def full_screen(window: KioskWindow) -> None:
    """Full screen as on a kiosk (Xvfb has no window manager to size it, so say the size)."""
    window.setGeometry(QApplication.primaryScreen().geometry())
    window.showFullScreen()


def scan(window: KioskWindow, payload: str) -> None:
    """Keystrokes of a USB scanner, into whatever has the focus."""
    shown: list[object] = []
    window.verdict_shown.connect(lambda verdict, _ms: shown.append(verdict))
    target = QApplication.focusWidget() or window
    QTest.keyClicks(target, payload)
    QTest.keyClick(target, Qt.Key.Key_Return)
    wait_until(lambda: bool(shown))


def run(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    database, credentials = build_forum(folder / "data")
    tray, missing = folder / "tray", folder / "unplugged-printer"
    tray.mkdir()
    app = KioskApp.create(sys.argv[:1])
    # The CUPS PDF printer when there is one (a job takes it a moment, as on paper), else a folder.
    printer = f"folder:{tray}"
    if subprocess.run(["lpstat", "-p", CUPS_PRINTER], capture_output=True).returncode == 0:
        printer = CUPS_PRINTER
    shoot = Shooter(out)
    for language in (Language.ENGLISH, Language.CHINESE):
        suffix = "en" if language is Language.ENGLISH else "zh"
        print(f"{language.switch_label}:")
        badges = BadgePrinting(app.tasks, database, printer=printer)
        window = KioskWindow(app, database, checkpoint="Main entrance", default_language=language,
                             clock=Clock(NOW), badges=badges, sounds=Sounds(enabled=False),
                             verdict_seconds=600)
        full_screen(window)
        wait_until(lambda w=window: w.gate is not None)  # type: ignore[misc]
        settle(500)
        shoot(f"kiosk-attract-no-camera-{suffix}")
        # The preview with its guide frame, fed synthetic frames through the camera's sink.
        camera = window.camera
        if camera is not None and camera.has_multimedia and window.attract.camera_view:
            window.attract.camera_view.show()
            window.attract.show_notice("")
            camera.feed_frame(frame_from_array(camera_frame(None, "no_code", seed=4)))
            shoot(f"kiosk-attract-{suffix}")

        stages: list[BadgeProgress] = []
        badges.progress.connect(stages.append)
        # Printing: the screen as the job is on its way to the printer.
        stages.clear()
        printing: list[bool] = []
        badges.progress.connect(lambda p, seen=printing: seen.append(True)
                                if p.stage is BadgeStage.PRINTING else None)
        scan(window, credentials[f"printing_{suffix}"])
        wait_until(lambda seen=printing: bool(seen))
        shoot(f"kiosk-printing-{suffix}", settle_ms=60)
        wait_until(lambda seen=stages: seen[-1].stage in (BadgeStage.DONE, BadgeStage.PROBLEM))
        # Admitted, badge printed.
        stages.clear()
        scan(window, credentials[f"admitted_{suffix}"])
        wait_until(lambda seen=stages: bool(seen) and seen[-1].stage is BadgeStage.DONE)
        shoot(f"kiosk-admitted-{suffix}")
        # Printer problem: the folder printer is not there; the job is held, the guest is told
        # calmly and staff see the printer's reason beside the Staff button.
        unplugged = missing / suffix
        badges.service = QueueBadgeService(database, f"folder:{unplugged}")
        stages.clear()
        scan(window, credentials[f"problem_{suffix}"])
        wait_until(lambda seen=stages: bool(seen) and seen[-1].stage is BadgeStage.PROBLEM)
        shoot(f"kiosk-printer-problem-{suffix}")
        # The printer comes back: the held badge prints and the staff line goes.
        unplugged.mkdir(parents=True)
        wait_until(lambda w=window: not w.staff_notice.isVisible(), 30)  # type: ignore[misc]
        badges.service = QueueBadgeService(database, printer)
        for role, name in (("already", "already-checked-in"), ("wrong_day", "wrong-day")):
            window.show_attract()
            scan(window, credentials[role])
            shoot(f"kiosk-{name}-{suffix}")
        forged = credentials["already"]
        forged = forged[:40] + ("X" if forged[40] != "X" else "Y") + forged[41:]
        scan(window, forged)
        shoot(f"kiosk-forged-{suffix}")
        scan(window, "EXT-2026-004711")
        shoot(f"kiosk-unknown-{suffix}")
        window.show_attract()
        window.ask_for_staff()
        settle(300)
        shoot(f"kiosk-pin-{suffix}")
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()
        window._may_close = True
        window.close()
        settle(200)
        # Not allowed here: the VIP lounge's kiosk and an exhibitor.
        lounge = KioskWindow(app, database, checkpoint="VIP lounge", default_language=language,
                             clock=Clock(NOW), sounds=Sounds(enabled=False), verdict_seconds=600,
                             badges=BadgePrinting(app.tasks, database, use_default=False))
        full_screen(lounge)
        wait_until(lambda w=lounge: w.gate is not None)  # type: ignore[misc]
        scan(lounge, credentials["not_allowed"])
        shoot(f"kiosk-not-allowed-{suffix}")
        lounge._may_close = True
        lounge.close()
        settle(200)
    app.close()
    database.close()
    return shoot.taken


def window_manager() -> subprocess.Popen[bytes] | None:
    """A window manager on the virtual screen, so dialogs have their title bars as on a real
    desktop (Debian's openbox where installed; without one the pictures lack only the frames)."""
    if shutil.which("openbox") is None:
        print("no openbox here: dialogs will have no title bars "
              "(apt install openbox fonts-wqy-zenhei)")
        return None
    manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # it must own the screen before the first window maps
    return manager


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--desk", action="store_true",
                        help="the staff desk's screens instead (tools/desk_screenshots.py)")
    args = parser.parse_args()
    manager = window_manager()
    try:
        if args.desk:
            from tools import desk_screenshots

            taken = desk_screenshots.run(args.out)
        else:
            taken = run(args.out)
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(5)
    print(f"{len(taken)} screenshots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
