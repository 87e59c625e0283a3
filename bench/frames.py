"""Synthetic camera frames: a credential's QR held up to a 720p kiosk camera, for bench and tests.

A frame is what a webcam at a kiosk delivers (1280x720 RGB, MJPEG-compressed): a cluttered,
unevenly lit scene, a phone screen or print-out carrying the QR code, sensor noise and JPEG
artefacts. Conditions add the trouble a gate meets:

    clean         the code held fairly straight (a few degrees off), in focus
    blurred       out of focus or moving: Gaussian blur of 1.2 to 2 pixels
    tilted        rotated 10-20 degrees and held at an angle (perspective foreshortening)
    low_contrast  a dim screen or glare: dark and light modules only 60-80 grey levels apart
    noisy         a dark hall with the camera's gain up: sensor noise of sigma 10-14
    no_code       the scene with nobody holding anything up (most frames a kiosk sees)

The code's symbol (37x37 modules for our credentials) spans 150 to 300 pixels of the frame:
a phone held 15 to 30 cm from the camera, as the kiosk's on-screen guide asks.
Everything is drawn with Pillow and numpy from a seed, so a frame is the same on every run.
"""

from __future__ import annotations

import io
import math

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter

from kiosk.qr import qr_matrix

WIDTH, HEIGHT = 1280, 720
CONDITIONS = ("clean", "blurred", "tilted", "low_contrast", "noisy", "no_code")

Frame = NDArray[np.uint8]


def _background(rng: np.random.Generator) -> Image.Image:
    """A cluttered room: a lit wall with a gradient, shapes of people and furniture."""
    base = rng.uniform(60, 200, size=3)
    x = np.linspace(0.0, 1.0, WIDTH, dtype=np.float32)
    y = np.linspace(0.0, 1.0, HEIGHT, dtype=np.float32)[:, None]
    light = 0.7 + 0.5 * np.exp(-(((x - rng.uniform(0.2, 0.8)) ** 2) + (y - 0.3) ** 2) * 3.0)
    wall = np.clip(light[..., None] * base, 0, 255).astype(np.uint8)
    scene = Image.fromarray(wall, "RGB")
    draw = ImageDraw.Draw(scene)
    for _ in range(int(rng.integers(6, 14))):
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        x0, y0 = int(rng.integers(-200, WIDTH)), int(rng.integers(-200, HEIGHT))
        x1, y1 = x0 + int(rng.integers(40, 500)), y0 + int(rng.integers(40, 500))
        if rng.random() < 0.5:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
    for _ in range(int(rng.integers(3, 8))):  # edges and text-like strokes: posters, clothes
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        points = [(int(rng.integers(0, WIDTH)), int(rng.integers(0, HEIGHT))) for _ in range(2)]
        draw.line(points, fill=colour, width=int(rng.integers(1, 6)))
    return scene.filter(ImageFilter.GaussianBlur(1.5))  # the scene is a little out of focus


def _code_card(
    text: str, rng: np.random.Generator, symbol_px: float, dark: int, light: int
) -> Image.Image:
    """The QR code on a phone screen or paper: quiet zone, margin, and a dark bezel for phones."""
    matrix = np.array(qr_matrix(text), dtype=bool)
    modules = matrix.shape[0]
    quiet = 4
    grid = np.pad(matrix, quiet, constant_values=False)
    # Draw at 8 pixels a module, then resample to the wanted size: modules land on fractional
    # pixel positions as they do through a lens.
    big = np.where(np.kron(grid, np.ones((8, 8), dtype=bool)), dark, light).astype(np.uint8)
    side = round(symbol_px * (modules + 2 * quiet) / modules)
    card = Image.fromarray(big, "L").resize((side, side), Image.Resampling.BILINEAR)
    is_phone = rng.random() < 0.6
    margin = int(side * rng.uniform(0.05, 0.25))
    paper = Image.new("L", (side + 2 * margin, side + 2 * margin + (margin if is_phone else 0)),
                      light)
    paper.paste(card, (margin, margin))
    if not is_phone:
        return paper.convert("RGB")
    bezel = int(rng.integers(8, 20))
    phone = Image.new("RGB", (paper.width + 2 * bezel, paper.height + 4 * bezel), (20, 20, 24))
    phone.paste(paper.convert("RGB"), (bezel, 2 * bezel))
    return phone


