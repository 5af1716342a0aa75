"""Parsed font faces kept between runs: the same font as ReportLab's own, renewed when the
file changes, and never a reason for printing to fail."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from printed_pdf import read_pdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from testdata import CJK_FONT, needs_cjk_font

from perfdesk.printing import FontSet, render_pdf
from perfdesk.printing.face_cache import FontBytes, load_font
from perfdesk.sample import sample_projects

pytestmark = needs_cjk_font


def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds the face")

    monkeypatch.setattr(TTFontFace, "__init__", parse)


def comparable(font: TTFont) -> tuple[dict[str, object], dict[str, object]]:
    shell = {k: v for k, v in vars(font).items() if k not in ("face", "fontName", "state")}
    shell["encoding"] = vars(shell["encoding"])
    face = dict(vars(font.face))
    face["_ttf_data"] = bytes(face["_ttf_data"])  # a cached face maps the file
    scale = face.pop("_pdfScale")
    face["scaled 1000 units"] = scale(1000)
    face["types"] = {k: type(v) for k, v in face.items()}  # names are bytes with a .ustr
    return shell, face


def test_a_cached_face_is_the_face_reportlab_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = TTFont("parsed", str(CJK_FONT), subfontIndex=1)
    load_font("first", CJK_FONT, 1, folder=tmp_path)  # parses and keeps the face
    assert len(list(tmp_path.glob("*.face"))) == 1

    refuse_parsing(monkeypatch)
    cached = load_font("cached", CJK_FONT, 1, folder=tmp_path)

    assert cached.fontName == "cached"
    assert comparable(cached) == comparable(parsed)
    assert isinstance(cached.face._ttf_data, FontBytes)  # only the pages printed from are read
    glyphs = cached.face.get_table("glyf")  # a view of the file, not a copy of the table
    assert isinstance(glyphs, FontBytes)
    assert bytes(glyphs) == parsed.face.get_table("glyf")
    assert glyphs[100:120] == parsed.face.get_table("glyf")[100:120]
    assert type(cached.encoding) is type(parsed.encoding)
    assert type(cached.state) is type(parsed.state)


def test_a_form_printed_with_a_cached_face_is_the_same_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def printed(font: TTFont) -> tuple[list[str], dict[str, set[str]]]:
        pdfmetrics.registerFont(font)
        name = font.fontName
        fonts = FontSet(regular=name, bold=name, title=name, embedded=True, source=name)
        pdf = read_pdf(render_pdf(sample_projects()[:1], fonts))
        return pdf.pages, pdf.font_files

    parsed_pages, parsed_fonts = printed(TTFont("face-cache-parsed", str(CJK_FONT)))
    load_font("face-cache-warm-up", CJK_FONT, 0, folder=tmp_path)
    refuse_parsing(monkeypatch)
    cached_pages, cached_fonts = printed(load_font("face-cache-cached", CJK_FONT, 0, tmp_path))

    assert cached_pages == parsed_pages
    assert "上海科技报社" in "".join(cached_pages)
    # Embedded as TrueType subsets, as with the parsed face.
    assert cached_fonts == parsed_fonts
    assert {"FontFile2"} in [
        streams for name, streams in cached_fonts.items() if "WenQuanYi" in name
    ]


def test_a_changed_or_damaged_entry_is_parsed_anew(tmp_path: Path) -> None:
    font_file = tmp_path / "font.ttc"
    shutil.copy(CJK_FONT, font_file)
    cache = tmp_path / "cache"
    load_font("a", font_file, 0, folder=cache)
    stat = font_file.stat()
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # another version

    renewed = load_font("b", font_file, 0, folder=cache)

    entries = sorted(cache.glob("*.face"), key=lambda entry: entry.stat().st_mtime_ns)
    assert len(entries) == 2
    entries[-1].write_bytes(entries[-1].read_bytes()[:1000])  # cut short, as by a crash
    after_damage = load_font("c", font_file, 0, folder=cache)
    assert after_damage.face.charToGlyph == renewed.face.charToGlyph
    assert len(after_damage.face.charToGlyph) > 20000
    assert len(entries[-1].read_bytes()) > 1000  # written whole again


def test_a_cache_that_cannot_be_written_costs_only_speed(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder would be")

    font = load_font("uncached", CJK_FONT, 0, folder=not_a_folder)

    assert ord("上") in font.face.charToGlyph
    assert not_a_folder.read_text() == "a file where the cache folder would be"
    assert list(tmp_path.iterdir()) == [not_a_folder]  # no temporary file left behind


def test_entries_half_written_by_a_killed_process_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "0123.face.999999.tmp"
    fresh = tmp_path / "4567.face.999998.tmp"  # perhaps another process writing right now
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half")
    os.utime(stale, (0, 0))

    load_font("after a crash", CJK_FONT, 0, folder=tmp_path)

    assert not stale.exists() and fresh.exists()
    assert len(list(tmp_path.glob("*.face"))) == 1
