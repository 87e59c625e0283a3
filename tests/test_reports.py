"""Arrival figures: expected versus arrived, per checkpoint, per quarter hour, inside now."""

from __future__ import annotations

import datetime as dt

from kiosk import events
from kiosk.checkin import Gate
from kiosk.domain import Category
from kiosk.reports import arrival_summary
from tests.test_checkin import add_guest, credential


def test_summary_counts_distinct_arrivals_and_people_inside(database, event, clock) -> None:
    main = Gate(database, "Main entrance", clock=clock)
    hall = Gate(database, "Exhibition hall", clock=clock)
    exit_ = Gate(database, "Exit", clock=clock)
    zhang = add_guest(database, event, "张伟")
    anna = add_guest(database, event, "Anna Müller", category=Category.SPEAKER.value)
    add_guest(database, event, "Not Coming", category=Category.SPEAKER.value)
    add_guest(database, event, "Cancelled", is_cancelled=True)

    main.scan(credential(database, zhang))  # 09:30 local
    clock.advance(minutes=20)  # 09:50
    main.scan(credential(database, anna))
    hall.scan(credential(database, anna))
    clock.advance(minutes=1)
    main.scan("not a code")
    exit_.scan(credential(database, zhang))
    undone = hall.scan(credential(database, zhang))
    hall.undo(undone.scan_id, "mistake", "desk")

    with database.session() as session:
        summary = arrival_summary(session, events.current_event(session), clock())
    assert summary.day == dt.date(2026, 12, 7)
    assert (summary.expected, summary.arrived, summary.arrived_today) == (3, 2, 2)
    assert summary.inside_now == 1  # Anna (main entrance, then the hall); Zhang went out
    figures = {c.category: (c.arrived, c.expected) for c in summary.by_category}
    assert figures == {"guest": (1, 1), "speaker": (1, 2)}
    checkpoints = {c.checkpoint: c for c in summary.by_checkpoint}
    assert checkpoints["Main entrance"].guests_today == 2
    assert checkpoints["Main entrance"].refused_today == 1
    assert checkpoints["Exhibition hall"].scans_today == 1  # the undone one no longer counts
    assert checkpoints["Exit"].scans_today == 1
    quarters = [(t.strftime("%H:%M"), n) for t, n in summary.per_quarter_hour]
    assert quarters == [("09:30", 1), ("09:45", 1)]


def test_summary_of_a_new_event_is_all_zero(database, event, clock) -> None:
    with database.session() as session:
        summary = arrival_summary(session, events.current_event(session), clock())
    assert summary.arrived == summary.inside_now == summary.badges_printed == 0
    assert summary.per_quarter_hour == []
