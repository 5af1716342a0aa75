"""How a layout's printed form reads as text: its labels turned into search patterns.

Everything comes from the :class:`~perfdesk.layouts.Layout` (title, caption, field labels,
sections, budget labels, headings, 一级/二级 names, whether labels end in a colon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from perfdesk.layouts import FORM, Layout, all_layouts, get_layout

# Characters that extraction or typing spells either way.
_EITHER_WAY = {
    "（": "[（(]",
    "(": "[（(]",
    "）": "[）)]",
    ")": "[）)]",
    "：": "[：:]",
    ":": "[：:]",
    "、": "[、,，]",
}
_CONTINUED = r"(?:[（(]续[）)])?"  # a group label repeated on the next page


class SlotKind(StrEnum):
    FIELD = "field"
    SECTION = "section"
    BUDGET = "budget"
    HEADING = "heading"  # a heading with nothing of its own after it


@dataclass(frozen=True)
class Slot:
    """A label on the form and where its value goes."""

    kind: SlotKind
    key: str  # the field, section or budget key; the heading text for headings
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DocumentGrammar:
    """A document printed beside the form (sh2026: 项目经费情况说明): its title, which may
    carry the project's name in front (group "named") or in a line in brackets under it
    (group "bracketed"), and the labels of its sections."""

    name: str
    title: re.Pattern[str]
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class FormGrammar:
    layout: Layout
    title: re.Pattern[str]
    caption: re.Pattern[str]  # group "year"
    slots: tuple[Slot, ...]
    targets_heading: re.Pattern[str]  # group "year"
    columns: re.Pattern[str]
    level1: re.Pattern[str]  # a 一级 name at the start of a line's remainder
    level2: dict[str, re.Pattern[str]]  # by 一级: its usual 二级 names
    any_level2: re.Pattern[str]
    level2_owner: dict[str, str]  # usual 二级 name -> the 一级 it belongs to
    documents: tuple[DocumentGrammar, ...] = ()
    # Every 一级 and 二级 name the layout knows, for rejoining a name wrapped over two lines
    level_names: frozenset[str] = frozenset()
    # The lines a vertical row label (项目\n绩效\n目标) is printed in, met between cells
    row_label_pieces: frozenset[str] = frozenset()

    def slot_count(self, text: str) -> int:
        """How many of this layout's labels occur in ``text``: which layout a text is."""
        return sum(1 for slot in self.slots if slot.pattern.search(text))


def spelled(text: str) -> str:
    """A regex for ``text`` as extraction may render it: spaces or line breaks between any two
    characters, and brackets, colons and 、 in either width."""
    parts: list[str] = []
    for char in text:
        if char.isspace():
            continue
        parts.append(_EITHER_WAY.get(char, re.escape(char)))
    return r"\s*".join(parts)


def _with_year(template: str) -> str:
    before, _, after = template.partition("{year}")
    year = r"(?P<year>\d{4})"
    if not _:
        return spelled(template)
    return (spelled(before) + r"\s*" if before else "") + year + r"\s*" + spelled(after)


def _names(names: list[str]) -> re.Pattern[str]:
    """Whole names at the start of a string, longest first, with an optional （续）."""
    if not names:
        return re.compile(r"(?!)")
    alternation = "|".join(f"(?:{spelled(n)})" for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?P<name>{alternation}){_CONTINUED}(?=\s|$)")


# The project's name in front of a document's title: on the title's line, no sentence in it,
# and not a reference to the document (详见…项目经费情况说明).
_NAME_IN_TITLE = r"(?!\s*(?:详见|参见|见))(?P<named>[^\n，。；：:、,;“”\"]{0,80}?)"


def _document_title(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"^[ \t]*{_NAME_IN_TITLE}[ \t]*{spelled(name)}[ \t]*"
        rf"(?:\n[ \t]*[（(](?P<bracketed>[^\n]*)[）)][ \t]*)?(?=\n|$)",
        re.MULTILINE,
    )


