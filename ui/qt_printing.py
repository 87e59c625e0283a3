"""Qt's print support as a badge printer backend (``qt:NAME``), for Windows and macOS.

kiosk.badges prints through CUPS on Linux; on Windows and macOS the desktop app prints through
Qt's print support (QPrinter), which reaches the operating system's own printers. The core
imports no Qt, so this backend lives here and ``register()`` adds it to
``kiosk.badges.printers`` when the application starts.

A printer is named ``qt:NAME`` for a printer the system knows (``QPrinterInfo``), or
``qt:pdf:FOLDER`` for Qt's own PDF output into a folder (print to file).

Each badge PDF is rendered page by page with QtPdf at the printer's resolution (at most
``MAX_DPI``, which keeps the QR's modules sharp) and painted on the printer's full page. Qt hands
the finished job to the system's spooler and cannot follow it there, so a job is done once Qt
accepted it. To keep a badge from printing twice after a crash (``find``), every job handed over
is written to a ledger file beside the local data; a crash in the instant between the hand-over
and that line can still print one badge again.

QPrinter and QPainter may be used off the GUI thread (Qt allows painting on a QPrinter in a worker
thread), which is where the print queue runs.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.badges import printers
from kiosk.badges.printers import JobState, JobStatus, PrinterProblem, PrinterStatus
from kiosk.db import default_data_dir
from kiosk.errors import PrintError

log = logging.getLogger("ui.print")

KIND = "qt"
PDF_PREFIX = "pdf:"
MAX_DPI = 600
PDF_DPI = 300
LEDGER_FILE = "qt-printed.txt"

_STATES = {
    QPrinter.PrinterState.Aborted: (PrinterProblem.STOPPED, "the last job was aborted"),
    QPrinter.PrinterState.Error: (PrinterProblem.OFFLINE, "the printer reports an error"),
}


class QtPrinterBackend:
    """kiosk.badges' PrinterBackend on QPrinter (see the module docstring)."""

    kind = KIND

    def __init__(self, ledger_folder: Path | None = None) -> None:
        self.ledger = (ledger_folder or default_data_dir()) / LEDGER_FILE
        self._lock = threading.Lock()

    # -- the four questions -------------------------------------------------------------------

    def printers(self) -> list[str]:
        return list(QPrinterInfo.availablePrinterNames())

    def status(self, name: str) -> PrinterStatus:
        spec = f"{KIND}:{name}"
        folder = _pdf_folder(name)
        if folder is not None:
            if not folder.is_dir():
                return PrinterStatus(spec, PrinterProblem.MISSING, f"no folder {folder}")
            if not os.access(folder, os.W_OK):
                return PrinterStatus(spec, PrinterProblem.NOT_ACCEPTING,
                                     f"cannot write to {folder}")
            return PrinterStatus(spec, PrinterProblem.NONE)
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            return PrinterStatus(spec, PrinterProblem.MISSING)
        state = info.state()
        if state in _STATES:
            problem, message = _STATES[state]
            return PrinterStatus(spec, problem, message)
        return PrinterStatus(spec, PrinterProblem.NONE,
                             is_busy=state == QPrinter.PrinterState.Active)

    def submit(self, name: str, pdf: Path, title: str) -> str:
        where = f"{KIND}:{name}"
        document = QPdfDocument()
        try:
            error = document.load(str(pdf))
            if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
                raise PrintError(f"cannot read the badge PDF ({error.name})", where=str(pdf))
            folder = _pdf_folder(name)
            target = folder / f"{title}.pdf" if folder is not None else None
            printer = self._printer(name, target, title, document.pagePointSize(0))
            _paint(printer, document, where)
        finally:
            document.close()
        ref = str(target) if target is not None else f"{name}/{title}"
        if target is not None:
            os.replace(_partial(target), target)  # appears whole or not at all
        self._note(name, title, ref)
        log.info("%s handed to %s as %s", title, where, ref)
        return ref

    def job_status(self, name: str, ref: str) -> JobStatus:
        if _pdf_folder(name) is not None:
            if Path(ref).exists():
                return JobStatus(JobState.DONE)
            return JobStatus(JobState.FAILED, f"{ref} has gone")
        return JobStatus(JobState.DONE)  # the system's spooler has it: Qt cannot follow it

    def find(self, name: str, title: str) -> str | None:
        folder = _pdf_folder(name)
        if folder is not None:
            target = folder / f"{title}.pdf"
            return str(target) if target.exists() else None
        try:
            lines = self.ledger.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        for line in reversed(lines):
            printer, _tab, rest = line.partition("\t")
            noted_title, _tab, ref = rest.partition("\t")
            if printer == name and noted_title == title:
                return ref
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _printer(self, name: str, target: Path | None, title: str, page: QSizeF) -> QPrinter:
        if target is None:
            info = QPrinterInfo.printerInfo(name)
            if info.isNull():
                raise PrintError("no printer of this name", where=f"{KIND}:{name}")
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        else:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setResolution(PDF_DPI)
            printer.setOutputFileName(str(_partial(target)))
        printer.setDocName(title)
        printer.setCreator("kiosk")
        printer.setFullPage(True)
        layout = QPageLayout(QPageSize(page, QPageSize.Unit.Point, "badge"),
                             QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        if not printer.setPageLayout(layout):
            log.warning("%s does not take the badge's page size; printing on its own", name)
        return printer

    def _note(self, name: str, title: str, ref: str) -> None:
        with self._lock:
            self.ledger.parent.mkdir(parents=True, exist_ok=True)
            with self.ledger.open("a", encoding="utf-8") as file:
                file.write(f"{name}\t{title}\t{ref}\n")
                file.flush()
                os.fsync(file.fileno())


def _pdf_folder(name: str) -> Path | None:
    if not name.startswith(PDF_PREFIX):
        return None
    return Path(name[len(PDF_PREFIX):]).expanduser()


def _partial(target: Path) -> Path:
    return target.with_suffix(".pdf.part")


def _paint(printer: QPrinter, document: QPdfDocument, where: str) -> None:
    """Every page of the document, rendered at the printer's resolution, onto its full page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer did not start the job", where=where,
                         hint="is it switched on and connected?")
    finished = False
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(document.pageCount()):
            if index > 0 and not printer.newPage():
                raise PrintError(f"the printer refused page {index + 1}", where=where)
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(index, pixels)
            if image.isNull():
                raise PrintError(f"cannot render page {index + 1} of the badge", where=where)
            page = painter.viewport()
            painter.drawImage(QRectF(0, 0, page.width(), page.height()),
                              image.convertToFormat(QImage.Format.Format_RGB32))
        finished = True
    finally:
        ended = painter.end()
    if finished and not ended:
        raise PrintError("the printer did not finish the job", where=where)


def register(ledger_folder: Path | None = None) -> QtPrinterBackend:
    """Add Qt's print support to the badge printers as ``qt:`` (once the application exists)."""
    backend = QtPrinterBackend(ledger_folder)
    printers.register_backend(backend)
    return backend
