"""Read printed forms back from their text (a .txt file, or what was extracted from a PDF).

Extraction scrambles a form in known ways: a label and its value on one line or on separate
lines, several labels on one line, cells wrapped mid-word with empty lines inside, a ``%``
split from its number, merged 一级/二级 cells printed once for several rows. The reader finds
the layout's labels (see :mod:`perfdesk.importing.grammar`), takes the text between two labels
as the first one's value and rejoins the broken lines. Whatever cannot be placed becomes an
:class:`ImportWarning` quoting the text; nothing is dropped or guessed without one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from perfdesk.errors import InvalidValueError
from perfdesk.importing.grammar import (
    DocumentGrammar,
    FormGrammar,
    Slot,
    SlotKind,
    all_grammars,
)
from perfdesk.importing.model import ImportedForm, ImportResult, ImportWarning
from perfdesk.model import IndicatorRow, Project
from perfdesk.target_value import normalize, parse_target

Warn = Callable[[str, str], None]

# Between the cells of a table row, where the source knows them (a PDF's ruled table).
CELL_SEPARATOR = "\t"
# A paragraph break inside a table cell written on a row's one line (a side-by-side text's
# numbered items); it becomes a line break where the cell is read as a section's text.
CELL_PARAGRAPH = "\v"
# In front of a table row that starts a page and may continue the previous page's last row
# (a PDF's table cut by a page break); it counts as white space everywhere else.
CELL_CONTINUED = "\x1e"
_CONTINUED = re.compile(r"\s*[（(]续[）)]$")

# A paragraph of a narrative that starts with a number: 2、 (二) 三、 (3) 4.
_ENUMERATOR = re.compile(
    r"(?:[0-9]{1,2}[、.．]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)
_SENTENCE_END = "。；;！!？?：:"
_PUNCTUATION = re.compile(r"[，。；、：,;:！？!?]")
# Words before a number that still make the whole cell a 指标值 (不低于90%, 提高10%).
_VALUE_PREFIXES = (
    "=", "≥", "≤", ">", "<", "±", "不低于", "不少于", "不小于", "不高于", "不超过", "不多于",
    "大于", "小于", "高于", "低于", "超过", "至少", "至多", "约", "提高", "降低", "增长",
    "下降", "减少", "增加", "达到", "控制在",
)  # fmt: skip
# The unit of the amounts (the 项目资金（元） row label wrapped beside them) after an amount.
_UNIT_AFTER_AMOUNT = re.compile(r"(?<=\d)\s*(?:[（(]\s*元\s*[）)]|元)$")
_MAX_GRADE = 8  # a worded 指标值 (合理, 反馈良好) is short
_MAX_GRADE_ALONE = 6  # ... and shorter still to be told from a wrapped 三级 name on its own line
_MAX_VALUE = 20


# ---------------------------------------------------------------------------------------------
# entry point


def read_text(text: str, where: str = "") -> ImportResult:
    """Every form found in ``text``; never raises on bad input, it warns instead."""
    text = clean(text)
    result = ImportResult()
    starts = _form_starts(text)
    if not starts:
        grammar = _best_guess(text)
        if grammar is None:
            if text.strip():
                result.warnings.append(
                    ImportWarning("没有找到可识别的绩效目标表", text.strip(), where)
                )
            else:
                result.warnings.append(ImportWarning("文件中没有文字", "", where))
            return result
        result.warnings.append(
            ImportWarning(f"没有找到表头“{grammar.layout.title}”，按该表样读取", "", where)
        )
        starts = [(0, grammar, None)]
    documents = _document_starts(text, [grammar for _, grammar, _ in starts])
    bounds = sorted([start for start, _, _ in starts] + [doc.start for doc in documents])
    before = text[: bounds[0]].strip()
    if before:
        result.warnings.append(ImportWarning("第一张表之前的文字未导入", before, where))

    def segment_end(start: int) -> int:
        later = bisect_right(bounds, start)
        return bounds[later] if later < len(bounds) else len(text)

    readers: list[_FormReader] = []
    for number, (start, grammar, title) in enumerate(starts, start=1):
        label = f"{where} 第 {number} 张表" if where else f"第 {number} 张表"
        reader = _FormReader(grammar, text[start : segment_end(start)], title, label)
        result.forms.append(reader.read())
        readers.append(reader)
    owners = _document_owners(documents, starts, result.projects, where, result.warnings)
    for doc, owner in zip(documents, owners, strict=True):
        if owner is not None:
            readers[owner].read_document(
                doc.grammar, text[doc.title_end : segment_end(doc.start)], result.forms[owner]
            )
    present: dict[int, set[str]] = {}
    for doc, owner in zip(documents, owners, strict=True):
        if owner is not None:
            present.setdefault(owner, set()).add(doc.grammar.name)
    for number, reader in enumerate(readers):
        reader.missing_documents(present.get(number, set()), result.forms[number])
    return result


@dataclass(frozen=True)
class _Document:
    """A document's title found in the text (sh2026: 项目经费情况说明)."""

    start: int
    title_end: int
    grammar: DocumentGrammar
    name: str  # the project's name in its title, "" when it has none
    title: str


def _document_starts(text: str, grammars: list[FormGrammar]) -> list[_Document]:
    kinds = {doc.name: doc for grammar in grammars for doc in grammar.documents}
    found = []
    for doc in kinds.values():
        for match in doc.title.finditer(text):
            name = match["bracketed"] or match["named"] or ""
            found.append(_Document(match.start(), match.end(), doc, _plain_name(name), match[0]))
    return sorted(found, key=lambda doc: doc.start)


def _plain_name(name: str) -> str:
    """A project's name as compared between a form and a narrative's title."""
    return re.sub(r"[\s（()）]", "", name)


def _names_match(title_name: str, form_name: str) -> bool:
    """The name in a narrative's title names the form's project (its 项目 may be the title's)."""
    form_name = _plain_name(form_name)
    return bool(form_name) and title_name in (
        form_name,
        form_name + "项目",
        form_name.removesuffix("项目"),
    )


