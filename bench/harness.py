"""Shared benchmark plumbing: timing, medians and percentiles, and one row format for every bench.

Every benchmark module under bench/ defines ``run(quick: bool) -> list[Row]``; ``python -m
bench.run`` runs them all and writes docs/BENCHMARKS.md. Each row times the project and the peer a
user would otherwise pick in the same run, so a noisy shared machine slows both alike and the
ratio stays meaningful.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Row:
    """One measured comparison. Times are in milliseconds unless unit says otherwise."""

    bench: str
    case: str
    unit: str
    ours: float  # median (or the statistic named in `statistic`)
    peer_name: str | None = None
    peer: float | None = None
    goal: str = ""
    statistic: str = "median"
    notes: str = ""
    extra: dict[str, float | str] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """How many times faster we are than the peer (peer / ours); None without a peer."""
        if self.peer is None or self.ours <= 0:
            return None
        return self.peer / self.ours


def time_calls(function: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Milliseconds of each of `repeat` calls, after `warmup` untimed ones."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], fraction: float) -> float:
    """The sample below which `fraction` of the samples lie (nearest-rank)."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def format_table(rows: list[Row]) -> str:
    """A Markdown table of rows."""
    lines = [
        "| bench | case | ours | peer | peer's | ratio (peer/ours) | goal | notes |",
        "|---|---|---:|---|---:|---:|---|---|",
    ]
    for row in rows:
        peer = f"{row.peer:.3g} {row.unit}" if row.peer is not None else "—"
        ratio = f"{row.ratio:.1f}x" if row.ratio is not None else "—"
        lines.append(
            f"| {row.bench} | {row.case} | {row.ours:.3g} {row.unit} ({row.statistic}) | "
            f"{row.peer_name or '—'} | {peer} | {ratio} | {row.goal} | {row.notes} |"
        )
    return "\n".join(lines)
