"""The background sync of a running kiosk: two worker threads, backoff, and a status to show.

- The pusher wakes every ``push_interval`` (or at once on ``wake()``, e.g. after a scan) and
  pushes whatever waits in the outbox.
- The puller long-polls the server (``long_poll`` seconds), so a check-in made at another gate
  arrives here within a moment of reaching the server.
- A failure backs off exponentially with jitter (``Backoff``), so forty kiosks coming back after
  a Wi-Fi outage do not all knock at the same second. Scanning never waits for any of this: the
  threads only read and write the database in short transactions of their own.

``status()`` and the ``on_status`` callback report online/offline/refused, the last sync and
what waits. The callback runs on a worker thread: a window must hand it to the GUI thread (a Qt
signal does that).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.db import Database
from kiosk.errors import KioskError, SyncError
from kiosk.sync import state
from kiosk.sync.client import ServerRefused
from kiosk.sync.engine import Syncer

log = logging.getLogger("kiosk.sync")

IDLE_REFRESH = 2.0  # seconds between status refreshes while nothing happens


class Connection(StrEnum):
    """How this kiosk stands with its server."""

    NOT_ENROLLED = "not_enrolled"
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"  # no answer: working alone, will catch up
    REFUSED = "refused"  # the server refuses this kiosk (revoked, expired): staff must act


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the windows show about sync."""

    connection: Connection
    server_url: str | None = None
    last_sync_at: dt.datetime | None = None
    pending: int = 0  # outbox items waiting for the server
    stuck: int = 0  # items the server refused for good
    conflicts: int = 0  # check-ins another gate also made while apart
    error: str | None = None  # the last failure, in words
    error_code: str | None = None  # the server's refusal code, when refused


class Backoff:
    """Exponential backoff with jitter: the n-th wait is random in [base, base * 2**n],
    capped; ``reset()`` after a success."""

    def __init__(self, base: float = 1.0, cap: float = 60.0,
                 rng: random.Random | None = None) -> None:
        if base <= 0 or cap < base:
            raise ValueError("backoff needs 0 < base <= cap")
        self.base = base
        self.cap = cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        self.failures += 1
        ceiling = min(self.cap, self.base * (2 ** min(self.failures, 30)))
        return self._rng.uniform(self.base, ceiling)

    def reset(self) -> None:
        self.failures = 0


StatusCallback = Callable[[SyncStatus], None]


