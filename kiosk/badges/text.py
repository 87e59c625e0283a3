"""Text laid out in a box: split into font runs, shaped with HarfBuzz, shrunk, wrapped, never cut.

reportlab draws characters one font at a time and does not shape, so each line is shaped here:
runs of one font (see kiosk.badges.fonts), HarfBuzz for joining, reordering and mark positions
(Arabic right to left, Devanagari and Thai clusters, the Japanese forms of kanji), then glyphs
with their positions. ``fit_text`` picks the largest size at which the text fits its box on one
line, else wraps it onto more lines, and only then goes below the template's minimum size: the
whole ink of every glyph stays inside the box.

Bidirectional text follows a simplified rule: a paragraph is right to left when its first strong
character is, and then its runs are laid out right to left, each run shaped in its own direction.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from kiosk.badges.fonts import Face, FontSet

LINE_PITCH_MIN = 1.15  # ems between baselines, at least
WRAP_GAIN = 1.25  # wrap a text that fits on one line when two lines make it this much larger
_FEATURES = {"kern": True, "liga": True}
_WIDE_BREAKS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


@dataclass(frozen=True, slots=True)
class Glyph:
    face: Face
    glyph: int
    code: int  # the character code that draws it in the PDF (see BadgeFont.code_for); 0: none
    x: float  # from the line's origin, per point of size
    y: float
    # False for the second and later glyphs of one cluster (a split vowel): they are drawn as
    # outlines, so the text read back from the PDF holds each character once, in order.
    is_text: bool


@dataclass(frozen=True, slots=True)
class Line:
    """One shaped line at a size of 1 point."""

    text: str
    glyphs: tuple[Glyph, ...]  # in visual order, left to right
    advance: float
    ink: tuple[float, float, float, float]  # left, bottom, right, top
    ascent: float
    descent: float
    is_rtl: bool
    missing: tuple[str, ...]  # characters no bundled font has

    @property
    def left(self) -> float:
        return min(0.0, self.ink[0])

    @property
    def right(self) -> float:
        return max(self.advance, self.ink[2])


@dataclass(frozen=True, slots=True)
class FittedText:
    """Lines at a size, with each line's baseline origin in points from the box's bottom-left."""

    lines: tuple[Line, ...]
    size: float
    origins: tuple[tuple[float, float], ...]
    is_below_minimum: bool

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for line in self.lines for c in line.missing)


def _is_rtl_char(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def paragraph_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def guess_language(text: str, language: str | None) -> str | None:
    """The language HarfBuzz uses for CJK forms: the guest's, else guessed from kana or hangul."""
    if language:
        return language
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            return "ja"
        if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF:
            return "ko"
    return None


def _direction(char: str) -> str | None:
    """'rtl' for Hebrew and Arabic letters, 'ltr' for other letters and digits, None if neutral."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "rtl"
    if kind in ("L", "EN", "AN"):
        return "ltr"
    return None


def _runs(fonts: FontSet, text: str, weight: str) -> list[tuple[Face | None, str, str]]:
    """(face, text, direction) runs in logical order; digits in Arabic run left to right, and
    spaces between runs of different directions go with the paragraph's direction."""
    runs: list[tuple[Face | None, str, str]] = []
    previous: Face | None = None
    for char in text:
        face = fonts.face_for(char, weight, previous)
        direction = _direction(char)
        if runs and runs[-1][0] is face and direction in (None, runs[-1][2]):
            runs[-1] = (face, runs[-1][1] + char, runs[-1][2])
        else:
            runs.append((face, char, direction or "ltr"))
        previous = face
    paragraph = "rtl" if paragraph_is_rtl(text) else "ltr"
    settled: list[tuple[Face | None, str, str]] = []
    for face, run, direction in runs:
        body = run.rstrip(" ")
        if direction != paragraph and body != run:
            settled.append((face, body, direction))
            settled.append((face, run[len(body):], paragraph))
        else:
            settled.append((face, run, direction))
    return [r for r in settled if r[1]]


def shape_line(fonts: FontSet, text: str, weight: str, language: str | None) -> Line:
    """Shape one line of text at 1 point, glyphs in visual order from the left."""
    return _shape_cached(fonts, text, weight, guess_language(text, language))


@lru_cache(maxsize=4096)
def _shape_cached(fonts: FontSet, text: str, weight: str, language: str | None) -> Line:
    rtl_paragraph = paragraph_is_rtl(text)
    runs = _runs(fonts, text, weight)
    if rtl_paragraph:
        runs.reverse()
    chunks: list[list[Glyph]] = []  # per run, in visual order
    missing: list[str] = []
    pen = 0.0
    left, bottom, right, top = 0.0, 0.0, 0.0, 0.0
    faces_used: list[Face] = []
    for face, run, direction in runs:
        if face is None:
            missing.extend(run)
            face = fonts.primary(weight)  # its .notdef box, so the gap is at least visible
        faces_used.append(face)
        buffer = hb.Buffer()
        buffer.add_codepoints([ord(c) for c in run])
        buffer.guess_segment_properties()
        buffer.direction = direction
        buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        if language:
            buffer.language = language
        hb.shape(face.shaper, buffer, _FEATURES)
        scale = 1.0 / face.units_per_em
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
        clusters = sorted({info.cluster for info in infos})
        ends = {c: (clusters[i + 1] if i + 1 < len(clusters) else len(run))
                for i, c in enumerate(clusters)}
        seen: set[int] = set()
        glyphs: list[Glyph] = []
        # A cluster's text glyph is as wide as the whole cluster in the PDF's width table, so
        # a reader sees no gap (and no word break) where its other glyphs are drawn as outlines.
        cluster_width: dict[int, int] = {}
        for info, position in zip(infos, positions, strict=True):
            cluster_width[info.cluster] = cluster_width.get(info.cluster, 0) + position.x_advance
        for info, position in zip(infos, positions, strict=True):
            cluster = info.cluster
            # The first glyph of a cluster carries its text; others read back as nothing extra.
            is_text = cluster not in seen
            seen.add(cluster)
            code = face.pdf.code_for(info.codepoint, run[cluster:ends[cluster]],
                                     cluster_width[cluster] * scale * 1000,
                                     fonts.lock) if is_text else 0
            x = pen + position.x_offset * scale
            y = position.y_offset * scale
            glyphs.append(Glyph(face, info.codepoint, code, x, y, is_text))
            ink = face.glyph_box(info.codepoint)
            if ink[2] > ink[0]:
                left, right = min(left, x + ink[0]), max(right, x + ink[2])
                bottom, top = min(bottom, y + ink[1]), max(top, y + ink[3])
            pen += position.x_advance * scale
        chunks.append(glyphs)
    return Line(
        text=text, glyphs=tuple(g for chunk in chunks for g in chunk), advance=pen,
        ink=(left, bottom, right, top),
        ascent=max((f.ascent for f in faces_used), default=0.8),
        descent=max((f.descent for f in faces_used), default=0.2),
        is_rtl=rtl_paragraph, missing=tuple(missing),
    )


