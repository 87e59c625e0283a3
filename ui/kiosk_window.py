"""The guest-facing kiosk window: attract screen, scan, verdict, badge.

Scans come from the handheld scanner (ui.scanner_input, whatever has the focus) and the camera
(ui.camera). Each goes to ``Gate.scan`` on the single writer thread (ui.tasks): the durable SQLite
write never runs on the GUI thread, and scans are recorded in the order they came. The verdict
screen shows only what the Verdict says (ui.verdict_view), in the guest's language, then returns
to the attract screen after ``verdict_seconds`` or at the next scan; the language goes back to
the default for the next guest. On a first admission the badge is printed through the print queue
(ui.badge_printing) with its progress on screen; a printer problem is shown calmly and the
check-in stands.

A guest cannot leave the window: closing it, or the staff button, asks for the staff PIN
(kiosk.pin) first. ``locked=False`` (``main.py --windowed``) lets a developer close it.

Signals:
    ready(): the kiosk can scan (the gate is open on its checkpoint).
    verdict_shown(object, float): a Verdict, and milliseconds from its scan to the screen painted.
    screen_changed(str): "attract" or "verdict".
    staff_unlocked(): the staff PIN was accepted.
    printer_problem_raised(str): the badge printer has a problem (the print system's reason);
        staff also see it beside the Staff button until a badge prints again.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import events
from kiosk.checkin import Clock, Gate, Verdict
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.errors import KioskError, SetupError
from kiosk.models import Checkpoint, utc_now
from kiosk.pin import PinGuard
from kiosk.sync.online import EnrolmentArbiter
from ui import core_text
from ui.attract_view import AttractPage
from ui.badge_printing import BadgePrinting, BadgeProgress, BadgeStage
from ui.camera import CameraScanner
from ui.pin_dialog import PinDialog
from ui.sounds import Sound, Sounds
from ui.staff_menu import StaffChoice, StaffMenu
from ui.translations import Language
from ui.verdict_view import Places, VerdictPage

if TYPE_CHECKING:
    from ui.app import KioskApp

log = logging.getLogger("ui.kiosk")

ATTRACT_BACKGROUND = "#0f1c2e"
CAMERA_SETTING = "device/camera"  # shared with the desk's settings (ui/desk/settings.py)


@dataclass(frozen=True, slots=True)
class Opened:
    """What the worker found when opening the gate: the gate and the names the screens need."""

    gate: Gate
    places: Places
    event_name: str
    event_name_local: str | None
    checkpoint_name: str
    checkpoint_name_local: str | None


def open_gate(database: Database, checkpoint: str | None, clock: Clock) -> Opened:
    """Open the gate on its checkpoint (building the demo event on a first start). Worker."""
    try:
        with database.session() as session:
            events.current_event(session)
    except SetupError:
        # The demo event, built only when nothing is set up (kiosk.demo, the first-run data).
        demo = importlib.import_module("kiosk.demo")
        log.warning("no event set up: building the demo event")
        demo.ensure_demo(database)
    # Once enrolled with a server (now or later), scans this kiosk would admit are put to it
    # first (kiosk.sync.online), falling back to the local verdict within half a second; this
    # runs on the writer thread. Its WAL checkpoints wait until a verdict is on its way to the
    # screen (Gate.tidy, queued behind each scan).
    gate = Gate(database, checkpoint, clock=clock, arbiter=EnrolmentArbiter(database),
                defer_checkpoints=True)
    with database.session() as session:
        event = events.current_event(session)
        local_names = {c.name: c.name_local for c in event.checkpoints if c.name_local}
        here = session.get(Checkpoint, gate.checkpoint_id)
        return Opened(
            gate=gate, places=Places(event.timezone, local_names), event_name=event.name,
            event_name_local=event.name_local, checkpoint_name=gate.checkpoint_name,
            checkpoint_name_local=here.name_local if here else None,
        )


def _font(point_size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    return font


class KioskWindow(QWidget):
    """The guest kiosk (see the module docstring).

    Signals:
        ready(): the kiosk can scan.
        verdict_shown(object, float): the Verdict and milliseconds from scan to painted screen.
        screen_changed(str): "attract" or "verdict".
        staff_unlocked(): the staff PIN was accepted.
        printer_problem_raised(str): the badge printer has a problem (the print system's reason).
    """

    ready = Signal()
    verdict_shown = Signal(object, float)
    screen_changed = Signal(str)
    staff_unlocked = Signal()
    printer_problem_raised = Signal(str)

    def __init__(
        self, app: KioskApp, database: Database, *, checkpoint: str | None = None,
        default_language: Language = Language.ENGLISH, use_camera: bool = True,
        clock: Clock = utc_now, verdict_seconds: float = 6.0, locked: bool = True,
        badges: BadgePrinting | None = None, sounds: Sounds | None = None,
        pin_guard: PinGuard | None = None, printer: str | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.database = database
        self.clock = clock
        self.default_language = default_language
        self.verdict_seconds = verdict_seconds
        self.locked = locked
        self.gate: Gate | None = None
        self.opened: Opened | None = None
        self.pin_guard = pin_guard or PinGuard(database)
        self.sounds = sounds if sounds is not None else Sounds(self)
        self.badges = badges if badges is not None else BadgePrinting(
            app.tasks, database, self, printer=printer)
        self.badges.progress.connect(self._on_badge_progress)
        self._waiting: deque[tuple[str, float]] = deque()  # scans before the gate is open
        self._timing: tuple[Verdict, float] | None = None  # verdict awaiting its first paint
        self._language_chosen = False
        self._may_close = False
        self._scans_in_flight = 0
        self._current_badge_scan: str | None = None
        self.setWindowTitle(self.tr("Check-in"))
        self.setObjectName("KioskWindow")
        self._set_backdrop(ATTRACT_BACKGROUND)

        self.camera: CameraScanner | None = CameraScanner(self) if use_camera else None
        self.attract = AttractPage(app.translations, self.camera)
        self.verdict_page = VerdictPage(Places())
        self.verdict_page.painted.connect(self._on_verdict_painted)
        self.stack = QStackedWidget()
        # The screens take what the top and bottom bars leave, never pushing them off screen.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.addWidget(self.attract)
        self.stack.addWidget(self.verdict_page)

        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = QLabel()
        self.title.setFont(_font(20, bold=True))
        self.title.setStyleSheet("color: #ffffff;")
        self.language_button = QPushButton()
        self.language_button.setFont(_font(22, bold=True))
        self.language_button.setMinimumSize(180, 72)
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_button.setStyleSheet(
            "QPushButton { background: #ffffff; color: #0f1c2e; border-radius: 12px; }")
        self.language_button.clicked.connect(self.toggle_language)
        self.staff_button = QPushButton()
        self.staff_button.setFont(_font(12))
        self.staff_button.setMinimumSize(96, 56)
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.setStyleSheet(
            "QPushButton { background: transparent; color: #8fa3bf; border: 1px solid #4a5d78;"
            " border-radius: 8px; }")
        self.staff_button.clicked.connect(self.ask_for_staff)
        self.printer_problem: str | None = None
        self.staff_notice = QLabel()
        self.staff_notice.setObjectName("staffNotice")
        self.staff_notice.setFont(_font(12))
        self.staff_notice.setStyleSheet(
            "#staffNotice { background: rgba(0, 0, 0, 110); color: #ffd27a;"
            " border-radius: 8px; padding: 6px 12px; }")
        self.staff_notice.hide()

        top = QHBoxLayout()
        top.setContentsMargins(24, 16, 24, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.language_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 0, 16, 12)
        bottom.addWidget(self.staff_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.staff_notice)
        bottom.addStretch(1)
        self._bottom_bar = bottom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        self.back_timer.timeout.connect(self.show_attract)

        app.scanner.scanned.connect(self.on_scanned)
        # Qt posts LanguageChange events; the screens follow the toggle at once instead.
        app.translations.changed.connect(self._on_language_changed)
        if self.camera is not None:
            self.camera.code_found.connect(self.on_camera_code)
            self.camera.unavailable.connect(self._on_camera_unavailable)
        app.translations.use(default_language)
        self.retranslate()
        app.tasks.write(open_gate, database, checkpoint, clock, on_done=self._on_opened,
                        on_error=self._on_open_failed, owner=self)

    # Start-up ---------------------------------------------------------------------------------

    def _on_opened(self, opened: Opened) -> None:
        self.opened = opened
        self.gate = opened.gate
        self.verdict_page.places = opened.places
        self.attract.set_ready(True)
        self.retranslate()
        if self.camera is not None:
            self.camera.start(self._chosen_camera())
        log.info("kiosk ready at %s", opened.checkpoint_name)
        self.ready.emit()
        self.badges.prepare()  # the print queue and badge renderer, on the print lane
        while self._waiting:
            self._submit(*self._waiting.popleft())

    def _on_open_failed(self, error: BaseException) -> None:
        message = (core_text.error_text(error) if isinstance(error, KioskError)
                   else self.tr("The kiosk could not start. Please call staff."))
        self.attract.show_notice(message)
        log.error("kiosk could not open its gate: %s", error)

    def _chosen_camera(self) -> str | None:
        value = QSettings().value(CAMERA_SETTING)
        return str(value) if value else None

    # Scans ------------------------------------------------------------------------------------

    @Slot(str)
    def on_scanned(self, payload: str) -> None:
        """A handheld-scanner scan (ui.scanner_input)."""
        self._submit(payload, time.perf_counter())

    @Slot(str, float)
    def on_camera_code(self, payload: str, arrived: float) -> None:
        """A code the camera read; arrived is when its frame reached the GUI thread."""
        self._submit(payload, arrived)

    def _submit(self, payload: str, started: float) -> None:
        if not self.isVisible() or self._has_modal():
            return  # a scan while staff use the PIN pad or the menu is not a guest's
        if self._another_window_active():
            log.info("scan left to the active window (staff at the desk)")
            return  # staff scanning at the desk opened from here: a look-up, not a check-in
        if self.gate is None:
            self._waiting.append((payload, started))
            return
        self._scans_in_flight += 1
        self.app.tasks.write(
            self.gate.scan, payload, on_done=lambda v: self._on_verdict(v, started),
            on_error=self._on_scan_failed, owner=self,
        )
        self.app.tasks.write(self.gate.tidy, owner=self)

    def _another_window_active(self) -> bool:
        """Another window of this app (the staff desk) has the keyboard, so the scanner too."""
        from PySide6.QtWidgets import QApplication

        active = QApplication.activeWindow()
        return active is not None and active.window() is not self

    def _has_modal(self) -> bool:
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        return modal is not None and modal is not self

    def _on_verdict(self, verdict: Verdict, started: float) -> None:
        self._scans_in_flight -= 1
        shown = self.verdict_page.verdict if self.stack.currentWidget() is not self.attract \
            else None
        if shown is not None and shown.guest is not None and (
                verdict.guest is None or verdict.guest.uid != shown.guest.uid):
            # The next guest scanned over the last one's answer: the language chosen (or
            # preferred) was theirs, so this guest starts from the default like any other.
            # After an answer that named no guest (a code not recognised) it is most likely
            # the same person trying again: their choice stands.
            self._language_chosen = False
            self.app.translations.use(self.default_language)
        if not self._language_chosen and verdict.guest is not None:
            preferred = Language.from_code(verdict.guest.language)
            if preferred is not None:
                self.app.translations.use(preferred)
        self._timing = (verdict, started)
        self.verdict_page.show_verdict(verdict)
        self._show_verdict_page()
        self.screen_changed.emit("verdict")
        self.sounds.play(Sound.ADMITTED if verdict.is_accepted else Sound.REFUSED)
        self._current_badge_scan = None
        if (verdict.reason is Reason.ADMITTED and verdict.is_first_arrival
                and verdict.guest is not None and verdict.guest.uid is not None
                and not verdict.is_repeat):
            self._current_badge_scan = verdict.scan_id
            self.badges.print_first_badge(verdict)
        self.back_timer.start(int(self.verdict_seconds * 1000))

    def _on_scan_failed(self, error: BaseException) -> None:
        self._scans_in_flight -= 1
        log.error("scan failed: %s", error)
        self.verdict_page.show_problem(self.tr("Sorry, this scan could not be checked."),
                                       self.tr("Please see the help desk."))
        self._show_verdict_page()
        self.screen_changed.emit("verdict")
        self.sounds.play(Sound.REFUSED)
        self.back_timer.start(int(self.verdict_seconds * 1000))

    @Slot()
    def _on_verdict_painted(self) -> None:
        if self._timing is None:
            return
        verdict, started = self._timing
        self._timing = None
        self.verdict_shown.emit(verdict, (time.perf_counter() - started) * 1000.0)

    # Badge -------------------------------------------------------------------------------------

    @Slot(object)
    def _on_badge_progress(self, progress: BadgeProgress) -> None:
        if progress.stage is BadgeStage.PROBLEM:
            self._set_printer_problem(progress.reason or "")
        elif progress.stage is BadgeStage.DONE:
            self._set_printer_problem(None)  # a badge printed: the printer works again
        if progress.scan_id != self._current_badge_scan:
            return  # a badge for a guest who has walked on: staff see it at the desk
        self.verdict_page.set_badge_progress(progress)
        if progress.stage in (BadgeStage.QUEUED, BadgeStage.PRINTING):
            self.back_timer.start(max(self.back_timer.remainingTime(),
                                      int(self.verdict_seconds * 1000)))
        else:
            self.back_timer.start(int(self.verdict_seconds * 1000))

    def _set_printer_problem(self, reason: str | None) -> None:
        """Staff's line beside the Staff button: what is wrong with the printer, until a badge
        prints again. The guest's screen stays calm (the verdict's badge line)."""
        if reason != self.printer_problem:
            if reason is not None:
                log.warning("printer problem shown to staff: %s", reason)
                self.printer_problem_raised.emit(reason)
            else:
                log.info("printer works again")
        self.printer_problem = reason
        self._show_printer_problem()

    def _show_printer_problem(self) -> None:
        reason = self.printer_problem
        if reason is None:
            self.staff_notice.hide()
            return
        words = core_text.translate(reason) if reason else self.tr("not known")
        self.staff_notice.setText(self.tr("Badge printer: %1. Badges wait in the print queue.")
                                  .replace("%1", words))
        self.staff_notice.show()

    # Screens and language ------------------------------------------------------------------

    @Slot()
    def show_attract(self) -> None:
        """Back to the attract screen, in the default language, for the next guest."""
        self.back_timer.stop()
        self._current_badge_scan = None
        self._language_chosen = False
        self.app.translations.use(self.default_language)
        self.stack.setCurrentWidget(self.attract)
        self._set_backdrop(ATTRACT_BACKGROUND)
        self.screen_changed.emit("attract")

    def _show_verdict_page(self) -> None:
        """The verdict's colour fills the whole screen, edge to edge."""
        shown = self.verdict_page.presentation
        if shown is not None:
            self._set_backdrop(shown.tone.background)
        self.stack.setCurrentWidget(self.verdict_page)

    def _set_backdrop(self, colour: str) -> None:
        self.setStyleSheet(f"#KioskWindow {{ background: {colour}; }}")

    @Slot()
    def toggle_language(self) -> None:
        current = self.app.translations.language
        chosen = Language.CHINESE if current is Language.ENGLISH else Language.ENGLISH
        self._language_chosen = True
        self.app.translations.use(chosen)
        if self.stack.currentWidget() is self.verdict_page:
            self.back_timer.start(int(self.verdict_seconds * 1000))  # time to read it again

    @Slot(object)
    def _on_language_changed(self, _language: object) -> None:
        self.retranslate()
        self.attract.retranslate()
        self.verdict_page.retranslate()

    def retranslate(self) -> None:
        language = self.app.translations.language
        other = Language.ENGLISH if language is Language.CHINESE else Language.CHINESE
        self.language_button.setText(other.switch_label)
        self.language_button.setAccessibleName(self.tr("Change language"))
        self.staff_button.setText(self.tr("Staff"))
        self._show_printer_problem()
        opened = self.opened
        if opened is None:
            self.title.setText(self.tr("Check-in"))
            return
        chinese = language is Language.CHINESE
        event = (opened.event_name_local or opened.event_name) if chinese else opened.event_name
        place = ((opened.checkpoint_name_local or opened.checkpoint_name) if chinese
                 else opened.checkpoint_name)
        self.title.setText(f"{event} · {place}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str)
    def _on_camera_unavailable(self, message: str) -> None:
        self.attract.hide_camera()
        self.attract.show_notice(message)

    # Staff ------------------------------------------------------------------------------------

    @Slot()
    def ask_for_staff(self) -> None:
        """The staff door: the PIN pad, then the staff menu."""
        self.back_timer.stop()
        is_first = not self.pin_guard.is_set()
        dialog = PinDialog(self.pin_guard, self.app.tasks, is_first=is_first, parent=self)
        dialog.unlocked.connect(self.staff_unlocked)
        dialog.accepted.connect(self._open_staff_menu)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def _open_staff_menu(self) -> None:
        menu = StaffMenu(CameraScanner.cameras(), self._chosen_camera(), parent=self)
        menu.chosen.connect(self._on_staff_choice)
        menu.finished.connect(menu.deleteLater)
        menu.open()

    @Slot(object, object)
    def _on_staff_choice(self, choice: StaffChoice, camera_id: Any) -> None:
        if choice is StaffChoice.QUIT:
            self.allow_exit()
            self.close()
        elif choice is StaffChoice.DESK:
            self._open_desk()
        elif choice is StaffChoice.CAMERA:
            QSettings().setValue(CAMERA_SETTING, camera_id or "")
            if self.camera is not None:
                self.camera.start(camera_id)

    def _open_desk(self) -> None:
        try:
            from ui.desk import open_desk  # type: ignore[attr-defined,unused-ignore]
        except ImportError:
            self.attract.show_notice(self.tr("The staff desk is not part of this build."))
            return
        self._desk = open_desk(self.app, self.database)
        self._desk.show()

    # Leaving ------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.locked:
            event.accept()  # a guest pressing Escape stays here
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked and not self._may_close:
            event.ignore()
            self.ask_for_staff()
            return
        self.shutdown()
        event.accept()

    def add_status_widget(self, widget: QWidget) -> None:
        """A small state line at the right of the bottom bar (the sync indicator)."""
        self._bottom_bar.addWidget(widget)

    def allow_exit(self) -> None:
        """Let the next close() through without the PIN (staff chose Quit; benchmarks)."""
        self._may_close = True

    def shutdown(self) -> None:
        """Stop the camera and let running scans finish (a check-in is never cut off)."""
        self.back_timer.stop()
        self.badges.stop()
        if self.camera is not None:
            self.camera.shutdown()
        self.app.tasks.wait()
        if self.gate is not None and isinstance(self.gate.arbiter, EnrolmentArbiter):
            self.gate.arbiter.close()  # its connection to the sync server
