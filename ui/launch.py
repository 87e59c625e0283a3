"""Start the desktop app: ``python main.py`` (or ``kiosk gui``, or ``python -m ui``).

    python main.py                      the guest kiosk, full screen, on the current event
                                        (the demo event is built on first start when none is set up)
    python main.py --windowed           in a window (development, screenshots)
    python main.py --desk               the staff desk instead
    python main.py --data-dir DIR       another data folder (default: $KIOSK_HOME or the user's)

The staff desk lives in ``ui.desk``; it provides ``open_desk(app, database) -> QWidget``.
Exit status: 0 after a normal quit, 1 when the data cannot be opened (one line on stderr).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.db import Database, default_data_dir
from kiosk.errors import KioskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.app import KioskApp
    from ui.sync_status import SyncService

log = logging.getLogger("ui.launch")

STARTED = time.perf_counter()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="The check-in kiosk window.")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder of the local database (default: $KIOSK_HOME or user data)")
    parser.add_argument("--desk", action="store_true", help="open the staff desk")
    parser.add_argument("--windowed", action="store_true",
                        help="a normal window instead of full screen, closed without the PIN "
                             "(development, screenshots)")
    parser.add_argument("--checkpoint", metavar="NAME",
                        help="the checkpoint this kiosk scans for (default: the first entrance)")
    parser.add_argument("--language", choices=["en", "zh"], default="en",
                        help="the default language guests see (they can switch)")
    parser.add_argument("--no-camera", action="store_true", help="scanner only, no camera")
    parser.add_argument("--printer", metavar="SPEC",
                        help="badge printer, e.g. KioskPDF or folder:/tmp/badges (default: the "
                             "one chosen in the desk's settings; none: badges at the desk)")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="quit as soon as the kiosk can scan, printing the seconds it took "
                             "(for the start-up benchmark)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    folder = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()

    from ui.app import KioskApp  # Qt is imported only once the arguments are good

    app = KioskApp.create(sys.argv[:1])
    try:
        database = Database.open(folder)
    except KioskError as error:
        print(f"kiosk: {error.full_message()}", file=sys.stderr)
        return 1
    sync = _start_sync(app, database)
    try:
        try:
            window = _open_desk(app, database) if args.desk else _open_kiosk(app, database, args)
        except KioskError as error:
            print(f"kiosk: {error.full_message()}", file=sys.stderr)
            return 1
        if window is None:
            return 1
        _show_sync(sync, window, database)
        if args.windowed:
            window.resize(1280, 800)
            window.show()
        else:
            # The whole screen even where no window manager honours "full screen" (a kiosk
            # session that runs only this program on X11): the geometry first, then the state.
            screen = window.screen() or app.qt.primaryScreen()
            window.setGeometry(screen.geometry())
            window.showFullScreen()
        return int(app.qt.exec())
    finally:
        sync.stop()  # before the database closes: its threads write there
        app.close()
        database.close()


def _start_sync(app: KioskApp, database: Database) -> SyncService:
    """The background sync (off the GUI thread). It runs whether or not this device is enrolled
    yet: until it is, it only looks every few seconds, so enrolling from the desk's settings
    starts syncing without a restart."""
    from ui.sync_status import SyncService

    service = SyncService(database, app.qt)
    service.start()
    return service


def _show_sync(sync: SyncService, window: QWidget, database: Database) -> None:
    """The sync indicator: in the kiosk's bottom bar (and a push after every scan), or in the
    desk's status bar."""
    from PySide6.QtWidgets import QMainWindow

    from ui.kiosk_window import KioskWindow
    from ui.sync_status import SyncIndicator, event_timezone

    timezone = event_timezone(database)
    if isinstance(window, KioskWindow):
        window.add_status_widget(SyncIndicator(sync, timezone, dark=True))
        window.verdict_shown.connect(sync.wake)
    elif isinstance(window, QMainWindow):
        window.statusBar().addPermanentWidget(SyncIndicator(sync, timezone))


def _open_kiosk(app: KioskApp, database: Database, args: argparse.Namespace) -> QWidget:
    from PySide6.QtCore import QSettings

    from ui.kiosk_window import KioskWindow
    from ui.translations import Language

    checkpoint = args.checkpoint or str(QSettings().value("device/checkpoint", "") or "") or None
    window = KioskWindow(
        app, database, checkpoint=checkpoint,
        default_language=Language.CHINESE if args.language == "zh" else Language.ENGLISH,
        use_camera=not args.no_camera, printer=args.printer, locked=not args.windowed,
    )
    if args.exit_when_ready:
        def report_ready() -> None:
            print(f"ready {time.perf_counter() - STARTED:.3f}", flush=True)
            window.allow_exit()
            window.close()
            app.qt.quit()
        window.ready.connect(report_ready)
    return window


def _open_desk(app: KioskApp, database: Database) -> QWidget | None:
    try:
        from ui.desk import open_desk  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        print("kiosk: the staff desk is not part of this build yet", file=sys.stderr)
        return None
    desk: QWidget = open_desk(app, database)
    return desk


if __name__ == "__main__":
    sys.exit(main())
