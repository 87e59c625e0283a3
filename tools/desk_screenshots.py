"""Screenshots of the staff desk, in English and Chinese, from the real window.

    xvfb-run -a -s "-screen 0 1440x900x24" python tools/desk_screenshots.py [--out docs/screenshots]
    (or: python tools/screenshots.py --desk)

Builds the demo forum (``kiosk.demo``, 5,000 guests) in a temporary data folder, with the clock on
the forum's second day at 11:40 in Beijing; scans 400 guests at the five checkpoints between 08:30
and 11:35 (a morning rush, some refused), prints some badges to a folder printer and leaves a few
jobs held on a printer that is not there. Then it opens the desk window over the whole X screen
and drives it as staff do (typing into the search, clicking rows and buttons, filling forms),
grabbing the whole screen after each step so the forms on top are in the picture too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402
from sqlalchemy import select  # noqa: E402

from kiosk import events  # noqa: E402
from kiosk.checkin import Gate  # noqa: E402
from kiosk.db import Database  # noqa: E402
from kiosk.demo import CHECKPOINTS, build_demo  # noqa: E402
from kiosk.desk import Desk  # noqa: E402
from kiosk.domain import Category, PrintReason  # noqa: E402
from kiosk.models import Event, Guest  # noqa: E402
from tools.screenshots import CUPS_PRINTER, Shooter, settle, wait_until  # noqa: E402
from ui.app import KioskApp  # noqa: E402
from ui.desk.guest_detail import Action  # noqa: E402
from ui.desk.settings import LANGUAGE, OPERATOR, DeskSettings  # noqa: E402
from ui.desk.window import DeskWindow  # noqa: E402
from ui.translations import Language  # noqa: E402

NOW = dt.datetime(2026, 12, 8, 3, 40, tzinfo=dt.UTC)  # 11:40 in Beijing, day two
RUSH_START = dt.datetime(2026, 12, 8, 0, 30, tzinfo=dt.UTC)  # 08:30 in Beijing
SCANS = 400
STAFF = "Li Na"

# A guest list from another registration system, with rows the import refuses.
IMPORT_LIST = (
    "姓名,英文名,单位,邮箱,类别,电话\n"
    "王芳,Wang Fang,清华大学,wang.fang@tsinghua.edu.cn,嘉宾,+86 138 0000 1111\n"
    "李娜,Li Na,北京大学,li.na@pku,VIP,+86 139 0000 2222\n"
    ",Nobody,无名公司,nobody@example.com,嘉宾,\n"
    "Jürgen Müller,,Siemens AG,juergen.mueller@siemens.com,Speaker,+49 89 636 00\n"
    "Ольга Смирнова,Olga Smirnova,ТАСС,olga.smirnova@tass.ru,Media,+7 495 609 9999\n"
    "陈晨,Chen Chen,中国科学院,chen.chen@cas.cn,Alien,\n"
    "Aiko Tanaka,,Toyota Motor,aiko.tanaka@toyota,Guest,\n"
)


class Clock:
    """A clock the scans set; the desk reads it as now."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def build_forum(folder: Path, tray: Path) -> tuple[Database, Clock]:
    """The demo forum with a morning of arrivals, badges printed and a few held."""
    database = Database.open(folder / "data")
    with database.session() as session:
        build_demo(session)
    clock = Clock(RUSH_START)
    gates = {name: Gate(database, name, clock=clock, operator="kiosk")
             for name, _local, _rules in CHECKPOINTS}
    rng = random.Random(8)
    with database.session() as session:
        event = events.current_event(session)
        guests = list(session.scalars(select(Guest).where(Guest.event_id == event.id,
                                                          Guest.number > 20)))
        codes = [(g.category, events.credential_for(event, g)) for g in
                 rng.sample(guests, SCANS)]
    # A morning rush: most between 08:45 and 10:00, a trickle until 11:35.
    moments = sorted(RUSH_START + dt.timedelta(minutes=min(185.0, abs(rng.gauss(55, 40))))
                     for _ in codes)
    for (category, code), moment in zip(codes, moments, strict=True):
        clock.moment = moment
        gates["Main entrance"].scan(code)
        if rng.random() < 0.35:
            clock.moment = moment + dt.timedelta(minutes=rng.randint(5, 40))
            gates["Exhibition hall"].scan(code)
        if category in (Category.VIP.value, Category.SPEAKER.value) or rng.random() < 0.03:
            gates["VIP lounge"].scan(code)  # some guests try the lounge: refused
        if category == Category.MEDIA.value:
            gates["Press room"].scan(code)
        if rng.random() < 0.08:
            clock.moment = moment + dt.timedelta(minutes=rng.randint(30, 90))
            gates["Exit"].scan(code)
    for forged in range(6):
        gates["Main entrance"].scan(f"EXT-2026-{forged:06d}")
    clock.moment = NOW
    # Badges: most printed at the desk's printer, three held on a printer that is unplugged.
    desk = Desk(database, operator=STAFF, checkpoint_name="Main entrance", clock=clock,
                spool_dir=folder / "spool", printer=f"folder:{tray}")
    with database.session() as session:
        first = list(session.scalars(select(Guest.uid).where(Guest.number <= 12)
                                     .order_by(Guest.number)))
    for uid in first:
        desk.request_print(uid, PrintReason.FIRST.value, None)
    desk.process_print_jobs()
    unplugged = Desk(database, operator=STAFF, checkpoint_name="Main entrance", clock=clock,
                     spool_dir=folder / "spool", printer=f"folder:{folder / 'unplugged'}")
    with database.session() as session:
        later = list(session.scalars(select(Guest.uid).where(Guest.number.between(13, 15))))
    for uid in later:
        unplugged.request_print(uid, PrintReason.FIRST.value, None)
    unplugged.process_print_jobs()
    # The guest of the detail shots came to the desk at 09:05 and left a note.
    uid, _name = the_guest(database)
    clock.moment = RUSH_START + dt.timedelta(minutes=35)
    desk.check_in(uid)
    clock.moment += dt.timedelta(minutes=2)
    desk.add_note(uid, "Interpreter booked for the afternoon panel (Hall B, 14:00).")
    clock.moment = NOW
    return database, clock


