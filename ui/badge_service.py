"""The kiosk's first-badge printing on kiosk.badges' durable print queue.

The printer and template come from the staff settings (``badges/printer``, ``badges/template``,
as the desk stores them) unless given; with no printer chosen there is no badge printing at this
kiosk and guests are sent to the desk for their badge. Every method runs on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from kiosk.badges.fonts import font_set
from kiosk.badges.queue import JobInfo, PrintQueue
from kiosk.db import Database
from kiosk.domain import PrintJobState, PrintReason
from kiosk.errors import SetupError
from ui.badge_printing import BadgeStage

PRINTER_SETTING = "badges/printer"
TEMPLATE_SETTING = "badges/template"
DEFAULT_TEMPLATE = "badge-4x3"
OPERATOR = "kiosk"

_STAGES = {
    PrintJobState.QUEUED: BadgeStage.QUEUED,
    PrintJobState.PRINTING: BadgeStage.PRINTING,
    PrintJobState.DONE: BadgeStage.DONE,
    PrintJobState.HELD: BadgeStage.PROBLEM,
    PrintJobState.FAILED: BadgeStage.PROBLEM,
    PrintJobState.CANCELLED: BadgeStage.PROBLEM,
}


def spool_folder(database: Database) -> Path:
    """Where rendered badges wait: beside the SQLite file (as `kiosk print` keeps them)."""
    path = database.engine.url.database
    if database.engine.url.get_backend_name() != "sqlite" or not path:
        raise SetupError("badge printing at a kiosk needs its local SQLite data folder")
    return Path(path).resolve().parent / "spool"


class QueueBadgeService:
    """BadgeService (ui.badge_printing) on the durable PrintQueue."""

    def __init__(
        self, database: Database, printer: str | None = None, template: str | None = None,
    ) -> None:
        settings = QSettings()
        self.printer = printer or str(settings.value(PRINTER_SETTING, "") or "")
        if not self.printer:
            raise SetupError("no badge printer is chosen for this kiosk",
                             hint="choose one in the desk's settings, or main.py --printer")
        self.template = template or str(settings.value(TEMPLATE_SETTING, "") or DEFAULT_TEMPLATE)
        self.queue = PrintQueue(database, spool_folder(database))

    def warm_up(self) -> None:
        """Load the badge fonts now (about a second for the CJK faces), so the first guest's
        badge does not wait for them. Worker thread."""
        font_set()

    def enqueue_first_badge(self, guest_uid: str) -> str:
        job = self.queue.enqueue(guest_uid, printer=self.printer, template=self.template,
                                 reason=PrintReason.FIRST, operator=OPERATOR)
        return job.uid

    def send(self, job_id: str) -> None:
        self.queue.process(only=job_id)

    def stage(self, job_id: str) -> tuple[BadgeStage, str | None]:
        found = self.queue.process(only=job_id)
        job: JobInfo = found[0] if found else self.queue.info(job_id)
        return _STAGES[job.state], job.state_reason
