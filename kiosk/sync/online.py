"""Online verdicts from the kiosk's side: ask the server, never make the guest wait for it.

``ServerArbiter`` plugs into ``kiosk.checkin.Gate(arbiter=...)``. It answers within its timeout
(500 ms by default) or not at all, and after a failure it stops asking for a while
(``quiet_period``), so a gate whose network is gone answers every later guest at local speed
instead of waiting out the timeout each time.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time

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
        self._lock = threading.Lock()  # one request at a time on the shared client

    def close(self) -> None:
        self.client.close()

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
        try:
            with self._lock:
                answer = self.client.verdict(request, timeout=self.timeout)
            reason = Reason(answer["reason"])
        except (SyncError, KeyError, ValueError) as error:
            self._quiet_until = time.monotonic() + self.quiet_period
            log.info("no online verdict (%s); deciding locally for %.0f s", error,
                     self.quiet_period)
            return None
        log.debug("online verdict %s in %.0f ms", reason.value,
                  (time.monotonic() - started) * 1000)
        return Ruling(
            reason=reason, is_first_arrival=bool(answer.get("is_first_arrival")),
            first_checkin_at=parse_time(answer.get("first_checkin_at")),
            first_checkin_checkpoint=answer.get("first_checkin_checkpoint"),
        )


def arbiter_for(database: Database, *, timeout: float = DEFAULT_TIMEOUT) -> ServerArbiter | None:
    """The arbiter of an enrolled kiosk, or None when it is not enrolled (decide locally)."""
    with database.session() as session:
        enrolment = state.enrolment(session)
    if enrolment is None:
        return None
    return ServerArbiter(enrolment.server_url, enrolment.token, timeout=timeout)
