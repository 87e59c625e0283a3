"""Qt's print support as a badge printer (ui.qt_printing): QPrinter's PDF output offscreen, the
print queue through it, and a system printer reached through Qt (CUPS's KioskPDF where it runs)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk import events
from kiosk.badges import printers
from kiosk.badges.printers import JobState, PrinterProblem
from kiosk.badges.queue import PrintQueue, job_title
from kiosk.badges.render import badge_data, render_badges
from kiosk.badges.templates import find_template
from kiosk.db import Database
from kiosk.domain import PrintJobState
from kiosk.errors import PrintError
from kiosk.models import BadgePrint, Event
from tests.badge_helpers import add_guest, cups_pdf_output, render_page
from tests.conftest import require_system_part
from ui.qt_printing import QtPrinterBackend, register


@pytest.fixture
def backend(qapp: QApplication, tmp_path: Path) -> Iterator[QtPrinterBackend]:
    registered = register(tmp_path / "ledger")
    yield registered
    printers._BACKENDS.pop("qt", None)


def _badge_pdf(database: Database, event: Event, folder: Path, template: str) -> tuple[Path, str]:
    number = add_guest(database, event, "欧阳娜娜", name_latin="Ouyang Nana")
    with database.session() as session:
        forum = events.current_event(session)
        guest = events.find_guest(session, forum, str(number))
        credential = events.credential_for(forum, guest)
        rendered = render_badges(find_template(template), [badge_data(forum, guest)])
    path = folder / "badge.pdf"
    path.write_bytes(rendered.pdf)
    return path, credential


@pytest.mark.parametrize("template", ["badge-4x3", "cr80"])
def test_qprinter_pdf_output_keeps_the_page_size_and_a_readable_qr(
        backend: QtPrinterBackend, database: Database, event: Event, tmp_path: Path,
        template: str) -> None:
    pdf, credential = _badge_pdf(database, event, tmp_path, template)
    out = tmp_path / "out"
    out.mkdir()
    name = f"pdf:{out}"
    assert backend.status(name).problem is PrinterProblem.NONE
    ref = backend.submit(name, pdf, "kiosk-badge-one")
    assert Path(ref) == out / "kiosk-badge-one.pdf" and not list(out.glob("*.part"))
    printed = Path(ref).read_bytes()
    source, copy = pdfium.PdfDocument(pdf), pdfium.PdfDocument(printed)
    try:
        assert len(copy) == 1
        width, height = source[0].get_size()
        copy_width, copy_height = copy[0].get_size()
        assert abs(copy_width - width) < 1 and abs(copy_height - height) < 1
    finally:
        source.close()
        copy.close()
    codes = zxingcpp.read_barcodes(render_page(printed, 0, 150))
    assert [c.text for c in codes] == [credential]
    assert backend.job_status(name, ref).state is JobState.DONE
    assert backend.find(name, "kiosk-badge-one") == ref
    assert backend.find(name, "kiosk-badge-other") is None


def test_a_missing_folder_or_printer_is_reported_and_a_bad_pdf_refused(
        backend: QtPrinterBackend, tmp_path: Path) -> None:
    assert backend.status(f"pdf:{tmp_path / 'nowhere'}").problem is PrinterProblem.MISSING
    assert backend.status("No Such Printer").problem is PrinterProblem.MISSING
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    with pytest.raises(PrintError, match="cannot read the badge PDF"):
        backend.submit(f"pdf:{tmp_path}", broken, "kiosk-badge-broken")
    assert not (tmp_path / "kiosk-badge-broken.pdf").exists()


def test_the_print_queue_prints_through_qt_once_and_records_it(
        backend: QtPrinterBackend, database: Database, event: Event, data_dir: Path,
        tmp_path: Path) -> None:
    out = tmp_path / "tray"
    out.mkdir()
    queue = PrintQueue(database, data_dir / "spool")
    number = add_guest(database, event, "Анна Каренина")
    job = queue.enqueue(str(number), printer=f"qt:pdf:{out}")
    for _ in range(3):
        queue.process()
    assert queue.info(job.uid).state is PrintJobState.DONE
    assert [p.name for p in out.iterdir()] == [f"{job_title(job.uid)}.pdf"]
    with database.session() as session:
        assert len(session.scalars(select(BadgePrint)).all()) == 1


def test_a_job_handed_to_a_system_printer_is_found_in_the_ledger_after_a_restart(
        backend: QtPrinterBackend, tmp_path: Path) -> None:
    backend._note("Front desk", "kiosk-badge-abc", "Front desk/kiosk-badge-abc")
    again = QtPrinterBackend(tmp_path / "ledger")  # a new process reads the same ledger
    assert again.find("Front desk", "kiosk-badge-abc") == "Front desk/kiosk-badge-abc"
    assert again.find("Other printer", "kiosk-badge-abc") is None


def test_the_app_registers_the_qt_backend(qapp: QApplication) -> None:
    from ui.app import KioskApp

    app = KioskApp.create()
    try:
        backend, name = printers.resolve("qt:pdf:/tmp")
        assert isinstance(backend, QtPrinterBackend) and name == "pdf:/tmp"
    finally:
        app.close()


@pytest.mark.system
def test_qt_prints_to_the_cups_pdf_printer(
        backend: QtPrinterBackend, database: Database, event: Event, tmp_path: Path) -> None:
    """On Linux Qt reaches the same CUPS printers: the badge lands from KioskPDF, QR readable."""
    ready = subprocess.run(["lpstat", "-p", "KioskPDF"], capture_output=True,
                           check=False).returncode == 0 if _has_lpstat() else False
    require_system_part(ready and "KioskPDF" in backend.printers(),
                        "CUPS with the cups-pdf printer KioskPDF is not set up")
    pdf, credential = _badge_pdf(database, event, tmp_path, "badge-4x3")
    title = f"kiosk-badge-qt-{time.time_ns()}"
    ref = backend.submit("KioskPDF", pdf, title)
    assert backend.find("KioskPDF", title) == ref
    deadline = time.monotonic() + 30
    landed: list[Path] = []
    codes: list[str] = []
    while not codes and time.monotonic() < deadline:  # cups-pdf may still be writing it
        time.sleep(0.3)
        landed = sorted(cups_pdf_output().glob(f"{title}*.pdf"))
        if landed:
            try:
                page = render_page(landed[0].read_bytes(), 0, 150)
            except pdfium.PdfiumError:
                continue
            codes = [c.text for c in zxingcpp.read_barcodes(page)]
    for path in landed:
        path.unlink()
    assert len(landed) == 1 and codes == [credential]


def _has_lpstat() -> bool:
    import shutil

    return shutil.which("lpstat") is not None
