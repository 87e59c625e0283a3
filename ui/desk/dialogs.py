"""The desk's small forms: a reason, a note, a correction. Each stays open until the core agrees.

A form's OK button emits ``submitted`` with what was typed; whoever opened it runs the operation
and either closes it (``finish``) or shows the core's message in it (``show_error``), so a
refused value is fixed in place instead of typed again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk import GuestDetail
from ui.desk import labels


class _Form(QDialog):
    """Shared frame: a message line above the fields, OK/Cancel below."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)  # e-mail addresses and long names shown whole
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        self.fields = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.ok_button.setEnabled(True)

    def finish(self) -> None:
        self.accept()

    def _submit(self) -> None:
        self.error.hide()
        self.ok_button.setEnabled(False)  # one submission at a time
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class ReasonDialog(_Form):
    """Asks why: a choice from ``choices`` (code, words) and/or a sentence.

    Signals:
        submitted(str, str): the chosen code ("" without choices) and the text typed.
    """

    submitted = Signal(str, str)

    def __init__(
        self, title: str, prompt: str, *, choices: list[tuple[str, str]] | None = None,
        needs_text: bool = True, option: str | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.needs_text = needs_text
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.fields.addRow(self.prompt)
        self.choice = QComboBox()
        self.choice.setObjectName("reasonChoice")
        for code, words in choices or []:
            self.choice.addItem(words, code)
        self.choice_label = QLabel()
        if choices:
            self.fields.addRow(self.choice_label, self.choice)
        self.text = QLineEdit()
        self.text.setObjectName("reasonText")
        self.text_label = QLabel()
        self.fields.addRow(self.text_label, self.text)
        self.option = QCheckBox(option or "")
        self.option.setObjectName("reasonOption")
        self.option.setChecked(True)
        if option:
            self.fields.addRow(self.option)
        self.retranslate()

    def submit(self) -> None:
        text = self.text.text().strip()
        if self.needs_text and not text:
            self.show_error(self.tr("Please say why."))
            return
        self.submitted.emit(str(self.choice.currentData() or ""), text)

    def retranslate(self) -> None:
        self.choice_label.setText(self.tr("Reason"))
        self.text_label.setText(self.tr("Details") if self.choice.count() else self.tr("Why"))


class NoteDialog(_Form):
    """Signals: submitted(str): the note."""

    submitted = Signal(str)

    def __init__(self, guest_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guest_name = guest_name
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("noteText")
        self.fields.addRow(self.caption)
        self.fields.addRow(self.text)
        self.retranslate()

    def submit(self) -> None:
        self.submitted.emit(self.text.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a note"))
        self.caption.setText(self.tr("A note about %1 for everyone at the desk:")
                             .replace("%1", self.guest_name))


CORRECTABLE = ("name", "name_latin", "company", "title", "country", "email", "phone", "category",
               "language")


class CorrectDialog(_Form):
    """The guest's details, editable; only the fields changed are sent.

    Signals:
        submitted(object, bool): {field: new value} of the changed fields, and whether to reprint.
    """

    submitted = Signal(object, bool)

    def __init__(self, detail: GuestDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        for name in CORRECTABLE:
            widget: QLineEdit | QComboBox
            if name == "category":
                widget = QComboBox()
                for code, words in labels.categories():
                    widget.addItem(words, code)
                widget.setCurrentIndex(max(0, widget.findData(detail.category)))
            else:
                widget = QLineEdit(str(getattr(detail, name) or ""))
            widget.setObjectName(f"field_{name}")
            caption = QLabel()
            self.inputs[name] = widget
            self.captions[name] = caption
            self.fields.addRow(caption, widget)
        self.reprint = QCheckBox()
        self.reprint.setObjectName("reprint")
        self.reprint.setChecked(detail.has_badge)
        self.fields.addRow(self.reprint)
        self.retranslate()

    def changes(self) -> dict[str, str | None]:
        changed: dict[str, str | None] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                value: str | None = str(widget.currentData())
            else:
                value = widget.text()
            before = getattr(self.detail, name) or ""
            if (value or "") != before:
                changed[name] = value
        return changed

    def submit(self) -> None:
        changes = self.changes()
        if not changes:
            self.show_error(self.tr("Nothing was changed."))
            return
        self.submitted.emit(changes, self.reprint.isChecked())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Correct %1").replace("%1", self.detail.name))
        for name, caption in self.captions.items():
            caption.setText(labels.field(name))
        self.reprint.setText(self.tr("Print the badge again if its text changed"))
