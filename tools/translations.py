"""Refresh the Chinese catalogue: collect every tr()/translate() string, then compile it.

    python tools/translations.py

1. The sentences the core (``kiosk/``) says to a person (the messages, places and hints of its
   errors, a rejected import row's detail, the words of its enum-keyed tables such as a printer's
   problem) are collected from its source and written to ``ui/core_messages.py``: each as a
   template for translators ("no checkpoint %1") beside a regular expression that recognises
   the core's text, so ``ui.core_text`` can show it translated with its details as arguments.
2. pyside6-lupdate reads every Python file under ui/ and updates
   resources/translations/kiosk_zh_CN.ts (new strings are added unfinished; translations already
   made are kept; strings no longer used are marked obsolete).
3. pyside6-lrelease compiles the .ts into kiosk_zh_CN.qm, which the app loads (ui.translations).

Translate new strings in the .ts with Qt Linguist (pyside6-linguist) or any XML editor, then run
this again. Both tools come with PySide6-Essentials. Commit the .ts and the .qm together (and
ui/core_messages.py when it changed). ``--check`` only says whether ui/core_messages.py is up to
date (exit 1 if not), without writing anything.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kiosk_zh_CN.ts"
CORE_MESSAGES = ROOT / "ui" / "core_messages.py"
CONTEXT = "CoreMessages"

# Where the core's sentences come from; the CLI and the server talk to their own users in English.
_SKIPPED = ("kiosk/commands/", "kiosk/server/", "kiosk/cli.py", "kiosk/migrations/")
# Calls whose text arguments a person may read, besides the KioskError tree.
_TEXT_CALLS = {"_FieldError", "RowError"}
_TEXT_KEYWORDS = {"where", "hint", "detail", "message"}


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def _sources() -> list[Path]:
    found = []
    for path in sorted((ROOT / "kiosk").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith(_SKIPPED) and path != CORE_MESSAGES:
            found.append(path)
    return found


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """KioskError and every class that derives from it, in kiosk/ or ui/."""
    names = {"KioskError"}
    grown = True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        isinstance(base, ast.Name) and base.id in names for base in node.bases):
                    names.add(node.name)
                    grown = True
    return names


def _escape(text: str) -> str:
    return re.escape(text).replace("\\ ", " ")


def _template(node: ast.expr) -> tuple[str, str] | None:
    """(template with %1.., full-match regex) for a text literal, f-string or str.format table."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _from_format(node.value)
    if not isinstance(node, ast.JoinedStr):
        return None
    text, pattern, count = [], [], 0
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            text.append(value.value)
            pattern.append(_escape(value.value))
            continue
        assert isinstance(value, ast.FormattedValue)
        inner = value.value
        if (isinstance(inner, ast.IfExp) and isinstance(inner.body, ast.Constant)
                and isinstance(inner.orelse, ast.Constant)):
            # An English inflection ("y" or "ies"): part of the words, not an argument.
            text.append(str(inner.body.value))
            pattern.append(f"(?:{_escape(str(inner.body.value))}|"
                           f"{_escape(str(inner.orelse.value))})")
            continue
        count += 1
        text.append(f"%{count}")
        pattern.append("(.+?)")
    return "".join(text), "".join(pattern)


def _from_format(value: str) -> tuple[str, str]:
    """A plain literal; {name} fields of a str.format table become arguments."""
    text, pattern, last = [], [], 0
    for count, match in enumerate(re.finditer(r"\{(\w*)\}", value), start=1):
        text.append(value[last:match.start()] + f"%{count}")
        pattern.append(_escape(value[last:match.start()]) + "(.+?)")
        last = match.end()
    text.append(value[last:])
    pattern.append(_escape(value[last:]))
    return "".join(text), "".join(pattern)


def core_messages() -> list[tuple[str, str]]:
    """Every sentence of the core a person may read, as (template, regex), sorted."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in _sources()]
    calls = _error_classes(trees) | _TEXT_CALLS
    found: dict[str, str] = {}

    def add(node: ast.expr) -> None:
        made = _template(node)
        if made is None:
            return
        template, pattern = made
        if re.search(r"[^\W\d_]", re.sub(r"%\d+", "", template)) is None:
            return  # "%1: %2" says nothing by itself
        if "|" in template:
            return  # a table of synonyms the importer matches, never shown
        found.setdefault(template, pattern)

    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else (
                    func.attr if isinstance(func, ast.Attribute) else "")
                if name in calls:
                    for argument in node.args:
                        add(argument)
                    for keyword in node.keywords:
                        if keyword.arg in _TEXT_KEYWORDS:
                            add(keyword.value)
            elif isinstance(node, ast.Dict) and node.keys and all(
                    isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name)
                    for key in node.keys) and all(
                    isinstance(value, ast.Constant | ast.JoinedStr) for value in node.values):
                # A table of words keyed by an enum's members (a printer's problem, say).
                for value in node.values:
                    add(value)
    return sorted(found.items())


def render(messages: list[tuple[str, str]]) -> str:
    lines = [
        '"""The core\'s sentences, for translation: made by tools/translations.py; do not edit.',
        "",
        "Each entry is (template for translators, regular expression matching the core's text);",
        "ui.core_text shows the text translated, with what the expression captured as %1, %2...",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        f'CONTEXT = "{CONTEXT}"',
        "",
        "MESSAGES: tuple[tuple[object, str], ...] = (",
    ]
    for template, pattern in messages:
        lines.append(f"    (QT_TRANSLATE_NOOP({CONTEXT!r}, {template!r}),")
        lines.append(f"     {pattern!r}),")
    lines.append(")")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render(core_messages())
    if "--check" in argv:
        current = CORE_MESSAGES.read_text(encoding="utf-8") if CORE_MESSAGES.exists() else ""
        if current != text:
            print("ui/core_messages.py is out of date: run python tools/translations.py")
            return 1
        return 0
    if not CORE_MESSAGES.exists() or CORE_MESSAGES.read_text(encoding="utf-8") != text:
        CORE_MESSAGES.write_text(text, encoding="utf-8")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(TS)],
                   cwd=ROOT, check=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