class SyncLoop:
    """Keeps one kiosk database in sync in the background until ``stop()``."""

    def __init__(
        self, database: Database, *, on_status: StatusCallback | None = None,
        push_interval: float = 0.5, long_poll: float = 20.0, backoff_base: float = 1.0,
        backoff_cap: float = 60.0, timeout: float = 15.0, not_enrolled_poll: float = 5.0,
    ) -> None:
        self.database = database
        self.on_status = on_status
        self.push_interval = push_interval
        self.long_poll = long_poll
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.timeout = timeout
        self.not_enrolled_poll = not_enrolled_poll
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._status = SyncStatus(connection=Connection.CONNECTING)
        self._threads: list[threading.Thread] = []
        self._syncers: list[Syncer] = []
        self._refreshed_at = 0.0

    # Control --------------------------------------------------------------------------------

    def start(self) -> SyncLoop:
        self._refresh(None)
        for name, target in (("push", self._push_loop), ("pull", self._pull_loop)):
            thread = threading.Thread(target=target, name=f"kiosk-sync-{name}", daemon=True)
            self._threads.append(thread)
            thread.start()
        return self

    def stop(self, timeout: float = 5.0, patience: float = 1.5) -> None:
        """Stop both threads. Each gets ``patience`` seconds to finish what it is doing; a long
        poll still open after that is cut by closing its connection from here."""
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + patience
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in self._threads):
            with self._lock:
                syncers = list(self._syncers)
            for syncer in syncers:
                syncer.client.close()
            for thread in self._threads:
                thread.join(timeout)
        self._threads = []

    def wake(self) -> None:
        """Push now (call after recording a scan) rather than at the next interval."""
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def __enter__(self) -> SyncLoop:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # Status ---------------------------------------------------------------------------------

    def _refresh(self, connection: Connection | None, error: SyncError | None = None,
                 clear_error: bool = False) -> None:
        with self.database.session() as session:
            enrolment = state.enrolment(session)
            backlog = state.backlog(session)
            last = state.last_sync(session)
        with self._lock:
            self._refreshed_at = time.monotonic()
            current = self._status
            if enrolment is None:
                connection = Connection.NOT_ENROLLED
            new = replace(
                current, connection=connection or current.connection,
                server_url=enrolment.server_url if enrolment else None, last_sync_at=last,
                pending=backlog.pending, stuck=backlog.stuck, conflicts=backlog.conflicts,
            )
            if error is not None:
                new = replace(new, error=error.full_message(),
                              error_code=error.code if isinstance(error, ServerRefused) else None)
            elif clear_error:
                new = replace(new, error=None, error_code=None)
            changed = new != current
            self._status = new
        if changed and self.on_status is not None:
            try:
                self.on_status(new)
            except Exception:  # a broken display must not stop sync
                log.exception("the sync status callback failed")

    def _failed(self, error: SyncError) -> None:
        refused = isinstance(error, ServerRefused)
        log.info("sync failed: %s", error.full_message())
        with self.database.session(writes=True) as session:
            state.write(session, state.LAST_ERROR, error.full_message())
        self._refresh(Connection.REFUSED if refused else Connection.OFFLINE, error)

    # Workers --------------------------------------------------------------------------------

    def _syncer(self) -> Syncer | None:
        try:
            syncer = Syncer(self.database, timeout=self.timeout)
        except KioskError as error:  # not enrolled yet, or a broken address
            log.debug("sync not possible yet: %s", error)
            return None
        with self._lock:
            self._syncers.append(syncer)
        return syncer

    def _drop(self, syncer: Syncer) -> None:
        with self._lock:
            if syncer in self._syncers:
                self._syncers.remove(syncer)
        syncer.close()

    def _run(self, work: Callable[[Syncer], bool], idle: Callable[[], None]) -> None:
        backoff = Backoff(self.backoff_base, self.backoff_cap)
        syncer: Syncer | None = None
        while not self._stop.is_set():
            if syncer is None:
                syncer = self._syncer()
                if syncer is None:
                    self._refresh(Connection.NOT_ENROLLED)
                    self._stop.wait(self.not_enrolled_poll)
                    continue
            try:
                did_work = work(syncer)
            except SyncError as error:
                if self._stop.is_set():
                    break
                self._failed(error)
                if isinstance(error, ServerRefused):
                    self._drop(syncer)  # re-read the enrolment: the kiosk may enrol again
                    syncer = None
                self._stop.wait(backoff.next_delay())
                continue
            except Exception:
                if self._stop.is_set():
                    break
                log.exception("sync failed unexpectedly")
                self._stop.wait(backoff.next_delay())
                continue
            backoff.reset()
            if did_work:
                self._refresh(Connection.ONLINE, clear_error=True)
            idle()
        if syncer is not None:
            self._drop(syncer)

    def _push_loop(self) -> None:
        def work(syncer: Syncer) -> bool:
            waiting = syncer.pending()
            if waiting == 0:
                if time.monotonic() - self._refreshed_at > IDLE_REFRESH:
                    self._refresh(None)
                return False
            syncer.push()
            return True

        def idle() -> None:
            self._wake.wait(self.push_interval)
            self._wake.clear()

        self._run(work, idle)

    def _pull_loop(self) -> None:
        caught_up = False

        def work(syncer: Syncer) -> bool:
            nonlocal caught_up
            # Catch up at once first; then hold a request open until something changes.
            syncer.pull(wait=self.long_poll if caught_up else 0.0)
            caught_up = True
            return True

        self._run(work, lambda: None)
