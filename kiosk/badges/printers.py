"""Printer backends: CUPS (Linux and macOS), a folder of PDFs, and any a caller registers.

A printer is named ``backend:name``: ``cups:KioskPDF`` (or just ``KioskPDF``),
``folder:/srv/badges``;
the desktop app adds ``qt:NAME`` (Qt's print support, for Windows) from ``ui/``, since the core
imports no Qt. Every backend answers the same four questions: how is the printer (``status``),
print this PDF (``submit``), how is that job (``job_status``), and did a job of this title reach
you already (``find``) — the last is what keeps a badge from printing twice after a crash.

CUPS is driven through its own command-line tools (``lp`` to submit; ``ipptool`` for printer and
job attributes over IPP), so nothing needs compiling and the same code works on macOS.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from kiosk.errors import KioskError, NotFoundError, PrintError, UsageError

log = logging.getLogger("kiosk.print")

COMMAND_TIMEOUT = 15.0


class PrinterProblem(StrEnum):
    """Why a printer cannot print now; the UI maps each to words staff understand."""

    NONE = "none"
    STOPPED = "stopped"  # paused by someone (cupsdisable), often with their reason
    OUT_OF_PAPER = "out_of_paper"
    JAMMED = "jammed"
    DOOR_OPEN = "door_open"
    OUT_OF_INK = "out_of_ink"
    OFFLINE = "offline"  # off or unplugged
    NOT_ACCEPTING = "not_accepting"  # refuses new jobs (cupsreject)
    MISSING = "missing"  # no printer of that name
    NO_PRINT_SYSTEM = "no_print_system"  # CUPS not running or not installed


class JobState(StrEnum):
    PENDING = "pending"  # waiting in the print system
    HELD = "held"  # the print system holds it (printer stopped, job held)
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"  # aborted or cancelled


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    printer: str  # the full spec, e.g. cups:KioskPDF
    problem: PrinterProblem
    message: str | None = None  # the print system's own words, e.g. cupsdisable's reason
    is_busy: bool = False

    @property
    def is_ready(self) -> bool:
        return self.problem is PrinterProblem.NONE

    @property
    def accepts_jobs(self) -> bool:
        """Jobs may be sent now; a stopped printer keeps them and prints them once resumed."""
        return self.problem not in (PrinterProblem.MISSING, PrinterProblem.NOT_ACCEPTING,
                                    PrinterProblem.NO_PRINT_SYSTEM)


@dataclass(frozen=True, slots=True)
class JobStatus:
    state: JobState
    reason: str | None = None


PLAIN_WORDS = {
    PrinterProblem.NONE: "ready",
    PrinterProblem.STOPPED: "stopped",
    PrinterProblem.OUT_OF_PAPER: "out of paper or labels",
    PrinterProblem.JAMMED: "paper jam",
    PrinterProblem.DOOR_OPEN: "a cover or door is open",
    PrinterProblem.OUT_OF_INK: "out of ink or toner",
    PrinterProblem.OFFLINE: "switched off or unplugged",
    PrinterProblem.NOT_ACCEPTING: "not accepting jobs",
    PrinterProblem.MISSING: "no printer of this name",
    PrinterProblem.NO_PRINT_SYSTEM: "the print system (CUPS) is not running",
}


def describe(status: PrinterStatus) -> str:
    """One line for staff: what is wrong with the printer, in plain words."""
    words = PLAIN_WORDS[status.problem]
    if status.message and status.message.lower() not in words:
        words = f"{words}: {status.message}"
    return words


class PrinterBackend(Protocol):
    kind: str

    def printers(self) -> list[str]: ...

    def status(self, name: str) -> PrinterStatus: ...

    def submit(self, name: str, pdf: Path, title: str) -> str: ...

    def job_status(self, name: str, ref: str) -> JobStatus: ...

    def find(self, name: str, title: str) -> str | None: ...


def _run(
    arguments: list[str], timeout: float = COMMAND_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LANG": "C", "LC_ALL": "C"}
    try:
        return subprocess.run(arguments, capture_output=True, text=True, timeout=timeout,
                              env=environment, check=False)
    except FileNotFoundError as error:
        raise PrintError(f"{arguments[0]} is not installed",
                         hint="install CUPS (Debian: apt-get install cups)") from error
    except subprocess.TimeoutExpired as error:
        raise PrintError(f"{arguments[0]} did not answer within {timeout:g} s",
                         hint="is the CUPS scheduler running?") from error


_PRINTER_TEST = """{
  NAME "kiosk printer"
  OPERATION Get-Printer-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR language attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR keyword requested-attributes printer-state,printer-state-reasons,\
printer-state-message,printer-is-accepting-jobs
  STATUS successful-ok
}
"""
_JOBS_TEST = """{
  NAME "kiosk jobs"
  OPERATION Get-Jobs
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR language attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name $user
  ATTR keyword which-jobs all
  ATTR keyword requested-attributes job-id,job-name,job-state,job-state-reasons
  STATUS successful-ok
  DISPLAY job-id
  DISPLAY job-name
  DISPLAY job-state
  DISPLAY job-state-reasons
}
"""
_ATTRIBUTE = re.compile(r"^\s*([a-z-]+) \([^)]*\) = (.*)$")
_REQUEST_ID = re.compile(r"request id is (\S+)")

# printer-state-reasons keywords (RFC 8011 and PWG 5100.9) to problems, in order of importance.
_REASONS = (
    ("media-jam", PrinterProblem.JAMMED),
    ("media-empty", PrinterProblem.OUT_OF_PAPER),
    ("media-needed", PrinterProblem.OUT_OF_PAPER),
    ("input-tray-missing", PrinterProblem.OUT_OF_PAPER),
    ("door-open", PrinterProblem.DOOR_OPEN),
    ("cover-open", PrinterProblem.DOOR_OPEN),
    ("toner-empty", PrinterProblem.OUT_OF_INK),
    ("marker-supply-empty", PrinterProblem.OUT_OF_INK),
    ("offline", PrinterProblem.OFFLINE),
    ("shutdown", PrinterProblem.OFFLINE),
    ("connecting-to-device", PrinterProblem.OFFLINE),
    ("timed-out", PrinterProblem.OFFLINE),
)
_MESSAGE_WORDS = (
    ("paper", PrinterProblem.OUT_OF_PAPER),
    ("label", PrinterProblem.OUT_OF_PAPER),
    ("jam", PrinterProblem.JAMMED),
    ("unplugged", PrinterProblem.OFFLINE),
    ("offline", PrinterProblem.OFFLINE),
    ("switched off", PrinterProblem.OFFLINE),
)


class CupsBackend:
    """Printers of the local CUPS scheduler (or CUPS_SERVER)."""

    kind = "cups"

    def __init__(self, server: str | None = None) -> None:
        self.server = server or os.environ.get("CUPS_SERVER") or "localhost"
        if self.server.startswith("/"):  # a domain socket: ipptool still needs a host name
            self.server = "localhost"

    def _uri(self, name: str) -> str:
        return f"ipp://{self.server}/printers/{name}"

    def _ipptool(self, uri: str, test: str, *flags: str) -> subprocess.CompletedProcess[str]:
        with tempfile.NamedTemporaryFile("w", suffix=".test", delete=False) as file:
            file.write(test)
        try:
            return _run(["ipptool", *flags, uri, file.name])
        finally:
            os.unlink(file.name)

    def printers(self) -> list[str]:
        result = _run(["lpstat", "-e"])
        if result.returncode != 0:
            return []
        return [line.strip() for line in result.stdout.splitlines() if line.strip()]

    def status(self, name: str) -> PrinterStatus:
        spec = f"cups:{name}"
        if shutil.which("ipptool") is None:
            return PrinterStatus(spec, PrinterProblem.NO_PRINT_SYSTEM, "ipptool is not installed")
        result = self._ipptool(self._uri(name), _PRINTER_TEST, "-tv")
        text = result.stdout + result.stderr
        if result.returncode != 0:
            if "not-found" in text or "does not exist" in text:
                return PrinterStatus(spec, PrinterProblem.MISSING)
            if "Connection refused" in text or "Unable to connect" in text or \
                    "No such file" in text:
                return PrinterStatus(spec, PrinterProblem.NO_PRINT_SYSTEM)
            return PrinterStatus(spec, PrinterProblem.OFFLINE, text.strip().splitlines()[-1]
                                 if text.strip() else None)
        attributes = {}
        for line in result.stdout.splitlines():
            match = _ATTRIBUTE.match(line)
            if match:
                attributes[match.group(1)] = match.group(2).strip()
        state = attributes.get("printer-state", "idle")
        reasons = [r.strip() for r in attributes.get("printer-state-reasons", "none").split(",")]
        message = attributes.get("printer-state-message") or None
        problem = PrinterProblem.NONE
        for keyword, candidate in _REASONS:
            if any(r.startswith(keyword) and not r.endswith("-warning") for r in reasons):
                problem = candidate
                break
        if problem is PrinterProblem.NONE and state == "stopped":
            problem = PrinterProblem.STOPPED
            for word, candidate in _MESSAGE_WORDS:
                if message and word in message.lower():
                    problem = candidate
                    break
        if problem is PrinterProblem.NONE and attributes.get(
                "printer-is-accepting-jobs") == "false":
            problem = PrinterProblem.NOT_ACCEPTING
        return PrinterStatus(spec, problem, message, is_busy=state == "processing")

    def submit(self, name: str, pdf: Path, title: str) -> str:
        result = _run(["lp", "-d", name, "-t", title, "--", str(pdf)])
        match = _REQUEST_ID.search(result.stdout)
        if result.returncode != 0 or match is None:
            raise PrintError(f"CUPS refused the job: {(result.stderr or result.stdout).strip()}",
                             where=f"cups:{name}")
        return match.group(1)

    def _jobs(self, name: str) -> list[tuple[str, str, str, str]]:
        result = self._ipptool(self._uri(name), _JOBS_TEST, "-c")
        if result.returncode != 0:
            raise PrintError(f"cannot read the jobs of {name}: "
                             f"{(result.stderr or result.stdout).strip()}", where=f"cups:{name}")
        rows = list(csv.reader(result.stdout.splitlines()))
        jobs = []
        for row in rows[1:]:
            if len(row) >= 3:
                jobs.append((f"{name}-{row[0]}", row[1], row[2], ",".join(row[3:])))
        return jobs

    def job_status(self, name: str, ref: str) -> JobStatus:
        for job_ref, _title, state, reasons in self._jobs(name):
            if job_ref == ref:
                if state == "completed":
                    return JobStatus(JobState.DONE)
                if state in ("canceled", "aborted"):
                    return JobStatus(JobState.FAILED, f"job {state} in CUPS ({reasons})")
                if state == "processing":
                    return JobStatus(JobState.PRINTING)
                if state in ("pending-held", "processing-stopped"):
                    return JobStatus(JobState.HELD, reasons or None)
                return JobStatus(JobState.PENDING, reasons or None)
        return JobStatus(JobState.FAILED, f"CUPS no longer knows job {ref}")

    def find(self, name: str, title: str) -> str | None:
        matches = [ref for ref, job_title, _state, _reasons in self._jobs(name)
                   if job_title == title]
        return matches[-1] if matches else None


class FolderBackend:
    """A folder to drop badge PDFs into, for a machine with no printer (or a print server's
    hot folder). A job is done once its file is in place."""

    kind = "folder"

    def printers(self) -> list[str]:
        return []

    def status(self, name: str) -> PrinterStatus:
        folder = Path(name).expanduser()
        spec = f"folder:{name}"
        if not folder.is_dir():
            return PrinterStatus(spec, PrinterProblem.MISSING, f"no folder {folder}")
        if not os.access(folder, os.W_OK):
            return PrinterStatus(spec, PrinterProblem.NOT_ACCEPTING, f"cannot write to {folder}")
        return PrinterStatus(spec, PrinterProblem.NONE)

    def _target(self, name: str, title: str) -> Path:
        return Path(name).expanduser() / f"{title}.pdf"

    def submit(self, name: str, pdf: Path, title: str) -> str:
        target = self._target(name, title)
        partial = target.with_suffix(".pdf.part")
        try:
            shutil.copyfile(pdf, partial)
            os.replace(partial, target)  # appears whole or not at all
        except OSError as error:
            raise PrintError(f"cannot write the badge: {error.strerror or error}",
                             where=str(target)) from error
        return str(target)

    def job_status(self, name: str, ref: str) -> JobStatus:
        if Path(ref).exists():
            return JobStatus(JobState.DONE)
        return JobStatus(JobState.FAILED, f"{ref} has gone")

    def find(self, name: str, title: str) -> str | None:
        target = self._target(name, title)
        return str(target) if target.exists() else None


_BACKENDS: dict[str, PrinterBackend] = {"cups": CupsBackend(), "folder": FolderBackend()}


def register_backend(backend: PrinterBackend) -> None:
    """Add a backend (the desktop app registers Qt's as 'qt')."""
    _BACKENDS[backend.kind] = backend


def backend_kinds() -> list[str]:
    return sorted(_BACKENDS)


def available_printers() -> list[str]:
    """Every printer the registered backends can see, as specs ('cups:KioskPDF', 'qt:HP...').

    A printer seen by several backends (Qt on Linux lists CUPS's printers) is offered once,
    through the first backend registered; a backend that cannot list is skipped.
    """
    offered: list[str] = []
    seen: set[str] = set()
    for kind, backend in _BACKENDS.items():
        try:
            names = backend.printers()
        except KioskError as error:
            log.info("no %s printers: %s", kind, error.full_message())
            continue
        for name in names:
            if name not in seen:
                seen.add(name)
                offered.append(f"{kind}:{name}")
    return offered


def resolve(printer: str) -> tuple[PrinterBackend, str]:
    """The backend and printer name of a spec like 'cups:KioskPDF', 'KioskPDF' or 'folder:/x'."""
    if not printer.strip():
        raise UsageError("no printer named", hint="e.g. --printer KioskPDF or folder:/tmp/badges")
    kind, sep, name = printer.partition(":")
    if not sep or len(kind) == 1:  # 'KioskPDF', or a Windows path like C:\\badges
        kind, name = "cups", printer
    backend = _BACKENDS.get(kind)
    if backend is None:
        raise NotFoundError(f"no printer backend {kind!r}",
                            hint=f"known: {', '.join(backend_kinds())}")
    if not name:
        raise UsageError(f"printer {printer!r} has no name after '{kind}:'")
    return backend, name


def canonical(printer: str) -> str:
    backend, name = resolve(printer)
    return f"{backend.kind}:{name}"
