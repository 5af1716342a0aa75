"""Finding fonts: Windows folders first, Linux fonts next, STSong-Light only as the last resort."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from printed_pdf import read_pdf
from testdata import CJK_FONT, ZENHEI, needs_cjk_font, needs_zenhei

from perfdesk.checks import missing_characters
from perfdesk.location import Location
from perfdesk.model import IndicatorRow
from perfdesk.paper import indicator_where
from perfdesk.printing import FontSet, fonts, installed_fonts, render_pdf, resolve_fonts
from perfdesk.sample import sample_projects

RARE = "𠀀"  # U+20000, CJK Extension B: in few fonts, and not in GBK


def without_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("WINDIR", "SYSTEMROOT", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(fonts, "_LINUX_SONG", [])
    monkeypatch.setattr(fonts, "_LINUX_HEI", [])


@needs_cjk_font
def test_windows_font_folders_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    windir, local = tmp_path / "Windows", tmp_path / "Local"
    (windir / "Fonts").mkdir(parents=True)
    (local / "Microsoft" / "Windows" / "Fonts").mkdir(parents=True)
    shutil.copy(CJK_FONT, windir / "Fonts" / "SIMFANG.TTF")  # Windows names differ in case
    shutil.copy(CJK_FONT, local / "Microsoft" / "Windows" / "Fonts" / "simhei.ttf")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))

    found = resolve_fonts()

    assert found.embedded and found.fallback_reason is None
    assert f"仿宋（{windir / 'Fonts'}" in found.source
    assert f"黑体（{local / 'Microsoft' / 'Windows' / 'Fonts'}" in found.source
    assert found.regular != found.bold


@needs_cjk_font
def test_a_font_picked_in_the_settings_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    without_system_fonts(monkeypatch)
    found = resolve_fonts(CJK_FONT)
    assert found.embedded and str(CJK_FONT) in found.source and not found.notes


def test_an_unusable_picked_font_is_reported(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_text("hello", encoding="utf-8")
    found = resolve_fonts(bogus)
    assert any(str(bogus) in note for note in found.notes)


def test_stsong_light_is_the_told_last_resort(monkeypatch: pytest.MonkeyPatch) -> None:
    without_system_fonts(monkeypatch)
    found = resolve_fonts()
    assert found.regular == "STSong-Light" and not found.embedded
    assert found.fallback_reason and "STSong-Light" in found.fallback_reason

    project = sample_projects()[0]
    pdf = read_pdf(render_pdf([project], found), tables=False)
    assert "STSong-Light" in "".join(pdf.font_files)
    assert not any(pdf.font_files.values())  # nothing embedded
    assert project.sections["项目概况"][:20] in pdf.text


def test_missing_characters_are_found_with_their_place(fonts: FontSet) -> None:
    project = sample_projects()[0].clone()
    project.set_section("立项依据", f"依据{RARE}文件")
    rows = project.rows()
    rows[0] = IndicatorRow(rows[0].level1, rows[0].level2, rows[0].name, f"合理{RARE}")
    project.set_rows(rows)
    if fonts.can_draw(fonts.regular, RARE):
        pytest.skip("this machine's print font draws Extension B")

    missing = list(missing_characters(project, fonts.draws))

    row = project.rows()[0]
    assert [f.location for f in missing] == [
        Location("section", "立项依据"),
        Location("indicator", (row.level1, row.level2, row.name), 0),
    ]
    assert missing[0].message.startswith(f"“立项依据”中的字符“{RARE}”（U+20000）")
    assert missing[1].message.startswith(indicator_where(row))


def test_the_seed_needs_no_missing_characters(fonts: FontSet) -> None:
    for project in sample_projects():
        assert list(missing_characters(project, fonts.draws)) == []


@needs_zenhei
def test_installed_fonts_are_named_and_listed_once() -> None:
    fonts = installed_fonts()
    names = {font.path: font.description for font in fonts}
    assert names[ZENHEI] == "文泉驿正黑"
    assert len(names) == len(fonts)  # each file once
    assert all(font.path.suffix.lower() in (".ttf", ".ttc") for font in fonts)
