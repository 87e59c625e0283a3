"""Search keys made by a worker process (kiosk.key_worker) into a scratch file are the keys made
here, and a worker that cannot start or dies costs time, never keys."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kiosk import key_worker
from kiosk.db import Database
from kiosk.key_worker import KeyWorker
from kiosk.search_keys import GuestDetails, MadeKeys, make_keys

NAMES = [("张伟", "Zhang Wei"), ("Jürgen Müller", None), ("Анна Иванова", "Anna Ivanova"),
         ("曾小明", None), ("김민준", "Kim Minjun"), ("O'Brien", None)]


def sample(count: int, first_id: int = 1) -> list[GuestDetails]:
    return [(first_id + i, 7, NAMES[i % len(NAMES)][0] + (str(i) if i % 3 else ""),
             NAMES[i % len(NAMES)][1], "华为技术有限公司" if i % 2 else None,
             f"guest{i}@example.org" if i % 4 else None) for i in range(count)]


@pytest.fixture
def schema(tmp_path: Path) -> list[str]:
    database = Database.open(tmp_path / "kiosk")
    with database.engine.connect() as connection:
        statements = key_worker.keys_schema(connection)
    database.close()
    return statements


def rows_in(path: Path) -> list[tuple[int, int, int, str]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute(
            "SELECT guest_id, event_id, rank, term FROM guest_search_terms"))


def test_the_worker_writes_the_keys_this_process_makes(schema: list[str]) -> None:
    guests = sample(300)
    changed = [(guests[5][0], 7, "新名字", None, None, None)]  # handed over again, changed
    with KeyWorker(schema) as worker:
        worker.submit(guests[:120])
        worker.submit(guests[120:])
        worker.submit(changed)
        made = worker.finish()
        assert made is not None
        latest = {guest[0]: guest for guest in [*guests, *changed]}
        assert rows_in(made.path) == sorted(make_keys(list(latest.values())).rows)
        assert sorted(len(guests) for guests, _ in made.batches) == [1, 120, 180]
        for batch_guests, domains in made.batches:
            assert domains == make_keys(batch_guests).domains
        with sqlite3.connect(made.path) as connection:  # the index is built, as stored here
            assert connection.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                                      "tbl_name = 'guest_search_terms'").fetchall()


def test_batches_the_worker_has_not_started_are_made_here(
    schema: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """take_back() makes here the batches still queued, while the worker ends its batch, and
    has the worker write them: every key is in the file, made once."""
    guests = sample(40)
    made_here: list[list[GuestDetails]] = []

    def recorded(batch: list[GuestDetails]) -> MadeKeys:
        made_here.append(batch)
        return make_keys(batch)

    monkeypatch.setattr(key_worker, "make_keys", recorded)
    with KeyWorker(schema) as worker:
        for start in range(0, 40, 5):
            worker.submit(guests[start:start + 5])
        worker.take_back()
        made = worker.finish()
        assert made is not None
        assert made_here  # the worker cannot have started all eight by now
        assert sorted(guest for batch, _ in made.batches for guest in batch) == guests
        for batch_guests, domains in made.batches:
            assert domains == make_keys(batch_guests).domains
        assert rows_in(made.path) == sorted(make_keys(guests).rows)


def test_a_dead_worker_costs_time_not_keys(schema: list[str]) -> None:
    with KeyWorker(schema) as worker:
        worker.submit(sample(10))
        pool = worker._pool
        assert pool is not None
        deadline = time.monotonic() + 30
        while not pool._processes and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in list(pool._processes):  # the worker is killed, as by the OOM killer
            os.kill(pid, signal.SIGKILL)
        while not pool._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.submit(sample(5, first_id=100))
        assert worker.finish() is None  # the caller makes every key itself


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
