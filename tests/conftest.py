"""Shared test set-up: Qt runs headless, and every test gets its own database file.

Helpers shared by several test files live in importable modules beside this one
(``testdata``, ``printed_pdf``, ``window_harness``, ``county_layout``), never in a conftest:
every conftest.py is imported under the same module name, so ``from conftest import`` gets
whichever came last.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests judge results, not speed: a busy machine must not fail them on a deadline.
# Under CI Hypothesis loads its own "ci" profile (no deadline, the same examples every run).
if not os.environ.get("CI"):
    settings.register_profile("local", deadline=None)
    settings.load_profile("local")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The user's cache folder (parsed fonts) in a temporary folder, for child processes too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "perfdesk.db"
