"""Refresh the Chinese catalogue: collect every tr()/translate() string, then compile it.

    python tools/translations.py

1. pyside6-lupdate reads every Python file under ui/ and updates
   resources/translations/kiosk_zh_CN.ts (new strings are added unfinished; translations already
   made are kept; strings no longer used are marked obsolete).
2. pyside6-lrelease compiles the .ts into kiosk_zh_CN.qm, which the app loads (ui.translations).

Translate new strings in the .ts with Qt Linguist (pyside6-linguist) or any XML editor, then run
this again. Both tools come with PySide6-Essentials. Commit the .ts and the .qm together.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kiosk_zh_CN.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(TS)],
                   cwd=ROOT, check=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
