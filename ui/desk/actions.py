"""The desk's actions on the guest on show: ask what is needed, run one core call, show the outcome.

Like Anki's ``operations``: each action is a short function around exactly one ``kiosk.desk.Desk``
call, run on the writer thread; the forms in ``ui.desk.dialogs`` collect reasons and values, and
stay open with the core's message when it refuses. After any change ``guest_changed`` fires, and
the window refreshes the detail, the table row, the dashboard and the status bar from it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.checkin import Verdict
from kiosk.credentials import Reissued
from kiosk.desk import Correction, Desk, GuestDetail
from kiosk.domain import PrintReason
from kiosk.errors import KioskError
from ui import core_text
from ui.desk import labels
from ui.desk.dialogs import CorrectDialog, NoteDialog, ReasonDialog
from ui.desk.guest_detail import Action, GuestDetailPanel
from ui.tasks import Tasks

log = logging.getLogger("ui.desk.actions")


def describe_error(error: BaseException) -> str:
    """The words for a failure: the core's own message (translated), or a calm line for a bug."""
    if isinstance(error, KioskError):
        return core_text.error_text(error)
    return QCoreApplication.translate(
        "GuestActions", "Something went wrong; the details are in the log.")


class GuestActions(QObject):
    """Runs the panel's actions for the guest it shows.

    Signals:
        guest_changed(str): a guest's stored state changed (their uid).
        print_requested(): a badge was queued; the print runner should send it now.
        message(str): a one-line outcome for the status bar.
    """

    guest_changed = Signal(str)
    message = Signal(str)
    print_requested = Signal()

    def __init__(
        self, desk: Desk, tasks: Tasks, panel: GuestDetailPanel, *, window: QWidget,
    ) -> None:
        super().__init__(panel)
        self.desk = desk
        self.tasks = tasks
        self.panel = panel
        self.window = window
        self.dialog: QDialog | None = None  # the form open now (tests fill it in)
        self.places: dict[str, str] = {}  # checkpoint name: its local name, found on a worker
        panel.action_requested.connect(self.perform)
        tasks.run(desk.checkpoint_local_names, on_done=self._places_found, owner=self)

    def _places_found(self, places: dict[str, str]) -> None:
        self.places = places

    @property
    def detail(self) -> GuestDetail | None:
        return self.panel.detail

    @Slot(str)
    def perform(self, name: str) -> None:
        detail = self.detail
        if detail is None:
            return
        handlers: dict[Action, Callable[[GuestDetail], None]] = {
            Action.CHECK_IN: self.check_in,
            Action.UNDO: self.ask_undo,
            Action.PRINT: self.print_first,
            Action.REPRINT: self.ask_reprint,
            Action.CORRECT: self.ask_correction,
            Action.NOTE: self.ask_note,
            Action.REISSUE: self.ask_reissue,
        }
        handlers[Action(name)](detail)

    # Running one core call ------------------------------------------------------------------

    def _write(
        self, uid: str, fn: Callable[..., Any], *args: Any,
        done: Callable[[Any], None] | None = None, form: QDialog | None = None,
    ) -> None:
        """fn(*args) on the writer; then refresh the guest, or show the refusal where it belongs."""

        def on_done(result: Any) -> None:
            if form is not None:
                form.accept()
            if done is not None:
                done(result)
            self.guest_changed.emit(uid)

        def on_error(error: BaseException) -> None:
            text = describe_error(error)
            if form is not None and form.isVisible() and hasattr(form, "show_error"):
                form.show_error(text)
            else:
                self.panel.show_problem(text)
            self.message.emit(text)

        self.tasks.write(fn, *args, on_done=on_done, on_error=on_error, owner=self)

    def _open(self, form: QDialog) -> None:
        self.dialog = form
        form.finished.connect(lambda _code: self._closed(form))
        form.open()

    def _closed(self, form: QDialog) -> None:
        if self.dialog is form:
            self.dialog = None
        form.deleteLater()

    # The actions ----------------------------------------------------------------------------

    def check_in(self, detail: GuestDetail) -> None:
        def shown(verdict: Verdict) -> None:
            words = labels.reason(verdict.reason.value)
            text = self.tr("%1 at %2: %3").replace("%1", detail.name).replace(
                "%2", labels.place(verdict.checkpoint, self.places.get(verdict.checkpoint or ""))
            ).replace("%3", words)
            if verdict.is_accepted:
                self.panel.show_notice(text)
            else:
                self.panel.show_problem(text)
            self.message.emit(text)

        self._write(detail.uid, self.desk.check_in, detail.uid, done=shown)

    def ask_undo(self, detail: GuestDetail) -> None:
        last = detail.last_checkin
        if last is None:
            return
        form = ReasonDialog(
            self.tr("Undo check-in"),
            self.tr("Undo %1's check-in of %2 at %3? Say why; it stays in the record.")
            .replace("%1", detail.name)
            .replace("%2", labels.local_time(last.at, detail.timezone))
            .replace("%3", labels.place(last.checkpoint, last.checkpoint_local) or "?"),
            choices=[("", self.tr("Scanned by mistake")), ("", self.tr("Wrong guest")),
                     ("", self.tr("Guest left before entering"))],
            needs_text=False, parent=self.window,
        )

        def submitted(_code: str, text: str) -> None:
            reason = text or form.choice.currentText()
            self._write(detail.uid, self.desk.undo, last.scan_id, reason, form=form,
                        done=lambda _undo: self.panel.show_notice(self.tr("Check-in undone.")))

        form.submitted.connect(submitted)
        self._open(form)

    def print_first(self, detail: GuestDetail) -> None:
        self._print(detail, PrintReason.FIRST.value, None)

    def ask_reprint(self, detail: GuestDetail) -> None:
        form = ReasonDialog(
            self.tr("Reprint badge"),
            self.tr("%1 already has a badge. Why print another?").replace("%1", detail.name),
            choices=labels.reprint_reasons(), needs_text=False, parent=self.window,
        )

        def submitted(code: str, text: str) -> None:
            if code == PrintReason.OTHER.value and not text:
                form.show_error(self.tr("Please say why."))
                return
            self._print(detail, code, text or None, form=form)

        form.submitted.connect(submitted)
        self._open(form)

    def _print(self, detail: GuestDetail, reason: str, note: str | None,
               form: QDialog | None = None) -> None:
        def queued(_job: object) -> None:
            text = self.tr("Badge for %1 sent to the printer.").replace("%1", detail.name)
            self.panel.show_notice(text)
            self.message.emit(text)
            self.print_requested.emit()

        self._write(detail.uid, self.desk.request_print, detail.uid, reason, note, form=form,
                    done=queued)

    def ask_correction(self, detail: GuestDetail) -> None:
        form = CorrectDialog(detail, parent=self.window)

        def submitted(changes: dict[str, str | None], reprint: bool) -> None:
            def corrected(correction: Correction) -> None:
                if reprint and correction.needs_reprint:
                    self._print(detail, PrintReason.NAME_CORRECTED.value, None)
                else:
                    self.panel.show_notice(self.tr("Details saved."))

            self._write(detail.uid, self.desk.correct, detail.uid, changes, form=form,
                        done=corrected)

        form.submitted.connect(submitted)
        self._open(form)

    def ask_note(self, detail: GuestDetail) -> None:
        form = NoteDialog(detail.name, parent=self.window)
        form.submitted.connect(
            lambda text: self._write(detail.uid, self.desk.add_note, detail.uid, text, form=form))
        self._open(form)

    def ask_reissue(self, detail: GuestDetail) -> None:
        form = ReasonDialog(
            self.tr("New credential"),
            self.tr("Revoke %1's code and issue a new one? Every kiosk will refuse the old code "
                    "once it has synced.").replace("%1", detail.name),
            option=self.tr("Print a badge with the new code"), parent=self.window,
        )
        form.text.setPlaceholderText(self.tr("e.g. invitation lost"))

        def submitted(_code: str, text: str) -> None:
            reprint = form.option.isChecked()

            def reissued(result: Reissued) -> None:
                self.panel.show_notice(self.tr("New credential issued (serial %1).")
                                       .replace("%1", str(result.serial)))
                if reprint:
                    why = PrintReason.LOST if detail.has_badge else PrintReason.FIRST
                    self._print(detail, why.value, text)

            self._write(detail.uid, self.desk.reissue, detail.uid, text, form=form,
                        done=reissued)

        form.submitted.connect(submitted)
        self._open(form)
