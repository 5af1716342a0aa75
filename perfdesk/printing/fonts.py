"""The one place that decides which fonts the printed form uses.

Order: a font file the user picked in the settings, then the Windows fonts (仿宋 for the body,
黑体 for labels, 小标宋 or 宋体 for the title; the system folder and the per-user folder), then
common Linux CJK TrueType fonts. All of these are embedded as subsets, so the PDF looks the
same on every computer. Only when none is usable does the form fall back to ReportLab's
built-in ``STSong-Light``, which is *not* embedded (the viewer substitutes a font); the
:class:`FontSet` then says why, so the user can be told.

ReportLab silently drops characters a font lacks, so a :class:`FontSet` also answers
whether a font can draw a character (see :func:`perfdesk.checks.missing_characters`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from perfdesk.paper import FontRole
from perfdesk.printing.face_cache import load_font

FALLBACK_FONT = "STSong-Light"


@dataclass(frozen=True)
class FontFile:
    """A TrueType file (or one face of a ``.ttc`` collection) and what it looks like."""

    path: Path
    description: str
    subfont: int = 0


@dataclass(frozen=True)
class FontSet:
    """The registered ReportLab font names for each part of the form.

    ``title_fake_bold``: the title font has no bold face, so the title is drawn with a
    stroked outline to look bold. ``fallback_reason`` is set when no embeddable font was
    found and the form uses ``STSong-Light``.
    """

    regular: str
    bold: str
    title: str
    embedded: bool
    source: str
    title_fake_bold: bool = False
    fallback_reason: str | None = None
    notes: tuple[str, ...] = ()
    coverage: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def draws(self, role: FontRole, char: str) -> bool:
        """Whether the face that sets ``role`` has a glyph for ``char``."""
        face = {FontRole.TITLE: self.title, FontRole.LABEL: self.bold}.get(role, self.regular)
        return self.can_draw(face, char)

    def can_draw(self, font: str, char: str) -> bool:
        """Whether ``font`` (one of this set's names) has a glyph for ``char``."""
        covered = self.coverage.get(font)
        if covered is not None:
            return ord(char) in covered
        # STSong-Light draws the Adobe-GB1 collection, which is about GBK.
        try:
            char.encode("gbk")
        except UnicodeEncodeError:
            return False
        return True

    def fonts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.regular, self.bold, self.title)))


def _windows_font_dirs() -> Iterator[Path]:
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        yield Path(windir) / "Fonts"
    local = os.environ.get("LOCALAPPDATA")
    if local:
        yield Path(local) / "Microsoft" / "Windows" / "Fonts"


def _windows(names: tuple[str, ...], description: str, subfont: int = 0) -> list[FontFile]:
    return [
        FontFile(folder / name, description, subfont)
        for folder in _windows_font_dirs()
        for name in names
    ]


# Candidates per role, best first. Windows names are matched case-insensitively on disk.
_LINUX_SONG = [
    FontFile(Path("/usr/share/fonts/truetype/arphic/uming.ttc"), "AR PL UMing（明体）"),
]
_LINUX_HEI = [
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "文泉驿正黑"),
    FontFile(Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), "文泉驿微米黑"),
    FontFile(
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), "Droid Sans Fallback"
    ),
]


def _body_candidates() -> list[FontFile]:
    return [
        *_windows(("simfang.ttf",), "仿宋"),
        *_windows(("simsun.ttc",), "宋体"),
        *_LINUX_SONG,
        *_LINUX_HEI,
    ]


def _label_candidates() -> list[FontFile]:
    return [*_windows(("simhei.ttf",), "黑体"), *_LINUX_HEI]


