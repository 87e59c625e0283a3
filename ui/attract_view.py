"""The attract screen: what a guest walking up sees, in English and Chinese at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.camera import CameraScanner, CameraView
from ui.translations import Language, Translations

# Each source text also appears in a tr() call in retranslate(), so lupdate collects it.
SCAN_LINE = "Scan the QR code of your invitation"
HOW_LINE = "Hold it up to the camera, or under the scanner below."
READY_LINE = "Getting ready..."
CONTEXT = "AttractPage"


def _label(point_size: int, bold: bool = False, colour: str = "#ffffff") -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour};")
    return label


class AttractPage(QWidget):
    """Scan instructions in the guest's language with the other language beneath, the camera
    preview with its guide frame, and a notice line (no camera, not ready)."""

    def __init__(
        self, translations: Translations, camera: CameraScanner | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.translations = translations
        self.is_ready = False
        self.setObjectName("AttractPage")
        self.setStyleSheet("#AttractPage { background: #0f1c2e; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.scan_line = _label(48, bold=True)
        self.how_line = _label(26)
        self.scan_line_other = _label(32, bold=True, colour="#ffd200")
        self.how_line_other = _label(20, colour="#ffd200")
        self.notice = _label(18, colour="#c8d3e0")
        self.camera_view: CameraView | None = None

        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.scan_line)
        words.addWidget(self.how_line)
        words.addSpacing(40)
        words.addWidget(self.scan_line_other)
        words.addWidget(self.how_line_other)
        words.addStretch(1)

        middle = QHBoxLayout()
        middle.setSpacing(48)
        if camera is not None and camera.has_multimedia:
            self.camera_view = CameraView(camera)
            self.camera_view.setMinimumSize(560, 420)
            middle.addWidget(self.camera_view, 5)
        middle.addLayout(words, 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 20, 60, 30)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notice)
        self.retranslate()

    def set_ready(self, ready: bool) -> None:
        self.is_ready = ready
        self.retranslate()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)

    def hide_camera(self) -> None:
        if self.camera_view is not None:
            self.camera_view.hide()

    def retranslate(self) -> None:
        if not self.is_ready:
            self.scan_line.setText(self.tr("Getting ready..."))
            self.how_line.setText("")
            self.scan_line_other.setText(self._other(READY_LINE))
            self.how_line_other.setText("")
            return
        self.scan_line.setText(self.tr("Scan the QR code of your invitation"))
        self.how_line.setText(self.tr("Hold it up to the camera, or under the scanner below."))
        self.scan_line_other.setText(self._other(SCAN_LINE))
        self.how_line_other.setText(self._other(HOW_LINE))

    def _other(self, source: str) -> str:
        """The line in the language not in force: English under Chinese, Chinese under English."""
        other = (Language.ENGLISH if self.translations.language is Language.CHINESE
                 else Language.CHINESE)
        return self.translations.text_in(other, CONTEXT, source)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
