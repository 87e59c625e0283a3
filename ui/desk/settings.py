"""The desk's and the kiosk's local settings, declared once, kept in the platform's settings place.

``QSettings`` puts them where the platform expects (the registry on Windows, a plist on macOS,
``~/.config/kiosk/Kiosk.conf`` on Linux). Each setting is declared once in ``SETTINGS`` with its
key and default; ``DeskSettings`` reads and writes them typed. The staff PIN is not here: it is
kept hashed in the local database by ``kiosk.pin``; the device's name is also written to the
database (``kiosk.desk.rename_device``) so scans and the server name this machine the same way;
the sync server and this machine's token come with enrolment (``kiosk.sync``) and stay there.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from ui.translations import Language


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: str


DEVICE_NAME = Setting("device/name", "")
OPERATOR = Setting("desk/operator", "")
CHECKPOINT = Setting("device/checkpoint", "")
CAMERA = Setting("device/camera", "")
PRINTER = Setting("badges/printer", "")
TEMPLATE = Setting("badges/template", "")
LANGUAGE = Setting("ui/language", Language.ENGLISH.value)

SETTINGS = (DEVICE_NAME, OPERATOR, CHECKPOINT, CAMERA, PRINTER, TEMPLATE, LANGUAGE)


def default_operator() -> str:
    """Who is at the desk when nobody said: the computer account's name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "desk"


class DeskSettings:
    """Typed access to the stored settings; ``path`` gives a file instead (tests, portable use)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self.store = QSettings()
        else:
            self.store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting) -> str:
        value = self.store.value(setting.key, setting.default)
        return str(value) if value is not None else setting.default

    def put(self, setting: Setting, value: str) -> None:
        self.store.setValue(setting.key, value.strip())

    def save(self) -> None:
        """Write to disk now (QSettings otherwise writes later, or at exit)."""
        self.store.sync()

    @property
    def device_name(self) -> str:
        return self.get(DEVICE_NAME) or socket.gethostname() or "kiosk"

    @property
    def operator(self) -> str:
        return self.get(OPERATOR) or default_operator()

    @property
    def checkpoint(self) -> str | None:
        return self.get(CHECKPOINT) or None

    @property
    def camera(self) -> str | None:
        return self.get(CAMERA) or None

    @property
    def printer(self) -> str | None:
        return self.get(PRINTER) or None

    @property
    def template(self) -> str | None:
        return self.get(TEMPLATE) or None

    @property
    def language(self) -> Language:
        return Language.from_code(self.get(LANGUAGE)) or Language.ENGLISH

