"""Online verdicts from the kiosk's side: ask the server, never make the guest wait for it.

``ServerArbiter`` plugs into ``kiosk.checkin.Gate(arbiter=...)``. It answers within its timeout
(500 ms by default, counted from the question to the whole answer) or not at all, and after a
failure it stops asking for a while (``quiet_period``), so a gate whose network is gone answers
every later guest at local speed instead of waiting out the timeout each time.

httpx's timeouts bound each step (connect, each read) but not the whole request: a server that
trickles its answer a byte at a time could hold a guest for many timeouts. So the request runs on
a worker thread and the gate waits for it only until the deadline; a late answer is dropped (the
scan then reaches the server with the next push, by its id, exactly once).

``EnrolmentArbiter`` is the one the kiosk window holds: it follows the kiosk's enrolment as it
is stored, so a kiosk enrolled (or enrolled again) while its window runs asks the server within
a few seconds, without a restart.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from kiosk.checkin import Ruling
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.errors import SyncError
from kiosk.sync import state
from kiosk.sync.client import ServerClient
from kiosk.sync.records import parse_time

log = logging.getLogger("kiosk.sync")

DEFAULT_TIMEOUT = 0.5
QUIET_PERIOD = 10.0


class ServerArbiter:
    """Asks the sync server for the verdict on scans this kiosk would admit."""

    def __init__(
        self, server_url: str, token: str, *, timeout: float = DEFAULT_TIMEOUT,
        quiet_period: float = QUIET_PERIOD, client: ServerClient | None = None,
    ) -> None:
        self.timeout = timeout
        self.quiet_period = quiet_period
        self.client = client if client is not None else ServerClient(
            server_url, token, timeout=timeout)
        self._quiet_until = 0.0
        # One request at a time on the shared client; a request given up on keeps the worker
        # until httpx's own step timeouts end it (meanwhile the arbiter is quiet).
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="online-verdict")

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
        self.client.close()

    def available(self) -> bool:
        return not self.is_quiet

    @property
    def is_quiet(self) -> bool:
        """True while the arbiter skips the server after a failure."""
        return time.monotonic() < self._quiet_until

    def rule(
        self, scan_id: str, payload: str, checkpoint_uid: str, scanned_at: dt.datetime
    ) -> Ruling | None:
        if self.is_quiet:
            return None
        request = {"scan_id": scan_id, "payload": payload, "checkpoint_uid": checkpoint_uid,
                   "scanned_at": scanned_at.isoformat()}
        started = time.monotonic()
        future = self._worker.submit(self.client.verdict, request, self.timeout)
        try:
            answer = future.result(timeout=self.timeout)
            reason = Reason(answer["reason"])
        except FutureTimeout:
            future.cancel()  # not yet started (an earlier request still holds the worker)
            self._give_up(f"no answer within {self.timeout * 1000:.0f} ms")
            return None
        except (SyncError, KeyError, TypeError, ValueError) as error:
            self._give_up(str(error))
            return None
        log.debug("online verdict %s in %.0f ms", reason.value,
                  (time.monotonic() - started) * 1000)
        return Ruling(
            reason=reason, is_first_arrival=bool(answer.get("is_first_arrival")),
            first_checkin_at=parse_time(answer.get("first_checkin_at")),
            first_checkin_checkpoint=answer.get("first_checkin_checkpoint"),
        )


    def _give_up(self, why: str) -> None:
        self._quiet_until = time.monotonic() + self.quiet_period
        log.info("no online verdict (%s); deciding locally for %.0f s", why, self.quiet_period)


def arbiter_for(database: Database, *, timeout: float = DEFAULT_TIMEOUT) -> ServerArbiter | None:
    """The arbiter of an enrolled kiosk, or None when it is not enrolled (decide locally)."""
    with database.session() as session:
        enrolment = state.enrolment(session)
    if enrolment is None:
        return None
    return ServerArbiter(enrolment.server_url, enrolment.token, timeout=timeout)


class EnrolmentArbiter:
    """The ``ServerArbiter`` of the kiosk's enrolment as it is now, looked up again every
    ``recheck`` seconds (enrolling at the desk or with ``kiosk enroll`` while the window runs
    takes effect without a restart; a new token or server replaces the old arbiter)."""

    def __init__(
        self, database: Database, *, timeout: float = DEFAULT_TIMEOUT, recheck: float = 5.0,
    ) -> None:
        self.database = database
        self.timeout = timeout
        self.recheck = recheck
        self._current: ServerArbiter | None = None
        self._enrolled_as: tuple[str, str] | None = None
        self._checked_at: float | None = None

    @property
    def current(self) -> ServerArbiter | None:
        """The arbiter in use, after looking at the enrolment if it is time to."""
        now = time.monotonic()
        if self._checked_at is None or now - self._checked_at >= self.recheck:
            self._checked_at = now
            with self.database.session() as session:
                enrolment = state.enrolment(session)
            enrolled_as = (enrolment.server_url, enrolment.token) if enrolment else None
            if enrolled_as != self._enrolled_as:
                if self._current is not None:
                    self._current.close()
                self._current = (ServerArbiter(*enrolled_as, timeout=self.timeout)
                                 if enrolled_as is not None else None)
                self._enrolled_as = enrolled_as
                log.info("online verdicts %s", "on" if enrolled_as else "off (not enrolled)")
        return self._current

    def available(self) -> bool:
        arbiter = self.current
        return arbiter is not None and arbiter.available()

    def rule(
        self, scan_id: str, payload: str, checkpoint_uid: str, scanned_at: dt.datetime
    ) -> Ruling | None:
        arbiter = self.current
        return None if arbiter is None else arbiter.rule(
            scan_id, payload, checkpoint_uid, scanned_at)

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
        self._current, self._enrolled_as, self._checked_at = None, None, None