def _title_candidates() -> list[FontFile]:
    return [
        *_windows(("FZXBSJW.TTF", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf"), "方正小标宋"),
        *_windows(("simsun.ttc",), "宋体"),
        *_LINUX_SONG,
    ]


# The Chinese fonts an officer may want to print with, by the names they know them by: the
# usual Windows files (system and per-user folders), then Linux TrueType CJK fonts.
_WINDOWS_CHOICES = (
    (("simfang.ttf",), "仿宋"),
    (("simsun.ttc",), "宋体"),
    (("simhei.ttf",), "黑体"),
    (("simkai.ttf",), "楷体"),
    (("FZXBSJW.TTF", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf"), "方正小标宋"),
    (("FZFSJW.TTF", "方正仿宋简体.ttf", "方正仿宋_GBK.ttf"), "方正仿宋"),
    (("msyh.ttc",), "微软雅黑"),
)
_LINUX_KAI = [FontFile(Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), "AR PL UKai（楷体）")]


def installed_fonts() -> list[FontFile]:
    """The Chinese TrueType fonts found on this computer that can be picked for printing, by
    name (仿宋, 宋体, 黑体, 楷体 …), each file once. Only looks at the disk: whether ReportLab
    can embed one is known when it is picked (:func:`resolve_fonts` says so)."""
    found: dict[tuple[Path, int], FontFile] = {}
    candidates = [
        font for names, description in _WINDOWS_CHOICES for font in _windows(names, description)
    ]
    candidates += [*_LINUX_SONG, *_LINUX_KAI, *_LINUX_HEI]
    for font in candidates:
        path = _existing(font.path)
        if path is not None:
            found.setdefault((path.resolve(), font.subfont), FontFile(path, font.description))
    return list(found.values())


def _name_of(path: Path) -> str:
    """A font file's usual name (仿宋 …) when it is one of the known ones, else its file name."""
    try:
        wanted = path.resolve()
    except OSError:
        return path.name
    known = (font for font in installed_fonts() if font.path.resolve() == wanted)
    return next((font.description for font in known), path.name)


_registered: dict[tuple[Path, int], tuple[str, frozenset[int]]] = {}


def _existing(path: Path) -> Path | None:
    """``path`` if it exists, also when only the case of the name differs (Windows folders)."""
    if path.is_file():
        return path
    try:
        wanted = path.name.lower()
        for entry in path.parent.iterdir():
            if entry.name.lower() == wanted and entry.is_file():
                return entry
    except OSError:
        pass
    return None


def register(font: FontFile) -> tuple[str, frozenset[int]] | None:
    """Register a TrueType face with ReportLab once; its name and the characters it covers.

    ``None`` when the file is missing or ReportLab cannot use it (e.g. CFF-based OpenType
    such as Noto CJK).
    """
    path = _existing(font.path)
    if path is None:
        return None
    key = (path.resolve(), font.subfont)
    if key not in _registered:
        name = f"PerfDesk-{len(_registered)}-{path.stem}"
        try:
            ttf = load_font(name, path, font.subfont)
        except Exception:  # ReportLab raises assorted errors for fonts it cannot embed
            return None
        pdfmetrics.registerFont(ttf)
        _registered[key] = (name, frozenset(ttf.face.charToGlyph))
    return _registered[key]


def _first(candidates: list[FontFile]) -> tuple[FontFile, str, frozenset[int]] | None:
    for candidate in candidates:
        found = register(candidate)
        if found:
            return candidate, *found
    return None


def resolve_fonts(user_font_path: Path | None = None) -> FontSet:
    """The fonts to print with: the user's font, Windows fonts, Linux fonts, or STSong-Light."""
    coverage: dict[str, frozenset[int]] = {}
    notes: tuple[str, ...] = ()
    if user_font_path is not None:
        user = _first([FontFile(Path(user_font_path), _name_of(Path(user_font_path)))])
        if not user:
            notes = (
                f"设置中选择的字体 {user_font_path} 无法使用（文件不存在，或不是 ReportLab 能嵌入的"
                "TrueType 字体 .ttf/.ttc），改用系统字体。",
            )
        else:
            font, name, chars = user
            coverage[name] = chars
            return FontSet(
                regular=name,
                bold=name,
                title=name,
                embedded=True,
                source=f"{font.description}（{font.path}）",
                title_fake_bold=True,
                coverage=coverage,
            )
    body = _first(_body_candidates())
    if body is None:
        return _fallback(notes)
    body_font, regular, chars = body
    coverage[regular] = chars
    label = _first(_label_candidates()) or body
    coverage[label[1]] = label[2]
    title = _first(_title_candidates()) or body
    coverage[title[1]] = title[2]
    parts = dict.fromkeys(f"{f.description}（{f.path}）" for f in (body_font, label[0], title[0]))
    return FontSet(
        regular=regular,
        bold=label[1],
        title=title[1],
        embedded=True,
        source="、".join(parts),
        title_fake_bold=not title[0].description.startswith("方正小标宋"),
        notes=notes,
        coverage=coverage,
    )


def _fallback(notes: tuple[str, ...]) -> FontSet:
    if FALLBACK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    reason = "未找到可嵌入的中文 TrueType 字体（Windows 的仿宋、宋体、黑体，或 Linux 的文泉驿正黑）"
    reason += "；改用未嵌入的 STSong-Light，PDF 在其他电脑上显示的字形可能不同。"
    return FontSet(
        regular=FALLBACK_FONT,
        bold=FALLBACK_FONT,
        title=FALLBACK_FONT,
        embedded=False,
        source=FALLBACK_FONT,
        title_fake_bold=True,
        fallback_reason=reason,
        notes=notes,
    )
