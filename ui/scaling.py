"""Large type that still fits: a page's words and spacing scaled down on a short screen.

The guest screens are designed for 1920x1080 at a metre's distance. On a shorter screen (a
1280x800 or 1024x600 tablet, a long name that wraps) the same point sizes would push lines over
each other or out of the page. ``HeightFit`` finds the largest scale, at most 1, at which the
page's layout needs no more height than the page has, and applies it to the labels' fonts (and,
through ``on_scale``, to whatever else the page sizes by hand: an icon, margins, spacing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QLayout

MIN_SCALE = 0.4
ROUNDS = 4


class HeightFit:
    """Scales `labels` (each with its full point size) so that `layout` fits a height."""

    def __init__(
        self, layout: QLayout, labels: Sequence[tuple[QLabel, float]],
        on_scale: Callable[[float], None] | None = None, *, min_scale: float = MIN_SCALE,
        measure: Callable[[int], int] | None = None,
    ) -> None:
        self.layout = layout
        self.labels = tuple(labels)
        self.on_scale = on_scale
        self.min_scale = min_scale
        self.measure = measure  # the height a page needs at a width, where the layout's own
        self.scale = 1.0        # heightForWidth does not add up (nested stretches)

    def fit(self, width: int, height: int) -> float:
        """The scale now in use after fitting the layout into width x height."""
        if width <= 0 or height <= 0:
            return self.scale
        scale = 1.0
        for _ in range(ROUNDS):
            self._use(scale)
            needed = self.needed_height(width)
            if needed <= height or scale <= self.min_scale:
                break
            scale = max(self.min_scale, scale * height / needed * 0.98)
        return self.scale

    def needed_height(self, width: int) -> int:
        layout = self.layout
        layout.invalidate()
        if self.measure is not None:
            return self.measure(width)
        if layout.hasHeightForWidth():
            return layout.heightForWidth(width)
        return layout.sizeHint().height()

    def _use(self, scale: float) -> None:
        if abs(scale - self.scale) < 0.005:
            return
        self.scale = scale
        for label, points in self.labels:
            font = label.font()
            font.setPointSizeF(points * scale)
            label.setFont(font)
        if self.on_scale is not None:
            self.on_scale(scale)