def break_points(text: str) -> list[int]:
    """Where a line may break: at spaces (the space dropped), and between CJK characters."""
    points = []
    for i in range(1, len(text)):
        before, here = text[i - 1], text[i]
        if here == " " or before == " ":
            if here == " " and i not in points:
                points.append(i)
            continue
        if unicodedata.category(here).startswith("M"):
            continue
        if _is_wide(before) and _is_wide(here):
            points.append(i)
    return points


def _is_wide(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(_WIDE_BREAKS)


def _split(text: str, cuts: tuple[int, ...]) -> list[str]:
    pieces, start = [], 0
    for cut in (*cuts, len(text)):
        pieces.append(text[start:cut].strip())
        start = cut
    return [p for p in pieces if p]


def _block(lines: list[Line]) -> tuple[float, float, float]:
    """Width, height and line pitch of lines at 1 point."""
    width = max(line.right - line.left for line in lines)
    pitch = max(LINE_PITCH_MIN, *(line.ascent + line.descent for line in lines))
    top = max(lines[0].ascent, lines[0].ink[3])
    bottom = max(lines[-1].descent, -lines[-1].ink[1])
    height = top + (len(lines) - 1) * pitch + bottom
    return width, height, pitch


def fit_text(
    fonts: FontSet, text: str, width: float, height: float, *, weight: str, max_size: float,
    min_size: float, max_lines: int, align: str, language: str | None = None,
) -> FittedText:
    """The text at the largest size (up to max_size) that fits the box; see the module doc."""
    text = " ".join(text.split())
    best: tuple[float, list[Line]] | None = None
    candidates = break_points(text)
    for count in range(1, max_lines + 1):
        if count > 1 and len(candidates) < count - 1:
            break
        if best is not None and count > 1:
            # No block of `count` lines is shorter than (count - 1) line pitches: when even that
            # ceiling cannot win (see below), neither can this or any larger count.
            ceiling = min(max_size, height / ((count - 1) * LINE_PITCH_MIN))
            if ceiling <= best[0] + 1e-6 or (best[0] >= min_size and
                                             ceiling < best[0] * WRAP_GAIN):
                break
        options = [()] if count == 1 else _cut_options(candidates, count - 1)
        best_here: tuple[float, list[Line]] | None = None
        for cuts in options:
            lines = [shape_line(fonts, piece, weight, language) for piece in _split(text, cuts)]
            if not lines:
                continue
            block_w, block_h, _pitch = _block(lines)
            size = min(max_size, width / block_w if block_w else max_size,
                       height / block_h if block_h else max_size)
            if best_here is None or size > best_here[0] + 1e-6:
                best_here = (size, lines)
        if best_here is None:
            continue
        # One more line only when the text must shrink below its minimum otherwise, or when
        # wrapping makes it markedly larger (a long name on two lines reads better than small).
        if best is None or (best_here[0] > best[0] + 1e-6 and (
                best[0] < min_size or best_here[0] >= best[0] * WRAP_GAIN)):
            best = best_here
    if best is None:
        return FittedText((), max_size, (), False)
    size, lines = best
    return _place(lines, size, width, height, align, size < min_size - 1e-6)


def _cut_options(candidates: list[int], cuts: int) -> list[tuple[int, ...]]:
    if len(candidates) > 60 and cuts > 1:  # a long text: cuts spread evenly, no search
        step = len(candidates) / (cuts + 1)
        return [tuple(candidates[int(step * (i + 1))] for i in range(cuts))]
    return list(itertools.combinations(candidates, cuts))


def _place(lines: list[Line], size: float, width: float, height: float, align: str,
           below_minimum: bool) -> FittedText:
    _width, block_h, pitch = _block(lines)
    top = max(lines[0].ascent, lines[0].ink[3])
    # Centred vertically; the first baseline sits `top` below the block's top edge.
    baseline = height - (height - block_h * size) / 2 - top * size
    origins = []
    for line in lines:
        side = align
        if line.is_rtl and align == "left":
            side = "right"  # "left" means the start of the line; Arabic and Hebrew start right
        span = (line.right - line.left) * size
        if side == "left":
            x = -line.left * size
        elif side == "right":
            x = width - span - line.left * size
        else:
            x = (width - span) / 2 - line.left * size
        origins.append((x, baseline))
        baseline -= pitch * size
    return FittedText(tuple(lines), size, tuple(origins), below_minimum)
