"""The desk's settings form: who is at the desk, this device, the camera, the printer and badge
template (with a test print), the language, the kiosk PIN and the sync server.

Values go to the platform's settings place (``ui.desk.settings``); the device name and the PIN are
written through the core (``Desk.rename_device``, ``kiosk.pin.PinGuard``) on the writer thread.
The form closes only when every part was accepted; a refusal is shown in the form.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.desk import labels
from ui.desk.settings import (
    CAMERA,
    CHECKPOINT,
    LANGUAGE,
    OPERATOR,
    PRINTER,
    TEMPLATE,
    DeskSettings,
)
from ui.translations import Language

log = logging.getLogger("ui.desk.settings")


@dataclass(frozen=True, slots=True)
class Choices:
    """What the form offers, found on workers before it opens."""

    checkpoints: list[str]
    cameras: list[tuple[str, str]]  # (id, description)
    printers: list[str]
    templates: list[str]
    device_name: str
    pin_is_set: bool
    server_url: str  # "" until enrolled
    operator: str  # who the desk records now
    checkpoint_local: dict[str, str]  # checkpoint name: its name in the venue's language
    checkpoint: str  # what the desk uses now
    printer: str  # "" when none is chosen
    template: str


@dataclass(frozen=True, slots=True)
class SettingsChange:
    """What the form asks to change (None: leave as it is)."""

    values: dict[str, str]  # setting key: value, for QSettings
    device_name: str | None
    new_pin: str | None
    current_pin: str | None
    language: Language
    enrol_address: str | None  # enrol with this server (or enrolment link)...
    enrol_code: str | None  # ...and this one-time code (None when the link carries it)


def _combo(name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for data, words in items:
        box.addItem(words, data)
    index = box.findData(current)
    if index < 0 and current:
        box.addItem(current, current)  # a stored value that is not offered now (printer off)
        index = box.count() - 1
    box.setCurrentIndex(max(0, index))
    return box


class SettingsDialog(QDialog):
    """Signals:
        submitted(object): a SettingsChange.
        test_print_requested(str, str): printer and template to print a sample badge on.
    """

    submitted = Signal(object)
    test_print_requested = Signal(str, str)

    def __init__(self, settings: DeskSettings, choices: Choices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.settings = settings
        self.choices = choices

        self.operator = QLineEdit(choices.operator or settings.operator)
        self.operator.setObjectName("operator")
        self.device_name = QLineEdit(choices.device_name)
        self.device_name.setObjectName("deviceName")
        places = [(c, labels.place(c, choices.checkpoint_local.get(c)))
                  for c in choices.checkpoints]
        self.checkpoint = _combo("checkpoint", places,
                                 choices.checkpoint or settings.get(CHECKPOINT))
        self.camera = _combo("camera", [("", ""), *choices.cameras], settings.get(CAMERA))
        self.printer = _combo("printer", [(p, p) for p in choices.printers],
                              choices.printer or settings.get(PRINTER))
        # A printer the print system does not list (folder:/path, cups:name on another server)
        # can be typed; the core checks it when it prints.
        self.printer.setEditable(True)
        self.printer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.template = _combo("template", [(t, t) for t in choices.templates],
                               choices.template or settings.get(TEMPLATE))
        self.test_print = QPushButton()
        self.test_print.setObjectName("testPrint")
        self.test_print.setEnabled(bool(choices.templates))
        self.test_print.clicked.connect(
            lambda: self.test_print_requested.emit(self.printer.currentText().strip(),
                                                   str(self.template.currentData() or "")))
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.language = _combo("language", [(lang.value, lang.switch_label) for lang in Language],
                               settings.language.value)
        self.current_pin = QLineEdit()
        self.current_pin.setObjectName("currentPin")
        self.new_pin = QLineEdit()
        self.new_pin.setObjectName("newPin")
        self.repeat_pin = QLineEdit()
        self.repeat_pin.setObjectName("repeatPin")
        for line in (self.current_pin, self.new_pin, self.repeat_pin):
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setMaxLength(12)
        self.current_pin.setEnabled(choices.pin_is_set)
        self.sync_server = QLineEdit(choices.server_url)
        self.sync_server.setObjectName("syncServer")
        self.enrol_code = QLineEdit()
        self.enrol_code.setObjectName("enrolCode")

        self.captions: dict[str, QLabel] = {}

        def row(layout: QFormLayout, key: str, widget: QWidget | QHBoxLayout) -> None:
            caption = QLabel()
            self.captions[key] = caption
            layout.addRow(caption, widget)

        self.desk_box = QGroupBox()
        desk_form = QFormLayout(self.desk_box)
        row(desk_form, "operator", self.operator)
        row(desk_form, "device", self.device_name)
        row(desk_form, "checkpoint", self.checkpoint)
        row(desk_form, "camera", self.camera)
        row(desk_form, "language", self.language)

        self.print_box = QGroupBox()
        print_form = QFormLayout(self.print_box)
        row(print_form, "printer", self.printer)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.test_print)
        row(print_form, "template", template_row)
        print_form.addRow(self.test_result)

        self.pin_box = QGroupBox()
        pin_form = QFormLayout(self.pin_box)
        row(pin_form, "current_pin", self.current_pin)
        row(pin_form, "new_pin", self.new_pin)
        row(pin_form, "repeat_pin", self.repeat_pin)

        self.sync_box = QGroupBox()
        sync_form = QFormLayout(self.sync_box)
        row(sync_form, "sync", self.sync_server)
        row(sync_form, "enrol_code", self.enrol_code)

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for box in (self.desk_box, self.print_box, self.pin_box, self.sync_box):
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def change(self) -> SettingsChange:
        """What the form now says, checked only for what the form itself can tell."""
        new_pin = self.new_pin.text().strip()
        if new_pin != self.repeat_pin.text().strip():
            raise ValueError(self.tr("The two new PINs differ."))
        values = {
            OPERATOR.key: self.operator.text().strip(),
            CHECKPOINT.key: str(self.checkpoint.currentData() or ""),
            CAMERA.key: str(self.camera.currentData() or ""),
            PRINTER.key: self.printer.currentText().strip(),
            TEMPLATE.key: str(self.template.currentData() or ""),
            LANGUAGE.key: str(self.language.currentData()),
        }
        address = self.sync_server.text().strip()
        code = self.enrol_code.text().strip()
        wants_enrol = bool(code) or (bool(address) and address != self.choices.server_url)
        device = self.device_name.text().strip()
        return SettingsChange(
            values=values,
            device_name=device if device != self.choices.device_name else None,
            new_pin=new_pin or None,
            current_pin=self.current_pin.text().strip() or None,
            language=Language(str(self.language.currentData())),
            enrol_address=address if wants_enrol else None,
            enrol_code=code or None,
        )

    def _submit(self) -> None:
        self.error.hide()
        try:
            change = self.change()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.save_button.setEnabled(False)
        self.submitted.emit(change)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.save_button.setEnabled(True)

    def show_test_result(self, message: str, *, is_problem: bool) -> None:
        self.test_result.setText(message)
        self.test_result.setStyleSheet("color: #b71c1c;" if is_problem else "color: #1b5e20;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.desk_box.setTitle(self.tr("This desk"))
        self.print_box.setTitle(self.tr("Badges"))
        self.pin_box.setTitle(self.tr("Kiosk PIN (leave empty to keep it)"))
        self.sync_box.setTitle(self.tr("Sync with the organiser's server"))
        captions = {
            "operator": self.tr("Staff name"), "device": self.tr("Device name"),
            "checkpoint": self.tr("Checkpoint"), "camera": self.tr("Camera"),
            "language": self.tr("Language"), "printer": self.tr("Printer"),
            "template": self.tr("Badge template"), "current_pin": self.tr("Current PIN"),
            "new_pin": self.tr("New PIN"), "repeat_pin": self.tr("New PIN again"),
            "sync": self.tr("Sync server"), "enrol_code": self.tr("Enrolment code"),
        }
        for key, caption in self.captions.items():
            caption.setText(captions[key])
        self.camera.setItemText(0, self.tr("Default camera"))
        if not self.choices.cameras:
            self.camera.setToolTip(self.tr("No camera found on this computer."))
        self.test_print.setText(self.tr("Test print"))
        printer_line = self.printer.lineEdit()
        if printer_line is not None:
            printer_line.setPlaceholderText(self.tr("cups:PrinterName or folder:/path"))
        self.sync_server.setPlaceholderText(self.tr("http://10.0.0.5:8000, or the enrolment link"))
        self.enrol_code.setPlaceholderText(self.tr("from the organiser, to enrol this machine"))
        self.new_pin.setPlaceholderText(self.tr("4 to 12 digits"))


