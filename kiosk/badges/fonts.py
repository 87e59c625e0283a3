"""The badge fonts: which bundled font draws each character, loaded once for reportlab and HarfBuzz.

resources/fonts/ holds subsets of Noto (SIL Open Font License; see the COPYRIGHT files there and
tools/build_fonts.py): Latin with Greek and Cyrillic, CJK (Simplified Chinese forms, with the
Japanese and Korean forms reached through the 'locl' feature), Arabic, Hebrew, Thai and
Devanagari, each in a regular and a bold weight, all with TrueType outlines that reportlab embeds.
A name that mixes scripts is split into runs, each drawn with the first font that has its
characters (per-character fallback); marks and joiners stay with the letter they belong to.
"""

from __future__ import annotations

import logging
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from fontTools.ttLib import TTFont as FontToolsFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.errors import SetupError

log = logging.getLogger("kiosk.badges")

FONT_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
# Fallback order: the first font with a glyph for a character draws it.
FAMILIES = (
    ("latin", "KioskSans"),
    ("cjk", "KioskSansCJK"),
    ("arabic", "KioskSansArabic"),
    ("hebrew", "KioskSansHebrew"),
    ("thai", "KioskSansThai"),
    ("devanagari", "KioskSansDevanagari"),
)
WEIGHTS = {"regular": "Regular", "bold": "Bold"}
RTL_FAMILIES = frozenset({"arabic", "hebrew"})
_PRIVATE_FIRST, _PRIVATE_LAST = 0xE000, 0xF8FF
_JOINERS = frozenset({0x200C, 0x200D, 0x034F})


