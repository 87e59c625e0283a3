"""The attract screen: what a guest walking up sees, in English and Chinese at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from ui.camera import CameraScanner, CameraView
from ui.scaling import HeightFit
from ui.translations import Language, Translations

# Each source text also appears in a tr() call in retranslate(), so lupdate collects it.
SCAN_LINE = "Scan the QR code of your invitation"
HOW_LINE = "Hold it up to the camera, or under the scanner below."
READY_LINE = "Getting ready..."
CONTEXT = "AttractPage"

# Full sizes, for 1920x1080; a shorter screen scales them all down (ui.scaling).
SCAN_PT, HOW_PT, SCAN_OTHER_PT, HOW_OTHER_PT, NOTICE_PT = 48, 26, 32, 20, 18
GAP = 40  # between the two languages
PREVIEW_MIN = (560, 420)


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
        self.scan_line = _label(SCAN_PT, bold=True)
        self.how_line = _label(HOW_PT)
        self.scan_line_other = _label(SCAN_OTHER_PT, bold=True, colour="#ffd200")
        self.how_line_other = _label(HOW_OTHER_PT, colour="#ffd200")
        self.notice = _label(NOTICE_PT, colour="#c8d3e0")
        self.camera_view: CameraView | None = None

        words = self._words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.scan_line)
        words.addWidget(self.how_line)
        self._gap = QSpacerItem(0, GAP, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        words.addItem(self._gap)
        words.addWidget(self.scan_line_other)
        words.addWidget(self.how_line_other)
        words.addStretch(1)

        middle = QHBoxLayout()
        middle.setSpacing(48)
        if camera is not None and camera.has_multimedia:
            self.camera_view = CameraView(camera)
            self.camera_view.setMinimumSize(*PREVIEW_MIN)
            middle.addWidget(self.camera_view, 5)
        middle.addLayout(words, 6)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 20, 60, 30)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notice)
        # On a screen too short for the full sizes everything shrinks together (ui.scaling).
        self._fit = HeightFit(layout, (
            (self.scan_line, SCAN_PT), (self.how_line, HOW_PT),
            (self.scan_line_other, SCAN_OTHER_PT), (self.how_line_other, HOW_OTHER_PT),
            (self.notice, NOTICE_PT)), self._scale_the_rest, min_scale=0.3,
            measure=self._needed_height)
        self.retranslate()

    @property
    def scale(self) -> float:
        return self._fit.scale

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit.fit(self.width(), self.height())

    def _needed_height(self, width: int) -> int:
        """Margins, the wrapped lines at the width the words column gets, the gap between
        the languages, the notice; or the preview's minimum height when that is taller."""
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        words_width, preview = inner, 0
        if self.camera_view is not None and self.camera_view.isVisibleTo(self):
            words_width = max(1, (inner - 48) * 6 // 11)
            preview = self.camera_view.minimumHeight()
        lines = [label for label in (self.scan_line, self.how_line, self.scan_line_other,
                                     self.how_line_other) if label.text()]
        words = sum(label.heightForWidth(words_width) for label in lines)
        words += self._gap.sizeHint().height() + max(0, self._words.spacing()) * len(lines)
        notice = self.notice.heightForWidth(inner) if self.notice.text() else 0
        return (margins.top() + margins.bottom() + max(words, preview)
                + max(0, self._layout.spacing()) + notice)

    def _scale_the_rest(self, scale: float) -> None:
        self._gap.changeSize(0, round(GAP * scale), QSizePolicy.Policy.Minimum,
                             QSizePolicy.Policy.Fixed)
        if self.camera_view is not None:
            self.camera_view.setMinimumSize(round(PREVIEW_MIN[0] * scale),
                                            round(PREVIEW_MIN[1] * scale))

    def set_ready(self, ready: bool) -> None:
        self.is_ready = ready
        self.retranslate()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self._fit.fit(self.width(), self.height())

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
        self._fit.fit(self.width(), self.height())

    def _other(self, source: str) -> str:
        """The line in the language not in force: English under Chinese, Chinese under English."""
        other = (Language.ENGLISH if self.translations.language is Language.CHINESE
                 else Language.CHINESE)
        return self.translations.text_in(other, CONTEXT, source)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
