"""The core runs headless: importing it must not pull in Qt."""

import subprocess
import sys


def test_importing_the_core_leaves_qt_out() -> None:
    code = (
        "import sys, pkgutil, importlib, kiosk\n"
        "for m in pkgutil.walk_packages(kiosk.__path__, 'kiosk.'):\n"
        "    if '.migrations' in m.name or m.name.startswith('kiosk.server'): continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
