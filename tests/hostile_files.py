"""Bad files to import, each made from a real file of ours (or, for PDFs, written by hand
the way a PDF is): too big where it is small on disk, damaged, or built to hang a reader.

Every maker takes a folder and returns the file it wrote there.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from testdata import SEED_TEXT

from perfdesk import exchange
from perfdesk.exporting.docx import export_docx
from perfdesk.exporting.xlsx import export_xlsx
from perfdesk.sample import sample_projects

Maker = Callable[[Path], Path]

# -- zip packages ------------------------------------------------------------------------------


def our_xlsx(folder: Path) -> Path:
    path = folder / "ours.xlsx"
    export_xlsx(sample_projects(), path)
    return path


def our_docx(folder: Path) -> Path:
    path = folder / "ours.docx"
    export_docx(sample_projects(), path)
    return path


def repack(source: Path, out: Path, changes: dict[str, bytes | None]) -> Path:
    """``source`` with parts replaced (or dropped, for ``None``), packed again."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in changes:
                data = changes[info.filename]
                if data is not None:
                    new.writestr(info.filename, data)
            else:
                new.writestr(info, old.read(info))
        for name, data in changes.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    return out


def part(source: Path, name: str) -> bytes:
    with zipfile.ZipFile(source) as package:
        return package.read(name)


SHEET = "xl/worksheets/sheet1.xml"
DOCUMENT = "word/document.xml"


def _sheet_with(folder: Path, name: str, before: bytes, insert: bytes) -> Path:
    source = our_xlsx(folder)
    sheet = part(source, SHEET)
    return repack(source, folder / name, {SHEET: sheet.replace(before, insert + before, 1)})


def xlsx_cell_on_the_last_row(folder: Path) -> Path:
    """One value at row 1,048,576: the used range reaches the bottom of the sheet."""
    return _sheet_with(
        folder,
        "last-row.xlsx",
        b"</sheetData>",
        b'<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row>',
    )


def xlsx_merge_to_the_last_row(folder: Path) -> Path:
    return _sheet_with(
        folder, "merge-down.xlsx", b"</mergeCells>", b'<mergeCell ref="E1:E1048576"/>'
    )


def xlsx_four_million_cell_merge(folder: Path) -> Path:
    return _sheet_with(folder, "merge-4m.xlsx", b"</mergeCells>", b'<mergeCell ref="E1:H1000000"/>')


def xlsx_sheet_part_missing(folder: Path) -> Path:
    source = our_xlsx(folder)
    return repack(source, folder / "missing-sheet.xlsx", {"xl/worksheets/sheet2.xml": None})


