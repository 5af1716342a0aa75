"""The gate every imported file passes before a reader parses it, and every form after.

Readers of spreadsheets, Word documents and PDFs are large libraries written for files that
mean well. A small file can make them run for minutes or take gigabytes (a merged range down
to row 1,048,576, a page of millions of drawing operators, entities that expand a billion
times), or fail with any exception at all. So, whatever the reader:

- before: the file's size; for zip packages (.xlsx, .docx) every part unpacked by streaming
  with its real size and packing ratio bounded, no DTD in any XML part (no entities, so no
  entity expansion), the parts the main document refers to present, and a spreadsheet's cells
  and merged ranges within bounds; for PDFs the page count, each page's drawing instructions
  and the page boxes;
- during: any failure of the reader on a bad file is a plain message, never a traceback;
- after: at most :data:`~perfdesk.limits.MAX_FORMS_PER_FILE` forms, and every project within
  the bounds the store keeps (:func:`perfdesk.limits.project_problem`).

The bounds themselves are in :mod:`perfdesk.limits`.
"""

from __future__ import annotations

import logging
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from perfdesk.errors import PerfDeskError
from perfdesk.fileio import describe_os_error
from perfdesk.importing.model import ImportResult, ImportWarning
from perfdesk.limits import (
    FORBIDDEN_CHARACTERS,
    MAX_FORMS_PER_FILE,
    MAX_IMPORT_FILE_BYTES,
    MAX_PACKAGE_MEMBERS,
    MAX_PACKAGE_RATIO,
    MAX_PACKAGE_UNPACKED_BYTES,
    MAX_PDF_OBJECTS,
    MAX_PDF_PAGE_CONTENT_BYTES,
    MAX_PDF_PAGES,
    MAX_PDF_REFERENCE_CHAIN,
    MAX_SHEET_CELLS,
    MAX_SHEET_COLUMN,
    MAX_SHEET_ROW,
    RATIO_CHECK_FROM_BYTES,
    project_problem,
)
from perfdesk.model import Project

_PACKAGE_KINDS = {".xlsx": "Excel 工作簿（.xlsx）", ".docx": "Word 文档（.docx）"}
PACKAGE_SUFFIXES = tuple(_PACKAGE_KINDS)


class BadFileError(PerfDeskError):
    """A file that cannot be imported as it is; the message names it and says why."""


