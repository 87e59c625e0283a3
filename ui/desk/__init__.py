"""The staff desk: ``open_desk(app, database)`` gives its window (``python main.py --desk``, or the
kiosk's staff menu after the PIN).

    window.py          the desk window: search, table, detail, tabs, toolbar
    guest_table.py     the table model and the search that feeds it from a worker
    guest_detail.py    one guest: details, badge preview, history, action buttons
    actions.py         the actions on the guest on show, each one core call on the writer
    dialogs.py         reason / note / correction forms
    walk_in.py         the walk-in form
    dashboard.py       the arrivals dashboard (QtCharts)
    import_wizard.py   the import wizard
    settings.py        the settings, stored with QSettings
    settings_dialog.py the settings form
    status_bar.py      printer, print jobs, sync and outbox at the bottom
    labels.py          words for the core's codes
"""

from __future__ import annotations

import logging

from kiosk import demo
from kiosk.db import Database
from kiosk.desk import Desk
from kiosk.errors import NotFoundError
from ui.app import KioskApp
from ui.badge_service import spool_folder
from ui.desk.settings import DeskSettings
from ui.desk.window import DeskWindow

log = logging.getLogger("ui.desk")


def make_desk(database: Database, settings: DeskSettings) -> Desk:
    """The desk at the checkpoint the settings name (the first entrance if it is gone), printing
    on the printer and template they name."""
    def desk_at(checkpoint: str | None) -> Desk:
        return Desk(database, operator=settings.operator, checkpoint_name=checkpoint,
                    spool_dir=spool_folder(database), printer=settings.printer,
                    template=settings.template)

    try:
        return desk_at(settings.checkpoint)
    except NotFoundError:
        if settings.checkpoint is None:
            raise
        log.warning("checkpoint %r of the settings no longer exists; using the first entrance",
                    settings.checkpoint)
        return desk_at(None)


def open_desk(app: KioskApp, database: Database, settings: DeskSettings | None = None) -> (
    DeskWindow
):
    """The desk window on the current event (not shown yet)."""
    settings = settings if settings is not None else DeskSettings()
    # A data folder with no event yet opens on the demo forum, as the kiosk window does.
    demo.ensure_demo(database)
    desk = make_desk(database, settings)
    app.translations.use(settings.language)
    window = DeskWindow(app, desk, settings)
    window.resize(1360, 860)
    return window


__all__ = ["DeskWindow", "open_desk"]
