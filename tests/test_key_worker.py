"""Search keys made by a worker process (kiosk.key_worker) are the keys made here, and a worker
that cannot start or dies costs time, never keys."""

from __future__ import annotations

import os
import signal
import time

import pytest

from kiosk import key_worker
from kiosk.key_worker import KeyWorker
from kiosk.search import GuestDetails, MadeKeys, make_keys

NAMES = [("张伟", "Zhang Wei"), ("Jürgen Müller", None), ("Анна Иванова", "Anna Ivanova"),
         ("曾小明", None), ("김민준", "Kim Minjun"), ("O'Brien", None)]


def same(made: MadeKeys) -> tuple[object, ...]:
    """A batch's keys in an order of their own (a set's order differs between processes)."""
    return made.guests, made.domains, sorted(made.rows)


def sample(count: int, first_id: int = 1) -> list[GuestDetails]:
    return [(first_id + i, 7, NAMES[i % len(NAMES)][0] + (str(i) if i % 3 else ""),
             NAMES[i % len(NAMES)][1], "华为技术有限公司" if i % 2 else None,
             f"guest{i}@example.org" if i % 4 else None) for i in range(count)]


def test_the_worker_makes_the_keys_this_process_makes() -> None:
    guests = sample(300)
    with KeyWorker() as worker:
        worker.submit(guests[:120])
        worker.submit(guests[120:])
        made = list(worker.results())
    assert worker.made_elsewhere == 2  # both batches came from the other process
    assert [same(m) for m in made] == [same(make_keys(guests[:120])), same(make_keys(guests[120:]))]
    assert {row[0] for batch in made for row in batch.rows} == {g[0] for g in guests}


def test_a_dead_worker_costs_time_not_keys() -> None:
    guests = sample(50)
    with KeyWorker() as worker:
        worker.submit(guests[:10])
        assert len(list(worker.results())) == 1 and worker.made_elsewhere == 1
        pool = worker._pool
        assert pool is not None
        for pid in list(pool._processes):  # the worker is killed, as by the OOM killer
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not pool._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.submit(guests[10:30])
        worker.submit(guests[30:])
        made = list(worker.results())
    assert worker.made_elsewhere == 1  # the first batch only: the others were made here
    assert [same(m) for m in made] == [
        same(make_keys(batch)) for batch in (guests[10:30], guests[30:])]


def test_the_worker_is_for_long_lists_on_machines_with_a_second_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(key_worker.DISABLE_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert key_worker.worth_it(key_worker.PARALLEL_FROM)
    assert not key_worker.worth_it(key_worker.PARALLEL_FROM - 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not key_worker.worth_it(10 * key_worker.PARALLEL_FROM)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(key_worker.DISABLE_ENV, "1")
    assert not key_worker.worth_it(10 * key_worker.PARALLEL_FROM)
