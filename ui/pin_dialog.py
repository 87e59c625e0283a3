"""The staff PIN pad: a touch keypad that asks kiosk.pin whether the PIN is right.

The PIN is checked on a worker (scrypt takes a few tens of milliseconds) through ui.tasks; the
dialog only shows the answer: accepted (the dialog closes with Accepted), wrong with the tries
left, or locked until a time. On a kiosk with no PIN yet, the same pad asks staff to choose one
and type it twice.

Signals:
    unlocked(): the right PIN was entered (or the first PIN was set).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.pin import PinCheck, PinGuard, PinOutcome
from ui import core_text
from ui.tasks import Tasks


class PinDialog(QDialog):
    """A keypad dialog guarding staff actions.

    Signals:
        unlocked(): the PIN was accepted.
    """

    unlocked = Signal()

    def __init__(
        self, guard: PinGuard, tasks: Tasks, *, is_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.guard = guard
        self.tasks = tasks
        self.is_first = is_first
        self._first_entry: str | None = None
        self._checking = False
        self.setModal(True)
        self.setObjectName("PinDialog")
        self.setStyleSheet(
            "#PinDialog { background: #f4f4f4; }"
            "QPushButton { font-size: 28px; min-width: 96px; min-height: 72px; }"
        )
        self.title = QLabel()
        title_font = QFont()
        title_font.setPointSize(22)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setMaxLength(12)
        entry_font = QFont()
        entry_font.setPointSize(28)
        self.entry.setFont(entry_font)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        message_font = QFont()
        message_font.setPointSize(16)
        self.message.setFont(message_font)

        pad = QGridLayout()
        self.digit_buttons: list[QPushButton] = []
        for index, digit in enumerate("123456789"):
            button = self._digit_button(digit)
            pad.addWidget(button, index // 3, index % 3)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.entry.clear)
        pad.addWidget(self.clear_button, 3, 0)
        pad.addWidget(self._digit_button("0"), 3, 1)
        self.ok_button = QPushButton()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        pad.addWidget(self.ok_button, 3, 2)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.title)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addLayout(pad)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.retranslate()
        self.entry.setFocus()

    def _digit_button(self, digit: str) -> QPushButton:
        button = QPushButton(digit)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.entry.insert(digit))
        self.digit_buttons.append(button)
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff PIN"))
        if self.is_first:
            self.title.setText(self.tr("Choose a staff PIN (4 to 12 digits)")
                               if self._first_entry is None else self.tr("Type the new PIN again"))
        else:
            self.title.setText(self.tr("Staff only: enter the PIN"))
        self.clear_button.setText(self.tr("Clear"))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def submit(self) -> None:
        pin = self.entry.text()
        if self._checking or not pin:
            return
        self.entry.clear()
        if self.is_first:
            self._submit_first(pin)
            return
        self._checking = True
        self.message.setText(self.tr("Checking..."))
        self.tasks.run(self.guard.check, pin, on_done=self._on_checked,
                       on_error=self._on_error, owner=self)

    def _submit_first(self, pin: str) -> None:
        if self._first_entry is None:
            self._first_entry = pin
            self.message.setText("")
            self.retranslate()
            return
        if pin != self._first_entry:
            self._first_entry = None
            self.message.setText(self.tr("The two PINs differ. Please start again."))
            self.retranslate()
            return
        self._checking = True
        self.tasks.write(self.guard.set_first_pin, pin, on_done=lambda _: self._accept(),
                         on_error=self._on_error, owner=self)

    def _on_checked(self, result: PinCheck) -> None:
        self._checking = False
        if result.is_accepted:
            self._accept()
        elif result.outcome is PinOutcome.LOCKED and result.locked_until is not None:
            until = result.locked_until.astimezone().strftime("%H:%M")
            self.message.setText(self.tr("Too many wrong PINs. Locked until %1.")
                                 .replace("%1", until))
        elif result.outcome is PinOutcome.NOT_SET:
            self.message.setText(self.tr("No staff PIN is set on this kiosk."))
        else:
            self.message.setText(self.tr("Wrong PIN. %n tries left.", "", result.tries_left))

    def _on_error(self, error: BaseException) -> None:
        self._checking = False
        self._first_entry = None
        self.retranslate()
        if isinstance(error, KioskError):
            self.message.setText(core_text.error_text(error))
        else:
            self.message.setText(self.tr("Something went wrong; please try again."))

    def _accept(self) -> None:
        self._checking = False
        self.unlocked.emit()
        self.accept()
