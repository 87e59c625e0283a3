"""The staff desk window: find a guest as you type, see and fix them, watch the arrivals.

Left, the search field over the guest table (``ui.desk.guest_table``); right, the guest on show
(``ui.desk.guest_detail``) with its actions (``ui.desk.actions``). A second tab holds the arrivals
dashboard. The toolbar opens the walk-in form, the import wizard, the export and the settings.
A handheld scanner works here too: a scanned code jumps to its guest.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.badges.queue import JobInfo
from kiosk.desk import Desk, EventFacts, GuestDetail, Registered
from kiosk.domain import PrintReason
from kiosk.exporter import ExportSummary
from kiosk.pin import PinGuard
from ui.app import KioskApp
from ui.camera import CameraScanner
from ui.desk.actions import GuestActions, describe_error
from ui.desk.dashboard import DashboardView
from ui.desk.guest_detail import GuestDetailPanel
from ui.desk.guest_table import Column, GuestSearch, GuestTableModel
from ui.desk.import_wizard import ImportWizard
from ui.desk.print_runner import PrintRunner
from ui.desk.settings import CHECKPOINT, DeskSettings
from ui.desk.settings_dialog import Choices, SettingsChange, SettingsDialog
from ui.desk.status_bar import DeskStatusBar
from ui.desk.walk_in import WalkInDialog
from ui.scanner_input import TYPES_THROUGH

log = logging.getLogger("ui.desk")


class DeskWindow(QMainWindow):
    """The staff desk.

    Signals:
        warmed_up(): the badge renderer is loaded (the first preview is then quick).
        detail_shown(str): the guest now in the detail panel (uid), after its data arrived.
        preview_shown(str): that guest's badge preview is painted.
        exported(object): an ExportSummary of a report written.
    """

    warmed_up = Signal()
    detail_shown = Signal(str)
    preview_shown = Signal(str)
    exported = Signal(object)

    def __init__(self, app: KioskApp, desk: Desk, settings: DeskSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.desk = desk
        self.settings = settings
        self.tasks = app.tasks
        self.event_facts: EventFacts = desk.event()
        self.dialog: QWidget | None = None  # a form opened from the toolbar (tests fill it in)
        self._showing: str | None = None
        self._early_preview: tuple[str, bytes | str] | None = None

        self.search_field = QLineEdit()
        self.search_field.setObjectName("search")
        self.search_field.setClearButtonEnabled(True)
        # Keys reach the search at once (not after the scanner's pause); a scanned code is
        # still recognised, taken back out of the field, and jumps to its guest.
        self.search_field.setProperty(TYPES_THROUGH, True)
        self.search_field.setStyleSheet("font-size: 18px; padding: 6px;")
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.count_label.setStyleSheet("color: #607d8b;")

        self.model = GuestTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("guestTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a cell, elided: far cheaper to lay out and paint
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The company takes what is left, so every column fits without a sideways scroll bar.
        header.setSectionResizeMode(Column.COMPANY, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.NUMBER, 60), (Column.NAME, 150), (Column.NAME_LATIN, 140),
                              (Column.CATEGORY, 90), (Column.STATUS, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.search = GuestSearch(desk, self.tasks, self.model, self)
        self.search_field.textChanged.connect(self.search.search)
        self.search.results_shown.connect(self._results_shown)
        self.search.more_shown.connect(self._show_count)
        self.search.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.search_field.returnPressed.connect(self._open_first)

        self.detail = GuestDetailPanel()
        self.guest_actions = GuestActions(desk, self.tasks, self.detail, window=self)
        self.guest_actions.guest_changed.connect(self.guest_changed)
        self.guest_actions.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([5300, 4700])  # shares: the table's columns and the guest both fit
        splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(560)

        self.dashboard = DashboardView(desk, self.tasks)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.dashboard, "")
        self.setCentralWidget(self.tabs)

        self.status = DeskStatusBar(desk, self.tasks, self)
        self.setStatusBar(self.status)
        self.printing = PrintRunner(desk, self.tasks, self)
        self.printing.processed.connect(self._jobs_moved)
        self.guest_actions.print_requested.connect(self.printing.kick)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("deskToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        style = self.style()
        self.walk_in_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "", self)
        self.walk_in_action.setShortcut(QKeySequence("Ctrl+N"))
        self.walk_in_action.triggered.connect(self.open_walk_in)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.import_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
                                     "", self)
        self.import_action.triggered.connect(self.open_import)
        self.export_checkins_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "", self)
        self.export_checkins_action.triggered.connect(lambda: self.ask_export("checkins"))
        self.export_guests_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "", self)
        self.export_guests_action.triggered.connect(lambda: self.ask_export("guests"))
        self.settings_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", self)
        self.settings_action.triggered.connect(self.open_settings)
        for action in (self.walk_in_action, self.import_action, self.export_checkins_action,
                       self.export_guests_action, self.settings_action):
            self.toolbar.addAction(action)

        app.scanner.scanned.connect(self.on_scanned)
        self.retranslate()
        self.search.search("")
        self.is_warm = False
        self.tasks.run(self.desk.warm_up, on_done=lambda _none: self._warmed(), owner=self,
                       on_error=lambda error: log.warning("badge warm-up: %s", error))
        self.status.refresh()
        self.printing.start()
        self.printing.kick()  # badges left waiting by an earlier session

    def _warmed(self) -> None:
        self.is_warm = True
        self.warmed_up.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search_field.setFocus()  # staff start typing a name at once

    # Searching ------------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_field.setFocus()
        self.search_field.selectAll()

    @Slot(str, int)
    def _results_shown(self, query: str, count: int) -> None:
        self._show_count(query, count)
        if self._showing is not None:
            position = self.model.position_of(self._showing)
            if position is not None:
                self._select(position)

    @Slot(str, int)
    def _show_count(self, query: str, count: int) -> None:
        if query:
            found = f"{count}+" if self.model.has_more else str(count)
            self.count_label.setText(self.tr("%1 found for “%2”").replace("%1", found)
                                     .replace("%2", query))
        else:
            self.count_label.setText(self.tr("All guests by number; type to search"))

    def _select(self, position: int) -> None:
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    @Slot()
    def _open_first(self) -> None:
        if self.model.rowCount():
            self._select(0)
            self.table.setFocus()

    @Slot(QModelIndex, QModelIndex)
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_guest(self.model.row_at(current.row()).uid)

    # The guest on show ----------------------------------------------------------------------

    def show_guest(self, uid: str) -> None:
        """Load the guest's detail and badge preview on workers, then show them."""
        if uid == self._showing and self.detail.detail is not None \
                and self.detail.detail.uid == uid:
            return
        self._showing = uid
        self._load_detail(uid)

    def _load_detail(self, uid: str) -> None:
        """The detail and the badge preview on two workers at once; whichever comes second
        completes the panel (a preview that arrives first waits for its detail)."""
        self._early_preview = None
        self.tasks.run(self.desk.detail, uid, on_done=self._detail_arrived,
                       on_error=self._detail_failed, owner=self,
                       is_wanted=lambda: self._showing == uid)
        self.tasks.run(self.desk.badge_preview, uid,
                       on_done=lambda png: self._preview_arrived(uid, png),
                       on_error=lambda error: self._preview_arrived(uid, describe_error(error)),
                       owner=self, is_wanted=lambda: self._showing == uid)

    def _detail_arrived(self, detail: GuestDetail) -> None:
        self.detail.show_detail(detail)
        self.detail_shown.emit(detail.uid)
        early, self._early_preview = self._early_preview, None
        if early is not None and early[0] == detail.uid:
            self._preview_arrived(*early)

    def _preview_arrived(self, uid: str, preview: bytes | str) -> None:
        """The PNG of the badge, or the words saying why there is none."""
        shown = self.detail.detail
        if shown is None or shown.uid != uid:
            self._early_preview = (uid, preview)
            return
        if isinstance(preview, str):
            self.detail.show_preview_problem(uid, preview)
            return
        self.detail.show_preview(uid, preview)
        self.preview_shown.emit(uid)

    def _detail_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(describe_error(error), 10_000)

    @Slot(str)
    def guest_changed(self, uid: str) -> None:
        """After an action: the detail, the table row, the dashboard and the status bar again."""
        if uid == self._showing:
            self._load_detail(uid)
        self.tasks.run(self.desk.row, uid, on_done=self.model.replace_row, owner=self)
        self.dashboard.refresh()
        self.status.refresh()

    def _jobs_moved(self, jobs: list[JobInfo]) -> None:
        """A print pass moved jobs: the guest on show and the figures may have changed."""
        shown = self.detail.detail
        if shown is not None and any(job.guest_number == shown.number for job in jobs):
            self._load_detail(shown.uid)
        self.status.refresh()
        self.dashboard.refresh()

    # Scanner --------------------------------------------------------------------------------

    @Slot(str)
    def on_scanned(self, code: str) -> None:
        """A scanned invitation or badge: find its guest and show them (no check-in by itself)."""
        if not self.isActiveWindow() and self.isVisible() and self.app.qt.activeWindow() \
                is not None:
            return  # another window of the app (the kiosk) has the scanner now
        self.tasks.run(self.desk.find, code, on_done=self._jump_to, owner=self,
                       on_error=lambda error: self.statusBar().showMessage(
                           self.tr("Scanned code: %1").replace("%1", describe_error(error)),
                           10_000))

    def _jump_to(self, uid: str) -> None:
        self.search.pin()  # a search still running must not replace the scanned guest
        self.tabs.setCurrentIndex(0)
        self._showing = None
        self.show_guest(uid)
        self.tasks.run(self.desk.row, uid, on_done=lambda row: self.model.set_rows([row]),
                       owner=self)
        self.count_label.setText(self.tr("Scanned guest"))

    # Walk-ins -------------------------------------------------------------------------------

    @Slot()
    def open_walk_in(self) -> None:
        form = WalkInDialog(self.desk.event(), self)
        self.dialog = form

        def registered(result: Registered) -> None:
            form.accept()
            self.statusBar().showMessage(
                self.tr("Registered as #%1; printing the badge.").replace(
                    "%1", str(result.number)), 10_000)
            self.tasks.write(self.desk.request_print, result.guest_uid, PrintReason.FIRST.value,
                             None, on_done=lambda _job: self._printing(result.guest_uid),
                             on_error=lambda error: self.detail.show_problem(
                                 describe_error(error)), owner=self)
            self._jump_to(result.guest_uid)

        def submitted(walk_in: object) -> None:
            self.tasks.write(self.desk.register_walk_in, walk_in, on_done=registered,
                             on_error=lambda error: form.show_error(describe_error(error)),
                             owner=form)

        form.submitted.connect(submitted)
        form.finished.connect(lambda _code: self._form_closed(form))
        form.open()

    # Import and export ---------------------------------------------------------------------

    @Slot()
    def open_import(self) -> None:
        wizard = ImportWizard(self.desk, self.tasks, self)
        self.dialog = wizard
        wizard.imported.connect(lambda _report: self._after_import())
        wizard.finished.connect(lambda _code: self._form_closed(wizard))
        wizard.open()

    def _after_import(self) -> None:
        self.search.search(self.search_field.text())
        self.dashboard.refresh()
        self.status.refresh()

    def ask_export(self, kind: str) -> None:
        title = self.tr("Export check-ins") if kind == "checkins" else self.tr("Export guests")
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, f"{kind}.csv", self.tr("CSV for Excel (*.csv)"))
        if chosen:
            self.export_to(kind, Path(chosen))

    def export_to(self, kind: str, path: Path) -> None:
        """Write the report on a worker; say in the status bar what was written."""
        def written(summary: ExportSummary) -> None:
            self.statusBar().showMessage(
                self.tr("Wrote %1 rows to %2").replace("%1", str(summary.rows))
                .replace("%2", summary.file), 15_000)
            self.exported.emit(summary)

        self.tasks.run(self.desk.export, kind, path, on_done=written, owner=self,
                       on_error=lambda error: self.statusBar().showMessage(
                           describe_error(error), 15_000))

    # Settings -------------------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> None:
        """Find what the form offers (checkpoints, printers...) on a worker, then open it."""
        cameras = CameraScanner.cameras()
        self.tasks.run(self.desk.settings_choices, on_done=lambda found: self._settings_form(
            Choices(cameras=cameras, **found)), owner=self,
            on_error=lambda error: self.statusBar().showMessage(describe_error(error), 10_000))

    def _settings_form(self, choices: Choices) -> None:
        form = SettingsDialog(self.settings, choices, self)
        self.dialog = form

        def enrolled(change: SettingsChange, checkpoint: str) -> None:
            if change.enrol_address is None:
                self._settings_applied(form, change, checkpoint)
                return
            self.tasks.run(self.desk.enrol, change.enrol_address, change.enrol_code, owner=form,
                           on_done=lambda _enrolled: self._settings_applied(form, change,
                                                                           checkpoint),
                           on_error=lambda error: form.show_error(describe_error(error)))

        def submitted(change: SettingsChange) -> None:
            self.tasks.write(self._apply_settings, change,
                             on_done=lambda checkpoint: enrolled(change, checkpoint),
                             on_error=lambda error: form.show_error(describe_error(error)),
                             owner=form)

        def test_print(printer: str, template: str) -> None:
            form.show_test_result(self.tr("Sending a test badge..."), is_problem=False)
            self.tasks.write(self.desk.test_print, printer, template, owner=form,
                             on_done=lambda _job: form.show_test_result(
                                 self.tr("Test badge sent to %1.").replace("%1", printer),
                                 is_problem=False),
                             on_error=lambda error: form.show_test_result(
                                 describe_error(error), is_problem=True))

        form.submitted.connect(submitted)
        form.test_print_requested.connect(test_print)
        form.finished.connect(lambda _code: self._form_closed(form))
        form.open()

    def _apply_settings(self, change: SettingsChange) -> str:
        """On the writer: the parts kept by the core (device name, PIN, checkpoint check)."""
        if change.device_name is not None:
            self.desk.rename_device(change.device_name)
        if change.new_pin is not None:
            PinGuard(self.desk.database).set_pin(
                change.new_pin, current=change.current_pin, actor=self.desk.operator)
        return self.desk.use_checkpoint(change.values[CHECKPOINT.key] or None)

    def _settings_applied(self, form: SettingsDialog, change: SettingsChange,
                          checkpoint: str) -> None:
        for key, value in change.values.items():
            self.settings.store.setValue(key, value)
        self.settings.save()
        self.desk.set_operator(self.settings.operator)
        self.desk.use_printer(self.settings.printer, self.settings.template)
        self.app.translations.use(change.language)
        form.accept()
        self.statusBar().showMessage(
            self.tr("Settings saved; checking in at %1.").replace("%1", checkpoint), 10_000)
        self.status.refresh()

    def _printing(self, uid: str) -> None:
        self.guest_changed(uid)
        self.printing.kick()

    def _form_closed(self, form: QWidget) -> None:
        if self.dialog is form:
            self.dialog = None
        form.deleteLater()

    # Language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        event = self.event_facts
        self.setWindowTitle(self.tr("Staff desk — %1").replace(
            "%1", event.name_local if self.app.translations.language.value.startswith("zh")
            and event.name_local else event.name))
        self.search_field.setPlaceholderText(self.tr(
            "Find a guest: name in any script, pinyin, initials, company or e-mail"))
        self.tabs.setTabText(0, self.tr("Guests"))
        self.tabs.setTabText(1, self.tr("Arrivals"))
        self.walk_in_action.setText(self.tr("Walk-in"))
        self.walk_in_action.setToolTip(self.tr("Register a guest who is not on the list"))
        self.import_action.setText(self.tr("Import list"))
        self.export_checkins_action.setText(self.tr("Export check-ins"))
        self.export_guests_action.setText(self.tr("Export guests"))
        self.settings_action.setText(self.tr("Settings"))
        self.model.retranslate()
        if not self.search.query:
            self.count_label.setText(self.tr("All guests by number; type to search"))
