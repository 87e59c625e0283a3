"""One guest as the desk sees them: details, state, badge preview, history and the action buttons.

The panel only shows a ``kiosk.desk.GuestDetail`` and a preview image; which buttons are on
follows from the detail (checked in, has a badge, cancelled). Pressing a button emits
``action_requested``; ``ui.desk.actions`` asks for what it needs and runs it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import GuestDetail, JobLine
from kiosk.domain import PrintJobState
from kiosk.iso_names import country_name, language_name
from ui import core_text
from ui.desk import labels

PREVIEW_WIDTH = 300


class Action(StrEnum):
    """What staff can do to the guest on show."""

    CHECK_IN = "check_in"
    UNDO = "undo"
    PRINT = "print"
    REPRINT = "reprint"
    CORRECT = "correct"
    NOTE = "note"
    REISSUE = "reissue"


class GuestDetailPanel(QWidget):
    """Shows one guest; empty until ``show_detail``.

    Signals:
        action_requested(str): an ``Action`` value, for the guest on show.
    """

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: GuestDetail | None = None
        self.setMinimumWidth(620)  # four action buttons a row, the facts beside the badge

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666; font-size: 15px;")

        self.name = QLabel()
        self.name.setObjectName("guestName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.name_latin = QLabel()
        self.name_latin.setStyleSheet("font-size: 15px; color: #444;")
        self.category = QLabel()
        self.category.setStyleSheet("color: white; padding: 3px 10px; border-radius: 4px;")
        self.state = QLabel()
        self.state.setObjectName("guestState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-size: 15px;")
        self.jobs = QLabel()
        self.jobs.setObjectName("printJobs")
        self.jobs.setWordWrap(True)
        self.jobs.setStyleSheet("color: #e65100; font-weight: bold;")
        self.jobs.hide()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(
            "background: #fdecea; color: #8a1c1c; padding: 6px; border-radius: 4px;")
        self.problem.hide()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: #e8f5e9; color: #1b5e20; padding: 6px; border-radius: 4px;")
        self.notice.hide()

        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("number", "company", "title", "country", "email", "phone", "days",
                    "language", "code", "note"):
            caption, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(caption, value)
            self._fact_labels[key] = (caption, value)

        self.preview = QLabel()
        self.preview.setObjectName("badgePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, 200)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.preview.setStyleSheet("background: #eceff1; border: 1px solid #cfd8dc;")
        self.preview_box = QGroupBox()
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)

        self.buttons: dict[Action, QPushButton] = {}
        grid = QGridLayout()
        for position, action in enumerate(Action):
            button = QPushButton()
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a.value))
            self.buttons[action] = button
            grid.addWidget(button, position // 4, position % 4)

        self.history = QTableWidget(0, 5)
        self.history.setObjectName("history")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # a few rows: times and places never cut
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(140)
        self.history_box = QGroupBox()
        QVBoxLayout(self.history_box).addWidget(self.history)

        self.trail = QLabel()
        self.trail.setObjectName("trail")
        self.trail.setWordWrap(True)
        self.trail.setTextFormat(Qt.TextFormat.PlainText)
        self.trail_box = QGroupBox()
        QVBoxLayout(self.trail_box).addWidget(self.trail)

        heading = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.name_latin)
        heading.addLayout(names, 1)
        heading.addWidget(self.category, 0, Qt.AlignmentFlag.AlignTop)

        upper = QHBoxLayout()
        upper.addLayout(self.facts, 1)
        upper.addWidget(self.preview_box, 0, Qt.AlignmentFlag.AlignTop)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.addLayout(heading)
        body.addWidget(self.state)
        body.addWidget(self.jobs)
        body.addWidget(self.problem)
        body.addWidget(self.notice)
        body.addLayout(grid)
        body.addLayout(upper)
        body.addWidget(self.history_box)
        body.addWidget(self.trail_box)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(scroll)
        self._scroll = scroll
        self.retranslate()
        self.clear()

    # Showing --------------------------------------------------------------------------------

    def clear(self) -> None:
        self.detail = None
        self._scroll.hide()
        self.placeholder.show()

    @Slot(object)
    def show_detail(self, detail: GuestDetail) -> None:
        same_guest = self.detail is not None and self.detail.uid == detail.uid
        self.detail = detail
        if not same_guest:
            self.problem.hide()
            self.notice.hide()
            self.preview.clear()
            self.preview.setText(self.tr("Preparing the badge preview..."))
        self.placeholder.hide()
        self._scroll.show()
        self._fill()

    def show_preview(self, guest_uid: str, png: bytes) -> None:
        """The badge as it will print, for the guest on show (a late one for another is dropped)."""
        if self.detail is None or self.detail.uid != guest_uid:
            return
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):
            self.preview.setText(self.tr("The badge preview could not be shown."))
            return
        scaled = pixmap.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(scaled)
        self.preview.setFixedSize(scaled.size())

    def show_preview_problem(self, guest_uid: str, message: str) -> None:
        if self.detail is not None and self.detail.uid == guest_uid:
            self.preview.setText(self.tr("No preview: %1").replace("%1", message))

    def show_problem(self, message: str) -> None:
        self.notice.hide()
        self.problem.setText(message)
        self.problem.show()

    def show_notice(self, message: str) -> None:
        self.problem.hide()
        self.notice.setText(message)
        self.notice.show()

    def _fill(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.name.setText(detail.name)
        self.name_latin.setText(detail.name_latin or "")
        self.name_latin.setVisible(bool(detail.name_latin))
        colour = labels.CATEGORY_COLOURS.get(detail.category)
        self.category.setText(labels.category(detail.category))
        self.category.setStyleSheet(
            f"color: white; padding: 3px 10px; border-radius: 4px; font-weight: bold;"
            f"background: {colour.name() if colour else '#555'};")
        self.state.setText(self._state_text(detail))
        self.jobs.setText("\n".join(self._job_text(job) for job in detail.jobs))
        self.jobs.setVisible(bool(detail.jobs))

        values = {
            "number": f"#{detail.number}",
            "company": detail.company or "",
            "title": detail.title or "",
            "country": country_name(detail.country, QLocale().name()),
            "email": detail.email or "",
            "phone": detail.phone or "",
            "days": (", ".join(detail.days) if detail.days else self.tr("Every day")),
            "language": language_name(detail.language, QLocale().name()),
            "code": detail.external_code or "",
            "note": detail.note or "",
        }
        for key, (caption, value) in self._fact_labels.items():
            value.setText(values[key])
            shown = bool(values[key])
            caption.setVisible(shown)
            value.setVisible(shown)

        cancelled = detail.is_cancelled
        self.buttons[Action.CHECK_IN].setEnabled(not cancelled)
        self.buttons[Action.UNDO].setEnabled(detail.last_checkin is not None)
        self.buttons[Action.PRINT].setEnabled(not cancelled and not detail.has_badge)
        self.buttons[Action.REPRINT].setEnabled(not cancelled and detail.has_badge)
        self.buttons[Action.REISSUE].setEnabled(not cancelled and detail.credential is not None)

        self.history.setRowCount(len(detail.scans))
        for row, scan in enumerate(reversed(detail.scans)):
            verdict = labels.reason(scan.reason)
            if scan.undone_at is not None:
                verdict = self.tr("%1 (undone %2 by %3: %4)").replace("%1", verdict).replace(
                    "%2", labels.local_time(scan.undone_at, detail.timezone, with_date=False)
                ).replace("%3", scan.undone_by or "?").replace("%4", scan.undo_reason or "")
            cells = [labels.local_time(scan.at, detail.timezone),
                     labels.place(scan.checkpoint, scan.checkpoint_local),
                     verdict, scan.operator or self.tr("scanned"), scan.device_uid[:8]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and not scan.is_standing:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.history.setItem(row, column, item)

        lines = []
        for entry in reversed(detail.audit):
            when = labels.local_time(entry.at, detail.timezone)
            what = labels.action(entry.action)
            extra = self._audit_extra(entry.action, entry.details)
            lines.append(f"{when}  {entry.actor or '?'}: {what}{extra}")
        for printed in reversed(detail.prints):
            when = labels.local_time(printed.at, detail.timezone)
            lines.append(self.tr("%1  %2: badge printed (%3) on %4").replace("%1", when)
                         .replace("%2", printed.operator or "?")
                         .replace("%3", labels.print_reason(printed.reason))
                         .replace("%4", printed.printer or "?"))
        self.trail.setText("\n".join(lines) if lines else self.tr("Nothing recorded yet."))

    def _job_text(self, job: JobLine) -> str:
        words = {
            PrintJobState.QUEUED.value: self.tr("Badge waiting to print on %1"),
            PrintJobState.PRINTING.value: self.tr("Badge printing on %1"),
            PrintJobState.HELD.value: self.tr("Badge held on %1: %2"),
            PrintJobState.FAILED.value: self.tr("Badge failed on %1: %2"),
        }.get(job.state, job.state)
        return words.replace("%1", job.printer).replace(
            "%2", core_text.translate(job.state_reason) or "?")

    def _state_text(self, detail: GuestDetail) -> str:
        if detail.is_cancelled:
            return self.tr("Registration cancelled: every kiosk refuses this guest.")
        last = detail.last_checkin
        if last is None:
            return self.tr("Not checked in yet.")
        return self.tr("Checked in %1 at %2.").replace(
            "%1", labels.local_time(last.at, detail.timezone)).replace(
            "%2", labels.place(last.checkpoint, last.checkpoint_local) or "?")

    def _audit_extra(self, action: str, details: dict[str, object]) -> str:
        if action == "note_added":
            return f": {details.get('text', '')}"
        if action in ("checkin_undone", "credential_reissued", "badge_print_requested") and \
                details.get("reason"):
            return f": {details['reason']}"
        if action == "guest_corrected":
            fields = details.get("fields")
            if isinstance(fields, dict):
                parts = []
                for name, change in fields.items():
                    if isinstance(change, dict):
                        parts.append(f"{labels.field(name)} {change.get('before') or '-'} → "
                                     f"{change.get('after') or '-'}")
                return ": " + "; ".join(parts)
        return ""

    # Language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr(
            "Type a name, company or e-mail above, or scan a guest's code, to see the guest here."))
        captions = {
            "number": self.tr("Number"), "company": self.tr("Company"),
            "title": self.tr("Job title"), "country": self.tr("Country"),
            "email": self.tr("E-mail"), "phone": self.tr("Phone"), "days": self.tr("Days"),
            "language": self.tr("Language"), "code": self.tr("List code"),
            "note": self.tr("Notes"),
        }
        for key, (caption, _value) in self._fact_labels.items():
            caption.setText(captions[key])
        texts = {
            Action.CHECK_IN: self.tr("Check in"),
            Action.UNDO: self.tr("Undo check-in..."),
            Action.PRINT: self.tr("Print badge"),
            Action.REPRINT: self.tr("Reprint..."),
            Action.CORRECT: self.tr("Correct..."),
            Action.NOTE: self.tr("Add note..."),
            Action.REISSUE: self.tr("New credential..."),
        }
        for action, button in self.buttons.items():
            button.setText(texts[action])
        self.preview_box.setTitle(self.tr("Badge as it will print"))
        self.history_box.setTitle(self.tr("Check-in history (event time)"))
        self.trail_box.setTitle(self.tr("Desk record"))
        self.history.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Checkpoint"), self.tr("Result"), self.tr("By"),
            self.tr("Device")])
        self._fill()
