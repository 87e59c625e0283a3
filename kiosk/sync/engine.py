"""One round of sync: push the outbox in batches, pull the change stream in pages.

Push: the oldest unacknowledged outbox items go out in batches; what the server accepted, or
had accepted before (a reply lost on the way), is marked sent. An item the server can never
apply is kept, counted as stuck and shown to staff; one that may apply later (its scan has not
reached the server yet) is simply sent again next round.

Pull: each page is applied in one transaction together with the new cursor. The page is applied
only if the cursor is still the one it was asked for, so two pullers (the window's loop and a
``kiosk sync --once`` at the same time) can never apply an older page over a newer one.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, select, type_coerce, update

from kiosk import key_worker
from kiosk.db import Database
from kiosk.errors import SetupError, SyncError
from kiosk.key_worker import KeyWorker
from kiosk.models import Event, Guest, OutboxItem, utc_now
from kiosk.search import rebuild_search_index, set_aside_guest_indexes
from kiosk.sync import state
from kiosk.sync.apply import Applied, apply_changes
from kiosk.sync.client import DEFAULT_TIMEOUT, ServerClient

log = logging.getLogger("kiosk.sync")

PUSH_BATCH = 500
PULL_PAGE = 2000
# A first pull onto an empty kiosk asks for the largest pages the server gives: each page is
# one transaction, and each commit writes again every index page its guests touched (the uid
# and e-mail indexes take them in random order), so fewer, larger pages write far less.
FIRST_PULL_PAGE = 5000  # kiosk.server.changes.PAGE_LIMIT
# A deferred pull of at least this many changes sets the guests' lookup indexes aside and builds
# them at the end (kiosk.search.set_aside_guest_indexes); for fewer, keeping them costs less.
SET_ASIDE_INDEXES_FROM = 20_000


@dataclass(frozen=True, slots=True)
class _Batch:
    """Outbox items ready to send: the request body, and the outbox position of the last."""

    last_seq: int
    body: bytes


@dataclass
class PushReport:
    batches: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def acknowledged(self) -> int:
        return self.accepted + self.duplicates


@dataclass
class PullReport:
    pages: int = 0
    cursor: int = 0
    head: int = 0
    applied: Applied = field(default_factory=Applied)
    search_seconds: float = 0.0  # building the search keys after a first pull


@dataclass
class SyncReport:
    push: PushReport
    pull: PullReport
    finished_at: dt.datetime


def _settle(ahead: tuple[int, Future[dict[str, Any]]] | None) -> None:
    """Wait for a prefetch that will not be used (the client must be idle before its next
    request); its failure, if any, does not matter."""
    if ahead is not None:
        try:
            ahead[1].result()
        except Exception:  # an unused page's error is nobody's business
            log.debug("an unused prefetched page failed", exc_info=True)


class Syncer:
    """Sync for one enrolled kiosk database. One Syncer per thread (it holds an HTTP client)."""

    def __init__(
        self, database: Database, *, client: ServerClient | None = None,
        push_batch: int = PUSH_BATCH, pull_page: int | None = None,
        timeout: float | None = None,
    ) -> None:
        """``pull_page``: changes asked for a page (default PULL_PAGE, or FIRST_PULL_PAGE for
        the first pull onto an empty kiosk)."""
        self.database = database
        with database.session() as session:
            enrolment = state.enrolment(session)
        if enrolment is None:
            raise SetupError("this kiosk is not enrolled with a server",
                             hint="run 'kiosk enroll URL CODE' with a code from the organiser")
        self.enrolment = enrolment
        self.push_batch = push_batch
        self.pull_page = pull_page or PULL_PAGE
        self._first_pull_page = pull_page or FIRST_PULL_PAGE
        self._own_client = client is None
        self.client = client if client is not None else ServerClient(
            enrolment.server_url, enrolment.token,
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Syncer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def pending(self) -> int:
        with self.database.session() as session:
            return state.backlog(session).pending

    # Push -----------------------------------------------------------------------------------

    def push(self) -> PushReport:
        """Send every waiting outbox item; raises SyncError when the server cannot be used.

        Batches go one at a time, in outbox order (a scan before its undo); while the server
        works on one, the next is read from the outbox, and the one before is marked sent.
        """
        report = PushReport()
        sender = ThreadPoolExecutor(1, thread_name_prefix="kiosk-sync-push")
        try:
            batch = self._outbox_batch(after=0)
            while batch is not None:
                answer_ahead = sender.submit(self.client.push_body, batch.body)
                following = self._outbox_batch(after=batch.last_seq)
                answer = answer_ahead.result()
                report.batches += 1
                accepted = list(answer.get("accepted", []))
                duplicates = list(answer.get("duplicates", []))
                report.accepted += len(accepted)
                report.duplicates += len(duplicates)
                rejected = list(answer.get("rejected", []))
                report.rejected.extend(rejected)
                self._mark_pushed([*accepted, *duplicates], rejected)
                if not accepted and not duplicates:
                    return report  # nothing moved: the rest waits for the next round
                batch = following
            return report
        finally:
            sender.shutdown(wait=True)

    def _outbox_batch(self, *, after: int) -> _Batch | None:
        """The next waiting items after outbox position ``after``, as the request body.

        The payloads go out as the JSON text the outbox holds, without decoding and encoding
        each one again.
        """
        with self.database.session() as session:
            rows = session.execute(
                select(OutboxItem.seq, OutboxItem.item_uid, OutboxItem.kind,
                       type_coerce(OutboxItem.payload, Text))
                .where(OutboxItem.sent_at.is_(None), OutboxItem.attempts < state.MAX_ATTEMPTS,
                       OutboxItem.seq > after)
                .order_by(OutboxItem.seq)
                .limit(self.push_batch)
            ).all()
        if not rows:
            return None
        parts = [
            f'{{"id":{json.dumps(uid)},"kind":{json.dumps(kind)},"payload":'
            f'{payload if isinstance(payload, str) else json.dumps(payload)}}}'
            for _seq, uid, kind, payload in rows
        ]
        body = f'{{"items":[{",".join(parts)}]}}'.encode()
        return _Batch(last_seq=int(rows[-1][0]), body=body)

    def _mark_pushed(self, done: list[str], rejected: list[dict[str, Any]]) -> None:
        """Record the server's answer: what it holds is sent; what it refused for good is
        stuck; what it refused for now waits for the next round."""
        now = utc_now()
        with self.database.session(writes=True) as session:
            for start in range(0, len(done), 500):
                session.execute(update(OutboxItem).where(
                    OutboxItem.item_uid.in_(done[start:start + 500])).values(sent_at=now))
            for refusal in rejected:
                item_id = refusal.get("id")
                if refusal.get("permanent"):
                    log.warning("the server can never apply outbox item %s: %s",
                                item_id, refusal.get("message"))
                    session.execute(update(OutboxItem).where(OutboxItem.item_uid == item_id)
                                    .values(attempts=state.MAX_ATTEMPTS))
                else:
                    session.execute(update(OutboxItem).where(OutboxItem.item_uid == item_id)
                                    .values(attempts=OutboxItem.attempts + 1))
            state.write(session, state.LAST_SYNC, now.isoformat())

    # Pull -----------------------------------------------------------------------------------

    def pull(self, *, wait: float = 0.0) -> PullReport:
        """Fetch and apply every page after the cursor; ``wait`` long-polls the first request.

        The first pull onto a kiosk holding no guests leaves out the search keys page by page and
        stores them for every guest at the end, in bulk (kiosk.search.rebuild_search_index); for
        a long list a worker process (kiosk.key_worker) makes them meanwhile, page by page, and
        the guests' lookup indexes are built at the end too, in one sort each. The
        search state is marked stale in the first page's transaction, so a pull cut short is
        finished by the next one, and a search meanwhile rebuilds the keys itself.
        """
        report = PullReport()
        first = True
        keys: KeyWorker | None = None  # makes a large first pull's search keys meanwhile
        with self.database.session() as session:
            deferred = state.cursor(session) == 0 and session.scalar(
                select(Guest.id).limit(1)) is None
            deferred = deferred or state.search_is_stale(session)
        page_size = self._first_pull_page if deferred else self.pull_page
        if deferred and key_worker.worth_it(key_worker.PARALLEL_FROM):
            # Started before the first page arrives, so that it is ready for it; let go after
            # that page if the list turns out short.
            with self.database.engine.connect() as connection:
                keys = KeyWorker(key_worker.keys_schema(connection))
        # The next page is fetched while this one is applied: the server and the network work
        # while the kiosk writes. It is used only if the cursor is still where it was asked from.
        prefetch = ThreadPoolExecutor(1, thread_name_prefix="kiosk-sync-prefetch")
        ahead: tuple[int, Future[dict[str, Any]]] | None = None
        try:
            while True:
                with self.database.session() as session:
                    cursor = state.cursor(session)
                if ahead is not None and ahead[0] == cursor:
                    page = ahead[1].result()
                else:
                    _settle(ahead)
                    page = self.client.changes(cursor, page_size,
                                               wait=wait if first else 0.0)
                ahead = None
                first = False
                last_seq, changes = int(page["last_seq"]), page["changes"]
                if last_seq < cursor or (changes and int(changes[0]["seq"]) <= cursor):
                    raise SyncError(f"the server sent changes from before this kiosk's cursor "
                                    f"({cursor}); was its database replaced?",
                                    hint="enrol this kiosk again")
                if page["has_more"]:
                    ahead = (last_seq, prefetch.submit(self.client.changes, last_seq,
                                                       page_size))
                with self.database.session(writes=True) as session:
                    if state.cursor(session) != cursor:
                        log.info("another sync moved the cursor; asking again")
                        continue
                    if deferred:
                        state.mark_search_stale(session)
                        if report.pages == 0 and (int(page["head"]) - cursor
                                                  >= SET_ASIDE_INDEXES_FROM):
                            set_aside_guest_indexes(session)
                    applied = apply_changes(session, self.enrolment.device_uid, changes,
                                            index_search=not deferred)
                    state.write(session, state.PULL_CURSOR, str(last_seq))
                    state.write(session, state.LAST_SYNC, utc_now().isoformat())
                if keys is not None and report.pages == 0 and not key_worker.worth_it(
                        int(page["head"]) - cursor):
                    keys.close()
                    keys = None
                if keys is not None and applied.unindexed:
                    keys.submit(applied.unindexed)
                report.pages += 1
                report.cursor, report.head = last_seq, int(page["head"])
                report.applied.add(applied)
                if applied.skipped:
                    log.warning("%d pulled records could not be applied, e.g. %s",
                                len(applied.skipped), applied.skipped[0])
                if applied.key_changed and self.enrolment.can_issue:
                    _settle(ahead)
                    ahead = None
                    self._fetch_signing_key()
                if not page["has_more"]:
                    break
            if deferred:
                started = time.perf_counter()
                if keys is not None:
                    keys.take_back()  # the worker writes and indexes while the rebuild reads
                with self.database.session(writes=True) as session:
                    indexed = rebuild_search_index(session, keys.finish if keys else None)
                report.search_seconds = time.perf_counter() - started
                log.info("search keys built for %d guests after the first pull", indexed)
        finally:
            _settle(ahead)
            prefetch.shutdown(wait=True)
            if keys is not None:
                keys.close()
        return report

    def _fetch_signing_key(self) -> None:
        answer = self.client.signing_key()
        with self.database.session(writes=True) as session:
            event = session.scalar(select(Event).where(Event.uid == self.enrolment.event_uid))
            if event is not None and int(answer["key_id"]) == event.key_id:
                event.signing_key = base64.b64decode(answer["signing_key"])

    def sync_once(self) -> SyncReport:
        """Push, pull, and push again what the pull may have made necessary."""
        pushed = self.push()
        pulled = self.pull()
        more = self.push()
        pushed.batches += more.batches
        pushed.accepted += more.accepted
        pushed.duplicates += more.duplicates
        pushed.rejected.extend(more.rejected)
        return SyncReport(push=pushed, pull=pulled, finished_at=utc_now())