def the_guest(database: Database) -> tuple[str, str]:
    """The guest the detail shots show: checked in this morning, badge printed, with a note."""
    with database.session() as session:
        event = session.scalars(select(Event)).one()
        guest = session.scalars(select(Guest).where(Guest.event_id == event.id,
                                                    Guest.number == 2)).one()
        return guest.uid, guest.name_latin or guest.name


def open_dialog(window: DeskWindow, holder: object) -> QDialog:
    wait_until(lambda: isinstance(getattr(holder, "dialog", None), QDialog))
    dialog = holder.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, QDialog)
    settle(300)
    return dialog


def close(dialog: QDialog) -> None:
    dialog.reject()
    settle(200)


def shoot_desk(app: KioskApp, database: Database, clock: Clock, folder: Path, tray: Path,
               language: Language, shoot: Shooter) -> None:
    suffix = "en" if language is Language.ENGLISH else "zh"
    settings = DeskSettings(folder / f"desk-{suffix}.ini")
    settings.put(LANGUAGE, language.value)
    settings.put(OPERATOR, STAFF)
    app.translations.use(language)
    # The CUPS PDF printer when there is one (as a desk's printer is named), else the folder.
    printer = f"folder:{tray}"
    if subprocess.run(["lpstat", "-p", CUPS_PRINTER], capture_output=True).returncode == 0:
        printer = f"cups:{CUPS_PRINTER}"
    desk = Desk(database, operator=STAFF, checkpoint_name="Main entrance", clock=clock,
                spool_dir=folder / "spool", printer=printer)
    window = DeskWindow(app, desk, settings)
    window.setGeometry(QApplication.primaryScreen().geometry())
    window.show()
    wait_until(lambda: window.search.is_idle and window.model.rowCount() > 0 and window.is_warm)
    window.activateWindow()
    settle(400)

    # Find as you type: pinyin of a common surname and a given name's start.
    QTest.keyClicks(window.search_field, "zhang y")
    wait_until(lambda: window.search.is_idle and window.search.query == "zhang y")
    shoot(f"desk-search-{suffix}")

    # The guest: details, history, badge preview as it prints.
    uid, name = the_guest(database)
    window.search_field.clear()
    QTest.keyClicks(window.search_field, name)
    wait_until(lambda: window.search.is_idle and window.model.position_of(uid) is not None)
    shown: list[str] = []
    window.preview_shown.connect(shown.append)
    position = window.model.position_of(uid)
    assert position is not None
    window.table.selectRow(position)
    wait_until(lambda: uid in shown)
    shoot(f"desk-guest-{suffix}")

    # Reprint with a reason.
    QTest.mouseClick(window.detail.buttons[Action.REPRINT], Qt.MouseButton.LeftButton)
    form = open_dialog(window, window.guest_actions)
    form.choice.setCurrentIndex(form.choice.findData(PrintReason.DAMAGED.value))  # type: ignore[attr-defined]
    form.text.setText("Badge holder tore" if language is Language.ENGLISH  # type: ignore[attr-defined]
                      else "证件夹破损")
    shoot(f"desk-reprint-{suffix}")
    close(form)

    # Correct the company and reprint.
    QTest.mouseClick(window.detail.buttons[Action.CORRECT], Qt.MouseButton.LeftButton)
    form = open_dialog(window, window.guest_actions)
    company = form.inputs["company"]  # type: ignore[attr-defined]
    company.setText("NHK World-Japan")
    shoot(f"desk-correct-{suffix}")
    close(form)

    # A walk-in, filled in.
    window.walk_in_action.trigger()
    form = open_dialog(window, window)
    form.inputs["name"].setText("Ольга Смирнова")  # type: ignore[attr-defined]
    form.inputs["name_latin"].setText("Olga Smirnova")  # type: ignore[attr-defined]
    form.inputs["company"].setText("ТАСС")  # type: ignore[attr-defined]
    category = form.category  # type: ignore[attr-defined]
    category.setCurrentIndex(category.findData(Category.MEDIA.value))
    shoot(f"desk-walk-in-{suffix}")
    close(form)

    # The import wizard on its columns page, with the rows it would refuse.
    listing = folder / "registrations.csv"
    listing.write_bytes(IMPORT_LIST.encode("utf-8-sig"))
    window.import_action.trigger()
    wizard = open_dialog(window, window)
    planned: list[object] = []
    wizard.planned.connect(planned.append)  # type: ignore[attr-defined]
    wizard.file_page.path.setText(str(listing))  # type: ignore[attr-defined]
    wizard.next()  # type: ignore[attr-defined]
    wait_until(lambda: bool(planned)
               and wizard.currentPage() is wizard.columns_page)  # type: ignore[attr-defined]
    shoot(f"desk-import-{suffix}", settle_ms=500)
    close(wizard)

    # Settings.
    window.settings_action.trigger()
    form = open_dialog(window, window)
    shoot(f"desk-settings-{suffix}")
    close(form)

    # The arrivals dashboard.
    refreshed: list[object] = []
    window.dashboard.refreshed.connect(refreshed.append)
    window.tabs.setCurrentWidget(window.dashboard)
    wait_until(lambda: bool(refreshed))
    shoot(f"desk-dashboard-{suffix}", settle_ms=500)

    window.printing.timer.stop()
    window.close()
    window.deleteLater()
    settle(200)


def run(out: Path, languages: tuple[Language, ...] = (Language.ENGLISH, Language.CHINESE)) -> (
    list[Path]
):
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    tray = folder / "tray"
    tray.mkdir()
    app = KioskApp.create(sys.argv[:1])
    database, clock = build_forum(folder, tray)
    shoot = Shooter(out)
    for language in languages:
        print(f"{language.switch_label}:")
        shoot_desk(app, database, clock, folder, tray, language, shoot)
    app.translations.use(Language.ENGLISH)
    app.close()
    database.close()
    return shoot.taken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=["en", "zh", "both"], default="both")
    args = parser.parse_args()
    languages = {"en": (Language.ENGLISH,), "zh": (Language.CHINESE,),
                 "both": (Language.ENGLISH, Language.CHINESE)}[args.language]
    taken = run(args.out, languages)
    print(f"{len(taken)} screenshots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
