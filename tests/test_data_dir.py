"""A data folder or database a user points at wrongly gets one line, never a traceback, and
nothing in it is changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.cli import main
from kiosk.db import DATABASE_FILE, Database
from kiosk.errors import SetupError


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("kiosk: ") and "\n" not in err and "Traceback" not in err
    return err


def test_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "guests.csv"
    a_file.write_text("name\n张伟\n", encoding="utf-8")
    assert main(["--data-dir", str(a_file), "guests", "zw"]) == 1
    assert f"{a_file}: is a file, not a folder" in _one_line_error(capsys)
    assert a_file.read_text(encoding="utf-8") == "name\n张伟\n"


def test_data_dir_inside_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["--data-dir", str(a_file / "data"), "demo", "--guests", "0"]) == 1
    assert "cannot be the data folder" in _one_line_error(capsys)


def test_database_that_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = bytes(range(256)) * 40
    (tmp_path / DATABASE_FILE).write_bytes(garbage)
    assert main(["--data-dir", str(tmp_path), "guests", "zw"]) == 1
    err = _one_line_error(capsys)
    assert str(tmp_path / DATABASE_FILE) in err and "cannot open or upgrade" in err
    assert (tmp_path / DATABASE_FILE).read_bytes() == garbage


def test_database_of_a_newer_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Database.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DATABASE_FILE) as connection:
        connection.execute(  # one branch head (there is one row per head)
            "UPDATE alembic_version SET version_num = '9999_from_the_future' "
            "WHERE rowid = (SELECT min(rowid) FROM alembic_version)")
    connection.close()
    assert main(["--data-dir", str(tmp_path), "guests", "zw"]) == 1
    assert "9999_from_the_future" in _one_line_error(capsys)
    with pytest.raises(SetupError):
        Database.open(tmp_path)


def test_a_data_folder_with_a_percent_sign_opens(tmp_path: Path) -> None:
    folder = tmp_path / "desk 100% ready"
    database = Database.open(folder)
    try:
        with database.session() as session:
            assert session.scalar(text("select count(*) from guests")) == 0
    finally:
        database.close()
