"""The two short sounds a guest hears: admitted and refused (resources/sounds, made by
tools/make_sounds.py). Played with QSoundEffect; silent, with one log line, where QtMultimedia or
an audio device is missing: a sound is a courtesy, never needed to read the answer."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QUrl

from ui.translations import RESOURCES

log = logging.getLogger("ui.sounds")

SOUNDS = RESOURCES / "sounds"


class Sound(StrEnum):
    ADMITTED = "admitted"
    REFUSED = "refused"


class Sounds(QObject):
    """Loads the sounds once and plays them without waiting."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.played: list[Sound] = []  # what was asked to play, newest last (tests, diagnostics)
        self._effects: dict[Sound, Any] = {}
        if not enabled:
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:
            log.warning("no sounds: QtMultimedia cannot load (%s)", error)
            return
        for sound in Sound:
            path = SOUNDS / f"{sound.value}.wav"
            if not path.is_file():
                log.warning("sound file missing: %s (run tools/make_sounds.py)", path)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[sound] = effect

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        del self.played[:-20]
        effect = self._effects.get(sound)
        if self.enabled and effect is not None:
            effect.play()
