"""Write the kiosk's two short sounds into resources/sounds/ with Python's wave module.

    python tools/make_sounds.py

admitted.wav: two rising notes (E5 then A5), soft attack, 0.32 s. refused.wav: two low notes
(A3, A3), 0.42 s, gentle enough for a queue to hear without alarm. 44.1 kHz, 16-bit mono.
Generated rather than downloaded, so their origin and licence are plain.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def _note(frequency: float, seconds: float, volume: float) -> list[float]:
    count = int(RATE * seconds)
    samples = []
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, t / 0.012) * math.exp(-4.0 * t / seconds)  # soft start, decay
        tone = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        samples.append(volume * envelope * tone / 1.25)
    return samples


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32_000))
                                 for s in samples))


def main() -> None:
    write(OUT / "admitted.wav", _note(659.26, 0.14, 0.5) + _silence(0.02) + _note(880.0, 0.16, 0.5))
    write(OUT / "refused.wav", _note(220.0, 0.18, 0.6) + _silence(0.06) + _note(220.0, 0.18, 0.6))
    print(f"wrote {OUT / 'admitted.wav'} and {OUT / 'refused.wav'}")


if __name__ == "__main__":
    main()
