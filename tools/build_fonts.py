"""Build the badge fonts in resources/fonts/ from Debian's Noto packages (run once by a maintainer).

    apt-get install fonts-noto-core fonts-noto-cjk
    python tools/build_fonts.py

Why these fonts: Noto is under the SIL Open Font License (bundling allowed, licence shipped with
them) and covers every script our guests bring. reportlab embeds TrueType (glyf) outlines only,
so Noto Sans CJK (CFF outlines) is converted to quadratic TrueType outlines with fontTools' cu2qu.
Each font is subset to the blocks a badge needs (names, companies, countries), keeping the
OpenType layout features HarfBuzz needs for shaping (Arabic joining, Indic reordering, marks,
and the CJK font's 'locl' so Japanese and Korean names get their own glyph forms).
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
CJK_SC_INDEX = 2  # in NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, then the Mono faces

COMMON = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F),
          (0x25CC, 0x25CC)]
LATIN = [(0x100, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
         (0xA720, 0xA7FF)]
GREEK = [(0x370, 0x3FF), (0x1F00, 0x1FFF)]
CYRILLIC = [(0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)]
ARABIC = [(0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
HEBREW = [(0x590, 0x5FF), (0xFB1D, 0xFB4F)]
THAI = [(0xE00, 0xE7F)]
DEVANAGARI = [(0x900, 0x97F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)]
CJK = [(0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3130, 0x318F), (0x31F0, 0x31FF),
       (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)]

# (output name, source, ranges, layout features)
SIMPLE = [
    ("KioskSans-{w}.ttf", "NotoSans-{w}.ttf", COMMON + LATIN + GREEK + CYRILLIC, "*"),
    ("KioskSansArabic-{w}.ttf", "NotoSansArabic-{w}.ttf", COMMON[:1] + ARABIC, "*"),
    ("KioskSansHebrew-{w}.ttf", "NotoSansHebrew-{w}.ttf", COMMON[:1] + HEBREW, "*"),
    ("KioskSansThai-{w}.ttf", "NotoSansThai-{w}.ttf", COMMON[:1] + THAI, "*"),
    ("KioskSansDevanagari-{w}.ttf", "NotoSansDevanagari-{w}.ttf", COMMON[:1] + DEVANAGARI, "*"),
]
CJK_FEATURES = ["locl", "ccmp", "ljmo", "vjmo", "tjmo", "kern", "halt", "palt"]
# Japanese and Korean names get their own glyph forms through 'locl'; the Traditional Chinese
# (ZHT, ZHH) forms are dropped, as those guests read Simplified forms of their names daily and
# keeping them would add some 9,000 glyphs.
CJK_KEPT_LANGUAGES = {"JAN ", "KOR ", "ZHS "}


def codepoints(ranges: list[tuple[int, int]]) -> list[int]:
    return [c for first, last in ranges for c in range(first, last + 1)]


def subset_font(font: TTFont, ranges: list[tuple[int, int]], features: str | list[str]) -> None:
    options = subset.Options()
    options.layout_features = ["*"] if features == "*" else features
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # badges print at 300 dpi and more; hints only cost bytes
    options.drop_tables += ["DSIG", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(ranges))
    subsetter.subset(font)


def drop_languages(font: TTFont, kept: set[str]) -> None:
    """Remove the OpenType language systems not kept, so the subsetter drops their glyphs."""
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for record in font[tag].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag in kept]
            script.LangSysCount = len(script.LangSysRecord)


def cff_to_glyf(font: TTFont) -> None:
    """Replace CFF cubic outlines by TrueType quadratic ones (max error 1 unit)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"] = newTable("maxp")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        for target, source, ranges, features in SIMPLE:
            started = time.perf_counter()
            font = TTFont(NOTO / source.format(w=weight))
            subset_font(font, ranges, features)
            font.save(OUT / target.format(w=weight))
            print(f"{target.format(w=weight)}: {font['maxp'].numGlyphs} glyphs, "
                  f"{time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        collection = TTCollection(NOTO_CJK / f"NotoSansCJK-{weight}.ttc")
        font = collection.fonts[CJK_SC_INDEX]
        drop_languages(font, CJK_KEPT_LANGUAGES)
        subset_font(font, COMMON[:1] + CJK, CJK_FEATURES)
        cff_to_glyf(font)
        name = f"KioskSansCJK-{weight}.ttf"
        font.save(OUT / name)
        print(f"{name}: {font['maxp'].numGlyphs} glyphs, {time.perf_counter() - started:.1f} s")
    shutil.copy(Path("/usr/share/doc/fonts-noto-core/copyright"), OUT / "COPYRIGHT-noto-core.txt")
    shutil.copy(Path("/usr/share/doc/fonts-noto-cjk/copyright"), OUT / "COPYRIGHT-noto-cjk.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
