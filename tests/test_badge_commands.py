"""`kiosk badge`, `kiosk print`, `kiosk printers` and `kiosk print-queue`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from kiosk import cli
from kiosk.badges.preview import preview_png
from kiosk.db import Database
from kiosk.models import Event
from tests.badge_helpers import add_guest, page_texts


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cli, "COMMAND_MODULES", ["badges"])

    def invoke(*args: str) -> tuple[int, str, str]:
        status = cli.main([*args, "--data-dir", str(data_dir)])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


@pytest.fixture
def guests(database: Database, event: Event) -> list[int]:
    return [
        add_guest(database, event, "张伟", name_latin="Zhang Wei", category="vip"),
        add_guest(database, event, "محمد علي", category="speaker"),
        add_guest(database, event, "Zoë Dupont", category="vip", is_cancelled=True),
        add_guest(database, event, "Анна", category="media"),
    ]


def test_badge_writes_a_pdf_for_guests_all_or_a_category(run, guests: list[int],  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    target = tmp_path / "two.pdf"
    status, out, err = run("badge", str(guests[0]), str(guests[1]), "-o", str(target))
    assert status == 0 and err == ""
    assert "2 badge(s) on 2 page(s)" in out
    texts = page_texts(target.read_bytes())
    assert "张伟" in texts[0] and "محمد علي" in texts[1]

    status, out, _err = run("badge", "--all", "-o", str(tmp_path / "all.pdf"),
                            "--template", "a4-sheet", "--json")
    facts = json.loads(out)
    assert status == 0 and facts["badges"] == 3 and facts["pages"] == 1  # cancelled left out
    status, out, _err = run("badge", "--category", "vip", "-o", str(tmp_path / "vip.pdf"),
                            "--json")
    assert json.loads(out)["badges"] == 1


def test_badge_refuses_bad_calls_in_one_line(run, guests: list[int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    status, _out, err = run("badge", "-o", str(tmp_path / "x.pdf"))
    assert status == 2 and "name the guests" in err
    status, _out, err = run("badge", "1", "-o", str(tmp_path / "x.pdf"), "--template", "huge")
    assert status == 1 and "no badge template 'huge'" in err and len(err.splitlines()) == 1
    status, _out, err = run("badge", "999", "-o", str(tmp_path / "x.pdf"))
    assert status == 1 and "no guest '999'" in err


def test_print_to_a_folder_then_a_reprint_needs_a_reason(run, guests: list[int],  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "tray"
    folder.mkdir()
    printer = f"folder:{folder}"
    status, out, err = run("print", str(guests[0]), "--printer", printer, "--operator", "amy")
    assert status == 0, err
    assert "done" in out and len(list(folder.glob("*.pdf"))) == 1
    status, _out, err = run("print", str(guests[0]), "--printer", printer)
    assert status == 1 and "a reprint needs a reason" in err and "--reason" in err
    status, out, _err = run("print", str(guests[0]), "--printer", printer, "--reason", "damaged",
                            "--json")
    jobs = json.loads(out)
    assert status == 0 and jobs[0]["state"] == "done" and jobs[0]["print_reason"] == "damaged"
    status, out, _err = run("print-queue", "--json")
    assert [j["print_reason"] for j in json.loads(out)] == ["damaged", "first"]


def test_print_to_a_missing_printer_is_held_with_the_reason(run, guests: list[int],  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    missing = f"folder:{tmp_path / 'nowhere'}"
    status, out, err = run("print", str(guests[1]), "--printer", missing)
    assert status == 0 and "held" in out and "no printer of this name" in out
    assert "print when the printer is back" in err
    (tmp_path / "nowhere").mkdir()
    status, out, _err = run("print-queue", "--process")
    assert status == 0 and "done" in out
    status, out, _err = run("printers", "--printer", missing, "--json")
    assert json.loads(out)[0]["ready"] is True


def test_print_without_a_printer_says_how_to_choose_one(run, guests: list[int],  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_PRINTER", raising=False)
    status, _out, err = run("print", str(guests[0]))
    assert status == 2 and "no printer chosen" in err


def test_the_preview_is_the_printed_pdf_as_a_png(run, guests: list[int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "one.pdf"
    run("badge", str(guests[0]), "-o", str(target), "--template", "cr80")
    png = preview_png(target.read_bytes(), dpi=100)
    assert png.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(png))
    width, height = image.size
    assert abs(width - 85.6 / 25.4 * 100) <= 1 and abs(height - 54 / 25.4 * 100) <= 1
