"""An acknowledged check-in survives the process being killed at any moment (SIGKILL)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import events
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.models import Event, Guest, Scan, utc_now

ROUNDS = 12
GUESTS = 3000

# The child scans guests one after another and prints each scan id only after Gate.scan has
# returned, i.e. after the verdict would have been shown to the guest.
CHILD = r"""
import sys
from pathlib import Path
from kiosk.checkin import Gate
from kiosk.db import Database
data_dir, codes_file, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
codes = codes_file.read_text().split()
gate = Gate(Database.open(data_dir), "Main entrance")
print("ready", flush=True)
for code in codes[start:]:
    verdict = gate.scan(code)
    print(verdict.scan_id, verdict.reason.value, flush=True)
"""


@pytest.mark.slow
def test_every_acknowledged_checkin_survives_sigkill(
    data_dir: Path, database: Database, event: Event, tmp_path: Path
) -> None:
    with database.session() as session:
        forum = events.current_event(session)
        guests = [
            Guest(event_id=forum.id, number=events.allocate_guest_number(session, forum),
                  name=f"Guest {i}", category=Category.GUEST.value)
            for i in range(GUESTS)
        ]
        session.add_all(guests)
        session.flush()
        codes = [events.credential_for(forum, g) for g in guests]
    codes_file = tmp_path / "codes.txt"
    codes_file.write_text("\n".join(codes))
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    # The event's first day at 09:30 in Beijing is in the past or future of the real clock; the
    # child uses the real clock, so widen the event to include today.
    with database.session() as session:
        forum = events.current_event(session)
        today = events.local_date(forum, utc_now())
        forum.starts_on, forum.ends_on = min(forum.starts_on, today), max(forum.ends_on, today)

    rng = random.Random(7)
    acknowledged: dict[str, str] = {}
    start = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(data_dir), str(codes_file), str(start)],
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        lines: list[str] = []
        reader = threading.Thread(target=lines.extend, args=(child.stdout,), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)
        child.stdout.close()
        # Only complete lines were acknowledged: a line cut by the kill was not shown yet.
        round_acks = [line.split() for line in lines if line.endswith("\n") and line.strip()]
        for scan_id, reason in round_acks:
            acknowledged[scan_id] = reason
        start += len(round_acks) + 1  # skip a guest possibly scanned but not acknowledged

    assert len(acknowledged) > ROUNDS  # the loop really ran
    reopened = Database.open(data_dir)
    with reopened.session() as session:
        stored = {row.id: row.reason for row in session.execute(select(Scan.id, Scan.reason))}
    reopened.close()
    missing = [scan_id for scan_id in acknowledged if scan_id not in stored]
    assert not missing, f"{len(missing)} acknowledged check-ins lost"
    assert all(stored[s] == r for s, r in acknowledged.items())
    assert set(acknowledged.values()) == {"admitted"}
