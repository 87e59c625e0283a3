"""Shared fixtures: a temporary database, an event with keys and checkpoints, a fixed clock.

KIOSK_REQUIRE_ALL=1 (set by .ci/run) turns every skip for a missing system part into a failure,
so CI cannot pass while CUPS, PostgreSQL or the multimedia libraries are absent.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kiosk import events
from kiosk.db import Database
from kiosk.domain import Category, Direction, EntryPolicy
from kiosk.models import Checkpoint, Event

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No search-key worker process for every small first pull of the suite (an empty kiosk starts
# one before it knows the list's length); the tests of kiosk.key_worker turn it back on.
os.environ.setdefault("KIOSK_KEYS_IN_PROCESS", "1")

EVENT_TZ = "Asia/Shanghai"
FIRST_DAY = dt.date(2026, 12, 7)
LAST_DAY = dt.date(2026, 12, 11)


def require_system_part(available: bool, reason: str) -> None:
    """Skip when a system part is missing, unless KIOSK_REQUIRE_ALL=1 demands it be there."""
    if available:
        return
    if os.environ.get("KIOSK_REQUIRE_ALL") == "1":
        pytest.fail(f"KIOSK_REQUIRE_ALL=1 but {reason}")
    pytest.skip(reason)


class FixedClock:
    """A clock the test moves by hand; the core takes `now` from it."""

    def __init__(self, start: dt.datetime) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> dt.datetime:
        self.moment += dt.timedelta(**delta)
        return self.moment


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    db = Database.open(data_dir)
    yield db
    db.close()


@pytest.fixture
def clock() -> FixedClock:
    # 09:30 in Beijing on the first day of the forum.
    return FixedClock(dt.datetime(2026, 12, 7, 1, 30, tzinfo=dt.UTC))


@pytest.fixture
def event(database: Database) -> Event:
    """The forum with keys and four checkpoints of different rules."""
    with database.session() as session:
        forum = events.create_event(
            session, "Beijing International Science Forum", FIRST_DAY, LAST_DAY, EVENT_TZ,
            name_local="北京国际科学论坛",
        )
        session.add_all([
            Checkpoint(event=forum, name="Main entrance", name_local="主入口",
                       entry_policy=EntryPolicy.SINGLE.value),
            Checkpoint(event=forum, name="Exhibition hall", name_local="展厅",
                       entry_policy=EntryPolicy.REENTRY.value),
            Checkpoint(event=forum, name="VIP lounge", name_local="贵宾室",
                       entry_policy=EntryPolicy.REENTRY.value,
                       allowed_categories=[Category.VIP.value, Category.SPEAKER.value]),
            Checkpoint(event=forum, name="Exit", name_local="出口",
                       direction=Direction.OUT.value, entry_policy=EntryPolicy.REENTRY.value),
        ])
    return forum


@dataclass
class KeyWorkerSpy:
    """The search-key workers (kiosk.key_worker) a test started, and what each finish() gave."""

    workers: list[Any] = field(default_factory=list)
    finished: list[Any] = field(default_factory=list)


@pytest.fixture
def key_worker_on(monkeypatch: pytest.MonkeyPatch) -> KeyWorkerSpy:
    """kiosk.key_worker used for lists of any length, as on a machine of two cores."""
    from kiosk import key_worker

    monkeypatch.delenv(key_worker.DISABLE_ENV, raising=False)
    monkeypatch.setattr(key_worker, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    spy = KeyWorkerSpy()
    real_init, real_finish = key_worker.KeyWorker.__init__, key_worker.KeyWorker.finish

    def recorded(self: key_worker.KeyWorker, schema: list[str]) -> None:
        real_init(self, schema)
        spy.workers.append(self)

    def finish(self: key_worker.KeyWorker) -> Any:
        spy.finished.append(real_finish(self))
        return spy.finished[-1]

    monkeypatch.setattr(key_worker.KeyWorker, "__init__", recorded)
    monkeypatch.setattr(key_worker.KeyWorker, "finish", finish)
    return spy
