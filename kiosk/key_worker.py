"""Search keys of many guests made in a second process while this one goes on.

Making the keys of 100,000 guests (pinyin, rotations, initials: kiosk.search.make_keys) is a
second or two of pure Python, and an import or a first pull has other work for this process
meanwhile (checking rows; storing pages). On a machine with a second core, a worker process
makes the keys batch by batch as they are handed over, so that when the guests are stored their
keys are ready to store too. The worker only computes; every write stays in the caller's
transaction.

Used for large batches only (PARALLEL_FROM guests): starting the worker costs a few hundred ms.
A batch the worker could not make (it failed to start, or died) is made here, so the keys are
the same either way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from kiosk.search import GuestDetails, MadeKeys, make_keys

log = logging.getLogger("kiosk.search")

PARALLEL_FROM = 20_000  # guests; fewer are made in the calling process
BATCH = 5_000  # guests handed over at a time
DISABLE_ENV = "KIOSK_KEYS_IN_PROCESS"  # set (to anything) to make every key here


def worth_it(guests: int) -> bool:
    """Whether keys of this many guests are better made by a worker on this machine."""
    return (guests >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2
            and not os.environ.get(DISABLE_ENV))


def _made_pickled(guests: list[GuestDetails]) -> bytes:
    # Pickled here, unpickled when the caller asks: the pool's thread in the calling process
    # would otherwise unpickle each batch as it arrives, taking turns with the caller's work.
    return pickle.dumps(make_keys(guests), protocol=pickle.HIGHEST_PROTOCOL)


def _warm_up() -> None:
    # Loads pypinyin's dictionaries and the folding tables before the first batch arrives.
    make_keys([(0, 0, "张伟", "Zhang Wei", None, "a@example.org")])


class KeyWorker:
    """make_keys in a worker process, batch by batch; results in the order handed over."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._batches: list[tuple[list[GuestDetails], Future[bytes] | None]] = []
        self.made_elsewhere = 0  # batches the worker made (the others were made here)
        try:
            # spawn, not fork: the calling process may be a Qt application with threads.
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up)
        except (OSError, ValueError) as error:
            log.warning("search keys are made in this process: no worker (%s)", error)

    def submit(self, guests: Sequence[GuestDetails]) -> None:
        """Hand over a batch (a copy is kept, to make it here should the worker fail)."""
        batch = list(guests)
        if not batch:
            return
        future: Future[bytes] | None = None
        if self._pool is not None:
            try:
                future = self._pool.submit(_made_pickled, batch)
            except RuntimeError as error:  # a broken or shut-down pool
                log.warning("search keys are made in this process from now on (%s)", error)
                self._pool = None
        self._batches.append((batch, future))

    def results(self) -> Iterator[MadeKeys]:
        """The keys of each batch handed over since the last call, in that order, waiting for
        the worker as needed."""
        batches, self._batches = self._batches, []
        for batch, future in batches:
            made: MadeKeys | None = None
            if future is not None:
                try:
                    made = pickle.loads(future.result())
                    self.made_elsewhere += 1
                except Exception as error:  # the worker died (or failed): made here instead
                    log.warning("the search-key worker failed (%s); making the keys here",
                                error)
            yield made if made is not None else make_keys(batch)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> KeyWorker:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
