"""Paths the tests share: the repository and the reference form."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_04877708290d1af4.txt"
