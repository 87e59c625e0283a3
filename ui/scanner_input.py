"""Handheld scanners as keyboards: tell a scan from a person typing, whatever has the focus.

A USB scanner "types" its code as a burst of keystrokes a few milliseconds apart and ends it
with Enter. ``ScannerInput`` is an application-wide event filter (install it once on the
QApplication): every printable key press goes into a burst buffer instead of the focused widget.

- Enter after at least ``min_length`` characters whose gaps were short (``max_gap_ms``; a
  straggler or two allowed) is a scan: ``scanned(text)`` is emitted and no widget sees the keys.
- Otherwise it is a person: when no key follows within ``flush_ms`` (or at an Enter that ends a
  slow burst), the held keys are replayed, in order, to the widget that had the focus, so typing
  in a search field works, only ``flush_ms`` late.

- A widget with the dynamic property ``TYPES_THROUGH`` set (the desk's search field) gets its
  printable keys at once, never ``flush_ms`` late, so find-as-you-type answers each key; the keys
  are still watched, and a burst that turns out to be a scan is taken back out of the field (a
  ``QLineEdit``) before ``scanned`` fires, its Enter swallowed.

Modifier keys (the Shift a scanner, being a keyboard, presses around each capital letter or
symbol) pass through untouched and neither end a burst nor make it typing.

Nothing is lost or mixed when scans come back to back: each Enter closes its burst, the next key
starts a new one, and ``scanned`` fires once per burst in the order the scanner sent them.
Gaps are measured on the key events' own timestamps (when the windowing system gives them), so
a GUI thread that was busy and then delivers queued keys all at once does not change the verdict.

Signals:
    scanned(str): a complete scan, without its Enter.
"""

from __future__ import annotations

import itertools
import logging
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

log = logging.getLogger("ui.scanner")

TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
# Keys that only change the next key: a USB scanner presses Shift around every capital letter
# and symbol of a code (it is a keyboard), so these neither end a burst nor count as typing.
MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
})
TYPES_THROUGH = "scannerTypesThrough"  # widget property: printable keys go to it at once


@dataclass(frozen=True, slots=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at_ms: float  # event timestamp, or arrival time when the platform gives none
    target: QWidget
    delivered: bool = False  # went straight to a typing-through widget


class ScannerInput(QObject):
    """Application-wide event filter turning scanner bursts into ``scanned`` signals.

    Signals:
        scanned(str): the text of one complete scan.
        typing_replayed(int): how many held keys were given back to a widget as typing.
    """

    scanned = Signal(str)
    typing_replayed = Signal(int)

    def __init__(
        self, parent: QObject | None = None, *, min_length: int = 4, max_gap_ms: float = 35.0,
        flush_ms: int = 60, straggler_share: float = 0.1,
    ) -> None:
        super().__init__(parent)
        self.min_length = min_length
        self.max_gap_ms = max_gap_ms
        self.straggler_share = straggler_share
        self.enabled = True
        self._held: list[_Key] = []
        self._replaying = False
        self._owed_releases: dict[int, int] = {}
        self._last_arrival = 0.0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        # The pause kept apart from the timer: a restart for the time left (start(msec)) would
        # otherwise shrink the timer's interval for good, and every later gap count as a pause.
        self.flush_ms = flush_ms
        self._flush.setInterval(flush_ms)
        self._flush.timeout.connect(self._on_flush_timeout)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self._replay()

    # The filter -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if self._replaying or not self.enabled or isinstance(watched, QWindow):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if event.key() in MODIFIER_KEYS:
            return False  # passes through untouched, press and release, burst or not
        if kind == QEvent.Type.KeyRelease:
            # A press we took is replayed with its own release: the real release would otherwise
            # reach the widget before its press.
            if event.isAutoRepeat():
                return False
            owed = self._owed_releases.get(event.key(), 0)
            if owed:
                self._owed_releases[event.key()] = owed - 1
                return True
            return False
        taken = self._on_press(watched, event)
        if taken and not event.isAutoRepeat():
            self._owed_releases[event.key()] = self._owed_releases.get(event.key(), 0) + 1
        return taken

    def _on_press(self, target: QWidget, event: QKeyEvent) -> bool:
        now = time.monotonic() * 1000.0
        stamp = float(event.timestamp()) if event.timestamp() else now
        if event.key() in TERMINATORS:
            if self._held and stamp - self._held[-1].at_ms > self.flush_ms:
                self._replay()  # a pause before Enter, as held keys would have been given back
            if not self._held:
                return False  # an Enter on its own: a person pressing a button or a field's Enter
            key = _Key(event.key(), event.modifiers(), event.text(), stamp, target)
            if self._is_scan(key):
                text = "".join(k.text for k in self._held)
                typed_through = "".join(k.text for k in self._held if k.delivered)
                through_target = next((k.target for k in self._held if k.delivered), None)
                self._held.clear()
                self._flush.stop()
                if through_target is not None:
                    self._take_back(through_target, typed_through)
                log.debug("scan of %d characters", len(text))
                self.scanned.emit(text)
                return True
            self._held.append(key)
            self._replay()
            return True
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        ):
            # Shortcuts, arrows, Backspace, Escape: a person. Held keys go first, in order.
            if self._held:
                self._replay()
                self._deliver(_Key(event.key(), event.modifiers(), text, stamp, target))
                return True
            return False
        if self._held and stamp - self._held[-1].at_ms > self.flush_ms:
            self._replay()  # a pause long enough: what was held was typing
        through = bool(target.property(TYPES_THROUGH))
        self._held.append(_Key(event.key(), event.modifiers(), text, stamp, target,
                               delivered=through))
        self._last_arrival = now
        self._flush.start(self.flush_ms)
        return not through  # a typing-through widget gets the key now

    def _is_scan(self, enter: _Key) -> bool:
        keys = [*self._held, enter]
        if len(self._held) < self.min_length:
            return False
        gaps = [b.at_ms - a.at_ms for a, b in itertools.pairwise(keys)]
        slow = sum(1 for gap in gaps if gap > self.max_gap_ms)
        return slow <= int(len(gaps) * self.straggler_share)

    @Slot()
    def _on_flush_timeout(self) -> None:
        # Keys queued behind a busy GUI thread arrive late but together: wait for them.
        quiet_for = time.monotonic() * 1000.0 - self._last_arrival
        if quiet_for < self.flush_ms:
            self._flush.start(int(self.flush_ms - quiet_for) + 1)
            return
        self._replay()

    # Giving typing back ---------------------------------------------------------------------

    def _replay(self) -> None:
        """Hand every held key to the widget it was meant for, in order."""
        self._flush.stop()
        held, self._held = self._held, []
        replayed = [key for key in held if not key.delivered]
        for key in replayed:
            self._deliver(key)
        if replayed:
            self.typing_replayed.emit(len(replayed))

    @staticmethod
    def _take_back(target: QWidget, typed: str) -> None:
        """A scan that went into a typing-through field: the field as it was before it."""
        if not shiboken6.isValid(target) or not isinstance(target, QLineEdit):
            return
        text = target.text()
        if typed and text.endswith(typed):
            target.setText(text[: -len(typed)])

    def _deliver(self, key: _Key) -> None:
        target = key.target
        if not shiboken6.isValid(target):
            return
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is target.window():
            target = focus  # focus moved inside the same window meanwhile: follow it
        self._replaying = True
        try:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False