def check_file(path: Path) -> None:
    """Everything that can be known about ``path`` before a reader opens it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadFileError(f"找不到文件 {path}") from None
    except OSError as exc:
        raise BadFileError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    if size > MAX_IMPORT_FILE_BYTES:
        raise BadFileError(
            f"{path} 有 {size / 2**20:.0f} MB，超过导入文件的上限 "
            f"{MAX_IMPORT_FILE_BYTES / 2**20:.0f} MB；请拆分后再导入"
        )
    suffix = path.suffix.lower()
    if suffix in PACKAGE_SUFFIXES:
        _check_package(path)
    elif suffix == ".pdf":
        _check_pdf(path)


def read_failed(path: Path, exc: BaseException) -> BadFileError:
    """What to say when a reader failed on a file (a damaged or hostile one)."""
    if isinstance(exc, MemoryError):
        return BadFileError(f"{path} 太大或结构异常，读取时内存不足，未导入")
    if isinstance(exc, RecursionError):
        return BadFileError(f"{path} 的结构嵌套过深，无法读取，未导入")
    return BadFileError(f"{path} 已损坏或不是有效的文件，无法读取（{type(exc).__name__}），未导入")


# -- zip packages (.xlsx, .docx) --------------------------------------------------------------

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_CHUNK = 1 << 16


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            if len(infos) > MAX_PACKAGE_MEMBERS:
                raise BadFileError(f"{path} 中的部件多得不正常（{len(infos)} 个），未导入")
            names = {info.filename for info in infos}
            total = 0
            for info in infos:
                total += _check_member(path, package, info, MAX_PACKAGE_UNPACKED_BYTES - total)
            _check_references(path, package, names)
            if path.suffix.lower() == ".xlsx":
                _check_sheets(path, package, names)
    except BadFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        kind = _PACKAGE_KINDS.get(path.suffix.lower(), "Office 文件")
        raise BadFileError(f"{path} 不是有效的 {kind}，或文件已损坏（{exc}），未导入") from None
    except (zlib.error, EOFError) as exc:
        raise BadFileError(f"{path} 已损坏，无法解压（{exc}），未导入") from None
    except NotImplementedError as exc:
        raise BadFileError(f"{path} 使用了不支持的压缩方式（{exc}），未导入") from None
    except ElementTree.ParseError as exc:
        raise BadFileError(f"{path} 中的 XML 已损坏（{exc}），未导入") from None
    except OSError as exc:
        raise BadFileError(f"无法读取 {path}：{describe_os_error(exc)}") from None


def _check_member(path: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """Unpack one part by streaming (its real size, not the size it claims) and look for a
    DTD in XML; the unpacked size."""
    if info.flag_bits & 0x1:
        raise BadFileError(f"{path} 有密码保护，请先取消密码再导入")
    size = 0
    tail = b""
    xml = info.filename.endswith((".xml", ".rels", ".vml"))
    with package.open(info) as member:
        while block := member.read(_CHUNK):
            size += len(block)
            if size > room:
                raise BadFileError(
                    f"{path} 解压后超过 {MAX_PACKAGE_UNPACKED_BYTES / 2**20:.0f} MB，"
                    "可能是“压缩炸弹”，未导入"
                )
            if xml and _DTD.search(tail + block):
                raise BadFileError(
                    f"{path} 的 {info.filename} 含有 DTD 定义（可能是“实体炸弹”），"
                    "正常的 Office 文件不会有，未导入"
                )
            tail = block[-16:]
    if size > RATIO_CHECK_FROM_BYTES and size > MAX_PACKAGE_RATIO * max(info.compress_size, 1):
        raise BadFileError(f"{path} 的压缩比大得不正常（可能是“压缩炸弹”），未导入")
    return size


_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _check_references(path: Path, package: zipfile.ZipFile, names: set[str]) -> None:
    """Every part the package's relationships point to (other than external links) is there:
    a workbook whose sheet part is missing must not import its other sheets without a word."""
    if "[Content_Types].xml" not in names:
        kind = _PACKAGE_KINDS.get(path.suffix.lower(), "Office 文件")
        raise BadFileError(f"{path} 不是有效的 {kind}（缺少 [Content_Types].xml），未导入")
    for rels in sorted(n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(rels))  # a/_rels/b.xml.rels -> a
        for element in _elements(package, rels):
            if element.tag != _RELATIONSHIP or element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "")
            if not target or "://" in target or target.startswith(("#", "mailto:")):
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            part = posixpath.normpath(part)
            if part not in names:
                raise BadFileError(
                    f"{path} 不完整：缺少部件 {part}（由 {rels} 引用），可能已损坏，未导入"
                )


def _elements(package: zipfile.ZipFile, name: str) -> Iterator[ElementTree.Element]:
    """The elements of an XML part, streamed (the part has been checked for a DTD)."""
    with package.open(name) as member:
        for _, element in ElementTree.iterparse(member, events=("end",)):
            yield element
            element.clear()


_CELL_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def _check_sheets(path: Path, package: zipfile.ZipFile, names: set[str]) -> None:
    """A spreadsheet's cells and merged ranges within bounds, counted as openpyxl would make
    them (a merged range becomes one object per cell)."""
    cells = 0
    for name in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        for element in _elements(package, name):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "c":
                cells += 1
                _within_sheet(path, name, element.get("r"))
            elif tag == "row":
                row = element.get("r")
                if row is not None and (not row.isdigit() or int(row) > MAX_SHEET_ROW):
                    raise _too_far(path, name, f"第 {row} 行")
            elif tag == "mergeCell":
                ref = element.get("ref", "")
                first, _, last = ref.partition(":")
                top, left = _within_sheet(path, name, first)
                bottom, right = _within_sheet(path, name, last or first)
                cells += (abs(bottom - top) + 1) * (abs(right - left) + 1)
            if cells > MAX_SHEET_CELLS:
                raise BadFileError(
                    f"{path} 的单元格（含合并单元格）超过 {MAX_SHEET_CELLS:,} 个，"
                    "不是 PerfDesk 导出的绩效目标表，未导入"
                )


def _within_sheet(path: Path, part: str, reference: str | None) -> tuple[int, int]:
    if reference is None:
        return 1, 1
    match = _CELL_REFERENCE.fullmatch(reference)
    if match is None:
        raise BadFileError(f"{path} 的 {part} 中有看不懂的单元格地址“{reference[:20]}”，未导入")
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - 64
    row = int(match[2])
    if row > MAX_SHEET_ROW or column > MAX_SHEET_COLUMN:
        raise _too_far(path, part, reference)
    return row, column


def _too_far(path: Path, part: str, where: str) -> BadFileError:
    return BadFileError(
        f"{path} 的 {part} 用到了 {where}，超出绩效目标表的范围（至多 {MAX_SHEET_ROW:,} 行、"
        f"{MAX_SHEET_COLUMN} 列），未导入；请删去多余的行列或合并单元格后再导入"
    )


# -- PDF ----------------------------------------------------------------------------------------


def _check_pdf(path: Path) -> None:
    """Reference chains, page count, page boxes and each page's drawing instructions, before
    any text is read."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    # pdfminer says what it repairs on its own in log warnings: not for the officer's eyes.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            _check_pdf_references(path, document)
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > MAX_PDF_PAGES:
                    raise BadFileError(f"{path} 超过 {MAX_PDF_PAGES} 页，请拆分后再导入")
                _check_page(path, number, page)
    except BadFileError:
        raise
    except PDFPasswordIncorrect:
        raise BadFileError(f"{path} 有密码保护，请先取消密码再导入") from None
    except OSError as exc:
        raise BadFileError(f"无法读取 {path}：{describe_os_error(exc)}") from None
    except (MemoryError, RecursionError) as exc:
        raise read_failed(path, exc) from None
    except Exception as exc:  # a damaged PDF fails in pdfminer with any exception at all
        raise BadFileError(f"{path} 不是有效的 PDF 文件（{type(exc).__name__}），未导入") from None


