"""TrueType faces parsed once and kept between runs.

ReportLab parses a font's tables (character map, widths, glyph positions) every time a
process registers it: about 0.17 s for a 17 MB CJK collection, most of the time of printing
one form from the command line. The parsed tables are kept in the user's cache folder, in
``marshal`` format (plain data only: loading it runs no code, unlike ``pickle``), under a
name derived from everything they depend on: the file's resolved path, size and
modification time, the face's index in a collection, the versions of ReportLab and Python
and this format. Any change to one of them is a different entry; an entry that cannot be
read, or was made for another key, is parsed anew. A cache that cannot be written costs
only speed. The window's 清理 of leftovers does not touch it: it is rebuilt on demand.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import sys
import time
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import platformdirs
import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from perfdesk.paths import APP_NAME

# Bump when what is stored changes shape.
_FORMAT = 1
# Left out: the file's bytes (mapped anew; they are large) and the unit scale, a function
# ReportLab derives from unitsPerEm.
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale"})
_NAME = "__ttf_name__"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "fonts"


def load_font(name: str, path: Path, subfont: int, folder: Path | None = None) -> TTFont:
    """Face ``subfont`` of ``path`` as a ReportLab font named ``name``, ready to register.

    Raises what ReportLab raises for a file it cannot use (only faces that parsed are kept).
    """
    folder = cache_dir() if folder is None else folder
    stat = path.stat()
    made_by = (reportlab.Version, sys.version_info[:2], _FORMAT)  # marshal's format too
    key = "|".join(map(str, (path.resolve(), stat.st_size, stat.st_mtime_ns, subfont, *made_by)))
    entry = folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.face"
    face = _read(entry, key, path)
    if face is None:
        face = TTFontFace(str(path), subfontIndex=subfont)
        _write(entry, key, face)
    return _font(name, face)


def _read(entry: Path, key: str, path: Path) -> TTFontFace | None:
    try:
        stored = marshal.loads(entry.read_bytes())
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        state = {k: _named(v) for k, v in stored["face"].items()}
        data = _mapped(path)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None
    face: TTFontFace = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _mapped(path: Path) -> FontBytes | bytes:
    """The font file's bytes, mapped rather than read: ReportLab only slices them (to copy the
    glyphs a PDF uses), so of a 17 MB CJK collection only the pages printed from stay in
    memory. The file stays open while the program runs."""
    with path.open("rb") as file:
        if os.fstat(file.fileno()).st_size == 0:
            return b""  # (an empty file cannot be mapped; no cached face matches it anyway)
        return FontBytes(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))


# A slice this large is a glyph table, not a field or a small table.
_VIEWED_FROM = 1 << 20


class FontBytes:
    """A mapped font file as ReportLab slices it, with one difference: a slice of a megabyte or
    more is a view, not a copy. ReportLab takes a whole table out of the file to subset a font
    (``get_table("glyf")``, 10 MB for a CJK face, once per 256 characters printed) and then
    copies only the glyphs it needs out of that table."""

    def __init__(self, data: mmap.mmap | memoryview) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data)

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self._data))
            if step == 1 and stop - start >= _VIEWED_FROM:
                return FontBytes(memoryview(self._data)[start:stop])
            part = self._data[key]
            return part.tobytes() if isinstance(part, memoryview) else part
        return self._data[key]

    def __buffer__(self, flags: int) -> memoryview:  # bytes(...), hashing, HarfBuzz's Blob
        return memoryview(self._data)


def _write(entry: Path, key: str, face: TTFontFace) -> None:
    state = {
        k: ({_NAME: bytes(v)} if isinstance(v, TTFNameBytes) else v)
        for k, v in vars(face).items()
        if k not in _NOT_STORED
    }
    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(entry.parent)
        temporary.write_bytes(marshal.dumps({"key": key, "face": state}))
        os.replace(temporary, entry)
    except (OSError, ValueError):  # read-only profile, full disk, an unexpected value type
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _remove_stale(folder: Path) -> None:
    """Half-written entries of processes killed while writing (an hour is far beyond a write)."""
    for leftover in folder.glob("*.face.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > 3600:
                leftover.unlink()


def _named(value: Any) -> Any:
    if isinstance(value, dict) and value.keys() == {_NAME}:
        return TTFNameBytes(value[_NAME])
    return value


def _scale(units_per_em: int) -> Any:
    """Font units to PDF's thousandths of an em, as ReportLab's parser defines it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: TTFontFace) -> TTFont:
    """A ``TTFont`` around an already parsed face: what ``TTFont.__init__`` does after parsing
    the file (tests compare the two attribute by attribute, so a ReportLab that changes it is
    noticed)."""
    font: TTFont = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font