class BadgeFont(TTFont):  # type: ignore[misc]
    """A reportlab TrueType font that can also draw shaped glyphs (Arabic forms, conjuncts).

    A glyph with no character of its own gets a private-use code in reportlab's tables, and the
    PDF's ToUnicode map sends that code back to the text it stands for, so copying or searching
    the PDF gives the real name.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=False)
        _keep_tables(self.face)
        self.private_text: dict[int, str] = {}
        self._private_codes: dict[tuple[int, str], int] = {}
        self._next_private = _PRIVATE_FIRST

    def code_for(self, glyph: int, text: str, width: float, lock: threading.Lock) -> int:
        """A character code that draws `glyph` (advance `width` per 1000 em) and reads back as
        `text`."""
        char_to_glyph: dict[int, int] = self.face.charToGlyph
        if len(text) == 1 and char_to_glyph.get(ord(text)) == glyph:
            return ord(text)
        key = (glyph, text)
        code = self._private_codes.get(key)
        if code is not None:
            return code
        with lock:
            code = self._private_codes.get(key)
            if code is not None:
                return code
            code = self._next_private
            while code in char_to_glyph:
                code += 1
            if code > _PRIVATE_LAST:  # thousands of distinct shaped glyphs: reuse one per glyph
                code = next(c for (g, _t), c in self._private_codes.items() if g == glyph)
                return code
            self._next_private = code + 1
            char_to_glyph[code] = glyph
            self.face.glyphToChar.setdefault(glyph, []).append(code)
            self.face.charWidths[code] = width
            self.private_text[code] = text
            self._private_codes[key] = code
            return code

    def addObjects(self, doc: object) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        names = [
            (b"".join((_subset_tag(n), b"+", self.face.name, self.face.subfontNameX))).decode(
                "pdfdoc")
            for n in range(len(subsets))
        ]
        super().addObjects(doc)
        for subset, base_name in zip(subsets, names, strict=True):
            if not any(code in self.private_text for code in subset):
                continue
            stream = doc.idToObject["toUnicodeCMap:" + base_name]  # type: ignore[attr-defined]
            stream.content = _to_unicode_cmap(base_name, subset, self.private_text)


def _keep_tables(face: Any) -> None:
    """reportlab copies a table out of the font file each time it subsets it (every font of
    every PDF): for a CJK font that is a 12 MB glyf table per badge. Each table is copied once
    here and kept (the font file never changes)."""
    read = face.get_table
    tables: dict[str, bytes] = {}

    def get_table(tag: str) -> bytes:
        table = tables.get(tag)
        if table is None:
            table = tables[tag] = read(tag)
        return table

    face.get_table = get_table


def _subset_tag(n: int) -> bytes:
    return (b"%6.6d" % n).translate(bytes.maketrans(b"0123456789", b"ABCDEFGIJK"))


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(name: str, subset: list[int], private: dict[int, str]) -> str:
    pairs = []
    for index, code in enumerate(subset):
        text = private.get(code, chr(code))
        pairs.append(f"<{index:02X}> <{_utf16_hex(text)}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(pairs)} beginbfchar", *pairs, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@dataclass(eq=False)
class Face:
    """One bundled font file, ready for reportlab (drawing) and HarfBuzz (shaping)."""

    family: str
    weight: str
    path: Path
    pdf: BadgeFont
    shaper: hb.Font
    units_per_em: int
    ascent: float  # per point of size, from the font's typographic metrics
    descent: float  # positive, below the baseline
    _extents: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)

    @property
    def is_rtl(self) -> bool:
        return self.family in RTL_FAMILIES

    def has(self, char: str) -> bool:
        return ord(char) in self.pdf.face.charToGlyph and not (
            _PRIVATE_FIRST <= ord(char) <= _PRIVATE_LAST)

    def glyph_box(self, glyph: int) -> tuple[float, float, float, float]:
        """Ink of a glyph per point of size: left, bottom, right, top from its origin."""
        box = self._extents.get(glyph)
        if box is None:
            extents = self.shaper.get_glyph_extents(glyph)
            scale = 1.0 / self.units_per_em
            if extents is None or extents.width == 0:
                box = (0.0, 0.0, 0.0, 0.0)
            else:
                left = extents.x_bearing * scale
                top = extents.y_bearing * scale
                box = (left, top + extents.height * scale, left + extents.width * scale, top)
            self._extents[glyph] = box
        return box


@dataclass(frozen=True, eq=False)
class FontSet:
    """Every bundled face, by weight, in fallback order; loaded once per process."""

    faces: dict[str, tuple[Face, ...]]
    load_seconds: float
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def face_for(self, char: str, weight: str, previous: Face | None) -> Face | None:
        """The face that draws `char`: the previous one for marks and common characters it has."""
        if previous is not None and previous.has(char) and _is_attached(char, previous):
            return previous
        for face in self.faces[weight]:
            if face.has(char):
                return face
        return None

    def primary(self, weight: str) -> Face:
        return self.faces[weight][0]


def _is_attached(char: str, previous: Face) -> bool:
    """True for characters that belong with the run before them (marks, joiners, spaces...)."""
    code = ord(char)
    if code in _JOINERS or 0xFE00 <= code <= 0xFE0F:
        return True
    category = unicodedata.category(char)
    if category in ("Mn", "Mc", "Me"):
        return True
    # Spaces, punctuation and digits stay in the run (so an Arabic name keeps its spaces).
    return category[0] in ("Z", "P", "N", "S")


def _load_face(family: str, stem: str, weight: str, folder: Path) -> Face:
    path = folder / f"{stem}-{WEIGHTS[weight]}.ttf"
    if not path.exists():
        raise SetupError("a bundled badge font is missing", where=str(path),
                         hint="reinstall the kiosk, or run tools/build_fonts.py")
    name = f"Kiosk-{family}-{weight}"
    pdf_font = BadgeFont(name, str(path))
    pdfmetrics.registerFont(pdf_font)
    data = path.read_bytes()
    shaper = hb.Font(hb.Face(data))
    metrics = FontToolsFont(str(path), lazy=True)
    units = int(metrics["head"].unitsPerEm)
    shaper.scale = (units, units)
    os2 = metrics["OS/2"]
    ascent, descent = os2.sTypoAscender / units, -os2.sTypoDescender / units
    metrics.close()
    return Face(family, weight, path, pdf_font, shaper, units, ascent, descent)


_LOADING = threading.Lock()


def font_set(folder: Path = FONT_DIR) -> FontSet:
    """Register the bundled fonts with reportlab and HarfBuzz (once; safe from any thread)."""
    with _LOADING:
        return _load_font_set(folder)


@cache
def _load_font_set(folder: Path) -> FontSet:
    started = time.perf_counter()
    faces = {
        weight: tuple(_load_face(family, stem, weight, folder) for family, stem in FAMILIES)
        for weight in WEIGHTS
    }
    seconds = time.perf_counter() - started
    log.info("badge fonts loaded in %.0f ms", seconds * 1000)
    return FontSet(faces=faces, load_seconds=seconds)