def _check_pdf_references(path: Path, document: Any) -> None:
    """No object is a reference to a reference to … for ever (pdfminer would follow such a
    chain without end), and the file has a bounded number of objects."""
    from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef

    ids = {objid for xref in document.xrefs for objid in xref.get_objids()}
    if len(ids) > MAX_PDF_OBJECTS:
        raise BadFileError(f"{path} 中的对象多得不正常（{len(ids):,} 个），未导入")
    for objid in ids:
        try:
            obj = document.getobj(objid)
            for _ in range(MAX_PDF_REFERENCE_CHAIN):
                if not isinstance(obj, PDFObjRef):
                    break
                obj = document.getobj(obj.objid)
            else:
                raise BadFileError(f"{path} 中有无尽的对象引用链，文件已损坏，未导入")
        except PDFObjectNotFound:
            continue  # a dangling reference: pdfminer reads it as nothing


def _check_page(path: Path, number: int, page: Any) -> None:
    from pdfminer.pdftypes import resolve1

    box = resolve1(page.attrs.get("MediaBox"))
    values = [resolve1(v) for v in box] if isinstance(box, list) else []
    if (
        len(values) != 4
        or not all(isinstance(v, int | float) for v in values)
        or not 0 < abs(values[2] - values[0]) < 1e5
        or not 0 < abs(values[3] - values[1]) < 1e5
    ):
        raise BadFileError(f"{path} 第 {number} 页的页面大小（MediaBox）无效，文件已损坏，未导入")
    size = 0
    for stream in _content_streams(page):
        size += _unpacked_size(stream, MAX_PDF_PAGE_CONTENT_BYTES - size)
        if size > MAX_PDF_PAGE_CONTENT_BYTES:
            raise BadFileError(
                f"{path} 第 {number} 页的绘图指令超过 {MAX_PDF_PAGE_CONTENT_BYTES // 1024} KB，"
                "不是正常的表格页面（可能是扫描件或被改动过），未导入"
            )


def _content_streams(page: Any) -> list[Any]:
    from pdfminer.pdftypes import resolve1

    contents = page.contents
    if not isinstance(contents, list):
        contents = [contents]
    return [resolve1(c) for c in contents if c is not None]


def _unpacked_size(stream: Any, room: int) -> int:
    """A content stream's unpacked size, unpacking at most ``room`` + 1 bytes of it."""
    from pdfminer.pdftypes import PDFStream

    if not isinstance(stream, PDFStream):
        return 0
    filters = stream.get_filters()
    raw = stream.rawdata if stream.rawdata is not None else stream.data
    if raw is None:
        return 0
    if not filters:
        return len(raw)
    name = str(filters[0][0]).strip("/'")
    if len(filters) == 1 and name.endswith(("FlateDecode", "Fl")):
        unpacker = zlib.decompressobj()
        try:
            return len(unpacker.decompress(raw, max(room, 0) + 1))
        except zlib.error:
            return len(raw)  # pdfminer copes with damaged streams in its own way
    # Other filters are rare in content streams; pdfminer unpacks them, bounded by the file size.
    return len(stream.get_data())


# -- after reading: the forms ----------------------------------------------------------------


def bound_result(path: Path, result: ImportResult, *, exact: bool = False) -> None:
    """At most :data:`MAX_FORMS_PER_FILE` forms, each within the bounds the store keeps.

    Text taken from documents may carry control characters (a PDF's text layer often does):
    they are removed, with a warning. An ``exact`` source (our JSON exchange file) is refused
    instead, as its text must come back as it was.
    """
    if len(result.forms) > MAX_FORMS_PER_FILE:
        raise BadFileError(
            f"{path} 中有 {len(result.forms):,} 张表，超过一次导入的上限 {MAX_FORMS_PER_FILE:,}，"
            "未导入；请拆分后再导入"
        )
    for number, form in enumerate(result.forms, start=1):
        if not exact and _drop_forbidden_characters(form.project):
            form.warnings.append(
                ImportWarning("去掉了文中不可见的控制字符", "", f"{path.name} 第 {number} 张表")
            )
        problem = project_problem(form.project)
        if problem:
            raise BadFileError(f"{path} 第 {number} 张表：{problem}，未导入")


def _drop_forbidden_characters(project: Project) -> bool:
    changed = False

    def clean(text: str) -> str:
        nonlocal changed
        if isinstance(text, str) and FORBIDDEN_CHARACTERS.search(text):
            changed = True
            return FORBIDDEN_CHARACTERS.sub("", text)
        return text

    project.fields = {label: clean(value) for label, value in project.fields.items()}
    project.sections = {label: clean(body) for label, body in project.sections.items()}
    for level1 in project.indicators:
        level1.name = clean(level1.name)
        for level2 in level1.groups:
            level2.name = clean(level2.name)
            for indicator in level2.indicators:
                indicator.name = clean(indicator.name)
                indicator.target = clean(indicator.target)
    return changed
