"""Search keys of many guests made and written in a second process while this one goes on.

Making the keys of 100,000 guests (pinyin, rotations, initials: kiosk.search_keys.make_keys) is a
second or two of pure Python, and writing a million keys with their index as long again; an
import or a first pull has other work for this process meanwhile (checking rows; storing pages).
On a machine with a second core, a worker process makes each batch's keys as it is handed over
and writes them into a scratch SQLite file of the same table and index (its own file: SQLite
has one writer per database). The caller then copies that file's table into its database in one
statement, inside its own transaction (kiosk.search.store_keys_file): into an empty table SQLite
copies the rows and the index entries as they are, in a fraction of the time of inserting them.

Used for large batches only (PARALLEL_FROM guests): starting the worker costs a few hundred ms.
If the worker cannot start or dies, finish() says so and the caller makes every key itself, so
the keys are the same either way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.search_keys import GuestDetails, MadeFile, make_keys

if TYPE_CHECKING:  # the worker process imports this module: no SQLAlchemy for it
    from sqlalchemy import Connection

log = logging.getLogger("kiosk.search")

PARALLEL_FROM = 20_000  # guests; fewer are made in the calling process
BATCH = 5_000  # guests handed over at a time
DISABLE_ENV = "KIOSK_KEYS_IN_PROCESS"  # set (to anything) to make every key here
KEYS_TABLE = "guest_search_terms"
INDEX_SORT_CACHE_KIB = 2000  # kiosk.db.INDEX_SORT_CACHE_KIB


def worth_it(guests: int) -> bool:
    """Whether keys of this many guests are better made by a worker on this machine."""
    return (guests >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2
            and not os.environ.get(DISABLE_ENV))


def keys_schema(connection: Connection) -> list[str]:
    """The CREATE statements of the keys table and of its indexes, table first, as the
    caller's database has them (the scratch file must match them exactly)."""
    rows = connection.exec_driver_sql(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL",
        (KEYS_TABLE,)).all()
    return [sql for _kind, sql in sorted(rows, key=lambda row: row[0] != "table")]


# The worker process's side: one scratch file per worker, written batch by batch. ----------

_scratch: sqlite3.Connection | None = None
_indexes: list[str] = []


def _open(path: str, schema: list[str]) -> None:
    global _scratch, _indexes
    # Scratch data: no journal, no syncing; nothing here outlives the caller's transaction.
    _scratch = sqlite3.connect(path, isolation_level=None)
    _scratch.execute("PRAGMA journal_mode=OFF")
    _scratch.execute("PRAGMA synchronous=OFF")
    _scratch.execute("PRAGMA cache_size=-65536")
    _scratch.execute(schema[0])
    _indexes = schema[1:]  # built once at the end: faster than a million inserts into them
    make_keys([(0, 0, "张伟", "Zhang Wei", None, "a@example.org")])  # loads the dictionaries


def _started() -> None:
    """Nothing: submitted first, so that the process starts (and loads) at once."""


def _add(guests: list[GuestDetails], again: list[int]) -> list[str | None]:
    made = make_keys(guests)
    return _write(made.rows, made.domains, again)


def _write(rows: list[tuple[int, int, int, str]], domains: list[str | None],
           again: list[int]) -> list[str | None]:
    """Write keys made here or by the caller; `domains` is handed back as the batch's result."""
    assert _scratch is not None
    _scratch.execute("BEGIN")
    # A guest handed over again (changed while a pull went on) keeps only its latest keys.
    _scratch.executemany(f"DELETE FROM {KEYS_TABLE} WHERE guest_id = ?",
                         [(guest_id,) for guest_id in again])
    _scratch.executemany(
        f"INSERT INTO {KEYS_TABLE} (guest_id, event_id, rank, term) VALUES (?, ?, ?, ?)", rows)
    _scratch.execute("COMMIT")
    return domains


def _seal() -> None:
    global _scratch
    assert _scratch is not None
    # The index is one sort of every key: in runs that a helper thread shares, as
    # kiosk.db.index_sort has it (that module is not loaded here: it brings SQLAlchemy).
    _scratch.execute(f"PRAGMA cache_size = {-INDEX_SORT_CACHE_KIB}")
    _scratch.execute(f"PRAGMA threads = {min(os.cpu_count() or 1, 4) - 1}")
    for statement in _indexes:
        _scratch.execute(statement)
    _scratch.close()
    _scratch = None