def _document_owners(
    documents: list[_Document],
    starts: list[tuple[int, FormGrammar, re.Match[str] | None]],
    projects: list[Project],
    where: str,
    warnings: list[ImportWarning],
) -> list[int | None]:
    """Which form each document belongs to, by index; ``None`` (and a warning) where that is
    not certain. A document naming its project goes to the form of that name. One without a
    name goes to the form beside it: the form that follows it where documents come before
    their forms (published forms: narrative 1, form 1, narrative 2, form 2 …), otherwise the
    form before it (our printout). A form takes one document of each kind."""
    positions = [start for start, _, _ in starts]
    first_form = positions[0] if positions else 0
    before_style = any(doc.start < first_form for doc in documents)
    owners: list[int | None] = []
    taken: set[tuple[int, str]] = set()
    for doc in documents:
        after = bisect_right(positions, doc.start)  # forms before the document
        following = after if after < len(positions) else None
        preceding = after - 1 if after > 0 else None
        neighbour = following if before_style else preceding
        problem = ""
        owner: int | None
        if doc.name:
            named = [i for i, p in enumerate(projects) if _names_match(doc.name, p.name)]
            owner = neighbour if neighbour in named else (named[0] if len(named) == 1 else None)
            if not named:
                problem = "标题中的项目名称与文件中任何一张表都不相符"
            elif owner is None:
                problem = "标题中的项目名称与多张表相符"
        else:
            owner = neighbour
            if owner is None:
                problem = "前后没有可归属的表"
        if owner is not None and (owner, doc.grammar.name) in taken:
            problem = f"第 {owner + 1} 张表已有一份“{doc.grammar.name}”"
            owner = None
        if owner is None:
            warnings.append(
                ImportWarning(f"“{doc.grammar.name}”{problem}，未导入", doc.title, where)
            )
        else:
            taken.add((owner, doc.grammar.name))
        owners.append(owner)
    return owners


