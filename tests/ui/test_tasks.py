"""Slow work runs on worker threads and its result comes back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.errors import NotFoundError
from ui.tasks import Tasks


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[Tasks]:
    runner = Tasks()
    yield runner
    runner.wait()
    runner.deleteLater()


def test_result_arrives_on_the_gui_thread_from_a_worker(qtbot: QtBot, tasks: Tasks) -> None:
    ran_on: list[threading.Thread] = []
    got: list[tuple[int, bool]] = []

    def work(n: int) -> int:
        ran_on.append(threading.current_thread())
        return n * 2

    tasks.run(work, 21, on_done=lambda r: got.append(
        (r, QThread.currentThread() is QApplication.instance().thread())  # type: ignore[union-attr]
    ))
    qtbot.waitUntil(lambda: bool(got), timeout=2000)
    assert got == [(42, True)]
    assert ran_on[0] is not threading.main_thread()


def test_errors_reach_on_error_and_kiosk_errors_keep_their_message(
    qtbot: QtBot, tasks: Tasks, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[BaseException] = []

    def fails() -> None:
        raise NotFoundError("no guest 'x'")

    def bug() -> None:
        raise ZeroDivisionError("bug")

    tasks.run(fails, on_error=errors.append)
    tasks.run(bug, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=2000)
    assert {type(e) for e in errors} == {NotFoundError, ZeroDivisionError}
    assert "ZeroDivisionError" in caplog.text  # a bug is logged with its traceback


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot: QtBot, tasks: Tasks) -> None:
    order: list[int] = []
    inside = threading.Semaphore(1)
    overlaps: list[int] = []

    def write(n: int) -> int:
        if not inside.acquire(blocking=False):
            overlaps.append(n)
        QThread.msleep(2)
        order.append(n)
        inside.release()
        return n

    done: list[int] = []
    for n in range(20):
        tasks.write(write, n, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 20, timeout=5000)
    assert order == list(range(20)) and done == list(range(20)) and overlaps == []


def test_a_result_for_a_deleted_owner_is_dropped(qtbot: QtBot, tasks: Tasks) -> None:
    owner = QObject()
    got: list[int] = []
    gate = threading.Event()
    tasks.run(lambda: gate.wait(5) and 1, on_done=got.append, owner=owner)
    owner.deleteLater()
    qtbot.wait(20)
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=2000)
    assert got == []


def test_synchronous_tasks_run_at_once(qapp: QApplication) -> None:
    runner = Tasks(synchronous=True)
    got: list[int] = []
    runner.run(lambda x: x + 1, 1, on_done=got.append)
    assert got == [2]
    runner.deleteLater()
