"""Checkpoint rules as people type them: valid values set, bad ones refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk import events
from kiosk.checkpoints import RuleChange, define_checkpoint
from kiosk.errors import ConflictError, UsageError


def test_add_checkpoint_with_every_rule(database, event) -> None:
    with database.session() as session:
        forum = events.current_event(session)
        gate = define_checkpoint(session, forum, "  East   gate ", RuleChange(
            name_local="东门", categories="VIP, speaker", days="1,2026-12-09", policy="daily",
            direction="in", hours="08:00-18:30",
        ), create=True)
        assert gate.name == "East gate"
        assert gate.allowed_categories == ["speaker", "vip"]
        assert gate.allowed_days == ["2026-12-07", "2026-12-09"]
        assert gate.entry_policy == "daily"
        assert (gate.opens_at, gate.closes_at) == (dt.time(8), dt.time(18, 30))


@pytest.mark.parametrize(("change", "message"), [
    (RuleChange(categories="vip,astronaut"), "unknown category: astronaut"),
    (RuleChange(days="9"), "day 9 is not a day of the event"),
    (RuleChange(days="2027-01-01"), "outside the event"),
    (RuleChange(days="tuesday"), "'tuesday' is not a date"),
    (RuleChange(policy="twice"), "unknown entry policy"),
    (RuleChange(direction="sideways"), "unknown direction"),
    (RuleChange(hours="18:00-08:00"), "closes"),
    (RuleChange(hours="nine to five"), "not a range of hours"),
])
def test_bad_rule_values_say_what_is_wrong_and_change_nothing(database, event, change, message):
    with database.session() as session:
        forum = events.current_event(session)
        with pytest.raises(UsageError, match=message):
            define_checkpoint(session, forum, "Main entrance", change, create=False)
        main = define_checkpoint(session, forum, "Main entrance", RuleChange(), create=False)
        assert main.entry_policy == "single" and main.allowed_categories is None


def test_adding_an_existing_checkpoint_is_a_conflict_and_all_clears_a_rule(database, event):
    with database.session() as session:
        forum = events.current_event(session)
        with pytest.raises(ConflictError):
            define_checkpoint(session, forum, "VIP lounge", RuleChange(), create=True)
        lounge = define_checkpoint(
            session, forum, "贵宾室", RuleChange(categories="all"), create=False
        )
        assert lounge.name == "VIP lounge" and lounge.allowed_categories is None
