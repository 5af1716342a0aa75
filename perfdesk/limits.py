"""Every bound PerfDesk puts on what it reads and keeps, in one place (the README names them).

A real form has fewer than 200 indicators, header fields of a few dozen characters and
narratives well under 100,000 characters. The bounds sit far above that, so no real form meets
them, and far below what would make a file take minutes or gigabytes to read. Anything beyond
them is refused with a message saying which bound and where, before it is stored.

Two kinds of bound:

- what a project may hold (:func:`project_problem`): checked by the store on every write, by
  every importer on what it read, and on every project of a backup before it is restored;
- what a file may be before it is parsed at all (sizes, counts, nesting): checked by the
  importers' common entry (:mod:`perfdesk.importing.bounds`) before any reader sees the file.
"""

from __future__ import annotations

import re

from perfdesk.errors import InvalidValueError
from perfdesk.layouts import FieldKind, UnknownLayoutError, get_layout
from perfdesk.model import Project, nodes_from_tree
from perfdesk.values import FIRST_FORM_YEAR, LAST_FORM_YEAR, clip, money_problem, normalize_date

# -- what one project may hold --------------------------------------------------------------

MAX_FIELD_CHARS = 2_000  # a header field: unit, project name, a choice, a date
MAX_SECTION_CHARS = 2_000_000  # a narrative section: a pasted megabyte is stored whole
MAX_INDICATOR_CHARS = 2_000  # a 一级/二级/三级 name or a 指标值
MAX_INDICATOR_NODES = 2_000  # rows of the indicator tree, groups included

# -- what an import may be --------------------------------------------------------------------

MAX_IMPORT_FILE_BYTES = 100 << 20  # any file given to import (a department's PDF included)
MAX_IMPORT_TEXT_CHARS = 20_000_000  # text taken from a .txt or a PDF, before it is read
MAX_FORMS_PER_FILE = 2_000  # forms found in one file
MAX_JSON_NUMBER_DIGITS = 30  # a number in JSON (a year); amounts are strings anyway

# .xlsx / .docx are zip packages of XML parts.
MAX_PACKAGE_MEMBERS = 10_000
MAX_PACKAGE_UNPACKED_BYTES = 200 << 20  # all parts together, unpacked
MAX_PACKAGE_RATIO = 200  # unpacked / packed, for parts above 1 MB (XML packs 5 to 50 times)
RATIO_CHECK_FROM_BYTES = 1 << 20
MAX_SHEET_ROW = 20_000  # a form's sheet has a few hundred rows
MAX_SHEET_COLUMN = 64  # ... and four to eight columns
MAX_DOCUMENT_ROWS = 50_000  # table rows of a Word document (a form: about 60)
MAX_SHEET_CELLS = 300_000  # every cell and merged cell of a workbook (a form: 250)

MAX_PDF_PAGES = 5_000
MAX_PDF_OBJECTS = 2_000_000  # objects of one PDF file
MAX_PDF_REFERENCE_CHAIN = 32  # an object that refers to an object that refers to …
MAX_PDF_PAGE_CONTENT_BYTES = 256 << 10  # a page's drawing instructions, unpacked (ours: 20 KB)

# Control characters (other than tab and line breaks), lone surrogates and non-characters:
# invisible in the form, and no XML file (.xlsx, .docx) can hold them.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def project_problem(project: Project) -> str | None:
    """What makes ``project`` something PerfDesk must not keep, in Chinese; None if nothing.

    Everything the editor, the printer and the exports take for granted: a known layout, a
    year that is a year, texts that are text within the bounds above, amounts and dates as the
    typed ones are checked, an indicator tree of bounded size.
    """
    try:
        spec = get_layout(project.layout) if isinstance(project.layout, str) else None
    except UnknownLayoutError as exc:
        return str(exc)
    if spec is None:
        return "表样不是文字"
    year = project.year
    if type(year) is not int or not FIRST_FORM_YEAR <= year <= LAST_FORM_YEAR:
        return f"年度“{clip(str(year))}”不是 {FIRST_FORM_YEAR}–{LAST_FORM_YEAR} 之间的年份"
    fields = {f.label: f for f in spec.fields}
    for label, value in project.fields.items():
        field = fields.get(label)
        if field is None:
            return f"表样 {spec.key} 没有字段“{clip(str(label))}”"
        problem = text_problem(value, MAX_FIELD_CHARS)
        if problem:
            return f"{label}：{problem}"
        if field.kind is FieldKind.DATE and value:
            try:
                if normalize_date(value) != value:
                    return f"{label}：日期应写成 YYYY-MM-DD"
            except InvalidValueError as exc:
                return f"{label}：{exc}"
    for label, body in project.sections.items():
        if label not in spec.sections:
            return f"表样 {spec.key} 没有栏目“{clip(str(label))}”"
        problem = text_problem(body, MAX_SECTION_CHARS)
        if problem:
            return f"{label}：{problem}"
    for label, amount in project.budget.items():
        if label not in spec.budget_labels:
            return f"表样 {spec.key} 没有金额“{clip(str(label))}”"
        problem = money_problem(amount)
        if problem:
            return f"{label}：{problem}"
    for count, node in enumerate(nodes_from_tree(project.indicators), start=1):
        if count > MAX_INDICATOR_NODES:
            return f"绩效指标超过 {MAX_INDICATOR_NODES} 行"
        if len(node.other_values) > len(spec.other_value_columns):
            return f"绩效指标“{clip(str(node.name))}”的指标值多于表样的指标值列"
        for text in (node.name, node.target, *node.other_values):
            problem = text_problem(text, MAX_INDICATOR_CHARS)
            if problem:
                return f"绩效指标“{clip(str(node.name))}”：{problem}"
    return None


def require_valid(project: Project) -> None:
    """Raise :class:`InvalidValueError` with :func:`project_problem`'s finding, if any."""
    problem = project_problem(project)
    if problem:
        raise InvalidValueError(problem)


def text_problem(text: object, limit: int) -> str | None:
    if not isinstance(text, str):
        return "应是文字"
    if len(text) > limit:
        return f"有 {len(text):,} 个字符，超过上限 {limit:,}"
    bad = FORBIDDEN_CHARACTERS.search(text)
    if bad:
        return f"含有不可见的控制字符或无效字符（U+{ord(bad[0]):04X}）"
    return None


def without_forbidden_characters(text: str) -> str:
    """``text`` without the characters no form may hold (for text taken from documents)."""
    return FORBIDDEN_CHARACTERS.sub("", text)
