"""The import wizard (pick a file, see and change the columns, see the bad rows, import with a
progress bar) and the exports."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.models import Guest
from tests.ui.desk_helpers import add_guest, open_form
from ui.desk.import_wizard import ImportWizard

pytest_plugins = ["tests.ui.desk_support"]

LIST = (
    "姓名,英文名,单位,邮箱,类别,备用单位\n"
    "王芳,Wang Fang,清华大学,wang.fang@tsinghua.edu.cn,嘉宾,Tsinghua University\n"
    "李娜,Li Na,北京大学,li.na@pku,VIP,Peking University\n"
    ",Nobody,无名公司,nobody@example.com,嘉宾,Nameless Ltd\n"
    "Jürgen Müller,,Siemens AG,juergen.mueller@siemens.com,Speaker,Siemens\n"
)


def write_list(folder: Path) -> Path:
    path = folder / "guests.csv"
    path.write_bytes(LIST.encode("utf-8-sig"))
    return path


def open_wizard(qtbot: QtBot, window) -> ImportWizard:
    window.import_action.trigger()
    wizard = open_form(qtbot, window)
    assert isinstance(wizard, ImportWizard)
    return wizard


def guest_count(database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Guest)) or 0


def test_the_wizard_shows_columns_and_bad_rows_then_imports_the_good_ones(
    qtbot: QtBot, window, database, tmp_path: Path,
) -> None:
    wizard = open_wizard(qtbot, window)
    wizard.file_page.path.setText(str(write_list(tmp_path)))
    with qtbot.waitSignal(wizard.planned, timeout=5000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=3000)
    page = wizard.columns_page
    assert page.combos["name"].currentText() == "A: 姓名"
    assert page.combos["company"].currentText() == "C: 单位"
    assert page.combos["email"].currentText() == "D: 邮箱"
    assert "2 new" in page.outcome.text() and "2 rows refused" in page.outcome.text()
    problems = {page.bad_rows.item(r, 0).text(): page.bad_rows.item(r, 2).text()
                for r in range(page.bad_rows.rowCount())}
    assert problems == {"3": "Not an e-mail address", "4": "No name"}
    assert guest_count(database) == 0  # nothing stored while checking

    # The companies in English instead: change the column, check again, then import.
    page.combos["company"].setCurrentIndex(page.combos["company"].findText("F: 备用单位"))
    assert not page.isComplete()  # changed columns must be checked before importing
    with qtbot.waitSignal(wizard.planned, timeout=5000):
        page.recheck.click()
    assert page.isComplete()
    with qtbot.waitSignal(wizard.imported, timeout=5000) as done:
        wizard.next()
    report = done.args[0]
    assert (report.new, report.rejected) == (2, 2)
    assert wizard.run_page.progress.value() == wizard.run_page.progress.maximum()
    assert "2 new" in wizard.run_page.result.text()
    with database.session() as session:
        companies = set(session.scalars(select(Guest.company)))
    assert companies == {"Tsinghua University", "Siemens"}  # from the column chosen


def test_a_file_that_is_not_a_guest_list_is_refused_on_the_first_page(
    qtbot: QtBot, window, tmp_path: Path,
) -> None:
    wizard = open_wizard(qtbot, window)
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04 not a list")
    wizard.file_page.path.setText(str(bad))
    with qtbot.waitSignal(wizard.failed, timeout=5000):
        wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "not a guest list" in wizard.file_page.error.text()


def test_exports_write_guests_and_check_ins_for_excel(
    qtbot: QtBot, window, desk, database, event, tmp_path: Path,
) -> None:
    guest = add_guest(database, event, "王芳", "Wang Fang")
    desk.check_in(guest.uid)
    target = tmp_path / "checkins.csv"
    with qtbot.waitSignal(window.exported, timeout=5000) as done:
        window.export_to("checkins", target)
    assert done.args[0].rows == 1
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert any("王芳" in row for row in rows[1:])
    guests = tmp_path / "guests.csv"
    with qtbot.waitSignal(window.exported, timeout=5000):
        window.export_to("guests", guests)
    assert "王芳" in guests.read_text(encoding="utf-8-sig")
    assert "guests.csv" in window.statusBar().currentMessage()


def test_the_progress_bar_follows_the_import_to_the_end(
    qtbot: QtBot, window, database, tmp_path: Path,
) -> None:
    path = tmp_path / "big.csv"
    lines = ["name,email"] + [f"Guest {n},guest{n}@example.org" for n in range(2500)]
    path.write_text("\n".join(lines), encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    wizard.file_page.path.setText(str(path))
    with qtbot.waitSignal(wizard.planned, timeout=10_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=3000)
    seen: list[int] = []
    wizard.progressed.connect(seen.append)
    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        wizard.next()
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 100
    assert any(0 < percent < 80 for percent in seen)  # rows read, step by step
    assert 90 in seen  # stored, then made searchable
    bar = wizard.run_page.progress
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 100, 100)
    assert guest_count(database) == 2500
