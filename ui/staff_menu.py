"""What staff may do at a kiosk once the PIN is accepted: open the desk, choose the camera, quit.

Signals:
    chosen(object, object): a StaffChoice, and the camera id for CAMERA (else None).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class StaffChoice(Enum):
    DESK = "desk"
    CAMERA = "camera"
    QUIT = "quit"


class StaffMenu(QDialog):
    """Big buttons for the few staff actions at the kiosk.

    Signals:
        chosen(object, object): the StaffChoice and, for CAMERA, the chosen camera id.
    """

    chosen = Signal(object, object)

    def __init__(
        self, cameras: list[tuple[str, str]], current_camera: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Staff"))
        self.setStyleSheet("QPushButton { font-size: 22px; min-height: 64px; padding: 0 24px; }"
                           "QComboBox { font-size: 18px; min-height: 44px; }")
        font = QFont()
        font.setPointSize(20)
        font.setBold(True)
        title = QLabel(self.tr("Staff menu"))
        title.setFont(font)
        self.desk_button = QPushButton(self.tr("Open the staff desk"))
        self.desk_button.clicked.connect(lambda: self._choose(StaffChoice.DESK))
        self.camera_box = QComboBox()
        self.camera_box.addItem(self.tr("Default camera"), "")
        for camera_id, description in cameras:
            self.camera_box.addItem(description, camera_id)
        index = self.camera_box.findData(current_camera or "")
        self.camera_box.setCurrentIndex(max(0, index))
        self.camera_box.setEnabled(bool(cameras))
        self.camera_button = QPushButton(self.tr("Use this camera"))
        self.camera_button.setEnabled(bool(cameras))
        self.camera_button.clicked.connect(
            lambda: self._choose(StaffChoice.CAMERA, self.camera_box.currentData() or None))
        self.quit_button = QPushButton(self.tr("Quit the kiosk"))
        self.quit_button.clicked.connect(lambda: self._choose(StaffChoice.QUIT))
        self.back_button = QPushButton(self.tr("Back to guests"))
        self.back_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.desk_button)
        camera_label = QLabel(self.tr("Camera") if cameras else self.tr("No camera found"))
        layout.addWidget(camera_label)
        layout.addWidget(self.camera_box)
        layout.addWidget(self.camera_button)
        layout.addSpacing(12)
        layout.addWidget(self.quit_button)
        layout.addWidget(self.back_button)

    def _choose(self, choice: StaffChoice, camera_id: str | None = None) -> None:
        self.accept()
        self.chosen.emit(choice, camera_id)
