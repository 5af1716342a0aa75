"""Typed values at the boundary: money and dates as the officer types them.

Full-width digits, ``，`` thousands separators and stray spaces are understood; NaN, infinity,
exponents and impossible dates are refused with a message saying what is wrong.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from perfdesk.errors import InvalidValueError

# Full-width ASCII (U+FF01..U+FF5E) → ASCII, ideographic space → space, and the usual
# look-alikes met in pasted numbers.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x3000: 0x20, 0x3002: 0x2E, 0x2212: 0x2D, 0x2014: 0x2D, 0x2013: 0x2D})

MAX_MONEY = Decimal("1e15")  # a quadrillion 元: anything bigger is a typing accident
MAX_VALUE_LENGTH = 64  # longer than any amount or date; refused before any pattern runs


def fold_width(text: str) -> str:
    """Turn full-width characters into their ASCII twins (``１，０００`` → ``1,000``)."""
    return text.translate(_WIDTH_TABLE)


# ASCII digits only (re.ASCII): other scripts' digits are not what an officer types.
_MONEY_RE = re.compile(r"-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?", re.ASCII)
_CURRENCY_SIGNS = ("¥", "￥")


def parse_money(text: str | None) -> Decimal | None:
    """Read an amount in 元. Blank → ``None`` (blank is not 0).

    Accepts ``1000000``, ``1,000,000``, ``１，０００，０００``, ``1 000 000.50``, a leading ``¥`` and
    a trailing ``元``. Refuses anything else (exponents, NaN, infinity, letters) with
    :class:`InvalidValueError`.
    """
    if text is None:
        return None
    folded = fold_width(text).strip()
    if len(folded) > MAX_VALUE_LENGTH:
        raise InvalidValueError(f"金额“{clip(text)}”太长，不是一个金额")
    folded = folded.removesuffix("元").strip()
    for sign in _CURRENCY_SIGNS:
        folded = folded.removeprefix(sign).strip()
    if not folded:
        return None
    compact = re.sub(r"\s+", "", folded)
    if not _MONEY_RE.fullmatch(compact):
        raise InvalidValueError(f"金额“{clip(text)}”不是有效的数字（例如 1,000,000 或 1000000.50）")
    try:
        value = Decimal(compact.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise InvalidValueError(f"金额“{clip(text)}”不是有效的数字") from None
    if abs(value) >= MAX_MONEY:
        raise InvalidValueError(f"金额“{clip(text)}”过大")
    return value


def parse_money_in_unit(text: str | Decimal | None, scale: Decimal) -> Decimal | None:
    """An amount typed (or read off a form) in a unit of ``scale`` 元, in 元, exactly: ``12.5``
    in 万元 (scale 10000) is 125000 元. Blank → None; InvalidValueError when wrong or too big."""
    amount = text if isinstance(text, Decimal) else parse_money(text)
    if amount is None:
        return None
    value = amount * scale
    if scale != 1:  # one spelling for a whole number of 元 (125000, not 125000.0)
        value = (
            value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        )
    problem = money_problem(value)
    if problem:
        raise InvalidValueError(problem)
    return value


def money_problem(value: object) -> str | None:
    """What is wrong with an amount given as a number (not typed): the bounds typed amounts
    obey. None when it is blank or fine."""
    if value is None:
        return None
    if not isinstance(value, Decimal) or not value.is_finite():
        return "金额必须是有限的数字"
    if abs(value) >= MAX_MONEY:
        return "金额过大"
    if len(format(value, "f")) > MAX_VALUE_LENGTH:
        return "金额的位数太多"
    return None


def money_to_str(value: Decimal | None) -> str | None:
    """The exchange form of an amount: a plain decimal string, ``None`` for blank."""
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_money(value: Decimal | None, decimals: int = 0) -> str:
    """The printed form: thousands separators, ``decimals`` places (blank stays blank)."""
    if value is None:
        return ""
    if decimals == 0 and value != value.to_integral_value():
        decimals = 2  # never hide fen that were typed
    return f"{value:,.{decimals}f}"


# A trailing time of day (``2020/1/1 0:00:00``, as spreadsheets paste dates) is allowed.
_TIME = r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _TIME, re.ASCII
)
_COMPACT_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_date(text: str | None) -> date | None:
    """Read a date: ``2020-01-01``, ``2020/1/1``, ``2020年1月1日``, ``20200101``, full-width too.

    Blank → ``None``. Impossible dates (``2020-02-30``) are refused.
    """
    if text is None:
        return None
    folded = fold_width(text).strip()
    if not folded:
        return None
    if len(folded) > MAX_VALUE_LENGTH:
        raise InvalidValueError(f"日期“{clip(text)}”太长，不是一个日期")
    match = _DATE_RE.fullmatch(folded) or _COMPACT_DATE_RE.fullmatch(folded)
    if not match:
        raise InvalidValueError(f"日期“{clip(text)}”格式不对，请写成 YYYY-MM-DD，例如 2020-01-01")
    year, month, day = (int(g) for g in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValueError(f"日期“{clip(text)}”的年份不合理")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValueError(f"日期“{clip(text)}”不存在") from None


def normalize_date(text: str | None) -> str:
    """A date field's stored form: ``YYYY-MM-DD``, or ``""`` when blank."""
    parsed = parse_date(text)
    return parsed.isoformat() if parsed else ""


FIRST_FORM_YEAR, LAST_FORM_YEAR = 1990, 2200


def parse_year(value: int | str) -> int:
    if type(value) is int and not FIRST_FORM_YEAR <= value <= LAST_FORM_YEAR:
        raise InvalidValueError("年度不是有效的年份")  # str() of a huge int is itself refused
    text = fold_width(str(value)).strip().removesuffix("年").removesuffix("年度")
    if not re.fullmatch(r"\d{4}", text, re.ASCII) or not (
        FIRST_FORM_YEAR <= int(text) <= LAST_FORM_YEAR
    ):
        raise InvalidValueError(f"年度“{clip(str(value))}”不是有效的年份")
    return int(text)


def clip(text: str, limit: int = 30) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, to quote it in a message (a lone
    surrogate, which no file or screen takes, shown as its escape)."""
    text = text if len(text) <= limit else text[:limit] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
