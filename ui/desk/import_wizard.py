"""The import wizard: pick a guest list, see (and change) which column fills which field, see the
bad rows with their reasons, then import with a progress bar.

Reading, checking (a dry run of ``kiosk.importer``) and importing all run on workers; the pages
wait for them. The import itself is one transaction in the core: a refused file stores nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kiosk.desk import Desk, ImportPlan
from kiosk.importer import FIELDS, ImportReport
from ui import core_text
from ui.desk import labels
from ui.desk.actions import describe_error
from ui.tasks import Tasks

log = logging.getLogger("ui.desk.import")

# The fields offered for mapping, in the order a person thinks of them.
MAPPED_FIELDS = ("name", "first_name", "last_name", "name_latin", "company", "title", "country",
                 "email", "phone", "category", "external_code", "days", "language", "note")
assert set(MAPPED_FIELDS) <= set(FIELDS)
BAD_ROWS_SHOWN = 500


class ImportWizard(QWizard):
    """Signals:
        planned(object): the ImportPlan now shown (after reading, or after columns changed).
        progressed(int): percent of the import done (emitted from the writer thread).
        imported(object): the ImportReport of the finished import.
        failed(str): reading, checking or importing failed (the message shown).
    """

    planned = Signal(object)
    progressed = Signal(int)
    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, desk: Desk, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.desk = desk
        self.tasks = tasks
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.run_page = RunPage(self)
        self.progressed.connect(self.run_page.show_progress)
        for page in (self.file_page, self.columns_page, self.run_page):
            self.addPage(page)
        self.resize(920, 780)  # the columns and a screenful of refused rows without scrolling
        self.retranslate()

    def read(self, path: Path, mapping: dict[str, str] | None, then_next: bool) -> None:
        """Read and dry-run the file on a worker; show the plan (and go on, if asked)."""
        def done(plan: ImportPlan) -> None:
            self.plan = plan
            self.file_page.set_busy(False)
            self.columns_page.set_busy(False)
            self.columns_page.show_plan(plan)
            self.planned.emit(plan)
            if then_next and self.currentPage() is self.file_page:
                self.next()

        def failed(error: BaseException) -> None:
            text = describe_error(error)
            self.file_page.set_busy(False)
            self.columns_page.set_busy(False)
            if self.currentPage() is self.file_page:
                self.file_page.show_error(text)
            else:
                self.columns_page.show_error(text)
            self.failed.emit(text)

        self.tasks.run(self.desk.plan_import, path, mapping, on_done=done, on_error=failed,
                       owner=self)

    def start_import(self) -> None:
        plan = self.plan
        assert plan is not None

        def done(report: ImportReport) -> None:
            self.report = report
            self.run_page.show_report(report)
            self.imported.emit(report)

        def failed(error: BaseException) -> None:
            text = describe_error(error)
            self.run_page.show_error(text)
            self.failed.emit(text)

        # Called on the writer thread; the signal carries it to the GUI thread (queued).
        self.tasks.write(self.desk.run_import, Path(plan.path), plan.mapping(),
                         self.progressed.emit, on_done=done, on_error=failed, owner=self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a guest list"))
        for page in (self.file_page, self.columns_page, self.run_page):
            page.retranslate()


class FilePage(QWizardPage):
    """Step 1: the file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self._reading = False
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a guest list"), "",
            self.tr("Guest lists (*.csv *.tsv *.txt *.xlsx *.json);;All files (*)"))
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self._reading

    def validatePage(self) -> bool:
        """Next reads the file first, on a worker; the wizard moves on when it is read."""
        plan = self.owner.plan
        path = Path(self.path.text().strip()).expanduser()
        if plan is not None and Path(plan.path) == path:
            return True
        self.error.clear()
        self.set_busy(True)
        self.owner.plan = None
        self.owner.read(path, None, then_next=True)
        return False

    def set_busy(self, busy: bool) -> None:
        self._reading = busy
        self.busy.setVisible(busy)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("CSV, Excel (.xlsx) or JSON, as the organisers sent it."))
        self.browse.setText(self.tr("Browse..."))
        self.hint.setText(self.tr(
            "Headers in English or Chinese are recognised (姓名/Name, 单位/Company, 邮箱/E-mail, "
            "类别/Category...). Nothing is stored until the last step."))


