"""The walk-in form: a guest who is not on the list, registered, given a credential and a badge.

One flow: the form's values go to ``Desk.register_walk_in`` (number, signed credential, audit,
outbox); when it agrees, the first badge is queued and the new guest opens in the detail panel.
A refused value keeps the form open with the core's message, naming the field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import EventFacts, WalkIn
from kiosk.domain import Category
from ui.desk import labels

TEXT_FIELDS = ("name", "name_latin", "company", "title", "country", "email", "phone")


class WalkInDialog(QDialog):
    """Signals: submitted(object): a ``kiosk.desk.WalkIn`` to register."""

    submitted = Signal(object)

    def __init__(self, event: EventFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.facts = event
        self.inputs: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in TEXT_FIELDS:
            line = QLineEdit()
            line.setObjectName(f"field_{name}")
            caption = QLabel()
            self.inputs[name] = line
            self.captions[name] = caption
            form.addRow(caption, line)
        self.category = QComboBox()
        self.category.setObjectName("field_category")
        for code, words in labels.categories():
            self.category.addItem(words, code)
        self.category_caption = QLabel()
        form.addRow(self.category_caption, self.category)
        self.language = QComboBox()
        self.language.setObjectName("field_language")
        for code, words in (("", "—"), ("zh", "中文"), ("en", "English")):
            self.language.addItem(words, code)
        self.language_caption = QLabel()
        form.addRow(self.language_caption, self.language)

        self.every_day = QRadioButton()
        self.every_day.setObjectName("everyDay")
        self.day_pass = QRadioButton()
        self.day_pass.setObjectName("dayPass")
        self.day_pass.setChecked(True)
        self.day_boxes: dict[dt.date, QCheckBox] = {}
        days_row = QHBoxLayout()
        for day in event.days:
            box = QCheckBox(day.strftime("%m-%d"))
            box.setChecked(day == event.today)
            box.setObjectName(f"day_{day.isoformat()}")
            self.day_boxes[day] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.every_day.toggled.connect(self._days_enabled)
        self.days_caption = QLabel()
        pass_row = QHBoxLayout()
        pass_row.addWidget(self.day_pass)
        pass_row.addWidget(self.every_day)
        pass_row.addStretch(1)
        form.addRow(self.days_caption, pass_row)
        form.addRow(QLabel(), days_row)

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        self.key_warning = QLabel()
        self.key_warning.setWordWrap(True)
        self.key_warning.setStyleSheet("color: #b71c1c;")
        self.key_warning.setVisible(not event.can_issue)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register = QPushButton()
        self.register.setObjectName("register")
        self.register.setDefault(True)
        self.register.setEnabled(event.can_issue)
        self.buttons.addButton(self.register, QDialogButtonBox.ButtonRole.AcceptRole)
        self.register.clicked.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.key_warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.category.setCurrentIndex(max(0, self.category.findData(Category.GUEST.value)))

    def _days_enabled(self, every_day: bool) -> None:
        for box in self.day_boxes.values():
            box.setEnabled(not every_day)

    def form(self) -> WalkIn:
        """What was typed, as the core takes it (the core validates)."""
        values = {name: (line.text().strip() or None) for name, line in self.inputs.items()}
        days = None if self.every_day.isChecked() else [
            day.isoformat() for day, box in self.day_boxes.items() if box.isChecked()]
        return WalkIn(
            name=values["name"] or "", category=str(self.category.currentData()), days=days,
            name_latin=values["name_latin"], company=values["company"],
            country=values["country"], email=values["email"], phone=values["phone"],
            title=values["title"], language=str(self.language.currentData()) or None,
        )

    def _submit(self) -> None:
        self.error.hide()
        self.register.setEnabled(False)
        self.submitted.emit(self.form())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.register.setEnabled(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a walk-in"))
        self.intro.setText(self.tr(
            "A guest who is not on the list: register them, and their badge prints at once."))
        for name, caption in self.captions.items():
            caption.setText(labels.field(name) + (" *" if name == "name" else ""))
        self.inputs["name"].setPlaceholderText(self.tr("as the guest writes it, e.g. 王芳"))
        self.inputs["name_latin"].setPlaceholderText(self.tr("e.g. Wang Fang"))
        self.category_caption.setText(labels.field("category"))
        self.language_caption.setText(labels.field("language"))
        self.days_caption.setText(labels.field("days"))
        self.day_pass.setText(self.tr("Day pass"))
        self.every_day.setText(self.tr("Every day"))
        self.register.setText(self.tr("Register and print badge"))
        self.key_warning.setText(self.tr(
            "This computer holds no signing key for the event, so it cannot issue credentials."))
