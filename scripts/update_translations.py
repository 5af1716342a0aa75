"""Refresh the English catalogue after changing texts in ui/: `uv run python scripts/update_translations.py`.

Runs pyside6-lupdate (new texts appear untranslated in resources/translations/perfdesk_en.ts;
translate them with pyside6-linguist or any editor) and pyside6-lrelease (the .qm the program
loads, committed so that no build step is needed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "resources" / "translations"


def main() -> int:
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").glob("*.py"))
    ts = FOLDER / "perfdesk_en.ts"
    subprocess.run(
        [
            "pyside6-lupdate",
            *sources,
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-no-obsolete",
            "-ts",
            str(ts),
        ],
        cwd=REPO,
        check=True,
    )
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
