"""Slow work off the GUI thread: the one way every view runs it.

    tasks = Tasks()                              # one per application (see ui.app)
    tasks.run(gate.scan, payload,                # a read or a computation, on the shared pool
              on_done=self.show_verdict, on_error=self.show_problem, owner=self)
    tasks.write(gate.scan, payload, ...)         # a database write: one writer, in order
    tasks.in_lane("print", queue.process, ...)   # a lane of its own, one job at a time

``fn(*args)`` runs on a worker thread; its result (or the exception it raised) comes back to the
GUI thread through a queued signal, where ``on_done(result)`` or ``on_error(error)`` runs. Writes
go to a one-thread pool, so two check-ins never overlap and land in the order they were asked
(Anki's taskman does the same). A ``KioskError`` is an answer for the user; any other exception
is a bug, logged with its traceback, and handed to ``on_error`` too, so the view can stay calm.

A late result is dropped when its ``owner`` QObject has been deleted meanwhile, or when the
``is_wanted()`` callable says the view moved on (Picard's ``_loading_finished`` check).

Tests pass ``Tasks(synchronous=True)``: every call runs at once on the calling thread, so
threaded views are tested deterministically (Picard's test thread pool).

Each task opens its own SQLAlchemy session (``Database.session()``); never pass one across.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.errors import KioskError

log = logging.getLogger("ui.tasks")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits on it and its own slots run on the GUI thread.

    (Its slots are methods of this QObject, so the queued connection delivers them to the thread
    the relay lives in, whatever thread emits.)

    Signals:
        finished(object): the task's result.
        failed(object): the exception the task raised.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, parent: QObject, on_finished: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._on_finished = on_finished
        self._on_failed = on_failed
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._on_finished(result)

    @Slot(object)
    def _failed(self, error: Any) -> None:
        self._on_failed(error)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._fn = fn
        self._args = args

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as error:  # delivered to on_error on the GUI thread
            if not isinstance(error, KioskError):
                log.error("task %s failed:\n%s", _name(self._fn), traceback.format_exc())
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)


class Tasks(QObject):
    """Runs callables on worker threads and hands their results back to the GUI thread.

    Signals:
        busy_changed(bool): True when the first task starts, False when the last one ends.
    """

    busy_changed = Signal(bool)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._lanes: dict[str, QThreadPool] = {}
        self._relays: dict[int, _Relay] = {}
        self._ids = itertools.count()

    @property
    def pending(self) -> int:
        """Tasks started whose result has not been delivered yet."""
        return len(self._relays)

    def run(
        self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
        on_error: Failed | None = None, owner: QObject | None = None,
        is_wanted: Callable[[], bool] | None = None,
    ) -> None:
        """Run fn(*args) on the shared pool (reads, decoding, rendering)."""
        self._start(self.pool, fn, args, on_done, on_error, owner, is_wanted)

    def write(
        self, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
        on_error: Failed | None = None, owner: QObject | None = None,
        is_wanted: Callable[[], bool] | None = None,
    ) -> None:
        """Run fn(*args) on the single writer thread, after every write asked before it."""
        self._start(self.writer, fn, args, on_done, on_error, owner, is_wanted)

    def in_lane(
        self, lane: str, fn: Callable[..., Any], *args: Any, on_done: Done | None = None,
        on_error: Failed | None = None, owner: QObject | None = None,
        is_wanted: Callable[[], bool] | None = None,
    ) -> None:
        """Run fn(*args) on a named one-thread lane of its own (printing, sync): in order with
        the lane's other work, never queued behind the database writer's scans."""
        pool = self._lanes.get(lane)
        if pool is None:
            pool = self._lanes[lane] = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._start(pool, fn, args, on_done, on_error, owner, is_wanted)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every pool is idle (for shutdown and tests); True if they are."""
        pools = [self.pool, self.writer, *self._lanes.values()]
        return all(pool.waitForDone(msecs) for pool in pools)

    def _start(
        self, pool: QThreadPool, fn: Callable[..., Any], args: tuple[Any, ...],
        on_done: Done | None, on_error: Failed | None, owner: QObject | None,
        is_wanted: Callable[[], bool] | None,
    ) -> None:
        def wanted() -> bool:
            if owner is not None and not shiboken6.isValid(owner):
                return False
            return is_wanted is None or is_wanted()

        def deliver(result: Any) -> None:
            if wanted() and on_done is not None:
                on_done(result)

        def fail(error: BaseException) -> None:
            if not wanted():
                return
            if on_error is not None:
                on_error(error)
            elif isinstance(error, KioskError):
                log.warning("task %s: %s", _name(fn), error.full_message())

        if self.synchronous:
            try:
                result = fn(*args)
            except Exception as error:
                if not isinstance(error, KioskError):
                    log.error("task %s failed:\n%s", _name(fn), traceback.format_exc())
                fail(error)
            else:
                deliver(result)
            return

        key = next(self._ids)

        def finish() -> None:
            gone = self._relays.pop(key, None)
            if gone is not None:
                gone.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)

        def on_finished(result: Any) -> None:
            finish()
            deliver(result)

        def on_failed(error: BaseException) -> None:
            finish()
            fail(error)

        relay = _Relay(self, on_finished, on_failed)
        self._relays[key] = relay
        was_idle = len(self._relays) == 1
        if was_idle:
            self.busy_changed.emit(True)
        pool.start(_Job(relay, fn, args))
