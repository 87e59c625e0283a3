"""The background sync of a running kiosk or desk (kiosk.sync.loop) and a small indicator of it.

``SyncService`` owns the loop: its two worker threads push and pull off the GUI thread; the
status they report reaches the GUI thread through a queued signal. ``SyncIndicator`` shows it
in words: online or offline, the last sync in the event's time zone, and what waits.

Signals (SyncService):
    status_changed(object): a kiosk.sync.loop.SyncStatus, on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from kiosk import events
from kiosk.db import Database
from kiosk.errors import KioskError
from kiosk.sync import state
from kiosk.sync.loop import Connection, SyncLoop, SyncStatus

log = logging.getLogger("ui.sync")

# (on a light background such as the desk's status bar, on the kiosk's dark one)
_COLOURS = {
    Connection.ONLINE: ("#2e7d32", "#81c784"),
    Connection.CONNECTING: ("#546e7a", "#8fa3bf"),
    Connection.NOT_ENROLLED: ("#546e7a", "#8fa3bf"),
    Connection.OFFLINE: ("#e65100", "#ffb74d"),
    Connection.REFUSED: ("#c62828", "#ef9a9a"),
}


def is_enrolled(database: Database) -> bool:
    """Whether this device has a sync server to talk to."""
    with database.session() as session:
        return state.enrolment(session) is not None


class SyncService(QObject):
    """The sync loop of one database, reporting to the GUI thread.

    Signals:
        status_changed(object): the new SyncStatus.
    """

    status_changed = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 loop: SyncLoop | None = None) -> None:
        super().__init__(parent)
        # The loop calls back on its worker threads; emitting a signal from there queues the
        # status to this object's (the GUI) thread.
        self.loop = loop if loop is not None else SyncLoop(database)
        self.loop.on_status = self.status_changed.emit
        self._running = False

    def start(self) -> None:
        if not self._running:
            self.loop.start()
            self._running = True

    def stop(self) -> None:
        if self._running:
            self.loop.stop()
            self._running = False

    def status(self) -> SyncStatus:
        return self.loop.status()

    @Slot()
    def wake(self) -> None:
        """Push now: called after every scan."""
        self.loop.wake()


class SyncIndicator(QLabel):
    """One line: the connection, the last sync and what waits; red when staff must act."""

    def __init__(self, service: SyncService, timezone: str | None = None,
                 parent: QWidget | None = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.timezone = timezone
        self.dark = dark
        self.current: SyncStatus = service.status()
        service.status_changed.connect(self.show_status)
        self._draw()

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.current = status
        self._draw()

    def _when(self, moment: dt.datetime) -> str:
        if self.timezone:
            moment = moment.astimezone(events.zone(self.timezone))
        return moment.strftime("%H:%M")

    def _draw(self) -> None:
        status = self.current
        words = {
            Connection.ONLINE: self.tr("Online"),
            Connection.CONNECTING: self.tr("Connecting to the server"),
            Connection.NOT_ENROLLED: self.tr("Not connected to a server"),
            Connection.OFFLINE: self.tr("Offline, working alone"),
            Connection.REFUSED: self.tr("The server refuses this kiosk"),
        }
        parts = [words[status.connection]]
        if status.connection is not Connection.NOT_ENROLLED:
            if status.last_sync_at is not None:
                parts.append(self.tr("last sync %1").replace("%1",
                                                             self._when(status.last_sync_at)))
            else:
                parts.append(self.tr("never synced"))
            parts.append(self.tr("%1 waiting").replace("%1", str(status.pending)))
            if status.conflicts:
                parts.append(self.tr("%1 double check-ins").replace("%1", str(status.conflicts)))
        self.setText(" · ".join(parts))
        self.setToolTip(status.error or "")
        light, dark = _COLOURS[status.connection]
        self.setStyleSheet(f"color: {dark}; font-size: 15px;" if self.dark else f"color: {light};")
        self.setProperty("connection", status.connection.value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._draw()
        super().changeEvent(event)


def event_timezone(database: Database) -> str | None:
    """The current event's zone, to show the last sync in local time (None when none is set)."""
    try:
        with database.session() as session:
            return events.current_event(session).timezone
    except KioskError:
        return None