def _row_label_pieces(layout: Layout) -> frozenset[str]:
    """The lines a narrow merged cell prints its label in (:meth:`Layout.row_label_lines`),
    a bracketed unit also in ASCII brackets."""
    labels = [layout.budget_heading, layout.targets_heading]
    labels += [part.heading for part in layout.parts_of(FORM) if part.heading]
    pieces: set[str] = set()
    for label in labels:
        if "{" in label:
            continue
        for line in Layout.row_label_lines(label):
            pieces.add(line)
            if line.startswith("（"):
                pieces.add(line.replace("（", "(").replace("）", ")"))
    return frozenset(pieces - set(layout.level1_names))


@cache
def grammar_for(key: str) -> FormGrammar:
    return _grammar(get_layout(key))


@cache
def _grammar(layout: Layout) -> FormGrammar:
    colon = layout.label_colon

    def spelled_label(text: str) -> str:
        """The label and its other spellings met in forms (the layout's aliases)."""
        return "(?:" + "|".join(spelled(t) for t in layout.labels_for(text)) + ")"

    def label(text: str, before: str = "", after: str = "") -> re.Pattern[str]:
        if colon:
            return re.compile(before + spelled_label(text) + after + r"\s*[：:]")
        # a colon may run straight into the value (三、实施主体：上海…); text extraction runs
        # a label into an amount or a date on either side (0项目总目标, 计划开始日期2026/1/1)
        return re.compile(
            rf"(?<![^\s\d]){before}{spelled_label(text)}{after}(?:\s*[：:]|(?=\s|$|\d))"
        )

    def heading(text: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\S){spelled_label(text)}(?=\s|$)")

    def section(key: str) -> re.Pattern[str]:
        """A section's label; the period section's may carry a multi-year period after it."""
        if key != layout.period_section:
            return label(key)
        period = r"(?:\s*[（(]\s*\d{4}\s*年?\s*[-－—–~～至]+\s*\d{4}\s*年\s*[）)])?"
        return label(key, after=period)

    def amount(text: str) -> re.Pattern[str]:
        """An amount's label; the first part of a total is printed 其中：…."""
        return label(text, before=r"(?:其中\s*[：:]\s*)?")

    slots = [Slot(SlotKind.FIELD, f.label, label(f.label)) for f in layout.fields]
    for part in layout.parts_of(FORM):
        if part.heading:
            slots.append(Slot(SlotKind.HEADING, part.heading, heading(part.heading)))
        slots += [Slot(SlotKind.SECTION, s, section(s)) for s in part.sections]
    slots.append(Slot(SlotKind.HEADING, layout.budget_heading, heading(layout.budget_heading)))
    slots += [Slot(SlotKind.BUDGET, m.label, amount(m.printed)) for m in layout.budget]
    documents = tuple(
        DocumentGrammar(
            name,
            _document_title(name),
            tuple(
                Slot(SlotKind.SECTION, s, section(s))
                for part in layout.parts_of(name)
                for s in part.sections
            ),
        )
        for name in layout.documents
        if name != FORM
    )
    owner: dict[str, str] = {}
    for spec in layout.level1:
        for name in spec.level2:
            owner.setdefault(name, spec.name)
    return FormGrammar(
        layout=layout,
        title=re.compile(rf"^[ \t]*{spelled(layout.title)}[ \t]*(?=\n|$|[（(])", re.MULTILINE),
        caption=re.compile(r"\s*" + _with_year(layout.year_caption)),
        slots=tuple(slots),
        targets_heading=re.compile(rf"(?<!\S){_with_year(layout.targets_heading)}(?=\s|$)"),
        columns=re.compile(r"\s+".join(spelled_label(c) for c in layout.table_columns)),
        level1=_names([spec.name for spec in layout.level1]),
        level2={spec.name: _names(list(spec.level2)) for spec in layout.level1},
        any_level2=_names(list(owner)),
        level2_owner=owner,
        documents=documents,
        level_names=frozenset([*layout.level1_names, *owner]),
        row_label_pieces=_row_label_pieces(layout),
    )


def all_grammars() -> list[FormGrammar]:
    return [grammar_for(key) for key in all_layouts()]