def xlsx_malformed_xml(folder: Path) -> Path:
    source = our_xlsx(folder)
    sheet = part(source, SHEET)
    return repack(source, folder / "malformed.xlsx", {SHEET: sheet[: len(sheet) // 2]})


def _billion_laughs(root: bytes) -> bytes:
    entities = [b'<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        refs = f"&lol{level - 1};".encode() * 10
        entities.append(b'<!ENTITY lol%d "' % level + refs + b'">')
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [' + b"".join(entities) + b"]>\n" + root
    ).replace(b"LAUGH", b"&lol9;")


def xlsx_billion_laughs(folder: Path) -> Path:
    source = our_xlsx(folder)
    strings = _billion_laughs(
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>LAUGH</t></si></sst>'
    )
    return repack(source, folder / "laughs.xlsx", {"xl/sharedStrings.xml": strings})


def xlsx_huge_number_as_amount(folder: Path) -> Path:
    """项目总预算 typed as a number cell of 1e300 (openpyxl writes it as a float)."""
    from openpyxl import load_workbook

    source = our_xlsx(folder)
    book = load_workbook(source)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("项目总预算"):
                sheet.cell(row=cell.row, column=cell.column + 1, value=1e300)
    out = folder / "huge-amount.xlsx"
    book.save(out)
    return out


def _damaged_deflate(source: Path, name: str, out: Path) -> Path:
    """``source`` with the packed bytes of part ``name`` garbled half-way through."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(name)
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    start = header + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    data[middle : middle + 64] = bytes(range(64, 128))
    out.write_bytes(bytes(data))
    return out


def xlsx_damaged_deflate(folder: Path) -> Path:
    return _damaged_deflate(our_xlsx(folder), SHEET, folder / "damaged.xlsx")


def docx_damaged_deflate(folder: Path) -> Path:
    return _damaged_deflate(our_docx(folder), DOCUMENT, folder / "damaged.docx")


def docx_malformed_xml(folder: Path) -> Path:
    source = our_docx(folder)
    document = part(source, DOCUMENT)
    return repack(source, folder / "malformed.docx", {DOCUMENT: document[: len(document) // 2]})


def docx_billion_laughs(folder: Path) -> Path:
    source = our_docx(folder)
    document = part(source, DOCUMENT)
    body = document[document.index(b"<w:document") :]
    laughs = _billion_laughs(body.replace(b"<w:t>", b"<w:t>LAUGH", 1))
    return repack(source, folder / "laughs.docx", {DOCUMENT: laughs})


# -- PDF ---------------------------------------------------------------------------------------


def pdf_file(objects: dict[int, bytes]) -> bytes:
    """A PDF of ``objects`` (number -> body) with a correct cross-reference table; object 1
    is the catalogue."""
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = True) -> bytes:
    if compress:
        packed = zlib.compress(data, 9)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + (b"\nendstream")
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _one_page(page: bytes, extra: dict[int, bytes]) -> dict[int, bytes]:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: page,
        **extra,
    }


def pdf_millions_of_operators(folder: Path) -> Path:
    path = folder / "operators.pdf"
    drawing = b"0 0 m 1 1 l S\n" * 1_500_000  # 4.5 million operators
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    path.write_bytes(pdf_file(_one_page(page, {4: _stream(drawing)})))
    return path


def pdf_bad_media_box(folder: Path) -> Path:
    path = folder / "mediabox.pdf"
    text = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 (wide)] /Contents 4 0 R >>"
    path.write_bytes(pdf_file(_one_page(page, {4: _stream(text, compress=False)})))
    return path


def pdf_endless_reference_chain(folder: Path) -> Path:
    """The page's contents refer to an object that refers back, for ever."""
    path = folder / "chain.pdf"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    path.write_bytes(pdf_file(_one_page(page, {4: b"5 0 R", 5: b"4 0 R"})))
    return path


def pdf_page_tree_loop(folder: Path) -> Path:
    """The page tree lists itself among its own pages."""
    path = folder / "loop.pdf"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    }
    path.write_bytes(pdf_file(objects))
    return path


def pdf_garbage(folder: Path) -> Path:
    path = folder / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n")
    return path


# -- JSON and text -----------------------------------------------------------------------------


def _json_project(**changes: object) -> dict[str, object]:
    data = json.loads(exchange.dumps(sample_projects()[:1]))
    project: dict[str, object] = data["projects"][0]
    project.update(changes)
    return data


def _write_json(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def json_nested_deep(folder: Path) -> Path:
    path = folder / "deep.json"
    path.write_text('{"format": "perfdesk/1", "projects": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return path


def json_year_of_thousands_of_digits(folder: Path) -> Path:
    path = folder / "year.json"
    text = exchange.dumps(sample_projects()[:1]).replace('"year": 2020', '"year": ' + "9" * 5000)
    path.write_text(text, encoding="utf-8")
    return path


def json_lone_surrogate(folder: Path) -> Path:
    path = folder / "surrogate.json"
    text = exchange.dumps(sample_projects()[:1]).replace("上海科技报社", "上海\\ud800科技报社", 1)
    path.write_text(text, encoding="utf-8")
    return path


def json_control_characters(folder: Path) -> Path:
    path = folder / "control.json"
    text = exchange.dumps(sample_projects()[:1]).replace("上海科技报社", "上海\\u0001科技报社", 1)
    path.write_text(text, encoding="utf-8")
    return path


def json_ten_megabyte_name(folder: Path) -> Path:
    data = _json_project()
    projects = data["projects"]
    assert isinstance(projects, list)
    projects[0]["fields"]["项目名称"] = "长" * 10_000_000
    return _write_json(folder, "long-name.json", data)


def json_hundred_thousand_indicators(folder: Path) -> Path:
    row = {"level1": "产出目标", "level2": "数量", "name": "场次", "target": "≥1场"}
    return _write_json(folder, "indicators.json", _json_project(indicators=[row] * 100_000))


def txt_fifty_thousand_empty_titles(folder: Path) -> Path:
    path = folder / "titles.txt"
    path.write_text("财政项目支出绩效目标表\n" * 50_000, encoding="utf-8")
    return path


def txt_ten_megabyte_name(folder: Path) -> Path:
    path = folder / "long-name.txt"
    seed = SEED_TEXT.read_text(encoding="utf-8")
    path.write_text(seed.replace("项目名称", "项目名称" + "长" * 10_000_000, 1), encoding="utf-8")
    return path


# Each bad file and the words its refusal must use.
BOUNDED: dict[Maker, str] = {
    xlsx_cell_on_the_last_row: "超出绩效目标表的范围",
    xlsx_merge_to_the_last_row: "超出绩效目标表的范围",
    xlsx_four_million_cell_merge: "超出绩效目标表的范围",
    pdf_millions_of_operators: "绘图指令超过",
    json_nested_deep: "嵌套过深",
    json_year_of_thousands_of_digits: "位数太多",
    json_lone_surrogate: "无效字符",
    json_control_characters: "控制字符",
    json_ten_megabyte_name: "超过上限",
    json_hundred_thousand_indicators: "绩效指标超过",
    txt_fifty_thousand_empty_titles: "张表",
    txt_ten_megabyte_name: "超过上限",
}

MALFORMED: dict[Maker, str] = {
    xlsx_damaged_deflate: "已损坏",
    xlsx_malformed_xml: "XML 已损坏",
    xlsx_billion_laughs: "DTD",
    xlsx_sheet_part_missing: "缺少部件 xl/worksheets/sheet2.xml",
    docx_damaged_deflate: "",
    docx_malformed_xml: "",
    docx_billion_laughs: "",
    pdf_bad_media_box: "MediaBox",
    pdf_endless_reference_chain: "引用链",
    pdf_page_tree_loop: "没有可提取的文字",
    pdf_garbage: "PDF",
}
