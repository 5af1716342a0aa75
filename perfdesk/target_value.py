"""Understand what an officer typed as an indicator's 指标值 (target value).

The typed text is never altered or rejected. :func:`parse_target` keeps it verbatim in
:attr:`TargetValue.text` and adds what it could read from it — an operator, a number or a
range, a unit, or a qualitative grade — for the checks and for search. Text it cannot read
simply comes back with :attr:`TargetValue.understood` false.

Reading happens on :func:`normalize`'d text, so ``＝１００％``, ``>=90%`` and ``≧90%`` read
like ``=100%``, ``≥90%``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

__all__ = ["Operator", "TargetValue", "normalize", "parse_target"]


class Operator(StrEnum):
    """A comparison written before the number (or after it, as 以上 / 以内)."""

    EQ = "="
    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"


@dataclass(frozen=True)
class TargetValue:
    """One 指标值: the text as typed plus what could be read from it."""

    text: str
    """Exactly as typed, never changed."""
    operator: Operator | None
    """None when no operator was written."""
    number: Decimal | None
    """The number, or the low end of a range."""
    upper: Decimal | None
    """The high end of a range (``3--5``, ``3-5``, ``3~5``, ``3至5``), else None."""
    unit: str
    """``%``, ``次``, ``万元`` …, glued to the number or in brackets; "" if none."""
    grade: str
    """A qualitative value (合理, 健全, 及时, 反馈良好, 提高 …) when there is no number."""

    @property
    def is_quantitative(self) -> bool:
        """A number was found."""
        return self.number is not None

    @property
    def is_qualitative(self) -> bool:
        """No number, but a grade word."""
        return self.number is None and self.grade != ""

    @property
    def understood(self) -> bool:
        """Quantitative or qualitative; false for "", a lone ``=`` or garbage."""
        return self.is_quantitative or self.is_qualitative


# ---------------------------------------------------------------------------------------------
# normalize

# Full-width ASCII (U+FF01..U+FF5E) folds to ASCII, except ． which is a decimal point only
# between digits (see _DECIMAL_POINT).
_FOLD: dict[int, int | str | None] = {
    cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != ord("．")
}
_FOLD.update(
    {
        0x3000: " ",  # ideographic space
        ord("−"): "-",  # U+2212 minus sign
        ord("≧"): "≥",
        ord("⩾"): "≥",
        ord("≦"): "≤",
        ord("⩽"): "≤",
        0x200B: None,  # zero-width space
        0xFEFF: None,  # byte-order mark / zero-width no-break space
    }
)


def _character_class(codepoints: Iterable[int]) -> str:
    """A regular expression class of ``codepoints``, runs written as ranges (a class of a
    hundred single characters takes ten milliseconds to compile, at every start)."""
    runs: list[list[int]] = []
    for cp in sorted(codepoints):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return "[" + "".join(parts) + "]"


# Most text has nothing to fold; a search is far quicker than str.translate over a long text.
_TO_FOLD = re.compile(_character_class(_FOLD))
_TWO_CHAR_OPERATORS = {">=": "≥", "<=": "≤"}
_DECIMAL_POINT = re.compile(r"(?<=[0-9])[。．](?=[0-9])")
_DASHES = "-~—–―‒〜"
_RANGE_DASH = re.compile(rf"(?<=[0-9])[ \t]*[{_DASHES}]+[ \t]*(?=[0-9])")


def normalize(text: str) -> str:
    """Fold widths and look-alikes so that the scanner sees one spelling.

    Full-width digits, letters and punctuation become ASCII (``１００％`` → ``100%``);
    ``≧ ＞＝ >=`` → ``≥``; ``≦ ＜＝ <=`` → ``≤``; ``。``/``．`` between digits → ``.``; a run of
    dashes or tildes between two numbers → one ``-`` (``3——5`` → ``3-5``); zero-width
    characters are dropped and surrounding whitespace (U+3000 included) is stripped.
    """
    s = text.translate(_FOLD) if _TO_FOLD.search(text) else text
    for typed, symbol in _TWO_CHAR_OPERATORS.items():
        s = s.replace(typed, symbol)
    s = _DECIMAL_POINT.sub(".", s)
    s = _RANGE_DASH.sub("-", s)
    return s.strip()


# ---------------------------------------------------------------------------------------------
# scanner pieces

_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
_HAN_RE = re.compile(_HAN)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternative of ``words``, longest first so 不低于 wins over 低于."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PREFIX_OPERATORS: dict[str, Operator] = {
    "=": Operator.EQ,
    "等于": Operator.EQ,
    "≥": Operator.GE,
    "不低于": Operator.GE,
    "不少于": Operator.GE,
    "不小于": Operator.GE,
    "不得低于": Operator.GE,
    "不得少于": Operator.GE,
    "至少": Operator.GE,
    "最少": Operator.GE,
    "大于等于": Operator.GE,
    "大于或等于": Operator.GE,
    "≤": Operator.LE,
    "不高于": Operator.LE,
    "不超过": Operator.LE,
    "不多于": Operator.LE,
    "不大于": Operator.LE,
    "不得高于": Operator.LE,
    "不得超过": Operator.LE,
    "至多": Operator.LE,
    "最多": Operator.LE,
    "小于等于": Operator.LE,
    "小于或等于": Operator.LE,
    ">": Operator.GT,
    "大于": Operator.GT,
    "超过": Operator.GT,
    "高于": Operator.GT,
    "多于": Operator.GT,
    "<": Operator.LT,
    "小于": Operator.LT,
    "低于": Operator.LT,
    "少于": Operator.LT,
}
_POSTFIX_OPERATORS: dict[str, Operator] = {
    "以上": Operator.GE,
    "及以上": Operator.GE,
    "以下": Operator.LE,
    "及以下": Operator.LE,
    "以内": Operator.LE,
    "之内": Operator.LE,
}
_PREFIX_OPERATOR = re.compile(_alternation(_PREFIX_OPERATORS))
# "500次以上", "100%(含)以上"
_POSTFIX_OPERATOR = re.compile(rf"\s*(?:\(含\)\s*)?({_alternation(_POSTFIX_OPERATORS)})")
_LEADING_SYMBOL = re.compile(r"([=≥≤><])\s*")

# A number: 1400, 1,400, 100.00, -5 (a minus only where no digit, letter or separator precedes
# it). An exponent (1e5, 2.5E-3) matches the "exp" branch and is skipped: it is not a number.
_NUMBER = re.compile(
    r"(?<![0-9.．])"
    r"(?:(?P<exp>-?[0-9][0-9.,]*[eE][+-]?[0-9]+)"
    r"|(?:(?<![0-9A-Za-z,])(?P<sign>-))?"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?)"
    r"(?![0-9])"
)

# Units: symbols, ASCII words (km, GB), or CJK measure words, optionally "per" another unit.
_UNIT_WORDS = (
    "个百分点", "百分点", "个工作日", "工作日", "平方公里", "平方千米", "平方米", "立方米",
    "个月", "小时", "分钟", "公里", "千米", "千克", "公斤", "公顷",
    "人次", "户次", "场次", "批次", "架次", "课时", "学时",
)  # fmt: skip
# Characters that follow a number without being its unit (以上, 左右, 至, 余, (含) …).
_NOT_UNIT = "以及至到或和与左右上下内之不的且等余多约含共计为达是每"
_HAN_UNIT = rf"[万亿千]?(?:{_alternation(_UNIT_WORDS)}|(?![{_NOT_UNIT}]){_HAN})"
# One token, matched twice for 人/天 and once more inside brackets: each copy of a class of
# CJK characters in a pattern costs milliseconds to compile, at every start.
_UNIT_TOKEN = re.compile(rf"(?:[%‰‱℃㎡㎞㎏]|°C?|[A-Za-z]+[²³]?|{_HAN_UNIT})")
_BLANKS = re.compile(r"[ \t]*")
_OPENING_BRACKET = re.compile(r"[ \t]*[(\[【〔][ \t]*")
_CLOSING_BRACKET = re.compile(r"[ \t]*[)\]】〕]")
_RANGE_SEPARATOR = re.compile(rf"[ \t]*(?:[{_DASHES}]+|至(?![少多])|到)[ \t]*")


class _Number(NamedTuple):
    value: Decimal
    start: int
    end: int


def _number(match: re.Match[str]) -> _Number | None:
    """The number a _NUMBER match stands for; None for an exponent."""
    if match["exp"] is not None:
        return None
    digits = (match["sign"] or "") + match["int"].replace(",", "") + (match["frac"] or "")
    return _Number(Decimal(digits), match.start(), match.end())


def _number_at(s: str, pos: int) -> _Number | None:
    match = _NUMBER.match(s, pos)
    return _number(match) if match else None


def _first_number(s: str) -> _Number | None:
    for match in _NUMBER.finditer(s):
        number = _number(match)
        if number is not None:
            return number
    return None


def _unit_at(s: str, pos: int) -> tuple[str, int]:
    """The unit starting at ``pos`` (glued or bracketed) and where it ends; ("", pos) if none."""
    opening = _OPENING_BRACKET.match(s, pos)
    if opening is not None:
        end = _unit_end(s, opening.end())
        closing = None if end is None else _CLOSING_BRACKET.match(s, end)
        if closing is not None:
            return s[opening.end() : end], closing.end()
    start = _BLANKS.match(s, pos).end()  # type: ignore[union-attr]  # (matches always)
    end = _unit_end(s, start)
    return (s[start:end], end) if end is not None else ("", pos)


def _unit_end(s: str, pos: int) -> int | None:
    """Where a unit (one token, or two as ``人/天``) starting at ``pos`` ends; None if none."""
    first = _UNIT_TOKEN.match(s, pos)
    if first is None:
        return None
    per = _UNIT_TOKEN.match(s, first.end() + 1) if s.startswith("/", first.end()) else None
    return (per or first).end()


def _find_number(s: str) -> tuple[Operator | None, _Number] | None:
    """The number to read and the operator written before it.

    A number right after an operator (``阅读量≥ 90%``) wins; otherwise the first number, with
    the last operator written somewhere before it.
    """
    for op in _PREFIX_OPERATOR.finditer(s):
        start = op.end()
        while start < len(s) and s[start].isspace():
            start += 1
        number = _number_at(s, start)
        if number is not None:
            return _PREFIX_OPERATORS[op[0]], number
    number = _first_number(s)
    if number is None:
        return None
    before = [op[0] for op in _PREFIX_OPERATOR.finditer(s, 0, number.start)]
    return (_PREFIX_OPERATORS[before[-1]] if before else None), number


def parse_target(text: str) -> TargetValue:
    """Read ``text`` as a 指标值; never raises, and keeps ``text`` unchanged."""
    s = normalize(text)
    found = _find_number(s)
    if found is None:
        return _qualitative(text, s)
    operator, low = found
    unit, pos = _unit_at(s, low.end)
    upper: Decimal | None = None
    separator = _RANGE_SEPARATOR.match(s, pos)
    if separator:
        high = _number_at(s, separator.end())
        if high is not None and high.value >= low.value:  # 2020-12-31 is no range
            upper = high.value
            high_unit, pos = _unit_at(s, high.end)
            unit = high_unit or unit
    if operator is None:
        postfix = _POSTFIX_OPERATOR.match(s, pos)
        if postfix:
            operator = _POSTFIX_OPERATORS[postfix[1]]
    return TargetValue(text, operator, low.value, upper, unit, grade="")


def _qualitative(text: str, s: str) -> TargetValue:
    """A value without a number: an optional leading symbol, then a grade if any CJK text."""
    operator: Operator | None = None
    rest = s
    symbol = _LEADING_SYMBOL.match(s)
    if symbol:
        operator = Operator(symbol[1])
        rest = s[symbol.end() :]
    # A comparison written in words with nothing to compare (不低于, 以上 alone) is an operator
    # whose number is missing, as a lone ≥ is, not a grade.
    word = rest.strip()
    worded = _PREFIX_OPERATORS.get(word) or _POSTFIX_OPERATORS.get(word)
    if worded is not None:
        return TargetValue(text, operator or worded, None, None, "", grade="")
    grade = word if _HAN_RE.search(rest) else ""
    return TargetValue(text, operator, None, None, "", grade)