def _perspective_coefficients(
    source: list[tuple[float, float]], target: list[tuple[float, float]]
) -> tuple[float, ...]:
    """Pillow's PERSPECTIVE data mapping each target corner back to its source corner."""
    rows = []
    values = []
    for (sx, sy), (tx, ty) in zip(source, target, strict=True):
        rows.append([tx, ty, 1, 0, 0, 0, -sx * tx, -sx * ty])
        rows.append([0, 0, 0, tx, ty, 1, -sy * tx, -sy * ty])
        values.extend([sx, sy])
    solution = np.linalg.solve(np.array(rows, dtype=np.float64), np.array(values))
    return tuple(float(v) for v in solution)


def _place(
    scene: Image.Image, card: Image.Image, rng: np.random.Generator, angle: float, skew: float
) -> None:
    """Paste the card rotated by angle degrees and foreshortened by skew (0 = facing the camera)."""
    w, h = card.size
    # Foreshortening: one side of the card further away than the other, as held at an angle.
    near, far = 1.0, 1.0 - skew
    half_w, half_h = w / 2, h / 2
    corners = [(-half_w, -half_h * far), (half_w, -half_h * near),
               (half_w, half_h * near), (-half_w, half_h * far)]
    if rng.random() < 0.5:  # the far side may be the top instead of the left
        corners = [(-half_w * far, -half_h), (half_w * far, -half_h),
                   (half_w * near, half_h), (-half_w * near, half_h)]
    theta = math.radians(angle)
    cos, sin = math.cos(theta), math.sin(theta)
    turned = [(x * cos - y * sin, x * sin + y * cos) for x, y in corners]
    min_x, min_y = min(x for x, _ in turned), min(y for _, y in turned)
    max_x, max_y = max(x for x, _ in turned), max(y for _, y in turned)
    out_w, out_h = math.ceil(max_x - min_x) + 2, math.ceil(max_y - min_y) + 2
    target = [(x - min_x + 1, y - min_y + 1) for x, y in turned]
    source = [(0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))]
    data = _perspective_coefficients(source, target)
    warped = card.transform((out_w, out_h), Image.Transform.PERSPECTIVE, data,
                            Image.Resampling.BILINEAR)
    mask = Image.new("L", card.size, 255).transform(
        (out_w, out_h), Image.Transform.PERSPECTIVE, data, Image.Resampling.BILINEAR
    )
    x = int(rng.integers(40, max(41, WIDTH - out_w - 40)))
    y = int(rng.integers(20, max(21, HEIGHT - out_h - 20)))
    scene.paste(warped, (x, y), mask)


def camera_frame(text: str | None, condition: str, seed: int) -> Frame:
    """A 1280x720 RGB frame (height x width x 3, uint8) showing text's QR code under condition."""
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}; one of {CONDITIONS}")
    rng = np.random.default_rng(seed)
    scene = _background(rng)
    if condition != "no_code":
        if text is None:
            raise ValueError("a frame with a code needs the code's text")
        dark, light = int(rng.integers(10, 40)), int(rng.integers(215, 250))
        if condition == "low_contrast":
            dark = int(rng.integers(95, 120))
            light = dark + int(rng.integers(60, 81))
        card = _code_card(text, rng, float(rng.uniform(150, 300)), dark, light)
        angle = float(rng.uniform(-4, 4))
        skew = float(rng.uniform(0.0, 0.05))
        if condition == "tilted":
            angle = float(rng.choice([-1, 1]) * rng.uniform(10, 20))
            skew = float(rng.uniform(0.1, 0.25))
        _place(scene, card, rng, angle, skew)
    if condition == "blurred":
        scene = scene.filter(ImageFilter.GaussianBlur(float(rng.uniform(1.2, 2.0))))
    pixels = np.asarray(scene, dtype=np.float32)
    # Uneven light across the frame (a window on one side), then sensor noise.
    x = np.linspace(-1.0, 1.0, WIDTH, dtype=np.float32)
    pixels *= (1.0 + float(rng.uniform(-0.15, 0.15)) * x)[None, :, None]
    sigma = float(rng.uniform(10, 14)) if condition == "noisy" else float(rng.uniform(2, 4))
    pixels += rng.normal(0.0, sigma, size=pixels.shape).astype(np.float32)
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    # The webcam's MJPEG stream: every frame went through JPEG.
    buffer = io.BytesIO()
    noisy.save(buffer, format="JPEG", quality=int(rng.integers(75, 90)))
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return np.asarray(decoded.convert("RGB"), dtype=np.uint8).copy()
