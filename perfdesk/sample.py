"""The sample projects: the two printed on the reference form, field for field."""

from __future__ import annotations

from perfdesk import exchange
from perfdesk.model import Project
from perfdesk.paths import RESOURCES

SAMPLE_FILE = RESOURCES / "sample.json"


def sample_projects() -> list[Project]:
    return exchange.read_file(SAMPLE_FILE)