# The calling process's side. --------------------------------------------------------------


class KeyWorker:
    """make_keys in a worker process, batch by batch, into a scratch file."""

    def __init__(self, schema: list[str]) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="kiosk-keys-"))
        self._path = self._folder / "keys.sqlite3"
        self._pool: ProcessPoolExecutor | None = None
        self._batches: list[tuple[list[GuestDetails], Future[list[str | None]]]] = []
        self._sealed: Future[None] | None = None
        self._handed_over: set[int] = set()
        self._pending: list[GuestDetails] = []  # added, not handed over yet
        self.waited = 0.0  # seconds the caller waited for the worker
        try:
            # spawn, not fork: the calling process may be a Qt application with threads.
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=_open,
                initargs=(str(self._path), schema))
            self._pool.submit(_started)  # the pool starts its process at the first task
        except (OSError, ValueError, RuntimeError) as error:
            log.warning("search keys are made in this process: no worker (%s)", error)

    def add(self, guest: GuestDetails) -> None:
        """Hand over one guest; they go to the worker BATCH at a time (the rest at seal)."""
        self._pending.append(guest)
        if len(self._pending) >= BATCH:
            self.submit(self._pending)
            self._pending = []

    def submit(self, guests: Sequence[GuestDetails]) -> None:
        """Hand over a batch (its details are kept here: the caller checks them at the end)."""
        batch = list(guests)
        if not batch or self._pool is None:
            return
        again = [guest[0] for guest in batch if guest[0] in self._handed_over]
        self._handed_over.update(guest[0] for guest in batch)
        try:
            self._batches.append((batch, self._pool.submit(_add, batch, again)))
        except RuntimeError as error:  # a broken or shut-down pool
            log.warning("the search-key worker stopped (%s); the keys are made here", error)
            self._pool = None

    def seal(self) -> None:
        """Every batch is handed over: the worker builds the file's indexes meanwhile."""
        if self._pending:
            self.submit(self._pending)
            self._pending = []
        if self._pool is not None and self._sealed is None:
            try:
                self._sealed = self._pool.submit(_seal)
            except RuntimeError:
                self._pool = None

    def take_back(self) -> None:
        """No more guests: the last two thirds of the batches the worker has not started yet
        (those whose guests are in no other batch) are made here now, and the worker only
        writes them, then builds the file's index. Every key is in the file, for the one bulk
        copy. Two thirds: the worker makes the rest and builds the index while this process
        makes these and then reads the guests for the rebuild, about as long."""
        if self._pending:
            self.submit(self._pending)
            self._pending = []
        if self._pool is None or self._sealed is not None:
            return
        times: dict[int, int] = {}
        for guests, _future in self._batches:
            for guest in guests:
                times[guest[0]] = times.get(guest[0], 0) + 1
        queued = [i for i, (_guests, future) in enumerate(self._batches)
                  if not future.running() and not future.done()]
        wanted = -(-2 * len(queued) // 3)
        taken: list[int] = []
        for i in reversed(queued):
            guests, future = self._batches[i]
            if len(taken) == wanted:
                break
            if all(times[guest[0]] == 1 for guest in guests) and future.cancel():
                taken.append(i)
        batches = [self._batches[i][0] for i in reversed(taken)]
        self._batches = [batch for i, batch in enumerate(self._batches) if i not in taken]
        for guests in batches:
            made = make_keys(guests)
            try:
                self._batches.append(
                    (guests, self._pool.submit(_write, made.rows, made.domains, [])))
            except RuntimeError:  # the worker is gone: finish() says so
                self._pool = None
                return
        self.seal()

    def finish(self) -> MadeFile | None:
        """The file once every batch is in it, waiting for the worker as needed; None when the
        worker failed (the caller makes every key itself)."""
        self.seal()
        if self._pool is None or self._sealed is None:
            return None
        started = time.perf_counter()
        try:
            batches = [(guests, future.result()) for guests, future in self._batches]
            self._sealed.result()
        except Exception as error:  # the worker died (or failed): made by the caller instead
            log.warning("the search-key worker failed (%s); the keys are made here", error)
            return None
        finally:
            self.waited += time.perf_counter() - started
        return MadeFile(self._path, batches)

    def close(self) -> None:
        """Let the worker go (it exits on its own: waiting for it to free its memory would cost
        the caller half a second) and remove the scratch file."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> KeyWorker:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