class ColumnsPage(QWizardPage):
    """Step 2: which column fills which field, and the rows that would be refused."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self._busy = False
        self.facts = QLabel()
        self.facts.setObjectName("fileFacts")
        self.facts.setWordWrap(True)
        self.mapping = QWidget()
        self.mapping_form = QFormLayout(self.mapping)
        self.combos: dict[str, QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        for name in MAPPED_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.currentIndexChanged.connect(lambda _i: self._mapping_edited())
            caption = QLabel()
            self.combos[name] = combo
            self.captions[name] = caption
        self.recheck = QPushButton()
        self.recheck.setObjectName("recheck")
        self.recheck.setEnabled(False)
        self.recheck.clicked.connect(self._recheck)
        self.outcome = QLabel()
        self.outcome.setObjectName("dryRun")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-weight: bold;")
        self.bad_rows = QTableWidget(0, 4)
        self.bad_rows.setObjectName("badRows")
        self.bad_rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_rows.verticalHeader().hide()
        self.bad_rows.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.bad_rows.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.bad_rows.setMinimumHeight(170)
        self.bad_rows.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("columnsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self._filling = False
        self._dirty = False

        grid = QHBoxLayout()
        left = QFormLayout()
        right = QFormLayout()
        for position, name in enumerate(MAPPED_FIELDS):
            (left if position < (len(MAPPED_FIELDS) + 1) // 2 else right).addRow(
                self.captions[name], self.combos[name])
        grid.addLayout(left)
        grid.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addLayout(grid)
        layout.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.outcome)
        layout.addWidget(self.bad_rows, 1)
        layout.addWidget(self.error)

    def show_plan(self, plan: ImportPlan) -> None:
        self._filling = True
        self.error.clear()
        chosen_by_field = plan.fields
        for name, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not imported)"), -1)
            for index, header in enumerate(plan.header):
                letter = ImportPlan.column_letter(index)
                combo.addItem(f"{letter}: {header}" if header else letter, index)
            combo.setCurrentIndex(max(0, combo.findData(chosen_by_field.get(name, -1))))
        self._filling = False
        self._dirty = False
        self.recheck.setEnabled(False)
        report = plan.report
        where = Path(plan.path).name
        facts = [where, report.file_format.upper()]
        if report.encoding:
            facts.append(report.encoding)
        if report.sheet:
            facts.append(self.tr("sheet %1").replace("%1", report.sheet))
        text = " · ".join(facts)
        if report.ignored_columns:
            text += "\n" + self.tr("Columns not imported: %1").replace(
                "%1", ", ".join(report.ignored_columns))
        for warning in report.warnings:
            text += "\n" + warning
        self.facts.setText(text)
        self.outcome.setText(self.tr(
            "If imported now: %1 new, %2 updated, %3 unchanged, %4 rows refused.")
            .replace("%1", str(report.new)).replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged)).replace("%4", str(report.rejected)))
        errors = report.errors[:BAD_ROWS_SHOWN]
        self.bad_rows.setRowCount(len(errors))
        for row, error in enumerate(errors):
            cells = [str(error.row), error.column or "", labels.row_problem(error.problem.value),
                     core_text.translate(error.detail)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.bad_rows.setItem(row, column, item)
        self.bad_rows.resizeRowsToContents()  # long reasons wrap instead of being cut
        self.completeChanged.emit()

    def chosen_mapping(self) -> dict[str, str]:
        """The columns as now chosen, by letter, for the core."""
        mapping: dict[str, str] = {}
        for name, combo in self.combos.items():
            index = combo.currentData()
            if isinstance(index, int) and index >= 0:
                mapping[name] = ImportPlan.column_letter(index)
        return mapping

    def _mapping_edited(self) -> None:
        if not self._filling:
            self._dirty = True
            self.recheck.setEnabled(not self._busy)
            self.completeChanged.emit()

    @Slot()
    def _recheck(self) -> None:
        plan = self.owner.plan
        if plan is None:
            return
        self.set_busy(True)
        self.owner.read(Path(plan.path), self.chosen_mapping(), then_next=False)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.recheck.setEnabled(not busy and self._dirty)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def isComplete(self) -> bool:
        # Changed columns must be checked again before importing with them.
        return self.owner.plan is not None and not self._busy and not self._dirty

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the columns and the rows"))
        self.setSubTitle(self.tr(
            "Each field shows the column it is read from; change any, then check again. Rows "
            "listed below would not be imported; the others would."))
        for name, caption in self.captions.items():
            caption.setText(labels.field(name))
        self.recheck.setText(self.tr("Check again with these columns"))
        self.bad_rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Details")])


class RunPage(QWizardPage):
    """Step 3: the import, with progress, then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self._done = False
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._done = False
        self.progress.setRange(0, 100)  # percent, as the core reports it (rows read, stored,
        self.progress.setValue(0)  # searchable)
        self.result.setText(self.tr("Importing..."))
        self.completeChanged.emit()
        self.owner.start_import()

    def show_progress(self, percent: int) -> None:
        self.progress.setValue(max(self.progress.value(), percent))

    def show_report(self, report: ImportReport) -> None:
        self.progress.setValue(self.progress.maximum())
        self.result.setText(self.tr(
            "Imported: %1 new, %2 updated, %3 unchanged. %4 rows were not imported.")
            .replace("%1", str(report.new)).replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged)).replace("%4", str(report.rejected)))
        self._done = True
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.progress.setValue(0)
        self.result.setText(self.tr("Nothing was imported: %1").replace("%1", message))
        self._done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The guests are added and updated in one step."))
