"""Reports out: check-ins and guests as CSV files that Excel opens as they are.

Files are UTF-8 with a BOM (Excel otherwise reads them as the local ANSI code page and garbles
every Chinese name), comma separated with CRLF line ends. Times are shown in the event's time zone,
with an ISO 8601 UTC column beside them for machines. An undone check-in stays in the report,
marked, with when, why and by whom. A cell that Excel would run as a formula (starting with
=, +, -, @ and not a plain number) gets a leading apostrophe; kiosk.importer strips it again, so a
guests report imports back unchanged. The file is written beside its target and renamed into
place, so a failed export never leaves half a report.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kiosk import events
from kiosk.domain import Direction
from kiosk.errors import UsageError
from kiosk.models import Checkpoint, Device, Event, Guest, Scan

_PLAIN_NUMBER = re.compile(r"[+-]?[\d\s().,/-]*")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    kind: str
    file: str
    rows: int
    undone: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "file": self.file, "rows": self.rows, "undone": self.undone}


def safe_cell(value: Any) -> str:
    """A value as a CSV cell that a spreadsheet shows as text and never runs as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _local(event: Event, moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return events.local_time(event, moment).strftime("%Y-%m-%d %H:%M:%S")


def _utc(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write rows under header to path atomically; the number of rows written."""
    target = path.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"folder {folder} does not exist", where=str(path))
    count = 0
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([safe_cell(value) for value in row])
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


CHECKIN_COLUMNS = (
    "scan_id", "time ({zone})", "time_utc", "checkpoint", "direction", "result", "guest_number",
    "name", "name_latin", "company", "category", "code_kind", "device", "operator", "undone",
    "undone_at ({zone})", "undone_at_utc", "undo_reason", "undone_by", "conflict",
)


def export_checkins(
    session: Session, event: Event, path: Path, *, include_refused: bool = False
) -> ExportSummary:
    """Every check-in (and, if asked, every refused scan) of the event, oldest first."""
    device = aliased(Device)
    query = (
        select(Scan, Guest, Checkpoint.name, device.name)
        .outerjoin(Guest, Scan.guest_id == Guest.id)
        .outerjoin(Checkpoint, Scan.checkpoint_id == Checkpoint.id)
        .outerjoin(device, device.uid == Scan.device_uid)
        .where(Scan.event_id == event.id)
        .order_by(Scan.scanned_at, Scan.id)
    )
    if not include_refused:
        query = query.where(Scan.is_accepted.is_(True))
    undone = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal undone
        for scan, guest, checkpoint, device_name in session.execute(query).yield_per(2000):
            if scan.undone_at is not None:
                undone += 1
            yield [
                scan.id, _local(event, scan.scanned_at), _utc(scan.scanned_at), checkpoint,
                scan.direction, scan.reason, scan.guest_number,
                guest.name if guest else "", guest.name_latin if guest else "",
                guest.company if guest else "", guest.category if guest else "",
                scan.code_kind, device_name or scan.device_uid, scan.operator,
                "undone" if scan.undone_at is not None else "",
                _local(event, scan.undone_at), _utc(scan.undone_at), scan.undo_reason,
                scan.undone_by, "conflict" if scan.is_conflict else "",
            ]

    header = [c.format(zone=event.timezone) for c in CHECKIN_COLUMNS]
    count = write_csv(path, header, rows())
    return ExportSummary("checkins", str(path), count, undone)


GUEST_COLUMNS = (
    "number", "name", "name_latin", "company", "country", "email", "phone", "title", "category",
    "code", "days", "language", "cancelled", "checked_in", "first_checkin ({zone})",
    "first_checkin_utc", "first_checkpoint", "note",
)


def _first_checkins(session: Session, event: Event) -> dict[int, tuple[dt.datetime, str | None]]:
    """Each guest's first standing (not undone) check-in: when and where."""
    query = (
        select(Scan.guest_id, Scan.scanned_at, Checkpoint.name)
        .outerjoin(Checkpoint, Scan.checkpoint_id == Checkpoint.id)
        .where(
            Scan.event_id == event.id, Scan.is_accepted.is_(True), Scan.undone_at.is_(None),
            Scan.direction == Direction.IN.value, Scan.guest_id.is_not(None),
        )
        .order_by(Scan.scanned_at)
    )
    first: dict[int, tuple[dt.datetime, str | None]] = {}
    for guest_id, scanned_at, checkpoint in session.execute(query):
        if guest_id is not None:
            first.setdefault(guest_id, (scanned_at, checkpoint))
    return first


def export_guests(session: Session, event: Event, path: Path) -> ExportSummary:
    """Every guest of the event by number, with whether and when they first checked in."""
    first = _first_checkins(session, event)
    query = select(Guest).where(Guest.event_id == event.id).order_by(Guest.number)

    def rows() -> Iterator[list[Any]]:
        for guest in session.scalars(query).yield_per(2000):
            arrival = first.get(guest.id)
            yield [
                guest.number, guest.name, guest.name_latin, guest.company, guest.country,
                guest.email, guest.phone, guest.title, guest.category, guest.external_code,
                ";".join(guest.days) if guest.days else "", guest.language,
                "cancelled" if guest.is_cancelled else "",
                "yes" if arrival else "no",
                _local(event, arrival[0]) if arrival else "",
                _utc(arrival[0]) if arrival else "",
                arrival[1] if arrival else "", guest.note,
            ]

    header = [c.format(zone=event.timezone) for c in GUEST_COLUMNS]
    count = write_csv(path, header, rows())
    return ExportSummary("guests", str(path), count)


__all__ = [
    "CHECKIN_COLUMNS",
    "GUEST_COLUMNS",
    "ExportSummary",
    "export_checkins",
    "export_guests",
    "safe_cell",
    "write_csv",
]
