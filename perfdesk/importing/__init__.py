"""Importing forms: printed forms as text or PDF, our Excel export, our JSON exchange files.

:func:`read_any` reads one file into an :class:`ImportResult` (projects plus warnings) and
stores nothing; the caller shows the result and stores it as one change.
"""

from __future__ import annotations

from pathlib import Path

from perfdesk import exchange
from perfdesk.errors import PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing import bounds
from perfdesk.importing.model import ImportedForm, ImportResult, ImportWarning
from perfdesk.importing.text import read_text
from perfdesk.limits import MAX_IMPORT_TEXT_CHARS

__all__ = [
    "SUFFIXES",
    "ImportResult",
    "ImportWarning",
    "ImportedForm",
    "read_any",
    "read_many",
    "read_text_file",
]

SUFFIXES = (".json", ".txt", ".pdf", ".xlsx")


def read_any(path: Path) -> ImportResult:
    """Read one file by its suffix; a file that cannot be read at all raises PerfDeskError.

    Whatever the reader, the file passes :mod:`perfdesk.importing.bounds` first and its forms
    after; a reader failing on a damaged file is a message, never a traceback.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PerfDeskError(f"{path}：不支持的文件类型（可导入 {'、'.join(SUFFIXES)}）")
    bounds.check_file(path)
    try:
        result = _read(path, suffix)
    except PerfDeskError:
        raise
    except Exception as exc:  # a damaged file fails inside a library with any exception
        raise bounds.read_failed(path, exc) from None
    bounds.bound_result(path, result, exact=suffix == ".json")
    return result


def _read(path: Path, suffix: str) -> ImportResult:
    if suffix == ".json":
        return ImportResult([ImportedForm(p) for p in exchange.read_file(path)])
    if suffix == ".txt":
        return read_text(_bounded_text(path, read_text_file(path)), path.name)
    if suffix == ".pdf":
        from perfdesk.importing.pdf import pdf_text

        text = _bounded_text(path, pdf_text(path))
        if not text.strip():
            raise PerfDeskError(f"{path} 中没有可提取的文字（可能是扫描件），请先做文字识别（OCR）")
        return read_text(text, path.name)
    from perfdesk.importing.xlsx import read_workbook

    return read_workbook(path)


def _bounded_text(path: Path, text: str) -> str:
    if len(text) > MAX_IMPORT_TEXT_CHARS:
        raise bounds.BadFileError(
            f"{path} 中的文字有 {len(text):,} 个字符，超过一次导入的上限 "
            f"{MAX_IMPORT_TEXT_CHARS:,}，未导入；请拆分后再导入"
        )
    return text


def read_many(paths: list[Path]) -> ImportResult:
    """Read every file before anything is stored: one unreadable file imports nothing."""
    result = ImportResult()
    for path in paths:
        result.extend(read_any(path))
    return result


def read_text_file(path: Path) -> str:
    """A text file in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (Windows)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PerfDeskError(f"找不到文件 {path}") from None
    except OSError as exc:
        raise PerfDeskError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # a warning will quote what is unreadable
