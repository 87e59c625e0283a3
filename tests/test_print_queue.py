"""The print queue: stored jobs that survive a restart, held with the printer's reason, sent once,
each print recorded with who, when, where and why, and put in the sync outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.badges import printers
from kiosk.badges.printers import (
    JobState,
    JobStatus,
    PrinterProblem,
    PrinterStatus,
    describe,
    resolve,
)
from kiosk.badges.queue import INTERRUPTED_AFTER, MAX_ATTEMPTS, PrintQueue
from kiosk.db import Database
from kiosk.domain import OutboxKind, PrintJobState, PrintReason
from kiosk.errors import ConflictError, PrintError, UsageError
from kiosk.models import AuditEntry, BadgePrint, Event, OutboxItem, PrintJob
from tests.badge_helpers import add_guest, page_texts
from tests.conftest import FixedClock


class ScriptedPrinter:
    """A backend whose printer state the test sets, counting what it was sent."""

    kind = "scripted"

    def __init__(self) -> None:
        self.problem = PrinterProblem.NONE
        self.message: str | None = None
        self.sent: list[tuple[str, bytes]] = []
        self.refuse_submit = False
        self.finished: set[str] = set()

    def printers(self) -> list[str]:
        return ["desk"]

    def status(self, name: str) -> PrinterStatus:
        return PrinterStatus(f"scripted:{name}", self.problem, self.message)

    def submit(self, name: str, pdf: Path, title: str) -> str:
        if self.refuse_submit:
            raise PrintError("the printer hung up")
        self.sent.append((title, pdf.read_bytes()))
        return f"{name}-{len(self.sent)}"

    def job_status(self, name: str, ref: str) -> JobStatus:
        if ref in self.finished:
            return JobStatus(JobState.DONE)
        if self.problem is not PrinterProblem.NONE:
            return JobStatus(JobState.PENDING)
        self.finished.add(ref)
        return JobStatus(JobState.PRINTING)

    def find(self, name: str, title: str) -> str | None:
        for index, (sent_title, _data) in enumerate(self.sent, 1):
            if sent_title == title:
                return f"{name}-{index}"
        return None


@pytest.fixture
def scripted() -> Iterator[ScriptedPrinter]:
    backend = ScriptedPrinter()
    printers.register_backend(backend)
    yield backend
    printers._BACKENDS.pop("scripted", None)


@pytest.fixture
def queue(database: Database, data_dir: Path, clock: FixedClock) -> PrintQueue:
    return PrintQueue(database, data_dir / "spool", clock=clock)


def _drain(queue: PrintQueue, uid: str, rounds: int = 5) -> PrintJobState:
    state = queue.info(uid).state
    for _ in range(rounds):
        if state in (PrintJobState.DONE, PrintJobState.FAILED):
            break
        state = queue.process(only=uid)[0].state
    return state


def test_a_first_badge_prints_to_a_folder_and_is_recorded_with_its_outbox_item(
        database: Database, event: Event, queue: PrintQueue, tmp_path: Path) -> None:
    number = add_guest(database, event, "张伟", name_latin="Zhang Wei", category="vip")
    folder = tmp_path / "out"
    folder.mkdir()
    job = queue.enqueue(str(number), printer=f"folder:{folder}", operator="desk-1")
    assert job.state is PrintJobState.QUEUED and job.print_reason is PrintReason.FIRST
    assert _drain(queue, job.uid) is PrintJobState.DONE
    files = list(folder.glob("*.pdf"))
    assert len(files) == 1 and "张伟" in page_texts(files[0].read_bytes())[0]
    with database.session() as session:
        record = session.scalars(select(BadgePrint)).one()
        assert (record.reason, record.operator, record.printer) == (
            "first", "desk-1", f"folder:{folder}")
        outbox = session.scalars(select(OutboxItem).where(
            OutboxItem.kind == OutboxKind.BADGE_PRINT.value)).one()
        assert outbox.item_uid == record.id and outbox.payload["job_uid"] == job.uid


def test_a_reprint_needs_a_reason_and_is_audited(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter) -> None:
    number = add_guest(database, event, "Анна Каренина")
    first = queue.enqueue(str(number), printer="scripted:desk")
    assert _drain(queue, first.uid) is PrintJobState.DONE
    with pytest.raises(ConflictError, match=r"already printed.*needs a reason"):
        queue.enqueue(str(number), printer="scripted:desk")
    with pytest.raises(UsageError, match="needs a note"):
        queue.enqueue(str(number), printer="scripted:desk", reason=PrintReason.OTHER)
    again = queue.enqueue(str(number), printer="scripted:desk", reason=PrintReason.LOST,
                          operator="li")
    assert _drain(queue, again.uid) is PrintJobState.DONE
    with database.session() as session:
        reasons = sorted(r.reason for r in session.scalars(select(BadgePrint)))
        assert reasons == ["first", "lost"]
        audit = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "badge_reprinted")).one()
        assert audit.actor == "li" and audit.details["reason"] == "lost"
    assert len(scripted.sent) == 2


def test_a_second_request_while_one_waits_is_refused(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter) -> None:
    number = add_guest(database, event, "Zoë")
    scripted.problem, scripted.message = PrinterProblem.OUT_OF_PAPER, "media-empty"
    queue.enqueue(str(number), printer="scripted:desk")
    with pytest.raises(ConflictError, match="already queued"):
        queue.enqueue(str(number), printer="scripted:desk", reason=PrintReason.DAMAGED)


def test_a_stopped_printer_holds_jobs_with_its_reason_and_prints_them_once_back(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter) -> None:
    numbers = [add_guest(database, event, name) for name in ("A", "B", "C")]
    scripted.problem, scripted.message = PrinterProblem.STOPPED, "out of paper"
    jobs = [queue.enqueue(str(n), printer="scripted:desk") for n in numbers]
    for _ in range(3):
        states = queue.process()
    assert {j.state for j in states} == {PrintJobState.HELD}
    assert all(j.state_reason == "stopped: out of paper" for j in states)
    scripted.problem, scripted.message = PrinterProblem.NONE, None
    assert all(_drain(queue, j.uid) is PrintJobState.DONE for j in jobs)
    for _ in range(3):
        queue.process()
    assert len(scripted.sent) == 3  # each exactly once
    with database.session() as session:
        assert len(session.scalars(select(BadgePrint)).all()) == 3


def test_held_jobs_survive_a_restart(data_dir: Path, database: Database, event: Event,
                                     clock: FixedClock, tmp_path: Path) -> None:
    number = add_guest(database, event, "Ιωάννης")
    folder = tmp_path / "later"  # not there yet: the "printer" is missing
    job = PrintQueue(database, data_dir / "spool", clock=clock).enqueue(
        str(number), printer=f"folder:{folder}")
    held = PrintQueue(database, data_dir / "spool", clock=clock).process()[0]
    assert held.state is PrintJobState.HELD and held.state_reason is not None
    assert "no printer of this name" in held.state_reason
    database.close()
    folder.mkdir()
    reopened = Database.open(data_dir)
    try:
        queue = PrintQueue(reopened, data_dir / "spool", clock=clock)
        assert [j.uid for j in queue.jobs(open_only=True)] == [job.uid]
        assert _drain(queue, job.uid) is PrintJobState.DONE
        assert len(list(folder.glob("*.pdf"))) == 1
    finally:
        reopened.close()


def test_a_job_interrupted_after_sending_is_found_not_sent_again(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter,
        clock: FixedClock) -> None:
    number = add_guest(database, event, "שרה לוי")
    job = queue.enqueue(str(number), printer="scripted:desk")
    scripted.submit("desk", Path(job.pdf_path), f"kiosk-badge-{job.uid}")  # sent, then crash
    with database.session() as session:
        session.execute(update(PrintJob).where(PrintJob.uid == job.uid).values(
            state=PrintJobState.PRINTING.value, updated_at=clock()))
    assert queue.process()[0].state is PrintJobState.PRINTING  # too recent: someone is sending
    clock.advance(seconds=INTERRUPTED_AFTER.total_seconds() + 1)
    assert _drain(queue, job.uid) is PrintJobState.DONE
    assert len(scripted.sent) == 1


def test_a_job_interrupted_before_sending_is_sent(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter,
        clock: FixedClock) -> None:
    number = add_guest(database, event, "สมชาย")
    job = queue.enqueue(str(number), printer="scripted:desk")
    with database.session() as session:
        session.execute(update(PrintJob).where(PrintJob.uid == job.uid).values(
            state=PrintJobState.PRINTING.value,
            updated_at=clock() - dt.timedelta(minutes=5)))
    assert _drain(queue, job.uid) is PrintJobState.DONE
    assert len(scripted.sent) == 1


def test_a_printer_that_keeps_failing_fails_the_job_which_staff_can_retry(
        database: Database, event: Event, queue: PrintQueue, scripted: ScriptedPrinter) -> None:
    number = add_guest(database, event, "Li")
    scripted.refuse_submit = True
    job = queue.enqueue(str(number), printer="scripted:desk")
    for _ in range(MAX_ATTEMPTS - 1):
        assert queue.process()[0].state is PrintJobState.HELD
    failed = queue.process()[0]
    assert failed.state is PrintJobState.FAILED and failed.state_reason == "the printer hung up"
    other = queue.enqueue(str(add_guest(database, event, "Wang")), printer="scripted:desk")
    with pytest.raises(ConflictError, match="not failed"):
        queue.retry(other.uid)
    assert queue.cancel(other.uid).state is PrintJobState.CANCELLED
    scripted.refuse_submit = False
    assert queue.retry(job.uid[:8]).state is PrintJobState.QUEUED
    assert _drain(queue, job.uid) is PrintJobState.DONE


def test_printing_runs_on_a_worker_thread(database: Database, event: Event, queue: PrintQueue,
                                          scripted: ScriptedPrinter) -> None:
    # The app's one database writer (ui.tasks) is a single worker thread, never the GUI's.
    numbers = [add_guest(database, event, f"Guest {i}") for i in range(4)]
    with ThreadPoolExecutor(max_workers=1) as pool:
        jobs = list(pool.map(lambda n: queue.enqueue(str(n), printer="scripted:desk"), numbers))
        list(pool.map(lambda j: _drain(queue, j.uid), jobs))
    assert {queue.info(j.uid).state for j in jobs} == {PrintJobState.DONE}
    assert len(scripted.sent) == 4


def test_printer_names_and_plain_words() -> None:
    assert resolve("KioskPDF")[1] == "KioskPDF" and resolve("KioskPDF")[0].kind == "cups"
    assert resolve("folder:/tmp/x")[0].kind == "folder"
    with pytest.raises(UsageError):
        resolve("")
    status = PrinterStatus("cups:X", PrinterProblem.STOPPED, "out of paper")
    assert describe(status) == "stopped: out of paper"
    assert describe(PrinterStatus("cups:X", PrinterProblem.OFFLINE)) == (
        "switched off or unplugged")


class _Listing:
    """A backend that only lists printers (all the settings form asks of it)."""

    def __init__(self, kind: str, names: list[str] | Exception) -> None:
        self.kind = kind
        self.names = names

    def printers(self) -> list[str]:
        if isinstance(self.names, Exception):
            raise self.names
        return list(self.names)


def test_the_printers_offered_come_from_every_backend_each_printer_once(monkeypatch) -> None:
    from kiosk.badges import printers
    from kiosk.errors import PrintError

    monkeypatch.setattr(printers, "_BACKENDS", {
        "cups": _Listing("cups", ["KioskPDF", "Front desk"]),
        "folder": _Listing("folder", []),
        "qt": _Listing("qt", ["KioskPDF", "Microsoft Print to PDF"]),
        "broken": _Listing("broken", PrintError("lpstat is missing")),
    })
    assert printers.available_printers() == [
        "cups:KioskPDF", "cups:Front desk", "qt:Microsoft Print to PDF"]
