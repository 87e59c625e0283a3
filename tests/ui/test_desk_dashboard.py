"""The arrivals dashboard: figures and charts from kiosk.reports, counted off the GUI thread,
refreshed as scans happen, never more than one count at a time."""

from __future__ import annotations

import datetime as dt
import threading
import time

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalBarSeries, QPieSeries
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.checkin import Gate
from kiosk.desk import Desk
from kiosk.domain import Category
from kiosk.reports import ArrivalSummary
from tests.conftest import FixedClock
from tests.ui.desk_helpers import add_guest
from ui.desk.dashboard import DashboardView, quarter_hours
from ui.tasks import Tasks

pytest_plugins = ["tests.ui.desk_support"]


def show_dashboard(qtbot: QtBot, window) -> DashboardView:
    with qtbot.waitSignal(window.dashboard.refreshed, timeout=3000):
        window.tabs.setCurrentWidget(window.dashboard)
    return window.dashboard


def test_figures_and_charts_show_the_days_arrivals(
    qtbot: QtBot, window, database, event, clock: FixedClock,
) -> None:
    passes = [add_guest(database, event, f"Guest {n}", category=Category.GUEST.value)
              for n in range(3)]
    vip = add_guest(database, event, "贵宾", category=Category.VIP.value)
    gate = Gate(database, "Main entrance", clock=clock)
    gate.scan(passes[0].credential)  # 09:30
    clock.advance(minutes=35)
    gate.scan(passes[1].credential)  # 10:05
    gate.scan(vip.credential)
    gate.scan("FORGED-CODE-1234")
    dashboard = show_dashboard(qtbot, window)
    summary = dashboard.summary
    assert summary is not None and summary.arrived == 3
    assert dashboard.figures["expected"].value.text() == "4"
    assert dashboard.figures["arrived_today"].value.text() == "3"
    assert dashboard.figures["inside_now"].value.text() == "3"

    [arrivals] = dashboard.arrivals_chart.series()
    assert isinstance(arrivals, QBarSeries)
    counts = [arrivals.barSets()[0].at(i) for i in range(arrivals.barSets()[0].count())]
    assert counts == [1.0, 0.0, 2.0]  # the empty quarter hour is drawn, as zero
    [axis] = [a for a in dashboard.arrivals_chart.axes() if isinstance(a, QBarCategoryAxis)]
    assert axis.categories() == ["09:30", "09:45", "10:00"]  # the venue's clock

    [by_category] = dashboard.category_chart.series()
    expected, arrived = by_category.barSets()  # type: ignore[attr-defined]
    assert [expected.at(i) for i in range(expected.count())] == [3.0, 1.0]  # guest, vip
    assert [arrived.at(i) for i in range(arrived.count())] == [2.0, 1.0]

    [by_checkpoint] = dashboard.checkpoint_chart.series()
    assert isinstance(by_checkpoint, QHorizontalBarSeries)
    passed, refused = by_checkpoint.barSets()
    assert passed.at(0) == 3.0 and refused.at(0) == 1.0  # Main entrance is the first


def test_the_print_queue_chart_counts_jobs_by_state(qtbot: QtBot, window, database, event):
    guest = add_guest(database, event, "张伟")
    window.desk.request_print(guest.uid, "first", None)  # queued, not yet sent
    dashboard = show_dashboard(qtbot, window)
    [jobs] = dashboard.jobs_chart.series()
    assert isinstance(jobs, QPieSeries)
    assert [(piece.label(), piece.value()) for piece in jobs.slices()] == [("Waiting: 1", 1.0)]
    assert dashboard.figures["print_queue"].value.text() == "1"
    assert dashboard.figures["badges_printed"].value.text() == "0"

    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        window.printing.kick()  # the pass prints it; the window refreshes the dashboard
    [jobs] = dashboard.jobs_chart.series()
    assert [(piece.label(), piece.value()) for piece in jobs.slices()] == [("Printed: 1", 1.0)]
    assert dashboard.figures["print_queue"].value.text() == "0"
    assert dashboard.figures["badges_printed"].value.text() == "1"


def test_a_desk_check_in_refreshes_the_dashboard(qtbot: QtBot, window, database, event) -> None:
    guest = add_guest(database, event, "张伟")
    dashboard = show_dashboard(qtbot, window)
    assert dashboard.figures["arrived"].value.text() == "0"
    with qtbot.waitSignal(dashboard.refreshed, timeout=3000):
        window.desk.check_in(guest.uid)
        window.guest_changed(guest.uid)
    assert dashboard.figures["arrived"].value.text() == "1"


def test_quarter_hours_fill_the_gaps_with_zero() -> None:
    zone = dt.timezone(dt.timedelta(hours=8))
    at = dt.datetime(2026, 12, 7, 9, 0, tzinfo=zone)
    filled = quarter_hours([(at, 2), (at + dt.timedelta(hours=1), 1)])
    assert [count for _, count in filled] == [2, 0, 0, 0, 1]


COUNT_SECONDS = 0.5  # how long the counting desk takes to count


class CountingDesk:
    """Counts on a worker, slowly, noting its threads and how many counts overlap."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.threads: list[threading.Thread] = []
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def summary(self) -> ArrivalSummary:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        self.threads.append(threading.current_thread())
        time.sleep(COUNT_SECONDS)
        try:
            return self.desk.summary()
        finally:
            with self.lock:
                self.running -= 1

    def event(self):  # type: ignore[no-untyped-def]
        return self.desk.event()


def test_counting_runs_off_the_gui_thread_one_at_a_time_and_the_gui_keeps_answering(
    qtbot: QtBot, qapp: QApplication, desk,
) -> None:
    tasks = Tasks()
    counting = CountingDesk(desk)
    view = DashboardView(counting, tasks)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    shown: list[ArrivalSummary] = []
    view.refreshed.connect(shown.append)
    turns_while_counting = 0
    for _ in range(5):
        view.refresh()  # asked again while counting: folded into one more count
    deadline = time.perf_counter() + 6
    while len(shown) < 2 and time.perf_counter() < deadline:
        qapp.processEvents()
        if counting.running:
            turns_while_counting += 1
        time.sleep(0.005)
    tasks.wait()
    qapp.processEvents()
    assert len(shown) == 2 and counting.most == 1
    assert all(t is not threading.main_thread() for t in counting.threads)
    # The GUI's event loop went round while a count ran (a count on the GUI thread would hold
    # it for all of COUNT_SECONDS: no turn at all). Counted in turns, not timed: a loaded
    # machine stretches single turns, which says nothing about where the count runs.
    assert turns_while_counting >= 10
    tasks.deleteLater()
