"""Fonts for the printing tests."""

from __future__ import annotations

import pytest

from perfdesk.printing import FontSet, resolve_fonts


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return resolve_fonts()


@pytest.fixture(scope="session")
def truetype_fonts(fonts: FontSet) -> FontSet:
    if not fonts.embedded:
        pytest.skip("no TrueType CJK font on this machine (install fonts-wqy-zenhei)")
    return fonts