def clean(text: str) -> str:
    """One kind of line break, and the look-alike ideographs PDFs are full of made plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


# Kangxi radicals and CJK compatibility ideographs: what some PDFs map 目, 项 … to.
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")


def _form_starts(text: str) -> list[tuple[int, FormGrammar, re.Match[str] | None]]:
    found: dict[int, tuple[int, FormGrammar, re.Match[str]]] = {}
    for grammar in all_grammars():
        for match in grammar.title.finditer(text):
            known = found.get(match.start())
            if known is None or len(match[0]) > len(known[2][0]):
                found[match.start()] = (match.start(), grammar, match)
    return [found[pos] for pos in sorted(found)]


def _best_guess(text: str) -> FormGrammar | None:
    """The layout most of whose labels occur in a text without a title, if enough do."""
    scored = [(grammar.slot_count(text), grammar) for grammar in all_grammars()]
    best = max(scored, key=lambda item: item[0], default=(0, None))
    return best[1] if best[0] >= 3 else None


# ---------------------------------------------------------------------------------------------
# line joining


def join_lines(text: str, paragraphs: bool = False) -> str:
    """Rejoin what extraction broke into lines.

    Lines are glued without a space (CJK text wraps anywhere), except between two Latin
    letters. With ``paragraphs``, a break after a sentence end and before a numbered item
    (``2、``, ``（三）``) is a real paragraph break and stays.
    """
    out = ""
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif paragraphs and out[-1] in _SENTENCE_END and _ENUMERATOR.match(line):
            out += "\n" + line
        elif _is_latin_letter(out[-1]) and _is_latin_letter(line[0]):
            out += " " + line
        else:
            out += line
    return out


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


# ---------------------------------------------------------------------------------------------
# one form


class _FormReader:
    def __init__(
        self, grammar: FormGrammar, text: str, title: re.Match[str] | None, where: str
    ) -> None:
        self.grammar = grammar
        self.layout = grammar.layout
        self.text = unstack_label_rows(text, grammar.slots).replace(CELL_PARAGRAPH, "")
        self.cells_known = CELL_SEPARATOR in text  # a ruled table: no two cells run together
        if not self.cells_known:
            self.text = centred_fields(self.text, grammar)
        self.title = title
        self.where = where
        self.warnings: list[ImportWarning] = []

    def warn(self, message: str, text: str = "") -> None:
        self.warnings.append(ImportWarning(message, text, self.where))

    def read(self) -> ImportedForm:
        text, grammar = self.text, self.grammar
        pos = self.title.end() - self.title.start() if self.title else 0
        year: int | None = None
        caption = grammar.caption.match(text, pos)
        if caption:
            year = int(caption["year"])
            pos = caption.end()
        heading, columns = self._table_headings(pos)
        body_end = len(text)
        for match in (heading, columns):
            if match is not None:
                body_end = min(body_end, match.start())
        if year is None and heading is not None:
            found = heading.groupdict().get("year")  # sh2026's 绩效指标 carries no year
            year = int(found) if found else None
        chosen = self._choose_slots(pos, body_end)
        values = self._values(chosen, body_end)
        first = min((start for start, _, _ in chosen), default=body_end)
        self._unplaced(text[pos:first], "表头与第一个栏目之间的文字未导入")
        if heading is not None and columns is not None and heading.end() <= columns.start():
            self._unplaced(text[heading.end() : columns.start()], "绩效目标表头附近的文字未导入")

        if year is None:
            year = self._year_from_dates(values)
        project = Project.new(self.layout.key, year)
        self._fill(project, values)

        table_start = None
        if columns is not None:
            table_start = columns.end()
        elif heading is not None:
            table_start = heading.end()
            self.warn("没有找到绩效目标表的列标题“" + " ".join(self.layout.table_columns) + "”")
        if table_start is None:
            self.warn(f"没有找到“{self.layout.targets_caption(year)}”表，未导入任何绩效指标")
        if table_start is not None:
            table = _TableReader(grammar, self.warn)
            # the column headings printed again at the top of a page, one cell a line or not
            lines = grammar.columns.sub("", text[table_start:]).split("\n")
            lines = rejoin_wrapped_names(lines, grammar.level_names)
            if not self.cells_known:
                lines = centred_rows(lines, grammar, self.warn)
            for line in lines:
                table.feed(line)
            project.set_rows(table.finish())
        return ImportedForm(project, self.warnings)

    def read_document(self, document: DocumentGrammar, text: str, form: ImportedForm) -> None:
        """A document's sections (``text`` is what follows its title) onto ``form``."""
        reader = _FormReader(self.grammar, text, None, self.where)
        chosen = reader._choose_slots(0, len(text), document.slots)
        first = min((start for start, _, _ in chosen), default=len(text))
        reader._unplaced(text[:first], f"“{document.name}”开头的文字未导入")
        reader._fill(form.project, reader._values(chosen, len(text)))
        form.warnings.extend(reader.warnings)

    def missing_documents(self, present: set[str], form: ImportedForm) -> None:
        for document in self.grammar.documents:
            if document.name not in present:
                labels = "、".join(slot.key for slot in document.slots)
                form.warnings.append(
                    ImportWarning(
                        f"没有找到“{document.name}”，这些栏目未导入：{labels}", "", self.where
                    )
                )

    def _table_headings(self, pos: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
        """The targets heading and the column headings; a heading right above the columns
        wins over the same words inside a narrative."""
        grammar, text = self.grammar, self.text
        columns = grammar.columns.search(text, pos)
        headings = list(grammar.targets_heading.finditer(text, pos))
        if columns is not None:
            above = [h for h in headings if h.end() <= columns.start()]
            if above and not text[above[-1].end() : columns.start()].strip():
                return above[-1], columns
            after = [h for h in headings if h.start() >= columns.end()]
            if not above and not after:
                return None, columns
            return (above[-1] if above else None), columns
        return (headings[-1] if headings else None), None

    def _choose_slots(
        self, pos: int, end: int, slots: tuple[Slot, ...] | None = None
    ) -> list[tuple[int, int, Slot]]:
        """Each label's occurrence: the first one after the previous label, or failing that
        (labels out of order) the first one not already taken."""
        chosen: list[tuple[int, int, Slot]] = []
        missing: list[str] = []
        cursor = pos

        def free(match: re.Match[str]) -> bool:
            return all(match.end() <= s or match.start() >= e for s, e, _ in chosen)

        for slot in self.grammar.slots if slots is None else slots:
            matches = [m for m in slot.pattern.finditer(self.text, pos, end) if free(m)]
            in_order = [m for m in matches if m.start() >= cursor]
            pick = in_order[0] if in_order else (matches[0] if matches else None)
            if pick is None:
                if slot.kind is not SlotKind.HEADING:  # a heading holds nothing to lose
                    missing.append(slot.key)
                continue
            if in_order:
                cursor = pick.end()
            chosen.append((pick.start(), pick.end(), slot))
        if missing:
            self.warn("没有找到这些栏目（其文字可能并入了前一栏）：" + "、".join(missing))
        chosen.sort(key=lambda item: item[0])
        return chosen

    def _values(self, chosen: list[tuple[int, int, Slot]], end: int) -> list[tuple[Slot, str]]:
        values = []
        for number, (_, value_start, slot) in enumerate(chosen):
            value_end = chosen[number + 1][0] if number + 1 < len(chosen) else end
            values.append((slot, self.text[value_start:value_end]))
        return self._side_by_side(values)

    def _side_by_side(self, values: list[tuple[Slot, str]]) -> list[tuple[Slot, str]]:
        """The period section and the one after it are printed side by side (sh2026:
        项目总体目标 | 年度总体目标) and may read as two labels, then both texts: the texts are
        parted again, or kept in the holding section with a warning when they cannot be."""
        if self.cells_known:
            return values
        out = list(values)
        for number in range(len(out) - 1):
            (first, raw_first), (second, raw_second) = out[number], out[number + 1]
            if first.key != self.layout.period_section or second.kind is not SlotKind.SECTION:
                continue
            if self._bare(raw_first).strip() or not self._bare(raw_second).strip():
                continue
            texts = split_side_by_side(self._bare(raw_second))
            if texts is not None:
                out[number], out[number + 1] = (first, texts[0]), (second, texts[1])
                continue
            holding = self.layout.holding_section
            self.warn(
                f"“{first.key}”与“{second.key}”并排，两栏文字无法分开"
                + (f"，已放入“{holding}”" if holding else "，未导入"),
                raw_second,
            )
            out[number + 1] = (second, "")
            if holding:
                out.append((replace(second, key=holding), raw_second))
        return out

    def _bare(self, raw: str) -> str:
        """A section's text without a period and row-label lines met between the cells."""
        lines = [without_row_label(line, self.grammar) for line in raw.split("\n")]
        return _PERIOD.sub("", "\n".join(lines).strip())

    def _fill(self, project: Project, values: list[tuple[Slot, str]]) -> None:
        for slot, raw in values:
            if slot.kind is SlotKind.HEADING:
                self._unplaced(raw, f"“{slot.key}”下的文字未导入")
            elif slot.kind is SlotKind.SECTION:
                project.set_section(slot.key, join_lines(raw, paragraphs=True))
            elif slot.kind is SlotKind.FIELD:
                value = join_lines(raw)
                try:
                    project.set_field(slot.key, value)
                except InvalidValueError as exc:
                    self.warn(f"{slot.key}：{exc}，未导入", value)
            else:
                # a row label's line (项目 of 项目绩效目标) may follow the last amount
                value = _UNIT_AFTER_AMOUNT.sub("", join_lines(self._bare(raw)))
                try:
                    project.type_budget(slot.key, value)
                except InvalidValueError as exc:
                    self.warn(f"{slot.key}：{exc}，未导入", value)

    def _year_from_dates(self, values: list[tuple[Slot, str]]) -> int:
        for slot, raw in values:
            if slot.key == self.layout.start_date_field:
                found = re.search(r"(19|20|21)\d{2}", raw)
                if found:
                    self.warn(f"没有找到年度，按计划开始日期定为 {found[0]} 年度")
                    return int(found[0])
        year = date.today().year
        self.warn(f"没有找到年度，暂定为 {year} 年度")
        return year

    def _unplaced(self, text: str, message: str) -> None:
        if text.strip():
            self.warn(message, text.strip())


# ---------------------------------------------------------------------------------------------
# the indicator table


def without_row_label(line: str, grammar: FormGrammar) -> str:
    """``line`` without the lines of a vertical row label (项目 / 绩效 / 目标) in front."""
    while (piece := re.match(r"\s*(\S+)(?:\s+|$)", line)) and (
        piece[1] in grammar.row_label_pieces
    ):
        line = line[piece.end() :]
    return line


_PERIOD = re.compile(r"^\s*[（(]\s*\d{4}\s*年?\s*[-－—–~～至]+\s*\d{4}\s*年\s*[）)]")
_QUOTED = re.compile(r'^\s*"([^"]*)"\s*"([^"]*)"\s*$')
_TWO_SENTENCES = re.compile(r"^(.*?[。；;.])[ \t]+(\S.*)$", re.DOTALL)


def split_side_by_side(text: str) -> tuple[str, str] | None:
    """Two cells' texts printed after their two labels (项目总体目标 年度总体目标 …): each in
    quotes (a spreadsheet's cells), as two blocks apart by a blank line, or two sentences on
    one line (text extraction); ``None`` when they cannot be told apart."""
    quoted = _QUOTED.match(text)
    if quoted:
        return quoted[1], quoted[2]
    blocks = [block for block in re.split(r"\n[ \t]*\n", text.strip()) if block.strip()]
    if len(blocks) == 2:
        return blocks[0], blocks[1]
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    gaps = [n for n, line in enumerate(lines) if _TWO_SENTENCES.match(line)]
    if len(gaps) == 1 and len(lines) == 1:
        pair = _TWO_SENTENCES.match(lines[0])
        assert pair is not None
        return pair[1], pair[2]
    return _centred_pair(lines)


_MAX_CENTRED_LINES = 16


def _centred_pair(lines: list[str]) -> tuple[str, str] | None:
    """Two cells side by side, each wrapped and centred in the same row, as plain text
    extraction prints them: line by line from the top, a line shared by both cells where
    their lines sit at one height (left part first, a space, the right part). Every way the
    two cells' line counts could give these lines is tried; the texts are returned when
    exactly one way fits — wrapped lines as wide as each other, the last no wider — and
    leaves the fewest spaces inside a cell's line (where two cells' lines meet)."""
    if not 2 <= len(lines) <= _MAX_CENTRED_LINES:
        return None
    found: dict[int, set[tuple[str, str]]] = {}
    for left_count in range(1, 2 * len(lines) + 1):
        for right_count in range(1, 2 * len(lines) + 1):
            fit = _centred_cells(lines, left_count, right_count)
            if fit is not None:
                found.setdefault(fit[0], set()).add(fit[1])
    best = found[min(found)] if found else set()
    return best.pop() if len(best) == 1 else None


def _centred_cells(lines: list[str], left: int, right: int) -> tuple[int, tuple[str, str]] | None:
    """The two cells' texts if they wrapped into ``left`` and ``right`` lines, with the
    number of lines given to one cell that hold a space."""
    # heights in half lines from the row's middle
    left_at = [2 * i - (left - 1) for i in range(left)]
    right_at = [2 * j - (right - 1) for j in range(right)]
    heights = sorted(set(left_at) | set(right_at))
    if len(heights) != len(lines):
        return None
    left_lines: list[str] = []
    right_lines: list[str] = []
    spaced = 0
    for height, line in zip(heights, lines, strict=True):
        if height in left_at and height in right_at:
            parts = line.split()
            if len(parts) != 2:
                return None
            left_lines.append(parts[0])
            right_lines.append(parts[1])
            continue
        spaced += len(line.split()) > 1
        (left_lines if height in left_at else right_lines).append(line)
    if not (_wrapped_evenly(left_lines) and _wrapped_evenly(right_lines)):
        return None
    return spaced, (join_lines("\n".join(left_lines)), join_lines("\n".join(right_lines)))


_WIDTH_SLACK = 4  # half-width characters: a line may end early before a closing mark


def _wrapped_evenly(lines: list[str]) -> bool:
    """Lines a cell's text wrapped into: all but the last equally wide, the last no wider."""
    if len(lines) < 2:
        return True
    widths = [_width(line) for line in lines]
    full = widths[:-1]
    return max(full) - min(full) <= _WIDTH_SLACK and widths[-1] <= max(full) + _WIDTH_SLACK


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def unstack_label_rows(text: str, slots: tuple[Slot, ...]) -> str:
    """Sections printed side by side, as a PDF table gives them — a row of their labels, then
    a row of their texts, cells tab-separated (项目总体目标 | 年度总体目标) — turned into each
    label followed by its text, as everywhere else on the form."""
    if CELL_SEPARATOR not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = lines[i].split(CELL_SEPARATOR)
        values = lines[i + 1].split(CELL_SEPARATOR) if i + 1 < len(lines) else []
        kinds = [_label_kind(cell, slots) for cell in cells]
        if (
            len(values) == len(cells)
            and kinds.count(SlotKind.SECTION) >= 2
            and all(
                kind is not None or not cell.strip()
                for kind, cell in zip(kinds, cells, strict=True)
            )
        ):
            for cell, value in zip(cells, values, strict=True):
                value = value.replace(CELL_PARAGRAPH, "\n")
                out += [part for part in (cell.strip(), value.strip()) if part]
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _label_kind(cell: str, slots: tuple[Slot, ...]) -> SlotKind | None:
    """SECTION or HEADING when ``cell`` is just a section's label or a heading."""
    text = cell.strip()
    for slot in slots:
        if slot.kind in (SlotKind.SECTION, SlotKind.HEADING):
            match = slot.pattern.match(text)
            if match and not text[match.end() :].strip():
                return slot.kind
    return None


def rejoin_wrapped_names(lines: list[str], names: frozenset[str]) -> list[str]:
    """Lines with a 一级/二级 name that wrapped in its narrow cell put back together
    (``服务对象满意度`` / ``指标`` → ``服务对象满意度指标``, also over three lines whose pieces
    are names themselves: ``服务对象`` / ``满意度指`` / ``标``); the name may end a line after
    other cells. Blank lines between are skipped; rows whose cells are known (tab-separated)
    are left alone."""
    out: list[str] = []
    pending = ""  # a line ending in the beginning of a longer name

    def starts_a_name(key: str) -> bool:
        return any(n.startswith(key) and n != key for n in names) and not any(
            key.startswith(n) for n in names
        )

    def last_word(text: str) -> str:
        return _plain(text.split()[-1]) if text.split() else ""

    for line in lines:
        text = line.strip()
        if pending:
            if not text:
                continue
            key = last_word(pending) + _plain(text.split()[0])
            if CELL_SEPARATOR not in line and any(key.startswith(n) for n in names):
                out.append(pending + text)
                pending = ""
                continue
            if CELL_SEPARATOR not in line and len(text.split()) == 1 and starts_a_name(key):
                pending += text  # the middle of a name wrapped over three lines
                continue
            out.append(pending)
            pending = ""
        if text and CELL_SEPARATOR not in line and starts_a_name(last_word(text)):
            pending = text
            continue
        out.append(line)
    if pending:
        out.append(pending)
    return out


def centred_fields(text: str, grammar: FormGrammar) -> str:
    """A field's value wrapped over two (or four …) lines and centred in its cell, as plain
    text extraction prints a row of several cells: half its lines above the row's line,
    half below, and nothing after its label (``上海市某某区建设和管理委员`` / ``主管部门
    实施单位 某某区…`` / ``会（交通委员会）``). Where a line holds several labels, exactly one
    field's label with nothing after it, and as many lines without any label above it as
    below it, those lines are put back after that label."""
    columns = grammar.columns.search(text)  # the header is above the indicator table
    header_end = text.count("\n", 0, columns.start()) if columns else text.count("\n")
    lines = text.split("\n")
    fields = [slot for slot in grammar.slots if slot.kind is SlotKind.FIELD]

    def labels(line: str) -> list[re.Match[str]]:
        found = [m for slot in grammar.slots for m in slot.pattern.finditer(line)]
        return sorted(found, key=lambda m: m.start())

    def loose(line: str) -> bool:  # a line of text with no label (nor only a row label)
        return bool(without_row_label(line, grammar).strip()) and not labels(line)

    out = list(lines)
    taken: set[int] = set()
    for number, line in enumerate(lines[:header_end]):
        if len(line.split()) < 2 or not any(slot.pattern.search(line) for slot in fields):
            continue  # several cells on a line are apart by spaces
        found = labels(line)
        if len(found) < 2:
            continue
        empty = [
            m
            for m, after in zip(found, [*found[1:], None], strict=True)
            if any(slot.pattern.fullmatch(m[0]) for slot in fields)
            and not line[m.end() : after.start() if after else len(line)].strip()
        ]
        if len(empty) != 1:
            continue
        above = _run(lines, number, -1, loose)
        below = _run(lines, number, 1, loose)
        if not above or len(below) < len(above) or taken & set(above):
            continue
        below = below[: len(above)]
        moved = join_lines("\n".join(lines[n] for n in [*above, *below]))
        label = empty[0]
        out[number] = f"{line[: label.end()]} {moved} {line[label.end() :].strip()}"
        for n in [*above, *below]:
            out[n] = ""
        taken |= {*above, *below}
    return "\n".join(out)


def _run(lines: list[str], start: int, step: int, loose: Callable[[str], bool]) -> list[int]:
    """The loose lines next to line ``start`` going by ``step``, nearest first; stops at a
    blank line or a line with a label."""
    run: list[int] = []
    n = start + step
    while 0 <= n < len(lines) and loose(lines[n]):
        run.append(n)
        n += step
    return sorted(run)


@dataclass
class _PrintedLine:
    """A line of a table printed as plain text, taken apart as far as its words allow."""

    text: str
    level1: str = ""
    level2: str = ""
    name: str = ""
    value: str = ""
    content: str = ""  # what follows the 一级/二级 names
    above: int = 0  # fragment lines found above an incomplete row's line

    @property
    def row(self) -> bool:
        """A row's line: its 二级 and something of its own."""
        return bool(self.level2 and self.content)

    @property
    def incomplete(self) -> bool:
        return self.row and not (self.name and self.value)


def _printed_line(line: str, grammar: FormGrammar) -> _PrintedLine:
    """The line's names; its 三级 name and 指标值 only once :func:`_split` is called."""
    rest = without_row_label(line.strip(), grammar)
    parsed = _PrintedLine(line)
    if match := grammar.level1.match(rest):
        parsed.level1, rest = _plain(match["name"]), rest[match.end() :].strip()
    if match := grammar.any_level2.match(rest):
        parsed.level2, rest = _plain(match["name"]), rest[match.end() :].strip()
    parsed.content = rest
    return parsed


def _split(parsed: _PrintedLine) -> _PrintedLine:
    name, value = split_row(parsed.content)
    parsed.name, parsed.value = name, value or ""
    return parsed


def centred_rows(lines: list[str], grammar: FormGrammar, warn: Warn) -> list[str]:
    """A table's rows put back together where plain text extraction printed a cell's lines
    round its row: a cell centred in its row and wrapped over an even number of lines leaves
    the row's line without it, half its lines above and half below (``新建人行道…总长`` /
    ``数量指标 ≥1.2公里`` / ``度（含路口）``); wrapped over an odd number, its middle line
    is on the row's. Only a table with such a row's line, one that lacks its 三级 name or its
    指标值, is taken for centred; there a row takes the plain lines above its line (back to
    the previous row's share) and as many below; such rows are written with their cells
    known (tab-separated). Other lines are left for the table reader as they are. Only a
    four-column table (一级, 二级, 三级, value)."""
    if len(grammar.layout.table_columns) != 4 or len(grammar.layout.value_headings) != 1:
        return lines
    if not any(len(line.split()) > 1 for line in lines):
        return lines  # one cell a line: no row's line
    parsed = [_printed_line(line, grammar) for line in lines]
    # a list, so that every row line is split before any is looked at
    if not any([_split(line).incomplete for line in parsed if line.row]):
        return lines
    for line in parsed:
        if not line.row:
            _split(line)
    taken: dict[int, list[_PrintedLine]] = {}  # row line -> fragments, in print order
    owner_of: dict[int, int] = {}  # fragment line -> its row line
    rows = [n for n, line in enumerate(parsed) if line.row]
    bounds = [-1, *rows, len(parsed)]
    for above_row, below_row in itertools.pairwise(bounds):
        gap = [
            n
            for n in range(above_row + 1, below_row)
            if parsed[n].content
            and not parsed[n].level2
            and not (parsed[n].name and parsed[n].value)  # a row under a merged 二级
        ]
        if not gap:
            continue
        upper = parsed[above_row] if above_row >= 0 else None
        lower = parsed[below_row] if below_row < len(parsed) else None
        share = upper.above if upper is not None else 0
        for n in gap[:share]:
            owner_of[n] = above_row
        above_lower = gap[share:]
        # a value on a line of its own ends a row written cell by cell: not a centred cell
        if any(looks_like_value(parsed[n].content, alone=True) for n in above_lower):
            above_lower = []
        if lower is not None and above_lower:
            for n in above_lower:
                owner_of[n] = below_row
            lower.above = len(above_lower)
    for n, row in owner_of.items():
        taken.setdefault(row, []).append(parsed[n])
    out: list[str] = []
    for n, line in enumerate(parsed):
        if n in owner_of:
            continue
        pieces = taken.get(n)
        if pieces is None:
            out.append(line.text)
            continue
        above = [p.content for p in pieces[: line.above]]
        below = [p.content for p in pieces[line.above :]]
        missing = join_lines("\n".join([*above, *below]))
        name, value = line.name, missing
        if line.name and line.value:
            # a cell wrapped over an odd number of lines: its middle one on the row's line
            name = join_lines("\n".join([*above, line.name, *below]))
            value = line.value
            if not looks_like_value(line.value, alone=True):
                warn("三级目标与指标值哪一栏换了行无法确定，按三级目标读入，请核对", name)
        elif line.value:
            name, value = missing, line.value
        elif looks_like_value(line.name, alone=True) and not looks_like_value(missing, False):
            name, value = missing, line.name
            if not parse_target(line.name).is_quantitative:
                # a short word could be either cell; as elsewhere it is taken for the 指标值
                warn("三级目标与指标值各在哪一栏无法确定，请核对", f"{line.name} {missing}")
        out.append(CELL_SEPARATOR.join((line.level1, line.level2, name, value)))
        # a merged 一级 printed beside a fragment names the rows it stands among
        out += [p.level1 for p in pieces if p.level1]
    return out


def looks_like_value(text: str, alone: bool) -> bool:
    """Whether ``text`` reads as a whole 指标值 cell.

    ``alone``: the text is a line of its own, where a wrapped piece of a 三级 name could also
    stand, so only values that start like one (``=``, ``≥``, a number, 不低于 …) or short
    words count.
    """
    value = parse_target(text)
    if not value.understood or _PUNCTUATION.search(text):
        return False
    plain = normalize(text)
    if value.is_quantitative:
        if len(plain) > _MAX_VALUE:
            return False
        if not alone:
            return True
        return plain[:1].isdigit() or plain.startswith(_VALUE_PREFIXES)
    if alone:
        return 2 <= len(plain) <= _MAX_GRADE_ALONE
    return len(plain) <= _MAX_GRADE


def is_unit_piece(text: str) -> bool:
    """A unit that wrapped away from its number: ``%``, ``(%)``, ``次``."""
    if re.fullmatch(r"[(（]?\s*[%％‰][)）]?", text):
        return True
    return len(text) <= 3 and parse_target("1" + text).unit == text


def split_row(text: str) -> tuple[str, str | None]:
    """A row's remainder as (三级 name, 指标值); the value is None when the line has none."""
    tokens = list(re.finditer(r"\S+", text))
    if len(tokens) < 2:
        return text, None
    for count in (1, 2, 3):
        if count >= len(tokens):
            break
        start = tokens[-count].start()
        candidate = text[start:]
        if looks_like_value(candidate, alone=False):
            first = len(tokens) - count
            while first > 0 and _is_operator(tokens[first - 1][0]):
                first -= 1
            start = tokens[first].start()
            return text[:start].strip(), text[start:].strip()
    return text, None


def split_values(text: str, count: int) -> tuple[str, list[str]]:
    """Up to ``count`` 指标值 peeled off the end of a row's remainder, in print order, and the
    三级 name before them (a layout with more than one value column)."""
    name, values = text, list[str]()
    while len(values) < count:
        rest, value = split_row(name)
        if value is None:
            if name and values and looks_like_value(name, alone=False):
                values.insert(0, name)  # the line was values only
                name = ""
            break
        values.insert(0, value)
        name = rest
    return name, values


def _is_operator(token: str) -> bool:
    return normalize(token) in _VALUE_PREFIXES


class _TableReader:
    """Feeds on the table's lines one by one; rows end with their 指标值."""

    def __init__(self, grammar: FormGrammar, warn: Warn) -> None:
        self.grammar = grammar
        self.warn = warn
        self.rows: list[IndicatorRow] = []
        self.level1 = ""
        self.level2 = ""
        self.need_level2 = False  # a 一级 began and its first 二级 has not come yet
        self.group_rows = 0  # rows (of any kind) in the current 二级 group
        self.level1_groups = 0  # 二级 groups in the current 一级
        self.name_parts: list[str] = []  # the open row's 三级 name so far
        self.values: list[str] = []  # the open row's 指标值 so far (more than one value column)
        self.value_count = len(grammar.layout.value_headings)
        # Rows before any 一级 or 二级: in plain text a merged cell prints its name in the
        # middle of its rows, so the first names met are theirs
        self.unlabelled: list[int] = []
        self.unlabelled_in_cells = False  # ... but a ruled table's blank cell is blank
        self.centred = False  # the table began with such rows: its merged names are centred
        self.since_label: list[int] = []  # rows since the last name, without one of their own
        self.last_row_tabbed = False  # the last row came from a ruled table's line
        self.line_tabbed = False  # ... and the line being read
        self.row_labelled = False  # a name was met since the last row
        # The 一级 was taken from a 二级 name it owns: its merged cell prints its name lower
        # down (the middle of its rows, or the next page); the first 二级 that led to it
        self.level1_inferred_from = ""
        # the last row was closed by a worded 指标值 on a line of its own (合理, 通过率 …)
        self.closed_by_word = False

    # -- structure -----------------------------------------------------------------------

    def feed(self, line: str) -> None:
        rest = line.strip()
        if not rest or self.grammar.columns.fullmatch(rest):
            return  # the column headings repeat on each page
        if self.grammar.targets_heading.fullmatch(rest):
            return
        cells = line.split(CELL_SEPARATOR)
        self.line_tabbed = len(cells) > 1
        if len(cells) == len(self.grammar.layout.table_columns):
            texts = [cell.strip() for cell in cells]
            self.row_labelled |= bool(texts[0] or texts[1])
            if not (line.startswith(CELL_CONTINUED) and self._continue_row(*texts)):
                self._cells(*texts)
            return
        group = (self.level1, self.level2)
        rows_before = len(self.rows)
        rest = self._peel_levels(without_row_label(rest.replace(CELL_SEPARATOR, " "), self.grammar))
        if (self.level1, self.level2) != group:
            self._label_met(rest, tabbed=self.line_tabbed, rows_before=rows_before)
            self.row_labelled = True
        if rest and self.need_level2:
            token = re.match(r"\S+", rest)
            assert token is not None
            self.warn(f"“{self.level1}”下的二级目标不是常用名称，请核对", token[0])
            self._start_level2(token[0])
            rest = rest[token.end() :].strip()
        if rest:
            self._content(rest)

    def _label_met(self, rest: str, tabbed: bool, rows_before: int) -> None:
        """A 一级/二级 name began a new group. Printed alone where its cell is merged and
        centred — in the middle of its rows (a table that began with rows above any name), or
        outside its table where a page break cut the cell — it may own rows above it that
        stand under the group before: those are pointed out, not moved on a guess."""
        unnamed = [i for i in self.since_label if i < rows_before]
        self.since_label = []
        escaped = self.last_row_tabbed and not tabbed
        if rest or not unnamed or not (self.centred or escaped):
            return
        rows = [self.rows[i] for i in unnamed]
        self.warn(
            f"“{self.level2 or self.level1}”印在合并单元格中，其上方归入“"
            f"{rows[-1].level2 or rows[-1].level1}”的 {len(rows)} 行中可能有属于它的，请核对",
            ("…" if len(rows) > 3 else "") + "、".join(row.name for row in rows[-3:]),
        )

    def _cells(self, level1: str, level2: str, name: str, *values: str) -> None:
        """A row whose cells are known: nothing to guess. An empty 一级/二级 cell is one
        covered by the merged cell above — unless the row's 二级 belongs to another 一级,
        whose merged cell names it lower down (see :meth:`_owner_of`)."""
        self.closed_by_word = False
        self._close_open_row()
        if level1:
            self._start_level1(_CONTINUED.sub("", level1))
        if level2:
            level2 = _CONTINUED.sub("", level2)
            if not level1:
                self._owner_of(_plain(level2))
            self._start_level2(level2)
        if name or any(values):
            self.unlabelled_in_cells |= not (self.level1 or self.level2)
            self.name_parts = [name]
            if any(values):
                self._add_row(join_lines(name), *values)
                self.name_parts = []
            else:
                self._close_open_row()

    def _continue_row(self, level1: str, level2: str, name: str, *values: str) -> bool:
        """A row at the top of a page, after the previous page's last row: without 一级 and
        二级 and with only its 三级 name or only its 指标值, it is that row's text running
        on (a new row would have both); it is added to it. With both it is read as a row of
        its own, and said."""
        if level1 or level2 or not self.rows or not self.group_rows or self.value_count != 1:
            return False
        (value,) = values
        last = self.rows[-1]
        if name and value:
            self.warn("分页处的一行可能是上一行的续行，按新的一行读入，请核对", f"{name} {value}")
            return False
        if name:
            self.rows[-1] = replace(last, name=join_lines(f"{last.name}\n{name}"))
        elif value:
            self.rows[-1] = replace(last, target=join_lines(f"{last.target}\n{value}"))
        return True

    def _peel_levels(self, rest: str) -> str:
        level1_here = False
        while rest:
            match = self.grammar.level1.match(rest)
            if match:
                level1_here = True
                self._start_level1(_plain(match["name"]))
                rest = rest[match.end() :].strip()
                continue
            usual = self.grammar.level2.get(self.level1)
            match = usual.match(rest) if usual else None
            if match:
                self._start_level2(_plain(match["name"]))
                rest = rest[match.end() :].strip()
                continue
            match = self.grammar.any_level2.match(rest)
            if match:
                name = _plain(match["name"])
                if not level1_here:
                    self._owner_of(name)
                self._start_level2(name)
                rest = rest[match.end() :].strip()
                continue
            break
        return rest

    def _owner_of(self, level2: str) -> None:
        """A usual 二级 name that belongs to another 一级 than the current one starts that
        一级: a merged 一级 cell prints its name in the middle of its rows (or on the next
        page only), below rows that are already its own. Unless the name then turns up, the
        rows are pointed out when the 一级 ends."""
        owner = self.grammar.level2_owner.get(level2)
        if owner is None or owner == self.level1:
            return
        if self.level1 and self.level1 not in self.grammar.layout.level1_names:
            return  # a 一级 of the form's own naming holds whatever 二级 it was given
        self._start_level1(owner)
        self.level1_inferred_from = level2

    def _start_level1(self, name: str) -> None:
        self.closed_by_word = False
        if name == self.level1:
            self.level1_inferred_from = ""  # its name, printed below its first rows
            return  # the same 一级 repeated (continued on a new page)
        self._close_group()
        self._close_level1()
        self.level1, self.level2 = name, ""
        self.need_level2 = True
        self.level1_groups = 0
        for index in self.unlabelled:
            self.rows[index] = replace(self.rows[index], level1=name)

    def _start_level2(self, name: str) -> None:
        self.closed_by_word = False
        if name == self.level2 and not self.need_level2:
            return  # the same 二级 repeated (continued on a new page)
        self._close_group()
        self.level2 = name
        self.need_level2 = False
        self.level1_groups += 1
        self.group_rows = 0
        if self.unlabelled:
            first = self.rows[self.unlabelled[0]]
            self.centred = not self.unlabelled_in_cells
            if self.unlabelled_in_cells:
                self.warn(f"绩效指标前没有一级、二级目标，归入“{name}”，请核对", first.name)
            for index in self.unlabelled:
                self.rows[index] = replace(self.rows[index], level2=name)
            self.group_rows = len(self.unlabelled)
            self.unlabelled = []
            self.since_label = []  # placed: nothing above the first names

    def _close_group(self) -> None:
        self._close_open_row()
        if self.level2 and not self.group_rows:
            self.warn(f"“{self.level1}”下的二级目标没有三级目标", self.level2)
            self.rows.append(IndicatorRow(self.level1, self.level2, "", ""))  # an empty 二级 group

    def _close_level1(self) -> None:
        if self.level1_inferred_from:
            self.warn(
                f"没有找到一级目标“{self.level1}”，按二级目标归入该一级目标，请核对",
                self.level1_inferred_from,
            )
            self.level1_inferred_from = ""
        if self.level1 and not self.level1_groups:
            self.warn("一级目标下没有二级目标", self.level1)
            self.rows.append(IndicatorRow(self.level1, "", "", ""))

    def finish(self) -> list[IndicatorRow]:
        self._close_group()
        self._close_level1()
        if self.unlabelled:
            self.warn("绩效指标前没有一级、二级目标", self.rows[self.unlabelled[0]].name)
        return self.rows

    # -- rows ----------------------------------------------------------------------------

    def _content(self, rest: str) -> None:
        if self.value_count > 1:
            self._content_of_many(rest)
            return
        name, value = split_row(rest)
        if value is not None and name:
            self.name_parts.append(name)
            self._close_row(value)
        elif self.name_parts:
            if self.name_parts[-1][-1].isdigit() and is_unit_piece(rest):
                self.name_parts.append(rest)  # 发布信息1400 / 条: the name wrapped at its unit
            elif looks_like_value(rest, alone=True):
                self._close_row(rest)
                self.closed_by_word = not parse_target(rest).is_quantitative
                return
            else:
                self.name_parts.append(rest)
        elif self._continues_value(rest):
            self.rows[-1] = replace(self.rows[-1], target=self.rows[-1].target + rest)
        elif self.closed_by_word and self._is_number_value(rest):
            # the short word that closed the last row was the end of its name: 讲座内容审核 /
            # 通过率 / 100%, the name broken (at a page break, say) before a word
            last = self.rows[-1]
            self.rows[-1] = replace(
                last, name=join_lines(f"{last.name}\n{last.target}"), target=rest
            )
        else:
            self.name_parts.append(rest)
        self.closed_by_word = False

    @staticmethod
    def _is_number_value(text: str) -> bool:
        return looks_like_value(text, alone=True) and parse_target(text).is_quantitative

    def _content_of_many(self, rest: str) -> None:
        """A line of a table with several value columns: a row ends with its last value."""
        name, values = split_values(rest, self.value_count - len(self.values))
        if values and (name or self.name_parts or self.values):
            if name:
                if self.values:  # a new name while values are missing: the row is done
                    self._close_open_row()
                self.name_parts.append(name)
            self.values += values
        elif self.name_parts and looks_like_value(rest, alone=True):
            self.values.append(rest)
        else:
            if self.values:
                self._close_open_row()
            self.name_parts.append(rest)
        if len(self.values) >= self.value_count:
            self._add_row(join_lines("\n".join(self.name_parts)), *self.values)
            self.name_parts, self.values = [], []

    def _continues_value(self, piece: str) -> bool:
        """A unit on its own line right after a number that ended a row (=100 / %)."""
        if not self.rows or not self.group_rows:
            return False
        target = self.rows[-1].target
        return bool(target) and target[-1].isdigit() and is_unit_piece(piece)

    def _close_row(self, value: str) -> None:
        self._add_row(join_lines("\n".join(self.name_parts)), value)
        self.name_parts = []

    def _close_open_row(self) -> None:
        if self.name_parts:
            name = join_lines("\n".join(self.name_parts))
            self.warn("三级目标没有指标值" if not self.values else "三级目标的指标值不全", name)
            self._add_row(name, *self.values)
            self.name_parts, self.values = [], []

    def _add_row(self, name: str, *values: str) -> None:
        """A row with its values in print order (one per value column, blanks at the end
        left out)."""
        if not self.level1 and not self.level2:
            self.unlabelled.append(len(self.rows))
        if self.row_labelled:
            self.since_label = []
        else:
            self.since_label.append(len(self.rows))
        self.row_labelled = False
        self.last_row_tabbed = self.line_tabbed
        layout = self.grammar.layout
        padded = (*values, *[""] * len(layout.value_headings))[: len(layout.value_headings)]
        target, others = layout.split_values(padded)
        self.rows.append(IndicatorRow(self.level1, self.level2, name, target, others))
        self.group_rows += 1


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name)
