"""The arrivals dashboard: live figures and charts (QtCharts) from ``kiosk.reports``.

The figures are counted by ``arrival_summary`` on a worker thread (SQLite's WAL lets it read while
kiosks write, so scanning is never held up); the GUI thread only draws the answer. A refresh runs
every ``REFRESH_MS`` while the dashboard is on screen and after every desk action; a refresh asked
while one is running is folded into it, so a slow disk never piles them up.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QHideEvent, QPainter, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.desk import Desk
from kiosk.domain import PrintJobState
from kiosk.reports import BUCKET, ArrivalSummary
from ui.desk import labels
from ui.desk.actions import describe_error
from ui.tasks import Tasks

log = logging.getLogger("ui.desk.dashboard")

REFRESH_MS = 5_000
MAX_BUCKETS = 48  # twelve hours of quarter hours on the arrivals chart


def quarter_hours(
    counts: list[tuple[dt.datetime, int]], now_local: dt.datetime | None = None
) -> list[tuple[dt.datetime, int]]:
    """Every quarter hour from the first arrival to the last (or now), empty ones as zero."""
    if not counts:
        return []
    found = dict(counts)
    start = counts[0][0]
    end = counts[-1][0]
    if now_local is not None and now_local.date() == start.date():
        current = now_local.replace(minute=now_local.minute - now_local.minute % 15, second=0,
                                    microsecond=0)
        end = max(end, current)
    buckets = []
    moment = start
    while moment <= end:
        buckets.append((moment, found.get(moment, 0)))
        moment += BUCKET
    return buckets[-MAX_BUCKETS:]


class _Figure(QFrame):
    """One big number with its caption."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame { background: #f5f7fa; border-radius: 6px; }")
        self.value = QLabel("–")
        self.value.setObjectName(f"{name}Value")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value.setStyleSheet("font-size: 30px; font-weight: bold; color: #0d47a1;")
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("color: #455a64;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def _chart_view(name: str) -> tuple[QChartView, QChart]:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    return view, chart


def _names_axis(names: list[str]) -> QBarCategoryAxis:
    """A category axis of names, never cut short, a little smaller than the charts' text."""
    axis = QBarCategoryAxis()
    axis.append(names or ["–"])
    axis.setTruncateLabels(False)  # Qt otherwise cuts names to "..." though they fit
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    axis.setLabelsFont(font)
    return axis


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class DashboardView(QWidget):
    """Figures and charts of the event's arrivals today.

    Signals:
        refreshed(object): the ArrivalSummary now on show.
    """

    refreshed = Signal(object)

    def __init__(self, desk: Desk, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.summary: ArrivalSummary | None = None
        self._running = False
        self._again = False
        self.timezone = desk.event().timezone

        self.figures = {
            key: _Figure(key) for key in
            ("expected", "arrived", "arrived_today", "inside_now", "badges_printed",
             "print_queue")
        }
        tiles = QGridLayout()
        for position, tile in enumerate(self.figures.values()):
            tiles.addWidget(tile, 0, position)

        self.arrivals_view, self.arrivals_chart = _chart_view("arrivalsChart")
        self.category_view, self.category_chart = _chart_view("categoryChart")
        self.checkpoint_view, self.checkpoint_chart = _chart_view("checkpointChart")
        self.jobs_view, self.jobs_chart = _chart_view("printJobsChart")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.stamp = QLabel()
        self.stamp.setStyleSheet("color: #607d8b;")

        # The day's arrivals across the top; the three breakdowns side by side below, each wide
        # enough for its axis labels and legend.
        charts = QGridLayout()
        charts.addWidget(self.arrivals_view, 0, 0, 1, 3)
        charts.addWidget(self.category_view, 1, 0)
        charts.addWidget(self.checkpoint_view, 1, 1)
        charts.addWidget(self.jobs_view, 1, 2)
        for column in range(3):
            charts.setColumnStretch(column, 1)
        charts.setRowStretch(0, 1)  # the breakdowns as tall as the arrivals: every name fits
        charts.setRowStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tiles)
        layout.addLayout(charts, 1)
        layout.addWidget(self.stamp)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    # Refreshing -----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Count again on a worker; one refresh at a time, a second request folded in."""
        if self._running:
            self._again = True
            return
        self._running = True
        self.tasks.run(self.desk.summary, on_done=self._show, on_error=self._failed, owner=self)

    def _finished(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        log.warning("dashboard refresh failed: %s", error)
        self.stamp.setText(self.tr("Could not count the arrivals: %1").replace(
            "%1", describe_error(error)))
        self._finished()

    def _show(self, summary: ArrivalSummary) -> None:
        self.summary = summary
        self._draw()
        self._finished()
        self.refreshed.emit(summary)

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # Drawing --------------------------------------------------------------------------------

    def _draw(self) -> None:
        summary = self.summary
        if summary is None:
            return
        jobs = summary.print_jobs
        waiting = sum(jobs.get(s.value, 0) for s in
                      (PrintJobState.QUEUED, PrintJobState.PRINTING, PrintJobState.HELD))
        values = {
            "expected": summary.expected, "arrived": summary.arrived,
            "arrived_today": summary.arrived_today, "inside_now": summary.inside_now,
            "badges_printed": summary.badges_printed, "print_queue": waiting,
        }
        for key, tile in self.figures.items():
            tile.value.setText(f"{values[key]:,}")
        held = jobs.get(PrintJobState.HELD.value, 0)
        self.figures["print_queue"].value.setStyleSheet(
            "font-size: 30px; font-weight: bold; color: %s;" % ("#b71c1c" if held else "#0d47a1"))
        self.title.setText(self.tr("Arrivals on %1").replace("%1", summary.day.isoformat()))
        self.stamp.setText(self.tr("Counted at %1; updates every %2 seconds.")
                           .replace("%1", labels.local_time(
                               summary.counted_at or dt.datetime.now(dt.UTC), self.timezone,
                               with_date=False))
                           .replace("%2", str(REFRESH_MS // 1000)))
        self._draw_arrivals(summary)
        self._draw_categories(summary)
        self._draw_checkpoints(summary)
        self._draw_jobs(summary)

    def _draw_arrivals(self, summary: ArrivalSummary) -> None:
        chart = self.arrivals_chart
        _clear(chart)
        chart.setTitle(self.tr("First arrivals per 15 minutes"))
        now_local = dt.datetime.now(dt.UTC).astimezone(
            summary.per_quarter_hour[0][0].tzinfo) if summary.per_quarter_hour else None
        buckets = quarter_hours(summary.per_quarter_hour, now_local)
        arrivals = QBarSet(self.tr("Guests"))
        arrivals.setColor(QColor("#1e88e5"))
        arrivals.append([float(count) for _, count in buckets])
        series = QBarSeries()
        series.append(arrivals)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([moment.strftime("%H:%M") for moment, _ in buckets] or ["–"])
        axis_x.setLabelsAngle(-60 if len(buckets) > 12 else 0)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([count for _, count in buckets] + [4]))  # whole numbers
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().hide()

    def _draw_categories(self, summary: ArrivalSummary) -> None:
        rows = summary.by_category
        _draw_bar_pairs(
            self.category_chart, self.tr("Checked in and expected, by category"),
            [labels.category(f.category) for f in rows],
            (self.tr("Expected"), "#b0bec5", [f.expected for f in rows]),
            (self.tr("Checked in"), "#43a047", [f.arrived for f in rows]),
        )

    def _draw_checkpoints(self, summary: ArrivalSummary) -> None:
        rows = summary.by_checkpoint
        _draw_bar_pairs(
            self.checkpoint_chart, self.tr("Today at each checkpoint"),
            [labels.place(f.checkpoint, f.checkpoint_local) for f in rows],
            (self.tr("Guests passed"), "#43a047", [f.guests_today for f in rows]),
            (self.tr("Refused scans"), "#e53935", [f.refused_today for f in rows]),
        )

    def _draw_jobs(self, summary: ArrivalSummary) -> None:
        chart = self.jobs_chart
        _clear(chart)
        chart.setTitle(self.tr("Print jobs"))
        names = {
            PrintJobState.QUEUED.value: (self.tr("Waiting"), "#90a4ae"),
            PrintJobState.PRINTING.value: (self.tr("Printing"), "#1e88e5"),
            PrintJobState.HELD.value: (self.tr("Held: printer problem"), "#e53935"),
            PrintJobState.DONE.value: (self.tr("Printed"), "#43a047"),
            PrintJobState.FAILED.value: (self.tr("Failed"), "#8e24aa"),
            PrintJobState.CANCELLED.value: (self.tr("Cancelled"), "#bdbdbd"),
        }
        series = QPieSeries()
        for state, count in sorted(summary.print_jobs.items()):
            if not count:
                continue
            words, colour = names.get(state, (state, "#607d8b"))
            piece = series.append(f"{words}: {count}", float(count))
            piece.setColor(QColor(colour))
        chart.addSeries(series)
        chart.legend().show()
        if not summary.print_jobs:
            chart.setTitle(self.tr("Print jobs: none yet"))

    # Language -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {
            "expected": self.tr("Expected"), "arrived": self.tr("Arrived (all days)"),
            "arrived_today": self.tr("Arrived today"), "inside_now": self.tr("Inside now"),
            "badges_printed": self.tr("Badges printed"),
            "print_queue": self.tr("Print jobs waiting"),
        }
        for key, tile in self.figures.items():
            tile.caption.setText(captions[key])
        if self.summary is None:
            self.title.setText(self.tr("Arrivals"))
        self._draw()


def _draw_bar_pairs(
    chart: QChart, title: str, names: list[str],
    first: tuple[str, str, list[int]], second: tuple[str, str, list[int]],
) -> None:
    """Two figures per named row as bars lying down, the names on the left: a name is never
    cut to "Exhib..." or "参展..."."""
    _clear(chart)
    chart.setTitle(title)
    series = QHorizontalBarSeries()
    for label, colour, values in (first, second):
        bars = QBarSet(label)
        bars.setColor(QColor(colour))
        for value in values:
            bars.append(float(value))
        series.append(bars)
    chart.addSeries(series)
    axis_y = _names_axis(names)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d")
    axis_x.setRange(0, max([*first[2], *second[2], 4]))  # whole numbers
    axis_x.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    chart.legend().show()
