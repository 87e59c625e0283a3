"""Printing through the real CUPS scheduler and its PDF printer (KioskPDF, see .ci/run).

cups-pdf writes each job as a PDF in ~/PDF named from the job title. These tests stop the
printer, so they restore it (enabled, accepting) whatever happens.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from sqlalchemy import select

from kiosk import events
from kiosk.badges.printers import CupsBackend, PrinterProblem
from kiosk.badges.queue import PrintQueue, job_title
from kiosk.db import Database
from kiosk.domain import PrintJobState
from kiosk.models import BadgePrint, Event
from tests.badge_helpers import add_guest, cups_pdf_output, page_texts, render_page
from tests.conftest import require_system_part

PRINTER = "KioskPDF"
OUTPUT = cups_pdf_output()
pytestmark = pytest.mark.system


def _cups_ready() -> bool:
    if not (shutil.which("lp") and shutil.which("ipptool") and shutil.which("lpstat")):
        return False
    result = subprocess.run(["lpstat", "-p", PRINTER], capture_output=True, text=True,
                            check=False)
    return result.returncode == 0


@pytest.fixture
def cups() -> Iterator[CupsBackend]:
    require_system_part(_cups_ready(), f"CUPS with the cups-pdf printer {PRINTER} is not set up")
    yield CupsBackend()
    subprocess.run(["cupsenable", PRINTER], check=False)
    subprocess.run(["cupsaccept", PRINTER], check=False)


def _landed(uid: str) -> list[Path]:
    return sorted(OUTPUT.glob(f"{job_title(uid)}*.pdf"))


def _until(queue: PrintQueue, uid: str, state: PrintJobState, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = queue.process(only=uid)[0] if queue.info(uid).state in (
            PrintJobState.QUEUED, PrintJobState.HELD, PrintJobState.PRINTING) else queue.info(uid)
        if job.state is state and (state is not PrintJobState.DONE or _landed(uid)):
            return
        time.sleep(0.3)
    raise AssertionError(f"job {uid} is {queue.info(uid).state}, not {state}, after {seconds} s")


def test_a_badge_printed_through_cups_lands_as_a_pdf(
        cups: CupsBackend, database: Database, event: Event, data_dir: Path) -> None:
    number = add_guest(database, event, "欧阳娜娜", name_latin="Ouyang Nana")
    queue = PrintQueue(database, data_dir / "spool")
    job = queue.enqueue(str(number), printer=PRINTER)
    _until(queue, job.uid, PrintJobState.DONE)
    landed = _landed(job.uid)
    assert len(landed) == 1
    printed = landed[0].read_bytes()
    # cups-pdf runs the job through Ghostscript, which keeps the drawing but not the map from
    # CJK glyphs back to text: check the Latin line and read the QR back from the printout.
    assert "Ouyang Nana" in page_texts(printed)[0]
    codes = zxingcpp.read_barcodes(render_page(printed, 0, 150))
    with database.session() as session:
        forum = events.current_event(session)
        credential = events.credential_for(forum, events.find_guest(session, forum, str(number)))
    assert [c.text for c in codes] == [credential]
    landed[0].unlink()


def test_a_stopped_printer_holds_jobs_with_its_reason_then_prints_each_once(
        cups: CupsBackend, database: Database, event: Event, data_dir: Path) -> None:
    subprocess.run(["cupsdisable", "-r", "out of paper", PRINTER], check=True)
    status = cups.status(PRINTER)
    assert status.problem is PrinterProblem.OUT_OF_PAPER and status.message == "out of paper"
    queue = PrintQueue(database, data_dir / "spool")
    jobs = [queue.enqueue(str(add_guest(database, event, name)), printer=PRINTER)
            for name in ("Анна", "محمد")]
    for _ in range(2):
        states = queue.process()
    for job in states:
        assert job.state is PrintJobState.HELD
        assert job.state_reason == "out of paper or labels"  # the reason, in plain words
    waiting = subprocess.run(["lpstat", "-W", "not-completed", "-o", PRINTER],
                             capture_output=True, text=True, check=True).stdout
    assert waiting.count(f"{PRINTER}-") >= 2  # CUPS keeps them, the kiosk does not resend
    assert not any(_landed(j.uid) for j in jobs)
    subprocess.run(["cupsenable", PRINTER], check=True)
    for job in jobs:
        _until(queue, job.uid, PrintJobState.DONE)
    for _ in range(3):
        queue.process()
    time.sleep(1)
    for job in jobs:
        landed = _landed(job.uid)
        assert len(landed) == 1, landed  # printed exactly once
        landed[0].unlink()
    with database.session() as session:
        assert len(session.scalars(select(BadgePrint)).all()) == 2


def test_a_missing_printer_holds_the_job_and_says_so(
        cups: CupsBackend, database: Database, event: Event, data_dir: Path) -> None:
    queue = PrintQueue(database, data_dir / "spool")
    job = queue.enqueue(str(add_guest(database, event, "Li")), printer="cups:NoSuchPrinter")
    held = queue.process()[0]
    assert held.uid == job.uid and held.state is PrintJobState.HELD
    assert held.state_reason == "no printer of this name"
    assert cups.status("NoSuchPrinter").problem is PrinterProblem.MISSING
    assert os.environ.get("CUPS_SERVER", "") != "" or PRINTER in cups.printers()
